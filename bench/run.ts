/**
 * `npm run bench`: measures what users wait for, end to end in fresh processes, and prints ONE table (bench/table.ts):
 * each target, the measured figure, its reference and the ratio. The functions are measured as deployed — the
 * one-file bundles of dist/fn/ behind the real Functions Framework — against fake Google APIs (Sheets, Forms, Cloud
 * Storage) on a loopback HTTP server, through the real clients. Generates its own data, needs no network beyond the
 * npm registry (once, to fetch the googleapis monolith for the cold-start reference), and writes the table to stdout
 * and out/bench.json.
 *
 * THIDUA_BENCH_SCALE (default 1) scales the data sizes for a quick run (e.g. 0.05); THIDUA_BENCH_ONLY=embedded,cold,calls,
 * datasets,export,validation runs some sections only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OAuth2Client } from 'google-auth-library';
import { signBody } from '../shared/auth/hmac-signature.js';
import { buildFormPlan } from '../shared/forms/form-plan.js';
import { googleFormsApi } from '../shared/google/forms/forms-api.js';
import { GoogleSheetsStore, MAX_CELLS } from '../shared/google/sheets/sheets-store.js';
import { GcsDatasetStore } from '../shared/google/storage/gcs-datasets.js';
import { recordForm } from '../shared/jobs/create-form.js';
import { initCampaign } from '../shared/jobs/init-campaign.js';
import { intake as intakeJob } from '../shared/jobs/intake.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import { apiResponse } from '../test/forms/form-builders.js';
import { embeddedStoreRows } from './embedded-store.js';
import { startGoogleFakeServer, type GoogleFakeServer } from './google-fake-server.js';
import { person, prng } from './names.js';
import { quizLogObject } from './quiz-data.js';
import { printTable, type BenchRow } from './table.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const node = process.execPath;
const scale = Number(process.env.THIDUA_BENCH_SCALE ?? 1);
const sized = (n: number, min = 1) => Math.max(min, Math.round(n * scale));
const only = process.env.THIDUA_BENCH_ONLY?.split(',').map((s) => s.trim());
const runs = (section: string) => !only || only.includes(section);
const rows: BenchRow[] = [];
const add = (row: BenchRow) => {
  rows.push(row);
  process.stderr.write(`  ${row.work}: ${row.measured}${row.reference ? ` (ref ${row.reference})` : ''}${row.met === undefined ? '' : row.met ? ' ✓' : ' ✗'}\n`);
};
const ratio = (x: number, ref: number) => `${(x / ref).toFixed(2)}×`;
const mb = (x: unknown) => `${String(x)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs a measurement in a fresh process (asynchronously: the fake Google server lives in this one) and parses its JSON line. */
const child = (script: string, args: string[], extraArgs: string[] = []): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    // BENCH_PROFILE=1 writes a CPU profile of every child into out/profile/ (to see where a figure comes from)
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(root, 'out', 'profile')] : [];
    const proc = spawn(node, [...profile, ...extraArgs, join(here, script), ...args], { cwd: root, env: { ...process.env, BENCH_DEBUG: '1' } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 900_000);
    proc.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (process.env.BENCH_VERBOSE) process.stderr.write(stderr);
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${script} failed (${String(code)}): ${stderr.slice(-2000)}`));
      else resolve(JSON.parse(line) as Record<string, unknown>);
    });
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---------- the googleapis monolith, for the cold-start reference (fetched once into a cache outside the project) ----------
const cache = join(root, 'node_modules', '.cache', 'thidua-bench');
const monolith = join(cache, 'node_modules', 'googleapis', 'build', 'src', 'index.js');
const bundle = join(root, 'dist', 'fn', 'index.js');
if (!existsSync(bundle)) throw new Error('dist/fn/index.js is missing: run "node scripts/bundle-functions.mjs" (npm run bench does)');

// ---------- a fake Google behind a loopback HTTP server, and a provisioned council sheet ----------
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
const campaigns = loadCampaigns();
const SECRET = 'bench-shared-secret-of-at-least-32-characters';
const AUD = 'https://thidua-bench.a.run.app';
const COUNCIL = 'chu-tich@vanninh.gov.vn';
const BUCKET = 'thidua-bench-datasets';

async function councilSheet(google: GoogleFakeServer, campaignId: string, spreadsheetId: string, withBucket: boolean) {
  const campaign = campaigns.get(campaignId)!;
  google.storage.createBucket(BUCKET);
  const id = google.sheets.createSpreadsheet({ spreadsheetId, title: 'bench' });
  const tables = new GoogleSheetsStore({ spreadsheetId: id, auth, rootUrl: google.url });
  const datasets = withBucket ? new GcsDatasetStore({ bucket: BUCKET, prefix: `datasets/${id}/`, auth, rootUrl: google.url }) : undefined;
  const repo = await initCampaign(tables, campaign, datasets);
  const env: Record<string, string> = {
    THIDUA_STORE: 'google',
    THIDUA_SPREADSHEET_ID: id,
    THIDUA_HMAC_SECRET: SECRET,
    THIDUA_OIDC_AUDIENCES: AUD,
    THIDUA_ALLOWED_CALLERS: 'scheduler@bench.iam.gserviceaccount.com',
    THIDUA_COUNCIL_EMAILS: COUNCIL,
    ...(withBucket ? { THIDUA_DATASET_BUCKET: BUCKET } : {}),
  };
  return { campaign, id, repo, env };
}

let seq = 0;
const signed = (body: string) => ({ 'content-type': 'application/json', 'x-thidua-signature': signBody(SECRET, body, new Date()) });
const nominationBody = (campaignId: string) => ({ responseId: `COLD-${++seq}`, submittedAt: '2024-08-15T09:00:00+07:00', campaign: campaignId, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name: `Nguyễn Văn Bình ${seq}`, unit: 'UBND xã Vạn Thắng', selfScores: { '1': 15, '2': 15, '3': 20, '4': 10, '5': 10, '6': 15, '7': 15 }, evidence: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e', '6': 'f', '7': 'g' } });
function request(google: GoogleFakeServer, door: string, campaignId: string): { method: string; path: string; body?: string; headers: Record<string, string> } {
  if (door === 'export-list') return { method: 'GET', path: `/?campaign=${campaignId}&award=giay-khen-chu-tich-huyen`, headers: { authorization: `Bearer ${google.idToken({ email: COUNCIL, aud: AUD })}` } };
  const body = door === 'intake' ? JSON.stringify(nominationBody(campaignId)) : '{}';
  return { method: 'POST', path: '/', body, headers: signed(body) };
}
/** One fresh process answering one request: `bundle` (as deployed), the unbundled build, or it with the monolith. */
async function coldStart(google: GoogleFakeServer, env: Record<string, string>, campaignId: string, door: string, build: 'bundle' | 'unbundled' | 'monolith', times = 3): Promise<{ ms: number; peakRssMb: number }> {
  const ms: number[] = [];
  let peak = 0;
  for (let i = 0; i < times; i++) {
    const options = { env, apiRoot: google.url, certsUrl: google.certsUrl, ...request(google, door, campaignId), ...(build === 'bundle' ? { bundle } : build === 'monolith' ? { monolith } : {}) };
    const result = await child('cold-start-child.js', [door, JSON.stringify(options)]);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`    ${JSON.stringify(result)}\n`);
    if (Number(result.status) >= 400) throw new Error(`${door} answered ${String(result.status)}: ${JSON.stringify(result)}`);
    ms.push(Number(result.ms));
    peak = Math.max(peak, Number(result.peakRssMb));
  }
  return { ms: median(ms), peakRssMb: peak };
}

// ---------- cold starts ----------
if (runs('cold')) {
  if (!existsSync(monolith)) {
    process.stderr.write('fetching the googleapis monolith for the reference build (once)…\n');
    mkdirSync(cache, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', cache, 'googleapis@160'], { stdio: 'ignore' });
  }
  process.stderr.write('cold starts (median of 3 fresh processes each)…\n');
  const google = await startGoogleFakeServer();
  const { env, campaign, repo } = await councilSheet(google, 'van-ninh-dan-van-kheo', '1BenchCouncilSheet000000000000000000000000', true);
  const formsApi = await googleFormsApi({ auth: auth as never, rootUrl: google.url });
  const plan = buildFormPlan(campaign);
  const form = await formsApi.create(plan.title);
  const replies = (await formsApi.batchUpdate(form.formId!, plan.requests)).replies ?? [];
  const questions = [...plan.questions].map(([i, q]) => ({ ...q, questionId: replies[i]?.createItem?.questionId?.[0] ?? q.questionId }));
  // a form made through the API takes no responses until it is published (as `thidua form create` does)
  await formsApi.setPublishState(form.formId!, { isPublished: true, isAcceptingResponses: true });
  await recordForm(repo, { formId: form.formId!, questions });
  // the district's award list signed before the 2025 reform ended that authority, so that it may still be exported
  await repo.write([{ kind: 'settings', mode: 'add', entries: [['Ngày ký', '15/06/2025']] }]);
  Object.assign(env, { THIDUA_FORM_ID: form.formId!, THIDUA_PUBSUB_TOPIC: 'projects/thidua-bench/topics/thidua-forms' });

  const reference = await coldStart(google, env, campaign.id, 'intake', 'monolith');
  const intake = await coldStart(google, env, campaign.id, 'intake', 'bundle');
  add({ work: 'cold start: intake (bundle, compile cache), one request in a fresh process', target: '≤ 250 ms and ≥ 4× faster than the monolith', measured: `${intake.ms} ms`, reference: `${reference.ms} ms googleapis monolith build`, ratio: `${(reference.ms / intake.ms).toFixed(1)}× faster`, met: intake.ms <= 250 && reference.ms / intake.ms >= 4 });
  for (const door of ['recompute', 'deadline-report', 'export-list', 'form-sync', 'watch-renewal']) {
    const bundled = await coldStart(google, env, campaign.id, door, 'bundle');
    const unbundled = await coldStart(google, env, campaign.id, door, 'unbundled');
    add({ work: `cold start: ${door} (bundle)`, target: '', measured: `${bundled.ms} ms`, reference: `${unbundled.ms} ms unbundled build`, ratio: ratio(bundled.ms, unbundled.ms), met: undefined });
  }

  // API calls of one intake through the function on a cold instance, and of a form sync of 5,000 responses
  const calls = () => Object.values(google.sheets.counts).reduce((a, b) => a + b, 0) + Object.values(google.forms.counts).reduce((a, b) => a + b, 0);
  const resetCounts = () => {
    google.sheets.resetCounts();
    for (const k of Object.keys(google.forms.counts)) google.forms.counts[k as keyof typeof google.forms.counts] = 0;
  };
  resetCounts();
  await coldStart(google, env, campaign.id, 'intake', 'bundle', 1);
  const intakeCalls = calls();
  add({ work: 'API calls: intake through the function, cold instance (opens the sheet, takes and releases the write lock)', target: '≤ 2', measured: String(intakeCalls), reference: '', ratio: '', met: intakeCalls <= 2 });
  for (let i = 0; i < 5_000; i++) google.forms.addResponse(form.formId!, apiResponse(questions, `SYNC${String(i).padStart(5, '0')}`, `2024-08-${String(10 + (i % 15)).padStart(2, '0')}T0${i % 10}:00:00Z`, { name: `Trần Thị Hoa ${i}` }));
  resetCounts();
  await coldStart(google, env, campaign.id, 'form-sync', 'bundle', 1);
  const syncCalls = calls();
  const byMethod = [...Object.entries(google.forms.counts), ...Object.entries(google.sheets.counts)].filter(([, n]) => n > 0).map(([m, n]) => `${m} ${n}`).join(', ');
  add({ work: 'API calls: form sync of 5,000 responses (one page) through the function, cold instance', target: '≤ 2 per page of 5,000', measured: `${syncCalls} (${byMethod})`, reference: '', ratio: '', met: syncCalls <= 2 });
  await google.close();
}

// ---------- Sheets calls and bytes per job, growth, the cell budget, the quota ----------
if (runs('calls')) {
  process.stderr.write('Sheets API calls and bytes per job…\n');
  const lines = (await child('sheets-calls.js', [])).lines as Array<Record<string, unknown> & { bench: string }>;
  for (const l of lines.filter((x) => x.bench === 'calls')) {
    const job = String(l.job);
    const intakeJob = job.startsWith('intake');
    add({ work: `API calls: ${job}`, target: intakeJob ? '≤ 2' : '≤ 6, constant in N', measured: String(l.calls), reference: '', ratio: '', met: intakeJob ? Number(l.calls) <= 2 : Number(l.calls) <= 6 });
  }
  const growth = lines.filter((x) => x.bench === 'growth');
  const first = growth[0];
  for (const g of growth) {
    const n = Number(g.nominations);
    const times = first ? n / Number(first.nominations) : 1;
    const bytes = Number(g.bytesReceived) + Number(g.bytesSent);
    const refBytes = first ? Number(first.bytesReceived) + Number(first.bytesSent) : bytes;
    add({
      work: `intake of one nomination into a sheet of ${n.toLocaleString('en')} nominations (${times}×): Sheets calls and bytes`,
      target: 'calls constant; bytes constant',
      measured: `${String(g.calls)} calls, ${(Number(g.bytesReceived) / 1024).toFixed(0)} KiB read, ${(Number(g.bytesSent) / 1024).toFixed(0)} KiB sent`,
      reference: first && g !== first ? `${String(first.calls)} calls, ${(refBytes / 1024).toFixed(0)} KiB at 1×` : '',
      ratio: first && g !== first ? `calls ${ratio(Number(g.calls), Number(first.calls))}, bytes ${ratio(bytes, refBytes)}` : '',
      met: first ? Number(g.calls) === Number(first.calls) && bytes <= refBytes * 1.1 : undefined,
    });
  }
  const cells = lines.find((x) => x.bench === 'cells');
  if (cells) {
    const used = Number(cells.cells);
    add({ work: `cell budget: the council's sheet holding ${Number(cells.nominations).toLocaleString('en')} nominations, ranked (datasets in Cloud Storage; their empty tabs counted)`, target: '≤ 10 % of the 10,000,000-cell limit', measured: `${used.toLocaleString('en')} cells`, reference: `${MAX_CELLS.toLocaleString('en')} cells (Google's limit)`, ratio: `${((used / MAX_CELLS) * 100).toFixed(1)} %`, met: used <= MAX_CELLS / 10 });
  }
  const quota = lines.filter((x) => x.bench === 'quota');
  const single = quota.find((q) => String(q.mode).startsWith('one'));
  const batched = quota.find((q) => !String(q.mode).startsWith('one'));
  if (single && batched) {
    add({ work: 'intake under 60 writes/min: batched (a page per write)', target: '≥ 10× the one-write rate, nothing lost', measured: `${Number(batched.perMinute).toLocaleString('en')}/min, lost ${String(batched.lost)}`, reference: `${String(single.perMinute)}/min (one write per submission)`, ratio: ratio(Number(batched.perMinute), Number(single.perMinute)), met: Number(batched.perMinute) >= 10 * Number(single.perMinute) && batched.lost === 0 && single.lost === 0 });
  }
}

// ---------- datasets in Cloud Storage: the recompute through the function, and an import, in fresh processes ----------
if (runs('datasets')) {
  process.stderr.write('datasets in Cloud Storage…\n');
  const nominees = sized(2_000, 10);
  const measured: Array<{ rows: number; ms: number; peak: number }> = [];
  for (const logRows of [sized(1_000_000, 1_000), sized(2_000_000, 2_000)]) {
    const google = await startGoogleFakeServer();
    const { env, id, repo, campaign } = await councilSheet(google, 'bac-son-quiz-2024', `1BenchQuizSheet${String(logRows).padStart(27, '0')}`, true);
    const object = quizLogObject(campaign, nominees, logRows);
    google.storage.putObject(BUCKET, `datasets/${id}/quizLog.jsonl`, object.data, 'application/x-ndjson');
    const random = prng(5);
    await intakeJob(repo, Array.from({ length: nominees }, (_, i) => {
      const p = person(random, i);
      return { payload: { responseId: `Q-${i}`, submittedAt: '2024-05-06T09:00:00+07:00', campaign: campaign.id, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name: p.name, unit: p.unit, gender: p.gender, birthDate: `19${60 + (i % 40)}-01-10`, quizAccount: `BS-${i}`, selfScores: {}, evidence: {} }, source: 'bench' };
    }), new Date('2024-05-07T00:00:00Z'));
    google.storage.resetCounts();
    const r = await coldStart(google, env, campaign.id, 'recompute', 'bundle', 1);
    const served = google.storage.bytesServed;
    measured.push({ rows: object.rows, ms: r.ms, peak: r.peakRssMb });
    const firstRun = measured[0]!;
    const growth = measured.length > 1;
    add({
      work: `recompute through the function (fresh process): ${nominees.toLocaleString('en')} nominations × ${object.rows.toLocaleString('en')}-row quiz log streamed from Cloud Storage (${(object.data.length / 2 ** 20).toFixed(0)} MiB, ${(served / 2 ** 20).toFixed(0)} MiB read)`,
      target: growth ? 'memory flat, time linear in the log' : '≤ 512 MB peak',
      measured: `${s(r.ms)}, ${mb(r.peakRssMb)} peak`,
      reference: growth ? `${s(firstRun.ms)}, ${mb(firstRun.peak)} at ${firstRun.rows.toLocaleString('en')} rows` : '512 MB (a Cloud Run function by default)',
      ratio: growth ? `time ${ratio(r.ms, firstRun.ms)}, memory ${ratio(r.peakRssMb, firstRun.peak)}` : ratio(r.peakRssMb, 512),
      met: growth ? r.peakRssMb <= firstRun.peak * 1.25 && r.ms <= firstRun.ms * 2.6 : r.peakRssMb <= 512,
    });
    if (!growth) {
      const added = sized(10_000, 100);
      const imp = await child('dataset-import.js', [google.url, BUCKET, `datasets/${id}/`, String(added)]);
      add({ work: `import of ${added.toLocaleString('en')} quiz rows onto the ${object.rows.toLocaleString('en')}-row log in Cloud Storage (fresh process, one streaming pass)`, target: '≤ 256 MB peak, whatever the log', measured: `${s(Number(imp.ms))}, ${mb(imp.peakRssMb)} peak, ${String(imp.added)} added`, reference: '', ratio: '', met: Number(imp.peakRssMb) <= 256 && Number(imp.added) === added });
    }
    await google.close();
  }
}

// ---------- export ----------
if (runs('export')) {
  process.stderr.write('award-list export…\n');
  for (const n of [1_000, 10_000, 100_000]) {
    const r = await child('export.js', [String(n), join(root, 'out', `bench-export-${n}.xlsx`)]);
    const target = n === 10_000 ? '≤ 1.5 s, ≤ 200 MB' : n === 100_000 ? '≤ 300 MB (streaming)' : '';
    const met = n === 10_000 ? Number(r.ms) <= 1500 && Number(r.peakRssMb) <= 200 : n === 100_000 ? Number(r.peakRssMb) <= 300 : undefined;
    add({ work: `export: award list of ${n.toLocaleString('en')} rows`, target, measured: `${s(Number(r.ms))}, ${mb(r.peakRssMb)}`, reference: '', ratio: '', met });
  }
}

// ---------- validation and ranking (the engine in memory) ----------
if (runs('validation')) {
  process.stderr.write('validation and ranking…\n');
  const one = await child('validation.js', ['10000']);
  const two = await child('validation.js', ['20000']);
  add({ work: 'validation + ranking in memory: 10,000 nominations × 250,000-row quiz log', target: '≤ 2 s, ≤ 500 MB', measured: `${s(Number(one.ms))}, ${mb(one.peakRssMb)}`, reference: '', ratio: '', met: Number(one.ms) <= 2000 && Number(one.peakRssMb) <= 500 });
  add({ work: 'validation + ranking in memory: 2× input (20,000 × 500,000)', target: '≈ 2× (linear)', measured: s(Number(two.ms)), reference: `${s(Number(one.ms))} at 1×`, ratio: ratio(Number(two.ms), Number(one.ms)), met: Number(two.ms) / Number(one.ms) < 2.6 });
}

// ---------- the embedded store (the CLI on the local store): its rows come from bench/embedded-store.ts ----------
if (runs('embedded')) {
  process.stderr.write('the embedded store through the CLI…\n');
  for (const row of await embeddedStoreRows()) add(row);
}

// ---------- the table ----------
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nthi-dua benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine}${scale !== 1 ? ` — sizes × ${scale}` : ''}\n`);
console.log(printTable(rows));
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out', 'bench.json'), JSON.stringify({ date: new Date().toISOString(), machine, scale, rows }, null, 2));
console.log('\n(also written to out/bench.json)');
