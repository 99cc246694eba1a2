/**
 * Google API calls per job, counted by the Sheets fake through the real @googleapis/sheets client (msw), and the
 * sustained intake rate under the per-user quota of 60 writes a minute (simulated clock: no real waiting).
 * Prints JSON lines. Usage: node dist-bench/bench/sheets-calls.js
 */
import { OAuth2Client } from 'google-auth-library';
import { setupServer } from 'msw/node';
import { CampaignRepository } from '../shared/store/campaign-repository.js';
import type { Submission } from '../shared/jobs/intake.js';
import { GoogleSheetsStore } from '../shared/google/sheets/sheets-store.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import { FakeSheets } from '../test/fakes/sheets-fake.js';
import { person, prng } from './names.js';
import { initCampaign } from '../shared/jobs/init-campaign.js';
import { intake } from '../shared/jobs/intake.js';
import { recompute } from '../shared/jobs/recompute.js';
import { recordReviews } from '../shared/jobs/record-reviews.js';
import { snapshotOf } from '../test/support/campaign.js';

const campaign = loadCampaigns().get('van-ninh-dan-van-kheo')!;
const server = setupServer();
server.listen({ onUnhandledFrame: 'error' });
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'bench' });
const random = prng(11);
const full = { '1': 15, '2': 15, '3': 20, '4': 10, '5': 10, '6': 15, '7': 15 };
const evidence = Object.fromEntries(Object.keys(full).map((k) => [k, `Minh chứng ${k}`]));
let seq = 0;
const submission = (): Submission => {
  seq += 1;
  const p = person(random, seq);
  return { payload: { responseId: `R-${seq}`, submittedAt: '2024-08-15T09:00:00+07:00', campaign: campaign.id, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name: p.name, unit: p.unit, gender: p.gender, selfScores: { ...full, '1': 13.5 + Math.round(random() * 3) / 2 }, evidence }, source: 'bench' };
};

const spreadsheetIds = new Map<FakeSheets, string>();
/** A fresh fake spreadsheet with the campaign's tabs, and the campaign store on it; `clock` drives quotas and waits. */
async function setUp(quota?: { writesPerMinute: number; clock: { now: number } }) {
  const fake = new FakeSheets({ seed: 3, writesPerMinute: quota?.writesPerMinute, now: quota ? () => quota.clock.now : undefined });
  server.resetHandlers(...fake.handlers);
  const id = fake.createSpreadsheet({ title: 'bench' });
  spreadsheetIds.set(fake, id);
  const tables = new GoogleSheetsStore({ spreadsheetId: id, auth, sleep: async (ms) => void (quota ? (quota.clock.now += ms) : undefined), random: () => 0.5, retry: { maxAttempts: 50 } });
  const store = await initCampaign(tables, campaign);
  fake.resetCounts();
  return { fake, store };
}

const totalCalls = (fake: FakeSheets) => Object.values(fake.counts).reduce((a, b) => a + b, 0);
const lines: Array<Record<string, unknown>> = [];
const out = (line: Record<string, unknown>) => lines.push(line);
const NOW = new Date('2024-08-20T02:00:00Z');

/** Bytes sent and received through msw, counted from the bodies (the client's requests and the fake's answers). */
const traffic = { sent: 0, received: 0 };
server.events.on('request:start', ({ request }) => {
  if (request.body) void request.clone().arrayBuffer().then((b) => (traffic.sent += b.byteLength));
});
server.events.on('response:mocked', ({ response }) => {
  void response.clone().arrayBuffer().then((b) => (traffic.received += b.byteLength));
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

{
  const { fake, store } = await setUp();
  await intake(store, [submission()], NOW);
  out({ bench: 'calls', job: 'intake of one nomination (store job, warm, no lock)', calls: totalCalls(fake) });
}
// One intake into a sheet already holding N nominations (and a few rejections), at 1×, 2× and 4× N: calls and bytes.
const base = Math.max(100, Math.round(2_500 * Number(process.env.THIDUA_BENCH_SCALE ?? 1)));
for (const n of [base, 2 * base, 4 * base]) {
  const { fake, store } = await setUp();
  await intake(store, Array.from({ length: n }, submission), NOW);
  await intake(store, Array.from({ length: 20 }, () => ({ payload: { responseId: `BAD-${++seq}`, campaign: campaign.id, name: 'x'.repeat(2_000) }, source: 'bench' })), NOW);
  await settle();
  fake.resetCounts();
  traffic.sent = traffic.received = 0;
  await intake(store, [submission()], NOW);
  await settle();
  out({ bench: 'growth', nominations: n, calls: totalCalls(fake), bytesSent: traffic.sent, bytesReceived: traffic.received });
}
for (const n of [1_000, 10_000]) {
  const { fake, store } = await setUp();
  const batch = Array.from({ length: n }, submission);
  await intake(store, batch, NOW);
  fake.resetCounts();
  await recompute(store, NOW);
  out({ bench: 'calls', job: `first recompute of ${n.toLocaleString('en')} nominations (every row rewritten, no lock)`, calls: totalCalls(fake) });
  await recordReviews(store, [{ responseId: (batch[5]!.payload as { responseId: string }).responseId, appraisal: 'not-eligible', reason: 'bench' }], 'bench', NOW);
  fake.resetCounts();
  await recompute(store, new Date(NOW.getTime() + 60_000));
  out({ bench: 'calls', job: `recompute of ${n.toLocaleString('en')} nominations after a council change (no lock)`, calls: totalCalls(fake) });
  if (n === 10_000) {
    // the spreadsheet's cells (every tab's grid, as Google counts them) once 10,000 nominations are in and ranked
    const grids = fake.spreadsheet(spreadsheetIds.get(fake)!).sheets.map((t) => ({ title: t.properties.title, cells: (t.properties.gridProperties.rowCount ?? 0) * (t.properties.gridProperties.columnCount ?? 0) }));
    out({ bench: 'cells', nominations: n, cells: grids.reduce((a, g) => a + g.cells, 0), tabs: grids });
  }
}

// Sustained intake under 60 writes/min per user (simulated clock: each call takes 200 ms, quota waits advance it):
// one write per submission vs a page of submissions per write, as the form sync does.
for (const [mode, perCall, calls] of [['one write per submission', 1, 300], ['batched (a page of 500 per write)', 500, 10]] as const) {
  const clock = { now: 0 };
  const { store } = await setUp({ writesPerMinute: 60, clock });
  let stored = 0;
  for (let i = 0; i < calls; i++) {
    const outcomes = await intake(store, Array.from({ length: perCall }, submission), new Date(NOW.getTime() + clock.now));
    stored += outcomes.filter((o) => o.kind === 'accepted').length;
    clock.now += 200;
  }
  const minutes = clock.now / 60_000;
  const { nominations } = await snapshotOf(store);
  out({ bench: 'quota', mode, perMinute: Math.round(stored / minutes), stored, inSheet: nominations.length, lost: stored - nominations.length, simulatedMinutes: Math.round(minutes * 100) / 100 });
}
server.close();
console.log(JSON.stringify({ bench: 'sheets-calls', lines }));
