// The intake: versioned, health data only for the roles that may see it (R-DOS, R-SEC-2),
// sealed at rest (R-SEC-3) and audited without its answers (R-AUD-3).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, locationIds, newClient } from './lib/expect.mjs';

describe('intake (demo practice)', () => {
  let h;
  let owner;
  let practitioner;
  let client;

  before(async () => {
    h = await startHuidig();
    owner = await h.as(DEMO.owner);
    practitioner = await h.as(DEMO.practitioner);
    const me = expectStatus(await owner.get('/api/v1/me'), 200);
    client = expectStatus(await owner.post('/api/v1/clients', { json: newClient({ location: me.locations[0].id }) }), 201);
  });
  after(() => h?.stop());

  test('R-DOS: each change is a new version with author and time; old versions stay readable', async () => {
    const path = `/api/v1/clients/${client.id}/intake`;
    const empty = expectStatus(await practitioner.get(path), 200);
    assert.equal(empty.current, null);
    const v1 = expectStatus(await practitioner.post(path, { json: { allergies: 'Nikkel', pregnancy: 'nee' } }), 201);
    assert.equal(v1.version, 1);
    const v2 = expectStatus(await practitioner.post(path, { json: { allergies: 'Nikkel, latex', pregnancy: 'nee' } }), 201);
    assert.equal(v2.version, 2);
    const all = expectStatus(await owner.get(path), 200);
    assert.equal(all.current.answers.allergies, 'Nikkel, latex');
    assert.deepEqual(all.versions.map((v) => v.answers.allergies), ['Nikkel', 'Nikkel, latex']);
    assert.equal(all.versions[0].author, practitioner.me.id);
    expectProblem(await practitioner.post(path, { json: { notes: 'x'.repeat(4001) } }), 422, 'too_long', 'notes');
    expectProblem(await practitioner.post(path, { json: { bsn: '123456782' }, invalid: true }), 400, 'unknown_field', 'bsn');
  });

  test('R-SEC-2: the front desk and the quality officer see no health data; the inspector only reads', async () => {
    const path = `/api/v1/clients/${client.id}/intake`;
    const assistant = await h.as(DEMO.assistant);
    expectProblem(await assistant.get(path), 403, 'forbidden');
    const quality = await h.as(DEMO.quality);
    expectProblem(await quality.get(path), 404, 'not_found');
    const auditor = await h.as(DEMO.auditor);
    expectStatus(await auditor.get(path), 200);
    expectProblem(await auditor.post(path, { json: { notes: 'inspectie' } }), 403, 'forbidden');
  });

  test('R-SEC-3: the answers are sealed at rest and the audit log holds none of them', async () => {
    const rows = sqlite(h.db, `SELECT answers_sealed FROM intake_versions WHERE client_id = '${client.id}'`);
    assert.ok(rows.length >= 2);
    for (const r of rows) {
      assert.ok(!r.answers_sealed.includes('Nikkel'), 'plain text in the database');
      assert.match(r.answers_sealed, /^s1\./);
    }
    const audit = sqlite(h.db, `SELECT * FROM audit_log WHERE object_type = 'intake'`);
    assert.ok(audit.some((r) => r.action === 'read' && r.outcome === 'allowed'));
    assert.ok(audit.some((r) => r.action === 'create'));
    assert.ok(!JSON.stringify(audit).includes('Nikkel'));
  });
});
