// A chain of clinics: two `huidig serve` processes on one PostgreSQL server share sessions,
// clients and one audit chain (R-AUD-2), and either process answers any request.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './lib/client.mjs';
import { DEMO, REPO, huidig, serve } from './lib/server.mjs';
import { expectStatus, newClient } from './lib/expect.mjs';

const SCRIPT = join(REPO, 'scripts', 'test-postgres');

describe('two servers on one PostgreSQL database', () => {
  let root;
  let servers = [];
  let accounts;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'huidig-pg-api-'));
    const started = spawnSync(SCRIPT, ['start', join(root, 'pg')], { encoding: 'utf8' });
    assert.equal(started.status, 0, started.stderr);
    const url = readFileSync(join(root, 'pg', 'url'), 'utf8').trim();
    const a = join(root, 'a');
    const demo = huidig(['demo', a, '--database', url]);
    assert.equal(demo.status, 0, demo.stderr);
    accounts = Object.fromEntries(demo.stdout.trim().split('\n').map((l) => l.split('\t')).map(([, e, p]) => [e, p]));
    // The second server: the same key and configuration, on another "machine".
    cpSync(a, join(root, 'b'), { recursive: true });
    servers = [await serve(a), await serve(join(root, 'b'))];
  });

  after(async () => {
    for (const s of servers) await s.stop();
    spawnSync(SCRIPT, ['stop', join(root, 'pg')]);
    rmSync(root, { recursive: true, force: true });
  });

  test('R-SEC-1: a session made on one server is valid on the other, and logout ends it on both', async () => {
    const onA = new ApiClient(servers[0].url);
    await onA.mustLogin(DEMO.owner, accounts[DEMO.owner]);
    const onB = new ApiClient(servers[1].url);
    onB.cookies = onA.cookies;
    onB.csrf = onA.csrf;
    const me = expectStatus(await onB.get('/api/v1/me'), 200);
    assert.equal(me.email, DEMO.owner);
    expectStatus(await onB.post('/api/v1/logout'), 204);
    assert.equal((await onA.get('/api/v1/me')).status, 401);
  });

  test('R-AUD-2: reads and writes through both servers extend one intact chain', async () => {
    const clients = [];
    for (const s of servers) {
      const c = new ApiClient(s.url);
      await c.mustLogin(DEMO.owner, accounts[DEMO.owner]);
      clients.push(c);
    }
    const me = expectStatus(await clients[0].get('/api/v1/me'), 200);
    const created = expectStatus(
      await clients[0].post('/api/v1/clients', { json: newClient({ location: me.locations[0].id }) }),
      201,
    );
    // Many requests at once, alternating servers: each appends an audit entry.
    const reads = [];
    for (let i = 0; i < 60; i++) reads.push(clients[i % 2].get(`/api/v1/clients/${created.id}`));
    for (const r of await Promise.all(reads)) expectStatus(r, 200);
    expectStatus(await clients[1].patch(`/api/v1/clients/${created.id}`, { json: { phone: '06 87654321' } }), 200);
    const seen = expectStatus(await clients[0].get(`/api/v1/clients/${created.id}`), 200);
    assert.equal(seen.phone, '06 87654321');

    const verify = huidig(['audit', 'verify', join(root, 'a')]);
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /audit log intact: \d+ entries/);
    const entries = Number(/intact: (\d+)/.exec(verify.stdout)[1]);
    assert.ok(entries >= 64, `expected at least 64 entries, got ${entries}`);
  });
});
