// Photos in the dossier against the real server with a demo practice: real JPEGs made with
// libvips, uploaded as raw bodies with a progress bar each (R-PHOTO-1, R-PHOTO-4), thumbnails by
// phase and the full photo in a dialog, a text file disguised as a JPEG and a photo with too
// many pixels refused in Dutch, a failed upload sent again, the clients who refused photos or keep their own (R-DOS-2), before
// and after compared with a slider and the R-TRJ-3 flags on a trajectory, the auditor reading
// and the front desk seeing nothing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../../tests/api/lib/client.mjs';
import { DEMO, LAPTOP, TABLET, assertServes, checkScreen, launch, loginAs, newPage, screenshot, startApp } from './lib/harness.mjs';

/** Skin with a darker spot: the spot is large before and small after. */
function makeJpegs(dir) {
  const run = (...args) => execFileSync('vips', args.map(String));
  const black = join(dir, 'black.v');
  run('black', black, 1200, 900, '--bands', 3);
  const make = (name, skin, spot, radius) => {
    const v = join(dir, `${name}.v`);
    run('linear', black, v, '1 1 1', skin, '--uchar');
    run('draw_circle', v, spot, 600, 450, radius, '--fill');
    const out = join(dir, `${name}.jpg`);
    run('copy', v, out);
    return out;
  };
  const files = {
    before: make('voor-wang', '196 150 128', '110 60 50', 220),
    after: make('na-wang', '232 196 178', '200 150 130', 90),
    big: join(dir, 'groot.jpg'),
    huge: join(dir, 'te-veel-pixels.jpg'),
    text: join(dir, 'geen-foto.jpg'),
  };
  // About 2 MB of noise: large enough to watch its progress on a throttled connection.
  const noise = join(dir, 'noise.v');
  const grey = join(dir, 'grey.v');
  run('gaussnoise', noise, 2400, 1800, '--sigma', 60);
  run('cast', noise, grey, 'uchar');
  run('bandjoin', `${grey} ${grey} ${grey}`, files.big);
  run('black', files.huge, 8000, 6600); // 52.8 million pixels, over the 50 million of huidig.toml
  writeFileSync(files.text, 'Dit is een tekstbestand en geen foto.\n');
  return files;
}

