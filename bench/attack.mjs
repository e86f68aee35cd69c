// The server under attack (issue 10), as figures for the README: what strangers cost and
// whether a login flood slows everyone else. Baselines are measured in the same run.
//   node bench/attack.mjs            (HUIDIG_BIN=build/huidig by default)
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEMO, makeDataDir, serve } from '../tests/api/lib/server.mjs';
import { ApiClient } from '../tests/api/lib/client.mjs';

const MiB = 1024 * 1024;

function status(pid, key) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(key));
  return Number(line.split(/\s+/)[1]) * 1024; // kB -> bytes
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return { ms: performance.now() - t, r };
}

// A request that announces `length` bytes and sends as much of it as the server takes,
// until the server answers and closes. Resolves with the status line and the bytes sent.
function bigBody(url, path, length) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    let done = false;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const finish = () => {
      if (done) return;
      done = true;
      s.destroy();
      resolve({ status: answer.split('\r\n')[0], sent });
    };
    s.on('data', (d) => {
      answer += d.toString('latin1');
    });
    s.on('close', finish);
    s.on('error', finish);
    s.on('connect', () => {
      s.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: ${length}\r\n\r\n`);
      const pump = () => {
        while (!done && sent < length) {
          sent += chunk.length;
          if (!s.write(chunk)) return s.once('drain', pump);
        }
      };
      pump();
    });
    setTimeout(finish, 30_000);
  });
}

async function main() {
  const data = makeDataDir({ kind: 'demo' });
  const server = await serve(data.dir);
  const pid = server.proc.pid;
  const url = server.url;
  const practitioner = new ApiClient(url);
  await practitioner.login(DEMO.practitioner, data.password(DEMO.practitioner));
  const clients = await practitioner.get('/api/v1/clients', { query: { limit: '1' } });
  const clientId = clients.json.items[0].id;
  const read = () => practitioner.get(`/api/v1/clients/${clientId}`);
  const health = () => fetch(`${url}/api/v1/health`).then((r) => r.status);

  // 1. Health and a logged-in read, idle and during 120 parallel logins for unknown accounts.
  const idle = { health: [], read: [] };
  for (let i = 0; i < 30; i++) {
    idle.health.push((await timed(health)).ms);
    idle.read.push((await timed(read)).ms);
  }
  let flooding = true;
  const outcomes = {};
  const flooder = async (n) => {
    while (flooding) {
      const r = await fetch(`${url}/api/v1/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `vreemd${n}-${Math.random()}@aanval.example`, password: 'geraden-wachtwoord' }),
      }).catch(() => ({ status: 'error' }));
      outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
    }
  };
  const flood = Array.from({ length: 120 }, (_, n) => flooder(n));
  await new Promise((r) => setTimeout(r, 500));
  const busy = { health: [], read: [] };
  for (let i = 0; i < 30; i++) {
    busy.health.push((await timed(health)).ms);
    busy.read.push((await timed(read)).ms);
  }
  flooding = false;
  await Promise.all(flood);

  // 2. Forty unauthenticated 25 MiB photo uploads at once: peak memory growth.
  const before = status(pid, 'VmHWM');
  const uploads = await Promise.all(
    Array.from({ length: 40 }, () => bigBody(url, '/api/v1/clients/x/photos', 25 * MiB)),
  );
  const after = status(pid, 'VmHWM');
  const statuses = [...new Set(uploads.map((u) => u.status))];
  const sentMax = Math.max(...uploads.map((u) => u.sent));

  await server.stop();

  const f = (x) => x.toFixed(1);
  console.log('attack bench (issue 10), one run:');
  console.log(
    `  health       idle p50 ${f(quantile(idle.health, 0.5))} ms, during login flood p50 ${f(quantile(busy.health, 0.5))} ms, max ${f(Math.max(...busy.health))} ms`,
  );
  console.log(
    `  client read  idle p50 ${f(quantile(idle.read, 0.5))} ms, during login flood p50 ${f(quantile(busy.read, 0.5))} ms, max ${f(Math.max(...busy.read))} ms`,
  );
  console.log(`  flood logins answered: ${JSON.stringify(outcomes)}`);
  console.log(
    `  40 x 25 MiB unauthenticated uploads: ${statuses.join(', ')}; peak RSS ${f(before / MiB)} -> ${f(after / MiB)} MiB (+${f((after - before) / MiB)} MiB); most sent by one client before the answer: ${f(sentMax / MiB)} MiB`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
