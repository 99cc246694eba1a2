/**
 * The embedded store through the real CLI, in fresh processes (`node bin/thidua.js …` under /usr/bin/time: wall time
 * and peak RSS of what a secretary waits for): one intake into an empty store, into a store with 5,000 nominations and
 * into one with a 1,000,000-row quiz log; `score` of 10,000 nominations against that log; growth at 1×, 2× and 4×;
 * 10 rounds of 3 concurrent intakes; the workbook-only store (THIDUA_EMBEDDED=xlsx) as the reference row.
 * THIDUA_BENCH_SCALE (default 1) scales every size down for a quick run, e.g. 0.05.
 * Run alone: node dist-bench/bench/embedded-store.js
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { person, prng } from './names.js';
import { printTable, type BenchRow } from './table.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'bin', 'thidua.js');
const CAMPAIGN = 'bac-son-quiz-2024';
const SCALE = Number(process.env.THIDUA_BENCH_SCALE ?? 1);
const size = (n: number) => Math.max(10, Math.round(n * SCALE));
const RUNS = 3;

interface Run {
  seconds: number;
  peakMb: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** One CLI command in a fresh process, timed by /usr/bin/time (wall clock, maximum resident set). */
function thidua(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'BENCH-TIME %e %M', process.execPath, bin, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /BENCH-TIME ([\d.]+) (\d+)/.exec(stderr);
      if (!m) return reject(new Error(`thidua ${args.join(' ')}: no timing (${stderr.slice(-500)})`));
      resolve({ seconds: Number(m[1]), peakMb: Math.round(Number(m[2]) / 1024), stdout, stderr: stderr.replace(/BENCH-TIME.*\n?/, ''), code });
    });
  });
}

async function must(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const run = await thidua(args, env);
  if (run.code !== 0 && run.code !== 1) throw new Error(`thidua ${args.join(' ')} failed (${String(run.code)}): ${run.stderr.slice(-1000)}`);
  return run;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (s: number) => `${s.toFixed(2)} s`;

/** A nomination of the Bắc Sơn quiz campaign, with its quiz account. */
function nomination(i: number, random: () => number, prefix = 'R'): Record<string, unknown> {
  const { name, gender, unit } = person(random, i);
  return { responseId: `${prefix}-${i}`, submittedAt: '2024-05-06T09:00:00+07:00', campaign: CAMPAIGN, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name, unit, gender, birthDate: `19${60 + (i % 40)}-01-10`, quizAccount: `BS-${i}`, selfScores: {}, evidence: {} };
}

function nominationsFile(dir: string, name: string, from: number, count: number, prefix = 'R'): string {
  const random = prng(7 + from);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(Array.from({ length: count }, (_, k) => nomination(from + k, random, prefix))));
  return file;
}

/**
 * A quiz log of `rows` rows: for each of `nominees` nominees, their account and 4 recruits over 5 weeks (25 rows),
 * the rest other people's participation in the province. Streamed to disk.
 */
async function quizLogFile(dir: string, nominees: number, rows: number): Promise<string> {
  const file = join(dir, `quiz-${rows}.csv`);
  const out = createWriteStream(file);
  const random = prng(11);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('account,ownerName,birthDate,district,referredBy,week,result\n');
  let written = 0;
  for (let i = 0; i < nominees && written < rows; i++) {
    for (let k = 0; k < 5; k++) {
      const id = k === 0 ? `BS-${i}` : `BS-${i}-r${k}`;
      for (let week = 1; week <= 5; week++, written++) await write(`${id},Người ${i}-${k},${1960 + (i % 40)}-0${1 + (k % 9)}-1${k},${random() < 0.97 ? 'Bắc Sơn' : 'Bình Gia'},${k === 0 ? '' : `BS-${i}`},${week},${random() < 0.8 ? 'Được công nhận' : 'Chưa công nhận'}\n`);
    }
  }
  for (let j = 0; written < rows; j++) {
    for (let week = 1; week <= 5 && written < rows; week++, written++) await write(`P-${j},Người dự thi ${j},${1950 + (j % 50)}-05-15,${['Bắc Sơn', 'Bình Gia', 'Văn Quan', 'Lộc Bình'][j % 4]},,${week},${random() < 0.5 ? 'Được công nhận' : 'Chưa công nhận'}\n`);
  }
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

/** A new campaign store with `nominations` nominations and, optionally, a quiz log. */
async function store(dir: string, name: string, nominations: number, quizLog?: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const workbook = join(dir, `${name}.xlsx`);
  await must(['init', CAMPAIGN, '--store', workbook], env);
  if (nominations) await must(['intake', nominationsFile(dir, `${name}-seed.json`, 0, nominations), '--store', workbook], env);
  if (quizLog) await must(['import', 'quiz-log', quizLog, '--store', workbook], env);
  return workbook;
}

/** Median of RUNS intakes of one new nomination each into `workbook`. */
async function intakeOne(dir: string, workbook: string, tag: string, env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; peakMb: number }> {
  const runs: Run[] = [];
  for (let r = 0; r < RUNS; r++) runs.push(await must(['intake', nominationsFile(dir, `${tag}-${r}.json`, 900_000 + r, 1, `ONE-${tag}`), '--store', workbook], env));
  return { seconds: median(runs.map((x) => x.seconds)), peakMb: Math.max(...runs.map((x) => x.peakMb)) };
}

/** 10 rounds of 3 intakes at once; how many acknowledged nominations were lost or doubled. */
async function concurrent(dir: string, workbook: string, rounds: number, env: NodeJS.ProcessEnv = {}): Promise<{ sent: number; lost: number; doubled: number; seconds: number }> {
  const sent: string[] = [];
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      [0, 1, 2].map((p) => {
        const from = 500_000 + round * 10 + p * 3;
        const file = nominationsFile(dir, `c-${round}-${p}.json`, from, 2, 'C');
        return must(['intake', file, '--store', workbook], env).then((run) => {
          if (run.code === 0) sent.push(`C-${from}`, `C-${from + 1}`);
          return run;
        });
      }),
    );
  }
  const seconds = (performance.now() - start) / 1000;
  const listed = storedIds(workbook, env);
  const counts = new Map<string, number>();
  for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
  return { sent: sent.length, lost: sent.filter((id) => !counts.has(id)).length, doubled: [...counts.values()].filter((c) => c > 1).length, seconds };
}

