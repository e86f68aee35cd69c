// Malformed HTTP framing is answered once, as problem+json, and the connection is closed: a
// request hidden behind it is never served (RFC 9112 §6.3, R-SEC-4; issue 10, point 6).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startHuidig } from './lib/server.mjs';

// A well-formed request a smuggler would hide behind the malformed one.
const SMUGGLED = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n';
const LOGIN_HEAD = 'POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';

/**
 * Sends BYTES on a new plain connection and collects everything the server sends until it
 * closes the connection (or `waitMs` passes). Returns {text, closedByServer}.
 */
function exchange(url, bytes, { waitMs = 5000 } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), hostname);
    const chunks = [];
    let closedByServer = false;
    const timer = setTimeout(() => s.destroy(), waitMs);
    s.on('data', (d) => chunks.push(d));
    s.on('end', () => {
      closedByServer = true; // the server's FIN
    });
    s.on('error', (err) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') closedByServer = true;
      else reject(err);
    });
    s.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer });
    });
    s.write(bytes);
  });
}

/** Splits the bytes received into responses: [{status, headers (lower-case keys), body}]. */
function parseResponses(text) {
  const out = [];
  let rest = text;
  while (rest.length) {
    const end = rest.indexOf('\r\n\r\n');
    assert.ok(end > 0, `an incomplete response head: ${JSON.stringify(rest)}`);
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3}) /.exec(statusLine);
    assert.ok(m, `a status line: ${JSON.stringify(statusLine)}`);
    const headers = {};
    for (const l of lines) {
      const i = l.indexOf(':');
      headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    out.push({ status: Number(m[1]), headers, body });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

/** Counts the status lines anywhere in the bytes received (also inside a broken response). */
const statusLines = (text) => (text.match(/HTTP\/1\.[01] \d{3} /g) ?? []).length;

describe('malformed HTTP framing (plain server)', () => {
  let h;

  before(async () => {
    h = await startHuidig();
  });

  after(async () => {
    await h?.stop();
  });

  /** Sends BYTES and asserts one problem+json answer with STATUS and CODE, then a close. */
  async function expectRefused(bytes, status, code) {
    const { text, closedByServer } = await exchange(h.url, bytes);
    const what = `${JSON.stringify(bytes.slice(0, 160))} answered ${JSON.stringify(text.slice(0, 400))}`;
    assert.equal(statusLines(text), 1, `exactly one status line; ${what}`);
    const [res] = parseResponses(text);
    assert.equal(res.status, status, what);
    assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/, what);
    assert.equal(res.headers.connection?.toLowerCase(), 'close', `Connection: close; ${what}`);
    const body = JSON.parse(res.body);
    assert.equal(body.code, code, what);
    assert.equal(body.status, status, `the body's status is the HTTP status; ${what}`);
    assert.ok(closedByServer, `the server closes the connection; ${what}`);
    assert.equal(h.server.proc.exitCode, null, 'the server still runs');
    return res;
  }

  test('R-SEC-4: two well-formed pipelined requests are both answered (the control for the cases below)', async () => {
    const { text } = await exchange(h.url, SMUGGLED + SMUGGLED.replace('Host: x', 'Host: x\r\nConnection: close'));
    const responses = parseResponses(text);
    assert.deepEqual(responses.map((r) => r.status), [200, 200], text);
  });

  test('R-SEC-4: two Content-Length headers answer 400 bad_request and the next request is not served', async () => {
    await expectRefused(`${LOGIN_HEAD}Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}${SMUGGLED}`, 400, 'bad_request');
    await expectRefused(`${LOGIN_HEAD}Content-Length: 2\r\nContent-Length: 43\r\n\r\n{}${SMUGGLED}`, 400, 'bad_request');
  });

  test('R-SEC-4: Content-Length with Transfer-Encoding answers 400 bad_request and the smuggled request is not served', async () => {
    // A front end that reads Content-Length (5: "0\r\n\r\n") and one that reads chunked disagree
    // on where the next request starts.
    await expectRefused(
      `${LOGIN_HEAD}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${SMUGGLED}`,
      400,
      'bad_request',
    );
    await expectRefused(
      `${LOGIN_HEAD}Transfer-Encoding: chunked\r\nContent-Length: ${5 + SMUGGLED.length}\r\n\r\n0\r\n\r\n${SMUGGLED}`,
      400,
      'bad_request',
    );
  });

  test('R-SEC-4: HTTP/1.1 without Host answers 400 bad_request', async () => {
    await expectRefused(`GET /api/v1/health HTTP/1.1\r\n\r\n${SMUGGLED}`, 400, 'bad_request');
  });

  test('R-SEC-4: a Transfer-Encoding whose final coding is not chunked answers 400 bad_request', async () => {
    // The body's end is unknown, so whatever follows must not be read as a request.
    await expectRefused(`${LOGIN_HEAD}Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n${SMUGGLED}`, 400, 'bad_request');
    await expectRefused(`${LOGIN_HEAD}Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n${SMUGGLED}`, 400, 'bad_request');
  });

  test('R-SEC-4: an unknown transfer coding answers 501 transfer_coding_unsupported and the rest is not served', async () => {
    // Read as "no body", the bytes after the head would be served as a second request.
    await expectRefused(`${LOGIN_HEAD}Transfer-Encoding: foo\r\n\r\n${SMUGGLED}`, 501, 'transfer_coding_unsupported');
    await expectRefused(
      `${LOGIN_HEAD}Transfer-Encoding: foo, chunked\r\n\r\n0\r\n\r\n${SMUGGLED}`,
      501,
      'transfer_coding_unsupported',
    );
    await expectRefused(
      `${LOGIN_HEAD}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n${SMUGGLED}`,
      501,
      'transfer_coding_unsupported',
    );
  });

  test('R-SEC-4: a bare LF as line end answers 400 bad_request', async () => {
    await expectRefused(`GET /api/v1/health HTTP/1.1\nHost: x\n\n${SMUGGLED}`, 400, 'bad_request');
    await expectRefused(`GET /api/v1/health HTTP/1.1\r\nHost: x\nX-Extra: y\r\n\r\n${SMUGGLED}`, 400, 'bad_request');
  });

  test('R-SEC-4: a NUL in a header answers 400 bad_request', async () => {
    await expectRefused(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Extra: a\0b\r\n\r\n${SMUGGLED}`, 400, 'bad_request');
    await expectRefused(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-\0Extra: ab\r\n\r\n${SMUGGLED}`, 400, 'bad_request');
  });

  test('R-SEC-4: after the malformed requests the server still serves', async () => {
    const res = await fetch(`${h.url}/api/v1/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
    assert.equal(h.server.proc.exitCode, null);
  });
});
