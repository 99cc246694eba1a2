/**
 * A stream of submissions through the real intake door (Functions Framework test server, identity tokens, the Google
 * store with its write lock) while the Sheets fake fails about one call in five: 429, 500, 503, dropped connections,
 * slow answers, writes applied whose answer is lost, requests Google applies late — after the sender gave up, among
 * later calls — and `200` answers cut short. Each council's sheet is written by two instances whose clocks are 60 s
 * apart (twice the lock's allowance). The sender behaves like the platform: a 2xx ends it, any other answer is tried
 * again, at either instance. Every submission must end in the sheet exactly once.
 */
import { describe, expect, test } from 'vitest';
import { formSync } from '../../functions/form-sync.js';
import { intake } from '../../functions/intake.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { apiResponse } from '../forms/form-builders.js';
import { rawIndividual } from '../support/builders.js';
import { Faults, FakeSheets } from '../fakes/sheets-fake.js';
import { bearer, certsHandler, postJson, server, serveHttp, useMsw } from '../functions/harness.js';
import { FAULT_MIX, faultLabel, googleSetup, keyCounts, LateGates, otherInstance, pool, tally } from './google-harness.js';
import type { Fault } from '../fakes/sheets-fake.js';

useMsw();

/** 1,000 in CI and with `npm run faults` (about 45 s here); a lighter 250 in a developer's `npm test`. */
const SUBMISSIONS = Number(process.env.THIDUA_FAULT_SUBMISSIONS ?? (process.env.CI ? 1000 : 250));
/** Councils, each with its own sheet and its own intake deployment; the stream is dealt out among them. */
const COUNCILS = Number(process.env.THIDUA_FAULT_COUNCILS ?? 5);
const FAULT_RATE = 0.2;
const MAX_DELIVERIES = 40;
/** How far the second instance's clock is ahead of the first's. */
const SKEW_MS = 60_000;

