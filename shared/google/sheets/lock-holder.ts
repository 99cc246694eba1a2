import { SheetLockError, type Lease, type LockPolicy, type SheetLock } from './lock.js';

/**
 * This process's hold on one spreadsheet's write lock, shared by every store instance on that spreadsheet (as the
 * job queue is). Jobs run one at a time in the process; a write made during a job uses the job's lease. A lease is
 * handed to the next queued job while it is fresh (`reuseMs`), so a burst costs two lock calls, not two per job.
 * After a write whose outcome is unknown, or once the lease is found lost, it is given back at once and not used again:
 * every write is fenced (decision 008), so a late-applied write can no longer land once our lock tab is gone.
 */
export class LockHolder {
  private lease: Lease | undefined;
  private users = 0;
  private queued = 0;
  private taking: Promise<Lease> | undefined;

  constructor(
    private readonly policy: LockPolicy,
    private readonly now: () => number,
  ) {}

  /** A job was queued: a lease ending while it waits is kept for it. */
  queue(): void {
    this.queued += 1;
  }

  /** The lease the process holds now, if any. */
  current(): Lease | undefined {
    return this.lease;
  }

  /** Takes (or shares) the lease; `job` when a queued job starts. */
  async hold(lock: SheetLock, job: boolean): Promise<Lease> {
    if (job) this.queued -= 1;
    this.users += 1;
    try {
      const lease = this.lease;
      if (lease && (this.users > 1 || (!lease.uncertain && this.now() - lease.takenAt < this.policy.reuseMs))) {
        if (lease.uncertain) throw new SheetLockError('Một lần ghi trước chưa rõ kết quả; chờ hết hạn khóa rồi thử lại.', 'outcome-unknown');
        return lease;
      }
      if (lease) {
        this.lease = undefined;
        await lock.release(lease);
      }
      this.taking ??= lock.acquire().finally(() => (this.taking = undefined));
      this.lease = await this.taking;
      return this.lease;
    } catch (error) {
      this.users -= 1;
      throw error;
    }
  }

  /** Lets go of the lease: given back when nobody in the process needs it next, or at once when uncertain. */
  async unhold(lock: SheetLock, lease: Lease): Promise<void> {
    this.users -= 1;
    if (this.users > 0 || this.lease !== lease) return;
    if (!lease.uncertain && this.queued > 0 && this.now() - lease.takenAt < this.policy.reuseMs) return;
    this.lease = undefined;
    await lock.release(lease);
  }
}

const holders = new Map<string, LockHolder>();

/** The holder of a spreadsheet's lock in this process (one per spreadsheet, whatever the store instance). */
export function lockHolder(spreadsheetId: string, policy: LockPolicy, now: () => number): LockHolder {
  let holder = holders.get(spreadsheetId);
  if (!holder) holders.set(spreadsheetId, (holder = new LockHolder(policy, now)));
  return holder;
}
