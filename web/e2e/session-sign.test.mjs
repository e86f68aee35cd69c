// Signing a session names the signer and, where the practice asks for it, takes their password;
// a draft that will not be finished is thrown away after asking (issue 12, R-DOS-3).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../../tests/api/lib/client.mjs';
import { DEMO, TABLET, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

const INFO = { goal: 'Egalere huid', expected_result: 'Minder littekens', risks: 'Roodheid', planned_sessions: 2 };
const RECORD = {
  body_areas: ['wangen'],
  products: [{ kind: 'product', name: 'Cartridge 12 naalden', batch: 'LOT-9' }],
  device: { name: 'Dermapen 4', settings: '0,5 mm' },
  result: 'Goed',
};

describe('signing and discarding a session', () => {
  let app;
  let browser;
  let api;
  let owner;
  let clientId;
  let trajectory;

  async function newDraft() {
    const res = await api.post(`/api/v1/trajectories/${trajectory.id}/sessions`, { json: RECORD });
    assert.equal(res.status, 201, res.text);
    return res.json;
  }

  before(async () => {
    app = await startApp({ kind: 'demo' });
    browser = await launch();
    api = new ApiClient(app.url);
    await api.mustLogin(DEMO.practitioner, app.password(DEMO.practitioner));
    owner = new ApiClient(app.url);
    await owner.mustLogin(DEMO.owner, app.password(DEMO.owner));
    const me = (await api.get('/api/v1/me')).json;
    const amsterdam = me.locations.find((l) => l.name === 'Amsterdam Centrum').id;
    const client = await api.post('/api/v1/clients', {
      json: { given_name: 'Tess', family_name: 'Tekenaar', date_of_birth: '1991-04-02', location: amsterdam, records_consent: 'given', photo_preference: 'allowed' },
    });
    assert.equal(client.status, 201, client.text);
    clientId = client.json.id;
    assert.equal((await api.post(`/api/v1/clients/${clientId}/intake`, { json: { allergies: 'Geen' } })).status, 201);
    trajectory = (await api.post(`/api/v1/clients/${clientId}/trajectories`, { json: { treatment_type: 'microneedling', ...INFO, intake_reviewed: true } })).json;
    const consent = await api.post(`/api/v1/trajectories/${trajectory.id}/consents`, {
      json: { kind: 'informed', text: 'Informatie microneedling', signature: { kind: 'typed', value: 'Tess Tekenaar' } },
    });
    assert.equal(consent.status, 201, consent.text);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('where the practice asks for it, the signer types their own password', async () => {
    assert.equal((await owner.patch('/api/v1/practice', { json: { sign_requires_password: true } })).status, 200);
    const draft = await newDraft();
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await page.goto(`/clients/${clientId}/trajectories/${trajectory.id}/sessions/${draft.id}`);
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ondertekenen als Bo Behandelaar' });
    await dialog.waitFor();
    // Nothing typed: the dialog asks, nothing is sent.
    await dialog.getByRole('button', { name: 'Ja, ondertekenen' }).click();
    await dialog.getByText('Vul uw wachtwoord in.').waitFor();
    await dialog.getByLabel('Uw wachtwoord').fill('niet-mijn-wachtwoord');
    let res = page.waitForResponse((r) => r.url().endsWith(`/sessions/${draft.id}/sign`));
    await dialog.getByRole('button', { name: 'Ja, ondertekenen' }).click();
    assert.equal((await res).status(), 422);
    await page.getByRole('alert').getByText('niet ondertekend', { exact: false }).waitFor();
    await page.getByText('Concept', { exact: true }).waitFor();
    await checkScreen(page, 'session-sign-password-refused');

    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await dialog.getByLabel('Uw wachtwoord').fill(app.password(DEMO.practitioner));
    await checkScreen(page, 'session-sign-password');
    res = page.waitForResponse((r) => r.url().endsWith(`/sessions/${draft.id}/sign`));
    await dialog.getByLabel('Uw wachtwoord').press('Enter');
    assert.equal((await res).status(), 200);
    await page.getByText('Het behandelverslag is ondertekend.').waitFor();
    await page.context().close();
    assert.equal((await owner.patch('/api/v1/practice', { json: { sign_requires_password: false } })).status, 200);
  });

  test('a draft is thrown away after asking; the trajectory says so', async () => {
    const draft = await newDraft();
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await page.goto(`/clients/${clientId}/trajectories/${trajectory.id}/sessions/${draft.id}`);
    await page.getByRole('button', { name: 'Concept weggooien' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dit concept weggooien?' });
    await dialog.getByText('foto’s die erbij zijn gemaakt blijven in het dossier', { exact: false }).waitFor();
    await checkScreen(page, 'session-discard-confirm');
    await dialog.getByRole('button', { name: 'Concept weggooien' }).click();
    await page.waitForURL(`**/trajectories/${trajectory.id}`);
    await page.getByText('Het concept is weggegooid.').waitFor();
    assert.equal((await api.get(`/api/v1/sessions/${draft.id}`, { invalid: true })).status, 404);
    await page.context().close();
  });

  test('leaving a session form with unsaved changes asks first; what was typed stays', async () => {
    const draft = await newDraft();
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.practitioner);
    await page.goto(`/clients/${clientId}/trajectories/${trajectory.id}/sessions/${draft.id}`);
    await page.getByLabel('Bijzonderheden').fill('Lichte roodheid na 10 minuten');
    await page.getByRole('link', { name: /^← Terug naar/ }).click();
    const ask = page.getByRole('dialog', { name: 'Weggaan zonder op te slaan?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Annuleren' }).click();
    assert.equal(await page.getByLabel('Bijzonderheden').inputValue(), 'Lichte roodheid na 10 minuten');
    // Saved, it leaves without asking.
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByText('Het behandelverslag is als concept opgeslagen.').waitFor();
    await page.getByRole('link', { name: /^← Terug naar/ }).click();
    await page.waitForURL(`**/trajectories/${trajectory.id}`);
    await page.context().close();
  });
});
