// Checks every exchange the API tests make against api/openapi.yaml: the path and method must be
// in the document, the status documented, and the headers and JSON body valid (ajv, draft 2020).
// Nothing the document lacks is passed over: a path, method, status, media type, header schema or
// $ref that is not there fails the exchange with a message that names it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

export const SPEC_PATH = fileURLToPath(new URL('../../../api/openapi.yaml', import.meta.url));
const SPEC_ID = 'huidig-openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let cached;

/** The parsed OpenAPI document and an ajv instance that knows it. */
export function loadSpec() {
  if (cached) return cached;
  const spec = YAML.parse(readFileSync(SPEC_PATH, 'utf8'), { uniqueKeys: true });
  // strict:false because the OpenAPI document around the schemas has non-schema keys.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(spec, SPEC_ID);
  const routes = [];
  for (const [template, item] of Object.entries(spec.paths ?? {})) {
    const names = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (m) {
          names.push(m[1]);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    routes.push({ template, item, names, regex: new RegExp(`^${source}$`) });
  }
  // Literal paths win over templated ones (as OpenAPI says).
  routes.sort((a, b) => a.names.length - b.names.length);
  cached = { spec, ajv, routes, validators: new Map() };
  return cached;
}

function deref(obj) {
  const { spec } = loadSpec();
  let cur = obj;
  const seen = new Set();
  while (cur && typeof cur.$ref === 'string') {
    if (!cur.$ref.startsWith('#/')) throw new Error(`OpenAPI: $ref ${cur.$ref} is not a reference into api/openapi.yaml`);
    if (seen.has(cur.$ref)) throw new Error(`circular $ref ${cur.$ref}`);
    seen.add(cur.$ref);
    cur = cur.$ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o, k) => (o == null ? undefined : o[k]), spec);
  }
  if (cur === undefined) throw new Error(`OpenAPI: unresolved $ref ${obj.$ref} in api/openapi.yaml`);
  return cur;
}

/** A validator for the schema at a JSON pointer (e.g. "/components/schemas/Client"). */
export function validatorAt(pointer) {
  const { ajv, validators } = loadSpec();
  let v = validators.get(pointer);
  if (!v) {
    v = ajv.getSchema(`${SPEC_ID}#${pointer}`);
    if (!v) throw new Error(`OpenAPI: no schema at ${pointer} in api/openapi.yaml`);
    validators.set(pointer, v);
  }
  return v;
}

