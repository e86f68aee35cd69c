// Login, a wrong password, logout, the language switch, and idle expiry with the login dialog
// over a half-filled form (R-SEC-1), against the real server with a demo practice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, LAPTOP, TABLET, checkScreen, launch, loginAs, newPage, startApp } from './lib/harness.mjs';

describe('login', () => {
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

  test('R-SEC-1: a wrong password gets a clear message; the right one opens the client list', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await page.goto('/');
    await page.waitForURL('**/login');
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor());
    await checkScreen(page, 'login-tablet');

    await page.getByLabel('E-mailadres').fill(DEMO.practitioner);
    await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-password', 'the password field has the focus');
    await checkScreen(page, 'login-wrong-password');

    await page.getByLabel('Wachtwoord').fill(app.password(DEMO.practitioner));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/clients');
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await page.getByRole('list', { name: 'Gevonden cliënten' }).waitFor();
    await checkScreen(page, 'clients-tablet');
    await page.context().close();
  });

  test('logout returns to the login page, and the list is gone', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await loginAs(page, app, DEMO.owner);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/login');
    await page.getByText('U bent uitgelogd.').waitFor();
    await page.goto('/clients');
    await page.waitForURL('**/login');
    assert.equal(await page.getByRole('list', { name: 'Gevonden cliënten' }).count(), 0);
    await checkScreen(page, 'login-after-logout');
    await page.context().close();
  });

  test('the language switch changes every text and is remembered', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // An error from the API in English too.
    await page.getByLabel('Email address').fill(DEMO.assistant);
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('The email address or the password is not correct.').waitFor();
    await checkScreen(page, 'login-english');

    await page.getByLabel('Password').fill(app.password(DEMO.assistant));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await checkScreen(page, 'clients-english');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('huidig.lang')), 'nl');
    await page.context().close();
  });

  test('R-SEC-1: after the session ends, a login dialog covers the form and keeps what was typed', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await loginAs(page, app, DEMO.assistant);
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await page.getByLabel('Voornaam').fill('Sanne');
    await page.getByLabel('Achternaam').fill('Verlopen');
    await page.getByRole('textbox', { name: 'Geboortedatum' }).fill('02-03-1991');
    await page.getByLabel('Telefoonnummer').fill('06 11122233');

    // The server forgets the session (as after 30 idle minutes).
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Cliënt opslaan' }).click();

    const dialog = page.getByRole('dialog', { name: 'Uw sessie is verlopen' });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('E-mailadres').inputValue(), DEMO.assistant);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'relogin-password');
    // The form underneath is still there, with its values, but out of reach.
    assert.equal(await page.locator('#given_name').inputValue(), 'Sanne');
    await assert.rejects(page.locator('#given_name').click({ timeout: 500 }), 'the page underneath is inert');
    await checkScreen(page, 'session-expired-dialog');

    await dialog.getByLabel('Wachtwoord').fill(app.password(DEMO.assistant));
    await dialog.getByRole('button', { name: 'Inloggen en verdergaan' }).click();
    // The save goes on by itself after the login.
    await page.getByRole('heading', { level: 1, name: 'Sanne Verlopen' }).waitFor();
    await page.getByText('De cliënt is opgeslagen.').waitFor();
    assert.equal(await dialog.isVisible(), false);
    await page.context().close();
  });
});
