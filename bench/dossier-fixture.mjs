// A realistic dossier for the trajectory read in bench/run: for one demo client a
// microneedling trajectory (Wkkgz, no reflection period) with an intake, signed informed
// consent, 10 signed sessions (all performed today: see below), addenda on 3 of them, and 6 photos (2 before
// the first session, 2 during, 2 after the last), all through the API as the product's rules
// want them. Prints the trajectory's id.
//   node bench/dossier-fixture.mjs --url URL --email E --password P [--cookie C] [--client ID]
// With --cookie the session is used as it is (its CSRF token comes from GET /api/v1/me);
// without it the script logs in. Without --client the first client (in the listing's order)
// whose records and photos are allowed is used. Needs the vips tool for the JPEGs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, args } from './api.mjs';

const SESSIONS = 10;
const opt = args();
if (!opt.url || (!opt.cookie && !(opt.email && opt.password))) {
  console.error('usage: node bench/dossier-fixture.mjs --url URL --email E --password P [--cookie C] [--client ID]');
  process.exit(2);
}

const api = await Api.open(opt.url, { email: opt.email, password: opt.password, cookie: opt.cookie });

// The client: records and photos allowed (R-DOS-1, R-DOS-2).
let client;
if (opt.client) {
  client = await api.must('GET', `/api/v1/clients/${opt.client}`, {}, 200);
} else {
  const list = await api.must('GET', '/api/v1/clients', { query: { limit: 200 } }, 200);
  client = list.items.find((c) => c.records_consent === 'given' && c.photo_preference === 'allowed');
  if (!client) throw new Error('no demo client with records_consent=given and photo_preference=allowed');
}
if (client.records_consent !== 'given' || client.photo_preference !== 'allowed') {
  client = await api.must('PATCH', `/api/v1/clients/${client.id}`, { json: { records_consent: 'given', photo_preference: 'allowed' } }, 200);
}
const name = `${client.given_name} ${client.name_prefix ? `${client.name_prefix} ` : ''}${client.family_name}`;

// The intake before the trajectory (intake_missing otherwise); a second version later on.
await api.must('POST', `/api/v1/clients/${client.id}/intake`, {
  json: {
    allergies: 'Nikkel',
    medication: 'Geen',
    pregnancy: 'Nee',
    skin_conditions: 'Acnelittekens op beide wangen, lichte rosacea',
    contra_indications: 'Geen',
    notes: 'Huidtype Fitzpatrick III. Gebruikt retinol, twee weken voor de eerste behandeling gestopt.',
  },
}, 201);

// Microneedling: Wkkgz, no consult or reflection period; informed consent before a session
// (R-CONSENT-4) and a device on the record.
const trajectory = await api.must('POST', `/api/v1/clients/${client.id}/trajectories`, {
  json: {
    treatment_type: 'microneedling',
    goal: 'Minder zichtbare acnelittekens op de wangen en een egalere huidstructuur',
    expected_result: 'Vlakkere littekens en een gelijkmatiger huid na 8 tot 10 behandelingen',
    planned_sessions: SESSIONS,
    risks: 'Roodheid en zwelling tot 48 uur, puntbloedinkjes, tijdelijke pigmentverschuiving, zelden infectie of littekenvorming',
    alternatives: 'Chemische peeling, fractional laser (verwijzing), niets doen',
    costs: 'EUR 175 per behandeling, EUR 1.575 voor 10 behandelingen bij vooruitbetaling',
    aftercare: 'Eerste 24 uur geen make-up, 48 uur niet sporten of zonnen, dagelijks SPF 50, milde reiniging',
    intake_reviewed: true,
  },
}, 201);
const tid = trajectory.id;
await api.must('POST', `/api/v1/trajectories/${tid}/consents`, {
  json: {
    kind: 'informed',
    text: 'Informatie microneedling versie 2026-03. Ik ben geinformeerd over het doel, het verwachte resultaat, ' +
      'de risico\'s en bijwerkingen (roodheid, zwelling, puntbloedinkjes, pigmentverschuiving, infectie), de ' +
      'alternatieven en de kosten, en geef toestemming voor een traject van 10 behandelingen.',
    signature: { kind: 'typed', value: name },
  },
}, 201);

