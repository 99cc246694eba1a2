import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GoogleAuth, Impersonated, type AuthClient } from 'google-auth-library';
import { z } from 'zod';
import { StoreError } from '../store/table-store.js';

/**
 * Where the command line takes its Google credentials from, in this order (docs/google-sheets.md#credentials):
 * 1. `impersonation`: `--impersonate <email>` or `THIDUA_IMPERSONATE_SERVICE_ACCOUNT` — short-lived tokens of that
 *    service account minted from your own gcloud login (`gcloud auth application-default login`, Cloud scopes only);
 *    no key file, no Workspace scope on gcloud's OAuth client;
 * 2. `file`: the file named by GOOGLE_APPLICATION_CREDENTIALS — a service-account key (`service_account`), an
 *    impersonation file (`impersonated_service_account`, from `gcloud auth application-default login
 *    --impersonate-service-account`) or a login through your own OAuth client (`authorized_user`, from
 *    `--client-id-file`);
 * 3. `file` again: gcloud's well-known ADC file (~/.config/gcloud/application_default_credentials.json, or
 *    %APPDATA%\gcloud\… on Windows), with the same three kinds;
 * 4. `metadata`: the metadata server of Cloud Run / Cloud Functions (the runtime's service account).
 */
export type CredentialChoice =
  | { kind: 'impersonation'; targetPrincipal: string; from: '--impersonate' | 'THIDUA_IMPERSONATE_SERVICE_ACCOUNT' }
  | { kind: 'file'; path: string; from: 'GOOGLE_APPLICATION_CREDENTIALS' | 'gcloud'; type: 'service_account' | 'impersonated_service_account' | 'authorized_user' | 'external_account' }
  | { kind: 'metadata' };

export interface ChosenCredentials {
  choice: CredentialChoice;
  /** The account Google sees calling (a service account's email), when it can be told without a request. */
  identity?: string;
}

const CredentialsFile = z.object({
  type: z.enum(['service_account', 'impersonated_service_account', 'authorized_user', 'external_account']),
  client_email: z.email().optional(),
  service_account_impersonation_url: z.string().optional(),
});

/** The target service account of an impersonation URL `…/serviceAccounts/<email>:generateAccessToken`. */
const impersonatedEmail = (url: string | undefined): string | undefined => (url ? /serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1] : undefined);

export interface CredentialEnvironment {
  env: NodeJS.ProcessEnv;
  /** Reads a file; undefined when it does not exist. */
  read?: (path: string) => Promise<string | undefined>;
  home?: string;
}

const readIfThere = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Picks the CLI's credentials in the documented order, reading at most the one file it settles on. */
export async function chooseCredentials(options: { impersonate?: string }, where: CredentialEnvironment): Promise<ChosenCredentials> {
  const { env } = where;
  const read = where.read ?? readIfThere;
  const impersonate = options.impersonate?.trim() || env.THIDUA_IMPERSONATE_SERVICE_ACCOUNT?.trim();
  if (impersonate) {
    if (!z.email().safeParse(impersonate).success) {
      throw new StoreError(`Tài khoản dịch vụ cần mượn quyền "${impersonate}" không phải một địa chỉ email.`, { location: options.impersonate ? '--impersonate' : 'THIDUA_IMPERSONATE_SERVICE_ACCOUNT' });
    }
    return { choice: { kind: 'impersonation', targetPrincipal: impersonate, from: options.impersonate?.trim() ? '--impersonate' : 'THIDUA_IMPERSONATE_SERVICE_ACCOUNT' }, identity: impersonate };
  }
  const named = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (named) {
    const text = await read(named);
    if (text === undefined) throw new StoreError(`Không tìm thấy tệp thông tin xác thực "${named}" (GOOGLE_APPLICATION_CREDENTIALS).`, { location: named });
    return fromFile(named, 'GOOGLE_APPLICATION_CREDENTIALS', text);
  }
  const wellKnown = env.CLOUDSDK_CONFIG
    ? join(env.CLOUDSDK_CONFIG, 'application_default_credentials.json')
    : process.platform === 'win32' && env.APPDATA
      ? join(env.APPDATA, 'gcloud', 'application_default_credentials.json')
      : join(where.home ?? homedir(), '.config', 'gcloud', 'application_default_credentials.json');
  const text = await read(wellKnown);
  if (text !== undefined) return fromFile(wellKnown, 'gcloud', text);
  return { choice: { kind: 'metadata' } };
}

function fromFile(path: string, from: 'GOOGLE_APPLICATION_CREDENTIALS' | 'gcloud', text: string): ChosenCredentials {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new StoreError(`Tệp thông tin xác thực "${path}" không phải JSON hợp lệ.`, { location: path }, { cause });
  }
  const parsed = CredentialsFile.safeParse(json);
  if (!parsed.success) {
    throw new StoreError(`Tệp thông tin xác thực "${path}" không đúng dạng (trường type hoặc client_email): hãy tạo lại nó theo docs/google-sheets.md.`, { location: path });
  }
  const { type, client_email, service_account_impersonation_url } = parsed.data;
  const identity = type === 'service_account' ? client_email : type === 'impersonated_service_account' ? impersonatedEmail(service_account_impersonation_url) : undefined;
  return { choice: { kind: 'file', path, from, type }, ...(identity ? { identity } : {}) };
}

/** Credentials for `scopes` from the choice: impersonated tokens, or google-auth-library's own reading of the file/metadata. */
export async function authFor(chosen: ChosenCredentials, scopes: string[]): Promise<GoogleAuth | AuthClient> {
  const { choice } = chosen;
  if (choice.kind === 'impersonation') {
    // The source is your own login, which only needs the Cloud scope: gcloud still grants that one.
    const sourceClient = await new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] }).getClient();
    return new Impersonated({ sourceClient, targetPrincipal: choice.targetPrincipal, targetScopes: scopes, lifetime: 3600, delegates: [] });
  }
  if (choice.kind === 'file') return new GoogleAuth({ scopes, keyFile: choice.path });
  return new GoogleAuth({ scopes });
}

/** One line telling the user which credentials the command uses (Vietnamese). */
export function describeCredentials(chosen: ChosenCredentials): string {
  const who = chosen.identity ? ` (${chosen.identity})` : '';
  const { choice } = chosen;
  if (choice.kind === 'impersonation') return `Xác thực: mượn quyền tài khoản dịch vụ${who} theo ${choice.from}.`;
  if (choice.kind === 'metadata') return 'Xác thực: tài khoản dịch vụ của môi trường chạy (máy chủ metadata).';
  const kind = { service_account: 'khóa tài khoản dịch vụ', impersonated_service_account: 'mượn quyền tài khoản dịch vụ', authorized_user: 'đăng nhập người dùng', external_account: 'liên kết danh tính ngoài' }[choice.type];
  return `Xác thực: ${kind}${who} từ ${choice.from === 'gcloud' ? 'tệp ADC của gcloud' : 'GOOGLE_APPLICATION_CREDENTIALS'} (${choice.path}).`;
}
