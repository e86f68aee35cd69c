// Mandatory TOTP for owners and practitioners, switched on and off by the owner (R-SEC-1).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus } from './lib/expect.mjs';
import { stepWithRoom, totpCode } from './lib/totp.mjs';

describe('practice-wide TOTP requirement (demo practice)', () => {
  let h;

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20, 'login.lock_after': 40 } });
  });

  after(async () => {
    await h?.stop();
  });

  test('R-SEC-1: only the owner may change the practice settings', async () => {
    for (const email of [DEMO.practitioner, DEMO.assistant, DEMO.quality, DEMO.auditor]) {
      const api = await h.as(email);
      expectProblem(
        await api.patch('/api/v1/practice', { json: { totp_required: true } }),
        403,
        'forbidden',
      );
    }
    const owner = await h.as(DEMO.owner);
    const me = expectStatus(await owner.get('/api/v1/me'), 200);
    assert.equal(me.practice.totp_required, false, 'refused changes did not happen');
  });

  test('R-SEC-1: with TOTP required, owners and practitioners without TOTP must enrol first', async () => {
    const owner = await h.as(DEMO.owner);
    const practice = expectStatus(await owner.patch('/api/v1/practice', { json: { totp_required: true } }), 200);
    assert.equal(practice.totp_required, true);

    for (const email of [DEMO.owner, DEMO.practitioner, DEMO.practitionerUtrecht]) {
      const api = h.client();
      const user = await api.mustLogin(email, h.password(email));
      assert.equal(user.totp_enrolment_required, true, email);
      assert.equal(user.practice.totp_required, true, email);
      expectProblem(await api.get('/api/v1/clients'), 403, 'totp_enrolment_required');
      expectProblem(await api.get('/api/v1/locations'), 403, 'totp_enrolment_required');
      expectStatus(await api.get('/api/v1/me'), 200);
    }
    // The requirement is for owners and practitioners only.
    for (const email of [DEMO.assistant, DEMO.auditor]) {
      const api = h.client();
      const user = await api.mustLogin(email, h.password(email));
      assert.equal(user.totp_enrolment_required, false, email);
      expectStatus(await api.get('/api/v1/clients'), 200);
    }
  });

  test('R-SEC-1: a restricted owner cannot turn the requirement off before enrolling', async () => {
    const owner = h.client();
    await owner.mustLogin(DEMO.owner, h.password(DEMO.owner));
    expectProblem(
      await owner.patch('/api/v1/practice', { json: { totp_required: false } }),
      403,
      'totp_enrolment_required',
    );
  });

  test('R-SEC-1: after enrolling, the owner turns mandatory TOTP off and practitioners work again', async () => {
    const owner = h.client();
    await owner.mustLogin(DEMO.owner, h.password(DEMO.owner));
    const { secret } = expectStatus(await owner.post('/api/v1/me/totp'), 200);
    const step = await stepWithRoom(10);
    const me = expectStatus(
      await owner.post('/api/v1/me/totp/confirm', { json: { code: totpCode(secret, { step }) } }),
      200,
    );
    assert.equal(me.totp_enabled, true);
    assert.equal(me.totp_enrolment_required, false);

    const practice = expectStatus(await owner.patch('/api/v1/practice', { json: { totp_required: false } }), 200);
    assert.equal(practice.totp_required, false);

    const api = h.client();
    const user = await api.mustLogin(DEMO.practitioner, h.password(DEMO.practitioner));
    assert.equal(user.totp_enrolment_required, false);
    assert.equal(user.practice.totp_required, false);
    expectStatus(await api.get('/api/v1/clients'), 200);

    // The owner enabled TOTP, so the owner's own login still needs a code.
    expectProblem(await h.client().login(DEMO.owner, h.password(DEMO.owner)), 401, 'totp_required');
    await h.client().mustLogin(DEMO.owner, h.password(DEMO.owner), totpCode(secret, { step, offset: 1 }));

    // A session left open is not enough to move the second factor to another phone.
    expectProblem(await owner.post('/api/v1/me/totp'), 422, 'required', 'password');
    expectProblem(await owner.post('/api/v1/me/totp', { json: { password: 'geraden' } }), 422, 'invalid_value', 'password');
    expectStatus(await owner.post('/api/v1/me/totp', { json: { password: h.password(DEMO.owner) } }), 200);
  });
});
