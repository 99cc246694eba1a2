/**
 * Two function instances writing one council sheet at once (docs/decisions/002). Each "process" is a fresh copy of
 * the store modules (vi.resetModules), so it has its own job queue, as two Cloud Run instances do; both talk to the
 * one Sheets fake. Without the write lock they lose rows; with it every submission lands once.
 */
import { describe, expect, test, vi } from 'vitest';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { LOCK_TITLE, SheetLock, SheetLockError, type LockPolicy } from '../../shared/google/sheets/lock.js';
import { SheetsCaller } from '../../shared/google/sheets/caller.js';
import { DEFAULT_RETRY_POLICY } from '../../shared/google/retry.js';
import { Faults, FakeSheets } from '../fakes/sheets-fake.js';
import { certsHandler, server, tokenAuth, useMsw } from '../functions/harness.js';
import { campaigns, rawIndividual, vanNinh } from '../support/builders.js';
import { sheets_v4 } from '@googleapis/sheets';
import { keyCounts, tally, VirtualClock } from './google-harness.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');
const FAST: Partial<LockPolicy> = { pollMs: 4, maxWaitMs: 20_000 };

/** A fresh copy of the store modules: another process, with its own queues and lock holder. */
async function processOf(spreadsheetId: string, lock: boolean) {
  vi.resetModules();
  const [{ GoogleSheetsStore: Store }, { CampaignRepository: Campaign }] = await Promise.all([
    import('../../shared/google/sheets/sheets-store.js'),
    import('../../shared/store/campaign-repository.js'),
  ]);
  const tables = new Store({ spreadsheetId, auth: tokenAuth(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), ...(lock ? { lock: FAST } : {}) });
  return Campaign.open(tables, campaigns);
}

async function sheet(seed: number) {
  const fake = new FakeSheets({ seed });
  server.use(certsHandler(), ...fake.handlers);
  const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  await initCampaign(new GoogleSheetsStore({ spreadsheetId: id, auth: tokenAuth() }), vanNinh());
  fake.resetCounts();
  return { fake, id };
}

/** Each process takes in its share one by one (its own queue), both processes at once; some ids go to both. */
async function race(lock: boolean) {
  const { fake, id } = await sheet(lock ? 21 : 22);
  const [a, b] = [await processOf(id, lock), await processOf(id, lock)];
  // writes answer a little late, so that the two processes' reads and writes interleave
  fake.faults.setDecider((call) => (call.method === 'values.batchUpdate' || call.method === 'spreadsheets.batchUpdate' ? Faults.slow(8) : undefined));
  const ids = Array.from({ length: 24 }, (_, i) => `p-${i}`);
  const forA = ids.filter((_, i) => i % 2 === 0 || i % 5 === 0);
  const forB = ids.filter((_, i) => i % 2 === 1 || i % 5 === 0);
  const take = (store: CampaignRepository, which: string[]) =>
    Promise.all(which.map((responseId) => intake(store, [{ payload: rawIndividual({ responseId, name: `Người ${responseId}` }), source: 'test' }], NOW, { edits: 'update' })));
  await Promise.all([take(a, forA), take(b, forB)]);
  fake.faults.setDecider(undefined);
  return { fake, id, result: tally(ids, keyCounts(fake, id)) };
}

describe('two instances writing the same sheet', () => {
  test('without the write lock, rows are lost (what decision 002 fixes)', async () => {
    const { result } = await race(false);
    console.log(`two instances, no lock: stored ${result.stored} / duplicated ${result.duplicated} / lost ${result.lost}`);
    expect(result.lost + result.duplicated).toBeGreaterThan(0);
  });

  test('with the write lock, every submission is stored once and the lock is given back', async () => {
    const { fake, id, result } = await race(true);
    console.log(`two instances, write lock: stored ${result.stored} / duplicated ${result.duplicated} / lost ${result.lost}`);
    expect(result).toEqual({ stored: 24, duplicated: 0, lost: 0 });
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).not.toContain(LOCK_TITLE);
  });
});

