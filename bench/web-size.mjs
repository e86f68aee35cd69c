#!/usr/bin/env node
// The web app's first load: the gzip size (node:zlib, level 9) of the JS and CSS that
// web/dist/index.html loads, and what those import statically. Budget: 250 KB (issue 4).
// Run after `npm run build` in web/: node bench/web-size.mjs [web/dist]. Always exits 0.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(repo, 'web', 'dist'));
const indexPath = join(dist, 'index.html');

if (!existsSync(indexPath)) {
  console.log(`web-size: no ${relative(repo, indexPath)}; run \`npm ci && npm run build\` in web/ first`);
  process.exit(0);
}

/** A URL path of the app ('/assets/x.js') as a file under dist. */
function fileOf(urlPath) {
  const clean = urlPath.split(/[?#]/)[0];
  return normalize(join(dist, clean.startsWith('/') ? clean.slice(1) : clean));
}

const html = readFileSync(indexPath, 'utf8');
const queue = [];
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) queue.push(fileOf(m[1]));
for (const m of html.matchAll(/<link\b[^>]*>/g)) {
  const tag = m[0];
  const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (href && /\brel="(stylesheet|modulepreload)"/.test(tag)) queue.push(fileOf(href));
}

const seen = new Map(); // file -> {raw, gzip}
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file) || !existsSync(file)) continue;
  const bytes = readFileSync(file);
  seen.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  if (file.endsWith('.js')) {
    // Static imports only: `import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`.
    const text = bytes.toString('utf8');
    for (const m of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(m[1].startsWith('/') ? fileOf(m[1]) : normalize(join(dirname(file), m[1])));
    }
  }
  if (file.endsWith('.css')) {
    for (const m of bytes.toString('utf8').matchAll(/@import\s+(?:url\()?["']?([^"')]+)["']?\)?/g)) {
      queue.push(normalize(join(dirname(file), m[1])));
    }
  }
}

let js = 0;
let css = 0;
let raw = 0;
for (const [file, size] of seen) {
  raw += size.raw;
  if (file.endsWith('.css')) css += size.gzip;
  else js += size.gzip;
}
const total = js + css;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(
  `web-size: first load ${kb(total)} gzip (JS ${kb(js)}, CSS ${kb(css)}; ${seen.size} files, ${kb(raw)} raw) — ` +
    `${verdict} the 250 KB budget`,
);
process.exit(0);