function pointerOf(pathSegments) {
  return `/${pathSegments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

function formatErrors(errors) {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}

/** Finds the operation for METHOD and a URL path (query string ignored); throws if there is none. */
export function findOperation(method, pathname) {
  const { routes } = loadSpec();
  const m = method.toLowerCase();
  if (!METHODS.includes(m)) throw new Error(`OpenAPI: ${method} is not an HTTP method an OpenAPI document can describe`);
  const path = pathname.split('?')[0];
  for (const route of routes) {
    const match = route.regex.exec(path);
    if (!match) continue;
    const op = route.item[m];
    if (!op) {
      throw new Error(`OpenAPI: ${method.toUpperCase()} ${route.template} is not in api/openapi.yaml`);
    }
    const params = {};
    route.names.forEach((n, i) => {
      params[n] = decodeURIComponent(match[i + 1]);
    });
    return { template: route.template, method: m, op, pathItem: route.item, params };
  }
  throw new Error(`OpenAPI: no path in api/openapi.yaml matches ${method.toUpperCase()} ${path}`);
}

function mediaType(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Checks a request body the test means to be valid against the operation's request schema. */
export function checkRequest({ method, path, contentType, body }) {
  const found = findOperation(method, path);
  const where = `${method.toUpperCase()} ${found.template}`;
  const rb = found.op.requestBody ? deref(found.op.requestBody) : undefined;
  if (body === undefined) {
    if (rb?.required) throw new Error(`OpenAPI: ${where} requires a request body`);
    return found;
  }
  if (!rb) throw new Error(`OpenAPI: ${where} documents no request body`);
  const mt = mediaType(contentType);
  if (!rb.content?.[mt]) {
    throw new Error(`OpenAPI: ${where} documents no request body of type ${mt}`);
  }
  const ptr = pointerOf(['paths', found.template, found.method, 'requestBody', 'content', mt, 'schema']);
  const schemaHolder = found.op.requestBody.$ref
    ? `${found.op.requestBody.$ref.slice(1)}/content/${mt.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`
    : ptr;
  const v = validatorAt(schemaHolder);
  if (!v(body)) {
    throw new Error(`OpenAPI: request body of ${where} does not match the spec: ${formatErrors(v.errors)}\n${JSON.stringify(body)}`);
  }
  return found;
}

/**
 * The documented response of an operation for a status (exact, then 4XX-style, then default):
 * {key, response (dereferenced), base (its JSON pointer)}. Throws if the status is not documented.
 */
export function documentedResponse(found, status, text) {
  const where = `${found.method.toUpperCase()} ${found.template}`;
  const responses = found.op.responses ?? {};
  let key = String(status);
  if (!responses[key]) key = `${String(status)[0]}XX`;
  if (!responses[key]) key = 'default';
  if (!responses[key]) {
    throw new Error(
      `OpenAPI: ${where} answered ${status}, which api/openapi.yaml does not document ` +
        `(documented: ${Object.keys(responses).join(', ') || 'none'})${text === undefined ? '' : `\nbody: ${truncate(text)}`}`,
    );
  }
  const response = deref(responses[key]);
  const base = responses[key].$ref
    ? responses[key].$ref.slice(1)
    : pointerOf(['paths', found.template, found.method, 'responses', key]);
  return { key, response, base, viaRef: Boolean(responses[key].$ref) };
}

/**
 * Checks a response: status documented; content type and JSON body valid; documented required
 * headers present and valid. `headers` is a Headers-like object (get, getSetCookie).
 * Throws an Error that says what disagrees.
 */
export function checkResponse({ method, path, status, headers, text, json }) {
  const found = findOperation(method, path);
  const where = `${method.toUpperCase()} ${found.template}`;
  const { key, response, base, viaRef } = documentedResponse(found, status, text);

  for (const [name, h0] of Object.entries(response.headers ?? {})) {
    const h = deref(h0);
    if (!h.schema) throw new Error(`OpenAPI: ${where} ${status} documents the header ${name} without a schema`);
    let values;
    if (name.toLowerCase() === 'set-cookie') {
      if (typeof headers.getSetCookie !== 'function') {
        throw new Error(`OpenAPI: ${where} ${status}: the headers given cannot list Set-Cookie (no getSetCookie)`);
      }
      values = headers.getSetCookie();
    } else {
      const value = headers.get(name);
      values = value === null || value === undefined ? [] : [value];
    }
    if (values.length === 0) {
      if (h.required) throw new Error(`OpenAPI: ${where} ${status} lacks the documented header ${name}`);
      continue;
    }
    const hs = deref(h.schema);
    const headerPtr = viaRef
      ? `${base}/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`
      : pointerOf(['paths', found.template, found.method, 'responses', key, 'headers', name]);
    const holder = h0.$ref ? `${h0.$ref.slice(1)}/schema` : `${headerPtr}/schema`;
    const v = validatorAt(holder);
    for (const value of values) {
      const candidate = hs.type === 'integer' || hs.type === 'number' ? Number(value) : value;
      if (!v(candidate)) {
        throw new Error(`OpenAPI: header ${name} of ${where} ${status} is invalid (${value}): ${formatErrors(v.errors)}`);
      }
    }
  }

  const content = response.content;
  const mt = mediaType(headers.get('content-type'));
  if (!content || Object.keys(content).length === 0) {
    if (text && text.length > 0) {
      throw new Error(`OpenAPI: ${where} ${status} documents no body but got: ${truncate(text)}`);
    }
    return found;
  }
  if (!content[mt]) {
    throw new Error(
      `OpenAPI: ${where} ${status} answered Content-Type "${headers.get('content-type')}", ` +
        `documented: ${Object.keys(content).join(', ')}\nbody: ${truncate(text)}`,
    );
  }
  if (!content[mt].schema) throw new Error(`OpenAPI: ${where} ${status} documents ${mt} without a schema`);
  // Binary media (images) are checked by type only; their bytes are the tests' business.
  if (deref(content[mt].schema).format === 'binary') return found;
  if (json === undefined) {
    throw new Error(`OpenAPI: ${where} ${status} body is not JSON: ${truncate(text)}`);
  }
  const holder = `${base}/content/${mt.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
  const v = validatorAt(holder);
  if (!v(json)) {
    throw new Error(
      `OpenAPI: ${where} ${status} body does not match the spec: ${formatErrors(v.errors)}\nbody: ${truncate(text)}`,
    );
  }
  return found;
}

function truncate(text, n = 600) {
  if (text === undefined || text === null) return '';
  return text.length > n ? `${text.slice(0, n)}…` : text;
}
