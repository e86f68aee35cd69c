// A new practice (`huidig init`): the owner logs in with the one-time password, chooses a password,
// enrols TOTP from the QR screen, logs out and logs in again with a TOTP code (R-SEC-1).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { currentStep, stepWithRoom, totpCode } from '../../tests/api/lib/totp.mjs';
import { LAPTOP, TABLET, checkScreen, launch, newPage, startApp } from './lib/harness.mjs';

const OWNER = 'eigenaar@huidkliniek-e2e.example';
const NEW_PASSWORD = 'lavendel-zonnebloem-73';

describe('TOTP', () => {
  let app;
  let browser;

  before(async () => {
    app = await startApp({ kind: 'init', practice: 'Huidkliniek Zonlicht', owner: OWNER });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('R-SEC-1: a new owner changes the one-time password, enrols TOTP by QR code and logs in with a code', async () => {
    const page = await newPage(browser, app, { viewport: TABLET });
    await page.goto('/');
    await page.locator('#login-email').fill(OWNER);
    await page.locator('#login-password').fill(app.password(OWNER));
    await page.getByRole('button', { name: 'Inloggen' }).click();

    // 1. The one-time password must go first.
    await page.getByRole('heading', { level: 1, name: 'Kies een eigen wachtwoord' }).waitFor();
    await checkScreen(page, 'password-change');
    await page.getByLabel('Eenmalig (huidig) wachtwoord').fill(app.password(OWNER));
    await page.getByLabel('Nieuw wachtwoord', { exact: false }).first().fill('kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Kies een wachtwoord van minstens 8 tekens.').waitFor();
    assert.equal(await page.locator('#new_password').getAttribute('aria-invalid'), 'true');
    // A common password is refused by the server, next to the field it names.
    await page.locator('#new_password').fill('wachtwoord');
    await page.locator('#repeat').fill('wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Dit wachtwoord wordt te vaak gebruikt. Kies een ander.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new_password');
    await checkScreen(page, 'password-change-refused');
    await page.locator('#new_password').fill(NEW_PASSWORD);
    await page.locator('#repeat').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

    // 2. TOTP enrolment: the QR code is an <img> with an SVG data: URI; the key is shown too.
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    const qr = page.getByRole('img', { name: /QR-code/ });
    await qr.waitFor();
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR image renders');
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    await checkScreen(page, 'totp-enrol');

    let step = await stepWithRoom(12);
    await page.getByLabel('Code van 6 cijfers').fill(wrong(secret, step));
    await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    await page.getByText('Deze code klopt niet.', { exact: false }).waitFor();
    assert.equal(await page.locator('#code').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, { step }));
    await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await page.getByText('Er zijn nog geen cliënten.').waitFor();
    await checkScreen(page, 'clients-empty');

    // 3. Log out, and in again: password, then the TOTP step.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/login');
    await page.context().close();

    const again = await newPage(browser, app, { viewport: LAPTOP });
    await again.goto('/login');
    await again.locator('#login-email').fill(OWNER);
    await again.locator('#login-password').fill(NEW_PASSWORD);
    await again.getByRole('button', { name: 'Inloggen' }).click();
    await again.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();
    assert.equal(await again.evaluate(() => document.activeElement?.id), 'login-code');
    await checkScreen(again, 'login-totp-step');

    // The code used for the enrolment is spent (used once only): refused.
    const spent = totpCode(secret, { step });
    await again.locator('#login-code').fill(spent);
    await again.getByRole('button', { name: 'Bevestigen' }).click();
    await again.getByText('Deze code klopt niet of is al gebruikt.', { exact: false }).waitFor();
    await checkScreen(again, 'login-totp-refused');

    // A fresh code (the next step, inside the server's ±1 window) opens the app.
    step = currentStep() > step ? currentStep() : step + 1;
    await again.locator('#login-code').fill(totpCode(secret, { step }));
    await again.getByRole('button', { name: 'Bevestigen' }).click();
    await again.waitForURL('**/clients');
    await again.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await again.getByText('Huidkliniek Zonlicht').waitFor();
    await again.context().close();
  });
});

/** A 6-digit code that is none of the valid codes around `step`. */
function wrong(secret, step) {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totpCode(secret, { step, offset })));
  for (let n = 0; ; n++) {
    const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
