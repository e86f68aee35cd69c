// Locations as the owner keeps them (issue 12): added, renamed, closed (no new clients there;
// its clients stay readable and can be moved) and reopened; every change audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, locationIds, newClient } from './lib/expect.mjs';

describe('locations (demo practice)', () => {
  let h;
  let owner;
  let practitioner;
  let places;
  let haarlem;
  let client; // a client at Haarlem

  before(async () => {
    h = await startHuidig();
    owner = await h.as(DEMO.owner);
    practitioner = await h.as(DEMO.practitioner);
    places = locationIds(expectStatus(await owner.get('/api/v1/me'), 200));
  });
  after(() => h?.stop());

  test('the owner adds a location; names are unique and required; others may not', async () => {
    const res = await owner.post('/api/v1/locations', { json: { name: 'Haarlem' } });
    haarlem = expectStatus(res, 201);
    assert.equal(res.headers.get('location'), `/api/v1/locations/${haarlem.id}`);
    assert.equal(haarlem.closed, false);
    const all = expectStatus(await owner.get('/api/v1/locations'), 200).items;
    assert.ok(all.some((l) => l.id === haarlem.id && l.name === 'Haarlem'));

    expectProblem(await owner.post('/api/v1/locations', { json: { name: 'Haarlem' } }), 409, 'name_taken', 'name');
    expectProblem(await owner.post('/api/v1/locations', { json: { name: '' }, invalid: true }), 422, 'required', 'name');
    expectProblem(await owner.post('/api/v1/locations', { json: { name: 'x'.repeat(101) }, invalid: true }), 422, 'too_long', 'name');
    expectProblem(await practitioner.post('/api/v1/locations', { json: { name: 'Leiden' } }), 403, 'forbidden');
    expectProblem(await practitioner.patch(`/api/v1/locations/${haarlem.id}`, { json: { closed: true } }), 403, 'forbidden');
    expectProblem(await owner.patch(`/api/v1/locations/${haarlem.id}`, { json: { name: 'Utrecht' } }), 409, 'name_taken', 'name');
    expectProblem(await owner.patch(`/api/v1/locations/${haarlem.id}`, { json: {}, invalid: true }), 422, 'required');
    expectProblem(await owner.patch('/api/v1/locations/00000000-0000-4000-8000-000000000000', { json: { name: 'Nergens' } }), 404, 'not_found');

    const renamed = expectStatus(await owner.patch(`/api/v1/locations/${haarlem.id}`, { json: { name: 'Haarlem Centrum' } }), 200);
    assert.equal(renamed.name, 'Haarlem Centrum');
  });

  test('a closed location takes no new clients; its clients stay readable and can be moved', async () => {
    client = expectStatus(await owner.post('/api/v1/clients', { json: newClient({ location: haarlem.id }) }), 201);
    const other = expectStatus(await owner.post('/api/v1/clients', { json: newClient({ location: places.Utrecht }) }), 201);

    const closed = expectStatus(await owner.patch(`/api/v1/locations/${haarlem.id}`, { json: { closed: true } }), 200);
    assert.equal(closed.closed, true);
    assert.equal(expectStatus(await owner.get(`/api/v1/clients/${client.id}`), 200).location, haarlem.id);
    expectProblem(await owner.post('/api/v1/clients', { json: newClient({ location: haarlem.id }) }), 409, 'location_closed', 'location');
    expectProblem(await owner.patch(`/api/v1/clients/${other.id}`, { json: { location: haarlem.id } }), 409, 'location_closed', 'location');
    // A change to the client that does not move it still works.
    expectStatus(await owner.patch(`/api/v1/clients/${client.id}`, { json: { phone: '0612345678' } }), 200);
    const moved = expectStatus(await owner.patch(`/api/v1/clients/${client.id}`, { json: { location: places.Utrecht } }), 200);
    assert.equal(moved.location, places.Utrecht);
  });

  test('the last open location cannot be closed; a closed one reopens', async () => {
    expectStatus(await owner.patch(`/api/v1/locations/${places.Utrecht}`, { json: { closed: true } }), 200);
    expectProblem(await owner.patch(`/api/v1/locations/${places['Amsterdam Centrum']}`, { json: { closed: true } }),
      409, 'last_open_location', 'closed');
    expectStatus(await owner.patch(`/api/v1/locations/${places.Utrecht}`, { json: { closed: false } }), 200);
    const reopened = expectStatus(await owner.patch(`/api/v1/locations/${haarlem.id}`, { json: { closed: false } }), 200);
    assert.equal(reopened.closed, false);
    expectStatus(await owner.post('/api/v1/clients', { json: newClient({ location: haarlem.id }) }), 201);
    const actions = sqlite(h.db, `SELECT action FROM audit_log WHERE object_type = 'location' AND object_id = '${haarlem.id}' ORDER BY seq`)
      .map((r) => r.action);
    assert.deepEqual(actions, ['create', 'update', 'close', 'reopen']);
  });
});
