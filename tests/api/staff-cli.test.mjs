// `huidig staff ...` on the machine itself, while the server runs: the way back in for an
// owner who lost their phone, audited as the system (R-STAFF-3).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, huidig, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus } from './lib/expect.mjs';
import { stepWithRoom, totpCode } from './lib/totp.mjs';

/** The one-time password line `ROLE<TAB>EMAIL<TAB>PASSWORD` that add and reset-password print. */
function oneTimePassword(stdout, email) {
  const line = stdout.split('\n').find((l) => l.split('\t')[1] === email);
  assert.ok(line, `a password line for ${email} in: ${stdout}`);
  return line.split('\t')[2];
}

describe('huidig staff (demo practice, server running)', () => {
  let h;
  const systemRows = (action) =>
    sqlite(h.db, `SELECT object_id FROM audit_log WHERE actor_id = 'system' AND object_type = 'user' AND action = '${action}'`);

  before(async () => {
    h = await startHuidig();
  });
  after(() => h?.stop());

  test('R-STAFF-3: an owner who lost their phone gets back in with reset-totp on the machine', async () => {
    const owner = h.client();
    await owner.mustLogin(DEMO.owner, h.password(DEMO.owner));
    const { secret } = expectStatus(await owner.post('/api/v1/me/totp', { json: { password: h.password(DEMO.owner) } }), 200);
    const step = await stepWithRoom(10);
    expectStatus(await owner.post('/api/v1/me/totp/confirm', { json: { code: totpCode(secret, { step }) } }), 200);
    expectProblem(await h.client().login(DEMO.owner, h.password(DEMO.owner)), 401, 'totp_required');

    const r = huidig(['staff', 'reset-totp', h.dir, DEMO.owner.toUpperCase()]);
    assert.equal(r.status, 0, r.stderr);
    expectProblem(await owner.get('/api/v1/me'), 401, 'unauthenticated');
    const me = await h.client().mustLogin(DEMO.owner, h.password(DEMO.owner));
    assert.equal(me.totp_enabled, false);
    assert.equal(systemRows('totp_reset').length, 1);
  });

  test('R-STAFF-3: add, disable, enable and reset-password from the command line', async () => {
    const add = huidig(['staff', 'add', h.dir, '--name', 'Lies Later', '--email', 'lies@demo.example',
      '--role', 'assistant', '--location', 'Utrecht']);
    assert.equal(add.status, 0, add.stderr);
    const password = oneTimePassword(add.stdout, 'lies@demo.example');
    const lies = h.client();
    assert.equal((await lies.mustLogin('lies@demo.example', password)).password_change_required, true);

    const disable = huidig(['staff', 'disable', h.dir, 'lies@demo.example']);
    assert.equal(disable.status, 0, disable.stderr);
    expectProblem(await lies.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await h.client().login('lies@demo.example', password), 401, 'invalid_credentials');
    assert.match(huidig(['staff', 'list', h.dir]).stdout, /^assistant\tlies@demo\.example\tdisabled\t-\tLies Later$/m);

    assert.equal(huidig(['staff', 'enable', h.dir, 'lies@demo.example']).status, 0);
    const reset = huidig(['staff', 'reset-password', h.dir, 'lies@demo.example']);
    assert.equal(reset.status, 0, reset.stderr);
    const fresh = oneTimePassword(reset.stdout, 'lies@demo.example');
    expectProblem(await h.client().login('lies@demo.example', password), 401, 'invalid_credentials');
    await h.client().mustLogin('lies@demo.example', fresh);

    const id = sqlite(h.db, "SELECT id FROM users WHERE email = 'lies@demo.example'")[0].id;
    for (const action of ['create', 'disable', 'enable', 'password_reset'])
      assert.ok(systemRows(action).some((r) => r.object_id === id), `${action} audited as the system`);
    const verify = huidig(['audit', 'verify', h.dir]);
    assert.equal(verify.status, 0, verify.stdout);
  });

  test('R-STAFF-3: the command line refuses what the API refuses, naming the field', () => {
    const auditor = huidig(['staff', 'add', h.dir, '--name', 'Ank', '--email', 'ank@demo.example', '--role', 'auditor']);
    assert.equal(auditor.status, 1);
    assert.match(auditor.stderr, /required \(access_until\)/);
    const unknown = huidig(['staff', 'disable', h.dir, 'niemand@demo.example']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no account/);
    assert.equal(sqlite(h.db, "SELECT count(*) AS n FROM users WHERE email = 'ank@demo.example'")[0].n, 0);
  });
});
