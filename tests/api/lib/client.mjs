// A small API client for the tests: cookie jar, CSRF header, Accept-Language, and every exchange
// checked against api/openapi.yaml (lib/openapi.mjs).
import https from 'node:https';
import { checkRequest, checkResponse } from './openapi.mjs';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Parses one Set-Cookie header into {name, value, attributes (lower-case keys), raw}. */
export function parseSetCookie(raw) {
  const [pair, ...attrs] = raw.split(';');
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const attributes = {};
  for (const a of attrs) {
    const i = a.indexOf('=');
    const key = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    if (!key) continue;
    attributes[key] = i < 0 ? true : a.slice(i + 1).trim();
  }
  return { name, value, attributes, raw };
}

function expired(cookie) {
  const { attributes, value } = cookie;
  if (value === '' || value === '""') return true;
  if (attributes['max-age'] !== undefined && Number(attributes['max-age']) <= 0) return true;
  if (attributes.expires && Date.parse(attributes.expires) <= Date.now()) return true;
  return false;
}

/** fetch() does not take a CA; HTTPS goes through node:https and looks like a fetch Response. */
function httpsFetch(url, { method, headers, body }, tls) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method, headers, ca: tls.ca, rejectUnauthorized: tls.rejectUnauthorized ?? true, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const h = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          resolve({ status: res.statusCode, headers: h, buffer: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export class ApiClient {
  /**
   * @param {string} baseUrl e.g. http://127.0.0.1:1234
   * @param {{lang?: string, tls?: {ca?: string|Buffer, rejectUnauthorized?: boolean}}} options
   */
  constructor(baseUrl, { lang, tls } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.lang = lang;
    this.tls = tls;
    this.cookies = new Map();
    this.csrf = null;
    this.me = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /**
   * Sends a request and checks the answer against the OpenAPI document.
   * options:
   *   json      a value sent as application/json (validated against the request schema
   *             unless `invalid: true`, for tests that send bad input on purpose)
   *   body      raw string or Buffer (never validated)
   *   contentType, headers, query (object), lang
   *   csrf      undefined: send the session's token on POST/PUT/PATCH/DELETE; false: send none;
   *             a string: send that
   * Returns {status, headers, text, json, setCookies (parsed), raw: [Set-Cookie strings]}.
   */
  async request(method, path, options = {}) {
    method = method.toUpperCase();
    const { json, query, invalid = false } = options;
    let { body, contentType } = options;
    const headers = { ...(options.headers ?? {}) };
    if (json !== undefined) {
      body = JSON.stringify(json);
      contentType ??= 'application/json';
    }
    if (contentType) headers['Content-Type'] = contentType;
    const lang = options.lang ?? this.lang;
    if (lang) headers['Accept-Language'] = lang;
    if (this.cookies.size) headers.Cookie = this.cookieHeader();
    if (options.csrf === undefined) {
      if (STATE_CHANGING.has(method) && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    } else if (options.csrf !== false) {
      headers['X-CSRF-Token'] = options.csrf;
    }
    let url = `${this.baseUrl}${path}`;
    if (query && Object.keys(query).length) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.append(k, String(v));
      url += `${path.includes('?') ? '&' : '?'}${qs}`;
    }
    if (json !== undefined && !invalid) checkRequest({ method, path, contentType, body: json });

    let status;
    let resHeaders;
    let buffer;
    if (this.baseUrl.startsWith('https:')) {
      ({ status, headers: resHeaders, buffer } = await httpsFetch(url, { method, headers, body }, this.tls ?? {}));
    } else {
      const res = await fetch(url, { method, headers, body, redirect: 'manual' });
      status = res.status;
      resHeaders = res.headers;
      buffer = Buffer.from(await res.arrayBuffer());
    }
    const text = buffer.toString('utf8');
    let parsed;
    const ct = resHeaders.get('content-type') ?? '';
    if (/json/i.test(ct) && text.length) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    const raw = resHeaders.getSetCookie();
    const setCookies = raw.map(parseSetCookie);
    for (const c of setCookies) {
      if (expired(c)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const result = { method, path, status, headers: resHeaders, text, json: parsed, setCookies, raw };
    try {
      checkResponse({ method, path, status, headers: resHeaders, text, json: parsed });
    } catch (err) {
      err.response = result;
      throw err;
    }
    return result;
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, options) {
    return this.request('POST', path, options);
  }

  patch(path, options) {
    return this.request('PATCH', path, options);
  }

  /** POST /api/v1/login; on 200 keeps the CSRF token and the user. */
  async login(email, password, totpCode, options = {}) {
    const json = { email, password };
    if (totpCode !== undefined) json.totp_code = totpCode;
    const res = await this.post('/api/v1/login', { json, ...options });
    if (res.status === 200) {
      this.csrf = res.json.csrf_token;
      this.me = res.json.user;
    }
    return res;
  }

  /** Logs in and fails the test unless it answers 200. */
  async mustLogin(email, password, totpCode) {
    const res = await this.login(email, password, totpCode);
    if (res.status !== 200) {
      throw new Error(`login of ${email} answered ${res.status}: ${res.text}`);
    }
    return res.json.user;
  }

  async logout() {
    const res = await this.post('/api/v1/logout');
    if (res.status === 204) this.csrf = null;
    return res;
  }
}
