// The client screens against the real server with a demo practice: a new client with a field
// error named by the server (R-SEC-4), search as you type, the location switch, the card by role
// (R-SEC-2), the notes for refused record keeping (R-DOS-1) and photos (R-DOS-2), the keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, LAPTOP, TABLET, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

/** 'DD-MM-YYYY HH:MM' in Europe/Amsterdam, as the app must show an instant. */
function amsterdam(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

const results = (page) => page.getByRole('list', { name: 'Gevonden cliënten' }).getByRole('link');

describe('clients', () => {
  let app;
  let browser;

  before(async () => {
    app = await startApp({ kind: 'demo' });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-SEC-4: a new client: missing fields, then the field the server names, fixed and saved', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.practitioner);
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await checkScreen(page, 'client-new');

    // Nothing filled in: each required field says so, the first has the focus.
    await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
    await page.getByText('Vul de voornaam in.').waitFor();
    await page.getByText('Vul de achternaam in.').waitFor();
    await page.getByText('Vul de geboortedatum in.').waitFor();
    await page.getByText('Kies de vestiging van de cliënt.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'given_name');
    assert.equal(await page.locator('#given_name').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#given_name').getAttribute('aria-describedby'), /given_name-error/);
    await checkScreen(page, 'client-new-required');

    await page.locator('#given_name').fill('Lotte');
    await page.locator('#name_prefix').fill('van');
    await page.locator('#family_name').fill('Beek');
    await page.locator('#date_of_birth').fill('31-02-1990'); // no such day: the server refuses it
    await page.locator('#phone').fill('06 23456789');
    await page.locator('#location').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Geweigerd', { exact: true }).check();
    await page.getByLabel('Cliënt maakt zelf foto’s').check();
    // The form already says what refusing means.
    await page.getByText('U kunt alleen basisbehandelingen vastleggen', { exact: false }).waitFor();

    let answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/clients') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
    const refused = await answered;
    assert.equal(refused.status(), 422);
    assert.equal((await refused.json()).field, 'date_of_birth');
    const dobError = page.locator('#date_of_birth-error');
    await dobError.waitFor();
    assert.match(await dobError.innerText(), /Deze dag bestaat niet/);
    assert.equal(await page.locator('#date_of_birth').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'date_of_birth');
    assert.equal(await page.locator('#given_name').inputValue(), 'Lotte', 'the other values stay');
    await checkScreen(page, 'client-new-server-error');

    // Fixed: the message goes as soon as the field changes, and the save succeeds.
    await page.locator('#date_of_birth').fill('28-02-1990');
    assert.equal(await dobError.count(), 0);
    answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/clients') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
    const created = await answered;
    assert.equal(created.status(), 201);
    const client = await created.json();
    assert.equal(client.date_of_birth, '1990-02-28');

    await page.waitForURL(`**/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: 'Lotte van Beek' }).waitFor();
    await page.getByText('De cliënt is opgeslagen.').waitFor();
    const main = page.locator('main');
    assert.match(await main.innerText(), /Geboren 28-02-1990/);
    await page.getByRole('region', { name: 'Verslaglegging en foto’s' }).waitFor();
    await page.getByText('Geen verslaglegging', { exact: true }).waitFor(); // R-DOS-1
    await page.getByText('De verantwoordelijkheid voor die foto’s ligt dan bij de cliënt.', { exact: false }).waitFor(); // R-DOS-2
    await page.getByRole('region', { name: 'Gezondheid / intake' }).waitFor();
    // Times in Amsterdam, whatever the device's zone (this browser runs in UTC).
    assert.ok((await main.innerText()).includes(`Aangemaakt ${amsterdam(client.created_at)}`));
    await checkScreen(page, 'client-card-practitioner');
    await page.context().close();
  });

  test('search as you type: name, date of birth, phone number, nothing found', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.owner);
    const search = page.getByRole('searchbox', { name: 'Zoek een cliënt' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'client-search', 'the search field has the focus');
    await results(page).first().waitFor();
    assert.ok((await results(page).count()) >= 30, 'the 30 demo clients, and those added by other tests');

    await search.pressSequentially('vries', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('#client-results a').length === 1);
    assert.match(await results(page).first().innerText(), /Anna de Vries/);
    assert.match(page.url(), /\/clients\?q=vries$/);
    await page.getByRole('status').getByText('1 cliënt').waitFor();
    await checkScreen(page, 'clients-search');

    await search.fill('01-01-1958');
    await page.waitForFunction(() => /Anna de Vries/.test(document.querySelector('#client-results')?.textContent ?? ''));
    assert.equal(await results(page).count(), 1);

    await search.fill('0612469134');
    await page.waitForFunction(() => /Fatima el Amrani/.test(document.querySelector('#client-results')?.textContent ?? ''));

    await search.fill('zoe');
    await page.waitForFunction(() => /Zoë Mulder/.test(document.querySelector('#client-results')?.textContent ?? ''));

    await search.fill('Xyzzy');
    await page.getByText('Geen cliënten gevonden voor ‘Xyzzy’.').waitFor();
    assert.equal(await results(page).count(), 0);
    await checkScreen(page, 'clients-search-none');

    // The card and back: the search is still there.
    await search.fill('bakker');
    await page.waitForFunction(() => document.querySelectorAll('#client-results a').length === 1);
    await results(page).first().click();
    await page.getByRole('heading', { level: 1, name: 'Emma Bakker' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    assert.equal(await search.inputValue(), 'bakker');
    await page.context().close();
  });

  test('the location switch filters the list and preselects the new client’s location', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await results(page).first().waitFor();
    const all = await results(page).count();
    assert.ok(all >= 30);
    assert.equal(await results(page).filter({ hasText: 'Amsterdam Centrum' }).count() > 0, true);

    const switcher = page.getByRole('combobox', { name: 'Vestiging' });
    const listed = page.waitForResponse((r) => /\/api\/v1\/clients\?.*location=/.test(r.url()));
    await switcher.selectOption({ label: 'Utrecht' });
    const answer = await listed;
    assert.equal(answer.status(), 200);
    const utrecht = (await answer.json()).items;
    const utrechtId = await page.locator('#location-switch').inputValue();
    assert.ok(utrecht.length >= 15 && utrecht.length < all);
    assert.ok(utrecht.every((c) => c.location === utrechtId));
    await page.getByText('Vestiging Utrecht').waitFor();
    await page.getByRole('status').getByText(`${utrecht.length} cliënten`).waitFor();
    assert.equal(await results(page).count(), utrecht.length);
    await checkScreen(page, 'clients-location-utrecht');

    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    assert.equal(await page.locator('#location option:checked').innerText(), 'Utrecht');

    // Remembered after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    assert.equal(await page.locator('#location-switch option:checked').innerText(), 'Utrecht');

    // A practitioner of one location has no switch.
    await page.context().close();
    const single = await newPage(browser, app, { viewport: TABLET });
    await loginAs(single, app, DEMO.practitionerUtrecht);
    await results(single).first().waitFor();
    assert.equal(await single.getByRole('combobox', { name: 'Vestiging' }).count(), 0);
    await single.context().close();
  });

  test('R-SEC-2: the assistant’s card shows identity and contact only, without consent, photos or health', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.assistant);
    await page.getByRole('searchbox', { name: 'Zoek een cliënt' }).fill('Bakker');
    await page.waitForFunction(() => document.querySelectorAll('#client-results a').length === 1);
    const loaded = page.waitForResponse((r) => /\/api\/v1\/clients\/[0-9a-f-]{36}$/.test(r.url()));
    await results(page).first().click();
    const body = await (await loaded).json();
    assert.equal('records_consent' in body, false, 'the API leaves the field out for the assistant');
    await page.getByRole('heading', { level: 1, name: 'Emma Bakker' }).waitFor();
    await page.getByRole('region', { name: 'Persoonsgegevens' }).waitFor();
    await page.getByRole('region', { name: 'Contact' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Verslaglegging en foto’s' }).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'Gezondheid / intake' }).count(), 0);
    assert.equal(await page.getByText('Verslaglegging').count(), 0);
    await page.getByText('Als receptie ziet u alleen de persoons- en contactgegevens.').waitFor();
    await checkScreen(page, 'client-card-assistant');

    // Her form has no agreements part either.
    await page.goto('/clients/new');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    assert.equal(await page.getByRole('radio').count(), 0);
    assert.equal(await page.locator('#location').count(), 0, 'one location: nothing to choose');
    await checkScreen(page, 'client-new-assistant');
    await page.context().close();
  });

  test('R-SEC-2: a client of another location, or an unknown id, is simply not found', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.practitionerUtrecht);
    await page.goto('/clients/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Cliënt niet gevonden' }).waitFor();
    await checkScreen(page, 'client-not-found');
    await page.context().close();
  });

  test('R-SEC-2: the quality officer gets no client list; the auditor reads but registers nobody', async () => {
    const quality = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(quality, app, DEMO.quality);
    await quality.getByText('Geen toegang tot cliëntgegevens').waitFor();
    assert.equal(await quality.getByRole('link', { name: 'Nieuwe cliënt' }).count(), 0);
    await checkScreen(quality, 'clients-quality');
    await quality.context().close();

    const auditor = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(auditor, app, DEMO.auditor);
    await results(auditor).first().waitFor();
    assert.equal(await auditor.getByRole('link', { name: 'Nieuwe cliënt' }).count(), 0);
    await results(auditor).first().click();
    await auditor.getByRole('region', { name: 'Gezondheid / intake' }).waitFor();
    await auditor.getByRole('region', { name: 'Verslaglegging en foto’s' }).waitFor();
    await checkScreen(auditor, 'client-card-auditor');
    await auditor.context().close();
  });

  test('the keyboard alone: log in, search, open a card, go back, register a client', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await page.goto('/login');
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(await focused(), 'login-email');
    await page.keyboard.type(DEMO.assistant);
    await page.keyboard.press('Tab');
    await page.keyboard.type(app.password(DEMO.assistant));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    assert.equal(await focused(), 'client-search');

    await page.keyboard.type('Vos');
    await page.waitForFunction(() => document.querySelectorAll('#client-results a').length === 1);
    await page.keyboard.press('Tab');
    assert.match(await focused(), /Lisa Vos/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Lisa Vos' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the new screen’s heading has the focus');
    await page.keyboard.press('Shift+Tab');
    assert.match(await focused(), /Terug naar cliënten/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();

    // From the search field back to "Nieuwe cliënt", then the form.
    await page.getByRole('searchbox').focus();
    await page.keyboard.press('Shift+Tab');
    assert.match(await focused(), /Nieuwe cliënt/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'given_name');
    await page.keyboard.type('Noor');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Toetsenbord');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5-6-1988');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Noor Toetsenbord' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Geboren 05-06-1988/);

    // After a reload the skip link is the first stop, and it jumps to the content.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Noor Toetsenbord' }).waitFor();
    await page.keyboard.press('Tab');
    assert.match(await focused(), /Naar de inhoud/);
    await page.keyboard.press('Enter');
    assert.match(page.url(), /#main$/);
    await page.context().close();
  });
});
