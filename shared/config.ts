import { z } from 'zod';

/**
 * The functions' configuration, from environment variables, parsed once at cold start. Every bad or missing variable is
 * named in one message; no id (spreadsheet, form, topic, audience) ever has a default.
 *
 * | variable | meaning |
 * |---|---|
 * | `THIDUA_STORE` | `google` (default) or `file` (the embedded database and its workbook view, for `npm start`) |
 * | `THIDUA_SPREADSHEET_ID` | the council's Google Sheet (required with `google`) |
 * | `THIDUA_WORKBOOK` | path of the local .xlsx (required with `file`; its database is `<name>.thidua.sqlite` beside it) |
 * | `THIDUA_SERVICE_ACCOUNT` | the runtime's service-account email, kept an editor of protected columns |
 * | `THIDUA_FORM_ID` | the nomination form (formSync, watchRenewal) |
 * | `THIDUA_PUBSUB_TOPIC` | `projects/<p>/topics/<t>`, where Forms watches publish (watchRenewal) |
 * | `THIDUA_AUTH` | `required` (default) or `off-local-only` (npm start on loopback only) |
 * | `THIDUA_OIDC_AUDIENCES` | comma list: audiences accepted in Google identity tokens |
 * | `THIDUA_ALLOWED_CALLERS` | comma list: emails (service accounts, the form owner) whose tokens are accepted |
 * | `THIDUA_COUNCIL_EMAILS` | comma list: who may download award lists |
 * | `THIDUA_HMAC_SECRET` | shared secret (≥ 32 characters) for `X-Thidua-Signature` |
 * | `THIDUA_EVENT_MAX_AGE_MINUTES` | events older than this are dropped (default 60) |
 * | `THIDUA_LINK_SECRET` | secret (≥ 32 characters, not the HMAC one) that signs status links (required in the cloud) |
 * | `THIDUA_PUBLIC_URL` | public address of the status pages (`statusPages`): links are `<url>/status?t=…`, `<url>/unit?t=…` |
 */
export const StoreKind = ['google', 'file'] as const;
export const AuthMode = ['required', 'off-local-only'] as const;
export type AuthMode = (typeof AuthMode)[number];

const ID = /^[A-Za-z0-9_-]{10,200}$/;
const TOPIC = /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/[A-Za-z][\w.~+%-]{2,254}$/;

/** Unset and blank are the same thing: nobody means an empty id. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const list = (item: z.ZodType<string, string>, what: string) =>
  optional(
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(item, { message: `danh sách ${what} ngăn cách bằng dấu phẩy` }).min(1, `cần ít nhất một ${what}`)),
  );
const email = z.email({ message: 'phải là địa chỉ email' }).transform((e) => e.toLowerCase());
/** An https address without query or fragment (http only on this machine), kept without its trailing slash. */
const publicUrl = z
  .url({ protocol: /^https?$/, message: 'phải là địa chỉ https://… của hàm statusPages' })
  .refine((u) => {
    if (!URL.canParse(u)) return false; // already reported by .url()
    const url = new URL(u);
    return (url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) && !url.search && !url.hash;
  }, 'phải là địa chỉ https://… (không có ?… hay #…)')
  .transform((u) => u.replace(/\/+$/, ''));

const Env = z.object({
  THIDUA_STORE: z.preprocess(blank, z.enum(StoreKind, { message: 'phải là "google" hoặc "file"' }).default('google')),
  THIDUA_SPREADSHEET_ID: optional(z.string().regex(ID, 'mã bảng tính (phần giữa /d/ và /edit trong địa chỉ)')),
  THIDUA_WORKBOOK: optional(z.string().min(1)),
  THIDUA_SERVICE_ACCOUNT: optional(email),
  /** Google mode: the Cloud Storage bucket holding the datasets (quiz log, award history…), never the sheet (decision 010). */
  THIDUA_DATASET_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, 'tên bucket Cloud Storage (chữ thường, số, dấu chấm, gạch ngang, gạch dưới)')),
  THIDUA_FORM_ID: optional(z.string().regex(ID, 'mã biểu mẫu (phần giữa /d/ và /edit trong địa chỉ biểu mẫu)')),
  THIDUA_PUBSUB_TOPIC: optional(z.string().regex(TOPIC, 'phải có dạng projects/<dự án>/topics/<chủ đề>')),
  THIDUA_AUTH: z.preprocess(blank, z.enum(AuthMode, { message: 'phải là "required" hoặc "off-local-only"' }).default('required')),
  THIDUA_OIDC_AUDIENCES: list(z.string().min(1), 'audience'),
  THIDUA_ALLOWED_CALLERS: list(email, 'email'),
  THIDUA_COUNCIL_EMAILS: list(email, 'email'),
  THIDUA_HMAC_SECRET: optional(z.string().min(32, 'cần ít nhất 32 ký tự')),
  THIDUA_EVENT_MAX_AGE_MINUTES: z.preprocess(blank, z.coerce.number({ message: 'phải là số phút' }).int().min(1).max(24 * 60).default(60)),
  THIDUA_LINK_SECRET: optional(z.string().min(32, 'cần ít nhất 32 ký tự')),
  THIDUA_PUBLIC_URL: optional(publicUrl),
  /** Set by Cloud Run on every deployed function: never relax auth there. */
  K_SERVICE: optional(z.string()),
});

export type StoreConfig = { kind: 'google'; spreadsheetId: string; serviceAccount?: string; datasetBucket?: string } | { kind: 'file'; workbook: string };

export interface AuthConfig {
  mode: AuthMode;
  audiences: string[];
  allowedCallers: string[];
  councilEmails: string[];
  /** A secret: never logged, never echoed. */
  hmacSecret?: string;
}

