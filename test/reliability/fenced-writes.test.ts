/**
 * The write lock as a fence (docs/decisions/008): every write under the lock travels in the one atomic batch that
 * swaps the writer's lock tab, so a write sent under a lease that has meanwhile been taken over is refused by Google
 * instead of landing on the next holder's rows — whatever the clocks say, however late Google applies it. Each
 * "process" is a fresh copy of the store modules (its own queues and lock holder) with its own clock; the waits of
 * both advance one virtual clock. Which call is slow or late is decided by the test, never by a timer.
 */
import { describe, expect, test, vi } from 'vitest';
import type { Fault } from '../fakes/sheets-fake.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { LOCK_TITLE } from '../../shared/google/sheets/lock.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { certsHandler, server, tokenAuth, useMsw } from '../functions/harness.js';
import { campaigns, rawIndividual, vanNinh } from '../support/builders.js';
import { keyCounts, tally, VirtualClock } from './google-harness.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');
const WRITES = new Set(['values.batchUpdate', 'spreadsheets.batchUpdate']);

async function sheet(seed: number) {
  const fake = new FakeSheets({ seed });
  server.use(certsHandler(), ...fake.handlers);
  const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  await initCampaign(new GoogleSheetsStore({ spreadsheetId: id, auth: tokenAuth() }), vanNinh());
  fake.resetCounts();
  return { fake, id };
}

/** Another process on the same sheet, whose clock reads `now`; it waits on the shared virtual clock. */
async function processOf(spreadsheetId: string, clock: VirtualClock, now: () => number, maxAttempts = 6) {
  vi.resetModules();
  const [{ GoogleSheetsStore: Store }, { CampaignRepository: Campaign }] = await Promise.all([
    import('../../shared/google/sheets/sheets-store.js'),
    import('../../shared/store/campaign-repository.js'),
  ]);
  const tables = new Store({ spreadsheetId, auth: tokenAuth(), sleep: clock.sleep, now, random: () => 0.5, retry: { maxAttempts }, lock: { pollMs: 5_000, maxWaitMs: 1_000_000 } });
  return Campaign.open(tables, campaigns);
}

/** A gate the test opens; `reached` resolves when the first call was stopped at it. */
function gate() {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (reach = r));
  return { open, opened, reached, reach };
}

/**
 * The faults for process A's first data write — the write calls after A's first read: `count` of them get `fault`,
 * and nothing else is touched.
 */
function faultFirstWrite(fake: FakeSheets, fault: () => Fault, count: number) {
  let read = false;
  let left = count;
  fake.faults.setDecider((call) => {
    if (call.method === 'values.batchGet') read = true;
    if (!read || left === 0 || !WRITES.has(call.method)) return undefined;
    left -= 1;
    return fault();
  });
}

const submit = (responseId: string) => [{ payload: rawIndividual({ responseId, name: `Người ${responseId}` }), source: 'test' }];

describe('a write under a lease another writer has taken over', () => {
  test('with clocks 60 s apart, a write overtaken by the next holder is refused, and the retried submission lands: both stored once', async () => {
    // GIVEN two processes, B's clock 60 s ahead of A's (twice the allowed skew), and A's write held up on its way
    const { fake, id } = await sheet(61);
    const clock = new VirtualClock();
    const a = await processOf(id, clock, clock.now);
    const b = await processOf(id, clock, () => clock.now() + 60_000);
    const held = gate();
    faultFirstWrite(fake, () => (held.reach(), { kind: 'held', until: held.opened }), 1);

    // WHEN A holds the lock and its write is slow, B takes the lock over (early, by its clock), writes and answers,
    // and only then Google applies A's write
    const first = intake(a, submit('a-1'), NOW).then(
      (outcomes) => ({ acknowledged: outcomes[0]?.kind === 'accepted' }),
      (error: unknown) => ({ acknowledged: false, error }),
    );
    await held.reached;
    const second = await intake(b, submit('b-1'), NOW);
    held.open();
    const answered = await first;
    const acknowledged = ['b-1', ...(answered.acknowledged ? ['a-1'] : [])];
    expect(second[0]?.kind).toBe('accepted');

    // THEN every acknowledged submission is in the sheet; A's, refused, is sent again (as the door's 503 asks)
    expect(tally(acknowledged, keyCounts(fake, id))).toEqual({ stored: acknowledged.length, duplicated: 0, lost: 0 });
    if (!answered.acknowledged) expect((await intake(a, submit('a-1'), NOW))[0]?.kind).toBe('accepted');
    expect(tally(['a-1', 'b-1'], keyCounts(fake, id))).toEqual({ stored: 2, duplicated: 0, lost: 0 });
  });

  test('a write Google applies after its sender gave up is refused once the lock has moved on: the next holder\'s row stays', async () => {
    // GIVEN process A whose write attempts all end without an answer, and are applied by Google only later
    const { fake, id } = await sheet(62);
    const clock = new VirtualClock();
    const a = await processOf(id, clock, clock.now, 3);
    const b = await processOf(id, clock, clock.now);
    const late = gate();
    faultFirstWrite(fake, () => ({ kind: 'late', until: late.opened }), 3);
    const failed = await intake(a, submit('a-1'), NOW).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);

    // WHEN B takes the lock, writes its row and answers, and then Google applies A's three attempts
    expect((await intake(b, submit('b-1'), NOW))[0]?.kind).toBe('accepted');
    late.open();
    await fake.timing.settled();

    // THEN B's row is still there, once, and none of A's late attempts landed
    expect(tally(['b-1'], keyCounts(fake, id))).toEqual({ stored: 1, duplicated: 0, lost: 0 });
    expect(fake.timing.late).toEqual({ applied: 0, refused: 3 });
    // and A's submission, sent again, is stored once
    expect((await intake(a, submit('a-1'), NOW))[0]?.kind).toBe('accepted');
    expect(tally(['a-1', 'b-1'], keyCounts(fake, id))).toEqual({ stored: 2, duplicated: 0, lost: 0 });
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).not.toContain(LOCK_TITLE);
  });

  test('a write whose outcome is unknown gives the lock back at once: the next job does not wait for the lease to run out', async () => {
    const { fake, id } = await sheet(63);
    const clock = new VirtualClock();
    const a = await processOf(id, clock, clock.now, 3);
    faultFirstWrite(fake, () => ({ kind: 'drop', applyFirst: true }), 3);
    expect(await intake(a, submit('u-1'), NOW).catch((e: unknown) => e)).toBeInstanceOf(Error);
    const sent = clock.now();
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).not.toContain(LOCK_TITLE);
    await intake(a, submit('u-2'), NOW);
    expect(clock.now() - sent).toBeLessThan(10_000);
    expect([...keyCounts(fake, id)]).toEqual([
      ['u-1', 1],
      ['u-2', 1],
    ]);
  });
});
