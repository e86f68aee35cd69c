// The audit log: a row per client read, search, create and change (R-AUD-1), no names or birth
// dates in it (R-AUD-3), and `huidig audit verify` detecting change, removal and reordering (R-AUD-2).
import assert from 'node:assert/strict';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, huidig, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, listAll, locationIds, newClient } from './lib/expect.mjs';

const COLUMNS = [
  'practice_id', 'seq', 'at_us', 'actor_id', 'actor_role', 'client_id', 'location_id', 'action',
  'object_type', 'object_id', 'remote_addr', 'outcome', 'prev_hash', 'hash',
];

describe('audit log (demo practice)', () => {
  let h;
  let owner;
  let utrechtOnly;
  let amsClient;
  let utrClient;
  let created;
  const started = Date.now();

  const rows = () => sqlite(h.db, 'SELECT * FROM audit_log ORDER BY practice_id, seq');
  const count = () => sqlite(h.db, 'SELECT count(*) AS n FROM audit_log')[0].n;

  /** Runs `action` and returns the audit rows it appended. */
  async function appended(action) {
    const before = count();
    const maxSeq = sqlite(h.db, 'SELECT coalesce(max(seq), 0) AS s FROM audit_log')[0].s;
    await action();
    const added = sqlite(h.db, `SELECT * FROM audit_log WHERE seq > ${Number(maxSeq)} ORDER BY seq`);
    assert.equal(count(), before + added.length);
    return added;
  }

  before(async () => {
    h = await startHuidig({ toml: { 'login.slow_after': 20 } });
    owner = await h.as(DEMO.owner);
    utrechtOnly = await h.as(DEMO.practitionerUtrecht);
    const loc = locationIds(owner.me);
    const all = await listAll(owner);
    amsClient = all.find((c) => c.location === loc['Amsterdam Centrum']);
    utrClient = all.find((c) => c.location === loc.Utrecht);
  });

  after(async () => {
    await h?.stop();
  });

  test('R-AUD-1: the audit_log table has the documented columns', () => {
    const cols = sqlite(h.db, 'PRAGMA table_info(audit_log)').map((c) => c.name);
    for (const c of COLUMNS) assert.ok(cols.includes(c), `column ${c} in ${cols.join(', ')}`);
  });

  test('R-AUD-1: an allowed read appends one row: who, which role, when, which client, from where, allowed', async () => {
    const added = await appended(async () => {
      expectStatus(await owner.get(`/api/v1/clients/${amsClient.id}`), 200);
    });
    assert.equal(added.length, 1, JSON.stringify(added));
    const [row] = added;
    assert.equal(row.actor_id, owner.me.id);
    assert.equal(row.actor_role, 'owner');
    assert.equal(row.client_id, amsClient.id);
    assert.equal(row.location_id, amsClient.location);
    assert.equal(row.outcome, 'allowed');
    assert.equal(row.practice_id, owner.me.practice.id);
    assert.match(String(row.remote_addr), /127\.0\.0\.1/);
    const atMs = Number(row.at_us) / 1000;
    assert.ok(atMs >= started - 60_000 && atMs <= Date.now() + 60_000, `at_us is UTC microseconds: ${row.at_us}`);
    assert.ok(row.action && row.object_type, 'action and object type are named');
  });

  test('R-AUD-1: a refused read (another location) appends one row with outcome refused', async () => {
    const added = await appended(async () => {
      expectProblem(await utrechtOnly.get(`/api/v1/clients/${amsClient.id}`), 404, 'not_found');
    });
    assert.equal(added.length, 1, JSON.stringify(added));
    const [row] = added;
    assert.equal(row.outcome, 'refused');
    assert.equal(row.actor_id, utrechtOnly.me.id);
    assert.equal(row.actor_role, 'practitioner');
    assert.equal(row.client_id, amsClient.id);
  });

  test('R-AUD-1: a read refused by role (quality officer) is logged as refused too', async () => {
    const quality = await h.as(DEMO.quality);
    const added = await appended(async () => {
      expectProblem(await quality.get(`/api/v1/clients/${utrClient.id}`), 404, 'not_found');
      expectProblem(await quality.get('/api/v1/clients'), 403, 'forbidden');
    });
    assert.equal(added.length, 2, JSON.stringify(added));
    assert.ok(added.every((r) => r.outcome === 'refused' && r.actor_role === 'quality'));
  });

  test('R-AUD-1: a search, a create and a change each append one allowed row', async () => {
    const search = await appended(async () => {
      expectStatus(await owner.get('/api/v1/clients', { query: { q: utrClient.family_name } }), 200);
    });
    assert.equal(search.length, 1, `one row per search: ${JSON.stringify(search)}`);
    assert.equal(search[0].outcome, 'allowed');

    const byDate = await appended(async () => {
      expectStatus(await owner.get('/api/v1/clients', { query: { q: utrClient.date_of_birth } }), 200);
    });
    assert.equal(byDate.length, 1);

    const create = await appended(async () => {
      created = expectStatus(
        await owner.post('/api/v1/clients', {
          json: newClient({
            given_name: 'Auditha',
            family_name: 'Logboekstra',
            date_of_birth: '1958-04-29',
            phone: '0655443322',
            location: utrClient.location,
          }),
        }),
        201,
      );
    });
    assert.equal(create.length, 1);
    assert.equal(create[0].client_id, created.id);
    assert.equal(create[0].outcome, 'allowed');

    const change = await appended(async () => {
      expectStatus(await owner.patch(`/api/v1/clients/${created.id}`, { json: { records_consent: 'given' } }), 200);
    });
    assert.equal(change.length, 1);
    assert.equal(change[0].client_id, created.id);
    assert.notEqual(change[0].action, create[0].action, 'create and change are different actions');
  });

  test('R-AUD-2: rows are chained: seq counts up and prev_hash is the hash before', () => {
    const all = rows();
    assert.ok(all.length >= 8);
    for (let i = 1; i < all.length; i++) {
      if (all[i].practice_id !== all[i - 1].practice_id) continue;
      assert.equal(Number(all[i].seq), Number(all[i - 1].seq) + 1);
      assert.equal(all[i].prev_hash, all[i - 1].hash, `entry ${all[i].seq}`);
    }
    assert.equal(new Set(all.map((r) => r.hash)).size, all.length, 'hashes differ');
  });

  test('R-AUD-3: the log holds no client name or date of birth', () => {
    const text = JSON.stringify(rows());
    for (const c of [amsClient, utrClient, created]) {
      const [y, m, d] = c.date_of_birth.split('-');
      for (const value of [c.given_name, c.family_name, c.date_of_birth, `${d}-${m}-${y}`, c.phone, c.email]) {
        if (!value || value.length < 3) continue;
        assert.ok(!text.includes(value), `the audit log contains "${value}"`);
      }
    }
  });

  describe('huidig audit verify', () => {
    let entries;
    let middle;

    before(async () => {
      // Stop the server so the database file is complete and quiet before it is copied.
      await h.stopServer();
      entries = count();
      middle = Number(sqlite(h.db, 'SELECT seq FROM audit_log ORDER BY seq')[Math.floor(entries / 2)].seq);
    });

    /** A copy of the data folder with some SQL applied to its database. */
    function tamperedCopy(name, sql) {
      const dir = join(h.root, name);
      cpSync(h.dir, dir, { recursive: true });
      const db = join(dir, 'huidig.db');
      // Triggers that guard the table are no obstacle to someone with the file: drop them first.
      for (const t of sqlite(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")) {
        sqlite(db, `DROP TRIGGER "${t.name}"`);
      }
      sqlite(db, sql);
      return dir;
    }

    function verify(dir) {
      const r = huidig(['audit', 'verify', dir]);
      return { ...r, output: `${r.stdout}${r.stderr}` };
    }

    function expectBroken(dir, seqs) {
      const r = verify(dir);
      assert.equal(r.status, 1, `verify exits 1 on a broken log: ${r.output}`);
      const m = /audit log broken at entry (\d+): (.+)/.exec(r.output);
      assert.ok(m, `verify names the entry: ${r.output}`);
      assert.ok(seqs.includes(Number(m[1])), `broken at ${m[1]}, expected ${seqs.join(' or ')}: ${r.output}`);
    }

    test('R-AUD-2: verify accepts the intact log', () => {
      const r = verify(h.dir);
      assert.equal(r.status, 0, r.output);
      assert.match(r.output, new RegExp(`audit log intact: ${entries} entries`));
    });

    test('R-AUD-2: verify detects a changed field', () => {
      const dir = tamperedCopy(
        'changed',
        `UPDATE audit_log SET outcome = CASE outcome WHEN 'allowed' THEN 'refused' ELSE 'allowed' END WHERE seq = ${middle}`,
      );
      expectBroken(dir, [middle]);
      const dir2 = tamperedCopy('changed-actor', `UPDATE audit_log SET actor_role = 'auditor' WHERE seq = ${middle}`);
      expectBroken(dir2, [middle]);
      const dir3 = tamperedCopy('changed-time', `UPDATE audit_log SET at_us = at_us + 1 WHERE seq = ${middle}`);
      expectBroken(dir3, [middle]);
    });

    test('R-AUD-2: verify detects a removed entry', () => {
      const dir = tamperedCopy('removed', `DELETE FROM audit_log WHERE seq = ${middle}`);
      expectBroken(dir, [middle, middle + 1]);
    });

    test('R-AUD-2: verify detects the removal of the newest entry', () => {
      const last = Number(sqlite(h.db, 'SELECT max(seq) AS s FROM audit_log')[0].s);
      const dir = tamperedCopy('truncated', `DELETE FROM audit_log WHERE seq = ${last}`);
      expectBroken(dir, [last - 1, last, last + 1]);
    });

    test('R-AUD-2: verify detects two entries swapped', () => {
      const a = middle;
      const b = middle + 1;
      const dir = tamperedCopy(
        'swapped',
        `UPDATE audit_log SET seq = -1 WHERE seq = ${a};
         UPDATE audit_log SET seq = ${a} WHERE seq = ${b};
         UPDATE audit_log SET seq = ${b} WHERE seq = -1;`,
      );
      const swapped = sqlite(join(dir, 'huidig.db'), `SELECT seq, hash FROM audit_log WHERE seq IN (${a}, ${b}) ORDER BY seq`);
      assert.equal(swapped.length, 2);
      expectBroken(dir, [a, b]);
    });

    test('R-AUD-2: the original stays intact after the tampered copies', () => {
      assert.ok(existsSync(h.db));
      assert.equal(verify(h.dir).status, 0);
      for (const name of ['changed', 'changed-actor', 'changed-time', 'removed', 'truncated', 'swapped']) {
        rmSync(join(h.root, name), { recursive: true, force: true });
      }
    });
  });
});
