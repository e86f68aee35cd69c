// Starts build/huidig for the API tests: a temp data folder from `huidig demo` or `huidig init`,
// optional huidig.toml keys, `huidig serve DIR --listen 127.0.0.1:0`, and a clean stop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient } from './client.mjs';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = process.env.HUIDIG_BIN ?? join(REPO, 'build', 'huidig');

export const DEMO = {
  owner: 'eigenaar@demo.example',
  practitioner: 'behandelaar@demo.example',
  practitionerUtrecht: 'behandelaar.utrecht@demo.example',
  assistant: 'receptie@demo.example',
  quality: 'kwaliteit@demo.example',
  auditor: 'inspecteur@demo.example',
};

const running = new Set();
process.on('exit', () => {
  for (const p of running) {
    try {
      p.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Runs `huidig ARGS...` to completion. Returns {status, stdout, stderr}. */
export function huidig(args, { timeoutMs = 60_000 } = {}) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the sqlite3 CLI on a database; returns the rows (objects) of the last statement. */
export function sqlite(dbPath, sql) {
  const r = spawnSync('sqlite3', ['-bail', '-json', dbPath, sql], { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`sqlite3 failed (${r.status}): ${r.stderr}\n${sql}`);
  const out = r.stdout.trim();
  return out ? JSON.parse(out) : [];
}

function parseAccounts(stdout) {
  return stdout
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.split('\t').length === 3)
    .map((l) => {
      const [role, email, password] = l.split('\t');
      return { role, email, password };
    });
}

function tomlValue(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(String(v)); // a TOML basic string
}

/**
 * Sets keys in DIR/huidig.toml, replacing a key that is there and adding one that is not.
 * `settings` keys are "key" (top level) or "table.key": {max_body_bytes: 4096,
 * 'login.slow_after': 1, 'tls.certificate': '/tmp/x/cert.pem'}.
 */
export function setToml(dir, settings) {
  const file = join(dir, 'huidig.toml');
  let lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  for (const [fullKey, value] of Object.entries(settings)) {
    const dot = fullKey.lastIndexOf('.');
    const table = dot < 0 ? '' : fullKey.slice(0, dot);
    const key = dot < 0 ? fullKey : fullKey.slice(dot + 1);
    const line = `${key} = ${tomlValue(value)}`;
    // Find the table's line range ([start, end)); the top level runs to the first header.
    let start = 0;
    let end = lines.length;
    let current = '';
    let found = table === '';
    for (let i = 0; i < lines.length; i++) {
      const m = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(lines[i]);
      if (!m) continue;
      const name = m[1].trim();
      if (found && current === table) {
        end = i;
        break;
      }
      current = name;
      if (name === table) {
        found = true;
        start = i + 1;
      }
    }
    if (!found) {
      lines.push('', `[${table}]`, line);
      continue;
    }
    if (table === '') {
      end = lines.findIndex((l) => /^\s*\[/.test(l));
      if (end < 0) end = lines.length;
    }
    const keyRe = new RegExp(`^\\s*#?\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`);
    const existing = lines.slice(start, end).findIndex((l) => keyRe.test(l) && !/^\s*#/.test(l));
    if (existing >= 0) {
      lines[start + existing] = line;
    } else {
      // Insert after the table's last non-empty line.
      let at = end;
      while (at > start && lines[at - 1].trim() === '') at--;
      lines.splice(at, 0, line);
    }
  }
  writeFileSync(file, lines.join('\n').replace(/\n*$/, '\n'));
}

/**
 * Creates a data folder in a new temp folder.
 * kind 'demo': `huidig demo DIR`; kind 'init': `huidig init DIR --practice P --owner E`.
 * Returns {root, dir, accounts: [{role, email, password}], password(email)}.
 */
export function makeDataDir({ kind = 'demo', practice = 'Testpraktijk', owner = 'eigenaar@test.example' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'huidig-api-'));
  const dir = join(root, 'data');
  // Under a sanitizer the lived-in dossiers (photo intake, many signed records) take minutes:
  // the sanitizer runs test the server, so they get the clients only.
  const demo = ['demo', dir, ...(process.env.HUIDIG_SANITIZER ? ['--no-dossiers'] : [])];
  const args = kind === 'demo' ? demo : ['init', dir, '--practice', practice, '--owner', owner];
  let r;
  try {
    r = huidig(args);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  if (r.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`huidig ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  }
  const accounts = parseAccounts(r.stdout);
  return {
    root,
    dir,
    db: join(dir, 'huidig.db'),
    accounts,
    stdout: r.stdout,
    password(email) {
      const a = accounts.find((x) => x.email === email);
      if (!a) throw new Error(`no account ${email} in: ${r.stdout}`);
      return a.password;
    },
  };
}

/**
 * Starts `huidig serve DIR --listen 127.0.0.1:0` and waits for "listening on URL".
 * fdLimit: run it under `ulimit -n fdLimit` (bash execs the server: proc.pid is the server's).
 * Returns {url, proc, stop(), output()}.
 */
export function serve(dir, { timeoutMs = 30_000, extraArgs = [], fdLimit } = {}) {
  return new Promise((resolve, reject) => {
    const args = ['serve', dir, '--listen', '127.0.0.1:0', ...extraArgs];
    const [file, argv] =
      fdLimit === undefined
        ? [BIN, args]
        : ['bash', ['-c', `ulimit -n ${Number(fdLimit)} && exec "$0" "$@"`, BIN, ...args]];
    const proc = spawn(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(proc);
    let out = '';
    let settled = false;
    const exited = new Promise((res) => {
      proc.on('exit', (code, signal) => {
        running.delete(proc);
        res({ code, signal });
      });
    });
    const server = {
      proc,
      url: null,
      exited,
      output: () => out,
      async stop({ timeoutMs: stopMs = 10_000 } = {}) {
        if (proc.exitCode !== null || proc.signalCode !== null) return exited;
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), stopMs);
        const r = await exited;
        clearTimeout(timer);
        return r;
      },
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      proc.kill('SIGKILL');
      reject(new Error(`huidig serve printed no "listening on" line within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk) => {
      out += chunk.toString('utf8');
      const m = /listening on (https?:\/\/[^\s]+)/.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        server.url = m[1].replace(/\/$/, '');
        resolve(server);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    });
    exited.then(({ code, signal }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`huidig serve exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
}

/**
 * A data folder plus a running server: the usual start of a test file.
 * options: kind ('demo'|'init'), toml (settings for setToml), practice, owner.
 * Returns {dir, db, root, accounts, password(email), url, server, client(opts), stop(), restart()}.
 */
export async function startHuidig({ kind = 'demo', toml, practice, owner, keep = false } = {}) {
  const data = makeDataDir({ kind, practice, owner });
  if (toml) setToml(data.dir, toml);
  let server;
  try {
    server = await serve(data.dir);
  } catch (err) {
    if (!process.env.HUIDIG_KEEP_TEST_DATA) rmSync(data.root, { recursive: true, force: true });
    throw err;
  }
  const ctx = {
    ...data,
    server,
    url: server.url,
    client(options = {}) {
      return new ApiClient(ctx.url, options);
    },
    /** Logs a new client in as EMAIL (demo passwords) and returns it. */
    async as(email, options = {}) {
      const c = ctx.client(options);
      await c.mustLogin(email, data.password(email));
      return c;
    },
    /** Stops the server (SIGTERM, then waits); keeps the data folder. */
    async stopServer() {
      return ctx.server.stop();
    },
    /** Stops the server and removes the temp folder (unless HUIDIG_KEEP_TEST_DATA is set). */
    async stop() {
      const r = await ctx.server.stop();
      if (!keep && !process.env.HUIDIG_KEEP_TEST_DATA) rmSync(data.root, { recursive: true, force: true });
      return r;
    },
  };
  return ctx;
}
