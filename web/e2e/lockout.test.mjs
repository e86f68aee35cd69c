// Failed logins slowed and then locked (R-SEC-1): the login screen says so, with the wait time
// from `retry_after`, in the user's language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, LAPTOP, TABLET, checkScreen, launch, newPage, startApp } from './lib/harness.mjs';

async function tryLogin(page, email, password) {
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-password').press('Enter');
}

describe('lock-out', () => {
  let app;
  let browser;

  before(async () => {
    // Locked after 3 failures for 15 minutes; no slowing before that.
    app = await startApp({ kind: 'demo', toml: { 'login.slow_after': 10, 'login.lock_after': 3, 'login.lock_minutes': 15 } });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-SEC-1: after too many wrong passwords the account is locked, and the screen says how long', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await page.goto('/login');
    for (let i = 0; i < 3; i++) {
      const answered = page.waitForResponse('**/api/v1/login');
      await tryLogin(page, DEMO.practitioner, `fout-wachtwoord-${i}`);
      assert.equal((await answered).status(), 401);
      await page.getByRole('alert').getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    }
    // Locked: even the right password is refused now.
    const answered = page.waitForResponse('**/api/v1/login');
    await tryLogin(page, DEMO.practitioner, app.password(DEMO.practitioner));
    assert.equal((await answered).status(), 429);
    const alert = page.getByRole('alert');
    await alert.getByText('Dit account is tijdelijk geblokkeerd').waitFor();
    const text = await alert.innerText();
    assert.match(text, /Probeer het over 15 minuten opnieuw, vanaf \d{2}:\d{2}\./);
    assert.equal(page.url(), `${app.url}/login`);
    await checkScreen(page, 'login-locked');

    // In English, the same refusal reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await tryLogin(page, DEMO.practitioner, app.password(DEMO.practitioner));
    await page.getByRole('alert').getByText('This account is locked for now').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Try again in 15 minutes, from \d{2}:\d{2}\./);
    await checkScreen(page, 'login-locked-english');
    await page.context().close();
  });

  test('R-SEC-1: an unknown account is locked the same way', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await page.goto('/login');
    for (let i = 0; i < 4; i++) {
      const answered = page.waitForResponse('**/api/v1/login');
      await tryLogin(page, 'niemand@demo.example', `fout-${i}-wachtwoord`);
      assert.equal((await answered).status(), i < 3 ? 401 : 429);
    }
    await page.getByRole('alert').getByText('Dit account is tijdelijk geblokkeerd').waitFor();
    await page.context().close();
  });
});

describe('slowing down', () => {
  let app;
  let browser;

  before(async () => {
    app = await startApp({ kind: 'demo', toml: { 'login.slow_after': 1, 'login.lock_after': 10 } });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-SEC-1: a throttled login says how many seconds to wait, then works again', async () => {
    const page = await newPage(browser, app, { viewport: LAPTOP });
    await page.goto('/login');
    await tryLogin(page, DEMO.owner, 'fout-wachtwoord-1');
    await page.getByRole('alert').getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    await tryLogin(page, DEMO.owner, app.password(DEMO.owner));
    await page.getByRole('alert').getByText('Te veel mislukte pogingen').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Wacht 1 seconde|Wacht \d+ seconden/);
    await checkScreen(page, 'login-throttled');
    // The button comes back by itself when the wait is over.
    const button = page.getByRole('button', { name: 'Inloggen' });
    await page.waitForFunction(() => !document.querySelector('.login-form button[type=submit]')?.disabled, null, {
      timeout: 10_000,
    });
    await button.click();
    await page.waitForURL('**/clients');
    await page.context().close();
  });
});
