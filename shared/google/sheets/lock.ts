import { randomInt, randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import type { RequestOptions } from '../call.js';
import { faultOf } from '../fault.js';
import { equalJitterDelay, type Backoff } from '../retry.js';
import type { SheetsCaller } from './caller.js';
import { StoreError } from '../../store/table-store.js';

/**
 * A write lock shared by every process that writes one spreadsheet (function instances, services, the CLI), held
 * as a hidden tab with a fixed title. Google refuses a second tab of the same title inside the one atomic
 * `spreadsheets.batchUpdate`, so creating the tab is a test-and-set; taking over an expired lock deletes the old tab
 * by its id and creates ours in one batch, a compare-and-set. See docs/decisions/002-concurrent-writers.md.
 */
export const LOCK_TITLE = 'thidua-khoa-ghi';
const LEASE_KEY = 'thidua-lease';

export interface LockPolicy {
  /** How long a lease lasts from its taking (default 3 min). */
  leaseMs: number;
  /** How far two machines' clocks may differ: an expired lease is taken over only this long after it ran out. */
  skewMs: number;
  /** How long to wait for another writer before giving up with a transient error (default 20 s). */
  maxWaitMs: number;
  /** First wait between two looks at a lock held by another writer; doubles up to 8 times this, jittered. */
  pollMs: number;
  /** A lease taken less than this long ago is handed to the next job of the same process instead of being released. */
  reuseMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { leaseMs: 180_000, skewMs: 30_000, maxWaitMs: 20_000, pollMs: 500, reuseMs: 15_000 };

/**
 * A lease this process holds. `uncertain` once a write under it failed without knowing whether Google applied it, or
 * once the lease was found lost: it is then given back and never used again.
 */
export interface Lease {
  sheetId: number;
  /** Who took it (a random token in the lease), to know our own lock tab after a lost answer. */
  holder: string;
  takenAt: number;
  expiresAt: number;
  uncertain: boolean;
  /** The lock tab a fenced write whose outcome is unknown would have put in place of `sheetId`. */
  pending?: number;
}

/** The lock could not be had in time, or the lease is lost or in doubt. Transient: the caller tries later. */
export class SheetLockError extends Error {
  override readonly name = 'SheetLockError';
  readonly transient = true;
  constructor(
    message: string,
    readonly reason: 'busy' | 'outcome-unknown' | 'lease-lost',
  ) {
    super(message);
  }
}

const LeaseValue = z.object({ expiresAt: z.iso.datetime(), holder: z.string() });

export interface SheetLockDeps {
  api: sheets_v4.Sheets;
  caller: SheetsCaller;
  spreadsheetId: string;
  policy: LockPolicy;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/**
 * Lock tab ids sit above the ids `newSheetId` gives the campaign's tabs (≤ 2·10⁹), so they never collide. They (and
 * the holder token) come from the system's random source, never from the jitter source a test may fix.
 */
const lockId = (): number => randomInt(2_000_100_000, 2_147_000_000);
/** A bound on looks whatever the clock says (a test's clock may stand still). */
const MAX_LOOKS = 200;
/** Looks at a lock someone else holds: `pollMs`, doubling up to 8 times it (equal jitter). */
const pollBackoff = (policy: LockPolicy): Backoff => ({ baseDelayMs: policy.pollMs, maxDelayMs: policy.pollMs * 8 });
/** A look again at a lock just freed or ours to take over: almost at once, a tenth of `pollMs`. */
const recheckBackoff = (policy: LockPolicy): Backoff => ({ baseDelayMs: policy.pollMs / 10, maxDelayMs: policy.pollMs / 10 });

/**
 * Takes and gives back the spreadsheet's write lock. Every call goes through the store's caller (retries, messages).
 * An answer lost after Google applied the request is recognised by the lock tab's id, which is ours.
 */
export class SheetLock {
  constructor(private readonly d: SheetLockDeps) {}

  /** Waits (bounded) until the lock is ours; throws SheetLockError('busy') when another writer keeps it too long. */
  async acquire(): Promise<Lease> {
    const { policy, now } = this.d;
    const started = now();
    const holder = randomUUID();
    const ours = new Set<number>();
    let takeOver: number | undefined;
    let free = 0;
    for (let look = 0; ; look++) {
      const lease: Lease = { sheetId: lockId(), holder, takenAt: now(), expiresAt: now() + policy.leaseMs, uncertain: false };
      ours.add(lease.sheetId);
      const refused = await this.tryTake(lease, takeOver);
      if (refused === true) return lease;
      const current = await this.current();
      // refused while no lock tab is there, three times running: Google refuses the request itself (a full sheet…)
      free = current ? 0 : free + 1;
      if (free >= 3) throw refused;
      if (current && current.holder === holder && ours.has(current.sheetId)) return { ...lease, sheetId: current.sheetId, expiresAt: current.expiresAt };
      takeOver = current && now() > current.expiresAt + policy.skewMs ? current.sheetId : undefined;
      if (now() - started >= policy.maxWaitMs || look >= MAX_LOOKS) {
        throw new SheetLockError('Bảng tính đang được một phiên khác ghi; hãy thử lại sau ít phút (chưa ghi gì).', 'busy');
      }
      // Held by someone else: wait, longer each time. Free again, or ours to take over: try again almost at once.
      const held = current !== undefined && takeOver === undefined;
      await this.d.sleep(held ? equalJitterDelay(look + 1, pollBackoff(policy), this.d.random) : equalJitterDelay(1, recheckBackoff(policy), this.d.random));
    }
  }

  /**
   * Gives the lock back. Already gone (taken over, or an earlier attempt's answer was lost) is fine; so is a failure:
   * the lease runs out. After a fenced write whose outcome is unknown, the tab that write would have put in place is
   * given back too: once ours is deleted, that write can no longer land (it deletes ours in the same batch).
   */
  async release(lease: Lease): Promise<void> {
    for (const sheetId of [lease.sheetId, ...(lease.pending === undefined ? [] : [lease.pending])]) {
      try {
        await this.batch('trả khóa ghi', [{ deleteSheet: { sheetId } }]);
        return;
      } catch (error) {
        if (!(error instanceof StoreError) || faultOf(error.cause) === undefined) throw error;
      }
    }
  }

  /**
   * Sends `requests` (the data of a write) in one atomic `spreadsheets.batchUpdate` that also swaps our lock tab for
   * a new one with a fresh lease: the fence. If our tab is gone — the lease ran out and another writer took over,
   * whatever the clocks say — Google refuses the whole batch and nothing lands, even when the request is applied
   * long after it was sent. A refusal is told apart from a success whose answer was lost by the new tab's id.
   * `send` runs the call (the store's, which notes an unknown outcome); the lease is renewed on success.
   *
   * @throws SheetLockError('lease-lost') when the lease is no longer ours (nothing was written).
   */
  async writeFenced(lease: Lease, what: string, requests: sheets_v4.Schema$Request[], send: (what: string, run: (o: RequestOptions) => Promise<{ data: unknown }>) => Promise<unknown>): Promise<void> {
    const { now, policy } = this.d;
    const next: Lease = { ...lease, sheetId: lockId(), expiresAt: now() + policy.leaseMs };
    lease.pending = next.sheetId;
    try {
      await send(what, (o) => this.d.api.spreadsheets.batchUpdate({ spreadsheetId: this.d.spreadsheetId, requestBody: { requests: [...leaseRequests(next, lease.sheetId), ...requests] } }, o));
    } catch (error) {
      const fault = error instanceof StoreError ? faultOf(error.cause) : undefined;
      if (fault?.kind !== 'http' || fault.status !== 400) throw error;
      const current = await this.current();
      if (current?.sheetId !== next.sheetId || current.holder !== lease.holder) {
        if (current?.sheetId === lease.sheetId) {
          delete lease.pending; // still ours: Google refused the data itself
          throw error;
        }
        lease.uncertain = true;
        throw new SheetLockError('Khóa ghi đã hết hạn và được phiên khác giữ; chưa ghi gì, hãy thử lại.', 'lease-lost');
      }
      // an earlier attempt of this very batch was applied and its answer lost
    }
    delete lease.pending;
    Object.assign(lease, { sheetId: next.sheetId, expiresAt: next.expiresAt });
  }

  /**
   * Creates our lock tab (after deleting an expired one, or our own, by id): true, or Google's refusal (a 400) — most
   * often because someone else holds the lock.
   */
  private async tryTake(lease: Lease, expired: number | undefined): Promise<true | StoreError> {
    try {
      await this.batch('giữ khóa ghi', leaseRequests(lease, expired));
      return true;
    } catch (error) {
      const fault = error instanceof StoreError ? faultOf(error.cause) : undefined;
      if (error instanceof StoreError && fault?.kind === 'http' && fault.status === 400) return error;
      throw error;
    }
  }

  /** The lock tab as it stands: its id and when its lease runs out (a lease that cannot be read has run out). */
  private async current(): Promise<{ sheetId: number; expiresAt: number; holder?: string } | undefined> {
    const answer = await this.d.caller.call('đọc khóa ghi', (o: RequestOptions) =>
      this.d.api.spreadsheets.get({ spreadsheetId: this.d.spreadsheetId, fields: 'sheets(properties(sheetId,title),developerMetadata(metadataKey,metadataValue))' }, o),
    );
    const sheet = answer.sheets?.find((s) => s.properties?.title?.toLocaleLowerCase() === LOCK_TITLE);
    if (!sheet || typeof sheet.properties?.sheetId !== 'number') return undefined;
    const value = sheet.developerMetadata?.find((m) => m.metadataKey === LEASE_KEY)?.metadataValue;
    let parsed: z.infer<typeof LeaseValue> | undefined;
    try {
      parsed = LeaseValue.parse(JSON.parse(value ?? ''));
    } catch {
      parsed = undefined;
    }
    return { sheetId: sheet.properties.sheetId, expiresAt: parsed ? Date.parse(parsed.expiresAt) : 0, ...(parsed ? { holder: parsed.holder } : {}) };
  }

  private batch(what: string, requests: sheets_v4.Schema$Request[]): Promise<unknown> {
    return this.d.caller.call(what, (o: RequestOptions) => this.d.api.spreadsheets.batchUpdate({ spreadsheetId: this.d.spreadsheetId, requestBody: { requests } }, o));
  }
}

/** Our lock tab with its lease, after deleting `replacing` by its id (an expired lock, or our own): refused if it is gone. */
function leaseRequests(lease: Lease, replacing: number | undefined): sheets_v4.Schema$Request[] {
  return [
    ...(replacing === undefined ? [] : [{ deleteSheet: { sheetId: replacing } }]),
    { addSheet: { properties: { sheetId: lease.sheetId, title: LOCK_TITLE, hidden: true, gridProperties: { rowCount: 1, columnCount: 1 } } } },
    {
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: LEASE_KEY,
          metadataValue: JSON.stringify({ expiresAt: new Date(lease.expiresAt).toISOString(), holder: lease.holder }),
          location: { sheetId: lease.sheetId },
          visibility: 'DOCUMENT',
        },
      },
    },
  ];
}

/** True when a failed call may still have been applied by Google: no answer at all, or a 5xx. */
export function outcomeUnknown(error: unknown): boolean {
  const fault = faultOf(error);
  return fault !== undefined && (fault.kind !== 'http' || fault.status >= 500);
}
