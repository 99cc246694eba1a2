/** The Google kit's call wrapper (shared/google/call.ts): one request function, faked, failing as Google does. */
import { describe, expect, test } from 'vitest';
import { callGoogle, type CallPlan, type CallSettings, type RequestOptions } from '../../shared/google/call.js';
import type { CallFault } from '../../shared/google/retry.js';
import { SheetsCaller } from '../../shared/google/sheets/caller.js';
import { StoreError } from '../../shared/store/table-store.js';

const NOW = Date.parse('2026-03-02T08:00:00Z');

/** An error as gaxios makes it: marked with its symbol, with the response when Google answered. */
function googleError(status?: number, headers: Record<string, string> = {}): Error {
  const response = status === undefined ? undefined : { status, headers: new Headers(headers), data: { error: { message: `HTTP ${status}` } } };
  return Object.assign(new Error(`request failed${status ? ` with ${status}` : ''}`), { [Symbol.for('gaxios-gaxios-error')]: 'fake', response, config: { url: 'https://forms.googleapis.com/v1/forms' } });
}

/** A request function answering from a script: an error is thrown, anything else is the answer's data. */
function scripted(answers: Array<Error | string>) {
  const seen: RequestOptions[] = [];
  const run = async (options: RequestOptions): Promise<{ data: string }> => {
    seen.push(options);
    const next = answers.shift();
    if (next === undefined) throw new Error('the script ran out of answers');
    if (next instanceof Error) throw next;
    return { data: next };
  };
  return { run, seen };
}

function settings(): CallSettings & { slept: number[] } {
  const slept: number[] = [];
  return { policy: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 32_000 }, sleep: async (ms) => void slept.push(ms), random: () => 0.5, timeoutMs: 5_000, now: () => NOW, slept };
}

class Failed extends Error {
  constructor(
    readonly fault: CallFault,
    readonly attempts: number,
  ) {
    super(`failed after ${attempts}`);
  }
}
const plan = (retry?: boolean): CallPlan => ({ ...(retry === undefined ? {} : { retry }), fail: (fault, attempts) => new Failed(fault, attempts) });

describe('a call that succeeds after waiting', () => {
  test.each<[string, Array<Error | string>, number[]]>([
    ['a 429 with Retry-After in seconds waits what Google asked', [googleError(429, { 'retry-after': '7' }), 'ok'], [7_000]],
    ['a 429 with Retry-After as an HTTP-date waits until that date', [googleError(429, { 'retry-after': new Date(NOW + 12_000).toUTCString() }), 'ok'], [12_000]],
    ['a 429 with Retry-After at a date already past tries again at once', [googleError(429, { 'retry-after': new Date(NOW - 60_000).toUTCString() }), 'ok'], [0]],
    ['a 500 then success waits the jittered backoff', [googleError(500), 'ok'], [500]],
    ['two 503s wait longer the second time', [googleError(503), googleError(503), 'ok'], [500, 1_000]],
    ['a dropped connection is tried again', [googleError(), 'ok'], [500]],
  ])('%s', async (_, answers, waits) => {
    const s = settings();
    const { run, seen } = scripted(answers);
    await expect(callGoogle(s, plan(), run)).resolves.toBe('ok');
    expect(s.slept).toEqual(waits);
    expect(seen.every((o) => o.retry === false && o.timeout === 5_000)).toBe(true);
  });
});

describe('a call that fails for good', () => {
  test.each<[string, boolean | undefined, Array<Error | string>, CallFault, number]>([
    ['a 400 is not retried', undefined, [googleError(400), 'ok'], { kind: 'http', status: 400 }, 1],
    ['a 404 is not retried', undefined, [googleError(404), 'ok'], { kind: 'http', status: 404 }, 1],
    ['a request that must not be sent twice is not retried, even on a 503', false, [googleError(503), 'ok'], { kind: 'http', status: 503 }, 1],
    ['a 503 that lasts gives up when the attempts are spent', undefined, [googleError(503), googleError(503), googleError(503), googleError(503)], { kind: 'http', status: 503 }, 4],
  ])('%s', async (_, retry, answers, fault, attempts) => {
    const s = settings();
    const error = await callGoogle(s, plan(retry), scripted(answers).run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Failed);
    expect(error).toMatchObject({ fault, attempts });
    expect(s.slept).toHaveLength(attempts - 1);
  });

  test('an error that did not come from the HTTP client is thrown as it is, without a retry', async () => {
    const bug = new TypeError('x is undefined');
    const s = settings();
    await expect(callGoogle(s, plan(), scripted([bug, 'ok']).run)).rejects.toBe(bug);
    expect(s.slept).toEqual([]);
  });
});

describe('a Sheets call that fails for good', () => {
  test.each([
    [503, true],
    [404, false],
  ])('after a %i is a StoreError with transient = %s', async (status, transient) => {
    const caller = new SheetsCaller({ ...settings(), spreadsheetId: 'sheet-1', editorEmail: 'sa@example.iam.gserviceaccount.com' });
    const answers = Array.from({ length: 4 }, () => googleError(status));
    const error = await caller.call('đọc các trang tính', scripted(answers).run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ transient, context: { location: 'https://docs.google.com/spreadsheets/d/sheet-1' } });
  });
});

describe('a 200 whose body is not the API\'s JSON', () => {
  const page = '<html><body>Proxy: please sign in</body></html>';
  const withAccept = (retry?: boolean): CallPlan => ({ ...plan(retry), accept: (d) => typeof d === 'object' && d !== null });

  test('is a transient fault: retried with backoff, and the JSON answer that follows is returned', async () => {
    const s = settings();
    const answers: unknown[] = [page, '', { spreadsheetId: 's1' }];
    const data = await callGoogle(s, withAccept(), async () => ({ data: answers.shift() }));
    expect(data).toEqual({ spreadsheetId: 's1' });
    expect(s.slept).toHaveLength(2);
  });

  test('fails as malformed (transient) once the attempts are spent, and is never taken as a success', async () => {
    const s = settings();
    await expect(callGoogle(s, withAccept(), async () => ({ data: page }))).rejects.toMatchObject({ fault: { kind: 'malformed' }, attempts: 4 });
  });

  test('a request that must not be sent twice fails at once', async () => {
    await expect(callGoogle(settings(), withAccept(false), async () => ({ data: page }))).rejects.toMatchObject({ fault: { kind: 'malformed' }, attempts: 1 });
  });

  test('the Sheets adapter retries an HTML 200 from the network and then reads the tabs', async () => {
    const caller = new SheetsCaller({ ...settings(), spreadsheetId: 'sheet-1', editorEmail: undefined });
    const answers: unknown[] = [page, { valueRanges: [] }];
    expect(await caller.call('đọc các trang tính', async () => ({ data: answers.shift() }))).toEqual({ valueRanges: [] });
    const failing = caller.call('đọc các trang tính', async () => ({ data: page }));
    await expect(failing).rejects.toBeInstanceOf(StoreError);
    await expect(failing).rejects.toMatchObject({ transient: true, message: expect.stringContaining('không đúng dạng JSON') });
  });
});
