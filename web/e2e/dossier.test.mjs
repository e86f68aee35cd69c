// The dossier on the client card against the real server with a demo practice: intake versions
// (R-DOS), a new trajectory with the information duty (R-TRJ-1), the decision consult, the
// reflection period and the confirmation on the day with a drawn signature (R-CONSENT-1, -2,
// -3, -5, -6), informed consent with a typed name (R-CONSENT-4), and the session record with
// its addendum (R-TRJ-2, R-DOS-3) once the server has the session API.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../../tests/api/lib/client.mjs';
import { DEMO, LAPTOP, TABLET, assertServes, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

/** A calendar date in Europe/Amsterdam, `days` from today, as 'YYYY-MM-DD'. */
function amsterdamDate(days = 0) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date())
      .map((x) => [x.type, x.value]),
  );
  const d = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day) + days));
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' as the app shows it: 'DD-MM-YYYY'. */
function dutch(isoDate) {
  const [y, m, d] = isoDate.split('-');
  return `${d}-${m}-${y}`;
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('dossier', () => {
  let app;
  let browser;
  let api; // the practitioner, through the API, for what a test does not walk through itself

  /** The id of the demo client whose family name is NAME. */
  async function clientId(name) {
    const res = await api.get(`/api/v1/clients?q=${encodeURIComponent(name)}`);
    assert.equal(res.status, 200);
    assert.equal(res.json.items.length, 1, `one demo client ${name}`);
    return res.json.items[0].id;
  }

  async function seedIntake(id, answers) {
    const res = await api.post(`/api/v1/clients/${id}/intake`, { json: answers });
    assert.equal(res.status, 201, res.text);
    return res.json;
  }

  async function openCard(page, id, name) {
    await page.goto(`/clients/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  before(async () => {
    app = await startApp({ kind: 'demo' });
    browser = await launch();
    api = new ApiClient(app.url);
    await api.mustLogin(DEMO.practitioner, app.password(DEMO.practitioner));
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-DOS intake versions: the first, a new version by keyboard, the older one readable; the auditor reads', async () => {
    const id = await clientId('Visser');
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await openCard(page, id, 'Julia Visser');
    const intake = page.getByRole('region', { name: 'Gezondheid / intake' });
    await intake.getByText('Nog geen intake').waitFor();
    await checkScreen(page, 'dossier-intake-none');

    // Version 1.
    await intake.getByRole('button', { name: 'Intake invullen' }).click();
    await page.getByRole('heading', { name: 'Intake invullen (versie 1)' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'intake-allergies', 'the first field has the focus');
    await page.getByLabel('Allergieën').fill('Nikkel');
    await page.getByLabel('Medicatie').fill('Geen');
    await page.getByLabel('Zwangerschap en borstvoeding').fill('Nee');
    await checkScreen(page, 'dossier-intake-form');
    let answered = page.waitForResponse((r) => r.url().endsWith(`/clients/${id}/intake`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Intake opslaan' }).click();
    assert.equal((await answered).status(), 201);
    await page.getByText('Versie 1 van de intake is opgeslagen.').waitFor();
    await intake.getByText(/^Versie 1 · \d\d-\d\d-\d{4} \d\d:\d\d · ingevuld door Bo Behandelaar \(u\)$/).waitFor();

    // Version 2, by keyboard alone: the button, the fields, the save.
    await intake.getByRole('button', { name: 'Intake bijwerken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nieuwe versie van de intake (versie 2)' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'intake-allergies');
    assert.equal(await page.getByLabel('Allergieën').inputValue(), 'Nikkel', 'the form starts from the current version');
    await page.keyboard.press('End');
    await page.keyboard.type(', latex');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Isotretinoïne (Roaccutane)');
    answered = page.waitForResponse((r) => r.url().endsWith(`/clients/${id}/intake`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).focus();
    await page.keyboard.press('Enter');
    const v2 = await (await answered).json();
    assert.equal(v2.version, 2);
    assert.equal(v2.answers.allergies, 'Nikkel, latex');
    assert.equal(v2.answers.medication, 'Isotretinoïne (Roaccutane)');
    assert.equal(v2.answers.pregnancy, 'Nee', 'unchanged answers are carried into the new version');
    await page.getByText('Versie 2 van de intake is opgeslagen.').waitFor();
    const facts = intake.locator('dl.facts').first();
    assert.match(await facts.innerText(), /Allergieën\s+Nikkel, latex\s*gewijzigd/);
    assert.match(await facts.innerText(), /Zwangerschap en borstvoeding\s+Nee\n/);

    // The older version is still there, as it was.
    await intake.getByRole('heading', { name: 'Eerdere versies (1)' }).waitFor();
    const older = intake.locator('details');
    assert.equal(await older.count(), 1);
    await older.locator('summary').click();
    assert.match(await older.innerText(), /Allergieën\s+Nikkel\n/);
    assert.match(await older.innerText(), /Medicatie\s+Geen/);
    await checkScreen(page, 'dossier-intake-versions');
    await page.context().close();

    // The auditor reads both versions and cannot write.
    const auditor = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(auditor, app, DEMO.auditor);
    await openCard(auditor, id, 'Julia Visser');
    const seen = auditor.getByRole('region', { name: 'Gezondheid / intake' });
    await seen.getByText('Nikkel, latex').waitFor();
    await seen.getByText(/^Versie 2 · .* · ingevuld door Bo Behandelaar$/).waitFor();
    assert.equal(await seen.getByRole('button').count(), 0, 'no intake button for the auditor');
    assert.equal(await auditor.getByRole('link', { name: 'Nieuw behandeltraject' }).count(), 0);
    await checkScreen(auditor, 'dossier-intake-auditor');
    await auditor.context().close();

    // The front desk's card asks nothing of the dossier.
    const assistant = await newPage(browser, app, { viewport: TABLET });
    await loginAs(assistant, app, DEMO.assistant);
    const asked = [];
    assistant.on('request', (r) => {
      if (/\/(intake|trajectories)/.test(r.url())) asked.push(r.url());
    });
    await openCard(assistant, id, 'Julia Visser');
    await assistant.getByRole('region', { name: 'Contact' }).waitFor();
    await assistant.waitForLoadState('networkidle');
    assert.equal(await assistant.getByRole('region', { name: 'Gezondheid / intake' }).count(), 0);
    assert.equal(await assistant.getByRole('region', { name: 'Behandeltrajecten' }).count(), 0);
    assert.deepEqual(asked, []);
    await assistant.context().close();
  });

  test('R-TRJ-1 new trajectory: grouped picker, the information duty, the intake checked; read back on its screen', async () => {
    const id = await clientId('Hendriks');
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.practitioner);

    // Without an intake the form says so and cannot be sent.
    await page.goto(`/clients/${id}/trajectories/new`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw behandeltraject' }).waitFor();
    await page.getByText('Vul eerst de intake in op de cliëntkaart.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Behandeltraject opslaan' }).isDisabled(), true);

    const v = await seedIntake(id, { allergies: 'Geen', medication: 'Geen', pregnancy: 'Nee' });
    await openCard(page, id, 'Iris Hendriks');
    await page.getByRole('link', { name: 'Nieuw behandeltraject' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw behandeltraject' }).waitFor();

    // The picker: Dutch names grouped by regime and category (once the catalogue is loaded).
    await page.locator('#treatment_type optgroup').last().waitFor({ state: 'attached' });
    const groups = await page.locator('#treatment_type optgroup').evaluateAll((gs) => gs.map((g) => g.label));
    assert.deepEqual(groups, [
      'Basisbehandelingen (buiten de Wkkgz)',
      'Behandelingen onder de Wkkgz',
      'Permanente make-up',
      'Cosmetisch, categorie 1 (laag complex)',
      'Cosmetisch, categorie 2 (midden complex)',
      'Cosmetisch, categorie 3 (hoog complex)',
    ]);
    const cat2 = await page.locator('#treatment_type optgroup').nth(4).locator('option').allInnerTexts();
    assert.ok(cat2.includes('Littekencorrectie') && cat2.includes('Bovenooglidcorrectie'), cat2.join(', '));

    // Nothing filled in: each required field says so, the first gets the focus.
    await page.getByRole('button', { name: 'Behandeltraject opslaan' }).click();
    await page.getByText('Kies de behandeling.').waitFor();
    await page.getByText('Vul het doel van de behandeling in.').waitFor();
    await page.getByText('Bevestig dat u de intake met de cliënt hebt besproken en gecontroleerd.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'treatment_type');
    await checkScreen(page, 'dossier-trajectory-new-required');

    await page.locator('#treatment_type').selectOption({ label: 'Littekencorrectie' });
    await page.getByText('een bedenktijd van 1 dag voordat', { exact: false }).waitFor();
    await page.getByLabel('Doel van de behandeling').fill('Litteken op de kin minder zichtbaar maken');
    await page.getByLabel('Verwacht resultaat').fill('Vlakker en minder rood litteken na 3 maanden');
    await page.getByLabel('Aantal behandelingen').fill('2');
    await page.getByLabel('Risico’s en bijwerkingen').fill('Zwelling, blauwe plekken, infectie, een nieuw litteken');
    await page.getByLabel('Alternatieven').fill('Siliconengel, laserbehandeling, niet behandelen');
    await page.getByLabel('Kosten').fill('€ 650 per behandeling');
    await page.getByLabel('Nazorg').fill('Wond droog houden, 2 weken niet zonnen');
    const check = page.getByLabel(`Ik heb de intake (versie 1 van ${dutch(amsterdamDate())}) met de cliënt besproken en gecontroleerd.`);
    await check.check();
    await checkScreen(page, 'dossier-trajectory-new');

    const answered = page.waitForResponse((r) => r.url().endsWith(`/clients/${id}/trajectories`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Behandeltraject opslaan' }).click();
    const res = await answered;
    assert.equal(res.status(), 201);
    const body = res.request().postDataJSON();
    assert.equal(body.treatment_type, 'scar_correction');
    assert.equal(body.intake_reviewed, true);
    assert.equal(body.planned_sessions, 2);
    const trajectory = await res.json();
    assert.equal(trajectory.intake_version, v.version);

    await page.waitForURL(`**/clients/${id}/trajectories/${trajectory.id}`);
    await page.getByRole('heading', { level: 1, name: 'Littekencorrectie' }).waitFor();
    await page.getByText('Het behandeltraject is aangemaakt.').waitFor();
    const info = page.getByRole('region', { name: 'Informatie en afspraken (informatieplicht)' });
    for (const text of ['Litteken op de kin minder zichtbaar maken', 'Siliconengel, laserbehandeling, niet behandelen', '€ 650 per behandeling', 'Wond droog houden, 2 weken niet zonnen']) {
      await info.getByText(text).waitFor();
    }
    const missing = page.getByRole('region', { name: 'Wat ontbreekt nog voor de volgende behandeling' });
    await missing.getByText('Besluitvormend consult', { exact: true }).waitFor();
    await checkScreen(page, 'dossier-trajectory-created');

    // Listed on the card.
    await page.getByRole('link', { name: '← Terug naar Iris Hendriks' }).click();
    const list = page.getByRole('list', { name: 'Behandeltrajecten van de cliënt' });
    await list.getByText('Littekencorrectie').waitFor();
    await list.getByText('Nog nodig: Besluitvormend consult').waitFor();
    await page.context().close();
  });

  test('R-CONSENT-2 a category 2 decision is refused on the consult day; a consult of two days ago, recorded afterwards (R-CONSENT-1) and confirmed by the owner, allows it, then the confirmation with a drawn signature', async () => {
    const id = await clientId('Koster');
    await seedIntake(id, { allergies: 'Nikkel', medication: 'Geen', pregnancy: 'Nee' });
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);

    async function newScarTrajectory() {
      const res = await api.post(`/api/v1/clients/${id}/trajectories`, {
        json: {
          treatment_type: 'scar_correction',
          goal: 'Litteken op de wang minder zichtbaar',
          expected_result: 'Vlakker litteken',
          risks: 'Zwelling, infectie',
          aftercare: 'Niet zonnen',
          intake_reviewed: true,
        },
      });
      assert.equal(res.status, 201, res.text);
      await page.goto(`/clients/${id}/trajectories/${res.json.id}`);
      await page.getByRole('heading', { level: 1, name: 'Littekencorrectie' }).waitFor();
      return res.json.id;
    }

    async function recordConsult(local, lateReason) {
      const form = page.getByRole('form', { name: 'Consult vastleggen' });
      await form.getByLabel('Datum en tijd van het consult').fill(local);
      if (lateReason) await form.getByLabel('Reden dat het consult achteraf wordt vastgelegd').fill(lateReason);
      await form.getByLabel('Versie van de informatiefolder').fill('Littekencorrectie v3 (2026)');
      await form.getByLabel('Voorgestelde behandeling').fill('Excisie van het litteken onder lokale verdoving');
      const answered = page.waitForResponse((r) => r.url().endsWith('/consult'));
      await form.getByRole('button', { name: 'Consult vastleggen' }).click();
      return answered;
    }

    // 1. The consult today.
    const first = await newScarTrajectory();
    await checkScreen(page, 'dossier-consent2-consult-form');
    // A consult in the future: the server names the field, the message stands next to it.
    let res = await recordConsult(`${amsterdamDate(1)}T10:00`);
    assert.equal(res.status(), 422);
    assert.equal((await res.json()).field, 'at');
    await page.locator('#consult-at-error').getByText('Vul een datum en tijd in die niet in de toekomst ligt.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'consult-at');
    res = await recordConsult(`${amsterdamDate(0)}T00:05`);
    assert.equal(res.status(), 201);
    assert.match(res.request().postDataJSON().at, /^\d{4}-\d\d-\d\dT00:05:00\+0[12]:00$/, 'Amsterdam time with its offset');
    await page.getByText('Het consult is vastgelegd.').waitFor();
    const until = dutch(amsterdamDate(0));
    const from = dutch(amsterdamDate(1));
    const missing = page.getByRole('region', { name: 'Wat ontbreekt nog voor de volgende behandeling' });
    await missing.getByText(`Bedenktijd loopt tot en met ${until} · besluit vanaf ${from}.`).waitFor();

    // The decision on the same day: refused, with the first allowed date.
    res = page.waitForResponse((r) => r.url().endsWith(`/trajectories/${first}/decision`));
    await page.getByRole('button', { name: 'De cliënt wil doorgaan: besluit vastleggen' }).click();
    const refused = await res;
    assert.equal(refused.status(), 409);
    const problem = await refused.json();
    assert.equal(problem.code, 'reflection_period_not_elapsed');
    assert.equal(problem.earliest, amsterdamDate(1));
    const alert = page.getByRole('region', { name: 'Besluit van de cliënt' }).getByRole('alert');
    await alert.getByText(`De bedenktijd loopt tot en met ${until}; het besluit kan vanaf ${from} worden vastgelegd.`, { exact: false }).waitFor();
    await checkScreen(page, 'dossier-consent2-decision-refused');

    // 2. A consult two days ago, recorded afterwards (R-CONSENT-1): it asks why, and the
    // reflection period counts from today until the owner confirms the stated time.
    const second = await newScarTrajectory();
    const consultForm = page.getByRole('form', { name: 'Consult vastleggen' });
    let consultsSent = 0;
    const count = (r) => { if (r.url().endsWith('/consult')) consultsSent++; };
    page.on('request', count);
    await consultForm.getByLabel('Datum en tijd van het consult').fill(`${amsterdamDate(-2)}T10:00`);
    await consultForm.getByLabel('Versie van de informatiefolder').fill('Littekencorrectie v3 (2026)');
    await consultForm.getByLabel('Voorgestelde behandeling').fill('Excisie van het litteken onder lokale verdoving');
    await consultForm.getByRole('button', { name: 'Consult vastleggen' }).click();
    await consultForm.getByText('Vul in waarom het consult achteraf wordt vastgelegd.').waitFor();
    assert.equal(await consultForm.getByLabel('Voorgestelde behandeling').inputValue(), 'Excisie van het litteken onder lokale verdoving', 'what was typed stays');
    page.off('request', count);
    assert.equal(consultsSent, 0, 'the form asks for the reason before anything is sent');
    res = await recordConsult(`${amsterdamDate(-2)}T10:00`, 'Consult op papier gehouden, nu ingevoerd');
    assert.equal(res.status(), 201);
    const consultRegion = page.getByRole('region', { name: 'Besluitvormend consult' });
    await consultRegion.getByText(`${dutch(amsterdamDate(-2))} 10:00`).waitFor();
    await consultRegion.getByText('Consult op papier gehouden, nu ingevoerd').waitFor();
    await consultRegion.getByText('Nog niet: de bedenktijd telt vanaf de dag van vastleggen.').waitFor();
    await missing.getByText(`Bedenktijd loopt tot en met ${until} · besluit vanaf ${from}.`).waitFor();
    await checkScreen(page, 'dossier-consent1-consult-recorded-afterwards');
    // The owner confirms the stated time on their own screen.
    const ownerPage = await newPage(browser, app, { viewport: TABLET });
    await loginAs(ownerPage, app, DEMO.owner);
    await ownerPage.goto(`/clients/${id}/trajectories/${second}`);
    await ownerPage.getByRole('button', { name: 'Tijdstip bevestigen' }).click();
    await ownerPage.getByText(/^Door Eva Eigenaar .*op /).waitFor();
    // People by name everywhere, not by id (R-STAFF-3).
    await ownerPage.getByRole('region', { name: 'Besluitvormend consult' }).getByText('Bo Behandelaar', { exact: true }).waitFor();
    assert.equal(await ownerPage.getByText(/medewerker [0-9a-f]{8}/).count(), 0, 'no colleague shown by id');
    await checkScreen(ownerPage, 'dossier-consent1-consult-confirmed');
    await ownerPage.close();
    await page.reload();
    await missing.getByText('De bedenktijd is voorbij: het besluit kan nu worden vastgelegd.').waitFor();
    await checkScreen(page, 'dossier-consent2-consult-recorded');

    res = page.waitForResponse((r) => r.url().endsWith(`/trajectories/${second}/decision`));
    await page.getByRole('button', { name: 'De cliënt wil doorgaan: besluit vastleggen' }).click();
    assert.equal((await res).status(), 201);
    await page.getByText('Het besluit van de cliënt is vastgelegd.').waitFor();
    await missing.getByText('Bevestiging van de toestemming vandaag').waitFor();
    await checkScreen(page, 'dossier-consent2-decided');

    // The intake changes after the consult: the confirmation shows it and asks again (R-CONSENT-6).
    await seedIntake(id, { allergies: 'Nikkel, pleisters', medication: 'Geen', pregnancy: 'Nee' });
    await page.reload();
    await page.getByText('De intake is gewijzigd sinds het besluitvormend consult').waitFor();
    const consents = page.getByRole('region', { name: 'Toestemming', exact: true });
    const form = consents.getByRole('form', { name: 'Bevestiging van de toestemming op de dag van de ingreep' });
    await form.getByText('Bij het consult: Nikkel').waitFor();
    await form.getByText('Nu: Nikkel, pleisters').waitFor();
    const shown = await form.locator('blockquote').innerText();
    assert.match(shown, /Allergieën: was ‘Nikkel’, nu ‘Nikkel, pleisters’/);

    // Nothing signed and nothing ticked: both are asked for.
    await form.getByRole('button', { name: 'Bevestiging vastleggen' }).click();
    await form.getByText('Laat de cliënt tekenen in het vak, of kies ‘Naam typen’.').waitFor();
    await form.getByText('Bevestig dat de wijzigingen in de intake met de cliënt zijn besproken.').waitFor();

    // A signature drawn on the canvas with the mouse.
    const canvas = form.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box.width >= 300 && box.height >= 100, `canvas ${box.width}x${box.height}`);
    await page.mouse.move(box.x + box.width * 0.12, box.y + box.height * 0.65);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      await page.mouse.move(box.x + box.width * (0.12 + i * 0.03), box.y + box.height * (0.65 - 0.3 * Math.sin(i / 2.5)), { steps: 2 });
    }
    await page.mouse.up();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.7, { steps: 8 });
    await page.mouse.up();
    await form.getByLabel('De wijzigingen in de intake zijn met de cliënt besproken.').check();
    await checkScreen(page, 'dossier-consent2-confirmation-drawn');

    res = page.waitForResponse((r) => r.url().endsWith(`/trajectories/${second}/consents`));
    await form.getByRole('button', { name: 'Bevestiging vastleggen' }).click();
    const signed = await res;
    assert.equal(signed.status(), 201);
    const sent = signed.request().postDataJSON();
    assert.equal(sent.kind, 'confirmation');
    assert.equal(sent.signature.kind, 'drawn');
    assert.match(sent.signature.value, /^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    assert.equal(sent.intake_changes_reviewed, true);
    assert.equal(sent.text, shown, 'the text sent is the text shown');
    const after = await signed.json();
    const consent = after.consents.at(-1);
    assert.equal(consent.text_sha256, sha256(shown), 'R-CONSENT-5: the hash of exactly what was shown');
    assert.deepEqual(after.missing, []);

    await consents.getByText('De toestemming is ondertekend en vastgelegd.').waitFor();
    await consents.getByText(/^Ondertekend .* · getekende handtekening · intake versie 2 · vastgelegd door Bo Behandelaar \(u\)$/).waitFor();
    await missing.getByText('Niets: alles is rond om vandaag een behandeling vast te leggen.').waitFor();
    await page.getByText('De wijzigingen zijn besproken bij de bevestiging van', { exact: false }).waitFor();
    await checkScreen(page, 'dossier-consent2-confirmed');

    await assertServes(app, 'POST', '/api/v1/trajectories/{id}/sessions');
    await sessionDraftAndSign(page, id, second);
    await page.context().close();
  });

  /** R-TRJ-2, R-DOS-3: a session as a draft, signed, then an addendum (the original stays). */
  async function sessionDraftAndSign(page, clientUuid, trajectoryId) {
    await page.getByRole('link', { name: 'Nieuw behandelverslag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw behandelverslag' }).waitFor();
    await page.getByRole('button', { name: 'Kin', exact: true }).click();
    await page.getByLabel('Naam', { exact: true }).first().fill('Lidocaïne 1%');
    await page.getByLabel('Batch-/lotnummer').first().fill('LC-2026-117');
    await page.getByLabel('Bijzonderheden').fill('Cliënt ontspannen, geen bijzonderheden.');
    await page.getByLabel('Resultaat', { exact: true }).fill('Litteken geëxcideerd, wond gehecht.');
    await checkScreen(page, 'dossier-session-form');
    let res = page.waitForResponse((r) => r.url().endsWith(`/trajectories/${trajectoryId}/sessions`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    const created = await res;
    assert.equal(created.status(), 201, await created.text());
    const draft = await created.json();
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.products, [{ name: 'Lidocaïne 1%', batch: 'LC-2026-117', kind: 'product' }]);
    await page.waitForURL(`**/clients/${clientUuid}/trajectories/${trajectoryId}/sessions/${draft.id}`);
    await page.getByText('Het behandelverslag is als concept opgeslagen.').waitFor();
    await checkScreen(page, 'dossier-session-draft');

    res = page.waitForResponse((r) => r.url().endsWith(`/sessions/${draft.id}/sign`));
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    assert.equal((await res).status(), 200);
    await page.getByText('Het behandelverslag is ondertekend.').waitFor();
    await page.getByText('LC-2026-117', { exact: false }).waitFor();
    await checkScreen(page, 'dossier-session-signed');

    await page.getByLabel('Reden').fill('Verkeerd batchnummer overgenomen');
    await page.getByRole('textbox', { name: 'Aanvulling of correctie' }).fill('Het batchnummer van de lidocaïne is LC-2026-118.');
    res = page.waitForResponse((r) => r.url().endsWith(`/sessions/${draft.id}/addenda`));
    await page.getByRole('button', { name: 'Aanvulling opslaan' }).click();
    assert.equal((await res).status(), 201);
    await page.getByText('De aanvulling is opgeslagen.').waitFor();
    await page.getByText('Het batchnummer van de lidocaïne is LC-2026-118.').waitFor();
    await page.getByText('LC-2026-117', { exact: false }).waitFor(); // the original stays
    await checkScreen(page, 'dossier-session-addendum');
  }

  test('R-TRJ-4 R-TRJ-2 a permanent make-up session: same products as last time in one tap, refused without the needle batch, then signed', async () => {
    await assertServes(app, 'POST', '/api/v1/trajectories/{id}/sessions');
    const id = await clientId('Ramdin');
    await seedIntake(id, { allergies: 'Geen', medication: 'Geen', pregnancy: 'Nee' });
    let res = await api.post(`/api/v1/clients/${id}/trajectories`, {
      json: {
        treatment_type: 'pmu_brows',
        goal: 'Vollere wenkbrauwen',
        expected_result: 'Natuurlijke hairstrokes',
        planned_sessions: 2,
        risks: 'Zwelling, roodheid, kleurverschil',
        aftercare: 'Een week niet zwemmen, niet krabben',
        intake_reviewed: true,
      },
    });
    assert.equal(res.status, 201, res.text);
    const trajectory = res.json;
    res = await api.post(`/api/v1/trajectories/${trajectory.id}/consents`, {
      json: { kind: 'informed', text: 'Toestemming voor permanente make-up', signature: { kind: 'typed', value: 'Priya Ramdin' } },
    });
    assert.equal(res.status, 201, res.text);
    const products = [
      { kind: 'pigment', name: 'Perma Blend Warm Brown', batch: 'PB-2291' },
      { kind: 'needle', name: 'Nano 1RL 0,18 mm', batch: 'N-5521' },
    ];
    res = await api.post(`/api/v1/trajectories/${trajectory.id}/sessions`, {
      json: { body_areas: ['Wenkbrauwen'], products, device: { name: 'PMU Pen X', settings: '8000 rpm' } },
    });
    assert.equal(res.status, 201, res.text);
    const first = res.json;
    assert.equal((await api.post(`/api/v1/sessions/${first.id}/sign`)).status, 200);

    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await page.goto(`/clients/${id}/trajectories/${trajectory.id}`);
    await page.getByRole('heading', { level: 1, name: 'Permanente make-up wenkbrauwen' }).waitFor();
    const sessions = page.getByRole('region', { name: 'Behandelverslagen' });
    await sessions.getByText('Ondertekend').waitFor();
    await sessions.getByRole('link', { name: 'Nieuw behandelverslag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw behandelverslag' }).waitFor();

    // Defaults from the treatment type: the brows, a pigment and a needle row, the device.
    assert.equal(await page.getByRole('button', { name: 'Wenkbrauwen', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await page.locator('.product select').evaluateAll((ss) => ss.map((s) => s.value)), ['pigment', 'needle']);
    await page.getByLabel('Apparaat', { exact: false }).first().waitFor();
    assert.equal(await page.getByLabel('Nazorgadvies').inputValue(), 'Een week niet zwemmen, niet krabben');

    // Last time's products and batches, one tap away.
    await page.getByRole('button', { name: /^Zelfde producten als vorige keer \(\d\d-\d\d-\d{4}\)$/ }).click();
    await page.getByText('De producten en batchnummers van de vorige keer zijn overgenomen.', { exact: false }).waitFor();
    assert.equal(await page.locator('#product-0-batch').inputValue(), 'PB-2291');
    assert.equal(await page.locator('#product-1-batch').inputValue(), 'N-5521');
    assert.equal(await page.locator('#device_name').inputValue(), 'PMU Pen X');
    await checkScreen(page, 'dossier-session-pmu-copied');

    // A new needle without its batch number: saved as a draft, not signed.
    await page.locator('#product-1-name').fill('Nano 3RL 0,25 mm');
    await page.locator('#product-1-batch').fill('');
    const created = page.waitForResponse((r) => r.url().endsWith(`/trajectories/${trajectory.id}/sessions`));
    const refused = page.waitForResponse((r) => r.url().endsWith('/sign'));
    await page.getByRole('button', { name: 'Opslaan en ondertekenen' }).click();
    const draft = await (await created).json();
    assert.equal((await refused).status(), 409);
    await page.waitForURL(`**/sessions/${draft.id}`);
    await page.getByText('Het behandelverslag is als concept opgeslagen.').waitFor();
    await page.getByRole('alert').getByText('Het behandelverslag is opgeslagen, maar niet ondertekend').waitFor();
    await page.locator('#products-error').getByText('Vul de batchnummers in', { exact: false }).waitFor();
    await page.getByText('Concept', { exact: true }).waitFor();
    await checkScreen(page, 'dossier-session-pmu-batch-missing');

    await page.locator('#product-1-batch').fill('N-7730');
    const signed = page.waitForResponse((r) => r.url().endsWith(`/sessions/${draft.id}/sign`));
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    const answer = await signed;
    assert.equal(answer.status(), 200);
    const session = await answer.json();
    assert.equal(session.status, 'signed');
    assert.deepEqual(session.products, [products[0], { kind: 'needle', name: 'Nano 3RL 0,25 mm', batch: 'N-7730' }]);
    assert.deepEqual(session.device, { name: 'PMU Pen X', settings: '8000 rpm' });
    await page.getByText('Het behandelverslag is ondertekend.').waitFor();
    await page.getByText('Naald: Nano 3RL 0,25 mm · batch N-7730').waitFor();
    await checkScreen(page, 'dossier-session-pmu-signed');
    await page.context().close();
  });

  test('R-CONSENT-4 informed consent with a typed name before the first session of a wkkgz treatment; in English too', async () => {
    const id = await clientId('Peters');
    await seedIntake(id, { allergies: 'Geen', medication: 'Geen', pregnancy: 'Nee', skin_conditions: 'Pigmentvlekken' });
    const created = await api.post(`/api/v1/clients/${id}/trajectories`, {
      json: {
        treatment_type: 'chemical_peel',
        goal: 'Egalere huid, minder pigmentvlekken',
        expected_result: 'Na 4 behandelingen lichtere vlekken',
        planned_sessions: 4,
        risks: 'Roodheid, schilfering, tijdelijk donkerdere vlekken',
        alternatives: 'Microdermabrasie',
        costs: '€ 95 per behandeling',
        aftercare: 'Zonnebrandcrème SPF 50, een week geen scrub',
        intake_reviewed: true,
      },
    });
    assert.equal(created.status, 201, created.text);
    const trajectory = created.json;
    assert.deepEqual(trajectory.missing, ['consent_missing']);

    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.practitioner);
    await page.goto(`/clients/${id}/trajectories/${trajectory.id}`);
    await page.getByRole('heading', { level: 1, name: 'Chemische peeling' }).waitFor();
    const missing = page.getByRole('region', { name: 'Wat ontbreekt nog voor de volgende behandeling' });
    await missing.getByText('Geïnformeerde toestemming', { exact: true }).waitFor();
    // No consult or decision for a wkkgz treatment.
    assert.equal(await page.getByRole('region', { name: 'Besluitvormend consult' }).count(), 0);

    // The way there from the panel, by keyboard.
    await missing.getByRole('link', { name: 'Naar de toestemming' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sec-consents');

    const form = page.getByRole('form', { name: 'Geïnformeerde toestemming laten ondertekenen' });
    const shown = await form.locator('blockquote').innerText();
    for (const part of ['Doel van de behandeling: Egalere huid, minder pigmentvlekken', 'Aantal behandelingen: 4', 'Kosten: € 95 per behandeling', 'Ik geef toestemming voor deze behandeling.']) {
      assert.ok(shown.includes(part), `the text shows “${part}”:\n${shown}`);
    }
    await form.getByLabel('Naam typen').check();
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await form.getByText('Laat de cliënt de volledige naam typen.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'signature-typed');
    await form.getByLabel('Volledige naam van de cliënt').fill('Fleur Peters');
    await checkScreen(page, 'dossier-consent4-typed');

    const res = page.waitForResponse((r) => r.url().endsWith(`/trajectories/${trajectory.id}/consents`));
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const answer = await res;
    assert.equal(answer.status(), 201);
    const sent = answer.request().postDataJSON();
    assert.deepEqual(sent.signature, { kind: 'typed', value: 'Fleur Peters' });
    assert.equal(sent.kind, 'informed');
    const after = await answer.json();
    assert.deepEqual(after.missing, []);
    assert.equal(after.consents[0].text_sha256, sha256(shown));
    await page.getByRole('region', { name: 'Toestemming', exact: true }).getByText(/getypte naam/).waitFor();
    await missing.getByText('Niets: alles is rond om vandaag een behandeling vast te leggen.').waitFor();
    await checkScreen(page, 'dossier-consent4-signed');

    // The same screen in English, the signed text as it was signed (in Dutch).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chemical peel' }).waitFor();
    await page.getByRole('region', { name: 'Still missing before the next session' }).getByText('Nothing: everything is in place', { exact: false }).waitFor();
    const consentsEn = page.getByRole('region', { name: 'Consent', exact: true });
    await consentsEn.getByText('Informed consent', { exact: true }).waitFor();
    await consentsEn.getByText('Text the client signed').click();
    await consentsEn.getByText('Ik geef toestemming voor deze behandeling.', { exact: false }).waitFor();
    await checkScreen(page, 'dossier-consent4-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.context().close();
  });
});
