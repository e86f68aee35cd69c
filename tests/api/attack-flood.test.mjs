// A login flood does not starve everyone else: password hashing runs on its own bounded
// pool, a full queue answers 503 server_busy with Retry-After at once, and health and a
// logged-in read stay under a second (R-SEC-1, R-SEC-4; issue 10, point 4).
import assert from 'node:assert/strict';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { checkResponse } from './lib/openapi.mjs';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';

const FLOODERS = 120;
const FLOOD_MS = 5000;

/** One login for an unknown account on a new connection. Resolves {status, headers, text}. */
function strangerLogin(url, n) {
  const body = JSON.stringify({ email: `vreemd${n}-${Math.random().toString(36).slice(2)}@aanval.example`, password: 'geraden-wachtwoord' });
  return new Promise((resolve) => {
    const req = http.request(
      `${url}/api/v1/login`,
      { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          resolve({ status: res.statusCode, headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => resolve({ status: `error ${err.code}` }));
      },
    );
    req.on('error', (err) => resolve({ status: `error ${err.code}` }));
    req.end(body);
  });
}

describe('a login flood (passwords.hash_queue = 4)', () => {
  let h;
  let practitioner;
  let clientId;
  const outcomes = {};
  const busy = []; // the 503 answers
  const timings = { health: [], read: [] };

  before(async () => {
    h = await startHuidig({ toml: { 'passwords.hash_queue': 4 } });
    practitioner = await h.as(DEMO.practitioner);
    const list = expectStatus(await practitioner.get('/api/v1/clients', { query: { limit: 1 } }), 200);
    clientId = list.items[0].id;
  });

  after(async () => {
    await h?.stop();
  });

  test('R-SEC-4: during 120 parallel logins for unknown accounts, health and a logged-in read each answer 200 in under 1 s', async (t) => {
    let flooding = true;
    let first503;
    const saturated = new Promise((resolve) => {
      first503 = resolve;
    });
    const flooder = async (n) => {
      while (flooding) {
        const r = await strangerLogin(h.url, n);
        outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
        if (r.status === 503) {
          if (busy.length < 50) busy.push(r);
          first503();
        }
      }
    };
    const start = performance.now();
    const flood = Array.from({ length: FLOODERS }, (_, n) => flooder(n));
    try {
      // Measure once the password pool and its queue are full.
      await Promise.race([saturated, sleep(FLOOD_MS, undefined, { ref: false })]);
      const anon = h.client();
      while (performance.now() - start < FLOOD_MS) {
        let t0 = performance.now();
        expectStatus(await anon.get('/api/v1/health'), 200);
        timings.health.push(performance.now() - t0);
        t0 = performance.now();
        const read = expectStatus(await practitioner.get(`/api/v1/clients/${clientId}`), 200);
        timings.read.push(performance.now() - t0);
        assert.equal(read.id, clientId);
      }
    } finally {
      flooding = false;
      await Promise.all(flood);
    }
    const max = (xs) => Math.max(...xs);
    t.diagnostic(
      `flood answers ${JSON.stringify(outcomes)}; health max ${max(timings.health).toFixed(0)} ms over ${timings.health.length}, ` +
        `read max ${max(timings.read).toFixed(0)} ms over ${timings.read.length}`,
    );
    assert.ok(busy.length > 0, `the flood filled the password queue: ${JSON.stringify(outcomes)}`);
    assert.ok(timings.health.length >= 3 && timings.read.length >= 3, 'measured during the flood');
    assert.ok(max(timings.health) < 1000, `GET /api/v1/health took up to ${max(timings.health).toFixed(0)} ms during the flood`);
    assert.ok(
      max(timings.read) < 1000,
      `GET /api/v1/clients/{id} took up to ${max(timings.read).toFixed(0)} ms during the flood`,
    );
    assert.equal(h.server.proc.exitCode, null);
  });

  test('R-SEC-4: logins past the password queue get 503 server_busy with Retry-After; the rest are checked (401)', () => {
    assert.ok(busy.length > 0, JSON.stringify(outcomes));
    for (const r of busy) {
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/, r.text);
      const body = JSON.parse(r.text);
      assert.equal(body.code, 'server_busy', r.text);
      assert.equal(body.status, 503, r.text);
      const retry = Number(r.headers.get('retry-after'));
      assert.ok(Number.isInteger(retry) && retry >= 1, `Retry-After: ${r.headers.get('retry-after')}`);
      assert.equal(r.headers.getSetCookie().length, 0, 'no session cookie');
    }
    assert.ok(outcomes[401] > 0, `some stranger logins were checked and refused: ${JSON.stringify(outcomes)}`);
    const other = Object.keys(outcomes).filter((s) => s !== '401' && s !== '503');
    assert.deepEqual(other, [], `every flood login answered 401 or 503: ${JSON.stringify(outcomes)}`);
  });

  test('R-SEC-1: after the flood a real login succeeds', async () => {
    const api = h.client();
    await api.mustLogin(DEMO.assistant, h.password(DEMO.assistant));
    expectStatus(await api.get('/api/v1/me'), 200);
  });

  test('R-SEC-4: the 503 server_busy login answer is the one api/openapi.yaml documents', () => {
    assert.ok(busy.length > 0, JSON.stringify(outcomes));
    const r = busy[0];
    checkResponse({ method: 'POST', path: '/api/v1/login', status: r.status, headers: r.headers, text: r.text, json: JSON.parse(r.text) });
  });
});