// Photos: real JPEGs (vips), a little different each, phone-like 1600x1200.
const work = mkdtempSync(join(tmpdir(), 'huidig-fixture-'));
function jpeg(i) {
  const raw = join(work, `n${i}.v`);
  const file = join(work, `p${i}.jpg`);
  execFileSync('vips', ['gaussnoise', raw, '1600', '1200', '--mean', String(100 + 10 * i), '--sigma', '40']);
  execFileSync('vips', ['jpegsave', raw, file, '--Q', '85']);
  return readFileSync(file);
}
let photos = 0;
async function photo(i, query) {
  // At most server.max_uploads at once; one at a time here, so a 503 is a real error.
  await api.must('POST', `/api/v1/clients/${client.id}/photos`, { body: jpeg(i), contentType: 'image/jpeg', query }, 201);
  photos++;
}
try {
  await photo(0, { phase: 'before', area: 'wang links', trajectory: tid });
  await photo(1, { phase: 'before', area: 'wang rechts', trajectory: tid });

  // Ten sessions, each drafted, then signed. They are performed now, one after the other:
  // a session may not predate the informed consent (R-CONSENT-4) nor lie in the future
  // (R-TRJ-2), and the API has no clock to set back, so the consent cannot be months old.
  const sessions = [];
  for (let n = 0; n < SESSIONS; n++) {
    const depth = Math.min(0.5 + 0.25 * n, 1.5).toFixed(2).replace('.', ',');
    const draft = await api.must('POST', `/api/v1/trajectories/${tid}/sessions`, {
      json: {
        body_areas: ['wang links', 'wang rechts', ...(n % 3 === 2 ? ['kin'] : [])],
        products: [
          { kind: 'needle', name: 'Dermapen cartridge 16 naalden', batch: `DP16-${2611 + (n >> 2)}-${String.fromCharCode(65 + n)}` },
          { kind: 'product', name: 'Hyaluronzuur serum 2%', batch: `HA-${24017 + (n >> 1)}` },
          { kind: 'product', name: 'Verdovingscreme lidocaine 5%', batch: `LC-${8830 + n}` },
        ],
        device: { name: 'Dermapen 4', settings: `${depth} mm, snelheid 13, 3 passes` },
        particulars: n === 4 ? 'Client had een koortslip op de bovenlip; dat gebied overgeslagen.' : 'Geen bijzonderheden',
        result: `Behandeling ${n + 1} van ${SESSIONS} goed verdragen, egale puntbloedinkjes, roodheid als verwacht.`,
        evaluation: n === 0 ? 'Nulmeting gemaakt' : `Littekens merkbaar vlakker dan bij behandeling ${n}`,
        attention_points: 'Gevoelige huid bij de kaaklijn; rosacea niet verergerd',
        aftercare_advice: 'Koelen, 24 uur geen make-up, SPF 50, hyaluronzuur serum twee keer per dag',
      },
    }, 201);
    const signed = await api.must('POST', `/api/v1/sessions/${draft.id}/sign`, {}, 200);
    if (signed.status !== 'signed') throw new Error(`session ${draft.id} is ${signed.status} after signing`);
    sessions.push(signed);
    if (n === 4) await photo(2, { phase: 'during', area: 'wang links', session: signed.id });
    if (n === 5) {
      // A change in the intake half-way (a new version; nothing is overwritten).
      await api.must('POST', `/api/v1/clients/${client.id}/intake`, {
        json: {
          allergies: 'Nikkel',
          medication: 'Valaciclovir bij koortslip',
          pregnancy: 'Nee',
          skin_conditions: 'Acnelittekens op beide wangen, lichte rosacea',
          contra_indications: 'Geen',
          notes: 'Huidtype Fitzpatrick III. Koortslip in behandeling 5.',
        },
      }, 201);
      await photo(3, { phase: 'during', area: 'wang rechts', session: signed.id });
    }
  }

  // Addenda on signed sessions (R-DOS-3: the original stays).
  const addenda = [
    [1, 'Batchnummer verkeerd overgenomen', 'Het juiste batchnummer van het serum is HA-24018.'],
    [4, 'Aanvulling', 'Client belde twee dagen later: koortslip genezen, geen reactie op de behandeling.'],
    [7, 'Instelling verkeerd genoteerd', 'De naalddiepte was 1,25 mm op de wangen en 1,0 mm op de kin.'],
  ];
  for (const [n, reason, text] of addenda) {
    await api.must('POST', `/api/v1/sessions/${sessions[n].id}/addenda`, { json: { reason, text } }, 201);
  }

  const last = sessions[SESSIONS - 1].id;
  await photo(4, { phase: 'after', area: 'wang links', session: last });
  await photo(5, { phase: 'after', area: 'wang rechts', session: last });

  // What the benchmark reads.
  const t = await api.must('GET', `/api/v1/trajectories/${tid}`, {}, 200);
  const signedCount = t.sessions.filter((s) => s.status === 'signed').length;
  const addendaCount = t.sessions.reduce((n, s) => n + s.addenda.length, 0);
  if (signedCount !== SESSIONS || addendaCount < 2) {
    throw new Error(`trajectory ${tid}: ${signedCount} signed sessions, ${addendaCount} addenda`);
  }
  console.error(`fixture: client ${client.id}, trajectory ${tid}: ${signedCount} signed sessions, ${addendaCount} addenda, ` +
    `${photos} photos, ${t.consents.length} consent(s), photo flags [${t.photo_flags.join(', ')}], missing [${t.missing.join(', ')}]`);
  console.log(tid);
} finally {
  rmSync(work, { recursive: true, force: true });
}
