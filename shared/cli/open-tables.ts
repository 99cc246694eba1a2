import type { TableStore } from '../store/table-store.js';
import { WorkbookStore } from '../store/workbook-store.js';
import { UsageError } from './io.js';
import { resolveStorePath } from './store-path.js';

/** Where a command keeps the council's tables: a local workbook (default) or a Google Sheet. */
export interface TablesOptions {
  store?: string;
  campaign?: string;
  /** A Google Sheet's id or address: selects the Google Sheets store. */
  spreadsheet?: string;
  /** The service account's email, when the key file does not tell it (e.g. ADC in the cloud). */
  serviceAccount?: string;
}

/** The tables a command works on, and how to name them to the user. */
export interface OpenedTables {
  tables: TableStore;
  /** The workbook's path or the sheet's address. */
  where: string;
  kind: 'workbook' | 'google-sheets';
}

/**
 * Picks the store from the options: `--spreadsheet` → Google Sheets, with credentials from
 * GOOGLE_APPLICATION_CREDENTIALS (a service-account key file, whose `client_email` stays an editor of protected
 * columns) or else Application Default Credentials; otherwise the local workbook (`--store`, `--campaign`, `data/`).
 * The Google client is loaded only when a sheet is used.
 *
 * @example await openTables({ spreadsheet: 'https://docs.google.com/spreadsheets/d/1AbC…/edit' }, process.env)
 */
export async function openTables(options: TablesOptions, env: NodeJS.ProcessEnv = process.env): Promise<OpenedTables> {
  if (options.spreadsheet === undefined) {
    if (options.serviceAccount !== undefined) throw new UsageError('--service-account chỉ dùng cùng --spreadsheet.');
    const path = resolveStorePath(options);
    return { tables: new WorkbookStore(path), where: path, kind: 'workbook' };
  }
  if (options.store !== undefined) throw new UsageError('Chỉ chọn một nơi lưu: --store <tệp.xlsx> hoặc --spreadsheet <mã bảng tính>, không dùng cả hai.');
  const spreadsheetId = spreadsheetIdOf(options.spreadsheet);
  const [{ GoogleSheetsStore }, { sheetsAuth, serviceAccountEmail }] = await Promise.all([
    import('../google/sheets/sheets-store.js'),
    import('../google/credentials.js'),
  ]);
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS || undefined;
  const editorEmail = options.serviceAccount ?? (keyFile ? await serviceAccountEmail(keyFile) : undefined);
  return {
    // the CLI takes the sheet's write lock like the functions do, so it can run while they are live (decision 002)
    tables: new GoogleSheetsStore({ spreadsheetId, auth: sheetsAuth({ ...(keyFile ? { keyFile } : {}) }), ...(editorEmail ? { editorEmail } : {}), lock: true }),
    where: `https://docs.google.com/spreadsheets/d/${spreadsheetId}`,
    kind: 'google-sheets',
  };
}

/** The id from a sheet's id or its browser address (`…/spreadsheets/d/<id>/edit#gid=0`). */
export function spreadsheetIdOf(value: string): string {
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value)?.[1];
  const id = fromUrl ?? value.trim();
  if (!/^[A-Za-z0-9_-]{10,}$/.test(id)) {
    throw new UsageError(`--spreadsheet cần mã bảng tính (phần giữa /d/ và /edit trong địa chỉ) hoặc cả địa chỉ, nhận được "${value}".`);
  }
  return id;
}