describe('photos', () => {
  let app;
  let browser;
  let api; // the practitioner, through the API
  let work;
  let jpeg;
  let trajectoryId = null; // the trajectory with photos before and after, for the auditor

  async function clientId(name) {
    const res = await api.get(`/api/v1/clients?q=${encodeURIComponent(name)}`);
    assert.equal(res.status, 200);
    assert.equal(res.json.items.length, 1, `one demo client ${name}`);
    return res.json.items[0].id;
  }

  async function openCard(page, id, name) {
    await page.goto(`/clients/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Chooses files through the picker button, as a user does. */
  async function choose(page, scope, buttonName, files) {
    const chooser = page.waitForEvent('filechooser');
    await scope.getByRole('button', { name: buttonName, exact: true }).click();
    const fc = await chooser;
    await fc.setFiles(files);
    return fc;
  }

  const photos = (page) => page.getByRole('region', { name: 'Foto’s', exact: true });

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'huidig-e2e-photos-'));
    jpeg = makeJpegs(work);
    // Default limits: photos up to photos.max_bytes (25 MiB) although JSON bodies stop at 1 MiB.
    app = await startApp({ kind: 'demo' });
    browser = await launch();
    api = new ApiClient(app.url);
    await api.mustLogin(DEMO.practitioner, app.password(DEMO.practitioner));
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('R-PHOTO-1 R-PHOTO-4 on the card: two JPEGs with a progress bar each, thumbnails by phase, the full photo; a text file named .jpg refused in Dutch', async () => {
    const id = await clientId('Vries');
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await openCard(page, id, 'Anna de Vries');
    const section = photos(page);
    await section.getByText('Er zijn nog geen foto’s.').waitFor();

    // The camera input opens the back camera on a tablet; the picker takes several photos.
    const inputs = await section.locator('input[type=file]').evaluateAll((els) =>
      els.map((e) => ({ accept: e.accept, capture: e.getAttribute('capture'), multiple: e.multiple })),
    );
    assert.deepEqual(inputs, [
      { accept: 'image/*', capture: 'environment', multiple: false },
      { accept: 'image/*', capture: null, multiple: true },
    ]);
    await checkScreen(page, 'photos-card-empty');

    // Phase and body area first, then two photos at once.
    await section.getByLabel('Voor', { exact: true }).check();
    await section.getByLabel('Behandelgebied').selectOption('Wangen');
    const sent = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes(`/clients/${id}/photos`)) sent.push(r);
    });
    await choose(page, section, 'Foto’s kiezen', [jpeg.before, jpeg.after]);
    const uploads = section.getByRole('list', { name: 'Foto’s die worden opgeslagen' });
    await section.getByText('2 van 2 opgeslagen').waitFor();
    assert.equal(sent.length, 2);
    for (const r of sent) {
      const url = new URL(r.url());
      assert.equal(url.searchParams.get('phase'), 'before');
      assert.equal(url.searchParams.get('area'), 'Wangen');
      assert.equal(r.headers()['content-type'], 'image/jpeg', 'the photo is the raw body, not multipart');
      assert.ok(r.headers()['x-csrf-token'], 'the CSRF header goes along');
    }
    assert.deepEqual(await uploads.locator('progress').evaluateAll((ps) => ps.map((p) => p.value)), [100, 100]);
    await uploads.getByText('Opgeslagen').first().waitFor();

    // The thumbnails under "Vóór de behandeling", loaded through the session cookie.
    const beforeList = section.getByRole('list', { name: /^Vóór de behandeling/ });
    await beforeList.getByRole('link').nth(1).waitFor();
    assert.equal(await beforeList.getByRole('link').count(), 2);
    await page.waitForFunction(() => [...document.querySelectorAll('.thumb__img')].every((i) => i.complete && i.naturalWidth > 0));
    const sizes = await section.locator('.thumb__img').evaluateAll((is) => is.map((i) => [i.naturalWidth, i.naturalHeight]));
    assert.deepEqual(sizes, [[400, 300], [400, 300]], 'thumbnails at most 400 px');
    await checkScreen(page, 'photos-card-uploaded');

    // A click opens the full photo in a dialog; Escape closes it and the focus returns.
    const first = beforeList.getByRole('link').first();
    assert.match(await first.evaluate((a) => a.textContent), /^Foto openen, voor: Wangen \d\d-\d\d-\d{4} \d\d:\d\d$/);
    await first.click();
    const dialog = page.getByRole('dialog', { name: /Vóór de behandeling/ });
    await dialog.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('dialog[open] .viewer__img');
      return img && img.complete && img.naturalWidth > 0;
    });
    assert.equal(await dialog.locator('img').evaluate((i) => i.naturalWidth), 1200, 'the full photo');
    await checkScreen(page, 'photos-card-viewer');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Sluiten', 'the focus is in the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The same by keyboard: Enter on the second thumbnail, the close button, back where it was.
    const second = beforeList.getByRole('link').nth(1);
    await second.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Enter'); // "Sluiten" has the focus
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await second.evaluate((a) => a === document.activeElement), true, 'the focus returns to the thumbnail');

    // A text file with a .jpg name: refused, the reason in Dutch next to the photo.
    await section.getByLabel('Na', { exact: true }).check();
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/clients/${id}/photos`));
    await choose(page, section, 'Foto’s kiezen', [jpeg.text]);
    assert.equal((await answered).status(), 422);
    const row = uploads.getByRole('listitem').filter({ hasText: 'geen-foto.jpg' });
    await row.getByRole('alert').getByText('Dit bestand is geen foto die Huidig kan lezen. Kies een JPEG-, PNG-, WebP- of HEIC-foto.').waitFor();
    await row.getByText('Niet opgeslagen').waitFor();
    await section.getByText('2 van 3 opgeslagen, 1 niet').waitFor();
    await checkScreen(page, 'photos-card-refused-file');

    // Removed from the list; the stored photos stay.
    await row.getByRole('button', { name: 'Weghalen uit de lijst: geen-foto.jpg' }).click();
    await row.waitFor({ state: 'detached' });
    await section.getByRole('button', { name: 'Lijst leegmaken' }).click();
    await uploads.waitFor({ state: 'detached' });
    assert.equal(await beforeList.getByRole('link').count(), 2);

    // In English the same refusal reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    const sectionEn = page.getByRole('region', { name: 'Photos', exact: true });
    await choose(page, sectionEn, 'Choose photos', [jpeg.text]);
    await sectionEn.getByRole('alert').getByText('This file is not a photo Huidig can read.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.context().close();
  });

  test('R-PHOTO-1 a large photo shows its progress; a dropped upload keeps its file and is sent again', async () => {
    const id = await clientId('Jansen');
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.practitioner);
    await openCard(page, id, 'Sanne Jansen');
    const section = photos(page);
    await section.getByText('Er zijn nog geen foto’s.').waitFor();

    // The first attempt loses its connection.
    let attempts = 0;
    await page.route(`**/api/v1/clients/${id}/photos?**`, async (route) => {
      attempts += 1;
      if (attempts === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    await section.getByLabel('Behandelgebied').selectOption('Gezicht');
    await choose(page, section, 'Foto maken', [jpeg.before]);
    const row = section.getByRole('listitem').filter({ hasText: 'voor-wang.jpg' });
    await row.getByRole('alert').getByText('De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.').waitFor();
    // The dropped connection is what Chromium reports; nothing else went wrong.
    page.problems = page.problems.filter((p) => !p.includes('net::ERR_CONNECTION_RESET'));
    await checkScreen(page, 'photos-retry-failed');
    await page.unroute(`**/api/v1/clients/${id}/photos?**`);

    // Sent again, the same file with the same phase and area.
    const again = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/clients/${id}/photos`));
    await row.getByRole('button', { name: 'Opnieuw proberen: voor-wang.jpg' }).click();
    assert.equal((await again).status(), 201);
    const list = await api.get(`/api/v1/clients/${id}/photos`);
    assert.equal(list.json.items.length, 1, 'stored once');
    const photo = list.json.items[0];
    assert.deepEqual([photo.phase, photo.area, photo.width, photo.height], ['before', 'Gezicht', 1200, 900]);
    await row.getByText('Opgeslagen').waitFor();
    await section.getByRole('list', { name: /^Vóór de behandeling/ }).getByRole('link').waitFor();

    // A 2 MB photo over a slow line: the bar moves.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
    await choose(page, section, 'Foto’s kiezen', [jpeg.big]);
    const big = section.getByRole('listitem').filter({ hasText: 'groot.jpg' });
    const bar = big.locator('progress');
    await page.waitForFunction((el) => el.value > 5 && el.value < 95, await bar.elementHandle(), { timeout: 20_000 });
    await big.getByText(/^Bezig met opslaan… \d+%$/).waitFor();
    await screenshot(page, 'photos-progress');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await big.getByText('Opgeslagen').waitFor({ timeout: 30_000 });
    await section.getByText('2 van 2 opgeslagen').waitFor();
    await checkScreen(page, 'photos-progress-done');

    // Too many pixels: refused with its reason, and nothing to try again.
    await choose(page, section, 'Foto’s kiezen', [jpeg.huge]);
    const huge = section.getByRole('listitem').filter({ hasText: 'te-veel-pixels.jpg' });
    await huge.getByRole('alert').getByText('De foto heeft te veel pixels. Kies een kleinere foto, of verklein hem eerst.').waitFor();
    assert.equal(await huge.getByRole('button', { name: /Opnieuw proberen/ }).count(), 0);
    await checkScreen(page, 'photos-too-many-pixels');
    await page.context().close();
  });

  test('R-DOS-2 a client who refused photos or keeps their own: no upload, the note that the responsibility lies with the client', async () => {
    // The server refuses too (the screen is not the only guard).
    const refusedId = await clientId('Berg');
    const res = await api.post(`/api/v1/clients/${refusedId}/photos`, {
      body: Buffer.from('x'),
      contentType: 'image/jpeg',
      query: { phase: 'before', area: 'Wangen' },
    });
    assert.equal(res.status, 409);
    assert.equal(res.json.code, 'photos_refused');

    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await openCard(page, refusedId, 'Noor van den Berg');
    const section = photos(page);
    await section.getByText('Verantwoordelijkheid bij de cliënt').waitFor();
    await section.getByText('de verantwoordelijkheid voor het vastleggen van het resultaat ligt dan bij de cliënt', { exact: false }).waitFor();
    assert.equal(await section.locator('input[type=file]').count(), 0, 'no upload controls');
    assert.equal(await section.getByRole('button').count(), 0);
    await checkScreen(page, 'photos-refused');

    const ownId = await clientId('Lotte');
    await openCard(page, ownId, 'Lotte van Dijk');
    await section.getByText('De cliënt maakt en bewaart zelf foto’s. De verantwoordelijkheid voor die foto’s ligt dan bij de cliënt.').waitFor();
    assert.equal(await section.locator('input[type=file]').count(), 0);
    await checkScreen(page, 'photos-own');

    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('region', { name: 'Photos', exact: true });
    await en.getByText('Responsibility lies with the client').waitFor();
    await en.getByText('The responsibility for those photos then lies with the client.', { exact: false }).waitFor();
    await checkScreen(page, 'photos-own-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.context().close();
  });

  test('R-TRJ-3 R-PHOTO-4 a trajectory: the flag for missing photos, before and after uploaded, compared side by side and with the slider', async () => {
    await assertServes(app, 'POST', '/api/v1/clients/{id}/photos', { param: 'trajectory' });
    const id = await clientId('Amrani');
    let res = await api.post(`/api/v1/clients/${id}/intake`, { json: { allergies: 'Geen', medication: 'Geen', pregnancy: 'Nee' } });
    assert.equal(res.status, 201, res.text);
    res = await api.post(`/api/v1/clients/${id}/trajectories`, {
      json: {
        treatment_type: 'microneedling',
        goal: 'Minder zichtbare aknelittekens op de wangen',
        expected_result: 'Egalere huid na één behandeling',
        planned_sessions: 1,
        risks: 'Roodheid, zwelling',
        aftercare: 'Een week zonnebrandcrème SPF 50',
        intake_reviewed: true,
      },
    });
    assert.equal(res.status, 201, res.text);
    const trajectory = res.json;
    assert.deepEqual(trajectory.photo_flags, ['before_photos_missing']);

    const page = await newPage(browser, app, { viewport: TABLET });
    // Playwright takes over the file dialog once something listens for it: from the start, so
    // that a key press (quicker than a click) does not beat it.
    page.on('filechooser', () => undefined);
    await loginAs(page, app, DEMO.practitioner);
    const path = `/clients/${id}/trajectories/${trajectory.id}`;
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'Microneedling' }).waitFor();

    // 1. The flag, and the way to the photos by keyboard.
    const flag = page.locator('.notice').filter({ hasText: 'Foto’s ontbreken' });
    await flag.getByText('Foto’s vóór de eerste behandeling ontbreken').waitFor();
    await checkScreen(page, 'photos-trajectory-flag-before');
    await flag.getByRole('link', { name: 'Naar de foto’s' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sec-photos');
    const section = photos(page);
    assert.equal(await section.getByLabel('Voor', { exact: true }).isChecked(), true, 'the phase the flag asks for');
    assert.equal(await section.getByLabel('Behandelgebied').inputValue(), 'Gezicht', 'the area of the treatment type');

    // 2. The photo before, by keyboard: Tab to the camera button, Enter.
    await section.getByLabel('Behandelgebied').selectOption('Wangen');
    await section.getByLabel('Behandelgebied').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Foto maken');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    const fc = await chooser;
    let sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes(`/clients/${id}/photos`));
    await fc.setFiles([jpeg.before]);
    let url = new URL((await sent).url());
    assert.deepEqual(Object.fromEntries(url.searchParams), { phase: 'before', area: 'Wangen', trajectory: trajectory.id });
    await section.getByText('1 van 1 opgeslagen').waitFor();
    await flag.waitFor({ state: 'detached' }); // the flag is settled
    await section.getByRole('list', { name: /^Vóór de behandeling/ }).getByRole('link').waitFor();
    await section.getByText('Zodra er een foto vóór en een foto na is', { exact: false }).count(); // not yet a comparison
    await checkScreen(page, 'photos-trajectory-before');

    // 3. The one planned session, recorded and signed (through the API).
    res = await api.post(`/api/v1/trajectories/${trajectory.id}/consents`, {
      json: { kind: 'informed', text: 'Toestemming voor microneedling', signature: { kind: 'typed', value: 'Fatima el Amrani' } },
    });
    assert.equal(res.status, 201, res.text);
    res = await api.post(`/api/v1/trajectories/${trajectory.id}/sessions`, {
      json: { body_areas: ['Wangen'], products: [], device: { name: 'Dermapen 4', settings: '1,0 mm' } },
    });
    assert.equal(res.status, 201, res.text);
    const session = res.json;
    assert.equal((await api.post(`/api/v1/sessions/${session.id}/sign`)).status, 200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Microneedling' }).waitFor();
    await flag.getByText('Foto’s na de laatste behandeling ontbreken').waitFor();
    await checkScreen(page, 'photos-trajectory-flag-after');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Photos after the last session are missing').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await flag.getByText('Foto’s na de laatste behandeling ontbreken').waitFor();

    // 4. The photo after, with the session.
    assert.equal(await section.getByLabel('Na', { exact: true }).isChecked(), true);
    assert.equal(await section.getByLabel('Behandelgebied').inputValue(), 'Wangen', 'the area of the latest photo');
    const sessionOption = await section.getByLabel('Bij behandelverslag').locator('option').nth(1).getAttribute('value');
    assert.equal(sessionOption, session.id);
    await section.getByLabel('Bij behandelverslag').selectOption(session.id);
    sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes(`/clients/${id}/photos`));
    await choose(page, section, 'Foto maken', [jpeg.after]);
    url = new URL((await sent).url());
    assert.deepEqual(Object.fromEntries(url.searchParams), { phase: 'after', area: 'Wangen', session: session.id });
    await section.getByText('1 van 1 opgeslagen').waitFor();
    await flag.waitFor({ state: 'detached' });

    // 5. Before and after side by side, then laid over each other with the slider.
    await section.getByRole('heading', { name: 'Voor en na vergelijken' }).waitFor();
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('.compare img')];
      return imgs.length === 4 && imgs.every((i) => i.complete && i.naturalWidth === 1200);
    });
    const figures = section.locator('.compare__side figcaption');
    assert.match(await figures.nth(0).innerText(), /^Vóór de behandeling · Wangen · \d\d-\d\d-\d{4} \d\d:\d\d$/);
    assert.match(await figures.nth(1).innerText(), /^Na de behandeling · Wangen · /);
    const slider = section.getByRole('slider', { name: 'Schuif om te vergelijken: links vóór, rechts na' });
    const state = () =>
      page.evaluate(() => ({
        pos: document.querySelector('.compare__stage').style.getPropertyValue('--pos'),
        clip: getComputedStyle(document.querySelector('.compare__img--after')).clipPath,
        text: document.querySelector('.compare__range').getAttribute('aria-valuetext'),
      }));
    assert.deepEqual(await state(), { pos: '50%', clip: 'inset(0px 0px 0px 50%)', text: '50% vóór, 50% na' });
    await checkScreen(page, 'photos-compare-50');
    await slider.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    assert.deepEqual(await state(), { pos: '70%', clip: 'inset(0px 0px 0px 70%)', text: '70% vóór, 30% na' });
    await slider.fill('15');
    assert.deepEqual(await state(), { pos: '15%', clip: 'inset(0px 0px 0px 15%)', text: '15% vóór, 85% na' });
    await screenshot(page, 'photos-compare-15');
    // Under the line: left the photo before (dark spot), right the photo after (light skin).
    const stage = await section.locator('.compare__stage').boundingBox();
    assert.ok(stage.width > 300, `stage ${stage.width}px wide`);
    await page.context().close();

    // The same at the laptop size, and the card's trajectory row without the flag.
    const wide = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(wide, app, DEMO.practitioner);
    await wide.goto(path);
    await photos(wide).getByRole('heading', { name: 'Voor en na vergelijken' }).waitFor();
    await photos(wide).locator('.thumb__img').last().scrollIntoViewIfNeeded(); // thumbnails load lazily
    await wide.waitForFunction(() => [...document.querySelectorAll('.compare img, .thumb__img')].every((i) => i.complete && i.naturalWidth > 0));
    await checkScreen(wide, 'photos-compare-laptop');
    await wide.getByRole('link', { name: '← Terug naar Fatima el Amrani' }).click();
    const row = wide.getByRole('list', { name: 'Behandeltrajecten van de cliënt' }).getByRole('link', { name: /Microneedling/ });
    await row.waitFor();
    assert.equal(await row.getByText('Foto’s ontbreken').count(), 0);
    // On the card all the client's photos, by phase.
    await photos(wide).getByRole('list', { name: /^Na de behandeling/ }).getByRole('link').waitFor();
    await wide.context().close();
    trajectoryId = trajectory.id;
  });

  test('R-SEC-2 the auditor sees the photos and cannot add any; the front desk sees no photos at all', async () => {
    const id = await clientId('Vries'); // photos from the first test
    const auditor = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(auditor, app, DEMO.auditor);
    await openCard(auditor, id, 'Anna de Vries');
    const section = photos(auditor);
    const list = section.getByRole('list', { name: /^Vóór de behandeling/ });
    await list.getByRole('link').first().waitFor();
    assert.ok((await list.getByRole('link').count()) >= 2);
    assert.equal(await section.locator('input[type=file]').count(), 0);
    assert.equal(await section.getByRole('button', { name: /Foto/ }).count(), 0);
    await auditor.waitForFunction(() => [...document.querySelectorAll('.thumb__img')].every((i) => i.complete && i.naturalWidth > 0));
    await checkScreen(auditor, 'photos-auditor');
    if (trajectoryId) {
      const amrani = await clientId('Amrani');
      await auditor.goto(`/clients/${amrani}/trajectories/${trajectoryId}`);
      await photos(auditor).getByRole('heading', { name: 'Voor en na vergelijken' }).waitFor();
      assert.equal(await photos(auditor).locator('input[type=file]').count(), 0);
      await auditor.getByRole('slider').fill('30');
      await checkScreen(auditor, 'photos-auditor-compare');
    }
    await auditor.context().close();

    const desk = await newPage(browser, app, { viewport: TABLET });
    await loginAs(desk, app, DEMO.assistant);
    const asked = [];
    desk.on('request', (r) => {
      if (/\/photos/.test(r.url())) asked.push(r.url());
    });
    await openCard(desk, id, 'Anna de Vries');
    await desk.getByRole('region', { name: 'Contact' }).waitFor();
    await desk.waitForLoadState('networkidle');
    assert.equal(await photos(desk).count(), 0);
    assert.deepEqual(asked, []);
    await desk.context().close();
  });
});
