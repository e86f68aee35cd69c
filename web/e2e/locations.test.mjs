// The owner's locations screen (Vestigingen) against the real server with a demo practice: a
// location added (an empty and a taken name refused at the field), at once in the location switch;
// renamed; closing asks first, explaining what it means, and a closed one shows as gesloten and is
// no longer offered for a new client; the last open location cannot close (and the server's
// refusal reads well when another owner closed the others meanwhile); reopened; at phone width,
// two renames open at once keeping what was typed; and no locations screen for anyone but the
// owner.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, TABLET, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

const PHONE = { width: 390, height: 844 };

const activeLabel = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

/** A location's row, by its name. */
const row = (page, name) =>
  page.getByRole('list', { name: 'Uw vestigingen' }).getByRole('listitem').filter({ has: page.locator('.place__name > span:first-child', { hasText: new RegExp(`^${name}$`) }) });

const isChange = (r) => r.url().includes('/api/v1/locations') && ['POST', 'PATCH'].includes(r.request().method());

async function openLocations(page) {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('link', { name: 'Cliënten' }).waitFor();
  const tab = nav.getByRole('link', { name: 'Vestigingen' });
  assert.equal(
    await tab.count(),
    1,
    'the app served has no Vestigingen tab for the owner: rebuild build/huidig with this web/, or set HUIDIG_E2E_WEB_DIST=1',
  );
  await tab.click();
  await page.waitForURL('**/locations');
  await page.getByRole('heading', { level: 1, name: 'Vestigingen' }).waitFor();
  await row(page, 'Utrecht').waitFor();
}

/** The names the location switch on the client list offers. */
async function switchOptions(page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
  await page.waitForURL('**/clients');
  await page.locator('#location-switch').waitFor();
  return page.locator('#location-switch option').allInnerTexts();
}

