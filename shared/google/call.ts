import { faultOf } from './fault.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type CallFault, type RetryDecision, type RetryPolicy } from './retry.js';

/** Per-request options handed to a googleapis method: the kit retries, so gaxios must not. */
export interface RequestOptions {
  retry: false;
  timeout: number;
}

/** How the kit runs calls: the retry policy, how to wait, the jitter source and the per-request timeout. */
export interface CallSettings {
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random: () => number;
  timeoutMs: number;
  /** Clock in ms, to read a `Retry-After` date (default `Date.now`). */
  now?: () => number;
}

/** The adapters' options that tune the calls; anything left out takes the default. */
export interface CallOptions {
  retry?: Partial<RetryPolicy> | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  timeoutMs?: number | undefined;
}

/** A request that gets no answer in this long is given up (and retried, if it may be). */
export const DEFAULT_TIMEOUT_MS = 60_000;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The settings from an adapter's options: Google's retry advice, real waits, `Math.random`, 60 s a request. */
export function callSettings(options: CallOptions = {}): CallSettings {
  return {
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    sleep: options.sleep ?? wait,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** What the kit needs to know about one call besides the request. */
export interface CallPlan {
  /** False for a request that must not be sent twice: a lost answer would create a second form or watch. */
  retry?: boolean;
  /** The error (with a Vietnamese message) of a call that failed for good with `fault` after `attempts` attempts. */
  fail: (fault: CallFault, attempts: number, cause: unknown) => Error;
  /** The error for a failure that did not come from the HTTP client, or undefined to throw it as it is. */
  unclassified?: (error: unknown) => Error | undefined;
  /**
   * Whether a successful answer's body is what the API sends (default: any). The adapters pass `isJsonObject`: a 200
   * carrying an HTML page or a cut-off body is a transient fault (`malformed`), retried like a 503 — never a success.
   */
  accept?: (data: unknown) => boolean;
}

/** Every answer of the Sheets and Forms REST APIs is a JSON object (`{}` for an empty one). */
export const isJsonObject = (data: unknown): boolean => typeof data === 'object' && data !== null && !Array.isArray(data);

/** Thrown inside the loop for a body `accept` refuses, so it is classified and retried like any fault. */
class MalformedAnswer extends Error {
  override readonly name = 'MalformedAnswer';
}

/**
 * Runs one googleapis request with `{retry: false, timeout}` until it succeeds, fails for good, or the attempts are
 * spent: each failure is classified (`faultOf`), the policy decides whether to try again and how long to wait
 * (`Retry-After` first), and a final failure becomes `plan.fail`'s error.
 *
 * @example
 * const form = await callGoogle(settings, { fail: (fault, n) => new Error(formsFailureMessage('đọc biểu mẫu', id, fault, n)) }, (o) => api.forms.get({ formId: id }, o));
 */
export async function callGoogle<T>(settings: CallSettings, plan: CallPlan, run: (options: RequestOptions) => Promise<{ data: T }>): Promise<T> {
  const now = settings.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await run({ retry: false, timeout: settings.timeoutMs });
      if (plan.accept && !plan.accept(data)) throw new MalformedAnswer(`the answer is not the API's JSON (${typeof data === 'string' ? JSON.stringify(data.slice(0, 80)) : typeof data})`);
      return data;
    } catch (error) {
      const fault: CallFault | undefined = error instanceof MalformedAnswer ? { kind: 'malformed' } : faultOf(error, now);
      if (!fault) throw plan.unclassified?.(error) ?? error;
      const decision: RetryDecision = plan.retry === false ? { retry: false } : decideRetry(fault, attempt, settings.policy, settings.random);
      if (!decision.retry) throw plan.fail(fault, attempt, error);
      await settings.sleep(decision.delayMs);
    }
  }
}