export interface Config {
  store: StoreConfig;
  formId?: string;
  pubsubTopic?: string;
  auth: AuthConfig;
  eventMaxAgeMs: number;
  /** Status links: the signing secret (never logged) and the pages' public address; see functions/status-links.ts. */
  links?: { secret?: string; publicUrl?: string };
}

/** A configuration that cannot work, naming every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ (biến môi trường):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses the environment into a Config, or a ConfigError listing every problem at once.
 *
 * @example parseConfig({ THIDUA_STORE: 'file', THIDUA_WORKBOOK: 'data/x.xlsx', THIDUA_AUTH: 'off-local-only' })
 */
export function parseConfig(env: Record<string, string | undefined>): { ok: true; config: Config } | { ok: false; error: ConfigError } {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    return { ok: false, error: new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`)) };
  }
  const e = parsed.data;
  const problems: string[] = [];
  const need = (name: keyof typeof e, why: string) => {
    if (e[name] === undefined) problems.push(`${name}: thiếu (${why})`);
  };
  if (e.THIDUA_STORE === 'google') need('THIDUA_SPREADSHEET_ID', 'THIDUA_STORE=google làm việc trên Google Sheet này');
  else need('THIDUA_WORKBOOK', 'THIDUA_STORE=file cần đường dẫn sổ .xlsx');
  if (e.THIDUA_AUTH === 'required') {
    const google = e.THIDUA_OIDC_AUDIENCES !== undefined || e.THIDUA_ALLOWED_CALLERS !== undefined;
    if (google) {
      need('THIDUA_OIDC_AUDIENCES', 'mã thông báo Google chỉ được chấp nhận với audience đã khai báo');
      need('THIDUA_ALLOWED_CALLERS', 'mã thông báo Google chỉ được chấp nhận từ các email đã khai báo');
    } else if (e.THIDUA_HMAC_SECRET === undefined) {
      problems.push('THIDUA_OIDC_AUDIENCES và THIDUA_ALLOWED_CALLERS, hoặc THIDUA_HMAC_SECRET: thiếu (không có cách nào xác minh người gọi)');
    }
  } else {
    if (e.THIDUA_STORE !== 'file') problems.push('THIDUA_AUTH: "off-local-only" chỉ dùng với THIDUA_STORE=file (npm start trên máy mình)');
    if (e.K_SERVICE !== undefined) problems.push('THIDUA_AUTH: "off-local-only" không bao giờ được dùng trên Cloud Run');
  }
  if (e.THIDUA_LINK_SECRET !== undefined && e.THIDUA_LINK_SECRET === e.THIDUA_HMAC_SECRET) {
    problems.push('THIDUA_LINK_SECRET: phải khác THIDUA_HMAC_SECRET (ai có khóa ký yêu cầu sẽ giả được đường dẫn trạng thái)');
  }
  if (problems.length) return { ok: false, error: new ConfigError(problems) };
  const store: StoreConfig =
    e.THIDUA_STORE === 'google'
      ? { kind: 'google', spreadsheetId: e.THIDUA_SPREADSHEET_ID!, ...(e.THIDUA_SERVICE_ACCOUNT ? { serviceAccount: e.THIDUA_SERVICE_ACCOUNT } : {}), ...(e.THIDUA_DATASET_BUCKET ? { datasetBucket: e.THIDUA_DATASET_BUCKET } : {}) }
      : { kind: 'file', workbook: e.THIDUA_WORKBOOK! };
  return {
    ok: true,
    config: {
      store,
      ...(e.THIDUA_FORM_ID ? { formId: e.THIDUA_FORM_ID } : {}),
      ...(e.THIDUA_PUBSUB_TOPIC ? { pubsubTopic: e.THIDUA_PUBSUB_TOPIC } : {}),
      auth: {
        mode: e.THIDUA_AUTH,
        audiences: e.THIDUA_OIDC_AUDIENCES ?? [],
        allowedCallers: e.THIDUA_ALLOWED_CALLERS ?? [],
        councilEmails: e.THIDUA_COUNCIL_EMAILS ?? [],
        ...(e.THIDUA_HMAC_SECRET ? { hmacSecret: e.THIDUA_HMAC_SECRET } : {}),
      },
      eventMaxAgeMs: e.THIDUA_EVENT_MAX_AGE_MINUTES * 60_000,
      ...(e.THIDUA_LINK_SECRET || e.THIDUA_PUBLIC_URL
        ? { links: { ...(e.THIDUA_LINK_SECRET ? { secret: e.THIDUA_LINK_SECRET } : {}), ...(e.THIDUA_PUBLIC_URL ? { publicUrl: e.THIDUA_PUBLIC_URL } : {}) } }
        : {}),
    },
  };
}

/** What a function needs beyond the store and auth. */
export const Requirement = ['formId', 'pubsubTopic', 'councilEmails'] as const;
export type Requirement = (typeof Requirement)[number];

const VARIABLE: Record<Requirement, string> = { formId: 'THIDUA_FORM_ID', pubsubTopic: 'THIDUA_PUBSUB_TOPIC', councilEmails: 'THIDUA_COUNCIL_EMAILS' };

/**
 * Checks that the settings a function needs are present; throws one ConfigError naming every missing variable.
 * The council list is only needed while auth is required (locally nobody is checked).
 */
export function requireSettings(config: Config, needs: readonly Requirement[], who: string): void {
  const missing = needs.filter((n) =>
    n === 'formId' ? !config.formId : n === 'pubsubTopic' ? !config.pubsubTopic : config.auth.mode === 'required' && config.auth.councilEmails.length === 0,
  );
  if (missing.length) throw new ConfigError(missing.map((n) => `${VARIABLE[n]}: thiếu (hàm ${who} cần biến này)`));
}
