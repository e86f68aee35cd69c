// Client records: value checks (R-DOS-1, R-DOS-2), no BSN (R-DOS-4), ids, merge patch, Dutch sort, search.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, listAll, locationIds, newClient, UUID_V4 } from './lib/expect.mjs';

describe('clients (demo practice, owner)', () => {
  let h;
  let api;
  let utrecht;

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20 } });
    api = await h.as(DEMO.owner);
    utrecht = locationIds(api.me).Utrecht;
  });

  after(async () => {
    await h?.stop();
  });

  async function create(overrides) {
    const res = await api.post('/api/v1/clients', { json: newClient({ location: utrecht, ...overrides }) });
    return expectStatus(res, 201);
  }

  async function search(q) {
    return expectStatus(await api.get('/api/v1/clients', { query: { q } }), 200).items;
  }

  test('R-DOS-1: records_consent is given, refused or null, and nothing else', async () => {
    const c = await create({ family_name: 'Vastlegging', records_consent: 'refused' });
    assert.equal(c.records_consent, 'refused');
    const given = expectStatus(await api.patch(`/api/v1/clients/${c.id}`, { json: { records_consent: 'given' } }), 200);
    assert.equal(given.records_consent, 'given');
    const cleared = expectStatus(await api.patch(`/api/v1/clients/${c.id}`, { json: { records_consent: null } }), 200);
    assert.equal(cleared.records_consent, null);
    for (const bad of ['maybe', 'GIVEN', '']) {
      expectProblem(
        await api.patch(`/api/v1/clients/${c.id}`, { json: { records_consent: bad }, invalid: true }),
        422,
        'invalid_value',
        'records_consent',
      );
    }
    expectProblem(
      await api.patch(`/api/v1/clients/${c.id}`, { json: { records_consent: true }, invalid: true }),
      422,
      'wrong_type',
      'records_consent',
    );
    expectProblem(
      await api.post('/api/v1/clients', {
        json: newClient({ family_name: 'Vastlegging', location: utrecht, records_consent: 'ja' }),
        invalid: true,
      }),
      422,
      'invalid_value',
      'records_consent',
    );
    assert.equal(expectStatus(await api.get(`/api/v1/clients/${c.id}`), 200).records_consent, null);
    assert.equal((await search('Vastlegging')).length, 1, 'the refused create wrote nothing');
  });

  test('R-DOS-2: photo_preference is allowed, refused, own or null, and nothing else', async () => {
    const c = await create({ family_name: 'Fotovoorkeur' });
    assert.equal(c.photo_preference, null, 'not asked yet');
    for (const value of ['allowed', 'refused', 'own', null]) {
      const res = await api.patch(`/api/v1/clients/${c.id}`, { json: { photo_preference: value } });
      assert.equal(expectStatus(res, 200).photo_preference, value);
      assert.equal(expectStatus(await api.get(`/api/v1/clients/${c.id}`), 200).photo_preference, value);
    }
    for (const bad of ['sometimes', 'eigen', 'Allowed']) {
      expectProblem(
        await api.patch(`/api/v1/clients/${c.id}`, { json: { photo_preference: bad }, invalid: true }),
        422,
        'invalid_value',
        'photo_preference',
      );
    }
    expectProblem(
      await api.patch(`/api/v1/clients/${c.id}`, { json: { photo_preference: 1 }, invalid: true }),
      422,
      'wrong_type',
      'photo_preference',
    );
    const created = await create({ family_name: 'Fotovoorkeur', photo_preference: 'own', records_consent: 'given' });
    assert.equal(created.photo_preference, 'own');
    assert.equal(created.records_consent, 'given');
  });

  test('R-DOS-4: there is no BSN field: bsn is refused as unknown_field', async () => {
    expectProblem(
      await api.post('/api/v1/clients', {
        json: newClient({ family_name: 'Burgerservice', location: utrecht, bsn: '123456782' }),
        invalid: true,
      }),
      400,
      'unknown_field',
      'bsn',
    );
    assert.equal((await search('Burgerservice')).length, 0);
    const c = await create({ family_name: 'Burgerservice' });
    expectProblem(
      await api.patch(`/api/v1/clients/${c.id}`, { json: { bsn: '123456782' }, invalid: true }),
      400,
      'unknown_field',
      'bsn',
    );
    const got = expectStatus(await api.get(`/api/v1/clients/${c.id}`), 200);
    assert.ok(!('bsn' in got));
  });

  test('R-DOS: ids are random UUID v4 and Location points at the new client', async () => {
    const ids = new Set();
    for (let i = 0; i < 3; i++) {
      const res = await api.post('/api/v1/clients', { json: newClient({ family_name: `Uniek${i}`, location: utrecht }) });
      const c = expectStatus(res, 201);
      assert.match(c.id, UUID_V4);
      ids.add(c.id);
      const location = new URL(res.headers.get('location'), h.url);
      assert.equal(location.pathname, `/api/v1/clients/${c.id}`);
      assert.equal(expectStatus(await api.get(location.pathname), 200).id, c.id);
      assert.equal(c.created_at, c.updated_at, 'a new record has one timestamp');
      assert.ok(Math.abs(Date.parse(c.created_at) - Date.now()) < 5 * 60_000, 'created_at is now (UTC)');
    }
    assert.equal(ids.size, 3);
    for (const c of await listAll(api)) assert.match(c.id, UUID_V4, 'demo clients too');
  });

  test('R-DOS: required fields and values are checked and named on create', async () => {
    const base = newClient({ family_name: 'Verplicht', location: utrecht });
    for (const field of ['given_name', 'family_name', 'date_of_birth']) {
      const body = { ...base };
      delete body[field];
      expectProblem(await api.post('/api/v1/clients', { json: body, invalid: true }), 422, 'required', field);
    }
    // An empty name is as good as none (the contract does not say which code: required or invalid_value).
    const empty = await api.post('/api/v1/clients', { json: { ...base, given_name: '' }, invalid: true });
    expectStatus(empty, 422);
    assert.equal(empty.json.field, 'given_name');
    for (const dob of ['2021-02-30', '17-05-1990', '1990-5-17', 'gisteren']) {
      expectProblem(
        await api.post('/api/v1/clients', { json: { ...base, date_of_birth: dob }, invalid: true }),
        422,
        'invalid_value',
        'date_of_birth',
      );
    }
    // A location that does not exist (the contract names no code; 422 with the field is the pattern).
    const nowhere = await api.post('/api/v1/clients', {
      json: { ...base, location: '6f1c2a43-0d7e-4c55-9b1a-2f3e4d5c6b7a' },
    });
    expectStatus(nowhere, 422);
    assert.equal(nowhere.json.field, 'location');
    assert.equal((await search('Verplicht')).length, 0, 'nothing was written');
  });

  test('R-DOS: merge patch sets listed fields, null clears optional ones, absent ones stay', async () => {
    const c = await create({
      given_name: 'Merel',
      name_prefix: 'van der',
      family_name: 'Samenvoeg',
      phone: '0612345678',
      email: 'merel@example.org',
    });
    assert.equal(c.name_prefix, 'van der');
    const p1 = expectStatus(await api.patch(`/api/v1/clients/${c.id}`, { json: { phone: null } }), 200);
    assert.equal(p1.phone, null);
    assert.equal(p1.email, 'merel@example.org');
    assert.equal(p1.name_prefix, 'van der');
    assert.equal(p1.given_name, 'Merel');
    assert.equal(p1.created_at, c.created_at);
    assert.ok(Date.parse(p1.updated_at) >= Date.parse(c.updated_at));
    const p2 = expectStatus(await api.patch(`/api/v1/clients/${c.id}`, { json: { name_prefix: null, given_name: 'Mereltje' } }), 200);
    assert.equal(p2.name_prefix, null);
    assert.equal(p2.given_name, 'Mereltje');
    const p3 = expectStatus(await api.patch(`/api/v1/clients/${c.id}`, { json: {} }), 200);
    assert.deepEqual({ ...p3, updated_at: null }, { ...p2, updated_at: null }, 'an empty patch changes nothing');

    // A required field cannot be cleared.
    const res = await api.patch(`/api/v1/clients/${c.id}`, { json: { family_name: null }, invalid: true });
    expectStatus(res, 422);
    assert.equal(res.json.field, 'family_name');
    assert.equal(expectStatus(await api.get(`/api/v1/clients/${c.id}`), 200).family_name, 'Samenvoeg');
  });

  test('clients sort the Dutch way: "de Vries" under V, between Visser and Willems', async () => {
    const names = [
      ['Willems', null, 'Anna'],
      ['Vries', 'de', 'Bram'],
      ['Bakker', null, 'Anna'],
      ['Visser', null, 'Anna'],
      ['Dijk', 'van', 'Anna'],
      ['Vries', 'de', 'Anna'],
      ['Akkerman', null, 'Zoë'],
    ];
    const ids = new Map();
    for (const [family_name, name_prefix, given_name] of names) {
      const c = await create({ family_name, name_prefix, given_name, date_of_birth: '1977-07-07' });
      ids.set(c.id, `${given_name} ${name_prefix ? `${name_prefix} ` : ''}${family_name}`);
    }
    const order = (await listAll(api, { location: utrecht })).filter((c) => ids.has(c.id)).map((c) => ids.get(c.id));
    assert.deepEqual(order, [
      'Zoë Akkerman',
      'Anna Bakker',
      'Anna van Dijk',
      'Anna Visser',
      'Anna de Vries',
      'Bram de Vries',
      'Anna Willems',
    ]);
    // The whole list is in that order too.
    const all = await listAll(api);
    const key = (c) => `${c.family_name}\u0000${c.given_name}`;
    const collator = new Intl.Collator('nl', { sensitivity: 'base' });
    for (let i = 1; i < all.length; i++) {
      assert.ok(
        collator.compare(all[i - 1].family_name, all[i].family_name) <= 0,
        `out of order: ${key(all[i - 1])} before ${key(all[i])}`,
      );
    }
  });

  test('clients: search by name words is case and accent insensitive', async () => {
    const c = await create({ given_name: 'Chloë', family_name: 'Özdemir', date_of_birth: '1983-03-03' });
    for (const q of ['özdemir', 'OZDEMIR', 'chloe', 'Chloë Özdemir', 'ozdemir chloe']) {
      assert.ok((await search(q)).some((x) => x.id === c.id), `q=${q}`);
    }
    assert.ok(!(await search('chloe zzyzx')).some((x) => x.id === c.id), 'every word must match');
    assert.equal((await search('Qwertyuiop')).length, 0);
  });

  test('clients: search by date of birth, as YYYY-MM-DD or DD-MM-YYYY', async () => {
    const c = await create({ family_name: 'Geboortedag', date_of_birth: '1961-11-23' });
    for (const q of ['1961-11-23', '23-11-1961']) {
      const items = await search(q);
      assert.ok(items.some((x) => x.id === c.id), `q=${q}`);
      assert.ok(items.every((x) => x.date_of_birth === '1961-11-23'), `only that date for q=${q}`);
    }
  });

  test('clients: search by 4 or more digits of the phone number', async () => {
    const c = await create({ family_name: 'Telefoon', phone: '0687123409' });
    const items = await search('0687123409');
    assert.ok(items.some((x) => x.id === c.id));
    assert.ok(items.every((x) => (x.phone ?? '').replace(/\D/g, '').includes('0687123409')));
  });

  test('clients: limit and offset page through the list; unknown parameters are invalid_query', async () => {
    const first = expectStatus(await api.get('/api/v1/clients', { query: { limit: 5 } }), 200).items;
    const second = expectStatus(await api.get('/api/v1/clients', { query: { limit: 5, offset: 5 } }), 200).items;
    assert.equal(first.length, 5);
    assert.equal(second.length, 5);
    const all = await listAll(api);
    assert.deepEqual([...first, ...second].map((c) => c.id), all.slice(0, 10).map((c) => c.id));
    expectProblem(await api.get('/api/v1/clients', { query: { sort: 'name' } }), 400, 'invalid_query', 'sort');
    expectProblem(await api.get('/api/v1/clients', { query: { limit: 'veel' } }), 400, 'invalid_query', 'limit');
    expectProblem(await api.get('/api/v1/clients', { query: { offset: '-1' } }), 400, 'invalid_query', 'offset');
  });
});
