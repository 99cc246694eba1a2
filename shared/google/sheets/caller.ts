import { StoreError } from '../../store/table-store.js';
import { callGoogle, isJsonObject, type CallSettings, type RequestOptions } from '../call.js';
import { isMissingCredentials, MISSING_CREDENTIALS_MESSAGE, sheetsFailureMessage, spreadsheetUrl, type SheetsTarget } from '../messages.js';
import { isTransient, type CallFault } from '../retry.js';

export type { RequestOptions } from '../call.js';

export interface SheetsCallerOptions extends CallSettings, SheetsTarget {}

/**
 * Runs Sheets API calls through the kit — POSTs included, since every write of this adapter is safe to repeat — and
 * turns what Google answers into StoreErrors with Vietnamese messages, `transient` when trying later may work.
 */
export class SheetsCaller {
  constructor(private readonly o: SheetsCallerOptions) {}

  /**
   * Calls `run` until it succeeds, a non-transient fault occurs, or the attempts are spent.
   * `what` says in Vietnamese what was being done ("đọc các trang tính").
   */
  call<T>(what: string, run: (options: RequestOptions) => Promise<{ data: T }>): Promise<T> {
    return callGoogle(this.o, { fail: (fault, attempts, cause) => this.storeError(what, fault, attempts, cause), unclassified: credentialsProblem, accept: isJsonObject }, run);
  }

  /** The error for a call that failed for good. */
  storeError(what: string, fault: CallFault, attempts: number, cause: unknown): StoreError {
    return new StoreError(sheetsFailureMessage(what, fault, attempts, cause, this.o), { location: spreadsheetUrl(this.o.spreadsheetId) }, { cause, transient: isTransient(fault) });
  }
}

/** google-auth-library's "no credentials" failure as a StoreError; anything else is left as it is (a bug). */
function credentialsProblem(error: unknown): StoreError | undefined {
  return isMissingCredentials(error) ? new StoreError(MISSING_CREDENTIALS_MESSAGE, {}, { cause: error }) : undefined;
}
