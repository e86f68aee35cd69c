// Keeping a client current (issue 12) against the real server with a demo practice: the edit
// form from the card sends only what changed (a JSON merge patch, R-SEC-4) and the change
// history names who changed what; withdrawn record keeping (R-DOS-1) and photos refused later
// (R-DOS-2) say what they mean; the front desk gets no dossier choices; a date of birth typed as
// digits; the client's answer recorded where the dossier says it was not asked yet.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../../tests/api/lib/client.mjs';
import { DEMO, TABLET, assertServes, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

const PHONE = { width: 390, height: 844 };

/** The PATCH of a client the page sends next, with its body and the answer. */
function nextPatch(page) {
  return page
    .waitForResponse((r) => /\/api\/v1\/clients\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PATCH')
    .then(async (r) => ({ body: JSON.parse(r.request().postData() ?? 'null'), status: r.status(), json: await r.json() }));
}

describe('client edit', () => {
  let app;
  let browser;
  let owner; // through the API, for what a test does not walk through itself
  let practitioner;
  let assistant;
  let places;

  async function login(email) {
    const api = new ApiClient(app.url);
    await api.mustLogin(email, app.password(email));
    return api;
  }

  async function demoClient(name) {
    const res = await practitioner.get(`/api/v1/clients?q=${encodeURIComponent(name)}`);
    assert.equal(res.status, 200);
    assert.equal(res.json.items.length, 1, `one demo client ${name}`);
    return res.json.items[0];
  }

  /** A client registered at the front desk: both choices not asked yet. */
  async function frontDeskClient(given, family) {
    const res = await assistant.post('/api/v1/clients', { json: { given_name: given, family_name: family, date_of_birth: '1990-05-01' } });
    assert.equal(res.status, 201, res.text);
    return res.json;
  }

  async function openEdit(page, client, name) {
    await page.goto(`/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gegevens wijzigen' }).waitFor();
    await page.waitForURL(`**/clients/${client.id}/edit`);
    await page.locator('#given_name').waitFor(); // the heading stands while the client loads
  }

  before(async () => {
    app = await startApp({ kind: 'demo' });
    await assertServes(app, 'PATCH', '/api/v1/clients/{id}');
    await assertServes(app, 'GET', '/api/v1/clients/{id}/history');
    browser = await launch();
    owner = await login(DEMO.owner);
    practitioner = await login(DEMO.practitioner);
    assistant = await login(DEMO.assistant);
    const me = (await owner.get('/api/v1/me')).json;
    places = Object.fromEntries(me.locations.map((l) => [l.name, l.id]));
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-DOS-1: the practitioner changes the phone and withdraws record keeping; the history names her', async () => {
    const client = await demoClient('Amrani');
    assert.equal(client.records_consent, 'given');
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await openEdit(page, client, 'Fatima el Amrani');
    assert.equal(await page.locator('#phone').inputValue(), client.phone);
    assert.equal(await page.locator('#date_of_birth').inputValue(), '23-11-1972');
    await checkScreen(page, 'client-edit-practitioner');

    await page.locator('#phone').fill('06 11223344');
    await page.getByLabel('Geweigerd', { exact: true }).check();
    // What withdrawing means, before it is saved: every record stays, new treatments do not.
    const note = page.getByText('Toestemming intrekken: wat dit betekent');
    await note.waitFor();
    await page.getByText('Alles wat al is vastgelegd, blijft bewaard', { exact: false }).waitFor();
    await page.getByText('Nieuwe behandelingen onder de Wkkgz, permanente make-up en cosmetische ingrepen zijn daarna niet meer mogelijk', { exact: false }).waitFor();
    await checkScreen(page, 'client-edit-withdraw');

    const patched = nextPatch(page);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const { body, status } = await patched;
    assert.equal(status, 200);
    assert.deepEqual(body, { phone: '06 11223344', records_consent: 'refused' }, 'only what changed');

    await page.waitForURL(`**/clients/${client.id}`);
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    await page.getByText('Geen verslaglegging', { exact: true }).waitFor();
    const history = page.getByRole('region', { name: 'Wijzigingsgeschiedenis' });
    const newest = history.getByRole('listitem').first();
    await newest.getByText('Bo Behandelaar', { exact: false }).waitFor();
    const text = await newest.innerText();
    assert.match(text, /Gewijzigd/);
    assert.match(text, new RegExp(`Telefoonnummer\\s+van ${client.phone} naar 06 11223344`));
    assert.match(text, /Verslaglegging\s+van toestemming gegeven naar geweigerd/);
    // The registration is the oldest entry, at the bottom.
    assert.match(await history.getByRole('listitem').last().innerText(), /Ingeschreven/);
    await checkScreen(page, 'client-card-history');
    await page.context().close();
  });

  test('R-SEC-4: a field the server refuses is marked, what was typed stays; leaving unsaved asks first', async () => {
    const client = await demoClient('Visser');
    const page = await newPage(browser, app, { viewport: PHONE });
    await loginAs(page, app, DEMO.practitioner);
    await openEdit(page, client, 'Julia Visser');

    await page.locator('#email').fill('julia@voorbeeld.nl');
    await page.locator('#phone').fill('12');
    const patched = nextPatch(page);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const refused = await patched;
    assert.equal(refused.status, 422);
    assert.equal(refused.json.field, 'phone');
    await page.locator('#phone-error').getByText('Vul een telefoonnummer in van 6 tot 15 cijfers', { exact: false }).waitFor();
    assert.equal(await page.locator('#phone').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'phone');
    assert.equal(await page.locator('#email').inputValue(), 'julia@voorbeeld.nl', 'the other values stay');
    await checkScreen(page, 'client-edit-field-error');

    // Back to the card with unsaved changes: asked first; staying keeps everything.
    await page.getByRole('link', { name: 'Terug naar Julia Visser' }).click();
    const dialog = page.getByRole('dialog', { name: 'Weggaan zonder op te slaan?' });
    await dialog.waitFor();
    await checkScreen(page, 'client-edit-leave');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.match(page.url(), /\/edit$/);
    assert.equal(await page.locator('#email').inputValue(), 'julia@voorbeeld.nl');

    // The browser's Back asks too; leaving then goes to the card, where nothing changed.
    await page.goBack();
    await dialog.waitFor();
    assert.match(page.url(), /\/edit$/);
    await dialog.getByRole('button', { name: 'Weggaan zonder opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Julia Visser' }).waitFor();
    assert.equal((await practitioner.get(`/api/v1/clients/${client.id}`)).json.email, client.email);

    // Nothing changed: nothing is sent, the form says so.
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gegevens wijzigen' }).waitFor();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('U hebt niets gewijzigd.').waitFor();
    await page.getByRole('link', { name: 'Annuleren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Julia Visser' }).waitFor();
    await page.context().close();
  });

  test('R-SEC-2: the front desk changes contact data, without the record-keeping or photo choice', async () => {
    const client = await demoClient('Bakker');
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.assistant);
    await openEdit(page, client, 'Emma Bakker');
    assert.equal(await page.getByRole('radio').count(), 0);
    assert.equal(await page.getByText('Verslaglegging').count(), 0);
    assert.equal(await page.getByText('Afspraken met de cliënt').count(), 0);
    await checkScreen(page, 'client-edit-assistant');

    await page.locator('#email').fill('emma.bakker@voorbeeld.nl');
    const patched = nextPatch(page);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const { body, status } = await patched;
    assert.equal(status, 200);
    assert.deepEqual(body, { email: 'emma.bakker@voorbeeld.nl' });
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    const history = page.getByRole('region', { name: 'Wijzigingsgeschiedenis' });
    await history.getByText('Rik Receptie', { exact: false }).first().waitFor();
    assert.match(await history.getByRole('listitem').first().innerText(), /E-mailadres\s+(van .* naar|ingevuld:) emma\.bakker@voorbeeld\.nl/);
    assert.equal(await history.getByText('Verslaglegging').count(), 0);
    await checkScreen(page, 'client-card-history-assistant');
    await page.context().close();
  });

  test('a date of birth typed as digits is read back in words and sent as YYYY-MM-DD', async () => {
    const page = await newPage(browser, app, { viewport: PHONE });
    await loginAs(page, app, DEMO.practitioner);
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    const dob = page.locator('#date_of_birth');
    assert.equal(await dob.getAttribute('inputmode'), 'numeric', 'a number pad on a phone or tablet');
    const understood = page.locator('#date_of_birth-understood');
    for (const typed of ['14031988', '14-03-1988', '14/03/1988', '1988-03-14', '14.3.1988']) {
      await dob.fill(typed);
      assert.equal(await understood.innerText(), 'Gelezen als 14 maart 1988', typed);
    }
    await dob.fill('31021990');
    assert.equal(await understood.innerText(), 'Deze dag bestaat niet. Controleer de dag en de maand.');
    await dob.fill('14031988');
    assert.match(await dob.getAttribute('aria-describedby'), /date_of_birth-understood/);

    await page.locator('#given_name').fill('Iris');
    await page.locator('#family_name').fill('Cijfers');
    await page.locator('#location').selectOption({ label: 'Amsterdam Centrum' });
    await checkScreen(page, 'client-new-digits');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/clients') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
    const answer = await created;
    assert.equal(answer.status(), 201);
    assert.equal(JSON.parse(answer.request().postData()).date_of_birth, '1988-03-14');
    await page.getByRole('heading', { level: 1, name: 'Iris Cijfers' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Geboren 14-03-1988/);

    // In the edit form too; a date that cannot be read is refused with what to type.
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gegevens wijzigen' }).waitFor();
    assert.equal(await dob.inputValue(), '14-03-1988');
    await dob.fill('1403');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.locator('#date_of_birth-error').getByText('Typ de geboortedatum als dag, maand en jaar', { exact: false }).waitFor();
    assert.equal(await dob.inputValue(), '1403', 'what was typed stays');
    await dob.fill('15031988');
    assert.equal(await understood.innerText(), 'Gelezen als 15 maart 1988');
    const patched = nextPatch(page);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    assert.deepEqual((await patched).body, { date_of_birth: '1988-03-15' });
    await page.getByRole('heading', { level: 1, name: 'Iris Cijfers' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Geboren 15-03-1988/);
    await page.context().close();
  });

  test('R-DOS-1, R-DOS-2: a front-desk client’s answers recorded on the spot, from the missing panel', async () => {
    const client = await frontDeskClient('Mila', 'Vraag');
    assert.equal((await practitioner.get(`/api/v1/clients/${client.id}`)).json.records_consent, null);
    assert.equal((await practitioner.post(`/api/v1/clients/${client.id}/intake`, { json: { allergies: 'Geen' } })).status, 201);
    const created = await practitioner.post(`/api/v1/clients/${client.id}/trajectories`, {
      json: { treatment_type: 'chemical_peel', goal: 'Egalere huid', expected_result: 'Minder vlekken', risks: 'Roodheid', intake_reviewed: true },
    });
    assert.equal(created.status, 201, created.text);
    assert.ok(created.json.missing.includes('records_consent_missing'));

    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    // On the card: both questions, each with its answers.
    await page.goto(`/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: 'Mila Vraag' }).waitFor();
    const agreements = page.getByRole('region', { name: 'Verslaglegging en foto’s' });
    await agreements.getByRole('group', { name: 'Verslaglegging: nog niet gevraagd' }).waitFor();
    await agreements.getByRole('group', { name: 'Foto’s: nog niet gevraagd' }).waitFor();
    await checkScreen(page, 'client-card-not-asked');

    await page.goto(`/clients/${client.id}/trajectories/${created.json.id}`);
    const missing = page.getByRole('region', { name: 'Wat ontbreekt nog voor de volgende behandeling' });
    const ask = missing.getByRole('group', { name: 'Verslaglegging: nog niet gevraagd' });
    await ask.waitFor();
    await checkScreen(page, 'trajectory-records-not-asked');
    const patched = nextPatch(page);
    const reloaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/trajectories/${created.json.id}`) && r.request().method() === 'GET');
    await ask.getByRole('button', { name: 'Toestemming gegeven' }).click();
    assert.deepEqual((await patched).body, { records_consent: 'given' });
    assert.equal((await reloaded).status(), 200);
    await missing.getByText('Vastgelegd: de cliënt geeft toestemming voor verslaglegging.').waitFor();
    await missing.getByText('Toestemming voor verslaglegging', { exact: true }).waitFor({ state: 'detached' });
    assert.equal(await ask.count(), 0);

    // Photos: asked in the photo section; allowed, the upload appears.
    const photos = page.getByRole('region', { name: 'Foto’s', exact: true });
    const photoAsk = photos.getByRole('group', { name: 'Foto’s: nog niet gevraagd' });
    const photoPatch = nextPatch(page);
    await photoAsk.getByRole('button', { name: 'Foto’s toegestaan' }).click();
    assert.deepEqual((await photoPatch).body, { photo_preference: 'allowed' });
    await photos.getByText('Vastgelegd: de cliënt staat foto’s toe.').waitFor();
    await photos.getByRole('heading', { name: 'Foto’s toevoegen' }).waitFor();
    await checkScreen(page, 'trajectory-answers-recorded');

    const now = (await practitioner.get(`/api/v1/clients/${client.id}`)).json;
    assert.equal(now.records_consent, 'given');
    assert.equal(now.photo_preference, 'allowed');
    await page.context().close();
  });

  test('R-DOS-2: photos refused later stop new photos and keep those taken; the location moves, a closed one is not offered', async () => {
    const client = await frontDeskClient('Lot', 'Verhuizer');
    assert.equal((await practitioner.patch(`/api/v1/clients/${client.id}`, { json: { photo_preference: 'allowed', records_consent: 'given' } })).status, 200);
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await openEdit(page, client, 'Lot Verhuizer');
    await page.getByLabel('Geen foto’s', { exact: true }).check();
    await page.getByText('Geen nieuwe foto’s meer').waitFor();
    await page.getByText('De foto’s die al zijn gemaakt, blijven in het dossier bewaard.').waitFor();
    await page.locator('#location').selectOption({ label: 'Utrecht' });
    const patched = nextPatch(page);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    assert.deepEqual((await patched).body, { location: places.Utrecht, photo_preference: 'refused' });
    const newest = page.getByRole('region', { name: 'Wijzigingsgeschiedenis' }).getByRole('listitem').first();
    await newest.getByText('van Amsterdam Centrum naar Utrecht').waitFor();
    assert.match(await newest.innerText(), /Foto’s\s+van foto’s toegestaan naar geen foto’s/);

    // Utrecht closes: the client stays there, but it is no choice any more.
    assert.equal((await owner.patch(`/api/v1/locations/${places.Utrecht}`, { json: { closed: true } })).status, 200);
    try {
      const fresh = await newPage(browser, app, { viewport: TABLET });
      await loginAs(fresh, app, DEMO.practitioner);
      await openEdit(fresh, client, 'Lot Verhuizer');
      const options = await fresh.locator('#location option').evaluateAll((os) => os.map((o) => [o.textContent, o.disabled]));
      assert.deepEqual(options, [['Utrecht (gesloten)', true], ['Amsterdam Centrum', false]]);
      await fresh.context().close();
    } finally {
      assert.equal((await owner.patch(`/api/v1/locations/${places.Utrecht}`, { json: { closed: false } })).status, 200);
    }
    await page.context().close();
  });
});
