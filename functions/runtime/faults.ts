/**
 * True when an error may clear up by itself (Google's 429 and 5xx, a dropped connection, the write lock busy, Google's
 * keys out of reach): an HTTP door answers 503 so Scheduler tries again, an event function throws so the platform
 * redelivers. Every infrastructure error says so itself with `transient` (StoreError, SheetLockError, FormsError,
 * VerifierUnavailableError); anything else — a sheet not shared, a renamed tab, bad configuration, a bug — will not
 * get better by retrying.
 */
export function isTransientFault(error: unknown): boolean {
  return error instanceof Error && 'transient' in error && error.transient === true;
}
