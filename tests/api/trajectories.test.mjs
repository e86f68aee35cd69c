// Trajectories, the decision consult and the reflection period, and signed consent through the
// API (R-TRJ-1, R-CONSENT-1..6, R-DOS-1), including the refusals with their codes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';

const INFO = {
  goal: 'Minder zichtbaar litteken',
  expected_result: 'Vlakker en lichter litteken',
  planned_sessions: 1,
  risks: 'Zwelling, blauwe plekken, infectie',
  alternatives: 'Laser, niets doen',
  costs: 'EUR 850',
  aftercare: 'Koelen, niet sporten',
};

/** Today in Europe/Amsterdam as YYYY-MM-DD, with an offset in days. */
function amsterdamDate(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
}

describe('trajectories and consent (demo practice)', () => {
  let h;
  let practitioner;
  let client;

  before(async () => {
    h = await startHuidig();
    practitioner = await h.as(DEMO.practitioner);
    const me = expectStatus(await practitioner.get('/api/v1/me'), 200);
    client = expectStatus(
      await practitioner.post('/api/v1/clients', { json: newClient({ location: me.locations[0].id, records_consent: 'given' }) }),
      201,
    );
    expectStatus(await practitioner.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'geen' } }), 201);
  });
  after(() => h?.stop());

  const create = (type, extra = {}) =>
    practitioner.post(`/api/v1/clients/${client.id}/trajectories`, {
      json: { treatment_type: type, ...INFO, intake_reviewed: true, ...extra },
    });

  test('R-TRJ-1: the information duty is stored and read back; the intake review is required', async () => {
    const t = expectStatus(await create('chemical_peel'), 201);
    assert.equal(t.risks, INFO.risks);
    assert.equal(t.treatment_type.regime, 'wkkgz');
    assert.deepEqual(t.missing, ['consent_missing']);
    const list = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/trajectories`), 200);
    assert.ok(list.items.some((x) => x.id === t.id && x.aftercare === INFO.aftercare));
    expectProblem(await create('chemical_peel', { intake_reviewed: false }), 422, 'required', 'intake_reviewed');
    expectProblem(await create('chemical_peel', { goal: '' }), 422, 'required', 'goal');
    const sealed = sqlite(h.db, `SELECT info_sealed FROM trajectories WHERE id = '${t.id}'`)[0].info_sealed;
    assert.ok(!sealed.includes('litteken'));
  });

  test('R-CONSENT-2: the decision is refused on the day of a category 2 consult, with the earliest date', async () => {
    const t = expectStatus(await create('scar_correction'), 201);
    assert.deepEqual(t.missing, ['consult_missing']);
    expectProblem(await practitioner.post(`/api/v1/trajectories/${t.id}/decision`, { json: {} }), 409, 'consult_missing');
    const consulted = expectStatus(
      await practitioner.post(`/api/v1/trajectories/${t.id}/consult`, {
        json: { at: new Date().toISOString(), leaflet_version: 'folder-2026-03', proposed: 'Littekencorrectie wang' },
      }),
      201,
    );
    assert.deepEqual(consulted.missing, ['decision_missing']);
    assert.equal(consulted.earliest_decision, amsterdamDate(1));
    const refused = expectProblem(await practitioner.post(`/api/v1/trajectories/${t.id}/decision`, { json: {} }), 409, 'reflection_period_not_elapsed');
    assert.equal(refused.earliest, amsterdamDate(1));
    assert.equal(refused.rule, 'R-CONSENT-2');
    // R-CONSENT-1: a consult recorded afterwards, two days ago: it needs a reason, and its
    // reflection period counts from today until the owner confirms the stated time.
    const t2 = expectStatus(await create('scar_correction'), 201);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const consult = { at: twoDaysAgo, leaflet_version: 'v1', proposed: 'x' };
    expectProblem(await practitioner.post(`/api/v1/trajectories/${t2.id}/consult`, { json: consult }), 422, 'required', 'late_reason');
    const late = expectStatus(await practitioner.post(`/api/v1/trajectories/${t2.id}/consult`, {
      json: { ...consult, late_reason: 'Consult op papier, nu ingevoerd' },
    }), 201);
    assert.equal(late.consults[0].recorded_afterwards, true);
    assert.equal(late.consults[0].late_reason, 'Consult op papier, nu ingevoerd');
    assert.equal(late.consults[0].confirmed_at, null);
    assert.equal(late.earliest_decision, amsterdamDate(1), 'counted from the day it was recorded');
    expectProblem(await practitioner.post(`/api/v1/trajectories/${t2.id}/decision`, { json: {} }), 409, 'reflection_period_not_elapsed');
    expectProblem(await practitioner.post(`/api/v1/trajectories/${t2.id}/consult/confirm`), 403, 'forbidden');
    const owner = await h.as(DEMO.owner);
    const confirmed = expectStatus(await owner.post(`/api/v1/trajectories/${t2.id}/consult/confirm`), 200);
    assert.equal(confirmed.consults[0].confirmed_by, owner.me.id);
    expectProblem(await owner.post(`/api/v1/trajectories/${t2.id}/consult/confirm`), 409, 'already_confirmed');
    expectProblem(await owner.post(`/api/v1/trajectories/${t.id}/consult/confirm`), 409, 'not_recorded_afterwards');
    const decided = expectStatus(await practitioner.post(`/api/v1/trajectories/${t2.id}/decision`, { json: {} }), 201);
    assert.deepEqual(decided.missing, ['confirmation_missing']);
    const audit = sqlite(h.db, `SELECT action FROM audit_log WHERE object_type = 'consult' ORDER BY seq`).map((r) => r.action);
    assert.ok(audit.includes('confirm'), 'the confirmation is audited');
    expectProblem(await practitioner.post(`/api/v1/trajectories/${t2.id}/consult`, { json: { at: 'gisteren', leaflet_version: 'v1', proposed: 'x' }, invalid: true }), 422, 'invalid_value', 'at');
  });

  test('R-CONSENT-5: a consent keeps the hash and the text exactly as shown', async () => {
    const t = expectStatus(await create('microneedling'), 201);
    const text = 'Microneedling: roodheid en zwelling zijn normaal. Tekstversie 3.';
    const signed = expectStatus(
      await practitioner.post(`/api/v1/trajectories/${t.id}/consents`, {
        json: { kind: 'informed', text, signature: { kind: 'typed', value: 'Testa Proefpersoon' } },
      }),
      201,
    );
    assert.deepEqual(signed.missing, []);
    assert.equal(signed.consents[0].text, text);
    assert.equal(signed.consents[0].text_sha256, createHash('sha256').update(text, 'utf8').digest('hex'));
    expectProblem(
      await practitioner.post(`/api/v1/trajectories/${t.id}/consents`, {
        json: { kind: 'informed', text, signature: { kind: 'drawn', value: 'data:image/png;base64,bm90IGEgcG5n' } },
      }),
      422,
      'invalid_value',
      'signature',
    );
  });

  test('R-CONSENT-3: a confirmation needs the decision; R-DOS-1: refused records allow basic only', async () => {
    const t = expectStatus(await create('botulinum_toxin'), 201);
    const confirm = { kind: 'confirmation', text: 'Bevestiging op de dag', signature: { kind: 'typed', value: 'Testa Proefpersoon' } };
    expectProblem(await practitioner.post(`/api/v1/trajectories/${t.id}/consents`, { json: confirm }), 409, 'decision_missing');
    expectStatus(await practitioner.post(`/api/v1/trajectories/${t.id}/consult`, { json: { at: new Date().toISOString(), leaflet_version: 'v1', proposed: 'Botox' } }), 201);
    expectStatus(await practitioner.post(`/api/v1/trajectories/${t.id}/decision`, { json: {} }), 201); // category 1
    const confirmed = expectStatus(await practitioner.post(`/api/v1/trajectories/${t.id}/consents`, { json: confirm }), 201);
    assert.deepEqual(confirmed.missing, []);

    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { records_consent: 'refused' } }), 200);
    const refused = expectProblem(await create('microneedling'), 409, 'records_refused');
    assert.equal(refused.rule, 'R-DOS-1');
    expectStatus(await create('manicure'), 201);
  });

  test('R-SEC-2: the front desk reaches no trajectory', async () => {
    const assistant = await h.as(DEMO.assistant);
    expectProblem(await assistant.get(`/api/v1/clients/${client.id}/trajectories`), 403, 'forbidden');
  });
});
