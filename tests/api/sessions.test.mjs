// Session records through the API (R-TRJ-2, R-TRJ-4), refused with the rule's code, and
// append-only: no signed session, consent or intake version can be changed or deleted
// through any API call, only added to (R-DOS-3, R-CONSENT-5).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
import { DEMO, REPO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';

const INFO = { goal: 'Egalere huid', expected_result: 'Minder littekens', risks: 'Roodheid', planned_sessions: 3 };
const RECORD = {
  body_areas: ['wangen'],
  products: [{ kind: 'product', name: 'Cartridge 12 naalden', batch: 'LOT-77-A' }],
  device: { name: 'Dermapen 4', settings: '0,5 mm' },
  particulars: 'Geen',
  result: 'Goed',
  evaluation: 'Na 4 weken',
  attention_points: 'Gevoelige huid',
  aftercare_advice: 'SPF 50',
};

describe('session records (demo practice)', () => {
  let h;
  let practitioner;
  let client;
  let trajectory;

  before(async () => {
    h = await startHuidig();
    practitioner = await h.as(DEMO.practitioner);
    const me = expectStatus(await practitioner.get('/api/v1/me'), 200);
    client = expectStatus(await practitioner.post('/api/v1/clients', { json: newClient({ location: me.locations[0].id, records_consent: 'given' }) }), 201);
    expectStatus(await practitioner.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'geen' } }), 201);
    trajectory = expectStatus(
      await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, { json: { treatment_type: 'microneedling', ...INFO, intake_reviewed: true } }),
      201,
    );
  });
  after(() => h?.stop());

  test('R-CONSENT-4: a session before signed informed consent is refused with consent_missing', async () => {
    const refused = expectProblem(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: RECORD }), 409, 'consent_missing');
    assert.equal(refused.rule, 'R-CONSENT-4');
    assert.equal(sqlite(h.db, `SELECT count(*) AS n FROM treatment_sessions WHERE trajectory_id = '${trajectory.id}'`)[0].n, 0);
  });

  test('R-TRJ-2, R-DOS-3: a draft is edited, signed, then only added to; R-TRJ-4 recall finds it', async () => {
    expectStatus(
      await practitioner.post(`/api/v1/trajectories/${trajectory.id}/consents`, {
        json: { kind: 'informed', text: 'Informatie microneedling v1', signature: { kind: 'typed', value: 'Testa Proefpersoon' } },
      }),
      201,
    );
    const draft = expectStatus(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: RECORD }), 201);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.products[0].batch, 'LOT-77-A');
    expectProblem(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: { ...RECORD, products: [{ kind: 'x', name: 'n' }] }, invalid: true }), 422, 'invalid_value', 'products[0].kind');
    const edited = expectStatus(await practitioner.patch(`/api/v1/sessions/${draft.id}`, { json: { ...RECORD, result: 'Zeer goed' } }), 200);
    assert.equal(edited.result, 'Zeer goed');
    const signed = expectStatus(await practitioner.post(`/api/v1/sessions/${draft.id}/sign`), 200);
    assert.equal(signed.status, 'signed');
    expectProblem(await practitioner.patch(`/api/v1/sessions/${draft.id}`, { json: { ...RECORD, result: 'Anders' } }), 409, 'session_signed');
    const corrected = expectStatus(
      await practitioner.post(`/api/v1/sessions/${draft.id}/addenda`, { json: { reason: 'Tikfout', text: 'Diepte 0,75 mm' } }),
      201,
    );
    assert.equal(corrected.result, 'Zeer goed');
    assert.equal(corrected.addenda[0].reason, 'Tikfout');
    const recall = expectStatus(await practitioner.get('/api/v1/recall', { query: { batch: 'lot 77a' } }), 200);
    assert.equal(recall.items.length, 1);
    assert.equal(recall.items[0].session, draft.id);
    assert.equal(recall.items[0].client.id, client.id);
    const byDevice = expectStatus(await practitioner.get('/api/v1/recall', { query: { device: 'dermapen 4' } }), 200);
    // The demo practice used a Dermapen 4 too; this client's session is found once.
    assert.equal(byDevice.items.filter((i) => i.client.id === client.id).length, 1);
    const t = expectStatus(await practitioner.get(`/api/v1/trajectories/${trajectory.id}`), 200);
    assert.equal(t.sessions[0].status, 'signed');
  });

  test('R-CONSENT-3, R-TRJ-2: a cosmetic session needs the confirmation of the day; PMU its batches', async () => {
    const botox = expectStatus(
      await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, { json: { treatment_type: 'botulinum_toxin', ...INFO, intake_reviewed: true } }),
      201,
    );
    // The trajectory's missing list and the refusal are one rule: first the consult, then the decision.
    assert.deepEqual(botox.missing, ['consult_missing']);
    assert.equal(expectProblem(await practitioner.post(`/api/v1/trajectories/${botox.id}/sessions`, { json: RECORD }), 409, 'consult_missing').rule, 'R-CONSENT-1');
    expectStatus(await practitioner.post(`/api/v1/trajectories/${botox.id}/consult`, { json: { at: new Date().toISOString(), leaflet_version: 'v1', proposed: 'Botox' } }), 201);
    expectStatus(await practitioner.post(`/api/v1/trajectories/${botox.id}/decision`, { json: {} }), 201);
    const refused = expectProblem(await practitioner.post(`/api/v1/trajectories/${botox.id}/sessions`, { json: RECORD }), 409, 'confirmation_missing');
    assert.equal(refused.rule, 'R-CONSENT-3');

    const pmu = expectStatus(
      await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, { json: { treatment_type: 'pmu_lips', ...INFO, intake_reviewed: true } }),
      201,
    );
    expectStatus(
      await practitioner.post(`/api/v1/trajectories/${pmu.id}/consents`, {
        json: { kind: 'informed', text: 'PMU lippen: informatie', signature: { kind: 'typed', value: 'Testa Proefpersoon' } },
      }),
      201,
    );
    const draft = expectStatus(await practitioner.post(`/api/v1/trajectories/${pmu.id}/sessions`, { json: RECORD }), 201);
    expectProblem(await practitioner.post(`/api/v1/sessions/${draft.id}/sign`), 409, 'batch_missing', 'products');
  });

  test('R-DOS-3: no signed session, consent or intake version can be changed or deleted by any API call', async () => {
    // The API has no operation that could: besides GET and POST only these PATCHes exist.
    const spec = YAML.parse(readFileSync(join(REPO, 'api', 'openapi.yaml'), 'utf8'));
    const changing = [];
    for (const [path, item] of Object.entries(spec.paths))
      for (const method of ['put', 'patch', 'delete']) if (item[method]) changing.push(`${method.toUpperCase()} ${path}`);
    assert.deepEqual(changing.sort(), [
      'PATCH /api/v1/clients/{id}',
      'PATCH /api/v1/locations/{id}', // the practice's places, not records
      'PATCH /api/v1/practice',
      'PATCH /api/v1/sessions/{id}',
      'PATCH /api/v1/staff/{id}', // accounts, not records
      'PATCH /api/v1/treatment-types/{id}',
    ]);
    // And the server refuses the others, whatever the object.
    const before = {
      sessions: sqlite(h.db, 'SELECT id, status, record_sealed, updated_at_us FROM treatment_sessions ORDER BY id'),
      consents: sqlite(h.db, 'SELECT * FROM consents ORDER BY id'),
      intake: sqlite(h.db, 'SELECT * FROM intake_versions ORDER BY client_id, version'),
    };
    const session = before.sessions.find((s) => s.status === 'signed');
    const consent = before.consents[0];
    const targets = [
      `/api/v1/sessions/${session.id}`,
      `/api/v1/trajectories/${trajectory.id}`,
      `/api/v1/trajectories/${trajectory.id}/consents`,
      `/api/v1/trajectories/${trajectory.id}/consents/${consent.id}`,
      `/api/v1/clients/${client.id}/intake`,
      `/api/v1/clients/${client.id}`,
    ];
    for (const path of targets) {
      for (const method of ['PUT', 'DELETE']) {
        // The client refuses the exchange because api/openapi.yaml has no such operation; only that
        // refusal is expected here, and the answer it carries is checked below.
        const res = await practitioner.request(method, path, { json: {}, invalid: true }).catch((err) => {
          assert.match(err.message, /^OpenAPI: (.* is not in|no path in) api\/openapi\.yaml/, err.stack);
          assert.ok(err.response, `${method} ${path}: ${err.message}`);
          return err.response;
        });
        assert.ok([404, 405].includes(res.status), `${method} ${path} answered ${res.status}`);
      }
    }
    expectProblem(await practitioner.patch(`/api/v1/sessions/${session.id}`, { json: RECORD }), 409, 'session_signed');
    assert.deepEqual(
      {
        sessions: sqlite(h.db, 'SELECT id, status, record_sealed, updated_at_us FROM treatment_sessions ORDER BY id'),
        consents: sqlite(h.db, 'SELECT * FROM consents ORDER BY id'),
        intake: sqlite(h.db, 'SELECT * FROM intake_versions ORDER BY client_id, version'),
      },
      before,
    );
  });

  test('R-DOS-1: record keeping withdrawn later keeps every record and blocks new sessions', async () => {
    const signed = sqlite(h.db, `SELECT id FROM treatment_sessions WHERE status = 'signed' AND trajectory_id = '${trajectory.id}'`).map((r) => r.id);
    assert.ok(signed.length > 0);
    const changed = expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { records_consent: 'refused' } }), 200);
    assert.equal(changed.records_consent, 'refused');
    for (const id of signed) expectStatus(await practitioner.get(`/api/v1/sessions/${id}`), 200);
    const view = expectStatus(await practitioner.get(`/api/v1/trajectories/${trajectory.id}`), 200);
    assert.ok(view.sessions.length >= signed.length, 'the trajectory still shows its sessions');
    expectProblem(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: RECORD }), 409, 'records_refused');
    const history = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/history`), 200).items;
    assert.deepEqual(history.at(-1).changes, [{ field: 'records_consent', from: 'given', to: 'refused' }]);
  });

  test('R-DOS-3: a draft can be thrown away, audited; a signed session never', async () => {
    // The client agrees to record keeping again (the test before withdrew it).
    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { records_consent: 'given' } }), 200);
    const draft = expectStatus(await practitioner.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: RECORD }), 201);
    const assistant = await h.as(DEMO.assistant);
    expectProblem(await assistant.post(`/api/v1/sessions/${draft.id}/discard`), 403, 'forbidden');
    const res = await practitioner.post(`/api/v1/sessions/${draft.id}/discard`);
    assert.equal(res.status, 204);
    expectProblem(await practitioner.get(`/api/v1/sessions/${draft.id}`), 404, 'not_found');
    const view = expectStatus(await practitioner.get(`/api/v1/trajectories/${trajectory.id}`), 200);
    assert.ok(!view.sessions.some((s) => s.id === draft.id));
    assert.equal(sqlite(h.db, `SELECT count(*) AS n FROM session_products WHERE session_id = '${draft.id}'`)[0].n, 0);
    const audit = sqlite(h.db, `SELECT action, outcome FROM audit_log WHERE object_id = '${draft.id}' ORDER BY seq`);
    assert.deepEqual(audit.at(-1), { action: 'discard', outcome: 'allowed' });
    const signed = sqlite(h.db, `SELECT id FROM treatment_sessions WHERE status = 'signed' AND trajectory_id = '${trajectory.id}'`)[0].id;
    expectProblem(await practitioner.post(`/api/v1/sessions/${signed}/discard`), 409, 'session_signed');
    expectStatus(await practitioner.get(`/api/v1/sessions/${signed}`), 200);
  });
});
