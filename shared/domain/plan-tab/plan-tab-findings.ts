/**
 * What is wrong with a campaign tab, each with a machine code, where (row and column of the tab) and a Vietnamese
 * message naming them. Every code's message lives here.
 */

export const PLAN_TAB_TITLE = 'Kế hoạch';

/** The headers of the tab's columns, by row field: the one place a finding takes a column's name from. */
export const PLAN_COLUMN = {
  section: 'Phần',
  item: 'Mã',
  field: 'Mục',
  value: 'Giá trị',
  choice: 'Lựa chọn',
  source: 'Nguồn trong kế hoạch',
} as const;
export type PlanColumn = keyof typeof PLAN_COLUMN;

type P = Record<string, string | number>;

export const PLAN_TAB_MESSAGES = {
  FIELD_UNKNOWN: (p: P) => `phần "${p.section}" không có mục "${p.field}"; chọn Phần và Mục trong danh sách`,
  ITEM_MISSING: (p: P) => `mục "${p.field}" cần ghi mã ở cột "Mã" (${p.what})`,
  ITEM_BAD: (p: P) => `mã "${p.item}" phải có dạng "${p.shape}"`,
  FIELD_REPEATED: (p: P) => `mục "${p.field}" của ${p.where} đã ghi ở hàng ${p.first}`,
  NOT_NUMBER: (p: P) => `"${p.value}" không phải là một số`,
  NOT_INTEGER: (p: P) => `"${p.value}" không phải là một số nguyên`,
  NOT_DATE: (p: P) => `"${p.value}" không phải là một ngày có thật; ghi dạng ngày/tháng/năm, ví dụ 15/02/2024`,
  NOT_DAY_OF_YEAR: (p: P) => `"${p.value}" không phải là một ngày trong năm; ghi dạng ngày/tháng, ví dụ 15/02`,
  CHOICE_MISSING: (p: P) => `chưa chọn ${p.set} ở cột "Lựa chọn" (${p.allowed})`,
  CHOICE_INVALID: (p: P) => `"${p.value}" không phải là ${p.set}; chọn một trong: ${p.allowed}`,
  FIELD_MISSING: (p: P) => `thiếu mục "${p.field}" ở phần "${p.section}"${p.item ? ` (mã "${p.item}")` : ''}`,
  CRITERION_NO_MAX: (p: P) => `tiêu chí số ${p.number} chưa có "Điểm tối đa" (hoặc "Thang đánh giá" nếu tiêu chí được Hội đồng đánh giá theo mức)`,
  QUOTA_KIND: (p: P) => `chỉ tiêu cho ${p.kind} nhưng hình thức "${p.award}" không xét ${p.kind} (mục "Đối tượng" của hình thức này: ${p.kinds})`,
  DEADLINE_OUTSIDE_TERM: (p: P) => `hạn "${p.deadline}" (trước ngày ${p.due}) nằm ngoài thời gian phong trào ${p.from} – ${p.to}`,
  SCHEMA: (p: P) => `${p.message}`,
} as const satisfies Record<string, (p: P) => string>;
export type PlanTabCode = keyof typeof PLAN_TAB_MESSAGES;

/** A problem of the campaign tab: which row (as numbered in the sheet, when known) and column, and what. */
export interface PlanTabFinding {
  code: PlanTabCode;
  row?: number;
  column: string;
  message: string;
}

/** A finding with its place spelled out: `Trang "Kế hoạch", hàng 12, cột "Giá trị": …`. */
export function planFinding(code: PlanTabCode, at: { row?: number; column: PlanColumn }, params: P = {}): PlanTabFinding {
  const column = PLAN_COLUMN[at.column];
  const where = at.row !== undefined ? `Trang "${PLAN_TAB_TITLE}", hàng ${at.row}, cột "${column}"` : `Trang "${PLAN_TAB_TITLE}"`;
  return { code, ...(at.row !== undefined ? { row: at.row } : {}), column, message: `${where}: ${PLAN_TAB_MESSAGES[code](params)}.` };
}
