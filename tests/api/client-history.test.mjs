// A client kept current (issue 12): every create and change with author and time, from what
// to what; the front desk does not see the dossier choices; authors stay named.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, locationIds, newClient } from './lib/expect.mjs';

describe('client history (demo practice)', () => {
  let h;
  let owner;
  let practitioner;
  let assistant;
  let places;
  let client;

  before(async () => {
    h = await startHuidig();
    owner = await h.as(DEMO.owner);
    practitioner = await h.as(DEMO.practitioner);
    assistant = await h.as(DEMO.assistant);
    places = locationIds(expectStatus(await owner.get('/api/v1/me'), 200));
  });
  after(() => h?.stop());

  test('every change is kept with author and time, from what to what', async () => {
    client = expectStatus(await assistant.post('/api/v1/clients', {
      json: newClient({ location: places['Amsterdam Centrum'], phone: '0612345678' }),
    }), 201);
    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { phone: '0687654321', email: 'testa@example.nl' } }), 200);
    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { phone: '0687654321' } }), 200); // no change
    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { records_consent: 'given', photo_preference: 'allowed' } }), 200);
    expectStatus(await owner.patch(`/api/v1/clients/${client.id}`, { json: { location: places.Utrecht } }), 200);

    const items = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/history`), 200).items;
    assert.deepEqual(items.map((i) => i.by_name), ['Rik Receptie', 'Bo Behandelaar', 'Bo Behandelaar', 'Eva Eigenaar']);
    assert.deepEqual(items[0].changes.map((c) => c.field), ['given_name', 'family_name', 'date_of_birth', 'phone', 'location']);
    assert.deepEqual(items[1].changes, [
      { field: 'phone', from: '0612345678', to: '0687654321' },
      { field: 'email', from: null, to: 'testa@example.nl' },
    ]);
    assert.deepEqual(items[2].changes.map((c) => [c.field, c.from, c.to]), [['records_consent', null, 'given'], ['photo_preference', null, 'allowed']]);
    assert.deepEqual(items[3].changes, [{ field: 'location', from: places['Amsterdam Centrum'], to: places.Utrecht }]);
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].at <= items[i].at, 'oldest first');
  });

  test('the values are sealed: the database holds only the names of the fields', () => {
    const rows = sqlite(h.db, `SELECT fields, values_sealed FROM client_changes WHERE client_id = '${client.id}' ORDER BY at_us`);
    assert.equal(rows[1].fields, 'phone,email');
    for (const r of rows) assert.ok(!r.values_sealed.includes('0687654321') && !r.values_sealed.includes('Testa'));
  });

  test('the front desk sees contact changes, not the dossier choices', async () => {
    // The assistant works in Amsterdam only: the client moved to Utrecht is out of sight.
    expectProblem(await assistant.get(`/api/v1/clients/${client.id}/history`), 404, 'not_found');
    expectStatus(await owner.patch(`/api/v1/clients/${client.id}`, { json: { location: places['Amsterdam Centrum'] } }), 200);
    const items = expectStatus(await assistant.get(`/api/v1/clients/${client.id}/history`), 200).items;
    const fields = items.flatMap((i) => i.changes.map((c) => c.field));
    assert.ok(!fields.includes('records_consent') && !fields.includes('photo_preference'), fields.join());
    assert.ok(fields.includes('phone') && fields.includes('location'));
    assert.equal(items.length, 4, 'the entry with dossier choices only is left out');
  });

  test('a disabled colleague stays named as the author; reads are audited; unknown ids are 404', async () => {
    const rik = expectStatus(await owner.get('/api/v1/staff'), 200).items.find((s) => s.name === 'Rik Receptie');
    expectStatus(await owner.patch(`/api/v1/staff/${rik.id}`, { json: { active: false } }), 200);
    const items = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/history`), 200).items;
    assert.equal(items[0].by_name, 'Rik Receptie');
    assert.equal(items[0].by, rik.id);
    const reads = sqlite(h.db, `SELECT count(*) AS n FROM audit_log WHERE object_type = 'client_history' AND client_id = '${client.id}'`);
    assert.ok(reads[0].n >= 2);
    expectProblem(await practitioner.get('/api/v1/clients/00000000-0000-4000-8000-000000000000/history'), 404, 'not_found');
    expectProblem(await practitioner.get('/api/v1/clients/zomaar/history'), 404, 'not_found');
  });
});
