import type { ChosenCredentials } from '../google/cli-credentials.js';
import type { DatasetStore } from '../store/dataset-store.js';
import type { TableStore } from '../store/table-store.js';
import { embeddedStore } from '../store/embedded-store.js';
import { UsageError } from './io.js';
import { resolveStorePath } from './store-path.js';

/** Where a command keeps the council's tables: a local workbook (default) or a Google Sheet. */
export interface TablesOptions {
  store?: string;
  campaign?: string;
  /** A Google Sheet's id or address: selects the Google Sheets store. */
  spreadsheet?: string;
  /**
   * The functions' service account (`--service-account`, else THIDUA_SERVICE_ACCOUNT): named an editor of the
   * protected computed columns, which the functions write.
   */
  serviceAccount?: string;
  /** A service account whose identity the CLI borrows (`--impersonate`, else THIDUA_IMPERSONATE_SERVICE_ACCOUNT). */
  impersonate?: string;
}

/** The tables a command works on, and how to name them to the user. */
export interface OpenedTables {
  tables: TableStore;
  /** The workbook's path or the sheet's address. */
  where: string;
  kind: 'workbook' | 'google-sheets';
  /** With a Google Sheet and THIDUA_DATASET_BUCKET: the datasets' bucket in Cloud Storage (decision 010). */
  datasets?: DatasetStore;
  /** For a Google Sheet: the credentials chosen and the accounts named editors of protected columns. */
  google?: { credentials: ChosenCredentials; editors: string[] };
}

/**
 * Picks the store from the options: `--spreadsheet` → Google Sheets, with credentials chosen in the documented order
 * (`chooseCredentials`: impersonation, GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file, the metadata server);
 * the functions' service account and the CLI's own identity are kept editors of the protected columns. Otherwise the
 * local workbook (`--store`, `--campaign`, `data/`). The Google client is loaded only when a sheet is used.
 *
 * @example await openTables({ spreadsheet: 'https://docs.google.com/spreadsheets/d/1AbC…/edit' }, process.env)
 */
export async function openTables(
  options: TablesOptions,
  env: NodeJS.ProcessEnv = process.env,
  /** In tests: ready credentials (the choice is still made, and reported, from `env`) and an instant sleep. */
  google?: { auth?: unknown; sleep?: (ms: number) => Promise<void> },
): Promise<OpenedTables> {
  if (options.spreadsheet === undefined) {
    if (options.serviceAccount !== undefined) throw new UsageError('--service-account chỉ dùng cùng --spreadsheet.');
    if (options.impersonate !== undefined) throw new UsageError('--impersonate chỉ dùng cùng --spreadsheet.');
    const path = resolveStorePath(options);
    return { tables: embeddedStore(path, env, (message) => process.stderr.write(`Cảnh báo: ${message}\n`)), where: path, kind: 'workbook' };
  }
  if (options.store !== undefined) throw new UsageError('Chỉ chọn một nơi lưu: --store <tệp.xlsx> hoặc --spreadsheet <mã bảng tính>, không dùng cả hai.');
  const spreadsheetId = spreadsheetIdOf(options.spreadsheet);
  const [{ GoogleSheetsStore }, { SHEETS_SCOPE, STORAGE_SCOPE }, { chooseCredentials, authFor }] = await Promise.all([
    import('../google/sheets/sheets-store.js'),
    import('../google/credentials.js'),
    import('../google/cli-credentials.js'),
  ]);
  const credentials = await chooseCredentials({ ...(options.impersonate ? { impersonate: options.impersonate } : {}) }, { env });
  const functionsAccount = options.serviceAccount ?? (env.THIDUA_SERVICE_ACCOUNT?.trim() || undefined);
  const editors = [...new Set([functionsAccount, credentials.identity].filter((e): e is string => !!e))];
  const bucket = env.THIDUA_DATASET_BUCKET?.trim() || undefined;
  const auth = google?.auth ?? (await authFor(credentials, bucket ? [SHEETS_SCOPE, STORAGE_SCOPE] : [SHEETS_SCOPE]));
  // Google mode keeps the datasets out of the council's sheet when a bucket is named, as the functions do
  const datasets = bucket ? new (await import('../google/storage/gcs-datasets.js')).GcsDatasetStore({ bucket, prefix: `datasets/${spreadsheetId}/`, auth: auth as never, ...(google?.sleep ? { sleep: google.sleep } : {}) }) : undefined;
  return {
    // the CLI takes the sheet's write lock like the functions do, so it can run while they are live (decision 002)
    tables: new GoogleSheetsStore({
      spreadsheetId,
      auth: auth as never,
      ...(functionsAccount ? { editorEmail: functionsAccount } : credentials.identity ? { editorEmail: credentials.identity } : {}),
      editorEmails: editors,
      lock: true,
      onWarning: (message) => process.stderr.write(`Cảnh báo: ${message}\n`),
      ...(google?.sleep ? { sleep: google.sleep } : {}),
    }),
    where: `https://docs.google.com/spreadsheets/d/${spreadsheetId}`,
    kind: 'google-sheets',
    ...(datasets ? { datasets } : {}),
    google: { credentials, editors },
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
