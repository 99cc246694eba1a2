/**
 * `npm run bench`: measures and prints, in one table, where thi-dua stands — cold starts (against the googleapis
 * monolith as reference), Google API calls per job, intake under the Sheets quota, award-list export, validation and
 * ranking at scale. Each figure beside its target. Generates its own data, needs no network beyond the npm registry
 * (once, to fetch the monolith for the reference), and writes the table to stdout and out/bench.json.
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
import { recordForm } from '../shared/jobs/create-form.js';
import { CampaignRepository } from '../shared/store/campaign-repository.js';
import { GoogleSheetsStore } from '../shared/google/sheets/sheets-store.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import { apiResponse } from '../test/forms/form-builders.js';
import { startGoogleFakeServer } from './google-fake-server.js';
import { initCampaign } from '../shared/jobs/init-campaign.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const node = process.execPath;
const rows: Array<{ figure: string; measured: string; reference: string; target: string; met: boolean | null }> = [];
const record = (figure: string, measured: string, reference: string, target: string, met: boolean | null) => {
  rows.push({ figure, measured, reference, target, met });
  process.stderr.write(`  ${figure}: ${measured}${reference ? ` (ref ${reference})` : ''}\n`);
};
/** Runs a measurement in a fresh process (asynchronously: the fake Google server lives in this one) and parses its JSON line. */
const child = (script: string, args: string[]): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    const proc = spawn(node, [join(here, script), ...args], { cwd: root, env: { ...process.env, BENCH_DEBUG: '1' } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 600_000);
    proc.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (process.env.BENCH_VERBOSE) process.stderr.write(stderr);
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${script} failed (${String(code)}): ${stderr.slice(-2000)}`));
      else resolve(JSON.parse(line) as Record<string, unknown>);
    });
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---------- the googleapis monolith, for the reference build (fetched once into a cache outside the project) ----------
const cache = join(root, 'node_modules', '.cache', 'thidua-bench');
const monolith = join(cache, 'node_modules', 'googleapis', 'build', 'src', 'index.js');
if (!existsSync(monolith)) {
  process.stderr.write('fetching the googleapis monolith for the reference build (once)…\n');
  mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', cache, 'googleapis@160'], { stdio: 'ignore' });
}

// ---------- a fake Google behind a loopback HTTP server, and a provisioned council sheet ----------
const google = await startGoogleFakeServer();
const campaign = loadCampaigns().get('van-ninh-dan-van-kheo')!;
const spreadsheetId = google.sheets.createSpreadsheet({ spreadsheetId: '1BenchCouncilSheet000000000000000000000000', title: 'bench' });
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
const tables = new GoogleSheetsStore({ spreadsheetId, auth, rootUrl: google.url });
const store = await initCampaign(tables, campaign);
const formsApi = await googleFormsApi({ auth: auth as never, rootUrl: google.url });
const plan = buildFormPlan(campaign);
const form = await formsApi.create(plan.title);
const replies = (await formsApi.batchUpdate(form.formId!, plan.requests)).replies ?? [];
const questions = [...plan.questions].map(([i, q]) => ({ ...q, questionId: replies[i]?.createItem?.questionId?.[0] ?? q.questionId }));
await recordForm(store, { formId: form.formId!, questions });

const SECRET = 'bench-shared-secret-of-at-least-32-characters';
const AUD = 'https://thidua-bench.a.run.app';
const COUNCIL = 'chu-tich@vanninh.gov.vn';
const env = {
  THIDUA_STORE: 'google',
  THIDUA_SPREADSHEET_ID: spreadsheetId,
  THIDUA_HMAC_SECRET: SECRET,
  THIDUA_OIDC_AUDIENCES: AUD,
  THIDUA_ALLOWED_CALLERS: 'scheduler@bench.iam.gserviceaccount.com',
  THIDUA_COUNCIL_EMAILS: COUNCIL,
  THIDUA_FORM_ID: form.formId!,
  THIDUA_PUBSUB_TOPIC: 'projects/thidua-bench/topics/thidua-forms',
};
let seq = 0;
const nomination = () => ({ responseId: `COLD-${++seq}`, submittedAt: '2024-08-15T09:00:00+07:00', campaign: campaign.id, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name: `Nguyễn Văn Bình ${seq}`, unit: 'UBND xã Vạn Thắng', selfScores: { '1': 15, '2': 15, '3': 20, '4': 10, '5': 10, '6': 15, '7': 15 }, evidence: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e', '6': 'f', '7': 'g' } });
const signed = (body: string) => ({ 'content-type': 'application/json', 'x-thidua-signature': signBody(SECRET, body, new Date()) });
const request = (door: string): { method: string; path: string; body?: string; headers: Record<string, string> } => {
  if (door === 'export-list') return { method: 'GET', path: `/?campaign=${campaign.id}&award=giay-khen-chu-tich-huyen`, headers: { authorization: `Bearer ${google.idToken({ email: COUNCIL, aud: AUD })}` } };
  const body = door === 'intake' ? JSON.stringify(nomination()) : '{}';
  return { method: 'POST', path: '/', body, headers: signed(body) };
};
async function coldStart(door: string, withMonolith = false): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await child('cold-start-child.js', [door, JSON.stringify({ env, apiRoot: google.url, certsUrl: google.certsUrl, ...request(door), ...(withMonolith ? { monolith } : {}) })]);
    if (Number(result.status) >= 400) throw new Error(`${door} answered ${String(result.status)}: ${JSON.stringify(result)}`);
    times.push(Number(result.ms));
  }
  return median(times);
}

process.stderr.write('cold starts (median of 3 fresh processes each)…\n');
const reference = await coldStart('intake', true);
const intake = await coldStart('intake');
record('cold start: intake', `${intake} ms`, `${reference} ms (monolith)`, '≤ 250 ms and ≥ 4× faster', intake <= 250 && reference / intake >= 4);
record('cold start: intake speed-up over the monolith', `${(reference / intake).toFixed(1)}×`, '', '≥ 4×', reference / intake >= 4);
for (const door of ['recompute', 'deadline-report', 'export-list', 'form-sync', 'watch-renewal']) record(`cold start: ${door}`, `${await coldStart(door)} ms`, '', '(measured)', null);

// ---------- API calls per job ----------
process.stderr.write('API calls per job…\n');
const calls = () => Object.values(google.sheets.counts).reduce((a, b) => a + b, 0) + Object.values(google.forms.counts).reduce((a, b) => a + b, 0);
google.sheets.resetCounts();
for (const k of Object.keys(google.forms.counts)) google.forms.counts[k as keyof typeof google.forms.counts] = 0;
await child('cold-start-child.js', ['intake', JSON.stringify({ env, apiRoot: google.url, certsUrl: google.certsUrl, ...request('intake') })]);
const intakeCalls = calls();
record('API calls: intake through the function, cold instance (opens the sheet, takes and releases the write lock)', String(intakeCalls), '', '≤ 2', intakeCalls <= 2);
for (let i = 0; i < 5_000; i++) google.forms.addResponse(form.formId!, apiResponse(questions, `SYNC${String(i).padStart(5, '0')}`, `2024-08-${String(10 + (i % 15)).padStart(2, '0')}T0${i % 10}:00:00Z`, { name: `Trần Thị Hoa ${i}` }));
google.sheets.resetCounts();
for (const k of Object.keys(google.forms.counts)) google.forms.counts[k as keyof typeof google.forms.counts] = 0;
await child('cold-start-child.js', ['form-sync', JSON.stringify({ env, apiRoot: google.url, certsUrl: google.certsUrl, ...request('form-sync') })]);
const syncCalls = calls();
if (process.env.BENCH_VERBOSE) for (const c of google.sheets.calls) process.stderr.write(`    ${JSON.stringify(c).slice(0, 200)}\n`);
const byMethod = [...Object.entries(google.forms.counts), ...Object.entries(google.sheets.counts)].filter(([, n]) => n > 0).map(([m, n]) => `${m} ${n}`).join(', ');
record('API calls: form sync of 5,000 responses (one page) through the function, cold instance', `${syncCalls} (${byMethod})`, '', '≤ 2 per page of 5,000', syncCalls <= 2);
const sheetLines = (await child('sheets-calls.js', [])).lines as Array<{ bench: string; job?: string; calls?: number; mode?: string; perMinute?: number; lost?: number }>;
for (const l of sheetLines.filter((x) => x.bench === 'calls')) record(`API calls: ${l.job!}`, String(l.calls), '', l.job!.startsWith('intake') ? '≤ 2' : '≤ 6, constant in N', l.job!.startsWith('intake') ? l.calls! <= 2 : l.calls! <= 6);
const quota = sheetLines.filter((x) => x.bench === 'quota');
const single = quota.find((q) => q.mode!.startsWith('one'));
const batched = quota.find((q) => !q.mode!.startsWith('one'));
if (single && batched) {
  record('intake under 60 writes/min: batched (a page per write)', `${batched.perMinute!.toLocaleString('en')}/min, lost ${batched.lost!}`, `${single.perMinute!}/min (one write per submission)`, '≥ 10× the one-write rate, nothing lost', batched.perMinute! >= 10 * single.perMinute! && batched.lost === 0 && single.lost === 0);
}
await google.close();

// ---------- export ----------
process.stderr.write('award-list export…\n');
for (const n of [1_000, 10_000, 100_000]) {
  const r = await child('export.js', [String(n), join(root, 'out', `bench-export-${n}.xlsx`)]);
  const target = n === 10_000 ? '≤ 1.5 s, ≤ 200 MB' : n === 100_000 ? '≤ 300 MB (streaming)' : '(measured)';
  const met = n === 10_000 ? Number(r.ms) <= 1500 && Number(r.peakRssMb) <= 200 : n === 100_000 ? Number(r.peakRssMb) <= 300 : null;
  record(`export: award list of ${n.toLocaleString('en')} rows`, `${(Number(r.ms) / 1000).toFixed(2)} s, ${String(r.peakRssMb)} MB`, '', target, met);
}

// ---------- validation and ranking ----------
process.stderr.write('validation and ranking…\n');
const one = await child('validation.js', ['10000']);
const two = await child('validation.js', ['20000']);
record('validation + ranking: 10,000 nominations × 250,000-row quiz log', `${(Number(one.ms) / 1000).toFixed(2)} s, ${String(one.peakRssMb)} MB`, '', '≤ 2 s, ≤ 500 MB', Number(one.ms) <= 2000 && Number(one.peakRssMb) <= 500);
record('validation + ranking: 2× input (20,000 × 500,000)', `${(Number(two.ms) / 1000).toFixed(2)} s (${(Number(two.ms) / Number(one.ms)).toFixed(2)}× the time)`, '', '≈ 2× (linear)', Number(two.ms) / Number(one.ms) < 2.6);

// ---------- the table ----------
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const header = ['figure', 'measured', 'reference', 'target', 'met'];
const body = rows.map((r) => [r.figure, r.measured, r.reference, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]!].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
console.log(`\nthi-dua benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n'));
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out', 'bench.json'), JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
console.log('\n(also written to out/bench.json)');
