// The team as the owner manages it (R-STAFF-3): adding a colleague with a one-time password,
// changing role and locations, disabling and enabling, an auditor's end date; and who may.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, locationIds } from './lib/expect.mjs';
import { stepWithRoom, totpCode } from './lib/totp.mjs';

const NEW_PASSWORD = 'korenbloem-zeewier-77';

describe('staff management (demo practice)', () => {
  let h;
  let owner;
  let practitioner;
  let assistant;
  let places; // {"Amsterdam Centrum": id, "Utrecht": id}
  let added; // the new colleague as POST answered

  const auditRows = (objectId) =>
    sqlite(h.db, `SELECT action, outcome, actor_role FROM audit_log WHERE object_type = 'user' AND object_id = '${objectId}' ORDER BY seq`);

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 50, 'login.lock_after': 100 } });
    owner = await h.as(DEMO.owner);
    practitioner = await h.as(DEMO.practitioner);
    assistant = await h.as(DEMO.assistant);
    places = locationIds(expectStatus(await owner.get('/api/v1/me'), 200));
  });
  after(() => h?.stop());

  test('R-STAFF-3: the owner adds a practitioner, who gets a one-time password shown once', async () => {
    const res = await owner.post('/api/v1/staff', {
      json: { name: 'Noor Nieuw', email: 'noor@demo.example', role: 'practitioner', locations: [places.Utrecht] },
    });
    added = expectStatus(res, 201);
    assert.equal(res.headers.get('location'), `/api/v1/staff/${added.id}`);
    assert.equal(added.name, 'Noor Nieuw');
    assert.equal(added.role, 'practitioner');
    assert.deepEqual(added.locations, [places.Utrecht]);
    assert.equal(added.active, true);
    assert.ok(added.one_time_password.length >= 12, 'a one-time password long enough to type once');

    const list = expectStatus(await owner.get('/api/v1/staff'), 200).items;
    const noor = list.find((s) => s.id === added.id);
    assert.equal(noor.email, 'noor@demo.example');
    assert.deepEqual(noor.locations, [places.Utrecht]);
    assert.ok(!('one_time_password' in noor), 'the password is shown once, not in the list');
    assert.ok(!JSON.stringify(list).match(/hash|secret|password/i), 'no credentials in the owner list');
    assert.deepEqual(auditRows(added.id).map((r) => [r.action, r.actor_role]), [['create', 'owner']]);
  });

  test('R-SEC-1: the new colleague must set their own password before anything else', async () => {
    const noor = h.client();
    const me = expectStatus(await noor.login('noor@demo.example', added.one_time_password), 200).user;
    assert.equal(me.password_change_required, true);
    expectProblem(await noor.get('/api/v1/clients'), 403, 'password_change_required');
    expectStatus(await noor.post('/api/v1/me/password', {
      json: { current_password: added.one_time_password, new_password: NEW_PASSWORD },
    }), 204);
    const again = h.client();
    const after = expectStatus(await again.login('noor@demo.example', NEW_PASSWORD), 200).user;
    assert.equal(after.password_change_required, false);
    // A practitioner at Utrecht only: the location list is hers.
    const locations = expectStatus(await again.get('/api/v1/locations'), 200).items;
    assert.deepEqual(locations.map((l) => l.id), [places.Utrecht]);
    expectProblem(await again.login('noor@demo.example', added.one_time_password), 401, 'invalid_credentials');
  });

  test('R-STAFF-3: only the owner adds or changes staff; others see names and roles only', async () => {
    const json = { name: 'Sam Stiekem', email: 'sam@demo.example', role: 'owner', locations: [] };
    expectProblem(await practitioner.post('/api/v1/staff', { json }), 403, 'forbidden');
    expectProblem(await assistant.post('/api/v1/staff', { json }), 403, 'forbidden');
    expectProblem(await practitioner.patch(`/api/v1/staff/${added.id}`, { json: { active: false } }), 403, 'forbidden');
    const seen = expectStatus(await assistant.get('/api/v1/staff'), 200).items;
    assert.ok(seen.some((s) => s.name === 'Noor Nieuw'));
    assert.ok(!JSON.stringify(seen).includes('@'), 'no email addresses for the front desk');
    assert.equal(sqlite(h.db, "SELECT count(*) AS n FROM users WHERE email = 'sam@demo.example'")[0].n, 0);
  });

  test('R-STAFF-3: errors name the field; nothing is half written', async () => {
    const before = sqlite(h.db, 'SELECT count(*) AS n FROM users')[0].n;
    const bad = (json) => owner.post('/api/v1/staff', { json, invalid: true });
    expectProblem(await bad({ name: 'Ank Auditor', email: 'ank@demo.example', role: 'auditor' }), 422, 'required', 'access_until');
    expectProblem(await bad({ name: 'Ank Auditor', email: 'ank@demo.example', role: 'auditor', access_until: '2020-01-01T00:00:00Z' }),
      422, 'invalid_value', 'access_until');
    expectProblem(await bad({ name: 'Pim', email: 'pim@demo.example', role: 'practitioner' }), 422, 'required', 'locations');
    expectProblem(await bad({ name: 'Pim', email: 'pim@demo.example', role: 'practitioner', locations: ['00000000-0000-4000-8000-000000000000'] }),
      422, 'invalid_value', 'locations');
    expectProblem(await bad({ name: 'Pim', email: 'pim@demo.example', role: 'baas', locations: [places.Utrecht] }), 422, 'invalid_value', 'role');
    expectProblem(await bad({ name: '', email: 'pim@demo.example', role: 'assistant', locations: [places.Utrecht] }), 422, 'required', 'name');
    expectProblem(await owner.post('/api/v1/staff', {
      json: { name: 'Dubbel', email: 'noor@demo.example', role: 'assistant', locations: [places.Utrecht] },
    }), 409, 'email_taken', 'email');
    assert.equal(sqlite(h.db, 'SELECT count(*) AS n FROM users')[0].n, before);

    const auditor = expectStatus(await owner.post('/api/v1/staff', {
      json: { name: 'Ank Auditor', email: 'ank@demo.example', role: 'auditor', access_until: '2099-06-30T22:00:00Z' },
    }), 201);
    assert.equal(auditor.all_locations, true);
    assert.equal(Date.parse(auditor.access_until), Date.parse('2099-06-30T22:00:00Z'));
    expectProblem(await owner.patch(`/api/v1/staff/${auditor.id}`, { json: { access_until: null } }), 422, 'required', 'access_until');
  });

  test('R-STAFF-3: disabling ends the open session at once; the login answers as a wrong password', async () => {
    const noor = h.client();
    await noor.mustLogin('noor@demo.example', NEW_PASSWORD);
    expectStatus(await noor.get('/api/v1/locations'), 200);

    const changed = expectStatus(await owner.patch(`/api/v1/staff/${added.id}`, { json: { active: false } }), 200);
    assert.equal(changed.active, false);
    expectProblem(await noor.get('/api/v1/locations'), 401, 'unauthenticated');

    const disabled = await h.client().login('noor@demo.example', NEW_PASSWORD);
    const wrong = await h.client().login('noor@demo.example', 'niet-het-wachtwoord');
    expectProblem(disabled, 401, 'invalid_credentials');
    assert.deepEqual(disabled.json, wrong.json, 'a disabled account answers exactly as a wrong password');

    // Still readable as an author: the names list keeps her, marked inactive.
    const names = expectStatus(await assistant.get('/api/v1/staff'), 200).items;
    assert.equal(names.find((s) => s.id === added.id).active, false);

    expectStatus(await owner.patch(`/api/v1/staff/${added.id}`, { json: { active: true, role: 'assistant', locations: [places['Amsterdam Centrum']] } }), 200);
    const back = h.client();
    const me = await back.mustLogin('noor@demo.example', NEW_PASSWORD);
    assert.equal(me.role, 'assistant');
    assert.deepEqual(auditRows(added.id).map((r) => r.action), ['create', 'disable', 'enable']);
  });

  test('R-STAFF-3: the owner cannot lock themselves out', async () => {
    const me = expectStatus(await owner.get('/api/v1/me'), 200);
    const { id } = me;
    expectProblem(await owner.patch(`/api/v1/staff/${id}`, { json: { active: false } }), 409, 'own_account');
    expectProblem(await owner.patch(`/api/v1/staff/${id}`, { json: { role: 'assistant' } }), 409, 'own_account');
    expectProblem(await owner.patch('/api/v1/staff/not-a-uuid', { json: { active: false } }), 404, 'not_found');
    expectProblem(await owner.patch(`/api/v1/staff/${added.id}`, { json: {}, invalid: true }), 422, 'required');
    expectStatus(await owner.get('/api/v1/me'), 200);
  });

  test('R-STAFF-3: a forgotten password: the owner gives a new one-time password, the old one and open sessions end', async () => {
    const noor = h.client();
    await noor.mustLogin('noor@demo.example', NEW_PASSWORD);
    expectProblem(await practitioner.post(`/api/v1/staff/${added.id}/password-reset`), 403, 'forbidden');
    const reset = expectStatus(await owner.post(`/api/v1/staff/${added.id}/password-reset`), 200);
    assert.equal(reset.id, added.id);
    assert.notEqual(reset.one_time_password, added.one_time_password);
    expectProblem(await noor.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await h.client().login('noor@demo.example', NEW_PASSWORD), 401, 'invalid_credentials');
    const fresh = h.client();
    const me = await fresh.mustLogin('noor@demo.example', reset.one_time_password);
    assert.equal(me.password_change_required, true);
    expectStatus(await fresh.post('/api/v1/me/password', {
      json: { current_password: reset.one_time_password, new_password: NEW_PASSWORD },
    }), 204);

    const { id } = expectStatus(await owner.get('/api/v1/me'), 200);
    expectProblem(await owner.post(`/api/v1/staff/${id}/password-reset`), 409, 'own_account');
    expectProblem(await owner.post('/api/v1/staff/00000000-0000-4000-8000-000000000000/password-reset'), 404, 'not_found');
    assert.equal(auditRows(added.id).at(-1).action, 'password_reset');
  });

  test('R-STAFF-3: a lost phone: the owner removes the second factor and the colleague enrols again', async () => {
    const noor = h.client();
    await noor.mustLogin('noor@demo.example', NEW_PASSWORD);
    const { secret } = expectStatus(await noor.post('/api/v1/me/totp', { json: { password: NEW_PASSWORD } }), 200);
    const step = await stepWithRoom(10);
    expectStatus(await noor.post('/api/v1/me/totp/confirm', { json: { code: totpCode(secret, { step }) } }), 200);
    expectProblem(await h.client().login('noor@demo.example', NEW_PASSWORD), 401, 'totp_required');

    expectProblem(await assistant.post(`/api/v1/staff/${added.id}/totp-reset`), 403, 'forbidden');
    const reset = expectStatus(await owner.post(`/api/v1/staff/${added.id}/totp-reset`), 200);
    assert.equal(reset.active, true);
    expectProblem(await noor.get('/api/v1/me'), 401, 'unauthenticated');
    const me = await h.client().mustLogin('noor@demo.example', NEW_PASSWORD);
    assert.equal(me.totp_enabled, false);
    assert.equal(auditRows(added.id).at(-1).action, 'totp_reset');
  });

  test("R-STAFF-3: an auditor's access ends by itself at the end date", async () => {
    const until = new Date(Date.now() + 2500).toISOString();
    const auditor = expectStatus(await owner.post('/api/v1/staff', {
      json: { name: 'Kort Bezoek', email: 'kort@demo.example', role: 'auditor', access_until: until },
    }), 201);
    const api = h.client();
    await api.mustLogin('kort@demo.example', auditor.one_time_password);
    expectStatus(await api.get('/api/v1/me'), 200);
    await new Promise((r) => setTimeout(r, Date.parse(until) - Date.now() + 200));
    expectProblem(await api.get('/api/v1/me'), 401, 'unauthenticated');
    const late = await h.client().login('kort@demo.example', auditor.one_time_password);
    const wrong = await h.client().login('kort@demo.example', 'niet-het-wachtwoord');
    expectProblem(late, 401, 'invalid_credentials');
    assert.deepEqual(late.json, wrong.json);
  });
});
