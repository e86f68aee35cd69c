// The owner's team screen (Medewerkers) against the real server with a demo practice (R-STAFF-3):
// a practitioner added at one location, the one-time password shown once; that colleague's first
// login in a browser of their own goes through the password change into the app; disabling asks
// first, naming the person, and the colleague's next action meets the login; an auditor needs an
// end date (a field error) and a taken email address is refused at its field; the resets of a
// password and a second factor at phone width; and no team screen for anyone but the owner.
// Qualifications (R-STAFF-1): what expires within 60 days at the top, naming the person; a BIG
// registration with a wrong number gets the field error, with the right one it is listed; a
// signature refused for a missing qualification names it (R-STAFF-2), and once the owner has
// recorded it the session is signed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, LAPTOP, TABLET, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

const PHONE = { width: 390, height: 844 };
const NOOR = { name: 'Noor Nieuw', email: 'noor@demo.example' };
const NOOR_PASSWORD = 'zeegras-lavendel-41';

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** A colleague's row in the team list, by name. */
const row = (page, name) =>
  page.getByRole('list', { name: 'Het team' }).getByRole('listitem').filter({ has: page.locator('.member__name', { hasText: name }) });

/** 'DD-MM-YYYY' of an instant's calendar day in Amsterdam. */
function amsterdamDate(instant) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}-${p.month}-${p.year}`;
}

/** 'YYYY-MM-DD' in Amsterdam, DAYS from now. */
function isoDayFromNow(days) {
  const [d, m, y] = amsterdamDate(Date.now() + days * 86_400_000).split('-');
  return `${y}-${m}-${d}`;
}

async function openStaff(page) {
  const tab = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Medewerkers' });
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).waitFor();
  assert.equal(
    await tab.count(),
    1,
    'the app served has no Medewerkers tab for the owner: rebuild build/huidig with this web/, or set HUIDIG_E2E_WEB_DIST=1',
  );
  await tab.click();
  await page.waitForURL('**/staff');
  await page.getByRole('heading', { level: 1, name: 'Medewerkers' }).waitFor();
  await row(page, 'Bo Behandelaar').waitFor();
}

const staffPost = (page) => page.waitForResponse((r) => r.url().endsWith('/api/v1/staff') && r.request().method() === 'POST');

describe('staff', () => {
  let app;
  let browser;
  let owner; // the owner's page, kept across the tests
  let colleague; // Noor's page, in a browser context of her own
  let places; // {"Amsterdam Centrum": id, Utrecht: id}

  before(async () => {
    app = await startApp({ kind: 'demo' });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-STAFF-3: the owner adds a practitioner at one location and sees the one-time password once', async () => {
    owner = await newPage(browser, app, { viewport: TABLET });
    await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await loginAs(owner, app, DEMO.owner);
    await openStaff(owner);
    assert.equal(await owner.getByRole('link', { name: 'Medewerkers' }).getAttribute('aria-current'), 'page');
    places = Object.fromEntries((await (await owner.request.get('/api/v1/locations')).json()).items.map((l) => [l.name, l.id]));

    // The list: role in Dutch, locations by name, status, an auditor's last day.
    const bo = await row(owner, 'Bo Behandelaar').innerText();
    for (const part of ['behandelaar@demo.example', 'Behandelaar', 'Amsterdam Centrum, Utrecht', 'Actief']) {
      assert.ok(bo.includes(part), `Bo's row shows ${part}:\n${bo}`);
    }
    const staff = (await (await owner.request.get('/api/v1/staff')).json()).items;
    const until = staff.find((s) => s.role === 'auditor').access_until;
    const ies = await row(owner, 'Ies Inspecteur').innerText();
    for (const part of ['Inspecteur', 'Alle vestigingen', 'Toegang tot en met', amsterdamDate(until)]) {
      assert.ok(ies.includes(part), `the auditor's row shows ${part}:\n${ies}`);
    }
    // The owner's own account: nothing to change but the own qualifications.
    const eva = row(owner, 'Eva Eigenaar');
    await eva.getByText('Dit bent u').waitFor();
    await eva.getByRole('button', { name: 'Bekwaamheid toevoegen: Eva Eigenaar' }).waitFor();
    assert.equal(await eva.getByRole('button').count(), 1, 'nothing to change on the own account');
    await checkScreen(owner, 'staff');

    await owner.getByRole('button', { name: 'Nieuwe medewerker' }).click();
    const form = owner.getByRole('form', { name: 'Nieuwe medewerker' });
    await form.waitFor();
    assert.equal(await activeId(owner), 'staff-new-title', 'the form takes the focus');
    await form.getByLabel('Naam', { exact: false }).first().fill(NOOR.name);
    await form.getByLabel('E-mailadres', { exact: false }).fill(NOOR.email);
    assert.ok(await form.getByRole('radio', { name: 'Behandelaar' }).isChecked(), 'a practitioner by default');
    await form.getByRole('checkbox', { name: 'Utrecht' }).check();
    await checkScreen(owner, 'staff-new');
    const answered = staffPost(owner);
    await form.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    const res = await answered;
    assert.equal(res.status(), 201);
    assert.deepEqual(res.request().postDataJSON(), { ...NOOR, role: 'practitioner', locations: [places.Utrecht] });
    const { one_time_password: otp } = await res.json();

    // Shown once, clearly: the password, the copy button, what Noor must do with it.
    const shown = owner.getByRole('region', { name: 'Noor Nieuw is toegevoegd' });
    await shown.waitFor();
    assert.match(await activeId(owner), /^otp-.*-title$/, 'the password takes the focus');
    assert.equal((await shown.locator('code').innerText()).trim(), otp);
    await shown.getByText('Bij de eerste keer inloggen moet Noor Nieuw het vervangen door een eigen wachtwoord.', { exact: false }).waitFor();
    await shown.getByText('U ziet dit wachtwoord maar één keer.', { exact: false }).waitFor();
    await shown.getByRole('button', { name: 'Kopiëren' }).click();
    await shown.getByRole('status').getByText('Het wachtwoord is gekopieerd.').waitFor();
    assert.equal(await owner.evaluate(() => navigator.clipboard.readText()), otp);
    await checkScreen(owner, 'staff-one-time-password');
    const noor = await row(owner, NOOR.name).innerText();
    for (const part of ['Behandelaar', 'Utrecht', 'Actief']) assert.ok(noor.includes(part), `Noor's row shows ${part}:\n${noor}`);
    assert.ok(!noor.includes('Amsterdam Centrum'));

    // Closed, it is gone for good: not on the screen, not after a reload.
    await shown.getByRole('button', { name: 'Klaar, wachtwoord sluiten' }).click();
    assert.equal(await owner.getByText(otp).count(), 0);
    assert.equal(await owner.evaluate(() => document.activeElement?.textContent), 'Nieuwe medewerker', 'the add button has the focus');
    await owner.reload();
    await row(owner, NOOR.name).waitFor();
    assert.ok(!(await owner.content()).includes(otp), 'the password is shown once only');

    // Noor, in a browser of her own: the one-time password, then a password of her own, then the app.
    colleague = await newPage(browser, app, { viewport: LAPTOP });
    await colleague.goto('/');
    await colleague.locator('#login-email').fill(NOOR.email);
    await colleague.locator('#login-password').fill(otp);
    await colleague.getByRole('button', { name: 'Inloggen' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Kies een eigen wachtwoord' }).waitFor();
    await colleague.getByLabel('Eenmalig (huidig) wachtwoord').fill(otp);
    await colleague.locator('#new_password').fill(NOOR_PASSWORD);
    await colleague.getByLabel('Herhaal het nieuwe wachtwoord').fill(NOOR_PASSWORD);
    await colleague.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await colleague.waitForURL('**/clients');
    await colleague.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await colleague.getByText('Noor Nieuw', { exact: true }).waitFor();
    assert.equal(await colleague.getByRole('link', { name: 'Medewerkers' }).count(), 0);
  });

  test('R-STAFF-3: disabling asks first, naming the colleague; their next action meets the login', async () => {
    const noor = row(owner, NOOR.name);
    const dialog = owner.getByRole('dialog', { name: 'Noor Nieuw uitschakelen?' });
    const patches = [];
    owner.on('request', (r) => r.method() === 'PATCH' && patches.push(r.postDataJSON()));

    // Asked, and cancelled: nothing sent, the focus back on the button.
    await noor.getByRole('button', { name: 'Uitschakelen: Noor Nieuw' }).click();
    await dialog.waitFor();
    await dialog.getByText('Noor Nieuw kan dan niet meer inloggen en wordt meteen overal uitgelogd.', { exact: false }).waitFor();
    assert.equal(await owner.evaluate(() => document.activeElement?.textContent), 'Annuleren', 'Cancel has the focus');
    await checkScreen(owner, 'staff-confirm-disable');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(patches, []);
    assert.equal(await owner.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Uitschakelen: Noor Nieuw');

    await noor.getByRole('button', { name: 'Uitschakelen: Noor Nieuw' }).click();
    const answered = owner.waitForResponse((r) => r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    assert.equal((await answered).status(), 200);
    assert.deepEqual(patches, [{ active: false }]);
    await dialog.waitFor({ state: 'hidden' });
    await noor.getByText('Uitgeschakeld', { exact: true }).waitFor();
    await noor.getByText('Uitgeschakeld: Noor Nieuw kan niet meer inloggen en is overal uitgelogd.').waitFor();
    assert.equal(await owner.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Inschakelen: Noor Nieuw');
    await checkScreen(owner, 'staff-disabled');

    // Noor's next action: her session is gone, the login covers the page; her password no longer opens it.
    await colleague.getByLabel('Zoek een cliënt').fill('de');
    const relogin = colleague.getByRole('dialog', { name: 'Uw sessie is verlopen' });
    await relogin.waitFor();
    await relogin.getByLabel('Wachtwoord').fill(NOOR_PASSWORD);
    await relogin.getByRole('button', { name: 'Inloggen en verdergaan' }).click();
    await relogin.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    await relogin.getByRole('button', { name: 'Niet verdergaan, naar het inlogscherm' }).click();
    await colleague.waitForURL('**/login');
    await colleague.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await colleague.locator('#login-email').fill(NOOR.email);
    await colleague.locator('#login-password').fill(NOOR_PASSWORD);
    await colleague.getByRole('button', { name: 'Inloggen' }).click();
    await colleague.getByRole('alert').getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    await checkScreen(colleague, 'staff-disabled-colleague-login');

    // Enabled again (no question asked): she logs in with her own password.
    await noor.getByRole('button', { name: 'Inschakelen: Noor Nieuw' }).click();
    await noor.getByText('Weer ingeschakeld: Noor Nieuw kan weer inloggen met het eigen wachtwoord.').waitFor();
    await noor.getByText('Actief', { exact: true }).waitFor();
    assert.deepEqual(patches, [{ active: false }, { active: true }]);
    await colleague.getByRole('button', { name: 'Inloggen' }).click();
    await colleague.waitForURL('**/clients');
    await colleague.context().close();
  });

  test('R-STAFF-3: an auditor without an end date gets the field error; a taken email is refused at its field', async () => {
    await owner.getByRole('button', { name: 'Nieuwe medewerker' }).click();
    const form = owner.getByRole('form', { name: 'Nieuwe medewerker' });
    // The message of the last step went when this one started.
    assert.equal(await owner.getByText('Weer ingeschakeld:', { exact: false }).count(), 0);
    await form.getByLabel('Naam', { exact: false }).first().fill('Ank Auditor');
    await form.getByLabel('E-mailadres', { exact: false }).fill('behandelaar@demo.example');
    await form.getByRole('radio', { name: 'Inspecteur' }).check();
    await form.getByText('Een inspecteur kan dossiers van alle vestigingen lezen', { exact: false }).waitFor();
    assert.equal(await form.getByRole('group', { name: 'Vestigingen' }).count(), 0, 'an auditor works at every location');
    let posts = 0;
    const count = (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/staff') && posts++;
    owner.on('request', count);
    await form.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    await owner.locator('#staff-new-access_until-error').getByText('Kies tot en met welke dag de inspecteur toegang heeft.').waitFor();
    assert.equal(await owner.locator('#staff-new-access_until').getAttribute('aria-invalid'), 'true');
    assert.match(await owner.locator('#staff-new-access_until').getAttribute('aria-describedby'), /staff-new-access_until-error/);
    assert.equal(await activeId(owner), 'staff-new-access_until');
    assert.equal(posts, 0, 'caught before anything is sent');
    assert.equal(await form.getByLabel('Naam', { exact: false }).first().inputValue(), 'Ank Auditor', 'what was typed stays');
    await checkScreen(owner, 'staff-auditor-no-end-date');

    // The day given: the server refuses the email address, at its field; the rest stays.
    const day = isoDayFromNow(45);
    await owner.locator('#staff-new-access_until').fill(day);
    assert.equal(await owner.locator('#staff-new-access_until-error').count(), 0, 'the message goes with the change');
    let answered = staffPost(owner);
    await form.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    const taken = await answered;
    assert.equal(taken.status(), 409);
    assert.equal((await taken.json()).field, 'email');
    await owner.locator('#staff-new-email-error').getByText('Er is al een account met dit e-mailadres.', { exact: false }).waitFor();
    assert.equal(await activeId(owner), 'staff-new-email');
    assert.equal(await owner.locator('#staff-new-access_until').inputValue(), day);
    assert.ok(await form.getByRole('radio', { name: 'Inspecteur' }).isChecked());
    await checkScreen(owner, 'staff-email-taken');

    await form.getByLabel('E-mailadres', { exact: false }).fill('ank@demo.example');
    assert.equal(await owner.locator('#staff-new-email-error').count(), 0);
    answered = staffPost(owner);
    await form.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    const created = await answered;
    assert.equal(created.status(), 201);
    const sent = created.request().postDataJSON();
    assert.deepEqual(Object.keys(sent).sort(), ['access_until', 'email', 'name', 'role']);
    // The end of that day in Amsterdam.
    assert.match(sent.access_until, new RegExp(`^${day}T23:59:59\\+0[12]:00$`));
    assert.equal(amsterdamDate(sent.access_until).split('-').reverse().join('-'), day);
    await owner.getByRole('region', { name: 'Ank Auditor is toegevoegd' }).waitFor();
    const ank = await row(owner, 'Ank Auditor').innerText();
    for (const part of ['Inspecteur', 'Alle vestigingen', amsterdamDate(sent.access_until)]) assert.ok(ank.includes(part), `${part}:\n${ank}`);
    owner.off('request', count);
  });

  test('R-STAFF-3: at phone width, a new password and a removed second factor, each asked first', async () => {
    await owner.context().close();
    const page = await newPage(browser, app, { viewport: PHONE });
    await loginAs(page, app, DEMO.owner);
    await openStaff(page);
    await checkScreen(page, 'staff-phone');
    const noor = row(page, NOOR.name);

    await noor.getByRole('button', { name: 'Wachtwoord resetten: Noor Nieuw' }).click();
    const ask = page.getByRole('dialog', { name: 'Wachtwoord van Noor Nieuw resetten?' });
    await ask.waitFor();
    await checkScreen(page, 'staff-phone-confirm-password');
    const answered = page.waitForResponse((r) => r.url().endsWith('/password-reset'));
    await ask.getByRole('button', { name: 'Ja, wachtwoord resetten' }).click();
    const { one_time_password: otp } = await (await answered).json();
    const shown = noor.getByRole('region', { name: 'Nieuw wachtwoord voor Noor Nieuw' });
    await shown.waitFor();
    assert.equal((await shown.locator('code').innerText()).trim(), otp);
    assert.ok(await shown.locator('code').evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the password fits on one line');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'nothing wider than the screen');
    await checkScreen(page, 'staff-phone-new-password');

    // The next step starts: the password goes.
    await noor.getByRole('button', { name: 'Tweestapsverificatie resetten: Noor Nieuw' }).click();
    const totp = page.getByRole('dialog', { name: 'Tweestapsverificatie van Noor Nieuw resetten?' });
    await totp.getByText('telefoon met de authenticator-app kwijt is', { exact: false }).waitFor();
    await totp.getByRole('button', { name: 'Ja, tweestapsverificatie resetten' }).click();
    await noor.getByText('De tweestapsverificatie van Noor Nieuw is verwijderd', { exact: false }).waitFor();
    assert.equal(await page.getByText(otp).count(), 0);
    await page.context().close();
  });

  test('R-STAFF-1: "Verloopt binnenkort" names Uma Utrecht with what ends within 60 days, soonest first', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.owner);
    await openStaff(page);
    const soon = (await (await page.request.get('/api/v1/qualifications/expiring?days=60')).json()).items;
    assert.deepEqual(soon.map((q) => q.staff_name), ['Uma Utrecht', 'Uma Utrecht'], 'the demo practice: two of Uma’s end soon');
    const panel = page.getByRole('region', { name: 'Verloopt binnenkort' });
    const items = panel.getByRole('listitem');
    await items.first().waitFor();
    assert.equal(await items.count(), 2);
    for (const [i, q] of soon.entries()) {
      const text = await items.nth(i).innerText();
      for (const part of ['Uma Utrecht', q.title, `Geldig tot en met ${q.valid_until.split('-').reverse().join('-')}`]) {
        assert.ok(text.includes(part), `item ${i} shows ${part}:\n${text}`);
      }
      assert.match(text, /nog \d+ dagen|nog tot en met morgen|vandaag is de laatste dag/);
    }
    // In Uma's row the same two carry their badge; to her qualifications in one tap.
    const uma = row(page, 'Uma Utrecht');
    for (const q of soon) {
      await uma.getByRole('listitem').filter({ hasText: q.title }).getByText(`Verloopt op ${q.valid_until.split('-').reverse().join('-')}`).waitFor();
    }
    await items.first().getByRole('button', { name: `Naar bekwaamheden van Uma Utrecht: ${soon[0].title}` }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bekwaamheden van Uma Utrecht');
    await checkScreen(page, 'staff-expiring');
    await page.context().close();
  });

  test('R-STAFF-1: a BIG registration with a wrong number gets the field error; with the right one it is listed', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.owner);
    await openStaff(page);
    const umaId = (await (await page.request.get('/api/v1/staff')).json()).items.find((s) => s.name === 'Uma Utrecht').id;
    const uma = row(page, 'Uma Utrecht');
    const field = (name) => page.locator(`#qual-${umaId}-${name}`);
    let posts = 0;
    const count = (r) => r.method() === 'POST' && r.url().endsWith('/qualifications') && posts++;
    page.on('request', count);

    await uma.getByRole('button', { name: 'Bekwaamheid toevoegen: Uma Utrecht' }).click();
    const form = page.getByRole('form', { name: 'Bekwaamheid toevoegen voor Uma Utrecht' });
    await form.waitFor();
    assert.equal(await activeId(page), `qual-${umaId}-heading`, 'the form takes the focus');
    await form.getByRole('radio', { name: 'BIG-registratie' }).check();
    await form.getByLabel('Omschrijving', { exact: false }).fill('BIG-registratie arts');
    await form.getByLabel('BIG-nummer', { exact: false }).fill('1234567890');
    await form.getByRole('checkbox', { name: 'BIG-registratie als arts' }).check();
    await form.getByLabel('Geldig vanaf', { exact: false }).fill('2024-01-01');
    await form.getByRole('button', { name: 'Bekwaamheid opslaan' }).click();
    await field('big_number-error').getByText('Een BIG-nummer heeft precies 11 cijfers.').waitFor();
    assert.equal(await field('big_number').getAttribute('aria-invalid'), 'true');
    assert.match(await field('big_number').getAttribute('aria-describedby'), new RegExp(`qual-${umaId}-big_number-error`));
    assert.equal(await activeId(page), `qual-${umaId}-big_number`, 'the field in error has the focus');
    assert.equal(posts, 0, 'caught before anything is sent');
    assert.equal(await form.getByLabel('Omschrijving', { exact: false }).inputValue(), 'BIG-registratie arts', 'what was typed stays');
    await checkScreen(page, 'staff-qualification-big-number');

    // The number as the register writes it, spaces and all: sent as 11 digits, then listed.
    await field('big_number').fill('190 123 456 02');
    assert.equal(await field('big_number-error').count(), 0, 'the message goes with the change');
    const answered = page.waitForResponse((r) => r.url().endsWith('/qualifications') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Bekwaamheid opslaan' }).click();
    const res = await answered;
    assert.equal(res.status(), 201);
    assert.deepEqual(res.request().postDataJSON(), {
      kind: 'big_registration',
      title: 'BIG-registratie arts',
      covers: ['physician'],
      valid_from: '2024-01-01',
      big_number: '19012345602',
    });
    await form.waitFor({ state: 'hidden' });
    const added = uma.getByRole('listitem').filter({ hasText: 'BIG-registratie arts' });
    const text = await added.innerText();
    for (const part of ['BIG-registratie', 'Geldt voor: BIG-registratie als arts', 'Geldig vanaf 01-01-2024, zonder einddatum', 'BIG-nummer 19012345602']) {
      assert.ok(text.includes(part), `the new one shows ${part}:\n${text}`);
    }
    await uma.getByText('‘BIG-registratie arts’ is vastgelegd voor Uma Utrecht.').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Bekwaamheid toevoegen: Uma Utrecht');
    await checkScreen(page, 'staff-qualification-added');

    // The next step starts: the note goes.
    await row(page, 'Bo Behandelaar').getByRole('button', { name: 'Bekwaamheid toevoegen: Bo Behandelaar' }).click();
    assert.equal(await page.getByText('is vastgelegd voor Uma Utrecht', { exact: false }).count(), 0);
    page.off('request', count);
    await page.context().close();
  });

  test('R-STAFF-2: signing without the qualification says which one is missing; once recorded, it signs', async () => {
    const uma = await newPage(browser, app, { viewport: TABLET });
    await loginAs(uma, app, DEMO.practitionerUtrecht);
    // A PMU session for a client of Utrecht, up to the draft, through the API.
    const me = await (await uma.request.get('/api/v1/me')).json();
    const headers = { 'X-CSRF-Token': me.csrf_token };
    const post = async (url, data) => {
      const res = await uma.request.post(url, { data, headers });
      assert.equal(res.status(), 201, `${url}: ${await res.text()}`);
      return res.json();
    };
    const location = me.locations.find((l) => l.name === 'Utrecht').id;
    const client = await post('/api/v1/clients', { given_name: 'Pia', family_name: 'Pigment', date_of_birth: '1991-02-03', location, records_consent: 'given' });
    await post(`/api/v1/clients/${client.id}/intake`, { allergies: 'geen' });
    const t = await post(`/api/v1/clients/${client.id}/trajectories`, {
      treatment_type: 'pmu_brows', goal: 'Vollere wenkbrauwen', expected_result: 'Natuurlijk', risks: 'Zwelling', planned_sessions: 2, intake_reviewed: true,
    });
    await post(`/api/v1/trajectories/${t.id}/consents`, { kind: 'informed', text: 'PMU wenkbrauwen', signature: { kind: 'typed', value: 'Pia Pigment' } });
    const draft = await post(`/api/v1/trajectories/${t.id}/sessions`, {
      body_areas: ['eyebrows'],
      products: [{ kind: 'pigment', name: 'Brow Brown', batch: 'PG-77' }, { kind: 'needle', name: '1RL 0.30', batch: 'ND-5' }],
      device: { name: 'PMU-machine', settings: '90 Hz' },
      result: 'Goed',
      aftercare_advice: 'Niet krabben',
    });
    await uma.goto(`/clients/${client.id}/trajectories/${t.id}/sessions/${draft.id}`);
    await uma.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await uma.getByRole('dialog', { name: 'Ondertekenen als Uma Utrecht' }).getByRole('button', { name: 'Ja, ondertekenen' }).click();
    const refusal = uma.getByRole('alert').filter({ hasText: 'Het behandelverslag is opgeslagen, maar niet ondertekend' });
    await refusal.getByText(
      'U hebt op de dag van deze behandeling geen geldige bekwaamheid voor: ‘Vergunning permanente make-up’. Een praktijkeigenaar legt bekwaamheden vast bij Medewerkers.',
      { exact: false },
    ).waitFor();
    await checkScreen(uma, 'session-qualification-missing');

    // The owner records Uma's licence on the team screen; then Uma signs.
    const owner = await newPage(browser, app, { viewport: TABLET });
    await loginAs(owner, app, DEMO.owner);
    await openStaff(owner);
    const umaRow = row(owner, 'Uma Utrecht');
    await umaRow.getByRole('button', { name: 'Bekwaamheid toevoegen: Uma Utrecht' }).click();
    const form = owner.getByRole('form', { name: 'Bekwaamheid toevoegen voor Uma Utrecht' });
    await form.getByRole('radio', { name: 'Certificaat' }).check();
    await form.getByLabel('Omschrijving', { exact: false }).fill('Vergunning permanente make-up (GGD)');
    await form.getByRole('checkbox', { name: 'Vergunning permanente make-up' }).check();
    await form.getByLabel('Geldig vanaf', { exact: false }).fill('2025-01-01');
    await form.getByLabel('Geldig tot en met', { exact: false }).fill(isoDayFromNow(400));
    await form.getByRole('button', { name: 'Bekwaamheid opslaan' }).click();
    await umaRow.getByText('‘Vergunning permanente make-up (GGD)’ is vastgelegd voor Uma Utrecht.').first().waitFor();
    await owner.context().close();

    await uma.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await uma.getByRole('dialog', { name: 'Ondertekenen als Uma Utrecht' }).getByRole('button', { name: 'Ja, ondertekenen' }).click();
    await uma.getByText('Het behandelverslag is ondertekend.').waitFor();
    await uma.context().close();
  });

  test('R-STAFF-3: no one but the owner sees Medewerkers', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Cliënten' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Medewerkers' }).count(), 0);
    await page.goto('/staff');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Nieuwe medewerker' }).count(), 0);
    await page.context().close();
  });
});
