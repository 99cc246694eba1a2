import { decideRetry, type CallFault, type RetryPolicy } from './retry.js';
import { StoreError } from '../store/table-store.js';

/** Per-request options handed to a `@googleapis/sheets` method: our loop retries, so gaxios must not. */
export interface RequestOptions {
  retry: false;
  timeout: number;
}

export interface SheetsCallerOptions {
  spreadsheetId: string;
  /** The service account's email, to tell the user whom to share the sheet with. */
  editorEmail: string | undefined;
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  timeoutMs: number;
}

/** How gaxios marks its errors, across copies of the package (`GaxiosError[Symbol.hasInstance]`). */
const GAXIOS_ERROR = Symbol.for('gaxios-gaxios-error');

interface ClientError {
  response?: { status: number; headers?: unknown; data?: unknown };
  config?: { url?: unknown };
  message: string;
}

function isClientError(error: unknown): error is Error & ClientError {
  return error instanceof Error && GAXIOS_ERROR in error;
}

/** The fault of a failed call, or undefined when it did not come from the HTTP client (a bug: not retried, not wrapped). */
export function faultOf(error: unknown): CallFault | undefined {
  if (!isClientError(error)) return undefined;
  if (!error.response) return { kind: 'network' };
  const retryAfterMs = retryAfter(error.response.headers);
  return { kind: 'http', status: error.response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

function retryAfter(headers: unknown): number | undefined {
  const value =
    headers instanceof Headers ? headers.get('retry-after') : typeof headers === 'object' && headers ? (headers as Record<string, unknown>)['retry-after'] : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * Runs Sheets API calls with the retry policy — POSTs included, since every write of this adapter is safe to repeat —
 * and turns what Google answers into StoreErrors with Vietnamese messages.
 */
export class SheetsCaller {
  constructor(private readonly o: SheetsCallerOptions) {}

  /**
   * Calls `run` until it succeeds, a non-transient fault occurs, or the attempts are spent.
   * `what` says in Vietnamese what was being done ("đọc các trang tính").
   */
  async call<T>(what: string, run: (options: RequestOptions) => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await run({ retry: false, timeout: this.o.timeoutMs })).data;
      } catch (error) {
        const fault = faultOf(error);
        if (!fault) throw authProblem(error) ?? error;
        const decision = decideRetry(fault, attempt, this.o.policy, this.o.random);
        if (!decision.retry) throw this.storeError(what, fault, attempt, error);
        await this.o.sleep(decision.delayMs);
      }
    }
  }

  /** The error for a call that failed for good. */
  storeError(what: string, fault: CallFault, attempts: number, cause: unknown): StoreError {
    const location = `https://docs.google.com/spreadsheets/d/${this.o.spreadsheetId}`;
    const who = this.o.editorEmail ?? 'tài khoản dịch vụ của công cụ (trường client_email trong tệp khóa JSON)';
    const share = `Hãy mở bảng tính, bấm "Chia sẻ" và thêm ${who} với quyền Người chỉnh sửa (Editor).`;
    if (fault.kind === 'http' && fault.status < 500 && fault.status !== 429 && fromTokenEndpoint(cause)) {
      return new StoreError(`Google không cấp quyền truy cập (${googleMessage(cause)}): tệp khóa trong GOOGLE_APPLICATION_CREDENTIALS sai, đã bị xóa hoặc bị thu hồi.`, { location }, { cause });
    }
    if (fault.kind === 'http' && fault.status === 404) {
      return new StoreError(`Không tìm thấy bảng tính "${this.o.spreadsheetId}": mã bảng tính sai, hoặc bảng tính chưa được chia sẻ cho ${who}. ${share}`, { location }, { cause });
    }
    if (fault.kind === 'http' && fault.status === 403) {
      return new StoreError(`Không có quyền ${what} trên bảng tính "${this.o.spreadsheetId}": bảng tính chưa được chia sẻ, hoặc chỉ được chia sẻ quyền xem, cho ${who}. ${share}`, { location }, { cause });
    }
    if (fault.kind === 'http' && fault.status === 401) {
      return new StoreError('Google từ chối thông tin xác thực (tệp khóa trong GOOGLE_APPLICATION_CREDENTIALS sai hoặc đã bị thu hồi).', { location }, { cause });
    }
    if (fault.kind === 'http' && fault.status === 400) {
      return new StoreError(`Google Sheets từ chối yêu cầu ${what}: ${googleMessage(cause)}`, { location }, { cause });
    }
    const reason = fault.kind === 'network' ? 'mất kết nối hoặc quá thời gian chờ' : `mã lỗi HTTP ${fault.status}`;
    return new StoreError(`Không ${what} được trên Google Sheets sau ${attempts} lần thử (${reason}). Hãy chạy lại lệnh sau ít phút: chạy lại không ghi trùng hàng nào.`, { location }, { cause });
  }
}

/** Google's own message of an API error (`{error: {message}}`), or of an OAuth error (`{error, error_description}`). */
export function googleMessage(error: unknown): string {
  if (!isClientError(error)) return error instanceof Error ? error.message : String(error);
  const data = error.response?.data as { error?: { message?: unknown } | string; error_description?: unknown } | undefined;
  if (typeof data?.error === 'object' && typeof data.error.message === 'string') return data.error.message;
  if (typeof data?.error === 'string') return typeof data.error_description === 'string' ? `${data.error}: ${data.error_description}` : data.error;
  return error.message;
}

/** True when the failed request was the token request of the auth library, not a Sheets call. */
function fromTokenEndpoint(error: unknown): boolean {
  const url = isClientError(error) ? String(error.config?.url ?? '') : '';
  return url !== '' && !url.includes('sheets.googleapis.com');
}

/** google-auth-library's "no credentials" failure, which happens before any request is made. */
function authProblem(error: unknown): StoreError | undefined {
  if (!(error instanceof Error) || !/default credentials|could not load the default|client_email|private_key/i.test(error.message)) return undefined;
  return new StoreError(
    'Không tìm thấy thông tin xác thực Google. Đặt biến môi trường GOOGLE_APPLICATION_CREDENTIALS là đường dẫn tệp khóa JSON của tài khoản dịch vụ, hoặc chạy "gcloud auth application-default login".',
    {},
    { cause: error },
  );
}
