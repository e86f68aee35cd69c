// The owner's catalogue screen against the real server with a demo practice: the treatment types
// grouped by regime and category (R-CAT), a type of the practice's own added (a code that is
// taken refused at its field), a change that makes a new version, a type taken out of use and
// back; the practice settings: a reflection period shorter than the law refused at the field, a
// longer one saved for good (R-CONSENT-2), the note on mandatory two-step verification (R-SEC-1);
// and no catalogue for any other role (R-SEC-2).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, LAPTOP, TABLET, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

/** The list of one regime group, by its heading. */
const group = (page, name) => page.getByRole('list', { name, exact: true });

/** A type's row in the catalogue, by its id (the code). */
const row = (page, id) => page.locator(`#type-${id}`);

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function openCatalogue(page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Behandelingen' }).click();
  await page.waitForURL('**/catalogue');
  await page.getByRole('heading', { level: 1, name: 'Behandelingen' }).waitFor();
  await row(page, 'chemical_peel').waitFor();
}

describe('catalogue', () => {
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

  test('R-CAT: the shipped catalogue by regime and category; the owner adds a type, a taken code refused at its field', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.owner);
    await openCatalogue(page);
    assert.equal(
      await page.getByRole('link', { name: 'Behandelingen' }).getAttribute('aria-current'),
      'page',
      'the navigation marks the screen',
    );

    // Every regime, and the three cosmetic categories with the practice's reflection period.
    for (const name of [
      'Basisbehandelingen (buiten de Wkkgz)',
      'Behandelingen onder de Wkkgz',
      'Permanente make-up',
      'Cosmetisch, categorie 1 (laag complex)',
      'Cosmetisch, categorie 2 (midden complex)',
      'Cosmetisch, categorie 3 (hoog complex)',
    ]) {
      await group(page, name).waitFor();
    }
    await group(page, 'Basisbehandelingen (buiten de Wkkgz)').locator('#type-manicure').waitFor();
    await group(page, 'Cosmetisch, categorie 2 (midden complex)').locator('#type-upper_eyelid_correction').waitFor();
    await page.getByRole('region', { name: 'Cosmetisch, categorie 3 (hoog complex)' }).getByText('Bedenktijd in uw praktijk: 7 dagen').waitFor();
    const lift = await row(page, 'face_neck_lift').innerText();
    for (const part of ['Face- en halslift', 'Engels: Face and neck lift', 'Versie 1', 'Categorie 3', 'Code face_neck_lift', 'Foto’s aanbevolen', 'Medische handeling (WGBO)', 'Bekwaamheid: BIG-registratie als chirurg']) {
      assert.ok(lift.includes(part), `the face lift row shows ${part}:\n${lift}`);
    }
    await checkScreen(page, 'catalogue');

    // The form of a new type, empty: the required fields say so; the first has the focus.
    await page.getByRole('button', { name: 'Nieuwe soort behandeling' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe soort behandeling' });
    await form.waitFor();
    assert.equal(await activeId(page), 'type-new-title', 'the form takes the focus');
    await form.getByRole('button', { name: 'Soort behandeling toevoegen' }).click();
    await form.getByText('Vul de Nederlandse naam in.').waitFor();
    await form.getByText('Vul de Engelse naam in.').waitFor();
    await form.getByText('Vul een code in.').waitFor();
    assert.equal(await activeId(page), 'type-new-name_nl');

    // The code follows the Dutch name; a code that is taken is refused by the server at its field.
    await form.getByLabel('Naam in het Nederlands').fill('Wimperlift met keratine');
    assert.equal(await form.getByLabel('Code').inputValue(), 'wimperlift_met_keratine');
    await form.getByLabel('Naam in het Engels').fill('Lash lift with keratin');
    await form.getByLabel('Code').fill('chemical_peel');
    await form.getByLabel('Het resultaat is zichtbaar', { exact: false }).check();
    await form.getByLabel('Vereiste bekwaamheid').selectOption({ label: 'Diploma schoonheidsspecialist' });
    let answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/treatment-types') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Soort behandeling toevoegen' }).click();
    const taken = await answered;
    assert.equal(taken.status(), 409);
    assert.equal((await taken.json()).code, 'key_taken');
    const keyError = page.locator('#type-new-key-error');
    await keyError.getByText('Er is al een soort behandeling met deze code. Kies een andere code.').waitFor();
    assert.equal(await page.locator('#type-new-key').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#type-new-key').getAttribute('aria-describedby'), /type-new-key-error/);
    assert.equal(await activeId(page), 'type-new-key');
    // ... and at the top of the form.
    const top = form.getByRole('alert');
    await top.getByText('De soort behandeling is niet opgeslagen').waitFor();
    await top.getByText('Er is al een soort behandeling met deze code.', { exact: false }).waitFor();
    assert.equal(await form.getByLabel('Naam in het Nederlands').inputValue(), 'Wimperlift met keratine', 'the other values stay');
    await checkScreen(page, 'catalogue-new-key-taken');

    // Fixed: the messages go as soon as the code changes, and the type is added as version 1.
    await form.getByLabel('Code').fill('wimperlift');
    assert.equal(await keyError.count(), 0);
    assert.equal(await top.count(), 0);
    answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/treatment-types') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Soort behandeling toevoegen' }).click();
    const created = await answered;
    assert.equal(created.status(), 201);
    assert.deepEqual(created.request().postDataJSON(), {
      id: 'wimperlift',
      regime: 'wkkgz',
      name_nl: 'Wimperlift met keratine',
      name_en: 'Lash lift with keratin',
      visible_results: true,
      device_required: false,
      medical_act: false,
      qualification: 'beauty_specialist',
    });
    await form.waitFor({ state: 'detached' });

    // Listed in its group, marked, and its edit button has the focus.
    const added = group(page, 'Behandelingen onder de Wkkgz').locator('#type-wimperlift');
    await added.getByText('Toegevoegd als versie 1.', { exact: false }).waitFor();
    const text = await added.innerText();
    for (const part of ['Wimperlift met keratine', 'Versie 1', 'Code wimperlift', 'Foto’s aanbevolen', 'Bekwaamheid: Diploma schoonheidsspecialist']) {
      assert.ok(text.includes(part), `the new row shows ${part}:\n${text}`);
    }
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Wijzigen: Wimperlift met keratine',
    );
    await page.getByRole('status').getByText('‘Wimperlift met keratine’ is toegevoegd.').waitFor({ state: 'attached' });
    await checkScreen(page, 'catalogue-added');

    // Still there after a reload: it came from the server.
    await page.reload();
    await row(page, 'wimperlift').getByText('Versie 1').waitFor();
    await page.context().close();
  });

  test('R-CAT: a change makes a new version and the screen says so; a type taken out of use and back', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.owner);
    await openCatalogue(page);

    const needling = row(page, 'microneedling');
    await needling.getByText('Versie 1').waitFor();
    await page.getByRole('button', { name: 'Wijzigen: Microneedling' }).click();
    const form = page.getByRole('form', { name: '‘Microneedling’ wijzigen' });
    await form.waitFor();
    assert.equal(await activeId(page), 'type-edit-title');
    // The form says that saving makes a new version, and keeps the old one.
    await form.getByText('U maakt versie 2').waitFor();
    await form.getByText('Versie 1 blijft bewaard', { exact: false }).waitFor();
    await form.getByText('Code microneedling (blijft altijd dezelfde)').waitFor();
    assert.equal(await form.getByLabel('Naam in het Nederlands').inputValue(), 'Microneedling');
    assert.ok(await form.getByLabel('In elk behandelverslag worden het apparaat', { exact: false }).isChecked());

    // Nothing changed: no new version.
    await form.getByRole('button', { name: 'Opslaan als versie 2' }).click();
    await form.getByRole('alert').getByText('U hebt niets gewijzigd, dus er is geen nieuwe versie gemaakt.').waitFor();

    await form.getByLabel('Naam in het Nederlands').fill('Microneedling (0,5 mm)');
    await form.getByLabel('Cosmetische ingreep', { exact: true }).check();
    // A cosmetic procedure needs its category.
    await form.getByRole('button', { name: 'Opslaan als versie 2' }).click();
    await form.getByText('Kies de categorie van deze cosmetische ingreep.').waitFor();
    await form.getByLabel('Categorie 1 (laag complex)').check();
    await checkScreen(page, 'catalogue-edit-form');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/treatment-types/microneedling'));
    await form.getByRole('button', { name: 'Opslaan als versie 2' }).click();
    const res = await answered;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { name_nl: 'Microneedling (0,5 mm)', regime: 'cosmetic', category: 1 }, 'only what changed');
    assert.equal((await res.json()).version, 2);

    // The new version, now under cosmetic category 1.
    const moved = group(page, 'Cosmetisch, categorie 1 (laag complex)').locator('#type-microneedling');
    await moved.getByText('Opgeslagen als versie 2. Versie 1 blijft bewaard.').waitFor();
    const text = await moved.innerText();
    assert.ok(text.includes('Microneedling (0,5 mm)') && text.includes('Versie 2') && text.includes('Categorie 1'), text);
    assert.equal(await group(page, 'Behandelingen onder de Wkkgz').locator('#type-microneedling').count(), 0);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Wijzigen: Microneedling (0,5 mm)',
    );
    await checkScreen(page, 'catalogue-edited');

    // Out of use: a version of its own, marked, and no longer offered for a new trajectory.
    await page.getByRole('button', { name: 'Buiten gebruik stellen: Microneedling (0,5 mm)' }).click();
    await moved.getByText('Buiten gebruik gesteld (versie 3).', { exact: false }).waitFor();
    await moved.getByText('Buiten gebruik', { exact: true }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Weer in gebruik nemen: Microneedling (0,5 mm)',
      'the focus stays on the button, to undo at once',
    );
    let types = await (await page.request.get('/api/v1/treatment-types')).json();
    assert.equal(types.items.find((x) => x.id === 'microneedling').retired, true);
    await checkScreen(page, 'catalogue-retired');

    await page.keyboard.press('Enter');
    await moved.getByText('Weer in gebruik (versie 4).').waitFor();
    assert.equal(await moved.getByText('Buiten gebruik', { exact: true }).count(), 0);
    types = await (await page.request.get('/api/v1/treatment-types')).json();
    const back = types.items.find((x) => x.id === 'microneedling');
    assert.equal(back.retired, false);
    assert.equal(back.version, 4);

    // After a reload the list shows the server's newest version.
    await page.reload();
    await row(page, 'microneedling').getByText('Versie 4').waitFor();
    await page.context().close();
  });

  test('R-CONSENT-2: a reflection period shorter than the law is refused at the field; a longer one is saved and survives a reload', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.owner);
    await openCatalogue(page);
    const settings = page.getByRole('form', { name: 'Praktijkinstellingen' });
    const cat3 = settings.getByLabel('Categorie 3 (hoog complex)');
    assert.equal(await cat3.inputValue(), '7');
    await settings.getByText('Wettelijk minimum: 7 dagen').waitFor();
    await settings.getByText('U mag een langere bedenktijd kiezen dan de wet voorschrijft, nooit een kortere.', { exact: false }).waitFor();

    // Shorter than the law: the server refuses it, the message stands at the field.
    await cat3.fill('5');
    let answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/practice'));
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    const refused = await answered;
    assert.equal(refused.status(), 422);
    const problem = await refused.json();
    assert.equal(problem.code, 'shorter_than_law');
    assert.equal(problem.field, 'reflection_days');
    assert.deepEqual(refused.request().postDataJSON(), { reflection_days: [0, 1, 5] });
    const fieldError = page.locator('#reflection_days-error');
    await fieldError.getByText('Korter dan de wet toestaat.', { exact: false }).waitFor();
    assert.equal(await cat3.getAttribute('aria-invalid'), 'true');
    assert.match(await cat3.getAttribute('aria-describedby'), /reflection_days-error/);
    assert.equal(await settings.getByLabel('Categorie 2 (midden complex)').getAttribute('aria-invalid'), null, 'only the short one is marked');
    assert.equal(await activeId(page), 'reflection_days_3');
    await settings.getByRole('alert').getByText('De instellingen zijn niet opgeslagen').waitFor();
    await checkScreen(page, 'catalogue-reflection-refused');

    // Longer than the law: saved, and the cosmetic group shows the practice's period.
    await cat3.fill('14');
    assert.equal(await fieldError.count(), 0, 'the message goes when the field changes');
    answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/practice'));
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    const saved = await answered;
    assert.equal(saved.status(), 200);
    assert.deepEqual((await saved.json()).reflection_days, [0, 1, 14]);
    await settings.getByRole('status').getByText('De instellingen zijn opgeslagen.').waitFor();
    await page.getByRole('region', { name: 'Cosmetisch, categorie 3 (hoog complex)' }).getByText('Bedenktijd in uw praktijk: 14 dagen').waitFor();
    await checkScreen(page, 'catalogue-reflection-saved');

    // A reload asks the server again: still 14.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Behandelingen' }).waitFor();
    assert.equal(await page.getByRole('form', { name: 'Praktijkinstellingen' }).getByLabel('Categorie 3 (hoog complex)').inputValue(), '14');
    const me = await (await page.request.get('/api/v1/me')).json();
    assert.deepEqual(me.practice.reflection_days, [0, 1, 14]);

    // R-SEC-1: the demo practice has two-step verification off, and the screen says what that
    // means; ticking it tells an owner without it that they set it up first (not saved here).
    await page.getByText('Tweestapsverificatie is nu niet verplicht.', { exact: false }).waitFor();
    await page.getByLabel('Tweestapsverificatie verplicht voor praktijkeigenaren en behandelaars').check();
    await page.getByText('U hebt zelf nog geen tweestapsverificatie.', { exact: false }).waitFor();
    assert.equal(await page.getByText('Tweestapsverificatie is nu niet verplicht.', { exact: false }).count(), 0);
    await page.context().close();
  });

  test('R-SEC-2: a practitioner sees no catalogue link and cannot open the screen; nor can the other roles', async () => {
    for (const email of [DEMO.practitioner, DEMO.assistant, DEMO.quality, DEMO.auditor]) {
      const page = await newPage(browser, app, { viewport: LAPTOP });
      await loginAs(page, app, email);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Cliënten' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Behandelingen' }).count(), 0, `${email}: no link`);
      assert.equal(await page.locator('a[href="/catalogue"]').count(), 0, `${email}: no link anywhere`);

      await page.goto('/catalogue');
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      assert.equal(await page.getByRole('form', { name: 'Praktijkinstellingen' }).count(), 0, `${email}: no settings`);
      assert.equal(await page.locator('#type-chemical_peel').count(), 0, `${email}: no catalogue`);
      if (email === DEMO.practitioner) await checkScreen(page, 'catalogue-practitioner');
      await page.context().close();
    }
  });

  test('R-SEC-1: the owner makes two-step verification mandatory; without it yet, the owner sets it up first', async () => {
    // A practice of its own: from here on its owner and practitioners need a second factor.
    const own = await startApp({ kind: 'demo' });
    try {
      const page = await newPage(browser, own, { viewport: LAPTOP });
      await loginAs(page, own, DEMO.owner);
      await openCatalogue(page);
      const settings = page.getByRole('form', { name: 'Praktijkinstellingen' });
      await settings.getByLabel('Tweestapsverificatie verplicht voor praktijkeigenaren en behandelaars').check();
      await settings.getByText('U hebt zelf nog geen tweestapsverificatie.', { exact: false }).waitFor();
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/practice'));
      await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
      const res = await answered;
      assert.equal(res.status(), 200);
      assert.deepEqual(res.request().postDataJSON(), { totp_required: true }, 'only what changed');
      await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
      await page.context().close();
    } finally {
      await own.stop();
    }
  });

  test('in English on a tablet, by keyboard: open a type’s form and cancel, the focus comes back', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.owner, { lang: 'en' });
    await page.getByRole('link', { name: 'Treatments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Treatments' }).waitFor();
    await page.getByRole('heading', { name: 'Practice settings' }).waitFor();
    await page.getByRole('list', { name: 'Treatments under the Wkkgz', exact: true }).waitFor();
    const peel = row(page, 'chemical_peel');
    await peel.getByText('Chemical peel', { exact: true }).waitFor();
    await peel.getByText('Dutch: Chemische peeling').waitFor();
    await checkScreen(page, 'catalogue-english-tablet');

    const edit = page.getByRole('button', { name: 'Edit: Chemical peel' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit ‘Chemical peel’' });
    await form.getByText('You are making version 2').waitFor();
    assert.equal(await activeId(page), 'type-edit-title');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'type-edit-name_nl', 'Tab goes on to the first field');
    await checkScreen(page, 'catalogue-english-edit-form');
    await form.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Edit: Chemical peel');
    await page.context().close();
  });
});
