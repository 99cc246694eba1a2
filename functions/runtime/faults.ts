import { VerifierUnavailableError } from '../../shared/auth/id-token-verifier.js';
import { FormsError } from '../../shared/google/forms/forms-api.js';
import { faultOf } from '../../shared/google/fault.js';
import { SheetLockError } from '../../shared/google/sheets/lock.js';
import { isTransient } from '../../shared/google/retry.js';
import { StoreError } from '../../shared/store/table-store.js';

/**
 * True when an error may clear up by itself (Google's 429 and 5xx, a dropped connection, Google's keys out of reach):
 * an HTTP door answers 503 so Scheduler tries again, an event function throws so the platform redelivers. Anything
 * else — a sheet not shared, a renamed tab, bad configuration, a bug — will not get better by retrying.
 */
export function isTransientFault(error: unknown): boolean {
  if (error instanceof FormsError) return error.transient;
  if (error instanceof VerifierUnavailableError) return true;
  if (error instanceof SheetLockError) return true;
  const fault = faultOf(error instanceof StoreError ? error.cause : error);
  return fault !== undefined && isTransient(fault);
}
