import { isTransientFault } from './faults.js';
import type { Runtime } from './runtime.js';

/** What a door needs to know of a failure it caught: may it clear up by itself, and what to log. */
export interface Failure {
  transient: boolean;
  name: string;
  message: string;
}

/**
 * The one failure reporter of the doors: classifies the error (transient: Google's 429/5xx, a dropped connection,
 * the lock busy — the caller or the platform should try again) and logs it once, WARNING when transient and ERROR
 * otherwise, with the error's name and message (they name a tab or a sheet, never a secret) and no stack of user
 * data. Each door then answers in its own way (a status, a page, a redelivery).
 */
export function reportFailure(rt: Runtime, fn: string, error: unknown, fields: Record<string, string | undefined> = {}, messages?: { transient: string; permanent: string }): Failure {
  const transient = isTransientFault(error);
  const failure = { transient, name: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : String(error) };
  const text = messages ?? { transient: 'Lỗi tạm thời, sẽ thử lại', permanent: 'Lỗi' };
  rt.log(transient ? 'WARNING' : 'ERROR', transient ? text.transient : text.permanent, { function: fn, error: failure.name, detail: failure.message, ...fields });
  return failure;
}
