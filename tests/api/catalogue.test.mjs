// The treatment catalogue (R-CAT) and the practice's reflection periods (R-CONSENT-2).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus } from './lib/expect.mjs';

describe('treatment catalogue (demo practice)', () => {
  let h;
  let owner;
  let assistant;

  before(async () => {
    h = await startHuidig();
    owner = await h.as(DEMO.owner);
    assistant = await h.as(DEMO.assistant);
  });
  after(() => h?.stop());

  test('R-CAT: every regime and category ships, in Dutch and English', async () => {
    const nl = expectStatus(await assistant.get('/api/v1/treatment-types'), 200).items;
    const en = expectStatus(await assistant.get('/api/v1/treatment-types', { lang: 'en' }), 200).items;
    const byId = Object.fromEntries(nl.map((t) => [t.id, t]));
    assert.equal(byId.chemical_peel.regime, 'wkkgz');
    assert.equal(byId.chemical_peel.name, 'Chemische peeling');
    assert.equal(en.find((t) => t.id === 'chemical_peel').name, 'Chemical peel');
    assert.equal(byId.manicure.regime, 'basic');
    assert.equal(byId.pmu_lips.regime, 'pmu');
    assert.equal(byId.botulinum_toxin.category, 1);
    assert.equal(byId.upper_eyelid_correction.category, 2);
    assert.equal(byId.face_neck_lift.category, 3);
    assert.equal(byId.manicure.category, null);
    for (const regime of ['basic', 'wkkgz', 'pmu', 'cosmetic']) assert.ok(nl.some((t) => t.regime === regime), regime);
  });

  test('R-CAT: an edit is a new version; only the owner edits', async () => {
    expectProblem(await assistant.patch('/api/v1/treatment-types/microneedling', { json: { name_nl: 'X' } }), 403, 'forbidden');
    const v2 = expectStatus(await owner.patch('/api/v1/treatment-types/microneedling', { json: { name_nl: 'Microneedling (0,5 mm)' } }), 200);
    assert.equal(v2.version, 2);
    assert.equal(v2.name_en, 'Microneedling');
    const created = expectStatus(
      await owner.post('/api/v1/treatment-types', { json: { id: 'lash_lift', regime: 'wkkgz', name_nl: 'Wimperlift', name_en: 'Lash lift', visible_results: true } }),
      201,
    );
    assert.equal(created.version, 1);
    expectProblem(await owner.post('/api/v1/treatment-types', { json: { id: 'lash_lift', regime: 'wkkgz', name_nl: 'W', name_en: 'L' } }), 409, 'key_taken', 'id');
    expectProblem(await owner.post('/api/v1/treatment-types', { json: { id: 'odd', regime: 'cosmetic', name_nl: 'W', name_en: 'L' } }), 422, 'invalid_value', 'category');
  });

  test('R-CAT: errors name the field of the request; names count characters, not bytes', async () => {
    const bad = (json) => owner.post('/api/v1/treatment-types', { json, invalid: true });
    expectProblem(await bad({ regime: 'wkkgz', name_nl: 'W', name_en: 'L' }), 422, 'required', 'id');
    expectProblem(await bad({ id: 'Hoofd Letters', regime: 'wkkgz', name_nl: 'W', name_en: 'L' }), 422, 'invalid_value', 'id');
    expectProblem(await bad({ id: 'long_en', regime: 'wkkgz', name_nl: 'Kort', name_en: 'x'.repeat(201) }), 422, 'too_long', 'name_en');
    // 150 characters of two bytes each: 300 bytes, within the 200 characters.
    const accents = expectStatus(
      await owner.post('/api/v1/treatment-types', { json: { id: 'accents', regime: 'wkkgz', name_nl: 'é'.repeat(150), name_en: 'Accents' } }),
      201);
    assert.equal(accents.name_nl, 'é'.repeat(150));
    expectProblem(await owner.patch('/api/v1/treatment-types/accents', { json: { id: 'other' }, invalid: true }), 422, 'field_not_allowed', 'id');
  });

  test('the staff list names the authors of records, without account data', async () => {
    const staff = expectStatus(await assistant.get('/api/v1/staff'), 200).items;
    const bo = staff.find((s) => s.display_name === 'Bo Behandelaar');
    assert.equal(bo.role, 'practitioner');
    assert.ok(!JSON.stringify(staff).includes('@'), 'no email addresses');
  });

  test('R-CONSENT-2: the owner may lengthen the reflection periods, never shorten them', async () => {
    const longer = expectStatus(await owner.patch('/api/v1/practice', { json: { reflection_days: [1, 2, 14] } }), 200);
    assert.deepEqual(longer.reflection_days, [1, 2, 14]);
    expectProblem(await owner.patch('/api/v1/practice', { json: { reflection_days: [0, 0, 7] } }), 422, 'shorter_than_law', 'reflection_days');
    const me = expectStatus(await owner.get('/api/v1/me'), 200);
    assert.deepEqual(me.practice.reflection_days, [1, 2, 14]);
  });

  test('a change to the practice settings is written whole or not at all', async () => {
    const before = expectStatus(await owner.get('/api/v1/me'), 200).practice;
    expectProblem(
      await owner.patch('/api/v1/practice', { json: { totp_required: !before.totp_required, reflection_days: [0, 0, 7] } }),
      422, 'shorter_than_law', 'reflection_days');
    const after = expectStatus(await owner.get('/api/v1/me'), 200).practice;
    assert.equal(after.totp_required, before.totp_required, 'the second factor setting did not change');
    assert.deepEqual(after.reflection_days, before.reflection_days);
  });
});
