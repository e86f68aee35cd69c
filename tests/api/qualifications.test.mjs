// Qualified staff (R-STAFF-1, R-STAFF-2): the owner records qualifications, a staff member
// reads their own, the owner sees what expires within 60 days, and a session is signed only
// by a practitioner who holds what its type needs on the session's day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, locationIds, newClient } from './lib/expect.mjs';

const INFO = { goal: 'Vollere wenkbrauwen', expected_result: 'Natuurlijke vorm', risks: 'Zwelling', planned_sessions: 2 };
const PMU = {
  body_areas: ['wenkbrauwen'],
  products: [
    { kind: 'pigment', name: 'Brow Brown', batch: 'PG-77' },
    { kind: 'needle', name: '1RL 0.30', batch: 'ND-5' },
  ],
  device: { name: 'PMU-machine', settings: '90 Hz' },
  result: 'Goed',
  aftercare_advice: 'Niet krabben',
};

describe('qualifications (demo practice)', () => {
  let h;
  let owner;
  let uma; // practitioner at Utrecht: a beauty specialist, no PMU licence
  let assistant;
  let staff;

  before(async () => {
    h = await startHuidig();
    owner = await h.as(DEMO.owner);
    uma = await h.as(DEMO.practitionerUtrecht);
    assistant = await h.as(DEMO.assistant);
    staff = Object.fromEntries(expectStatus(await owner.get('/api/v1/staff'), 200).items.map((s) => [s.name, s.id]));
  });
  after(() => h?.stop());

  test('R-STAFF-1: the owner records a BIG registration with its 11-digit number; errors name the field', async () => {
    const url = `/api/v1/staff/${staff['Uma Utrecht']}/qualifications`;
    const big = { kind: 'big_registration', title: 'BIG-registratie verpleegkundige', covers: ['nurse'], valid_from: '2024-01-01' };
    expectProblem(await owner.post(url, { json: big, invalid: true }), 422, 'required', 'big_number');
    expectProblem(await owner.post(url, { json: { ...big, big_number: '1234567890' }, invalid: true }), 422, 'invalid_value', 'big_number');
    expectProblem(await owner.post(url, { json: { ...big, kind: 'diploma', big_number: '12345678901' } }), 422, 'field_not_allowed', 'big_number');
    expectProblem(await owner.post(url, { json: { ...big, kind: 'rijbewijs', big_number: '12345678901' }, invalid: true }), 422, 'invalid_value', 'kind');
    expectProblem(await owner.post(url, { json: { ...big, big_number: '12345678901', valid_until: '2023-12-31' } }), 422, 'invalid_value', 'valid_until');
    const res = await owner.post(url, { json: { ...big, big_number: '12345678901' } });
    const added = expectStatus(res, 201);
    assert.equal(added.staff_name, 'Uma Utrecht');
    assert.equal(added.valid_today, true);
    assert.ok(res.headers.get('location').endsWith(`/qualifications/${added.id}`));

    const own = expectStatus(await uma.get(url), 200).items;
    assert.ok(own.some((q) => q.id === added.id && q.big_number === '12345678901'), 'a practitioner reads their own');
    expectProblem(await uma.post(url, { json: { ...big, big_number: '12345678901' } }), 403, 'forbidden');
    expectProblem(await uma.get(`/api/v1/staff/${staff['Bo Behandelaar']}/qualifications`), 403, 'forbidden');
    expectProblem(await assistant.get(url), 403, 'forbidden');
    const audited = sqlite(h.db, `SELECT count(*) AS n FROM audit_log WHERE object_type = 'qualification' AND object_id = '${added.id}'`);
    assert.equal(audited[0].n, 1);
  });

  test('R-STAFF-1: the owner sees what expires within 60 days, soonest first', async () => {
    const soon = expectStatus(await owner.get('/api/v1/qualifications/expiring'), 200).items;
    assert.deepEqual(soon.map((q) => [q.staff_name, q.title]), [
      ['Uma Utrecht', 'Nascholing hygiëne en infectiepreventie'],
      ['Uma Utrecht', 'Certificaat IPL en laser'],
    ]);
    const year = expectStatus(await owner.get('/api/v1/qualifications/expiring', { query: { days: 366 } }), 200).items;
    assert.ok(year.length > soon.length, 'a wider window shows more');
    expectProblem(await assistant.get('/api/v1/qualifications/expiring'), 403, 'forbidden');
  });

  test('R-STAFF-2: a PMU session is refused at signing without a valid licence, naming it in Dutch and English', async () => {
    const places = locationIds(expectStatus(await uma.get('/api/v1/me'), 200));
    const client = expectStatus(await uma.post('/api/v1/clients', { json: newClient({ location: places.Utrecht, records_consent: 'given' }) }), 201);
    expectStatus(await uma.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'geen' } }), 201);
    const t = expectStatus(await uma.post(`/api/v1/clients/${client.id}/trajectories`, { json: { treatment_type: 'pmu_brows', ...INFO, intake_reviewed: true } }), 201);
    expectStatus(await uma.post(`/api/v1/trajectories/${t.id}/consents`, {
      json: { kind: 'informed', text: 'PMU wenkbrauwen: informatie', signature: { kind: 'typed', value: 'Testa Proefpersoon' } },
    }), 201);
    const draft = expectStatus(await uma.post(`/api/v1/trajectories/${t.id}/sessions`, { json: PMU }), 201);
    const nl = expectProblem(await uma.post(`/api/v1/sessions/${draft.id}/sign`), 409, 'qualification_missing');
    assert.equal(nl.missing, 'pmu_licence');
    assert.equal(nl.rule, 'R-STAFF-2');
    assert.match(nl.detail, /vergunning permanente make-up/);
    const en = expectProblem(await uma.post(`/api/v1/sessions/${draft.id}/sign`, { lang: 'en' }), 409, 'qualification_missing');
    assert.match(en.detail, /permanent make-up licence/);
    assert.equal(sqlite(h.db, `SELECT status FROM treatment_sessions WHERE id = '${draft.id}'`)[0].status, 'draft');

    // A licence from tomorrow does not count today; one valid today does.
    const url = `/api/v1/staff/${staff['Uma Utrecht']}/qualifications`;
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    expectStatus(await owner.post(url, { json: { kind: 'certificate', title: 'Vergunning PMU', covers: ['pmu_licence'], valid_from: tomorrow } }), 201);
    expectProblem(await uma.post(`/api/v1/sessions/${draft.id}/sign`), 409, 'qualification_missing');
    expectStatus(await owner.post(url, { json: { kind: 'certificate', title: 'Vergunning PMU (GGD)', covers: ['pmu_licence'], valid_from: '2025-01-01' } }), 201);
    const signed = expectStatus(await uma.post(`/api/v1/sessions/${draft.id}/sign`), 200);
    assert.equal(signed.status, 'signed');
  });

  test('R-STAFF-2: a treatment type names the qualifications it needs', async () => {
    const type = expectStatus(await owner.get('/api/v1/treatment-types'), 200).items.find((x) => x.id === 'microneedling');
    assert.deepEqual(type.qualifications, ['beauty_specialist']);
    assert.equal(type.qualification, 'beauty_specialist');
    const v2 = expectStatus(await owner.patch('/api/v1/treatment-types/microneedling', { json: { qualifications: ['beauty_specialist', 'needling_course'] } }), 200);
    assert.deepEqual(v2.qualifications, ['beauty_specialist', 'needling_course']);
    expectProblem(await owner.patch('/api/v1/treatment-types/microneedling', { json: { qualifications: ['Cursus!'] }, invalid: true }), 422, 'invalid_value', 'qualifications[0]');
    const none = expectStatus(await owner.patch('/api/v1/treatment-types/microneedling', { json: { qualification: null } }), 200);
    assert.deepEqual(none.qualifications, []);
  });
});
