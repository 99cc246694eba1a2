/** The retry policy of the Google adapters (shared/google/retry.ts): a pure decision, table-driven. */
import { describe, expect, test } from 'vitest';
import { backoffDelay, decideRetry, DEFAULT_RETRY_POLICY, equalJitterDelay, type CallFault } from '../../shared/google/retry.js';

const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000 };
const half = () => 0.5;

describe('whether a failed call is tried again', () => {
  test.each<[string, CallFault, boolean]>([
    ['429 quota exceeded', { kind: 'http', status: 429 }, true],
    ['500 internal error', { kind: 'http', status: 500 }, true],
    ['502 bad gateway', { kind: 'http', status: 502 }, true],
    ['503 unavailable', { kind: 'http', status: 503 }, true],
    ['504 gateway timeout', { kind: 'http', status: 504 }, true],
    ['408 request timeout', { kind: 'http', status: 408 }, true],
    ['a reset or dropped connection', { kind: 'network' }, true],
    ['400 invalid request', { kind: 'http', status: 400 }, false],
    ['401 bad credentials', { kind: 'http', status: 401 }, false],
    ['403 not shared', { kind: 'http', status: 403 }, false],
    ['404 no such spreadsheet', { kind: 'http', status: 404 }, false],
  ])('after %s: retry = %s', (_, fault, retry) => {
    expect(decideRetry(fault, 1, policy, half).retry).toBe(retry);
  });

  test('stops when the attempts are spent', () => {
    expect(decideRetry({ kind: 'http', status: 503 }, 4, policy, half)).toEqual({ retry: true, delayMs: 4_000 });
    expect(decideRetry({ kind: 'http', status: 503 }, 5, policy, half)).toEqual({ retry: false });
  });
});

describe('how long to wait', () => {
  test.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 8_000],
    [12, 8_000],
  ])('before retry %i the wait is drawn below %i ms (doubling, truncated)', (retry, ceiling) => {
    expect(backoffDelay(retry, policy, () => 0)).toBe(0);
    expect(backoffDelay(retry, policy, () => 0.5)).toBe(ceiling / 2);
    expect(backoffDelay(retry, policy, () => 0.999999)).toBe(ceiling - 1);
  });

  test('honours a Retry-After, capped at the longest wait', () => {
    expect(decideRetry({ kind: 'http', status: 429, retryAfterMs: 3_000 }, 1, policy, half)).toEqual({ retry: true, delayMs: 3_000 });
    expect(decideRetry({ kind: 'http', status: 429, retryAfterMs: 600_000 }, 1, policy, half)).toEqual({ retry: true, delayMs: 8_000 });
  });

  test("follows Google's advice by default: up to 6 attempts, waits under 1 s, 2 s, 4 s… never over 32 s", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 32_000 });
    expect(backoffDelay(10, DEFAULT_RETRY_POLICY, () => 0.999999)).toBeLessThan(32_000);
  });
});

describe('how long the write lock waits before looking again (equal jitter)', () => {
  test.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [4, 4_000, 8_000],
    [9, 4_000, 8_000],
  ])('look %i waits between %i and %i ms', (retry, low, ceiling) => {
    const backoff = { baseDelayMs: 1_000, maxDelayMs: 8_000 };
    expect(equalJitterDelay(retry, backoff, () => 0)).toBe(low);
    expect(equalJitterDelay(retry, backoff, () => 0.999999)).toBe(ceiling - 1);
  });
});
