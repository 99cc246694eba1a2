/**
 * The Vietnamese messages of Google calls that failed for good, in one place: what the user reads, and what to do.
 */
import { fromTokenEndpoint, googleMessage } from './fault.js';
import { isTransient, type CallFault } from './retry.js';

/** The spreadsheet a Sheets call was about, and whom it should be shared with. */
export interface SheetsTarget {
  spreadsheetId: string;
  /** The service account's email; undefined when not known (then the message says where to find it). */
  editorEmail: string | undefined;
  /** Host the Sheets API is served from (default sheets.googleapis.com; an emulator's with a custom rootUrl). */
  apiHost?: string;
}

/** The browser address of a spreadsheet. */
export const spreadsheetUrl = (spreadsheetId: string): string => `https://docs.google.com/spreadsheets/d/${spreadsheetId}`;

/** google-auth-library found no credentials at all; nothing was sent. */
export const MISSING_CREDENTIALS_MESSAGE =
  'Không tìm thấy thông tin xác thực Google. Đặt biến môi trường GOOGLE_APPLICATION_CREDENTIALS là đường dẫn tệp khóa JSON của tài khoản dịch vụ, hoặc chạy "gcloud auth application-default login".';

/** True for google-auth-library's "no credentials" failure, which happens before any request is made. */
export function isMissingCredentials(error: unknown): boolean {
  return error instanceof Error && /default credentials|could not load the default|client_email|private_key/i.test(error.message);
}

/**
 * Why a Sheets call failed for good. `what` says in Vietnamese what was being done ("đọc các trang tính").
 *
 * @example sheetsFailureMessage('ghi dữ liệu', { kind: 'http', status: 503 }, 6, cause, target) // "Không ghi dữ liệu được … sau 6 lần thử (mã lỗi HTTP 503)…"
 */
export function sheetsFailureMessage(what: string, fault: CallFault, attempts: number, cause: unknown, target: SheetsTarget): string {
  const { spreadsheetId } = target;
  const who = target.editorEmail ?? 'tài khoản dịch vụ của công cụ (trường client_email trong tệp khóa JSON)';
  const share = `Hãy mở bảng tính, bấm "Chia sẻ" và thêm ${who} với quyền Người chỉnh sửa (Editor).`;
  if (fault.kind === 'http' && fault.status < 500 && fault.status !== 429 && fromTokenEndpoint(cause, target.apiHost ?? 'sheets.googleapis.com')) {
    return `Google không cấp quyền truy cập (${googleMessage(cause)}): tệp khóa trong GOOGLE_APPLICATION_CREDENTIALS sai, đã bị xóa hoặc bị thu hồi.`;
  }
  if (fault.kind === 'http' && fault.status === 404) {
    return `Không tìm thấy bảng tính "${spreadsheetId}": mã bảng tính sai, hoặc bảng tính chưa được chia sẻ cho ${who}. ${share}`;
  }
  if (fault.kind === 'http' && fault.status === 403) {
    return `Không có quyền ${what} trên bảng tính "${spreadsheetId}": bảng tính chưa được chia sẻ, hoặc chỉ được chia sẻ quyền xem, cho ${who}. ${share}`;
  }
  if (fault.kind === 'http' && fault.status === 401) {
    return 'Google từ chối thông tin xác thực (tệp khóa trong GOOGLE_APPLICATION_CREDENTIALS sai hoặc đã bị thu hồi).';
  }
  if (fault.kind === 'http' && fault.status === 400) {
    return `Google Sheets từ chối yêu cầu ${what}: ${googleMessage(cause)}`;
  }
  const reason = fault.kind === 'network' ? 'mất kết nối hoặc quá thời gian chờ' : fault.kind === 'malformed' ? 'Google trả lời không đúng dạng JSON, có thể do proxy hoặc mạng chặn giữa đường' : `mã lỗi HTTP ${fault.status}`;
  return `Không ${what} được trên Google Sheets sau ${attempts} lần thử (${reason}). Hãy chạy lại lệnh sau ít phút: chạy lại không ghi trùng hàng nào.`;
}

/**
 * Why a Forms call failed for good. `operation` says in Vietnamese what was being done ("đọc biểu mẫu").
 *
 * @example formsFailureMessage('đọc biểu mẫu', 'f1', { kind: 'http', status: 404 }, 1) // "Lỗi khi đọc biểu mẫu (biểu mẫu f1): không tìm thấy: …"
 */
export function formsFailureMessage(operation: string, formId: string | undefined, fault: CallFault, attempts: number): string {
  const status = fault.kind === 'http' ? fault.status : undefined;
  const where = formId ? ` (biểu mẫu ${formId})` : '';
  const why =
    status === 404
      ? 'không tìm thấy: mã biểu mẫu sai, hoặc biểu mẫu chưa chia sẻ cho tài khoản của công cụ'
      : status === 403 || status === 401
        ? 'không có quyền: hãy bật Google Forms API cho dự án và chia sẻ biểu mẫu (quyền chỉnh sửa) cho tài khoản của công cụ'
        : isTransient(fault)
          ? `Google tạm thời không trả lời được sau ${attempts} lần thử (${status ? `mã HTTP ${status}` : fault.kind === 'malformed' ? 'câu trả lời không đúng dạng JSON' : 'mất kết nối'}); hãy thử lại sau ít phút`
          : `Google từ chối yêu cầu (mã HTTP ${status ?? '?'})`;
  return `Lỗi khi ${operation}${where}: ${why}.`;
}