describe('intake under injected Google faults', () => {
  test(`${SUBMISSIONS} submissions, faults on ~${FAULT_RATE * 100}% of Sheets calls: each stored exactly once, none lost`, async () => {
    // GIVEN the council's sheet on the fake, and a fifth of the submissions delivered twice (the Apps Script retrying)
    const sheets = new FakeSheets({ seed: 2024 });
    server.use(certsHandler(), ...sheets.handlers);
    const councils = await Promise.all(
      Array.from({ length: COUNCILS }, async (_, c) => {
        // fewer tries per call than deployed (6), so that some submissions fail for good and are answered 503: the
        // path where only the sender's next try can store them
        const setup = await googleSetup({ sheets, seed: 2024 + c, retry: { maxAttempts: 4 } });
        const skewed = await otherInstance(setup, SKEW_MS);
        return { ...setup, urls: [await serveHttp(intake(setup.rt)), await serveHttp(skewed.intake)] };
      }),
    );
    const auth = bearer();
    const submissions = Array.from({ length: SUBMISSIONS }, (_, i) => rawIndividual({ responseId: `fault-${i}`, name: `Người thứ ${i}` }));
    const councilOf = (body: Record<string, unknown>) => councils[Number(String(body.responseId).split('-')[1]) % COUNCILS]!;
    /** The instance a delivery reaches: either, as a load balancer would send it. */
    const urlOf = (body: Record<string, unknown>, attempt: number) => councilOf(body).urls[(Number(String(body.responseId).split('-')[1]) + attempt) % 2]!;
    const late = new LateGates();
    /** The faults and this round's: late-applied requests (applied 1–200 calls later) and 200s cut short. */
    const mix = (random: () => number): Fault => {
      const pick = random();
      if (pick < 1 / 9) return { kind: 'late', until: late.gate(1 + Math.floor(random() * 200)) };
      if (pick < 2 / 9) return { kind: 'truncated' };
      return FAULT_MIX(random);
    };
    const stream = submissions.flatMap((s, i) => (i % 5 === 0 ? [s, s] : [s]));
    // whatever the dice say, the first write to the first council's sheet keeps failing after it was applied (all 4
    // tries): answered 503, sent again, found stored
    let forced = 0;
    let firstSheetWrites = 0;
    sheets.faults.setDecider((call, random) => {
      late.tick();
      // the first council's first write batch after its lock was taken: the fenced write (decision 008)
      if (call.method === 'spreadsheets.batchUpdate' && call.spreadsheetId === councils[0]!.spreadsheetId) firstSheetWrites += 1;
      if (call.method === 'spreadsheets.batchUpdate' && call.spreadsheetId === councils[0]!.spreadsheetId && firstSheetWrites >= 2 && forced < 4) {
        forced += 1;
        return Faults.appliedThenError(503);
      }
      return random() < FAULT_RATE ? mix(random) : undefined;
    });

    // WHEN every delivery is posted, 40 at a time, and re-posted while the answer is not a 2xx
    const started = performance.now();
    const answers = new Map<number, number>();
    let deliveries = 0;
    let refused = 0;
    let unanswered = 0;
    await pool(stream, 40, async (body) => {
      for (let attempt = 1; attempt <= MAX_DELIVERIES; attempt++) {
        deliveries += 1;
        // a connection lost before the answer (a loaded machine closing a kept-alive socket) is a delivery without an
        // answer: the sender posts again, as the Apps Script trigger does, and intake being idempotent stores it once
        const res = await postJson(urlOf(body, attempt), body, auth).catch((error: unknown) => ({ lost: error }) as const);
        if ('lost' in res) {
          unanswered += 1;
          continue;
        }
        answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
        await res.arrayBuffer();
        if (res.status === 200 || res.status === 201) return;
        expect(res.status, 'only a transient failure may be answered with an error').toBe(503);
        refused += 1;
      }
      throw new Error(`${String(body.responseId)} not stored after ${MAX_DELIVERIES} deliveries`);
    });
    const seconds = (performance.now() - started) / 1000;
    sheets.faults.setDecider(undefined);
    // every request Google was still to apply late is applied (or refused) now, before the sheets are counted
    late.openAll();
    await sheets.timing.settled();

    // THEN each council's sheet holds each of its submissions once
    const rows = new Map(councils.flatMap(({ spreadsheetId }) => [...keyCounts(sheets, spreadsheetId)]));
    const result = tally(submissions.map((s) => String(s.responseId)), rows);
    const fired = sheets.faults.fired;
    const faults = fired.reduce<Record<string, number>>((acc, { fault }) => {
      const kind = faultLabel(fault);
      acc[kind] = (acc[kind] ?? 0) + 1;
      return acc;
    }, {});
    const calls = sheets.calls.length;
    console.log(
      [
        `intake under faults: ${SUBMISSIONS} submissions to ${COUNCILS} councils' sheets (${stream.length} deliveries planned, ${deliveries} made; ${refused} answered 503 and re-sent, ${unanswered} lost their answer and re-sent) in ${seconds.toFixed(1)} s`,
        `  Sheets calls ${calls}, faults injected ${fired.length} (${((100 * fired.length) / calls).toFixed(1)}%): ${JSON.stringify(faults)}`,
        `  two instances per sheet, clocks ${SKEW_MS / 1000} s apart; late-applied requests ${JSON.stringify(sheets.timing.late)}`,
        `  answers ${JSON.stringify(Object.fromEntries(answers))} (5xx: ${[...answers].filter(([status]) => status >= 500).reduce((n, [, k]) => n + k, 0)}); calls ${JSON.stringify(Object.fromEntries(Object.entries(sheets.counts).filter(([, n]) => n > 0)))}`,
        `  stored ${result.stored} / duplicated ${result.duplicated} / lost ${result.lost}`,
      ].join('\n'),
    );
    expect(result).toEqual({ stored: SUBMISSIONS, duplicated: 0, lost: 0 });
    expect(fired.length / calls).toBeGreaterThan(0.15);
    expect(refused, 'some submissions were reported as not stored, and sent again').toBeGreaterThan(0);
  }, 300_000);
});

