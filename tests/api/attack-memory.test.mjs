// A stranger's large body costs no memory: an upload without a session is refused on its
// headers, at once and without reading the body; and at most server.max_uploads bodies are
// read at a time (R-SEC-4, R-PHOTO-1; issue 10, point 2).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { checkResponse } from './lib/openapi.mjs';
import { DEMO, startHuidig } from './lib/server.mjs';
import { expectProblem, expectStatus, newClient } from './lib/expect.mjs';

const MiB = 1024 * 1024;
const BODY = 25 * MiB; // 26214400: photos.max_bytes, so not refused for its size

/** A value from /proc/PID/status in bytes (the kB figures). */
function procStatus(pid, key) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** Splits "HTTP/1.1 401 ...\r\nA: b\r\n\r\nbody" into {status, headers, body}. */
function parseResponse(text) {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end < 0 ? text.length : end).split('\r\n');
  const headers = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = end < 0 ? '' : text.slice(end + 4, end + 4 + length);
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]), headers, body, text };
}

/**
 * POSTs HEAD and then a body of `length` bytes, as fast as the server takes it, until the
 * server answers and closes. Resolves with {res, sentAtAnswer, sent, closedByServer}.
 */
function bigBody(url, head, length) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let answer = '';
    let sent = 0;
    let sentAtAnswer = null;
    let closedByServer = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ res: parseResponse(answer), sentAtAnswer, sent, closedByServer });
    };
    const timer = setTimeout(finish, 30_000);
    s.on('data', (d) => {
      if (sentAtAnswer === null) sentAtAnswer = sent;
      answer += d.toString('latin1');
    });
    s.on('end', () => {
      closedByServer = true;
    });
    s.on('error', (err) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') closedByServer = true;
      finish();
    });
    s.on('close', finish);
    s.on('connect', () => {
      s.write(head);
      const pump = () => {
        while (!done && sent < length) {
          sent += chunk.length;
          if (!s.write(chunk)) return s.once('drain', pump);
        }
      };
      pump();
    });
  });
}

