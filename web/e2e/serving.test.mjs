// `huidig serve` serves the built app itself: index.html for the app's paths, the hashed
// assets, and the strict security headers (a CSP without inline scripts, nosniff, a referrer
// policy, no framing). No CDN: every script and style comes from the same origin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EXPECTED_CSP, startApp } from './lib/harness.mjs';

function assertSecurityHeaders(res, what) {
  assert.equal(res.headers.get('content-security-policy'), EXPECTED_CSP, `${what}: CSP`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.ok(res.headers.get('referrer-policy'), `${what}: Referrer-Policy`);
}

describe('serving the app', () => {
  let app;

  before(async () => {
    app = await startApp({ kind: 'demo' });
  });

  after(async () => {
    await app?.stop();
  });

  test('R-SEC-1: index.html comes with the strict security headers, for every app path', async () => {
    for (const path of ['/', '/login', '/clients', '/clients/new', '/clients/2f7c2a4e-1b7a-4c1e-9d7e-3a1f0c2b4d5e']) {
      const res = await fetch(`${app.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
      assertSecurityHeaders(res, path);
      const html = await res.text();
      assert.match(html, /<div id="root"><\/div>/, path);
      assert.equal(res.headers.get('set-cookie'), null, `${path}: no cookie for a static file`);
    }
  });

  test('R-SEC-1: the scripts and styles index.html loads come from the same origin, with their types', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1);
    for (const [, attrs, body] of scripts) {
      assert.equal(body.trim(), '', 'no inline script');
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      assert.match(src ?? '', /^\/assets\/[\w.-]+\.js$/);
      const res = await fetch(`${app.url}${src}`);
      assert.equal(res.status, 200, src);
      assert.match(res.headers.get('content-type') ?? '', /^(text|application)\/javascript/, src);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', src);
    }
    const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(styles.length >= 1);
    for (const href of styles) {
      assert.match(href, /^\/assets\/[\w.-]+\.css$/);
      const res = await fetch(`${app.url}${href}`);
      assert.equal(res.status, 200, href);
      assert.match(res.headers.get('content-type') ?? '', /^text\/css/, href);
    }
    assert.doesNotMatch(html, /<style\b|\sstyle="/, 'no inline style');
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'nothing from another origin');
  });

  test('an unknown /api path is still an API answer, not the app', async () => {
    const res = await fetch(`${app.url}/api/v1/no-such-thing`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  });
});
