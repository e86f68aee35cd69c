// Client search at scale (bench/search): creates clients through the API up to each size and
// measures there the client search (GET /api/v1/clients?q=, one at a time and 16 at once)
// and the client read with wrk against the health baseline. Prints a markdown table.
//   node bench/search.mjs --url URL --email E --password P [--cookie C] [--sizes 1000,100000]
//                         [--seconds 10] [--searches 200] [--concurrency 32]
// The clients are made up from lists of given names, name prefixes and family names, with
// birth dates from 1940 to 2008 and Dutch mobile and landline numbers written in the ways
// people write them. Only the API is used (POST /api/v1/clients, the owner's session).
import { spawnSync } from 'node:child_process';
import { Api, args, quantile } from './api.mjs';

const opt = args();
if (!opt.url || (!opt.cookie && !(opt.email && opt.password))) {
  console.error('usage: node bench/search.mjs --url URL --email E --password P [--cookie C] [--sizes 1000,100000]');
  process.exit(2);
}
const sizes = (opt.sizes ?? '1000,100000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const seconds = Number(opt.seconds ?? 10);
const searches = Number(opt.searches ?? 200);
const concurrency = Number(opt.concurrency ?? 32);
const SEARCHERS = 16;

const api = await Api.open(opt.url, { email: opt.email, password: opt.password, cookie: opt.cookie });
const locations = api.me.locations.map((l) => l.id);

// --- made-up Dutch clients -------------------------------------------------------------
const GIVEN = `Anna Emma Julia Sophie Lotte Sanne Eva Lisa Fleur Noor Tess Sara Lieke Iris Femke Anouk
  Marieke Ingrid Els Marian Petra Monique Wilma Karin Ellen Annemiek Joke Truus Riet Greet Corrie
  Mirjam Esther Linda Sandra Yvonne Saskia Manon Kim Romy Zoë Chloë Mila Nina Evi Jasmijn Fenna
  Fatima Aisha Yasmina Nadia Samira Meryem Elif Zeynep Ayşe Priya Shanti Chandra Mei Ling Anh
  Daan Sem Lucas Levi Finn Milan Jesse Thijs Bram Ruben Lars Tim Joris Wouter Pieter Jan Kees
  Henk Gerrit Willem Maarten Sjoerd Bas Niels Stijn Mohamed Youssef Ahmed Mehmet Emre Rachid
  Dewi Rani Rutger Floris Hidde Jelle Tjitske Geertje Hylke Wietske Aafke Sietske`.split(/\s+/);
const FAMILY = `Jansen Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Smits
  Bakker Janssen Koster Prins Huisman Kok Postma Kuipers Veenstra Hoekstra Kramer Schouten Willems
  Hermans Verhoeven Koch Bosman Maas Boer Wit Groot Vries Jong Berg Dijk Meer Linden Leeuwen Graaf
  Heuvel Wal Broek Beek Veen Vliet Wijk Laan Velde Ven Bergh Heijden Amrani Yılmaz Öztürk Kaya
  Demir Çelik Ramdin Ramsaran Mahabier Sewnath Nguyen Tran Wang Chen Kowalski Nowak Santos Silva
  Bouzid Benali Haddou Ait Lahcen Ouali Tahiri Hoogendoorn Zwart Wouters Steenbergen Timmermans
  Claassen Gerritsen Evers Sanders Lambregts Aarts Verbeek Scholten Jacobs Martens Hoogland
  Kuiper Veldhuis Wijnands Brink Mol Pauwels Bogaert Goossens Wauters Rademaker Terpstra Wiersma
  Zijlstra Bosma Hofstra Sikkema Mulders Ploeg Kamp Boersma Vermeulen Vermeer Kloosterman Rutten
  Lammers Heijnen Hendrickx Driessen Coenen Schreurs Peeters Geurts Engels Ketelaar Blom Roos
  Hoek Pronk Stam Groen Brand Koning Molenaar Ouwehand Nieuwenhuis Wessels Jonker Verschuren`.split(/\s+/);
const PREFIXED = new Set(`Vries Jong Berg Dijk Meer Linden Leeuwen Graaf Heuvel Wal Broek Beek Veen Vliet
  Wijk Laan Velde Ven Bergh Heijden Boer Wit Groot Brink Ploeg Kamp Hoek Brand Koning Amrani`.split(/\s+/));
const PREFIXES = ['de', 'van', 'van der', 'van den', 'van de', 'ter', 'den', 'te', "van 't", 'in het'];
const AREA = ['020', '010', '030', '070', '040', '050', '024', '026', '043', '058', '013', '035', '072', '0118'];

// A small deterministic random generator (xorshift32) so that runs make the same clients.
let seed = 0x9e3779b9;
function rnd() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

function phone() {
  const r = rnd();
  if (r < 0.08) return null;
  if (r < 0.7) {
    const d = digits(8);
    const style = Math.floor(rnd() * 5);
    return [`06 ${d}`, `06-${d}`, `06 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`, `+31 6 ${d}`, `06${d}`][style];
  }
  const area = pick(AREA);
  const rest = digits(10 - area.length);
  return rnd() < 0.5 ? `${area}-${rest}` : `${area} ${rest.slice(0, 3)} ${rest.slice(3)}`;
}

function birthDate() {
  const from = Date.UTC(1940, 0, 1);
  const to = Date.UTC(2008, 11, 31);
  return new Date(from + Math.floor(rnd() * (to - from))).toISOString().slice(0, 10);
}

function makeClient(i) {
  const family = pick(FAMILY);
  const given = pick(GIVEN);
  const prefix = PREFIXED.has(family) && rnd() < 0.85 ? pick(PREFIXES.slice(0, 6)) : rnd() < 0.03 ? pick(PREFIXES) : null;
  const body = {
    given_name: given,
    name_prefix: prefix,
    family_name: rnd() < 0.06 ? `${family}-${pick(FAMILY)}` : family,
    date_of_birth: birthDate(),
    phone: phone(),
    location: locations[i % locations.length],
    records_consent: rnd() < 0.93 ? 'given' : 'refused',
    photo_preference: pick(['allowed', 'allowed', 'allowed', 'refused', 'own']),
  };
  if (rnd() < 0.6) {
    const local = `${given}.${prefix ? prefix.replace(/[ ']/g, '') : ''}${family}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '');
    body.email = `${local}${Math.floor(rnd() * 100)}@voorbeeld.example`;
  }
  return body;
}

// --- loading ---------------------------------------------------------------------------
const made = []; // {id, family_name, date_of_birth, phone}
let total = (await api.must('GET', '/api/v1/clients', { query: { limit: 200 } }, 200)).items.length;
if (total >= 200) throw new Error('bench/search expects a fresh demo practice (fewer than 200 clients)');
for (const c of (await api.must('GET', '/api/v1/clients', { query: { limit: 200 } }, 200)).items) made.push(c);
let next = 0;

async function growTo(size) {
  const want = size - total;
  if (want <= 0) return { ms: 0, n: 0, errors: 0 };
  const t0 = performance.now();
  let started = 0;
  let errors = 0;
  let lastReport = t0;
  async function worker() {
    while (started < want) {
      started++;
      const body = makeClient(next++);
      const res = await api.request('POST', '/api/v1/clients', { json: body });
      if (res.status !== 201) {
        errors++;
        if (errors <= 5) console.error(`create answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (errors > 100) throw new Error('too many failed creates');
        started--; // try another
        continue;
      }
      made.push(res.json);
      total++;
      const now = performance.now();
      if (now - lastReport > 10_000) {
        lastReport = now;
        console.error(`search bench: ${total} clients, ${Math.round(((total - (size - want)) * 1000) / (now - t0))} creates/s`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - t0, n: want, errors };
}

// --- searching -------------------------------------------------------------------------
function query(k) {
  const c = pick(made);
  switch (k % 3) {
    case 0: {
      // A family name fragment as typed at the desk: the first 3 to 6 letters.
      const word = c.family_name.split(/[- ]/)[0];
      return { kind: 'name', q: word.slice(0, 3 + Math.floor(rnd() * 4)).toLowerCase() };
    }
    case 1: {
      const d = c.date_of_birth;
      return { kind: 'date', q: rnd() < 0.5 ? d : d.split('-').reverse().join('-') };
    }
    default: {
      const p = (c.phone ?? '0612345678').replace(/\D/g, '');
      const n = 4 + Math.floor(rnd() * 5); // 4 to 8 digits from the end, as read off a screen
      return { kind: 'phone', q: p.slice(-n) };
    }
  }
}

async function searchOnce(q) {
  const res = await api.request('GET', '/api/v1/clients', { query: { q } });
  return { ok: res.status === 200, ms: res.ms, hits: res.json?.items?.length ?? 0 };
}

async function sequential() {
  const by = { all: [], name: [], date: [], phone: [] };
  let errors = 0;
  let hits = 0;
  for (let k = 0; k < searches; k++) {
    const q = query(k);
    const r = await searchOnce(q.q);
    if (!r.ok) errors++;
    hits += r.hits;
    by.all.push(r.ms);
    by[q.kind].push(r.ms);
  }
  return { by, errors, hits: hits / searches };
}

async function parallel() {
  // 16 searchers, each one search at a time, for `seconds` (at most 20,000 searches).
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  let k = 0;
  const t0 = performance.now();
  async function searcher() {
    while (performance.now() < until && done + errors < 20_000) {
      const r = await searchOnce(query(k++).q);
      if (r.ok) done++;
      else errors++;
    }
  }
  await Promise.all(Array.from({ length: SEARCHERS }, searcher));
  return { rps: (done * 1000) / (performance.now() - t0), errors };
}

// --- wrk ------------------------------------------------------------------------------
function wrk(path, withCookie) {
  const argv = ['-t2', '-c64', `-d${seconds}s`];
  if (withCookie) argv.push('-H', `Cookie: ${api.cookie}`);
  argv.push(`${api.url}${path}`);
  const r = spawnSync('wrk', argv, { encoding: 'utf8' });
  if (r.error) throw r.error;
  const out = `${r.stdout}${r.stderr}`;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  let errors = 0;
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (non2xx) errors += Number(non2xx[1]);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  if (sock) errors += sock.slice(1).reduce((a, b) => a + Number(b), 0);
  return { rps, errors };
}

// --- run --------------------------------------------------------------------------------
const rows = [];
for (const size of sizes) {
  const grown = await growTo(size);
  if (grown.n) console.error(`search bench: ${total} clients; ${grown.n} created in ${(grown.ms / 1000).toFixed(1)} s (${Math.round((grown.n * 1000) / grown.ms)}/s, ${grown.errors} refused)`);
  await searchOnce('warm'); // a first search that pays for cold pages
  const seq = await sequential();
  const par = await parallel();
  const health = wrk('/api/v1/health', false);
  const read = wrk(`/api/v1/clients/${pick(made).id}`, true);
  rows.push({ size: total, grown, seq, par, health, read });
}

const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const cols = rows.map((r) => r.size.toLocaleString('en-US'));
const line = (label, fn) => `| ${label} | ${rows.map(fn).join(' | ')} |`;
const out = [
  `| measure (SQLite, owner: both locations; ${searches} searches one at a time, a third each by family-name fragment, date of birth, phone digits) | ${cols.join(' clients | ')} clients |`,
  `|---|${rows.map(() => '---|').join('')}`,
  line('clients created through the API to get here (32 at once)', (r) => (r.grown.n ? `${r.grown.n} in ${(r.grown.ms / 1000).toFixed(1)} s (${Math.round((r.grown.n * 1000) / r.grown.ms)}/s)` : '-')),
  line('search, all kinds: median / p95', (r) => `**${f(quantile(r.seq.by.all, 0.5))} / ${f(quantile(r.seq.by.all, 0.95))} ms**`),
  line('search by family-name fragment: median / p95', (r) => `${f(quantile(r.seq.by.name, 0.5))} / ${f(quantile(r.seq.by.name, 0.95))} ms`),
  line('search by date of birth: median / p95', (r) => `${f(quantile(r.seq.by.date, 0.5))} / ${f(quantile(r.seq.by.date, 0.95))} ms`),
  line('search by phone digits: median / p95', (r) => `${f(quantile(r.seq.by.phone, 0.5))} / ${f(quantile(r.seq.by.phone, 0.95))} ms`),
  line('clients per answer (mean; a page holds at most 50)', (r) => r.seq.hits.toFixed(1)),
  line('search errors (one at a time)', (r) => String(r.seq.errors)),
  line(`searches, ${SEARCHERS} searchers at once, ${seconds} s`, (r) => `${r.par.rps.toFixed(0)} answers/s, ${r.par.errors} errors`),
  line(`GET /api/v1/health, wrk 64 connections, ${seconds} s`, (r) => `${r.health.rps.toFixed(0)} req/s, ${r.health.errors} errors`),
  line('GET /api/v1/clients/{id}, wrk 64 connections', (r) => `${r.read.rps.toFixed(0)} req/s, ${r.read.errors} errors`),
  line('client read / health', (r) => `**${(r.read.rps / r.health.rps).toFixed(2)}**`),
];
console.log(out.join('\n'));
