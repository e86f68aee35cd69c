// Login, same answer for unknown accounts, session cookie flags, logout and CSRF (R-SEC-1).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, locationIds, newClient } from './lib/expect.mjs';

describe('sessions (demo practice)', () => {
  let h;

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20, 'login.lock_after': 40 } });
  });

  after(async () => {
    await h?.stop();
  });

  test('R-SEC-1: the health check answers without a session', async () => {
    const res = await h.client().get('/api/v1/health');
    assert.deepEqual(expectStatus(res, 200), { status: 'ok' });
  });

  test('R-SEC-1: without a session the API answers 401 unauthenticated', async () => {
    const api = h.client();
    expectProblem(await api.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await api.get('/api/v1/clients'), 401, 'unauthenticated');
    expectProblem(await api.get('/api/v1/locations'), 401, 'unauthenticated');
    expectProblem(await api.get('/api/v1/clients/6f1c2a43-0d7e-4c55-9b1a-2f3e4d5c6b7a'), 401, 'unauthenticated');
  });

  test('R-SEC-1: login answers the user and a CSRF token, and GET /me agrees', async () => {
    const api = h.client();
    const res = await api.login(DEMO.owner, h.password(DEMO.owner));
    const body = expectStatus(res, 200);
    assert.equal(body.user.email, DEMO.owner);
    assert.equal(body.user.role, 'owner');
    assert.equal(body.user.password_change_required, false, 'demo passwords need no change');
    assert.equal(body.user.totp_enrolment_required, false, 'the demo practice has TOTP off');
    assert.equal(body.user.totp_enabled, false);
    assert.equal(body.user.practice.totp_required, false);
    assert.equal(body.user.csrf_token, body.csrf_token);
    assert.deepEqual(Object.keys(locationIds(body.user)).sort(), ['Amsterdam Centrum', 'Utrecht']);

    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.id, body.user.id);
    assert.equal(me.csrf_token, body.csrf_token);
    assert.deepEqual(me, body.user);
  });

  test('R-SEC-1: every demo account logs in with the password demo printed', async () => {
    const roles = {
      [DEMO.owner]: 'owner',
      [DEMO.practitioner]: 'practitioner',
      [DEMO.practitionerUtrecht]: 'practitioner',
      [DEMO.assistant]: 'assistant',
      [DEMO.quality]: 'quality',
      [DEMO.auditor]: 'auditor',
    };
    assert.deepEqual(
      h.accounts.map((a) => [a.role, a.email]),
      Object.entries(roles).map(([email, role]) => [role, email]),
      'huidig demo prints role<TAB>email<TAB>password per account, in the documented order',
    );
    for (const [email, role] of Object.entries(roles)) {
      const user = await h.client().mustLogin(email, h.password(email));
      assert.equal(user.role, role, email);
    }
  });

  test('R-SEC-1: a wrong password and an unknown account get the same answer', async () => {
    const wrong = await h.client().login(DEMO.practitioner, 'niet-het-wachtwoord');
    const unknown = await h.client().login('niemand@demo.example', 'niet-het-wachtwoord');
    expectProblem(wrong, 401, 'invalid_credentials');
    expectProblem(unknown, 401, 'invalid_credentials');
    assert.deepEqual(unknown.json, wrong.json);
    assert.equal(wrong.raw.length, 0, 'no cookie on a failed login');
    assert.equal(unknown.raw.length, 0, 'no cookie on a failed login');
  });

  test('R-SEC-1: an unknown account takes as long as a wrong password (the hash is not skipped)', async () => {
    const time = async (email) => {
      const t = performance.now();
      expectProblem(await h.client().login(email, 'niet-het-wachtwoord'), 401, 'invalid_credentials');
      return performance.now() - t;
    };
    const known = [];
    const unknown = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(DEMO.auditor));
      unknown.push(await time(`niemand${i}@demo.example`));
    }
    const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
    assert.ok(
      median(unknown) > 0.5 * median(known),
      `unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`,
    );
  });

  test('R-SEC-1: a missing password or email is refused without a session', async () => {
    const api = h.client();
    const res = await api.post('/api/v1/login', { json: { email: DEMO.owner }, invalid: true });
    expectStatus(res, [401, 422]);
    if (res.status === 422) expectProblem(res, 422, 'required', 'password');
    assert.equal(res.raw.length, 0);
    expectProblem(await api.get('/api/v1/me'), 401, 'unauthenticated');
  });

  test('R-SEC-1: the session cookie is huidig_session, HttpOnly, SameSite=Strict, Path=/, not Secure over HTTP', async () => {
    const api = h.client();
    const res = await api.login(DEMO.assistant, h.password(DEMO.assistant));
    expectStatus(res, 200);
    assert.equal(res.setCookies.length, 1, `one Set-Cookie: ${res.raw.join(' | ')}`);
    const [c] = res.setCookies;
    assert.equal(c.name, 'huidig_session');
    assert.equal(c.attributes.httponly, true, c.raw);
    assert.equal(String(c.attributes.samesite).toLowerCase(), 'strict', c.raw);
    assert.equal(c.attributes.path, '/', c.raw);
    assert.equal(c.attributes.secure, undefined, `no Secure over http: ${c.raw}`);
    assert.equal(c.attributes.domain, undefined, `no Domain: ${c.raw}`);
    assert.ok(!c.raw.includes(api.csrf), 'the CSRF token is not the session cookie');
  });

  test('R-SEC-1: every login issues a new session token of at least 128 bits', async () => {
    const a = h.client();
    const b = h.client();
    await a.mustLogin(DEMO.practitioner, h.password(DEMO.practitioner));
    const first = a.cookies.get('huidig_session');
    await b.mustLogin(DEMO.practitioner, h.password(DEMO.practitioner));
    const second = b.cookies.get('huidig_session');
    // Log in again on the same client that already has a session: the token changes too.
    await a.mustLogin(DEMO.practitioner, h.password(DEMO.practitioner));
    const third = a.cookies.get('huidig_session');
    assert.equal(new Set([first, second, third]).size, 3, 'three logins, three tokens');
    for (const token of [first, second, third]) {
      // 128 bits need at least 22 base64url or 32 hex characters.
      assert.ok(token.length >= 22, `token too short: ${token.length} characters`);
    }
    assert.notEqual(a.csrf, b.csrf, 'each session has its own CSRF token');
  });

  test('R-SEC-1: logout ends the session and clears the cookie', async () => {
    const api = h.client();
    await api.mustLogin(DEMO.practitioner, h.password(DEMO.practitioner));
    const token = api.cookies.get('huidig_session');
    const res = await api.logout();
    expectStatus(res, 204);
    const cleared = res.setCookies.find((c) => c.name === 'huidig_session');
    assert.ok(cleared, `logout clears the cookie: ${res.raw.join(' | ')}`);
    assert.ok(
      cleared.value === '' || Number(cleared.attributes['max-age']) <= 0 ||
        Date.parse(cleared.attributes.expires) < Date.now(),
      `the cookie is emptied or expired: ${cleared.raw}`,
    );
    assert.equal(api.cookies.size, 0);
    expectProblem(await api.get('/api/v1/me'), 401, 'unauthenticated');

    // The old token no longer works even when a client keeps sending it.
    const replay = h.client();
    replay.cookies.set('huidig_session', token);
    expectProblem(await replay.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await replay.get('/api/v1/clients'), 401, 'unauthenticated');
  });

  test('R-SEC-1: a made-up session token is refused', async () => {
    const api = h.client();
    api.cookies.set('huidig_session', 'A'.repeat(43));
    expectProblem(await api.get('/api/v1/me'), 401, 'unauthenticated');
  });

  test('R-SEC-1: a write without X-CSRF-Token answers 403 csrf_invalid and writes nothing', async () => {
    const api = h.client();
    const me = await api.mustLogin(DEMO.owner, h.password(DEMO.owner));
    const location = locationIds(me).Utrecht;
    const body = newClient({ family_name: 'Zondertoken', location });

    expectProblem(await api.post('/api/v1/clients', { json: body, csrf: false }), 403, 'csrf_invalid');
    expectProblem(await api.post('/api/v1/clients', { json: body, csrf: 'x'.repeat(43) }), 403, 'csrf_invalid');
    expectProblem(await api.post('/api/v1/clients', { json: body, csrf: '' }), 403, 'csrf_invalid');
    // Another session's token is wrong for this one.
    const other = h.client();
    await other.mustLogin(DEMO.owner, h.password(DEMO.owner));
    expectProblem(await api.post('/api/v1/clients', { json: body, csrf: other.csrf }), 403, 'csrf_invalid');

    const found = expectStatus(await api.get('/api/v1/clients', { query: { q: 'Zondertoken' } }), 200);
    assert.equal(found.items.length, 0, 'no client was written');

    // The same request with the token works, so the refusals above were about the token.
    const created = expectStatus(await api.post('/api/v1/clients', { json: body }), 201);

    // PATCH without the token changes nothing.
    const patch = { phone: '0699999999' };
    expectProblem(
      await api.patch(`/api/v1/clients/${created.id}`, { json: patch, csrf: false }),
      403,
      'csrf_invalid',
    );
    const after = expectStatus(await api.get(`/api/v1/clients/${created.id}`), 200);
    assert.equal(after.phone, created.phone);

    // Logout without the token does not end the session.
    expectProblem(await api.post('/api/v1/logout', { csrf: false }), 403, 'csrf_invalid');
    expectStatus(await api.get('/api/v1/me'), 200);
  });
});
