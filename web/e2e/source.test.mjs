// Static checks of web/: the two catalogues have the same keys, components hold no user-facing
// text, and nothing needs what the server's CSP forbids (inline scripts or styles, innerHTML,
// anything from another origin).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const WEB = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(WEB, 'src');

function files(dir, pattern) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

function catalogueKeys(file) {
  const keys = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s{2}'([A-Za-z0-9_.]+)':/.exec(line);
    if (m) keys.push(m[1]);
  }
  return keys;
}

/** The source without comments, keeping line breaks. */
function code(file) {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

test('the Dutch and English catalogues have the same keys, each once', () => {
  const nl = catalogueKeys(join(SRC, 'i18n', 'nl.ts'));
  const en = catalogueKeys(join(SRC, 'i18n', 'en.ts'));
  assert.ok(nl.length > 100, `found ${nl.length} keys in nl.ts`);
  assert.deepEqual(nl.filter((k, i) => nl.indexOf(k) !== i), [], 'duplicate keys in nl.ts');
  assert.deepEqual(en.filter((k, i) => en.indexOf(k) !== i), [], 'duplicate keys in en.ts');
  assert.deepEqual([...en].sort(), [...nl].sort());
});

test('components hold no user-facing text: every string comes from the catalogues', () => {
  const found = [];
  for (const file of files(SRC, /\.tsx$/)) {
    const text = code(file);
    // Text between tags: >Opslaan<
    for (const m of text.matchAll(/(?<!=)>([^<>{}()=;]*[A-Za-zÀ-ÿ]{2,}[^<>{}()=;]*)</g)) {
      found.push(`${relative(WEB, file)}: >${m[1].trim()}<`);
    }
    // Text attributes people see or hear.
    for (const m of text.matchAll(/\b(alt|title|placeholder|aria-label|label)="([^"]*[A-Za-zÀ-ÿ][^"]*)"/g)) {
      found.push(`${relative(WEB, file)}: ${m[1]}="${m[2]}"`);
    }
  }
  assert.deepEqual(found, []);
});

test('R-SEC-1: nothing that the CSP forbids: no style attributes, innerHTML, eval or other origins', () => {
  const found = [];
  for (const file of files(SRC, /\.(tsx?|css)$/)) {
    const text = code(file);
    const rel = relative(WEB, file);
    if (/\bstyle=\{/.test(text)) found.push(`${rel}: style attribute`);
    if (/dangerouslySetInnerHTML|\.innerHTML|outerHTML|insertAdjacentHTML/.test(text)) found.push(`${rel}: HTML from strings`);
    if (/\beval\(|new Function\(/.test(text)) found.push(`${rel}: eval`);
    if (/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(text)) found.push(`${rel}: a URL of another origin`);
    if (/@import\s+url|fonts\.googleapis/.test(text)) found.push(`${rel}: external CSS`);
  }
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1].trim()) found.push('index.html: inline script');
  }
  if (/<style\b|\bstyle=/.test(html)) found.push('index.html: inline style');
  assert.deepEqual(found, []);
});

test('every form gets its values, errors, focus and submit from the one form hook (ui/useForm.ts)', () => {
  const found = [];
  for (const file of files(SRC, /\.tsx$/)) {
    const text = code(file);
    const rel = relative(WEB, file);
    // A search box is a form only for the Enter key: it sends nothing.
    const forms = [...text.matchAll(/<form\b[^>]*>/g)].filter((m) => !/role="search"/.test(m[0]));
    if (forms.length && !/\buseForm[<(]/.test(text)) found.push(`${rel}: a <form> without useForm`);
    if (/\bfieldErrorText\(/.test(text) && !/\buseForm[<(]/.test(text)) found.push(`${rel}: maps a problem to a field itself`);
    if (/\bsetBusy\(/.test(text)) found.push(`${rel}: its own busy state`);
  }
  assert.deepEqual(found, []);
});

/** The opening tags of the field components of ui/controls.tsx in a source: {name, attrs, bound}. */
function fieldTags(text) {
  const out = [];
  for (const m of text.matchAll(/<(TextField|TextAreaField|SelectField|CheckboxField|RadioGroup)\b/g)) {
    // To the `>` that ends the tag: not one inside {…} (an arrow, a comparison) or a quoted value.
    let depth = 0;
    let quote = null;
    let top = ''; // the tag without what stands in braces or quotes: the attributes' names
    let end = -1;
    for (let i = m.index + m[0].length; i < text.length && end < 0; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (depth === 0 && (ch === '"' || ch === "'")) quote = ch;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === '>' && depth === 0) end = i;
      else if (depth === 0) top += ch;
    }
    assert.ok(end > 0, `an unterminated <${m[1]}`);
    const tag = text.slice(m.index, end + 1);
    const attrs = [...top.matchAll(/([A-Za-z][\w-]*)=/g)].map((a) => a[1]);
    out.push({ name: m[1], attrs, bound: /\{\.\.\.(form\.)?bind\(/.test(tag) });
  }
  return out;
}

test('every field of a form is bound with form.bind: its value, error, change and focus are not wired by hand', () => {
  const found = [];
  let bound = 0;
  for (const file of files(SRC, /\.tsx$/)) {
    const text = code(file);
    if (!/\buseForm[<(]/.test(text)) continue;
    for (const { name, attrs, bound: isBound } of fieldTags(text)) {
      const where = `${relative(WEB, file)}: <${name}>`;
      if (isBound) bound++;
      else found.push(`${where} without {...form.bind(name)}`);
      for (const attr of ['value', 'checked', 'error', 'onChange', 'onValue', 'firstRef']) {
        if (attrs.includes(attr)) found.push(`${where} sets ${attr}= by hand`);
      }
    }
  }
  assert.deepEqual(found, []);
  assert.ok(bound >= 40, `only ${bound} bound fields found: does the check still see the forms?`);
});

test('no source file over 300 lines (the generated API types and the catalogues aside)', () => {
  const exempt = new Set(['api/schema.d.ts', 'i18n/nl.ts', 'i18n/en.ts']);
  const found = [];
  for (const file of files(SRC, /\.(tsx?|css)$/)) {
    const rel = relative(SRC, file);
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    if (!exempt.has(rel) && lines > 300) found.push(`${rel}: ${lines} lines`);
  }
  assert.deepEqual(found, []);
});

test('each stylesheet sits beside what it styles and is imported', () => {
  const imported = new Set();
  for (const file of files(SRC, /\.tsx?$/)) {
    for (const m of code(file).matchAll(/^import '(\.[^']+\.css)';$/gm)) imported.add(join(file, '..', m[1]));
  }
  const found = files(SRC, /\.css$/).filter((f) => !imported.has(f)).map((f) => `${relative(WEB, f)}: imported nowhere`);
  assert.deepEqual(found, []);
});

test('the API types are generated from api/openapi.yaml and up to date', () => {
  const bin = join(WEB, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  const r = spawnSync(process.execPath, [bin, join(WEB, '..', 'api', 'openapi.yaml')], { encoding: 'utf8', cwd: WEB });
  assert.equal(r.status, 0, r.stderr);
  const committed = readFileSync(join(SRC, 'api', 'schema.d.ts'), 'utf8');
  assert.ok(r.stdout === committed, 'web/src/api/schema.d.ts is stale: run `npm run gen:api` in web/ and commit it');
});
