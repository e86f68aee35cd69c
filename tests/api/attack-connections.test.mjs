// Connections a stranger holds open cost bounded resources and never crash the server:
// the header timeout closes trickling and idle connections (plain and TLS), a cap on open
// connections holds, and running out of file descriptors neither spins nor stays stuck
// (R-SEC-4; issue 10, points 1, 2 and 5).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { makeDataDir, serve, setToml } from './lib/server.mjs';

const HEADER_TIMEOUT = 2; // seconds, server.header_timeout_seconds of the trickle servers
const TRICKLE_HEAD = 'POST /api/v1/login HTTP/1.1\r\nHost: x\r\nX-Trickle: ';
const HEALTH = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n';

/** Starts a server on a new demo data folder with these huidig.toml keys. */
async function start(toml, serveOptions = {}, prepare = () => {}) {
  const data = makeDataDir({ kind: 'demo' });
  prepare(data);
  setToml(data.dir, toml);
  try {
    const server = await serve(data.dir, serveOptions);
    return { data, server };
  } catch (err) {
    rmSync(data.root, { recursive: true, force: true });
    throw err;
  }
}

async function stop(s) {
  await s?.server.stop();
  if (s && !process.env.HUIDIG_KEEP_TEST_DATA) rmSync(s.data.root, { recursive: true, force: true });
}

/** A self-signed certificate for 127.0.0.1 in DATA.root; sets [tls] in its huidig.toml. */
function withCertificate(data) {
  const cert = join(data.root, 'cert.pem');
  const key = join(data.root, 'key.pem');
  const r = spawnSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `openssl: ${r.stderr}`);
  setToml(data.dir, { 'tls.certificate': cert, 'tls.key': key });
}

/**
 * Opens a connection (TLS when the URL is https) and tracks it: `ready` resolves once it is
 * connected (handshake done), `closed` once the server ended it. {socket, ready, closed,
 * state: {connected, closedByServer, received, closedAt}}.
 */
function open(url) {
  const { protocol, hostname, port } = new URL(url);
  const socket =
    protocol === 'https:'
      ? tls.connect({ host: hostname, port: Number(port), rejectUnauthorized: false })
      : net.connect(Number(port), hostname);
  const state = { connected: false, closedByServer: false, received: Buffer.alloc(0), closedAt: null, mine: false };
  const ready = new Promise((resolve, reject) => {
    socket.once(protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      state.connected = true;
      resolve();
    });
    socket.once('close', () => reject(new Error(`closed before it was connected (${url})`)));
  });
  ready.catch(() => {});
  const closed = new Promise((resolve) => {
    socket.on('close', () => {
      state.closedAt = Date.now();
      if (!state.mine) state.closedByServer = true;
      resolve();
    });
  });
  socket.on('data', (d) => {
    state.received = Buffer.concat([state.received, d]);
  });
  socket.on('error', () => {}); // a reset or a write after the server's close: seen as 'close'
  return {
    socket,
    ready,
    closed,
    state,
    destroy() {
      state.mine = state.closedAt === null;
      socket.destroy();
    },
  };
}

/** Resolves true once every connection is closed, false when `ms` pass first. */
async function allClosed(conns, ms) {
  const timer = sleep(ms, undefined, { ref: false }).then(() => false);
  return Promise.race([Promise.all(conns.map((c) => c.closed)).then(() => true), timer]);
}

/** Resolves once BYTES were written and the whole answer to one GET health arrived. */
async function healthOn(conn) {
  const before = conn.state.received.length;
  conn.socket.write(HEALTH);
  for (let i = 0; i < 200; i++) {
    const text = conn.state.received.subarray(before).toString('latin1');
    if (/\r\n\r\n\{"status":"ok"\}$/.test(text)) return text;
    if (conn.state.closedAt !== null) break;
    await sleep(25);
  }
  throw new Error(`no health answer on the connection: ${conn.state.received.subarray(before).toString('latin1')}`);
}

/** GET /api/v1/health with fetch (HTTPS via node:tls, self-signed). Returns the status. */
async function health(url) {
  if (url.startsWith('https:')) {
    const c = open(url);
    await c.ready;
    c.socket.write(HEALTH.replace('Host: x', 'Host: x\r\nConnection: close'));
    await c.closed;
    return Number(/^HTTP\/1\.1 (\d{3})/.exec(c.state.received.toString('latin1'))?.[1]);
  }
  const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();
  return res.status;
}

/** Polls health until it answers 200 or `ms` pass; returns the last status (or error). */
async function healthWithin(url, ms) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await health(url);
      if (last === 200) return 200;
    } catch (err) {
      last = err.cause?.code ?? err.name;
    }
    await sleep(100);
  }
  return last;
}

