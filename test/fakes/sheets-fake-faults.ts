/**
 * Fault injection and quotas for the Sheets fake: a FIFO queue of one-shot faults, standing
 * probabilistic rules driven by a seeded PRNG (reproducible runs), an optional custom decider,
 * and fixed-window per-minute quotas with an injectable clock.
 */

/** The API methods the fake serves, named like the client (`sheets.spreadsheets.values.append` → `values.append`). */
export type MethodName =
  | 'spreadsheets.create'
  | 'spreadsheets.get'
  | 'spreadsheets.batchUpdate'
  | 'values.get'
  | 'values.batchGet'
  | 'values.update'
  | 'values.batchUpdate'
  | 'values.append'
  | 'values.clear'
  | 'values.batchClear';

export const METHODS: readonly MethodName[] = [
  'spreadsheets.create',
  'spreadsheets.get',
  'spreadsheets.batchUpdate',
  'values.get',
  'values.batchGet',
  'values.update',
  'values.batchUpdate',
  'values.append',
  'values.clear',
  'values.batchClear',
];

/** Methods that change a spreadsheet (they count against the write quota). */
export const WRITE_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'spreadsheets.create',
  'spreadsheets.batchUpdate',
  'values.update',
  'values.batchUpdate',
  'values.append',
  'values.clear',
  'values.batchClear',
]);

/**
 * What goes wrong with one call.
 * - `error`: answer with a Google error body and this HTTP status (429 → RESOURCE_EXHAUSTED, 500, 503…).
 * - `drop`: the connection fails (`HttpResponse.error()`), no HTTP answer at all.
 * - `delay`: answer normally, but only after `ms` (the request is processed after the wait,
 *   so a client that times out meanwhile still gets its write applied).
 * With `applyFirst: true`, `error` and `drop` first carry the request out for real:
 * "the write succeeded but the answer was lost".
 */
export type Fault =
  | { kind: 'error'; status: number; message?: string; applyFirst?: boolean }
  | { kind: 'drop'; applyFirst?: boolean }
  | { kind: 'delay'; ms: number }
  | TimingFault;

/**
 * Faults of timing, driven by the test instead of a clock (sheets-fake-timing.ts):
 * - `held`: the request waits at Google's door until `until` settles, then is applied and answered (a slow write
 *   that another writer overtakes).
 * - `late`: the client gets no answer at once (as when it gives up on a request), and Google applies the request
 *   only when `until` settles — against the spreadsheet as it is then.
 * - `truncated`: the request is applied and answered `200`, but the body is cut short.
 */
export type TimingFault = { kind: 'held'; until: Promise<unknown> } | { kind: 'late'; until: Promise<unknown> } | { kind: 'truncated' };

/** Shorthands for common faults. */
export const Faults = {
  /** 429 RESOURCE_EXHAUSTED, nothing applied. */
  rateLimited: (): Fault => ({ kind: 'error', status: 429 }),
  /** 500 INTERNAL, nothing applied. */
  internal: (): Fault => ({ kind: 'error', status: 500 }),
  /** 503 UNAVAILABLE, nothing applied. */
  unavailable: (): Fault => ({ kind: 'error', status: 503 }),
  /** Connection dropped before the request reached the backend. */
  drop: (): Fault => ({ kind: 'drop' }),
  /** Normal answer after `ms` milliseconds. */
  slow: (ms: number): Fault => ({ kind: 'delay', ms }),
  /** The request is applied, then the client gets this error status instead of the answer. */
  appliedThenError: (status = 503): Fault => ({ kind: 'error', status, applyFirst: true }),
  /** The request is applied, then the connection drops before the answer. */
  appliedThenDrop: (): Fault => ({ kind: 'drop', applyFirst: true }),
} as const;

/** What a fault decider knows about the call being made. */
export interface CallInfo {
  method: MethodName;
  spreadsheetId: string | undefined;
  /** A1 range from the URL path, for single-range values methods. */
  range: string | undefined;
  /** 1-based number of this call among those received since the fake was created or its counts were reset. */
  seq: number;
}

/** A standing rule: each matching call fails with `probability` (drawn from the seeded PRNG). */
export interface FaultRule {
  /** Methods the rule applies to; all methods when omitted. */
  methods?: MethodName | readonly MethodName[];
  /** 0..1, default 1. */
  probability?: number;
  /** The fault, or several to pick from uniformly. */
  fault: Fault | readonly Fault[];
  /** Stop after firing this many times (default: never stop). */
  times?: number;
}

/** A custom per-call decision; return undefined for "no fault". `random` is the seeded PRNG. */
export type FaultDecider = (call: CallInfo, random: () => number) => Fault | undefined;

/** Mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const matches = (methods: MethodName | readonly MethodName[] | undefined, method: MethodName): boolean =>
  methods === undefined || (typeof methods === 'string' ? methods === method : methods.includes(method));

/** The faults planned for upcoming calls. Order of precedence: queue, decider, rules. */
export class FaultPlan {
  private readonly queue: { fault: Fault; methods: MethodName | readonly MethodName[] | undefined }[] = [];
  private readonly rules: { rule: FaultRule; fired: number }[] = [];
  private decider: FaultDecider | undefined;
  /** Every fault that fired, in order. */
  readonly fired: { call: CallInfo; fault: Fault }[] = [];

  constructor(private readonly random: () => number) {}

  /** The next call to one of `methods` (any method when omitted) gets `fault`, once. */
  enqueue(fault: Fault, methods?: MethodName | readonly MethodName[]): this {
    this.queue.push({ fault, methods });
    return this;
  }

  /** Adds a standing (optionally probabilistic) rule. */
  addRule(rule: FaultRule): this {
    this.rules.push({ rule, fired: 0 });
    return this;
  }

  /** Installs (or, with undefined, removes) a custom per-call decider. */
  setDecider(decider: FaultDecider | undefined): this {
    this.decider = decider;
    return this;
  }

  /** Removes queued faults, rules and the decider (the `fired` log is kept). */
  clear(): void {
    this.queue.length = 0;
    this.rules.length = 0;
    this.decider = undefined;
  }

  /** Decides the fault for a call (used by the fake). */
  pick(call: CallInfo): Fault | undefined {
    const fault = this.choose(call);
    if (fault) this.fired.push({ call, fault });
    return fault;
  }

  private choose(call: CallInfo): Fault | undefined {
    const queued = this.queue.findIndex((q) => matches(q.methods, call.method));
    if (queued !== -1) return this.queue.splice(queued, 1)[0]?.fault;
    const decided = this.decider?.(call, this.random);
    if (decided) return decided;
    for (const entry of this.rules) {
      const { rule } = entry;
      if (!matches(rule.methods, call.method) || entry.fired >= (rule.times ?? Infinity)) continue;
      if (this.random() >= (rule.probability ?? 1)) continue;
      entry.fired += 1;
      const options: readonly Fault[] = Array.isArray(rule.fault) ? rule.fault : [rule.fault as Fault];
      return options[Math.floor(this.random() * options.length)];
    }
    return undefined;
  }
}

/** A per-minute request budget, refilled at each wall-clock minute of `now()`. */
export class MinuteQuota {
  private window = Number.NaN;
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Takes one unit; false when the current minute's budget is spent. */
  tryTake(): boolean {
    const window = Math.floor(this.now() / 60_000);
    if (window !== this.window) [this.window, this.used] = [window, 0];
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }
}
