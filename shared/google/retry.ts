/**
 * The retry policy of the Google adapters, as a pure decision: whether a failed call is tried again and how long to
 * wait first. Imports nothing; randomness comes in as an argument (model: sindresorhus/ky `retry-timing.ts`).
 */

/** What went wrong with one call, as far as the decision needs to know. */
export type CallFault =
  /** The server answered with this HTTP status (`retryAfterMs` from a `Retry-After` header, if any). */
  | { kind: 'http'; status: number; retryAfterMs?: number }
  /** No answer at all: connection refused, reset or dropped, or the request timed out. */
  | { kind: 'network' }
  /** A success status whose body is not the JSON object the API answers with (a proxy's or captive portal's page, a cut-off body). */
  | { kind: 'malformed' };

export interface RetryPolicy {
  /** Attempts in all, the first included (≥ 1). */
  maxAttempts: number;
  /** Ceiling of the first wait; each retry doubles it. */
  baseDelayMs: number;
  /** No wait is longer than this (truncation). */
  maxDelayMs: number;
}

/** Google's advice for the Sheets API: about 1 s, 2 s, 4 s… up to 32 s, and a bounded number of tries. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 32_000 };

/** Statuses worth another try: request timeout, quota (429), and the server-side 5xx that clear up by themselves. */
export const TRANSIENT_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/** True when the fault may go away by itself: a transient status or no answer at all. Other 4xx never do. */
export function isTransient(fault: CallFault): boolean {
  return fault.kind !== 'http' || TRANSIENT_STATUSES.includes(fault.status);
}

/** The shape of a backoff: the ceiling of the first wait, doubled on each retry up to `maxDelayMs`. */
export type Backoff = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>;

/** The ceiling of the wait before retry number `retry` (from 1): `min(maxDelayMs, baseDelayMs · 2^(retry-1))`. */
export function backoffCeiling(retry: number, backoff: Backoff): number {
  return Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, retry - 1));
}

/**
 * Truncated exponential backoff with full jitter: a wait drawn uniformly from
 * `[0, min(maxDelayMs, baseDelayMs · 2^(retry-1)))`, `retry` counting from 1.
 *
 * @example backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0.5) // 2000: half of the 4 s ceiling of the third retry
 */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number): number {
  return Math.floor(random() * backoffCeiling(retry, backoff));
}

/**
 * The same backoff with equal jitter: a wait drawn from the upper half, `[ceiling/2, ceiling)`, for a poll that must
 * not come back at once (the write lock looking again at a lock someone else holds).
 *
 * @example equalJitterDelay(2, { baseDelayMs: 500, maxDelayMs: 4_000 }, () => 0.5) // 750: between 500 and 1000
 */
export function equalJitterDelay(retry: number, backoff: Backoff, random: () => number): number {
  const ceiling = backoffCeiling(retry, backoff);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Decides what to do after attempt number `attempt` (1-based) failed with `fault`: give up when the fault is not
 * transient or the attempts are spent; otherwise wait — what the server asked for in `Retry-After` (capped), else
 * the jittered backoff.
 */
export function decideRetry(fault: CallFault, attempt: number, policy: RetryPolicy, random: () => number): RetryDecision {
  if (!isTransient(fault) || attempt >= policy.maxAttempts) return { retry: false };
  if (fault.kind === 'http' && fault.retryAfterMs !== undefined && fault.retryAfterMs >= 0) {
    return { retry: true, delayMs: Math.min(fault.retryAfterMs, policy.maxDelayMs) };
  }
  return { retry: true, delayMs: backoffDelay(attempt, policy, random) };
}
