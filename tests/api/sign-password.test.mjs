// A practice can require the signer's password to sign a session (issue 12): who signs is
// the person signed in, not whoever picks up the tablet.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';

const INFO = { goal: 'Egalere huid', expected_result: 'Minder littekens', risks: 'Roodheid', planned_sessions: 2 };
const RECORD = {
  body_areas: ['wangen'],
  products: [{ kind: 'product', name: 'Cartridge', batch: 'LOT-1' }],
  device: { name: 'Dermapen 4', settings: '0,5 mm' },
  result: 'Goed',
};

describe('signing with the password (demo practice)', () => {
  let h;
  let owner;
  let practitioner;
  let trajectory;

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20, 'login.lock_after': 40 } });
    owner = await h.as(DEMO.owner);
    practitioner = await h.as(DEMO.practitioner);
    const me = expectStatus(await practitioner.get('/api/v1/me'), 200);
    const client = expectStatus(await practitioner.post('/api/v1/clients', { json: newClient({ location: me.locations[0].id, records_consent: 'given' }) }), 201);
    expectStatus(await practitioner.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'geen' } }), 201);
    trajectory = expectStatus(await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, { json: { treatment_type: 'microneedling', ...INFO, intake_reviewed: true } }), 201);
    expectStatus(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/consents`, {
      json: { kind: 'informed', text: 'Informatie microneedling', signature: { kind: 'typed', value: 'Testa Proefpersoon' } },
    }), 201);
  });
  after(() => h?.stop());

  const draft = async () => expectStatus(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: RECORD }), 201);

  test('the owner turns it on; signing then needs the signer\'s own password', async () => {
    expectProblem(await practitioner.patch('/api/v1/practice', { json: { sign_requires_password: true } }), 403, 'forbidden');
    const practice = expectStatus(await owner.patch('/api/v1/practice', { json: { sign_requires_password: true } }), 200);
    assert.equal(practice.sign_requires_password, true);
    assert.equal(expectStatus(await practitioner.get('/api/v1/me'), 200).practice.sign_requires_password, true);

    const s = await draft();
    expectProblem(await practitioner.post(`/api/v1/sessions/${s.id}/sign`), 422, 'required', 'password');
    expectProblem(await practitioner.post(`/api/v1/sessions/${s.id}/sign`, { json: { password: h.password(DEMO.owner) } }),
      422, 'invalid_value', 'password');
    assert.equal(sqlite(h.db, `SELECT status FROM treatment_sessions WHERE id = '${s.id}'`)[0].status, 'draft');
    const refused = sqlite(h.db, "SELECT count(*) AS n FROM audit_log WHERE action = 'sign' AND outcome = 'refused'")[0].n;
    assert.ok(refused >= 1, 'a wrong password at signing is audited');
    const signed = expectStatus(await practitioner.post(`/api/v1/sessions/${s.id}/sign`, { json: { password: h.password(DEMO.practitioner) } }), 200);
    assert.equal(signed.status, 'signed');
  });

  test('turned off, a tap signs again', async () => {
    expectStatus(await owner.patch('/api/v1/practice', { json: { sign_requires_password: false } }), 200);
    const s = await draft();
    expectStatus(await practitioner.post(`/api/v1/sessions/${s.id}/sign`), 200);
  });
});
