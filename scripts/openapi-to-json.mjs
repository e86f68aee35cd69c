#!/usr/bin/env node
// Converts the OpenAPI document from YAML to JSON: node scripts/openapi-to-json.mjs IN.yaml OUT.json
// The build embeds OUT.json in the binary, which serves it at /api/v1/openapi.json.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import YAML from 'yaml';

function fail(message) {
  process.stderr.write(`openapi-to-json: ${message}\n`);
  process.exit(1);
}

const [input, output] = process.argv.slice(2);
if (!input || !output || process.argv.length !== 4) {
  fail('usage: node scripts/openapi-to-json.mjs IN.yaml OUT.json');
}

let text;
try {
  text = readFileSync(input, 'utf8');
} catch (err) {
  fail(`cannot read ${input}: ${err.message}`);
}

// YAML 1.2 core schema: `no` and `on` stay strings; duplicate keys are errors.
const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
if (doc.errors.length > 0) {
  fail(`${input}: ${doc.errors.map((e) => e.message).join('\n')}`);
}
if (doc.warnings.length > 0) {
  fail(`${input}: ${doc.warnings.map((e) => e.message).join('\n')}`);
}
const spec = doc.toJS({ maxAliasCount: -1 });
if (spec === null || typeof spec !== 'object' || typeof spec.openapi !== 'string' ||
    !spec.openapi.startsWith('3.1.') || typeof spec.paths !== 'object') {
  fail(`${input}: not an OpenAPI 3.1 document (needs "openapi: 3.1.x" and "paths")`);
}

// Write to a temporary file first so a failed run never leaves half a document behind.
mkdirSync(dirname(output), { recursive: true });
const tmp = `${output}.tmp-${process.pid}`;
writeFileSync(tmp, `${JSON.stringify(spec, null, 2)}\n`);
renameSync(tmp, output);
