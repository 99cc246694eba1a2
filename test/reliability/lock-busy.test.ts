/**
 * The intake door when another instance holds the sheet's write lock (decision 002). Its own file: the
 * concurrent-writers suite loads second copies of the store modules, whose error classes the door would not know.
 */
import { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { SheetsCaller } from '../../shared/google/sheets/caller.js';
import { SheetLock } from '../../shared/google/sheets/lock.js';
import { DEFAULT_RETRY_POLICY } from '../../shared/google/retry.js';
import { bearer, postJson, serveHttp, tokenAuth, useMsw } from '../functions/harness.js';
import { rawIndividual } from '../support/builders.js';
import { googleSetup, keyCounts } from './google-harness.js';

useMsw();

describe('the intake door while another instance holds the lock', () => {
  test('answers 503 with Retry-After (the sender tries again), writes nothing, and takes the submission once the lock is free', async () => {
    const { sheets, spreadsheetId, rt, clock } = await googleSetup({ seed: 51, lock: { maxWaitMs: 5_000 } });
    const other = new SheetLock({
      api: new sheets_v4.Sheets({ auth: tokenAuth() }),
      caller: new SheetsCaller({ spreadsheetId, editorEmail: undefined, policy: DEFAULT_RETRY_POLICY, sleep: clock.sleep, random: () => 0.5, timeoutMs: 60_000 }),
      spreadsheetId,
      policy: { leaseMs: 180_000, skewMs: 30_000, maxWaitMs: 5_000, pollMs: 500, reuseMs: 0 },
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    const held = await other.acquire();
    const url = await serveHttp(intake(rt));
    const body = rawIndividual({ responseId: 'busy-1' });
    const busy = await postJson(url, body, bearer());
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('30');
    expect(keyCounts(sheets, spreadsheetId).size).toBe(0);
    await other.release(held);
    expect((await postJson(url, body, bearer())).status).toBe(201);
    expect([...keyCounts(sheets, spreadsheetId)]).toEqual([['busy-1', 1]]);
  });
});
