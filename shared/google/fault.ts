import type { CallFault } from './retry.js';

/** How gaxios marks its errors, across copies of the package (`GaxiosError[Symbol.hasInstance]`). */
const GAXIOS_ERROR = Symbol.for('gaxios-gaxios-error');

interface ClientError {
  response?: { status: number; headers?: unknown; data?: unknown };
  config?: { url?: unknown };
  message: string;
}

function isClientError(error: unknown): error is Error & ClientError {
  return error instanceof Error && GAXIOS_ERROR in error;
}

/**
 * The fault of a failed googleapis call, or undefined when it did not come from the HTTP client (a bug, or missing
 * credentials: not retried). `now` (ms) turns a `Retry-After` date into a wait.
 *
 * @example faultOf(quotaError) // { kind: 'http', status: 429, retryAfterMs: 30_000 } for `Retry-After: 30`
 */
export function faultOf(error: unknown, now: () => number = Date.now): CallFault | undefined {
  if (!isClientError(error)) return undefined;
  if (!error.response) return { kind: 'network' };
  const retryAfterMs = retryAfter(error.response.headers, now);
  return { kind: 'http', status: error.response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

/**
 * A `Retry-After` header in ms: delay-seconds (`30`) or an HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`, a date already
 * past meaning "now"); undefined when absent or unreadable.
 */
function retryAfter(headers: unknown, now: () => number): number | undefined {
  const value =
    headers instanceof Headers ? headers.get('retry-after') : typeof headers === 'object' && headers ? (headers as Record<string, unknown>)['retry-after'] : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** Google's own message of an API error (`{error: {message}}`), or of an OAuth error (`{error, error_description}`). */
export function googleMessage(error: unknown): string {
  if (!isClientError(error)) return error instanceof Error ? error.message : String(error);
  const data = error.response?.data as { error?: { message?: unknown } | string; error_description?: unknown } | undefined;
  if (typeof data?.error === 'object' && typeof data.error.message === 'string') return data.error.message;
  if (typeof data?.error === 'string') return typeof data.error_description === 'string' ? `${data.error}: ${data.error_description}` : data.error;
  return error.message;
}

/** True when the failed request went to another host than `apiHost`: the auth library's token request. */
export function fromTokenEndpoint(error: unknown, apiHost: string): boolean {
  const url = isClientError(error) ? String(error.config?.url ?? '') : '';
  return url !== '' && !url.includes(apiHost);
}
