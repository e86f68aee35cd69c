// Failed logins are slowed (429 login_throttled) and then locked (429 account_locked) (R-SEC-1).
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus } from './lib/expect.mjs';

function expectRetry(res, code) {
  const body = expectProblem(res, 429, code);
  const header = Number(res.headers.get('retry-after'));
  assert.ok(Number.isInteger(header) && header >= 1, `Retry-After header: ${res.headers.get('retry-after')}`);
  assert.equal(body.retry_after, header, 'retry_after equals the Retry-After header');
  assert.equal(res.raw.length, 0, 'no session cookie');
  return body;
}

describe('throttling (slow_after = 1)', () => {
  let h;

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 1, 'login.lock_after': 50 } });
  });

  after(async () => {
    await h?.stop();
  });

  test('R-SEC-1: after slow_after failures the next attempt, even with the right password, is 429 login_throttled', async () => {
    const api = h.client();
    expectProblem(await api.login(DEMO.practitioner, 'fout-wachtwoord'), 401, 'invalid_credentials');
    const body = expectRetry(await api.login(DEMO.practitioner, h.password(DEMO.practitioner)), 'login_throttled');
    assert.ok(body.retry_after <= 2, `1 failure past slow_after waits 2^0 s, got ${body.retry_after}`);
  });

  test('R-SEC-1: unknown accounts are throttled the same way', async () => {
    const api = h.client();
    // Each throttled attempt right after its failure: the first wait is only 1 s, and a
    // loaded machine may take that long for one Argon2 hash.
    const known = await h.client().login(DEMO.quality, 'fout-wachtwoord');
    const knownThrottled = expectRetry(await h.client().login(DEMO.quality, 'fout-wachtwoord'), 'login_throttled');
    const unknown = await api.login('onbekend@demo.example', 'fout-wachtwoord');
    const unknownThrottled = expectRetry(await api.login('onbekend@demo.example', 'fout-wachtwoord'), 'login_throttled');
    expectProblem(unknown, 401, 'invalid_credentials');
    assert.deepEqual(unknown.json, known.json);
    for (const key of ['type', 'title', 'status', 'code']) {
      assert.equal(unknownThrottled[key], knownThrottled[key], key);
    }
  });

  test('R-SEC-1: throttling is per account: other accounts still log in', async () => {
    await h.client().mustLogin(DEMO.assistant, h.password(DEMO.assistant));
  });

  test('R-SEC-1: after the wait the right password logs in', async () => {
    const api = h.client();
    expectProblem(await api.login(DEMO.auditor, 'fout-wachtwoord'), 401, 'invalid_credentials');
    const body = expectRetry(await api.login(DEMO.auditor, h.password(DEMO.auditor)), 'login_throttled');
    await sleep(body.retry_after * 1000 + 300);
    expectStatus(await api.login(DEMO.auditor, h.password(DEMO.auditor)), 200);
  });
});

describe('lock-out (lock_after = 3)', () => {
  let h;
  const LOCK_AFTER = 3;
  const LOCK_MINUTES = 15;

  before(async () => {
    h = await startHuidig({
      toml: { 'login.slow_after': 50, 'login.lock_after': LOCK_AFTER, 'login.lock_minutes': LOCK_MINUTES },
    });
  });

  after(async () => {
    await h?.stop();
  });

  async function failUntilLocked(email) {
    const api = h.client();
    for (let i = 1; i <= LOCK_AFTER; i++) {
      const res = await api.login(email, `fout-${i}`);
      // The attempt that reaches lock_after may already say account_locked; earlier ones may not.
      if (i === LOCK_AFTER && res.status === 429) expectRetry(res, 'account_locked');
      else expectProblem(res, 401, 'invalid_credentials');
    }
    return api;
  }

  test('R-SEC-1: after lock_after failures the account is locked, even for the right password', async () => {
    const api = await failUntilLocked(DEMO.practitioner);
    const body = expectRetry(await api.login(DEMO.practitioner, h.password(DEMO.practitioner)), 'account_locked');
    assert.ok(body.retry_after > 60 && body.retry_after <= LOCK_MINUTES * 60, `retry_after ${body.retry_after}`);
    // Still locked for a new client (the lock is on the account, not the connection).
    expectRetry(await h.client().login(DEMO.practitioner, h.password(DEMO.practitioner)), 'account_locked');
  });

  test('R-SEC-1: unknown accounts are locked the same way', async () => {
    const api = await failUntilLocked('niet-bestaand@demo.example');
    const unknown = expectRetry(await api.login('niet-bestaand@demo.example', 'wat-dan-ook'), 'account_locked');
    const known = expectRetry(await h.client().login(DEMO.practitioner, 'wat-dan-ook'), 'account_locked');
    for (const key of ['type', 'title', 'status', 'code']) assert.equal(unknown[key], known[key], key);
    assert.ok(Math.abs(unknown.retry_after - known.retry_after) <= 60);
  });

  test('R-SEC-1: a locked account does not lock the others', async () => {
    await h.client().mustLogin(DEMO.owner, h.password(DEMO.owner));
  });
});