describe('form sync under faults, with responses Google lists late', () => {
  test('Scheduler every 15 min for 12 h, then the next day\'s runs; responses listed up to 3 h late, faults on ~20% of Sheets calls: each stored exactly once', async () => {
    // GIVEN a form whose responses Google lists after a delay: most at once, every 4th 15 min late, every 10th 40 min
    // late, every 25th 3 hours late (beyond the sync's hour: left to the daily full pass)
    const start = Date.parse('2024-08-20T01:00:00Z');
    let now = new Date(start);
    const forms = new FakeForms({ now: () => now });
    server.use(...forms.handlers);
    const formId = forms.addForm({ title: 'Hồ sơ' });
    const sheets = new FakeSheets({ seed: 515 });
    server.use(certsHandler(), ...sheets.handlers);
    const google = await googleSetup({ sheets, seed: 515, formId, now: () => now, retry: { maxAttempts: 4 } });
    const url = await serveHttp(formSync(google.rt));
    const RESPONSES = 120;
    const responses = Array.from({ length: RESPONSES }, (_, i) => {
      const submitted = start + i * 6 * 60_000;
      const delay = i % 25 === 0 ? 180 : i % 10 === 0 ? 40 : i % 4 === 0 ? 15 : 0;
      return { id: `ACYDBS-${i}`, submitted, listed: submitted + delay * 60_000 };
    });
    const late = new LateGates();
    sheets.faults.setDecider((_call, random) => {
      late.tick();
      if (random() >= FAULT_RATE) return undefined;
      const pick = random();
      if (pick < 1 / 9) return { kind: 'late', until: late.gate(1 + Math.floor(random() * 100)) };
      if (pick < 2 / 9) return { kind: 'truncated' };
      return FAULT_MIX(random);
    });

    // WHEN Scheduler calls the sync every 15 minutes for 12 hours, and again for half an hour the next day (the
    // first run 24 h after the last full pass lists everything) — each time after Google has listed what it lists by
    // then — calling again after a 503
    const added = new Set<string>();
    let runs = 0;
    let refused = 0;
    const schedule = [...Array.from({ length: 49 }, (_, k) => start + k * 15 * 60_000), ...[0, 15, 30].map((m) => start + (24 * 60 + m) * 60_000)];
    for (const at of schedule) {
      now = new Date(at);
      for (const r of responses.filter((r) => r.listed <= at && !added.has(r.id))) {
        added.add(r.id);
        forms.addResponse(formId, apiResponse(google.questions, r.id, new Date(r.submitted).toISOString()));
      }
      for (let attempt = 1; ; attempt++) {
        runs += 1;
        const res = await postJson(url, {}, bearer());
        await res.arrayBuffer();
        if (res.status === 200) break;
        expect(res.status, 'only a transient failure may be answered with an error').toBe(503);
        refused += 1;
        if (attempt >= 30) throw new Error(`the sync at ${now.toISOString()} did not succeed in 30 runs`);
      }
    }
    sheets.faults.setDecider(undefined);
    late.openAll();
    await sheets.timing.settled();

    // THEN every response is stored exactly once
    const result = tally(responses.map((r) => r.id), keyCounts(sheets, google.spreadsheetId));
    const fired = sheets.faults.fired;
    console.log(
      [
        `form sync under faults, late-listed responses: ${RESPONSES} responses (${responses.filter((r) => r.listed > r.submitted).length} listed 15 min to 3 h late), ${schedule.length} scheduled runs, ${runs} calls (${refused} answered 503 — the only 5xx — and called again)`,
        `  Sheets calls ${sheets.calls.length}, faults injected ${fired.length} (${((100 * fired.length) / sheets.calls.length).toFixed(1)}%); late-applied requests ${JSON.stringify(sheets.timing.late)}`,
        `  stored ${result.stored} / duplicated ${result.duplicated} / lost ${result.lost}`,
      ].join('\n'),
    );
    expect(result).toEqual({ stored: RESPONSES, duplicated: 0, lost: 0 });
  }, 300_000);
});
