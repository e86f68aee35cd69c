// Every role against every client endpoint, with location scoping (R-SEC-2).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import {
  expectProblem,
  expectSameAnswer,
  expectStatus,
  listAll,
  locationIds,
  newClient,
  UUID_V4,
} from './lib/expect.mjs';

const AMS = 'Amsterdam Centrum';
const UTR = 'Utrecht';
const DOSSIER_FIELDS = ['records_consent', 'photo_preference'];

describe('roles and locations on client endpoints (demo practice)', () => {
  let h;
  let loc; // {name: id}
  let amsClient;
  let utrClient;

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20, 'login.lock_after': 40 } });
    const owner = await h.as(DEMO.owner);
    loc = locationIds(owner.me);
    const all = await listAll(owner);
    assert.equal(all.length, 30, 'the demo practice has 30 clients');
    amsClient = all.find((c) => c.location === loc[AMS]);
    utrClient = all.find((c) => c.location === loc[UTR]);
    assert.ok(amsClient && utrClient, 'demo clients at both locations');
    assert.equal(all.filter((c) => c.location === loc[AMS]).length, 15, 'clients alternate between the locations');
  });

  after(async () => {
    await h?.stop();
  });

  async function expectLocations(api, names) {
    const got = expectStatus(await api.get('/api/v1/locations'), 200).items.map((l) => l.name).sort();
    assert.deepEqual(got, [...names].sort());
    assert.deepEqual(api.me.locations.map((l) => l.name).sort(), [...names].sort());
  }

  /** list, search, get, create, patch for a role that works on clients at `names`. */
  async function fullAccess(api, names, { dossier = true } = {}) {
    const ids = names.map((n) => loc[n]);
    const all = await listAll(api);
    assert.ok(all.length > 0);
    assert.deepEqual([...new Set(all.map((c) => c.location))].sort(), [...ids].sort(), 'exactly the own locations');
    for (const c of all) {
      for (const f of DOSSIER_FIELDS) assert.equal(f in c, dossier, `${f} ${dossier ? 'present' : 'absent'} in the list`);
    }

    const own = all[0];
    const search = expectStatus(await api.get('/api/v1/clients', { query: { q: own.family_name } }), 200);
    assert.ok(search.items.some((c) => c.id === own.id), 'search finds the client by family name');

    const got = expectStatus(await api.get(`/api/v1/clients/${own.id}`), 200);
    assert.equal(got.id, own.id);
    for (const f of DOSSIER_FIELDS) assert.equal(f in got, dossier, f);

    const body = newClient({ family_name: `Rol${api.me.role}`, phone: '0201234567' });
    if (ids.length > 1) body.location = ids[ids.length - 1];
    const res = await api.post('/api/v1/clients', { json: body });
    const created = expectStatus(res, 201);
    assert.match(created.id, UUID_V4);
    assert.equal(created.location, ids[ids.length - 1]);
    for (const f of DOSSIER_FIELDS) assert.equal(f in created, dossier, f);

    const patched = expectStatus(
      await api.patch(`/api/v1/clients/${created.id}`, { json: { phone: '0207654321' } }),
      200,
    );
    assert.equal(patched.phone, '0207654321');
    assert.equal(patched.family_name, body.family_name);
    return created;
  }

  test('R-SEC-2: the owner lists, searches, reads, creates and changes clients at every location', async () => {
    const api = await h.as(DEMO.owner);
    await expectLocations(api, [AMS, UTR]);
    await fullAccess(api, [AMS, UTR]);
    // With two locations the location must be named.
    expectProblem(await api.post('/api/v1/clients', { json: newClient() }), 422, 'required', 'location');
  });

  test('R-SEC-2: the practitioner of both locations works on clients of both', async () => {
    const api = await h.as(DEMO.practitioner);
    await expectLocations(api, [AMS, UTR]);
    await fullAccess(api, [AMS, UTR]);
    expectStatus(await api.get(`/api/v1/clients/${amsClient.id}`), 200);
    expectStatus(await api.get(`/api/v1/clients/${utrClient.id}`), 200);
  });

  test('R-SEC-2: the Utrecht practitioner sees only Utrecht clients; an Amsterdam client is 404 like an unknown id', async () => {
    const api = await h.as(DEMO.practitionerUtrecht);
    await expectLocations(api, [UTR]);
    const created = await fullAccess(api, [UTR]);
    assert.equal(created.location, loc[UTR], 'one location: it is the default');

    const unknownId = randomUUID();
    const hidden = await api.get(`/api/v1/clients/${amsClient.id}`);
    const unknown = await api.get(`/api/v1/clients/${unknownId}`);
    expectProblem(hidden, 404, 'not_found');
    expectProblem(unknown, 404, 'not_found');
    expectSameAnswer(hidden, amsClient.id, unknown, unknownId);

    const patch = { json: { phone: '0101010101' } };
    const hiddenPatch = await api.patch(`/api/v1/clients/${amsClient.id}`, patch);
    const unknownPatch = await api.patch(`/api/v1/clients/${unknownId}`, patch);
    expectProblem(hiddenPatch, 404, 'not_found');
    expectProblem(unknownPatch, 404, 'not_found');
    expectSameAnswer(hiddenPatch, amsClient.id, unknownPatch, unknownId);

    const search = expectStatus(await api.get('/api/v1/clients', { query: { q: amsClient.family_name } }), 200);
    assert.ok(!search.items.some((c) => c.id === amsClient.id), 'search does not reach Amsterdam');
    assert.ok(search.items.every((c) => c.location === loc[UTR]));

    // The Amsterdam client was not changed.
    const owner = await h.as(DEMO.owner);
    const still = expectStatus(await owner.get(`/api/v1/clients/${amsClient.id}`), 200);
    assert.equal(still.phone, amsClient.phone);
  });

  test('R-SEC-2: a client cannot be created at a location the caller does not work at', async () => {
    const api = await h.as(DEMO.practitionerUtrecht);
    const res = await api.post('/api/v1/clients', {
      json: newClient({ family_name: 'Verkeerdelocatie', location: loc[AMS] }),
    });
    // The contract names no code for this; any refusal that is not a 2xx will do.
    expectStatus(res, [403, 404, 422]);
    const owner = await h.as(DEMO.owner);
    const found = expectStatus(await owner.get('/api/v1/clients', { query: { q: 'Verkeerdelocatie' } }), 200);
    assert.equal(found.items.length, 0);
  });

  test('R-SEC-2: the assistant sees identity and contact data of Amsterdam clients only, no dossier fields', async () => {
    const api = await h.as(DEMO.assistant);
    await expectLocations(api, [AMS]);
    const created = await fullAccess(api, [AMS], { dossier: false });

    const unknownId = randomUUID();
    const hidden = await api.get(`/api/v1/clients/${utrClient.id}`);
    const unknown = await api.get(`/api/v1/clients/${unknownId}`);
    expectProblem(hidden, 404, 'not_found');
    expectSameAnswer(hidden, utrClient.id, unknown, unknownId);

    for (const [field, value] of [['records_consent', 'given'], ['photo_preference', 'allowed']]) {
      expectProblem(
        await api.patch(`/api/v1/clients/${created.id}`, { json: { [field]: value } }),
        422,
        'field_not_allowed',
        field,
      );
      expectProblem(
        await api.patch(`/api/v1/clients/${created.id}`, { json: { [field]: null } }),
        422,
        'field_not_allowed',
        field,
      );
      expectProblem(
        await api.post('/api/v1/clients', { json: newClient({ family_name: 'Nietbewaard', [field]: value }) }),
        422,
        'field_not_allowed',
        field,
      );
    }
    const owner = await h.as(DEMO.owner);
    const seen = expectStatus(await owner.get(`/api/v1/clients/${created.id}`), 200);
    assert.equal(seen.records_consent, null);
    assert.equal(seen.photo_preference, null);
    const none = expectStatus(await owner.get('/api/v1/clients', { query: { q: 'Nietbewaard' } }), 200);
    assert.equal(none.items.length, 0);
  });

  test('R-SEC-2: the quality officer may not list, search, create or change clients, and a read is 404', async () => {
    const api = await h.as(DEMO.quality);
    await expectLocations(api, [AMS, UTR]);
    expectProblem(await api.get('/api/v1/clients'), 403, 'forbidden');
    expectProblem(await api.get('/api/v1/clients', { query: { q: amsClient.family_name } }), 403, 'forbidden');
    expectProblem(
      await api.post('/api/v1/clients', { json: newClient({ location: loc[AMS] }) }),
      403,
      'forbidden',
    );
    expectProblem(
      await api.patch(`/api/v1/clients/${amsClient.id}`, { json: { phone: '0600000000' } }),
      403,
      'forbidden',
    );
    const hidden = await api.get(`/api/v1/clients/${amsClient.id}`);
    expectProblem(hidden, 404, 'not_found');
    const unknownId = randomUUID();
    expectSameAnswer(hidden, amsClient.id, await api.get(`/api/v1/clients/${unknownId}`), unknownId);
  });

  test('R-SEC-2: the auditor reads like the owner but may not create or change', async () => {
    const api = await h.as(DEMO.auditor);
    await expectLocations(api, [AMS, UTR]);
    const all = await listAll(api);
    assert.deepEqual([...new Set(all.map((c) => c.location))].sort(), [loc[AMS], loc[UTR]].sort());
    for (const c of all) for (const f of DOSSIER_FIELDS) assert.ok(f in c, f);
    const search = expectStatus(await api.get('/api/v1/clients', { query: { q: utrClient.family_name } }), 200);
    assert.ok(search.items.some((c) => c.id === utrClient.id));
    for (const c of [amsClient, utrClient]) {
      const got = expectStatus(await api.get(`/api/v1/clients/${c.id}`), 200);
      assert.equal(got.id, c.id);
      for (const f of DOSSIER_FIELDS) assert.ok(f in got, f);
    }
    expectProblem(
      await api.post('/api/v1/clients', { json: newClient({ location: loc[UTR] }) }),
      403,
      'forbidden',
    );
    expectProblem(
      await api.patch(`/api/v1/clients/${utrClient.id}`, { json: { phone: '0600000000' } }),
      403,
      'forbidden',
    );
    const owner = await h.as(DEMO.owner);
    assert.equal(expectStatus(await owner.get(`/api/v1/clients/${utrClient.id}`), 200).phone, utrClient.phone);
  });

  test('R-SEC-2: a malformed client id answers 404 like an unknown one', async () => {
    const api = await h.as(DEMO.owner);
    const bad = await api.get('/api/v1/clients/niet-een-uuid');
    expectProblem(bad, 404, 'not_found');
    const unknownId = randomUUID();
    expectSameAnswer(bad, 'niet-een-uuid', await api.get(`/api/v1/clients/${unknownId}`), unknownId);
  });
});
