// api/openapi.yaml is complete and consistent, and the server serves it as /api/v1/openapi.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadSpec, SPEC_PATH, validatorAt } from './lib/openapi.mjs';
import { REPO, startHuidig } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
const PUBLIC = new Set(['GET /api/v1/health', 'GET /api/v1/openapi.json', 'POST /api/v1/login']);

function operations(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      if (item[method]) out.push({ path, method, op: item[method], item });
    }
  }
  return out;
}

function resolve(spec, obj) {
  let cur = obj;
  while (cur?.$ref) cur = cur.$ref.slice(2).split('/').reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return cur;
}

describe('api/openapi.yaml', () => {
  const { spec } = loadSpec();

  test('every $ref resolves and every schema compiles (JSON Schema 2020-12)', () => {
    const refs = [];
    (function walk(node) {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (typeof node.$ref === 'string') refs.push(node.$ref);
        Object.values(node).forEach(walk);
      }
    })(spec);
    for (const ref of refs) assert.ok(resolve(spec, { $ref: ref }) !== undefined, ref);
    for (const name of Object.keys(spec.components.schemas)) validatorAt(`/components/schemas/${name}`);
  });

  test('every operation has an id, documents its errors as problem+json, and has 500', () => {
    const ids = new Set();
    for (const { path, method, op } of operations(spec)) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(op.operationId, `${where} has an operationId`);
      assert.ok(!ids.has(op.operationId), `operationId ${op.operationId} is unique`);
      ids.add(op.operationId);
      assert.ok(op.responses['500'], `${where} documents 500`);
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const content = resolve(spec, r).content ?? {};
        assert.deepEqual(Object.keys(content), ['application/problem+json'], `${where} ${status}`);
      }
    }
  });

  test('R-SEC-1: every operation but health, openapi.json and login needs the session cookie', () => {
    assert.deepEqual(spec.security, [{ sessionCookie: [] }, { sessionCookieTls: [] }]);
    assert.equal(spec.components.securitySchemes.sessionCookie.name, 'huidig_session');
    assert.equal(spec.components.securitySchemes.sessionCookieTls.name, '__Host-huidig_session');
    for (const { path, method, op } of operations(spec)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (PUBLIC.has(key)) {
        assert.deepEqual(op.security, [], `${key} is public`);
      } else {
        assert.equal(op.security, undefined, `${key} uses the document's session security`);
        assert.ok(op.responses['401'], `${key} documents 401`);
      }
    }
  });

  test('R-SEC-1: every state-changing operation but login takes X-CSRF-Token and documents 403 csrf_invalid', () => {
    for (const { path, method, op } of operations(spec)) {
      if (!WRITE_METHODS.includes(method) || path === '/api/v1/login') continue;
      const where = `${method.toUpperCase()} ${path}`;
      const params = (op.parameters ?? []).map((p) => resolve(spec, p));
      assert.ok(params.some((p) => p.in === 'header' && p.name === 'X-CSRF-Token' && p.required), where);
      const forbidden = resolve(spec, op.responses['403']);
      const schema = resolve(spec, forbidden.content['application/problem+json'].schema);
      const codes = JSON.stringify(schema);
      assert.ok(codes.includes('csrf_invalid'), `${where} 403 includes csrf_invalid`);
    }
  });

  test('R-SEC-4: request bodies are closed (additionalProperties: false) JSON and document 400, 413, 415, 422', () => {
    for (const { path, method, op } of operations(spec)) {
      if (!op.requestBody) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const body = resolve(spec, op.requestBody);
      // A photo upload is the one raw body: images only, binary.
      if (Object.keys(body.content).every((t) => t.startsWith('image/') || t === 'application/octet-stream')) {
        for (const status of ['413', '415', '422']) assert.ok(op.responses[status], `${where} documents ${status}`);
        continue;
      }
      assert.deepEqual(Object.keys(body.content), ['application/json'], where);
      const schema = resolve(spec, body.content['application/json'].schema);
      assert.equal(schema.additionalProperties, false, `${where} request body is closed`);
      for (const status of ['400', '413', '415', '422']) assert.ok(op.responses[status], `${where} documents ${status}`);
    }
  });

  test('R-DOS-4: no schema has a bsn property', () => {
    assert.ok(!/"bsn"/i.test(JSON.stringify(spec.components.schemas)));
  });

  test('scripts/openapi-to-json.mjs writes the same document as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huidig-openapi-'));
    try {
      const out = join(dir, 'sub', 'openapi.json');
      const r = spawnSync(process.execPath, [join(REPO, 'scripts/openapi-to-json.mjs'), SPEC_PATH, out], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), spec);
      const bad = spawnSync(process.execPath, [join(REPO, 'scripts/openapi-to-json.mjs'), join(dir, 'missing.yaml'), out], {
        encoding: 'utf8',
      });
      assert.notEqual(bad.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the server serves the document', () => {
  let h;

  before(async () => {
    h = await startHuidig();
  });

  after(async () => {
    await h?.stop();
  });

  test('GET /api/v1/openapi.json without a session answers api/openapi.yaml as JSON', async () => {
    const res = await h.client().get('/api/v1/openapi.json');
    const served = expectStatus(res, 200);
    assert.deepEqual(served, loadSpec().spec, 'the binary embeds the current api/openapi.yaml');
  });
});