describe('large bodies (demo practice, server.max_uploads = 1)', () => {
  let h;
  let work;
  let practitioner;
  let client;
  let jpeg;
  let second; // the 503 answer

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'huidig-attack-memory-'));
    const file = join(work, 'photo.jpg');
    execFileSync('vips', ['black', file, '64', '48', '--bands', '3']);
    jpeg = readFileSync(file);
    h = await startHuidig({ toml: { 'server.max_uploads': 1 } });
    practitioner = await h.as(DEMO.practitioner);
    client = expectStatus(
      await practitioner.post('/api/v1/clients', {
        json: newClient({ location: practitioner.me.locations[0].id, photo_preference: 'allowed' }),
      }),
      201,
    );
  });

  after(async () => {
    await h?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const photosPath = () => `/api/v1/clients/${client.id}/photos?phase=before&area=wang`;

  test('R-SEC-4: forty unauthenticated 25 MiB uploads are each answered 401 before their body, and peak RSS grows at most 150 MB', async (t) => {
    const pid = h.server.proc.pid;
    const head = `POST ${photosPath()} HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: ${BODY}\r\n\r\n`;
    // The login's Argon2 raised the peak already: reset it to the current RSS (clear_refs 5),
    // so that the peak after measures what the uploads cost.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const before = procStatus(pid, 'VmHWM');
    assert.ok(before <= procStatus(pid, 'VmRSS') + MiB, 'the peak starts from the current RSS');
    const results = await Promise.all(Array.from({ length: 40 }, () => bigBody(h.url, head, BODY)));
    const grown = procStatus(pid, 'VmHWM') - before;

    for (const [i, r] of results.entries()) {
      const what = `upload ${i}: ${JSON.stringify(r.res.text.slice(0, 300))}`;
      assert.equal(r.res.status, 401, what);
      assert.match(r.res.headers['content-type'] ?? '', /^application\/problem\+json/, what);
      assert.equal(JSON.parse(r.res.body).code, 'unauthenticated', what);
      assert.equal(r.res.headers.connection?.toLowerCase(), 'close', `Connection: close; ${what}`);
      assert.ok(r.closedByServer, `the server closes the connection; ${what}`);
      // Answered on the headers: the answer came while most of the body was still unsent.
      assert.ok(
        r.sentAtAnswer < BODY,
        `upload ${i} was answered only after ${(r.sentAtAnswer / MiB).toFixed(1)} MiB of the ${BODY / MiB} MiB body`,
      );
    }
    const most = Math.max(...results.map((r) => r.sentAtAnswer));
    t.diagnostic(`peak RSS ${(before / MiB).toFixed(1)} MiB +${(grown / MiB).toFixed(1)} MiB; most body sent before an answer ${(most / MiB).toFixed(1)} MiB`);
    assert.ok(grown <= 150e6, `peak RSS grew by ${(grown / MiB).toFixed(1)} MiB for 40 refused 25 MiB bodies`);
    assert.equal(h.server.proc.exitCode, null);
    expectStatus(await h.client().get('/api/v1/health'), 200);
  });

  test('R-SEC-4: a refusal decided on the headers (404, 405, 415, 413, 403 CSRF) is answered before a 25 MiB body, with Connection: close', async () => {
    const session = `Cookie: ${practitioner.cookieHeader()}\r\n`;
    const csrf = `X-CSRF-Token: ${practitioner.csrf}\r\n`;
    const cases = [
      [`POST /api/v1/nergens HTTP/1.1\r\nContent-Type: application/json\r\n${session}${csrf}`, BODY, 404, 'not_found'],
      [`PUT /api/v1/login HTTP/1.1\r\nContent-Type: application/json\r\n`, BODY, 405, 'method_not_allowed'],
      [`POST ${photosPath()} HTTP/1.1\r\nContent-Type: text/plain\r\n${session}${csrf}`, BODY, 415, 'unsupported_media_type'],
      [`POST ${photosPath()} HTTP/1.1\r\nContent-Type: image/jpeg\r\n${session}${csrf}`, BODY + 2, 413, 'body_too_large'],
      [`POST /api/v1/clients HTTP/1.1\r\nContent-Type: application/json\r\n${session}${csrf}`, BODY, 413, 'body_too_large'],
      [`POST ${photosPath()} HTTP/1.1\r\nContent-Type: image/jpeg\r\n${session}`, BODY, 403, 'csrf_invalid'],
    ];
    const results = await Promise.all(
      cases.map(([head, length]) => bigBody(h.url, `${head}Host: x\r\nContent-Length: ${length}\r\n\r\n`, length)),
    );
    for (const [i, r] of results.entries()) {
      const [head, , status, code] = cases[i];
      const what = `${head.split('\r\n')[0]} (${head.split('\r\n')[1]}): ${JSON.stringify(r.res.text.slice(0, 300))}`;
      assert.equal(r.res.status, status, what);
      assert.match(r.res.headers['content-type'] ?? '', /^application\/problem\+json/, what);
      assert.equal(JSON.parse(r.res.body).code, code, what);
      assert.equal(r.res.headers.connection?.toLowerCase(), 'close', `Connection: close; ${what}`);
      assert.ok(r.closedByServer, `the server closes the connection; ${what}`);
      assert.ok(r.sentAtAnswer < BODY, `answered only after ${(r.sentAtAnswer / MiB).toFixed(1)} MiB; ${what}`);
    }
    const list = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/photos`), 200);
    assert.equal(list.items.length, 0, 'nothing was stored');
  });

  test('R-SEC-4: with max_uploads = 1 a second upload while one is being read gets 503 server_busy with Retry-After', async () => {
    const { hostname, port } = new URL(h.url);
    const slow = net.connect(Number(port), hostname);
    let received = '';
    slow.on('data', (d) => {
      received += d.toString('latin1');
    });
    slow.on('error', () => {});
    const closed = new Promise((resolve) => slow.on('close', resolve));
    try {
      await new Promise((resolve) => slow.on('connect', resolve));
      slow.write(
        `POST ${photosPath()} HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n` +
          `Cookie: ${practitioner.cookieHeader()}\r\nX-CSRF-Token: ${practitioner.csrf}\r\n` +
          'Expect: 100-continue\r\nConnection: close\r\n\r\n',
      );
      // 100 Continue comes once the upload holds its slot and its body is about to be read.
      for (let i = 0; i < 100 && !received.includes('\r\n\r\n'); i++) await sleep(50);
      assert.match(received, /^HTTP\/1\.1 100 Continue\r\n/, `the first upload may send its body: ${received}`);
      slow.write(jpeg.subarray(0, 100)); // and then trickles

      // Not through ApiClient: the contract check is a test of its own (below).
      const res = await fetch(`${h.url}${photosPath()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/jpeg', Cookie: practitioner.cookieHeader(), 'X-CSRF-Token': practitioner.csrf },
        body: jpeg,
      });
      const text = await res.text();
      second = { method: 'POST', path: photosPath(), status: res.status, headers: res.headers, text, json: JSON.parse(text) };
      expectProblem(second, 503, 'server_busy');
      const retry = Number(second.headers.get('retry-after'));
      assert.ok(Number.isInteger(retry) && retry >= 1, `Retry-After: ${second.headers.get('retry-after')}`);
      assert.equal(second.headers.get('connection')?.toLowerCase(), 'close', 'answered on the headers: Connection: close');

      slow.write(jpeg.subarray(100)); // the first upload completes and is stored
      await Promise.race([closed, sleep(20_000, undefined, { ref: false })]);
      const first = parseResponse(received.slice(received.indexOf('\r\n\r\n') + 4));
      assert.equal(first.status, 201, `the first upload: ${received}`);
    } finally {
      slow.destroy();
    }
    // Its slot is free again.
    expectStatus(
      await practitioner.post(photosPath().split('?')[0], {
        body: jpeg,
        contentType: 'image/jpeg',
        query: { phase: 'before', area: 'wang' },
      }),
      201,
    );
    const list = expectStatus(await practitioner.get(`/api/v1/clients/${client.id}/photos`), 200);
    assert.equal(list.items.length, 2, 'the first and the third upload were stored, the refused one not');
  });

  test('R-SEC-4: the 503 server_busy upload answer is the one api/openapi.yaml documents', () => {
    assert.ok(second, 'the busy upload above was answered');
    checkResponse({ ...second, path: photosPath().split('?')[0] });
  });
});
