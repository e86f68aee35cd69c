// The lock-out holds under concurrency (issue 10, R-SEC-1): an attempt is counted before its
// password is checked, atomically, on SQLite, on PostgreSQL and across two servers sharing
// one PostgreSQL. And a password change ends the account's other sessions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './lib/client.mjs';
import { DEMO, REPO, huidig, serve, setToml, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus } from './lib/expect.mjs';

const LOCK_AFTER = 10;
// Slowing starts with the lock, so that the lock alone decides how many are checked; the
// queue of the password pool takes every attempt, so none is turned away as busy.
const TOML = { 'login.slow_after': LOCK_AFTER, 'login.lock_after': LOCK_AFTER, 'passwords.hash_queue': 64 };

/** Sends `n` wrong passwords for `email` at once, spread over `urls`; counts the answers. */
async function parallelWrongPasswords(urls, email, n) {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) => new ApiClient(urls[i % urls.length]).login(email, `fout-${i}-wachtwoord`)),
  );
  const counts = {};
  for (const res of answers) {
    const key = `${res.status} ${res.json?.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function checkLocked(counts, n) {
  const checked = counts['401 invalid_credentials'] ?? 0;
  const locked = counts['429 account_locked'] ?? 0;
  assert.ok(checked <= LOCK_AFTER, `at most ${LOCK_AFTER} passwords are checked: ${JSON.stringify(counts)}`);
  assert.ok(checked >= 1, `the first attempts are checked: ${JSON.stringify(counts)}`);
  assert.equal(checked + locked, n, `every other attempt is locked out: ${JSON.stringify(counts)}`);
}

describe('the lock-out under 24 parallel wrong passwords (SQLite)', () => {
  let h;
  before(async () => {
    h = await startHuidig({ toml: TOML });
  });
  after(async () => {
    await h?.stop();
  });

  test('R-SEC-1: of 24 parallel wrong passwords at most the lock-out\'s 10 are checked', async () => {
    checkLocked(await parallelWrongPasswords([h.url], DEMO.practitioner, 24), 24);
    // The account is locked now: the right password is refused as well.
    expectProblem(await h.client().login(DEMO.practitioner, h.password(DEMO.practitioner)), 429, 'account_locked');
    // Others are not.
    await h.as(DEMO.assistant);
  });

  test('R-SEC-1: an unknown account locks the same way (the answer tells nothing)', async () => {
    checkLocked(await parallelWrongPasswords([h.url], 'niemand@demo.example', 24), 24);
  });
});

describe('the lock-out across two servers on one PostgreSQL', () => {
  let root;
  let servers = [];
  let accounts;
  const SCRIPT = join(REPO, 'scripts', 'test-postgres');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'huidig-pg-lockout-'));
    const started = spawnSync(SCRIPT, ['start', join(root, 'pg')], { encoding: 'utf8' });
    assert.equal(started.status, 0, started.stderr);
    const url = readFileSync(join(root, 'pg', 'url'), 'utf8').trim();
    const a = join(root, 'a');
    const demo = huidig(['demo', a, '--database', url, ...(process.env.HUIDIG_SANITIZER ? ['--no-dossiers'] : [])]);
    assert.equal(demo.status, 0, demo.stderr);
    accounts = Object.fromEntries(demo.stdout.trim().split('\n').map((l) => l.split('\t')).map(([, e, p]) => [e, p]));
    setToml(a, TOML);
    cpSync(a, join(root, 'b'), { recursive: true });
    servers = [await serve(a), await serve(join(root, 'b'))];
  });

  after(async () => {
    for (const s of servers) await s.stop();
    if (root) {
      spawnSync(SCRIPT, ['stop', join(root, 'pg')]);
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('R-SEC-1: one server: of 24 parallel wrong passwords at most 10 are checked', async () => {
    checkLocked(await parallelWrongPasswords([servers[0].url], DEMO.assistant, 24), 24);
  });

  test('R-SEC-1: two servers: 24 parallel wrong passwords split over both, at most 10 checked', async () => {
    checkLocked(await parallelWrongPasswords(servers.map((s) => s.url), DEMO.practitioner, 24), 24);
    for (const s of servers)
      expectProblem(await new ApiClient(s.url).login(DEMO.practitioner, accounts[DEMO.practitioner]), 429, 'account_locked');
    // A right password on an account that is not locked still logs in, on either server.
    for (const s of servers) await new ApiClient(s.url).mustLogin(DEMO.quality, accounts[DEMO.quality]);
  });
});

describe('a password change', () => {
  let h;
  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20, 'login.lock_after': 40 } });
  });
  after(async () => {
    await h?.stop();
  });

  test('R-SEC-1: refuses the current password as the new one', async () => {
    const api = await h.as(DEMO.practitioner);
    const current = h.password(DEMO.practitioner);
    expectProblem(
      await api.post('/api/v1/me/password', { json: { current_password: current, new_password: current } }),
      422,
      'password_unchanged',
      'new_password',
    );
    // Nothing changed: the password still logs in.
    await h.as(DEMO.practitioner);
  });

  test('R-SEC-1: ends every other session of the account and keeps the one that changed it', async () => {
    const tablet = await h.as(DEMO.owner);
    const laptop = await h.as(DEMO.owner);
    const changer = await h.as(DEMO.owner);
    const colleague = await h.as(DEMO.assistant);
    const next = 'nieuwe-lente-bloesem-77';
    expectStatus(
      await changer.post('/api/v1/me/password', {
        json: { current_password: h.password(DEMO.owner), new_password: next },
      }),
      204,
    );
    expectStatus(await changer.get('/api/v1/me'), 200);
    expectProblem(await tablet.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await laptop.get('/api/v1/clients'), 401, 'unauthenticated');
    expectStatus(await colleague.get('/api/v1/me'), 200);
    // The old password is gone, the new one logs in.
    expectProblem(await h.client().login(DEMO.owner, h.password(DEMO.owner)), 401, 'invalid_credentials');
    await h.client().mustLogin(DEMO.owner, next);
  });
});
