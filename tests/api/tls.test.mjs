// Over HTTPS the session cookie is __Host-huidig_session with Secure (R-SEC-1).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './lib/client.mjs';
import { DEMO, makeDataDir, serve, setToml } from './lib/server.mjs';
import { expectProblem, expectStatus } from './lib/expect.mjs';

describe('HTTPS ([tls] certificate and key set)', () => {
  let data;
  let server;
  let ca;

  before(async () => {
    data = makeDataDir({ kind: 'demo' });
    const cert = join(data.root, 'cert.pem');
    const key = join(data.root, 'key.pem');
    const r = spawnSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, `openssl: ${r.stderr}`);
    ca = readFileSync(cert);
    setToml(data.dir, { 'tls.certificate': cert, 'tls.key': key, 'login.slow_after': 20 });
    server = await serve(data.dir);
  });

  after(async () => {
    await server?.stop();
    if (data && !process.env.HUIDIG_KEEP_TEST_DATA) rmSync(data.root, { recursive: true, force: true });
  });

  test('R-SEC-1: with a certificate the server listens on https', () => {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  });

  test('R-SEC-1: over HTTPS the session cookie is __Host-huidig_session; Secure; HttpOnly; SameSite=Strict; Path=/', async () => {
    const api = new ApiClient(server.url, { tls: { ca } });
    const res = await api.login(DEMO.owner, data.password(DEMO.owner));
    expectStatus(res, 200);
    assert.equal(res.setCookies.length, 1, res.raw.join(' | '));
    const [c] = res.setCookies;
    assert.equal(c.name, '__Host-huidig_session', c.raw);
    assert.equal(c.attributes.secure, true, c.raw);
    assert.equal(c.attributes.httponly, true, c.raw);
    assert.equal(String(c.attributes.samesite).toLowerCase(), 'strict', c.raw);
    assert.equal(c.attributes.path, '/', c.raw);
    assert.equal(c.attributes.domain, undefined, `__Host- cookies have no Domain: ${c.raw}`);

    const me = expectStatus(await api.get('/api/v1/me'), 200);
    assert.equal(me.email, DEMO.owner);

    const out = await api.logout();
    expectStatus(out, 204);
    const cleared = out.setCookies.find((x) => x.name === '__Host-huidig_session');
    assert.ok(cleared, `logout clears __Host-huidig_session: ${out.raw.join(' | ')}`);
    assert.equal(cleared.attributes.secure, true, `a __Host- cookie is only cleared with Secure: ${cleared.raw}`);
    expectProblem(await api.get('/api/v1/me'), 401, 'unauthenticated');
  });

  test('R-SEC-1: over HTTPS the plain huidig_session cookie is not accepted', async () => {
    const api = new ApiClient(server.url, { tls: { ca } });
    await api.mustLogin(DEMO.assistant, data.password(DEMO.assistant));
    const token = api.cookies.get('__Host-huidig_session');
    const plain = new ApiClient(server.url, { tls: { ca } });
    plain.cookies.set('huidig_session', token);
    expectProblem(await plain.get('/api/v1/me'), 401, 'unauthenticated');
  });
});
