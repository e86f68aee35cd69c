// Assertions shared by the API tests: status codes with the answer in the message, problem+json.
import assert from 'node:assert/strict';

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function describe(res) {
  return `${res.method} ${res.path} answered ${res.status}: ${res.text.slice(0, 500)}`;
}

/** Asserts the status (a number or a list of allowed numbers). */
export function expectStatus(res, status) {
  const ok = Array.isArray(status) ? status.includes(res.status) : res.status === status;
  assert.ok(ok, `expected ${Array.isArray(status) ? status.join(' or ') : status}; ${describe(res)}`);
  return res.json;
}

/** Asserts an application/problem+json answer with this status, code and (if given) field. */
export function expectProblem(res, status, code, field) {
  assert.equal(res.status, status, `expected ${status} ${code}; ${describe(res)}`);
  assert.match(
    res.headers.get('content-type') ?? '',
    /^application\/problem\+json/,
    `expected application/problem+json; ${describe(res)}`,
  );
  assert.equal(res.json?.code, code, `expected code ${code}; ${describe(res)}`);
  assert.equal(res.json.status, status, `body status; ${describe(res)}`);
  if (field !== undefined) assert.equal(res.json.field, field, `expected field ${field}; ${describe(res)}`);
  return res.json;
}

/** A client body that the contract accepts, with overrides. */
export function newClient(overrides = {}) {
  return {
    given_name: 'Testa',
    family_name: 'Proefpersoon',
    date_of_birth: '1990-05-17',
    ...overrides,
  };
}

/** Lists every client the caller sees (pages with limit/offset) for a query. */
export async function listAll(api, query = {}) {
  const items = [];
  const limit = 50;
  for (let offset = 0; offset < 10_000; offset += limit) {
    const res = await api.get('/api/v1/clients', { query: { ...query, limit, offset } });
    expectStatus(res, 200);
    items.push(...res.json.items);
    if (res.json.items.length < limit) break;
  }
  return items;
}

/** The locations of a Me by name: {"Amsterdam Centrum": id, "Utrecht": id}. */
export function locationIds(me) {
  return Object.fromEntries(me.locations.map((l) => [l.name, l.id]));
}

/**
 * Asserts that two answers are the same apart from the ids asked for (R-SEC-2: a forbidden id
 * and an unknown id answer alike). `a` and `b` are responses, `aId` and `bId` the ids in their URLs.
 */
export function expectSameAnswer(a, aId, b, bId) {
  assert.equal(a.status, b.status);
  const norm = (res, id) => JSON.parse(res.text.split(id).join('{id}'));
  assert.deepEqual(norm(a, aId), norm(b, bId), `${a.text}\n  vs\n${b.text}`);
}
