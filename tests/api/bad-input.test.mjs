// Bad input gets a clear problem+json naming the field, never crashes and never half-writes (R-SEC-4).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, listAll, locationIds, newClient } from './lib/expect.mjs';

const MAX_BODY = 4096;
const MARK = 'Onbewaard'; // family name of every client a refused request tries to create

describe('bad input (demo practice, max_body_bytes = 4096)', () => {
  let h;
  let api;
  let utrecht;
  let count;
  let existing;

  before(async () => {
    h = await startHuidig({ toml: { max_body_bytes: MAX_BODY, 'login.slow_after': 20 } });
    api = await h.as(DEMO.owner);
    utrecht = locationIds(api.me).Utrecht;
    existing = expectStatus(
      await api.post('/api/v1/clients', {
        json: newClient({ family_name: 'Bestaand', phone: '0611111111', location: utrecht }),
      }),
      201,
    );
    count = (await listAll(api)).length;
  });

  after(async () => {
    await h?.stop();
  });

  /** The server is up, nothing was created, and the existing client is unchanged. */
  async function nothingWritten() {
    assert.deepEqual(expectStatus(await h.client().get('/api/v1/health'), 200), { status: 'ok' });
    assert.equal((await listAll(api)).length, count, 'the number of clients did not change');
    const marked = expectStatus(await api.get('/api/v1/clients', { query: { q: MARK } }), 200);
    assert.equal(marked.items.length, 0, 'no client was created');
    assert.deepEqual(expectStatus(await api.get(`/api/v1/clients/${existing.id}`), 200), existing);
    assert.equal(h.server.proc.exitCode, null, 'the server still runs');
  }

  const valid = () => newClient({ family_name: MARK, location: utrecht });

  test('R-SEC-4: malformed JSON answers 400 malformed_json', async () => {
    for (const body of ['{"given_name": "A", ', '{given_name: "A"}', 'null x', '{"a":1}}', '\u0000', '[]']) {
      const res = await api.post('/api/v1/clients', { body, contentType: 'application/json' });
      expectProblem(res, 400, 'malformed_json');
    }
    const res = await api.patch(`/api/v1/clients/${existing.id}`, { body: '{"phone": "06', contentType: 'application/json' });
    expectProblem(res, 400, 'malformed_json');
    expectProblem(
      await h.client().post('/api/v1/login', { body: '{"email":', contentType: 'application/json' }),
      400,
      'malformed_json',
    );
    await nothingWritten();
  });

  test('R-SEC-4: an empty body sent as application/json answers 400 malformed_json', async () => {
    // An empty body is not a JSON text (RFC 8259), so it is not the empty object either.
    expectProblem(await api.post('/api/v1/clients', { body: '', contentType: 'application/json' }), 400, 'malformed_json');
    expectProblem(
      await api.patch(`/api/v1/clients/${existing.id}`, { body: '', contentType: 'application/json' }),
      400,
      'malformed_json',
    );
    await nothingWritten();
  });

  test('R-SEC-4: a value of the wrong type answers 422 wrong_type naming the field', async () => {
    const cases = [
      ['given_name', 42],
      ['family_name', ['Onbewaard']],
      ['date_of_birth', 19900517],
      ['phone', { nummer: '06' }],
      ['email', false],
      ['location', 7],
      ['name_prefix', 1.5],
    ];
    for (const [field, value] of cases) {
      const res = await api.post('/api/v1/clients', { json: { ...valid(), [field]: value }, invalid: true });
      expectProblem(res, 422, 'wrong_type', field);
    }
    for (const body of [[], 'Onbewaard', 12, null]) {
      const res = await api.post('/api/v1/clients', { json: body, invalid: true });
      expectStatus(res, [400, 422]);
      assert.ok(['wrong_type', 'malformed_json'].includes(res.json.code), `a body that is not an object: ${res.text}`);
    }
    await nothingWritten();
  });

  test('R-SEC-4: an unknown field answers 400 unknown_field naming it', async () => {
    for (const field of ['favourite_colour', 'id', 'created_at', 'Given_name', 'bsn']) {
      const res = await api.post('/api/v1/clients', { json: { ...valid(), [field]: 'x' }, invalid: true });
      expectProblem(res, 400, 'unknown_field', field);
    }
    expectProblem(
      await h.client().post('/api/v1/login', {
        json: { email: DEMO.owner, password: h.password(DEMO.owner), remember: true },
        invalid: true,
      }),
      400,
      'unknown_field',
      'remember',
    );
    await nothingWritten();
  });

  test('R-SEC-4: invalid UTF-8 in a body answers 400 invalid_utf8', async () => {
    const bad = [
      Buffer.from([0xff, 0xfe]), // never valid
      Buffer.from([0xc3]), // a lead byte without its continuation
      Buffer.from([0xc0, 0xaf]), // an overlong "/"
      Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate
    ];
    for (const bytes of bad) {
      const body = Buffer.concat([
        Buffer.from('{"given_name":"A'),
        bytes,
        Buffer.from(`","family_name":"${MARK}","date_of_birth":"1990-05-17","location":"${utrecht}"}`),
      ]);
      expectProblem(
        await api.post('/api/v1/clients', { body, contentType: 'application/json' }),
        400,
        'invalid_utf8',
      );
    }
    const patch = Buffer.concat([Buffer.from('{"phone":"06'), Buffer.from([0xff]), Buffer.from('"}')]);
    expectProblem(
      await api.patch(`/api/v1/clients/${existing.id}`, { body: patch, contentType: 'application/json' }),
      400,
      'invalid_utf8',
    );
    await nothingWritten();
  });

  test('R-SEC-4: a body over max_body_bytes answers 413 body_too_large', async () => {
    const json = { ...valid(), given_name: 'x'.repeat(MAX_BODY + 100) };
    expectProblem(await api.post('/api/v1/clients', { json, invalid: true }), 413, 'body_too_large');
    const patch = { phone: '0'.repeat(MAX_BODY * 4) };
    expectProblem(
      await api.patch(`/api/v1/clients/${existing.id}`, { json: patch, invalid: true }),
      413,
      'body_too_large',
    );
    await nothingWritten();
  });

  test('R-SEC-4: a value that is too long answers 422 too_long naming the field', async () => {
    const json = { ...valid(), given_name: 'x'.repeat(3000) };
    expectProblem(await api.post('/api/v1/clients', { json, invalid: true }), 422, 'too_long', 'given_name');
    await nothingWritten();
  });

  test('R-SEC-4: a body that is not application/json answers 415 unsupported_media_type', async () => {
    const body = JSON.stringify(valid());
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
      expectProblem(await api.post('/api/v1/clients', { body, contentType }), 415, 'unsupported_media_type');
    }
    // Parameters are fine on the right type.
    const ok = await api.post('/api/v1/clients', {
      body: JSON.stringify(newClient({ family_name: 'Metcharset', location: utrecht })),
      contentType: 'application/json; charset=utf-8',
    });
    expectStatus(ok, 201);
    count += 1;
    expectProblem(
      await api.patch(`/api/v1/clients/${existing.id}`, { body: '{"phone":null}', contentType: 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    await nothingWritten();
  });

  test('R-SEC-4: a refused PATCH changes nothing, not even its valid fields', async () => {
    const patches = [
      [{ phone: '0622222222', given_name: 42 }, 422, 'wrong_type', 'given_name'],
      [{ phone: '0622222222', date_of_birth: '1990-13-01' }, 422, 'invalid_value', 'date_of_birth'],
      [{ phone: '0622222222', photo_preference: 'misschien' }, 422, 'invalid_value', 'photo_preference'],
      [{ phone: '0622222222', geheim: 1 }, 400, 'unknown_field', 'geheim'],
    ];
    for (const [json, status, code, field] of patches) {
      expectProblem(await api.patch(`/api/v1/clients/${existing.id}`, { json, invalid: true }), status, code, field);
    }
    await nothingWritten();
  });

  test('R-SEC-4: an unknown query parameter answers 400 invalid_query naming it', async () => {
    expectProblem(await api.get('/api/v1/clients', { query: { kleur: 'rood' } }), 400, 'invalid_query', 'kleur');
    expectProblem(await api.get('/api/v1/clients', { query: { limit: 'abc' } }), 400, 'invalid_query', 'limit');
    await nothingWritten();
  });

  test('R-SEC-4: detail is Dutch by default and English when Accept-Language prefers it', async () => {
    const send = (lang) => api.post('/api/v1/clients', { body: '{', contentType: 'application/json', lang });
    const dutch = expectProblem(await send(undefined), 400, 'malformed_json');
    const nl = expectProblem(await send('nl-NL,nl;q=0.9'), 400, 'malformed_json');
    const en = expectProblem(await send('en-GB,en;q=0.9,nl;q=0.5'), 400, 'malformed_json');
    const preferDutch = expectProblem(await send('nl;q=1, en;q=0.5'), 400, 'malformed_json');
    assert.equal(nl.detail, dutch.detail);
    assert.equal(preferDutch.detail, dutch.detail);
    assert.notEqual(en.detail, dutch.detail, 'an English detail differs from the Dutch one');
    const required = await api.post('/api/v1/clients', {
      json: { given_name: 'A', location: utrecht },
      invalid: true,
      lang: 'en',
    });
    const body = expectProblem(required, 422, 'required');
    assert.ok(['family_name', 'date_of_birth'].includes(body.field));
  });
});