describe('the write lock', () => {
  /** A lock on a fresh sheet, with a clock that moves only when told or waited on. */
  async function lockOn(policy: Partial<LockPolicy> = {}) {
    const { fake, id } = await sheet(31);
    const clock = new VirtualClock();
    const make = () => {
      const api = new sheets_v4.Sheets({ auth: tokenAuth() });
      const caller = new SheetsCaller({ spreadsheetId: id, editorEmail: undefined, policy: DEFAULT_RETRY_POLICY, sleep: clock.sleep, random: () => 0.5, timeoutMs: 60_000 });
      return new SheetLock({ api, caller, spreadsheetId: id, policy: { leaseMs: 180_000, skewMs: 30_000, maxWaitMs: 20_000, pollMs: 500, reuseMs: 15_000, ...policy }, now: clock.now, sleep: clock.sleep, random: Math.random });
    };
    return { fake, id, clock, make };
  }

  test('is taken by one writer at a time: the second waits, then gives up with a transient error', async () => {
    const { make, clock } = await lockOn();
    const first = await make().acquire();
    const started = clock.now();
    const error = await make().acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetLockError);
    expect((error as SheetLockError).reason).toBe('busy');
    expect(clock.now() - started).toBeGreaterThanOrEqual(20_000);
    await make().release(first);
    await expect(make().acquire()).resolves.toMatchObject({ uncertain: false });
  });

  test('an acquisition applied whose answer was lost is recognised as ours', async () => {
    const { make, fake, id, clock } = await lockOn();
    fake.faults.enqueue(Faults.appliedThenDrop(), 'spreadsheets.batchUpdate');
    const started = clock.now();
    const lease = await make().acquire();
    // the retry was refused (the tab exists), the tab read, and found to be the one this acquisition made
    expect(fake.counts['spreadsheets.batchUpdate']).toBe(2);
    expect(clock.now() - started).toBeLessThan(5_000);
    const lock = fake.spreadsheet(id).sheets.filter((s) => s.properties.title === LOCK_TITLE);
    expect(lock.map((s) => [s.properties.sheetId, s.properties.hidden])).toEqual([[lease.sheetId, true]]);
  });

  test('a crashed holder\'s lease is taken over once it has run out (plus the clock skew), not before', async () => {
    const { make, clock, fake, id } = await lockOn({ maxWaitMs: 1_000_000 });
    const crashed = await make().acquire();
    const next = await make().acquire();
    expect(clock.now()).toBeGreaterThan(crashed.expiresAt + 30_000);
    const lock = fake.spreadsheet(id).sheets.filter((s) => s.properties.title === LOCK_TITLE);
    expect(lock.map((s) => s.properties.sheetId)).toEqual([next.sheetId]);
  });
});

describe('a long job', () => {
  test('renews its lease with each write (the fenced write swaps the lock tab), and keeps the lock', async () => {
    const { fake, id } = await sheet(45);
    const clock = new VirtualClock();
    const tables = new GoogleSheetsStore({ spreadsheetId: id, auth: tokenAuth(), sleep: clock.sleep, now: clock.now, random: () => 0.5, lock: true });
    const store = await CampaignRepository.open(tables, campaigns);
    const lockIds = () => fake.spreadsheet(id).sheets.filter((s) => s.properties.title === LOCK_TITLE).map((s) => s.properties.sheetId);
    let during: number[] = [];
    await tables.exclusive(async () => {
      const first = lockIds();
      clock.ms += 170_000; // a slow read: 10 s of the lease left, yet the write goes (fenced), renewing the lease
      await tables.write([{ tab: store.tab('nominations'), append: [{ responseId: 'long-1' }] }]);
      during = [...first, ...lockIds()];
    });
    expect(during).toHaveLength(2);
    expect(during[0]).not.toBe(during[1]);
    expect([...keyCounts(fake, id)]).toEqual([['long-1', 1]]);
    expect(lockIds()).toEqual([]);
  });
});

// Writes whose outcome is unknown, skewed clocks and late-applied writes: fenced-writes.test.ts (decision 008).
