// huidig init: the one-time owner password, mandatory TOTP enrolment, TOTP login, reuse (R-SEC-1).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';
import { currentStep, stepWithRoom, totpCode } from './lib/totp.mjs';

const OWNER = 'eigenaar@praktijk-test.example';
const NEW_PASSWORD = 'zonnebloem-lavendel-42';

/** A 6-digit code that is none of the valid codes for steps step-2..step+2. */
function wrongCode(secret, step) {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totpCode(secret, { step, offset })));
  for (let n = 0; ; n++) {
    const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

describe('owner of a new practice (huidig init)', () => {
  let h;
  let oneTime;
  let api; // the owner's current session
  let secret;
  let step;

  before(async () => {
    h = await startHuidig({
      kind: 'init',
      practice: 'Huidkliniek Proef',
      owner: OWNER,
      toml: { 'login.slow_after': 20, 'login.lock_after': 40 },
    });
    assert.equal(h.accounts.length, 1, `init prints owner<TAB>EMAIL<TAB>PASSWORD last: ${h.stdout}`);
    assert.equal(h.accounts[0].role, 'owner');
    assert.equal(h.accounts[0].email, OWNER);
    oneTime = h.accounts[0].password;
    assert.ok(oneTime.length >= 8, 'the one-time password has at least 8 characters');
  });

  after(async () => {
    await h?.stop();
  });

  test('R-SEC-1: the one-time owner password opens a session that must change it first', async () => {
    api = h.client();
    const res = await api.login(OWNER, oneTime);
    const body = expectStatus(res, 200);
    assert.equal(body.user.role, 'owner');
    assert.equal(body.user.password_change_required, true);
    assert.equal(body.user.totp_enabled, false);
    assert.equal(body.user.practice.name, 'Huidkliniek Proef');
    assert.equal(body.user.practice.totp_required, true, 'TOTP is mandatory for owners by default');

    expectStatus(await api.get('/api/v1/me'), 200);
    expectProblem(await api.get('/api/v1/locations'), 403, 'password_change_required');
    expectProblem(await api.get('/api/v1/clients'), 403, 'password_change_required');
    expectProblem(
      await api.post('/api/v1/clients', { json: newClient() }),
      403,
      'password_change_required',
    );
    expectProblem(
      await api.patch('/api/v1/practice', { json: { totp_required: false } }),
      403,
      'password_change_required',
    );
  });

  test('R-SEC-1: a short or common new password, or a wrong current one, is refused', async () => {
    expectProblem(
      await api.post('/api/v1/me/password', {
        json: { current_password: oneTime, new_password: 'kort' },
        invalid: true,
      }),
      422,
      'password_too_short',
      'new_password',
    );
    for (const common of ['12345678', 'password', 'wachtwoord']) {
      expectProblem(
        await api.post('/api/v1/me/password', { json: { current_password: oneTime, new_password: common } }),
        422,
        'password_too_common',
        'new_password',
      );
    }
    expectProblem(
      await api.post('/api/v1/me/password', { json: { current_password: 'niet-het-oude', new_password: NEW_PASSWORD } }),
      422,
      'invalid_value',
      'current_password',
    );
    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.password_change_required, true, 'still the one-time password');
  });

  test('R-SEC-1: changing the one-time password lifts that restriction; TOTP enrolment is next', async () => {
    const res = await api.post('/api/v1/me/password', {
      json: { current_password: oneTime, new_password: NEW_PASSWORD },
    });
    expectStatus(res, 204);
    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.password_change_required, false);
    assert.equal(me.totp_enrolment_required, true);
    expectProblem(await api.get('/api/v1/locations'), 403, 'totp_enrolment_required');
    expectProblem(await api.get('/api/v1/clients'), 403, 'totp_enrolment_required');

    // The one-time password is gone; the new one works (TOTP is not enabled yet).
    expectProblem(await h.client().login(OWNER, oneTime), 401, 'invalid_credentials');
    const fresh = h.client();
    const user = await fresh.mustLogin(OWNER, NEW_PASSWORD);
    assert.equal(user.password_change_required, false);
    assert.equal(user.totp_enrolment_required, true);
    expectProblem(await fresh.get('/api/v1/clients'), 403, 'totp_enrolment_required');
    api = fresh;
  });

  test('R-SEC-1: TOTP enrolment answers a base32 secret, an otpauth URI and a QR code SVG', async () => {
    const res = await api.post('/api/v1/me/totp');
    const body = expectStatus(res, 200);
    secret = body.secret;
    assert.match(secret, /^[A-Z2-7]+=*$/);
    assert.ok(secret.replace(/=+$/, '').length * 5 >= 128, 'a secret of at least 128 bits');
    const uri = new URL(body.otpauth_uri);
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(uri.searchParams.get('secret')?.toUpperCase(), secret.replace(/=+$/, ''));
    assert.ok(decodeURIComponent(uri.pathname).includes(OWNER), `the label names the account: ${body.otpauth_uri}`);
    if (uri.searchParams.has('digits')) assert.equal(uri.searchParams.get('digits'), '6');
    if (uri.searchParams.has('period')) assert.equal(uri.searchParams.get('period'), '30');
    if (uri.searchParams.has('algorithm')) assert.equal(uri.searchParams.get('algorithm').toUpperCase(), 'SHA1');
    assert.match(body.qr_svg, /<svg[\s>]/);
    assert.match(body.qr_svg, /<\/svg>\s*$/);
    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.totp_enabled, false, 'not enabled before the confirmation');
  });

  test('R-SEC-1: a wrong code does not confirm the enrolment', async () => {
    const res = await api.post('/api/v1/me/totp/confirm', { json: { code: wrongCode(secret, currentStep()) } });
    // Signed in already: a wrong code is a form error on the field, not a failed login.
    expectProblem(res, 422, 'totp_invalid', 'code');
    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.totp_enabled, false);
    assert.equal(me.totp_enrolment_required, true);
  });

  test('R-SEC-1: a valid code enables TOTP and lifts the enrolment restriction', async () => {
    // The next tests use the codes of steps step-1, step and step+1 and must all run while the
    // server's clock is in `step` (it accepts ±1 step and refuses a step not newer than the last).
    step = await stepWithRoom(20);
    const res = await api.post('/api/v1/me/totp/confirm', {
      json: { code: totpCode(secret, { step, offset: -1 }) },
    });
    const me = expectStatus(res, 200);
    assert.equal(me.totp_enabled, true);
    assert.equal(me.totp_enrolment_required, false);
    expectStatus(await api.get('/api/v1/locations'), 200);
    expectStatus(await api.get('/api/v1/clients'), 200);
  });

  test('R-SEC-1: with TOTP enabled a login needs the code: missing is totp_required, right logs in', async () => {
    const missing = await h.client().login(OWNER, NEW_PASSWORD);
    expectProblem(missing, 401, 'totp_required');
    assert.equal(missing.raw.length, 0, 'no session without the second factor');

    // A wrong password is invalid_credentials whatever the code: the code is not even looked at.
    const wrongPassword = await h.client().login(OWNER, 'verkeerd-wachtwoord', wrongCode(secret, step));
    expectProblem(wrongPassword, 401, 'invalid_credentials');

    const a = h.client();
    const user = await a.mustLogin(OWNER, NEW_PASSWORD, totpCode(secret, { step }));
    assert.equal(user.totp_enabled, true);
    expectStatus(await a.get('/api/v1/clients'), 200);

    // A second login within the same 30 s uses the next step's code (±1 step is accepted).
    const b = h.client();
    await b.mustLogin(OWNER, NEW_PASSWORD, totpCode(secret, { step, offset: 1 }));
    api = b;
  });

  test('R-SEC-1: a TOTP code is used once only, and an older step is refused after a newer one', async () => {
    assert.equal(currentStep(), step, 'the TOTP tests ran within one 30 s step');
    const reused = await h.client().login(OWNER, NEW_PASSWORD, totpCode(secret, { step, offset: 1 }));
    expectProblem(reused, 401, 'totp_invalid');
    const older = await h.client().login(OWNER, NEW_PASSWORD, totpCode(secret, { step }));
    expectProblem(older, 401, 'totp_invalid');
    const wrong = await h.client().login(OWNER, NEW_PASSWORD, wrongCode(secret, step));
    expectProblem(wrong, 401, 'totp_invalid');
    assert.equal(reused.raw.length + older.raw.length + wrong.raw.length, 0, 'no session was made');
  });

  test('R-SEC-1: the owner turns mandatory TOTP off for the practice', async () => {
    const res = await api.patch('/api/v1/practice', { json: { totp_required: false } });
    const practice = expectStatus(res, 200);
    assert.equal(practice.totp_required, false);
    assert.equal(practice.name, 'Huidkliniek Proef');
    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.practice.totp_required, false);
    assert.equal(me.practice.id, practice.id);
    assert.equal(me.totp_enabled, true, "the owner's own TOTP stays on");

    expectProblem(
      await api.patch('/api/v1/practice', { json: { totp_required: 'nee' }, invalid: true }),
      422,
      'wrong_type',
      'totp_required',
    );
    expectProblem(
      await api.patch('/api/v1/practice', { json: { totp_required: true, name: 'x' }, invalid: true }),
      400,
      'unknown_field',
      'name',
    );
    const again = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(again.practice.totp_required, false, 'refused patches change nothing');
  });
});
