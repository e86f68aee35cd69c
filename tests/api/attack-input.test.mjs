// Input an attacker (or a broken client) sends, refused with the field named and nothing
// stored (issue 10, R-SEC-4): a key twice, a number beyond its field, bidirectional controls
// in names; and a full disk answers 507 and leaves no temporary file.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
}

describe('bad input (demo practice)', () => {
  let h;
  let owner;
  let practitioner;
  let location;

  before(async () => {
    h = await startHuidig();
    owner = await h.as(DEMO.owner);
    practitioner = await h.as(DEMO.practitioner);
    location = expectStatus(await practitioner.get('/api/v1/me'), 200).locations[0].id;
  });
  after(() => h?.stop());

  const clientCount = async (q) =>
    expectStatus(await practitioner.get('/api/v1/clients', { query: { q } }), 200).items.length;

  test('R-SEC-4: a key given twice is a 400 duplicate_key naming it, and nothing is stored', async () => {
    const raw = `{"given_name":"Dubbel","family_name":"Eerste","family_name":"Tweede","date_of_birth":"1990-05-17","location":"${location}"}`;
    expectProblem(
      await practitioner.post('/api/v1/clients', { body: raw, contentType: 'application/json' }),
      400,
      'duplicate_key',
      'family_name',
    );
    assert.equal(await clientCount('Dubbel'), 0);
    // A key twice in a nested object is found as well (before the unknown field).
    const nested = '{"given_name":"Dubbel","extra":{"x":1,"y":{"x":2},"x":3}}';
    expectProblem(
      await practitioner.post('/api/v1/clients', { body: nested, contentType: 'application/json' }),
      400,
      'duplicate_key',
      'x',
    );
    // The same key in two different objects is no duplicate.
    const created = expectStatus(
      await practitioner.post('/api/v1/clients', {
        body: JSON.stringify(newClient({ given_name: 'Enkel', location })),
        contentType: 'application/json',
      }),
      201,
    );
    assert.equal(created.given_name, 'Enkel');
  });

  test('R-SEC-4: a number beyond what the field holds is a 422 out_of_range, never stored wrapped', async () => {
    const type = { id: 'wrapped_type', regime: 'cosmetic', name_nl: 'Omgeslagen', name_en: 'Wrapped' };
    for (const category of [4294967297, -4294967295, 18446744073709551616]) {
      expectProblem(
        await owner.post('/api/v1/treatment-types', { json: { ...type, category }, invalid: true }),
        422,
        'out_of_range',
        'category',
      );
    }
    const types = expectStatus(await owner.get('/api/v1/treatment-types'), 200).items;
    assert.ok(!types.some((t) => t.id === 'wrapped_type'), 'no treatment type was stored');
    // A fraction is no whole number at all.
    expectProblem(
      await owner.post('/api/v1/treatment-types', { json: { ...type, category: 1.5 }, invalid: true }),
      422,
      'wrong_type',
      'category',
    );

    const client = expectStatus(await practitioner.post('/api/v1/clients', { json: newClient({ location }) }), 201);
    expectStatus(await practitioner.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'geen' } }), 201);
    const trajectory = {
      treatment_type: 'microneedling', goal: 'Egalere huid', expected_result: 'Minder littekens', risks: 'Roodheid',
      intake_reviewed: true,
    };
    for (const planned of [101, 0, 4294967297]) {
      expectProblem(
        await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, {
          json: { ...trajectory, planned_sessions: planned },
          invalid: true,
        }),
        422,
        'out_of_range',
        'planned_sessions',
      );
    }
    const made = expectStatus(
      await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, { json: { ...trajectory, planned_sessions: 100 } }),
      201,
    );
    assert.equal(made.planned_sessions, 100, 'the largest allowed value is kept as given');
  });

  test('R-SEC-4: bidirectional control characters are refused in names', async () => {
    for (const [field, value] of [
      ['family_name', 'Spiegel\u202Egpj.exe'],
      ['given_name', '\u2066Anna\u2069'],
      ['family_name', 'Spiegel\u200FVries'],
    ]) {
      expectProblem(
        await practitioner.post('/api/v1/clients', { json: newClient({ [field]: value, location }) }),
        422,
        'invalid_value',
        field,
      );
    }
    assert.equal(await clientCount('Spiegel'), 0);
    expectProblem(
      await owner.post('/api/v1/treatment-types', {
        json: { id: 'bidi_type', regime: 'wkkgz', name_nl: 'Peeling\u202E', name_en: 'Peel' },
      }),
      422,
      'invalid_value',
      'name_nl',
    );
    // Letters of right-to-left scripts and accents stay welcome.
    const arabic = expectStatus(
      await practitioner.post('/api/v1/clients', { json: newClient({ given_name: 'مريم', family_name: 'Öztürk-Çelik', location }) }),
      201,
    );
    assert.equal(arabic.given_name, 'مريم');
  });
});

describe('a full disk', { skip: process.getuid?.() !== 0 && 'mounting a small tmpfs needs root' }, () => {
  let h;
  let practitioner;
  let client;
  let work;
  let photos;
  let mounted = false;
  let big;
  let small;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'huidig-full-'));
    // A photo that does not fit in the disk below (noise does not compress), and one that does.
    execFileSync('vips', ['gaussnoise', join(work, 'big.jpg[Q=95]'), '1200', '1200']);
    execFileSync('vips', ['black', join(work, 'small.jpg'), '64', '32', '--bands', '3']);
    big = readFileSync(join(work, 'big.jpg'));
    small = readFileSync(join(work, 'small.jpg'));
    h = await startHuidig();
    practitioner = await h.as(DEMO.practitioner);
    const me = expectStatus(await practitioner.get('/api/v1/me'), 200);
    client = expectStatus(
      await practitioner.post('/api/v1/clients', {
        json: newClient({ location: me.locations[0].id, photo_preference: 'allowed' }),
      }),
      201,
    );
    photos = join(h.dir, 'photos');
    mkdirSync(photos, { recursive: true });
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', photos], { encoding: 'utf8' });
    assert.equal(m.status, 0, `mount a 256 KiB tmpfs on the photo folder: ${m.stderr}`);
    mounted = true;
  });

  after(async () => {
    await h?.stopServer();
    if (mounted) spawnSync('umount', ['-l', photos]);
    await h?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const upload = (body) =>
    practitioner.post(`/api/v1/clients/${client.id}/photos`, {
      body,
      contentType: 'image/jpeg',
      query: { phase: 'before', area: 'wang' },
    });

  test('R-SEC-4: an upload that does not fit answers 507 storage_full, stores nothing and leaves no temp file', async () => {
    assert.ok(big.length > 256 * 1024, `the test photo (${big.length} bytes) is larger than the disk`);
    expectProblem(await upload(big), 507, 'storage_full');
    const left = filesUnder(photos);
    assert.deepEqual(left.filter((f) => f.endsWith('.tmp')), [], `no temporary file: ${left.join(', ')}`);
    const list = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/photos`), 200);
    assert.equal(list.items.length, 0, 'no photo row without its file');
    // The server goes on: a photo that fits is stored, and reads work.
    const ok = expectStatus(await upload(small), 201);
    const res = await practitioner.get(`/api/v1/photos/${ok.id}`);
    assert.equal(res.status, 200);
    expectStatus(await practitioner.get('/api/v1/health'), 200);
  });
});
