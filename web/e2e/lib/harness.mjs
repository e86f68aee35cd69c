// The browser-test harness: the real `huidig serve` on loopback with a fresh data folder and the
// built app (web/dist, through HUIDIG_WEB_DIR), Debian's Chromium through playwright-core, and
// per screen: axe-core (no serious or critical violation), touch-target sizes, no CSP violation
// or script error, no API call that api/openapi.yaml lacks, and a screenshot in build/screenshots/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { documentedResponse, findOperation } from '../../../tests/api/lib/openapi.mjs';
import { BIN, DEMO, REPO, makeDataDir, serve, setToml } from '../../../tests/api/lib/server.mjs';

export { DEMO, REPO };

const require = createRequire(import.meta.url);
export const WEB_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const SCREENSHOTS = join(REPO, 'build', 'screenshots');

export const TABLET = { width: 768, height: 1024 };
export const LAPTOP = { width: 1280, height: 800 };

const CHROMIUM = process.env.HUIDIG_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The exact policy the server sends with the app (see the issue). */
export const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * A data folder ('demo' or 'init'), optional huidig.toml keys, and `huidig serve` with the built
 * app. Returns {url, dir, accounts, password(email), stop()}.
 */
export async function startApp({ kind = 'demo', toml, practice, owner } = {}) {
  // By default the tests use the app embedded in the binary, as a practice gets it. With
  // HUIDIG_E2E_WEB_DIST=1 they use web/dist (for work on the app without a C++ rebuild).
  if (process.env.HUIDIG_E2E_WEB_DIST) {
    assert.ok(
      existsSync(join(WEB_DIST, 'index.html')),
      `no ${WEB_DIST}index.html: run \`npm ci && npm run build\` in web/ first`,
    );
    process.env.HUIDIG_WEB_DIR = WEB_DIST; // inherited by `huidig serve`
  }
  const data = makeDataDir({ kind, practice, owner });
  if (toml) setToml(data.dir, toml);
  const server = await serve(data.dir);
  const res = await fetch(`${server.url}/`);
  if (res.status !== 200 || !/text\/html/.test(res.headers.get('content-type') ?? '')) {
    await server.stop();
    assert.fail(
      `GET / answered ${res.status} ${res.headers.get('content-type')}: ` +
        'build/huidig serves no web app (was it built with web/ present?)',
    );
  }
  return {
    ...data,
    url: server.url,
    server,
    async stop() {
      await server.stop();
    },
  };
}

/**
 * Fails unless the server under test serves METHOD TEMPLATE (with the query or header parameter
 * PARAM, if given) in its /api/v1/openapi.json: a test that needs it fails, and says why.
 */
export async function assertServes(app, method, template, { param } = {}) {
  const served = await fetch(`${app.url}/api/v1/openapi.json`).then((r) => r.json());
  const where = `${method.toUpperCase()} ${template}`;
  const op = served.paths?.[template]?.[method.toLowerCase()];
  assert.ok(op, `the server under test (${BIN}) has no ${where} in its /api/v1/openapi.json; this test needs it`);
  if (param === undefined) return;
  const resolve = (p) =>
    p.$ref ? p.$ref.slice(2).split('/').reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], served) : p;
  const names = [...(served.paths[template].parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(p)?.name);
  assert.ok(
    names.includes(param),
    `the server under test (${BIN}) takes no ${param} on ${where} (its /api/v1/openapi.json has ${names.join(', ')}); this test needs it`,
  );
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh context and page. The device's zone is UTC on purpose: times must still show in
 * Europe/Amsterdam. Collects console errors (CSP violations among them) and page errors.
 */
export async function newPage(browser, app, { viewport = LAPTOP, locale = 'nl-NL' } = {}) {
  const context = await browser.newContext({
    viewport,
    locale,
    timezoneId: 'UTC',
    hasTouch: viewport.width < 1000,
    baseURL: app.url,
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Refused API calls (401/404/422/429) are logged by Chromium as failed resources: expected.
    if (/Failed to load resource: the server responded with a status of (4\d\d)/.test(text)) return;
    page.problems.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  // Every API call the app makes is an operation of api/openapi.yaml with a documented status;
  // a 404 for a route the document or the server lacks is a problem, not a refused call.
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.origin !== new URL(app.url).origin || !url.pathname.startsWith('/api/')) return;
    try {
      documentedResponse(findOperation(res.request().method(), url.pathname), res.status());
    } catch (err) {
      page.problems.push(`api: ${err.message}`);
    }
  });
  page.setDefaultTimeout(10_000);
  return page;
}

/** No CSP violation, no script error so far. */
export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], `problems in the page:\n${page.problems.join('\n')}`);
}

/** Runs axe-core in the page; fails on serious or critical violations. */
export async function checkA11y(page, name) {
  // page.evaluate runs outside the page's CSP; a <script> tag (addScriptTag) would be refused by
  // script-src 'self', which is exactly what the app must live with.
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad,
    [],
    `${name}: axe found serious or critical violations:\n` +
      bad.map((v) => `- ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`).join('\n'),
  );
  return violations;
}

/** Every visible control is at least 44 by 44 CSS pixels (radios count by their label). */
export async function checkTouchTargets(page, name) {
  const small = await page.evaluate(() => {
    const selector =
      'button, a.button, .tabs__link, .result, .back a, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), select, label.radio';
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest('[hidden], .skip-link, dialog:not([open])')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.height < 44 || r.width < 44) {
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out;
  });
  assert.deepEqual(small, [], `${name}: controls smaller than 44x44 px:\n${small.join('\n')}`);
}

/** The checks every screen gets, then a full-page screenshot build/screenshots/NAME.png. */
export async function checkScreen(page, name) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.fonts?.ready);
  await screenshot(page, name);
  await checkA11y(page, name);
  await checkTouchTargets(page, name);
  assertNoProblems(page);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the login screen (no TOTP) and waits for the client list. */
export async function loginAs(page, app, email, { lang } = {}) {
  await page.goto('/');
  await page.waitForURL('**/login');
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(app.password(email));
  await page.locator('#login-password').press('Enter');
  await page.waitForURL('**/clients');
  await page.getByRole('heading', { level: 1 }).waitFor();
}