/** The response ids stored, read through the store in a fresh process (the same reader as the CLI). */
function storedIds(workbook: string, env: NodeJS.ProcessEnv): string[] {
  const script = `
    const { CampaignRepository } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/shared/store/campaign-repository.js')).href)});
    const { embeddedStore } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/shared/store/embedded-store.js')).href)});
    const { loadCampaigns } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/shared/templates/campaign-registry.js')).href)});
    const repo = await CampaignRepository.open(embeddedStore(${JSON.stringify(workbook)}), loadCampaigns());
    const rows = (await repo.read(['nominations'])).nominations;
    console.log(JSON.stringify(rows.map((s) => s.nomination.responseId)));`;
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return JSON.parse(text.trim().split('\n').pop()!) as string[];
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** The embedded store's lines of the bench table. */
export async function embeddedStoreRows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-embedded-'));
  const rows: BenchRow[] = [];
  const say = (row: BenchRow) => {
    rows.push(row);
    process.stderr.write(`  ${row.work}: ${row.measured} (${row.ratio})\n`);
  };
  const XLSX = { THIDUA_EMBEDDED: 'xlsx' };
  const NOMS = size(5_000);
  const LOG = size(1_000_000);
  const SCORE_N = size(10_000);
  try {
    // ---------- intake of one nomination ----------
    const empty = await intakeOne(dir, await store(dir, 'empty', 0), 'empty');
    say({ work: 'intake of one nomination, empty store', target: '', measured: `${secs(empty.seconds)} (median of ${RUNS}), ${empty.peakMb} MB peak`, reference: '', ratio: '1.00×', met: undefined });
    const intakeSizes = [NOMS / 4, NOMS / 2, NOMS].map(Math.round);
    const grown: Array<{ n: number; seconds: number; peakMb: number }> = [];
    for (const n of intakeSizes) grown.push({ n, ...(await intakeOne(dir, await store(dir, `noms-${n}`, n), `noms-${n}`)) });
    const at5k = grown.at(-1)!;
    say({ work: `intake of one nomination, store with ${fmt(at5k.n)} nominations`, target: '≤ 2× empty store, ≤ 256 MB', measured: `${secs(at5k.seconds)} (median of ${RUNS}), ${at5k.peakMb} MB peak`, reference: `${secs(empty.seconds)} empty store`, ratio: ratio(at5k.seconds, empty.seconds), met: at5k.seconds <= 2 * empty.seconds && at5k.peakMb <= 256 });
    say({ work: `growth: intake at ${grown.map((g) => fmt(g.n)).join(' / ')} nominations (1×, 2×, 4×)`, target: 'linear or better', measured: grown.map((g) => secs(g.seconds)).join(' / '), reference: `${secs(grown[0]!.seconds)} at 1×`, ratio: grown.map((g) => ratio(g.seconds, grown[0]!.seconds)).join(' / '), met: grown.at(-1)!.seconds / grown[0]!.seconds <= 4 });
    // the workbook-only store, for one run, as the reference
    const xlsxStore = await store(dir, 'xlsx-noms', NOMS, undefined, XLSX);
    const xlsxEmpty = await intakeOne(dir, await store(dir, 'xlsx-empty', 0, undefined, XLSX), 'xlsx-empty', XLSX);
    const xlsx5k = await intakeOne(dir, xlsxStore, 'xlsx-noms', XLSX);
    say({ work: `reference: workbook-only store (before), intake of one nomination, ${fmt(NOMS)} nominations`, target: '', measured: `${secs(xlsx5k.seconds)}, ${xlsx5k.peakMb} MB peak`, reference: `${secs(xlsxEmpty.seconds)} empty workbook`, ratio: ratio(xlsx5k.seconds, xlsxEmpty.seconds), met: undefined });

    // ---------- the quiz log: import, intake, score ----------
    const logSizes = [LOG / 4, LOG / 2, LOG].map(Math.round);
    const scoreSizes = [SCORE_N / 4, SCORE_N / 2, SCORE_N].map(Math.round);
    const scored: Array<{ n: number; log: number; seconds: number; peakMb: number; importSeconds: number; importMb: number }> = [];
    let logOnly = '';
    for (const [i, logRows] of logSizes.entries()) {
      const n = scoreSizes[i]!;
      const csv = await quizLogFile(dir, n, logRows);
      const workbook = await store(dir, `quiz-${logRows}`, n);
      const imported = await must(['import', 'quiz-log', csv, '--store', workbook]);
      const again = await must(['import', 'quiz-log', csv, '--store', workbook]);
      if (!/nạp 0,/.test(again.stdout)) throw new Error(`an import run twice added rows: ${again.stdout}`);
      // the intake target's store: the full log and no other nomination, so the log alone is what grew
      if (i === logSizes.length - 1) await must(['import', 'quiz-log', csv, '--store', (logOnly = await store(dir, 'log-only', 0))]);
      rmSync(csv);
      const score = await must(['score', '--store', workbook]);
      scored.push({ n, log: logRows, seconds: score.seconds, peakMb: score.peakMb, importSeconds: imported.seconds, importMb: imported.peakMb });
    }
    const withLog = await intakeOne(dir, logOnly, 'quiz');
    say({ work: `intake of one nomination, store with a ${fmt(LOG)}-row quiz log`, target: '≤ 2× empty store, ≤ 256 MB', measured: `${secs(withLog.seconds)} (median of ${RUNS}), ${withLog.peakMb} MB peak`, reference: `${secs(empty.seconds)} empty store`, ratio: ratio(withLog.seconds, empty.seconds), met: withLog.seconds <= 2 * empty.seconds && withLog.peakMb <= 256 });
    const top = scored.at(-1)!;
    say({ work: `score of ${fmt(top.n)} nominations against a ${fmt(top.log)}-row quiz log`, target: '≤ 15 s, ≤ 1 GB', measured: `${secs(top.seconds)}, ${top.peakMb} MB peak`, reference: '', ratio: '', met: top.seconds <= 15 && top.peakMb <= 1024 });
    say({ work: `growth: score at ${scored.map((s) => `${fmt(s.n)} / ${fmt(s.log)}`).join(', ')} (1×, 2×, 4×)`, target: 'linear or better', measured: scored.map((s) => secs(s.seconds)).join(' / '), reference: `${secs(scored[0]!.seconds)} at 1×`, ratio: scored.map((s) => ratio(s.seconds, scored[0]!.seconds)).join(' / '), met: top.seconds / scored[0]!.seconds <= 4 });
    say({ work: `import quiz-log of ${scored.map((s) => fmt(s.log)).join(' / ')} rows (one streaming pass; run twice adds nothing)`, target: 'bounded memory', measured: scored.map((s) => `${secs(s.importSeconds)}, ${s.importMb} MB`).join(' / '), reference: `${secs(scored[0]!.importSeconds)} at 1×`, ratio: scored.map((s) => ratio(s.importSeconds, scored[0]!.importSeconds)).join(' / '), met: Math.max(...scored.map((s) => s.importMb)) <= 2 * scored[0]!.importMb + 64 });

    // ---------- concurrent writers ----------
    const ours = await concurrent(dir, await store(dir, 'concurrent', 0), 10);
    say({ work: `10 rounds of 3 concurrent intakes (${ours.sent} nominations acknowledged)`, target: '0 lost, 0 duplicated', measured: `${ours.lost} lost, ${ours.doubled} duplicated (${secs(ours.seconds)})`, reference: '', ratio: '', met: ours.lost === 0 && ours.doubled === 0 });
    const before = await concurrent(dir, await store(dir, 'concurrent-xlsx', 0, undefined, XLSX), 3, XLSX);
    say({ work: `reference: workbook-only store (before), 3 rounds of 3 concurrent intakes (${before.sent} acknowledged)`, target: '', measured: `${before.lost} lost, ${before.doubled} duplicated`, reference: '', ratio: '', met: undefined });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stderr.write(`embedded store bench (scale ${SCALE}), ${new Date().toISOString()}\n`);
  const rows = await embeddedStoreRows();
  process.stdout.write(printTable(rows));
  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(join(root, 'out', 'bench-embedded.json'), JSON.stringify(rows, null, 2));
}
