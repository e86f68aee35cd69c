// Photos through the API: raw uploads cleaned of every tag (R-PHOTO-1, R-PHOTO-2), served
// with no-store and audited, refused by the client's preference (R-DOS-2).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, sqlite, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';

describe('photos (demo practice)', () => {
  let h;
  let practitioner;
  let client;
  let work;
  let camera; // a JPEG as a phone makes it: GPS, camera and serial, an orientation

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'huidig-photo-'));
    const file = join(work, 'camera.jpg');
    execFileSync('vips', ['black', file, '64', '32', '--bands', '3']);
    execFileSync('exiftool', ['-q', '-overwrite_original', '-n', '-Orientation=6', '-GPSLatitude=52.37',
      '-GPSLatitudeRef=N', '-GPSLongitude=4.90', '-GPSLongitudeRef=E', '-Make=Apple', '-Model=iPhone 15',
      '-SerialNumber=F2LX999', file]);
    camera = readFileSync(file);
    h = await startHuidig();
    practitioner = await h.as(DEMO.practitioner);
    const me = expectStatus(await practitioner.get('/api/v1/me'), 200);
    client = expectStatus(
      await practitioner.post('/api/v1/clients', { json: newClient({ location: me.locations[0].id, photo_preference: 'allowed' }) }),
      201,
    );
  });
  after(async () => {
    await h?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const upload = (body, query = { phase: 'before', area: 'wang' }, contentType = 'image/jpeg', who = practitioner) =>
    who.post(`/api/v1/clients/${client.id}/photos`, { body, contentType, query });

  test('R-PHOTO-2: the stored image and thumbnail carry no GPS or camera tags and are upright', async () => {
    const photo = expectStatus(await upload(camera), 201);
    assert.equal(photo.phase, 'before');
    assert.equal(photo.width, 32); // orientation 6: the 64x32 stored pixels are shown turned
    assert.equal(photo.height, 64);
    for (const path of [`/api/v1/photos/${photo.id}`, `/api/v1/photos/${photo.id}/thumbnail`]) {
      const res = await practitioner.get(path);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/jpeg');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const out = join(work, 'out.jpg');
      const bytes = await fetch(`${h.url}${path}`, { headers: { Cookie: practitioner.cookieHeader() } });
      writeFileSync(out, Buffer.from(await bytes.arrayBuffer()));
      const tags = execFileSync('exiftool', ['-a', '-G1', '-s', out], { encoding: 'utf8' });
      for (const leak of ['GPS', 'Apple', 'iPhone', 'F2LX999', 'Orientation']) assert.ok(!tags.includes(leak), `${leak} in ${path}:\n${tags}`);
    }
    const list = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/photos`), 200);
    assert.equal(list.items.length, 1);
    const audit = sqlite(h.db, `SELECT action FROM audit_log WHERE object_type = 'photo' AND client_id = '${client.id}'`);
    assert.deepEqual([...new Set(audit.map((r) => r.action))].sort(), ['create', 'read', 'read_thumbnail']);
  });

  test('R-TRJ-3: a trajectory with visible results is flagged until its before-photo exists', async () => {
    expectStatus(await practitioner.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'geen' } }), 201);
    const t = expectStatus(
      await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, {
        json: { treatment_type: 'microneedling', goal: 'Egalere huid', expected_result: 'Minder littekens', risks: 'Roodheid', intake_reviewed: true },
      }),
      201,
    );
    assert.deepEqual(t.photo_flags, ['before_photos_missing']);
    expectStatus(await upload(camera, { phase: 'before', area: 'wang', trajectory: t.id }), 201);
    const after = expectStatus(await practitioner.get(`/api/v1/trajectories/${t.id}`), 200);
    assert.deepEqual(after.photo_flags, []);
    expectProblem(await upload(camera, { phase: 'before', area: 'wang', trajectory: 'nope' }), 422, 'invalid_value', 'trajectory');
  });

  test('R-PHOTO-1: a photo larger than max_body_bytes is accepted up to the photo limit', async () => {
    // A phone photo is several MB; JSON bodies stay limited to max_body_bytes (1 MiB).
    const big = join(work, 'big.jpg');
    execFileSync('vips', ['gaussnoise', join(work, 'noise.v'), '1600', '1200']);
    execFileSync('vips', ['jpegsave', join(work, 'noise.v'), big, '--Q', '100']);
    const bytes = readFileSync(big);
    assert.ok(bytes.length > 1024 * 1024, `test photo of ${bytes.length} bytes`);
    expectStatus(await upload(bytes), 201);
    const json = JSON.stringify(newClient({ given_name: 'x'.repeat(1024 * 1024) }));
    const res = await practitioner.request('POST', '/api/v1/clients', { body: json, contentType: 'application/json' });
    assert.equal(res.status, 413);
  });

  test('R-PHOTO-1: disguised, broken and wrongly sent files are refused', async () => {
    expectProblem(await upload(Buffer.from('%PDF-1.7 dit is geen foto')), 422, 'photo_type_unsupported', 'photo');
    expectProblem(await upload(camera.subarray(0, camera.length / 2)), 422, 'photo_corrupt', 'photo');
    expectProblem(await upload(camera, { phase: 'before', area: 'wang' }, 'text/plain'), 415, 'unsupported_media_type');
    expectProblem(await upload(camera, { phase: 'ooit', area: 'wang' }), 422, 'invalid_value', 'phase');
  });

  test('R-DOS-2: no uploads when the client refused photos or keeps their own', async () => {
    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { photo_preference: 'own' } }), 200);
    expectProblem(await upload(camera), 409, 'photos_own');
    expectStatus(await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { photo_preference: 'refused' } }), 200);
    expectProblem(await upload(camera), 409, 'photos_refused');
    // The photos taken before stay in the dossier.
    assert.ok(expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/photos`), 200).items.length > 0);
    const assistant = await h.as(DEMO.assistant);
    expectProblem(await assistant.get(`/api/v1/clients/${client.id}/photos`), 403, 'forbidden');
  });
});
