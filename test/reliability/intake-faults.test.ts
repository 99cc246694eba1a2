/**
 * A stream of submissions through the real intake door (Functions Framework test server, identity tokens, the Google
 * store with its write lock) while the Sheets fake fails about one call in five: 429, 500, 503, dropped connections,
 * slow answers, and writes applied whose answer is lost. The sender behaves like the platform: a 2xx ends it, any
 * other answer is tried again. Every submission must end in the sheet exactly once.
 */
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { rawIndividual } from '../support/builders.js';
import { Faults, FakeSheets } from '../fakes/sheets-fake.js';
import { bearer, certsHandler, postJson, server, serveHttp, useMsw } from '../functions/harness.js';
import { FAULT_MIX, faultLabel, googleSetup, keyCounts, pool, tally } from './google-harness.js';

useMsw();

/** 1,000 in CI and with `npm run faults` (about 45 s here); a lighter 250 in a developer's `npm test`. */
const SUBMISSIONS = Number(process.env.THIDUA_FAULT_SUBMISSIONS ?? (process.env.CI ? 1000 : 250));
/** Councils, each with its own sheet and its own intake deployment; the stream is dealt out among them. */
const COUNCILS = Number(process.env.THIDUA_FAULT_COUNCILS ?? 5);
const FAULT_RATE = 0.2;
const MAX_DELIVERIES = 40;

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
        return { ...setup, url: await serveHttp(intake(setup.rt)) };
      }),
    );
    const auth = bearer();
    const submissions = Array.from({ length: SUBMISSIONS }, (_, i) => rawIndividual({ responseId: `fault-${i}`, name: `Người thứ ${i}` }));
    const councilOf = (body: Record<string, unknown>) => councils[Number(String(body.responseId).split('-')[1]) % COUNCILS]!;
    const stream = submissions.flatMap((s, i) => (i % 5 === 0 ? [s, s] : [s]));
    // whatever the dice say, the first write to the first council's sheet keeps failing after it was applied (all 4
    // tries): answered 503, sent again, found stored
    let forced = 0;
    let firstSheetWrites = 0;
    sheets.faults.setDecider((call, random) => {
      // the first council's first write batch after its lock was taken: the fenced write (decision 006)
      if (call.method === 'spreadsheets.batchUpdate' && call.spreadsheetId === councils[0]!.spreadsheetId) firstSheetWrites += 1;
      if (call.method === 'spreadsheets.batchUpdate' && call.spreadsheetId === councils[0]!.spreadsheetId && firstSheetWrites >= 2 && forced < 4) {
        forced += 1;
        return Faults.appliedThenError(503);
      }
      return random() < FAULT_RATE ? FAULT_MIX(random) : undefined;
    });

    // WHEN every delivery is posted, 40 at a time, and re-posted while the answer is not a 2xx
    const started = performance.now();
    const answers = new Map<number, number>();
    let deliveries = 0;
    let refused = 0;
    await pool(stream, 40, async (body) => {
      for (let attempt = 1; attempt <= MAX_DELIVERIES; attempt++) {
        deliveries += 1;
        const res = await postJson(councilOf(body).url, body, auth);
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
        `intake under faults: ${SUBMISSIONS} submissions to ${COUNCILS} councils' sheets (${stream.length} deliveries planned, ${deliveries} made; ${refused} answered 503 and re-sent) in ${seconds.toFixed(1)} s`,
        `  Sheets calls ${calls}, faults injected ${fired.length} (${((100 * fired.length) / calls).toFixed(1)}%): ${JSON.stringify(faults)}`,
        `  answers ${JSON.stringify(Object.fromEntries(answers))}; calls ${JSON.stringify(Object.fromEntries(Object.entries(sheets.counts).filter(([, n]) => n > 0)))}`,
        `  stored ${result.stored} / duplicated ${result.duplicated} / lost ${result.lost}`,
      ].join('\n'),
    );
    expect(result).toEqual({ stored: SUBMISSIONS, duplicated: 0, lost: 0 });
    expect(fired.length / calls).toBeGreaterThan(0.15);
    expect(refused, 'some submissions were reported as not stored, and sent again').toBeGreaterThan(0);
  }, 300_000);
});