describe('locations', () => {
  let app;
  let browser;
  let page; // the owner's, kept across the tests
  const changes = [];

  before(async () => {
    app = await startApp({ kind: 'demo' });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the owner adds a location; an empty or taken name is refused at the field; the switch offers it at once', async () => {
    page = await newPage(browser, app, { viewport: TABLET });
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/locations') && ['POST', 'PATCH'].includes(r.method())) changes.push([r.method(), r.postDataJSON()]);
    });
    await loginAs(page, app, DEMO.owner);
    await openLocations(page);
    assert.equal(await page.getByRole('link', { name: 'Vestigingen' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('#location-switch').count(), 0, 'no location switch on a screen of the whole practice');
    await page.getByText('2 vestigingen', { exact: true }).waitFor();
    await row(page, 'Amsterdam Centrum').getByText('Open', { exact: true }).waitFor();
    await checkScreen(page, 'locations');

    await page.getByRole('button', { name: 'Nieuwe vestiging' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe vestiging' });
    await form.waitFor();
    assert.equal(await activeLabel(page), 'location-new-title', 'the form takes the focus');
    await form.getByRole('button', { name: 'Vestiging toevoegen' }).click();
    await page.locator('#location-new-name-error').getByText('Vul de naam van de vestiging in.').waitFor();
    assert.equal(await activeLabel(page), 'location-new-name');
    assert.deepEqual(changes, [], 'caught before anything is sent');

    await form.getByLabel('Naam', { exact: false }).fill('Utrecht');
    assert.equal(await page.locator('#location-new-name-error').count(), 0, 'the message goes with the change');
    let answered = page.waitForResponse(isChange);
    await form.getByRole('button', { name: 'Vestiging toevoegen' }).click();
    const taken = await answered;
    assert.equal(taken.status(), 409);
    assert.equal((await taken.json()).code, 'name_taken');
    await page.locator('#location-new-name-error').getByText('Er is al een vestiging met deze naam. Kies een andere naam.').waitFor();
    assert.equal(await page.locator('#location-new-name').getAttribute('aria-invalid'), 'true');
    assert.equal(await activeLabel(page), 'location-new-name');
    assert.equal(await page.locator('#location-new-name').inputValue(), 'Utrecht', 'what was typed stays');
    await checkScreen(page, 'locations-name-taken');

    await form.getByLabel('Naam', { exact: false }).fill('Haarlem');
    answered = page.waitForResponse(isChange);
    await form.getByRole('button', { name: 'Vestiging toevoegen' }).click();
    assert.equal((await answered).status(), 201);
    await form.waitFor({ state: 'hidden' });
    const haarlem = row(page, 'Haarlem');
    await haarlem.getByText('Vestiging Haarlem is toegevoegd.', { exact: false }).waitFor();
    await haarlem.getByText('Open', { exact: true }).waitFor();
    await page.getByText('3 vestigingen', { exact: true }).waitFor();
    assert.equal(await activeLabel(page), 'Naam wijzigen: Haarlem');
    assert.deepEqual(changes.at(-1), ['POST', { name: 'Haarlem' }]);

    // The app's own list of locations follows without a reload.
    assert.deepEqual(await switchOptions(page), ['Alle vestigingen', 'Amsterdam Centrum', 'Haarlem', 'Utrecht']);
    await openLocations(page);
  });

  test('renaming: the message of the last step goes, the new name everywhere', async () => {
    await row(page, 'Haarlem').getByRole('button', { name: 'Naam wijzigen: Haarlem' }).click();
    const form = page.getByRole('form', { name: 'Naam van Haarlem wijzigen' });
    await form.waitFor();
    const name = form.getByLabel('Naam', { exact: false });
    assert.equal(await name.inputValue(), 'Haarlem');
    // Nothing changed: said at the top of the form, nothing sent.
    const before = changes.length;
    await form.getByRole('button', { name: 'Naam opslaan' }).click();
    await form.getByText('U hebt de naam niet gewijzigd.').waitFor();
    assert.equal(changes.length, before);

    await name.fill('Haarlem Centrum');
    const answered = page.waitForResponse(isChange);
    await form.getByRole('button', { name: 'Naam opslaan' }).click();
    assert.equal((await answered).status(), 200);
    assert.deepEqual(changes.at(-1), ['PATCH', { name: 'Haarlem Centrum' }]);
    await row(page, 'Haarlem Centrum').getByText('De naam is gewijzigd in Haarlem Centrum.').waitFor();
    assert.equal(await row(page, 'Haarlem').count(), 0);
    assert.equal(await activeLabel(page), 'Naam wijzigen: Haarlem Centrum');
  });

  test('closing asks first and says what it means; a closed location shows as gesloten and takes no new client', async () => {
    const haarlem = row(page, 'Haarlem Centrum');
    const dialog = page.getByRole('dialog', { name: 'Vestiging Haarlem Centrum sluiten?' });
    const before = changes.length;

    await haarlem.getByRole('button', { name: 'Sluiten: Haarlem Centrum' }).click();
    await dialog.waitFor();
    assert.equal(await page.getByText('De naam is gewijzigd', { exact: false }).count(), 0, 'the last message went');
    for (const part of ['geen nieuwe cliënten worden ingeschreven', 'blijven er en blijven leesbaar', 'naar een andere vestiging verplaatsen']) {
      await dialog.getByText(part, { exact: false }).waitFor();
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Annuleren', 'Cancel has the focus');
    await checkScreen(page, 'locations-confirm-close');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(changes.length, before, 'nothing sent');
    assert.equal(await activeLabel(page), 'Sluiten: Haarlem Centrum');

    await haarlem.getByRole('button', { name: 'Sluiten: Haarlem Centrum' }).click();
    const answered = page.waitForResponse(isChange);
    await dialog.getByRole('button', { name: 'Ja, vestiging sluiten' }).click();
    assert.equal((await answered).status(), 200);
    assert.deepEqual(changes.at(-1), ['PATCH', { closed: true }]);
    await dialog.waitFor({ state: 'hidden' });
    await haarlem.getByText('Gesloten', { exact: true }).waitFor();
    await haarlem.getByText('Gesloten: bij Haarlem Centrum komen geen nieuwe cliënten meer.', { exact: false }).waitFor();
    await page.getByText('3 vestigingen, waarvan 1 gesloten').waitFor();
    assert.equal(await activeLabel(page), 'Heropenen: Haarlem Centrum');
    await checkScreen(page, 'locations-closed');

    // The new-client form (from /me, read again) no longer offers it; the switch still does (its clients stay).
    await page.goto('/clients/new');
    await page.locator('#location').waitFor();
    const offered = await page.locator('#location option').allInnerTexts();
    assert.ok(offered.includes('Utrecht') && !offered.some((o) => o.startsWith('Haarlem')), `offered: ${offered}`);
    await page.goto('/locations');
    await row(page, 'Utrecht').waitFor();
  });

  test('the last open location cannot close; the server says so when the list was out of date', async () => {
    // Close Amsterdam Centrum: Utrecht is the only open one and has no Close button.
    await row(page, 'Amsterdam Centrum').getByRole('button', { name: 'Sluiten: Amsterdam Centrum' }).click();
    await page.getByRole('dialog', { name: 'Vestiging Amsterdam Centrum sluiten?' }).getByRole('button', { name: 'Ja, vestiging sluiten' }).click();
    await row(page, 'Amsterdam Centrum').getByText('Gesloten', { exact: true }).waitFor();
    const utrecht = row(page, 'Utrecht');
    await utrecht.getByText('De enige open vestiging: die kan niet dicht.', { exact: false }).waitFor();
    assert.equal(await utrecht.getByRole('button', { name: 'Sluiten: Utrecht' }).count(), 0);
    await checkScreen(page, 'locations-last-open');

    // Reopened here, then closed by another owner (the API) while this screen still shows it open.
    await row(page, 'Haarlem Centrum').getByRole('button', { name: 'Heropenen: Haarlem Centrum' }).click();
    await row(page, 'Haarlem Centrum').getByText('Weer open: bij Haarlem Centrum kunnen weer nieuwe cliënten worden ingeschreven.').waitFor();
    assert.deepEqual(changes.at(-1), ['PATCH', { closed: false }]);
    const { csrf_token: csrf } = await (await page.request.get('/api/v1/me')).json();
    const places = Object.fromEntries((await (await page.request.get('/api/v1/locations')).json()).items.map((l) => [l.name, l.id]));
    const elsewhere = await page.request.patch(`/api/v1/locations/${places['Haarlem Centrum']}`, {
      data: { closed: true },
      headers: { 'X-CSRF-Token': csrf },
    });
    assert.equal(elsewhere.status(), 200);

    await utrecht.getByRole('button', { name: 'Sluiten: Utrecht' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vestiging Utrecht sluiten?' });
    const answered = page.waitForResponse(isChange);
    await dialog.getByRole('button', { name: 'Ja, vestiging sluiten' }).click();
    const refused = await answered;
    assert.equal(refused.status(), 409);
    assert.equal((await refused.json()).code, 'last_open_location');
    await dialog.getByRole('alert').getByText('Dit is de laatste open vestiging; die kan niet dicht.', { exact: false }).waitFor();
    await checkScreen(page, 'locations-last-open-refused');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The list as it is now: Haarlem Centrum closed, Utrecht the only open one; the focus in its row.
    await row(page, 'Haarlem Centrum').getByText('Gesloten', { exact: true }).waitFor();
    await utrecht.getByText('De enige open vestiging', { exact: false }).waitFor();
    assert.equal(await activeLabel(page), 'Naam wijzigen: Utrecht');
  });

  test('reopening needs no question; the reopened location is offered again; at phone width', async () => {
    const amsterdam = row(page, 'Amsterdam Centrum');
    const answered = page.waitForResponse(isChange);
    await amsterdam.getByRole('button', { name: 'Heropenen: Amsterdam Centrum' }).click();
    assert.equal((await answered).status(), 200);
    await amsterdam.getByText('Open', { exact: true }).waitFor();
    await amsterdam.getByText('Weer open: bij Amsterdam Centrum', { exact: false }).waitFor();
    assert.equal(await activeLabel(page), 'Sluiten: Amsterdam Centrum');
    await row(page, 'Utrecht').getByRole('button', { name: 'Sluiten: Utrecht' }).waitFor();
    await page.goto('/clients/new');
    await page.locator('#location').waitFor();
    const offered = await page.locator('#location option').allInnerTexts();
    assert.ok(offered.includes('Amsterdam Centrum') && offered.includes('Utrecht'), `offered: ${offered}`);
    await page.context().close();

    const phone = await newPage(browser, app, { viewport: PHONE });
    await loginAs(phone, app, DEMO.owner);
    await openLocations(phone);
    await row(phone, 'Haarlem Centrum').getByText('Gesloten', { exact: true }).waitFor();
    assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'nothing wider than the screen');
    await checkScreen(phone, 'locations-phone');
    await row(phone, 'Utrecht').getByRole('button', { name: 'Naam wijzigen: Utrecht' }).click();
    const utrecht = phone.getByRole('form', { name: 'Naam van Utrecht wijzigen' });
    await utrecht.getByLabel('Naam', { exact: false }).fill('Utrecht Oost');
    // Another rename opens beside it: what was typed in the first stays.
    await row(phone, 'Amsterdam Centrum').getByRole('button', { name: 'Naam wijzigen: Amsterdam Centrum' }).click();
    await phone.getByRole('form', { name: 'Naam van Amsterdam Centrum wijzigen' }).waitFor();
    assert.equal(await utrecht.getByLabel('Naam', { exact: false }).inputValue(), 'Utrecht Oost');
    await checkScreen(phone, 'locations-phone-rename');
    await phone.context().close();
  });

  test('no one but the owner sees Vestigingen', async () => {
    const other = await newPage(browser, app, { viewport: TABLET });
    await loginAs(other, app, DEMO.practitioner);
    const nav = other.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Cliënten' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Vestigingen' }).count(), 0);
    await other.goto('/locations');
    await other.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    assert.equal(await other.getByRole('button', { name: 'Nieuwe vestiging' }).count(), 0);
    await other.context().close();
  });
});
