// A small API client for the benchmarks: plain Node 20 fetch, no npm packages (the test
// client in tests/api/lib/ checks every exchange against the OpenAPI document, which costs
// more than the server does when 100,000 clients are created).

/** A logged-in session: the cookie, the CSRF token and /me. fetch keeps connections alive. */
export class Api {
  constructor(url, { cookie, csrf } = {}) {
    this.url = url.replace(/\/$/, '');
    this.cookie = cookie ?? null;
    this.csrf = csrf ?? null;
    this.me = null;
  }

  /** Logs in (when no cookie was given) and reads /me for the CSRF token and the locations. */
  static async open(url, { email, password, cookie } = {}) {
    const api = new Api(url, { cookie });
    if (!api.cookie) {
      const res = await fetch(`${api.url}/api/v1/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${text}`);
      const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
      api.cookie = set.join('; ');
    }
    api.me = await api.must('GET', '/api/v1/me', {}, 200);
    api.csrf = api.me.csrf_token;
    if (api.me.password_change_required || api.me.totp_enrolment_required)
      throw new Error(`${api.me.email}: the account must first change its password or enrol TOTP`);
    return api;
  }

  /** One request; returns {status, json, text, ms}. */
  async request(method, path, { json, body, contentType, query } = {}) {
    const headers = {};
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    if (json !== undefined) {
      body = JSON.stringify(json);
      contentType ??= 'application/json';
    }
    if (contentType) headers['Content-Type'] = contentType;
    let url = `${this.url}${path}`;
    if (query) url += `?${new URLSearchParams(query)}`;
    let t0 = performance.now();
    let res;
    try {
      res = await fetch(url, { method, headers, body });
    } catch (err) {
      // A kept-alive connection the server closed while it was idle (after its
      // header_timeout_seconds, e.g. while wrk ran): the request never reached it; once more.
      if (err?.cause?.code !== 'UND_ERR_SOCKET' && err?.cause?.code !== 'ECONNRESET') throw err;
      t0 = performance.now();
      res = await fetch(url, { method, headers, body });
    }
    const text = await res.text();
    const ms = performance.now() - t0;
    let parsed;
    if (/json/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: res.status, json: parsed, text, ms, headers: res.headers };
  }

  /** A request that must answer `status`; returns the JSON body. */
  async must(method, path, options, status) {
    const res = await this.request(method, path, options);
    if (res.status !== status) {
      throw new Error(`${method} ${path} answered ${res.status} (expected ${status}): ${res.text.slice(0, 600)}`);
    }
    return res.json;
  }
}

/** Median and other quantiles of a list of numbers (nearest rank). */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Parses `--name value` pairs; returns an object. */
export function args(argv = process.argv.slice(2)) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) out[a.slice(2)] = argv[++i];
    else out._.push(a);
  }
  return out;
}
