import { Authenticator } from '../../shared/auth/authorize.js';
import { GoogleIdTokenVerifier } from '../../shared/auth/id-token-verifier.js';
import { parseConfig, type Config } from '../../shared/config.js';
import type { Campaign } from '../../shared/domain/campaign.js';
import type { FormsApi, FormsApiOptions } from '../../shared/google/forms/forms-api.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import type { SheetsAuth } from '../../shared/google/credentials.js';
import type { GoogleSheetsStoreOptions } from '../../shared/google/sheets/sheets-store.js';
import type { DatasetStore } from '../../shared/store/dataset-store.js';
import type { TableStore } from '../../shared/store/table-store.js';
import { loadCampaigns } from '../../shared/templates/campaign-registry.js';
import { jsonLogger, type Logger } from './log.js';

/** The council's workbook as a function uses it: the store adapter and the campaign's repository over it. */
export interface Workbook {
  tables: TableStore;
  repo: CampaignRepository;
}

/**
 * What every door gets: the configuration (parsed once), the clock, the logger, and the workbook, the Forms API and
 * the authenticator, each built on first use so a cold start loads only what its function touches.
 */
export interface Runtime {
  /** Throws ConfigError naming every bad variable (the same error on every call). */
  config(): Config;
  now(): Date;
  log: Logger;
  workbook(): Promise<Workbook>;
  forms(): Promise<FormsApi>;
  auth(): Authenticator;
}

export interface RuntimeOptions {
  env?: Record<string, string | undefined>;
  now?: () => Date;
  log?: Logger;
  campaigns?: () => ReadonlyMap<string, Campaign>;
  /** Credentials of the Sheets and Forms clients (default Application Default Credentials); tests pass a token. */
  googleAuth?: SheetsAuth;
  forms?: Omit<FormsApiOptions, 'auth'>;
  /** The Sheets store's waits, clock, retries and write-lock timings (tests make waits instant); the lock is always on. */
  sheets?: Pick<GoogleSheetsStoreOptions, 'sleep' | 'random' | 'now' | 'retry' | 'timeoutMs'> & { lock?: Exclude<GoogleSheetsStoreOptions['lock'], boolean> };
  /** Google's certificate endpoint for identity tokens (tests answer it with msw). */
  certsUrl?: string;
  /** Where the Sheets and Forms APIs are served (default Google's): a local fake in benchmarks. */
  googleApiRoot?: string;
}

/**
 * Builds a runtime over an environment. Nothing is read or loaded here: the config is parsed on the first `config()`
 * (the cold start's first request), the workbook opened on the first `workbook()`, the Google clients imported on
 * first use. A failed opening is not cached, so the next request tries again.
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const env = options.env ?? process.env;
  let parsed: ReturnType<typeof parseConfig> | undefined;
  let workbook: Promise<Workbook> | undefined;
  let forms: Promise<FormsApi> | undefined;
  let authenticator: Authenticator | undefined;
  const now = options.now ?? (() => new Date());
  const config = (): Config => {
    parsed ??= parseConfig(env);
    if (!parsed.ok) throw parsed.error;
    return parsed.config;
  };
  const memo = <T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, make: () => Promise<T>): Promise<T> => {
    const existing = get();
    if (existing) return existing;
    const made = make();
    set(made);
    made.catch(() => set(undefined));
    return made;
  };
  const log = options.log ?? jsonLogger();
  return {
    config,
    now,
    log,
    workbook: () => memo(() => workbook, (p) => (workbook = p), () => openWorkbook(config(), options, log)),
    forms: () =>
      memo(() => forms, (p) => (forms = p), async () => {
        const { googleFormsApi } = await import('../../shared/google/forms/forms-api.js');
        return googleFormsApi({ ...options.forms, ...(options.googleApiRoot ? { rootUrl: options.googleApiRoot } : {}), ...(options.googleAuth ? { auth: options.googleAuth as FormsApiOptions['auth'] } : {}) });
      }),
    auth: () => {
      if (authenticator) return authenticator;
      const verifier = new GoogleIdTokenVerifier(options.certsUrl ? { certsUrl: options.certsUrl } : {});
      authenticator = new Authenticator(config().auth, { verifyIdToken: (token, audiences) => verifier.verify(token, audiences), now });
      return authenticator;
    },
  };
}

async function openWorkbook(config: Config, options: RuntimeOptions, log: Logger): Promise<Workbook> {
  const campaigns = (options.campaigns ?? loadCampaigns)();
  let tables: TableStore;
  if (config.store.kind === 'file') {
    const { embeddedStore } = await import('../../shared/store/embedded-store.js');
    tables = embeddedStore(config.store.workbook, process.env, (message) => log('WARNING', message, {}));
  } else {
    const [{ GoogleSheetsStore }, { sheetsAuth }] = await Promise.all([import('../../shared/google/sheets/sheets-store.js'), import('../../shared/google/credentials.js')]);
    tables = new GoogleSheetsStore({
      spreadsheetId: config.store.spreadsheetId,
      auth: options.googleAuth ?? sheetsAuth(),
      ...(config.store.serviceAccount ? { editorEmail: config.store.serviceAccount } : {}),
      ...(options.googleApiRoot ? { rootUrl: options.googleApiRoot } : {}),
      // the spreadsheet nears Google's 10 million cells: a WARNING line the council's alerting can pick up
      onWarning: (message) => log('WARNING', message, { spreadsheetId: config.store.kind === 'google' ? config.store.spreadsheetId : undefined }),
      // Several instances and functions write the one sheet: each job holds the sheet's write lock (decision 002).
      ...options.sheets,
      lock: options.sheets?.lock ?? true,
    });
  }
  let datasets: DatasetStore | undefined;
  if (config.store.kind === 'google' && config.store.datasetBucket) {
    // the datasets live in Cloud Storage (decision 010): loaded only here, so only a job that opens the store pays for it
    const [{ GcsDatasetStore }, { storageAuth }] = await Promise.all([import('../../shared/google/storage/gcs-datasets.js'), import('../../shared/google/credentials.js')]);
    datasets = new GcsDatasetStore({
      bucket: config.store.datasetBucket,
      prefix: `datasets/${config.store.spreadsheetId}/`,
      auth: (options.googleAuth as never) ?? storageAuth(),
      ...(options.googleApiRoot ? { rootUrl: options.googleApiRoot } : {}),
      ...(options.sheets?.sleep ? { sleep: options.sheets.sleep } : {}),
    });
  }
  return { tables, repo: await CampaignRepository.open(tables, campaigns, datasets) };
}
