import { SqliteStore } from './sqlite-store.js';
import type { TableStore } from './table-store.js';
import { WorkbookStore } from './workbook-store.js';

/**
 * The local store of a workbook: the embedded database beside it with the workbook as the council's view (default),
 * or, with `THIDUA_EMBEDDED=xlsx`, the workbook alone as before (kept for one release as the benchmark's reference).
 */
export function embeddedStore(workbook: string, env: NodeJS.ProcessEnv = process.env, onWarning?: (message: string) => void): TableStore {
  if (env.THIDUA_EMBEDDED?.trim() === 'xlsx') return new WorkbookStore(workbook);
  return SqliteStore.forWorkbook(workbook, onWarning ? { onWarning } : {});
}