describe('connections held open by strangers', () => {
  let plain;
  let secure;
  let capped;

  before(async () => {
    const toml = { 'server.header_timeout_seconds': HEADER_TIMEOUT };
    [plain, secure, capped] = await Promise.all([
      start(toml),
      start(toml, {}, withCertificate),
      start({ 'server.max_connections': 20, 'server.header_timeout_seconds': 30 }),
    ]);
    assert.match(secure.server.url, /^https:/);
  });

  after(async () => {
    await Promise.all([stop(plain), stop(secure), stop(capped)]);
  });

  test('R-SEC-4: 150 trickling requests (75 TLS, 75 plain) are closed at the header timeout and the servers live', async () => {
    const conns = [];
    for (let i = 0; i < 150; i++) conns.push(open(i % 2 ? secure.server.url : plain.server.url));
    const timers = [];
    await Promise.all(
      conns.map(async (c) => {
        await c.ready;
        c.socket.write(TRICKLE_HEAD);
        timers.push(setInterval(() => c.state.closedAt === null && c.socket.write('a'), 100));
      }),
    );
    try {
      const done = await allClosed(conns, (HEADER_TIMEOUT + 5) * 1000);
      const open_ = conns.filter((c) => c.state.closedAt === null).length;
      assert.ok(done, `${open_} of 150 trickling connections still open ${HEADER_TIMEOUT + 5} s after the start`);
      assert.ok(conns.every((c) => c.state.closedByServer), 'the server closed them');
    } finally {
      for (const t of timers) clearInterval(t);
      for (const c of conns) c.destroy();
    }
    for (const s of [plain, secure]) {
      assert.equal(s.server.proc.exitCode, null, `the server lives:\n${s.server.output().slice(-2000)}`);
      assert.equal(s.server.proc.signalCode, null, `the server lives:\n${s.server.output().slice(-2000)}`);
      assert.equal(await health(s.server.url), 200, s.server.url);
    }
  });

  test('R-SEC-4: idle keep-alive connections (two plain, two TLS) are closed at the header timeout and the servers live', async () => {
    const conns = [plain, plain, secure, secure].map((s) => open(s.server.url));
    try {
      await Promise.all(
        conns.map(async (c) => {
          await c.ready;
          const answer = await healthOn(c); // a finished request; the connection stays open
          assert.match(answer, /^HTTP\/1\.1 200 /);
          assert.doesNotMatch(answer, /connection: close/i);
        }),
      );
      const done = await allClosed(conns, (HEADER_TIMEOUT + 5) * 1000);
      assert.ok(done, `${conns.filter((c) => c.state.closedAt === null).length} of 4 idle connections still open`);
      assert.ok(conns.every((c) => c.state.closedByServer), 'the server closed them');
    } finally {
      for (const c of conns) c.destroy();
    }
    for (const s of [plain, secure]) {
      assert.equal(s.server.proc.exitCode, null, `the server lives:\n${s.server.output().slice(-2000)}`);
      assert.equal(s.server.proc.signalCode, null);
      assert.equal(await health(s.server.url), 200, s.server.url);
    }
  });

  test('R-SEC-4: with max_connections = 20 a 21st connection is closed unserved, the 20 keep working, and health answers once they close', async () => {
    const { url } = capped.server;
    const held = Array.from({ length: 20 }, () => open(url));
    try {
      // Each one answered a request, so each one holds a connection slot now.
      await Promise.all(held.map(async (c) => (await c.ready, healthOn(c))));
      const extra = open(url);
      extra.socket.write(HEALTH);
      const closed = await allClosed([extra], 5000);
      extra.destroy();
      assert.ok(closed, 'the 21st connection is closed by the server, not left waiting');
      assert.ok(extra.state.closedByServer);
      assert.equal(extra.state.received.length, 0, `the 21st got no answer: ${extra.state.received.toString('latin1')}`);
      assert.match(capped.server.output(), /accept: 20 connections open; closing new ones/);

      // The connections that are in keep being served.
      assert.match(await healthOn(held[7]), /^HTTP\/1\.1 200 /);
    } finally {
      for (const c of held) c.destroy();
    }
    assert.equal(await healthWithin(url, 5000), 200, 'health answers once the 20 are closed');
    assert.equal(capped.server.proc.exitCode, null);
  });
});

describe('out of file descriptors (ulimit -n 64)', () => {
  let s;

  before(async () => {
    // workers = 8: the database readers need descriptors too; 64 of them leave none for sockets.
    s = await start({ workers: 8, 'server.header_timeout_seconds': 60 }, { fdLimit: 64 });
  });

  after(async () => {
    await stop(s);
  });

  /** utime + stime of the server in clock ticks (/proc/PID/stat fields 14 and 15). */
  function cpuTicks(pid) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  const shortage = /accept: Too many open files; pausing new connections/g;

  test('R-SEC-4: on EMFILE the accept loop pauses (no spin), logs once, and recovers when descriptors are free', async () => {
    const { pid } = s.server.proc;
    const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
    assert.match(limits, /Max open files\s+64\s+64/, 'the server runs under ulimit -n 64');
    const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

    const conns = Array.from({ length: 100 }, () => open(s.server.url));
    try {
      for (let i = 0; i < 50 && !shortage.test(s.server.output()); i++) await sleep(100);
      shortage.lastIndex = 0;
      assert.match(s.server.output(), shortage, `the server ran out of descriptors:\n${s.server.output().slice(-2000)}`);
      shortage.lastIndex = 0;

      const t0 = Date.now();
      const c0 = cpuTicks(pid);
      await sleep(2000);
      const used = (cpuTicks(pid) - c0) / tick / ((Date.now() - t0) / 1000);
      assert.ok(used < 0.5, `the server used ${(used * 100).toFixed(0)} % of a core while out of descriptors`);
      const lines = s.server.output().match(shortage) ?? [];
      assert.equal(lines.length, 1, `logged once, not once per retry:\n${s.server.output().slice(-3000)}`);
      assert.equal(s.server.proc.exitCode, null);
    } finally {
      for (const c of conns) c.destroy();
    }
    assert.equal(await healthWithin(s.server.url, 5000), 200, 'health answers once the sockets are closed');
    assert.match(s.server.output(), /accept: descriptors free again; accepting/);
    assert.equal(s.server.proc.exitCode, null);
  });
});
