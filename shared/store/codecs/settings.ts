import type { Row } from '../table-store.js';

/** The settings tab ("Cài đặt"): key → value, as the council reads and edits it. */

/** The key naming the campaign a workbook belongs to. */
export const CAMPAIGN_KEY = 'Mã phong trào';

/** Settings-tab keys the Google Forms integration owns. */
export const FORM_SETTING = {
  formId: 'Mã biểu mẫu Google',
  responderUri: 'Địa chỉ biểu mẫu',
  /** RFC 3339 UTC: responses last submitted at or after it are listed again at the next sync. */
  watermark: 'Mốc đồng bộ biểu mẫu',
  /** RFC 3339 UTC: when the last sync that listed every response (no filter) began. */
  fullPass: 'Lần đồng bộ toàn bộ gần nhất',
} as const;

/** The settings rows as key → value (values as text). */
export function readSettings(rows: readonly Row[]): Map<string, string> {
  return new Map(rows.filter((r) => r.key !== null).map((r) => [String(r.key), r.value === null ? '' : String(r.value)]));
}

export const settingRow = (key: string, value: string): Row => ({ key, value });
