import { createHash } from 'node:crypto';
import { isRated, type Campaign } from '../domain/campaign.js';
import { canonicalKey, normalizeText } from '../domain/text.js';
import { NOMINEE_KIND_LABEL, NomineeKind } from '../domain/vocabulary.js';

/**
 * The nomination workbook a unit without Google Forms fills offline: one row per nominee, the columns below, the
 * campaign's id in the instructions sheet. Its rows (or a CSV of the same columns) become nomination payloads that go
 * through the same intake as the form's, with the same findings.
 */

export const UNIT_SHEET = 'Hồ sơ đề nghị';
export const GUIDE_SHEET = 'Hướng dẫn';
export const CAMPAIGN_CELL_LABEL = 'Mã phong trào';
export const GENDER_CHOICES = ['Nam', 'Nữ'] as const;

/** One column of the unit workbook: its header, the contract field it fills, what a cell may hold. */
export interface UnitColumn {
  header: string;
  field: string;
  width: number;
  /** A dropdown of these labels. */
  choices?: readonly string[];
  /** A decimal between 0 and this maximum (a criterion's points, a percentage). */
  max?: number;
  /** What the check says when a value is out of range (default: points). */
  maxMessage?: string;
  /** A date cell. */
  date?: boolean;
  note: string;
}

const maxOf = (campaign: Campaign, number: string): number | undefined => {
  const maxima = NomineeKind.flatMap((k) => campaign.rubrics[k]?.criteria.filter((c) => c.number === number && !isRated(c)).map((c) => (isRated(c) ? 0 : c.maxPoints)) ?? []);
  return maxima.length > 0 ? Math.max(...maxima) : undefined;
};

/** The columns of a campaign's unit workbook, in order. */
export function unitColumns(campaign: Campaign): UnitColumn[] {
  const kinds = NomineeKind.filter((k) => campaign.awards.some((a) => a.kinds.includes(k)));
  const numbers = [...new Set(NomineeKind.flatMap((k) => campaign.rubrics[k]?.criteria.map((c) => c.number) ?? []))].sort((a, b) => Number(a) - Number(b));
  const columns: UnitColumn[] = [
    { header: 'Hình thức khen thưởng', field: 'award', width: 36, choices: campaign.awards.map((a) => a.name), note: 'chọn trong danh sách' },
    { header: 'Đối tượng', field: 'kind', width: 12, choices: kinds.map((k) => NOMINEE_KIND_LABEL[k]), note: 'Cá nhân hoặc Tập thể' },
    { header: 'Họ và tên / Tên tập thể', field: 'name', width: 28, note: 'bắt buộc' },
    { header: 'Đơn vị', field: 'unit', width: 28, note: 'đơn vị đề nghị; bắt buộc' },
    { header: 'Chức vụ', field: 'position', width: 20, note: 'với cá nhân' },
    { header: 'Ngày sinh', field: 'birthDate', width: 13, date: true, note: 'ngày/tháng/năm, ví dụ 02/09/1978' },
    { header: 'Giới tính', field: 'gender', width: 10, choices: GENDER_CHOICES, note: 'Nam hoặc Nữ' },
    ...(kinds.includes('collective') ? [{ header: 'Tỷ lệ nữ (%)', field: 'womenShare', width: 10, max: 100, maxMessage: 'Phần trăm từ 0 đến 100.', note: 'với tập thể: phần trăm thành viên là nữ, từ 0 đến 100 (ưu tiên khi từ 70% trở lên, Nghị định số 152/2025/NĐ-CP, Điều 4)' }] : []),
    { header: 'Năm xét', field: 'year', width: 9, note: 'để trống: năm hiện tại' },
    { header: 'Thư điện tử', field: 'email', width: 26, note: 'để nhận thông báo' },
  ];
  if (campaign.blocks) columns.push({ header: 'Khối thi đua', field: 'block', width: 18, ...(campaign.blocks.names ? { choices: campaign.blocks.names } : {}), note: 'khối của đơn vị' });
  columns.push({ header: 'Tài khoản dự thi', field: 'quizAccount', width: 16, note: 'nếu có' });
  for (const n of numbers) {
    const max = maxOf(campaign, n);
    if (max !== undefined) columns.push({ header: `Điểm TC${n} (tối đa ${String(max).replace('.', ',')})`, field: `selfScores.${n}`, width: 12, max, note: `điểm tự chấm tiêu chí ${n}, từ 0 đến ${String(max).replace('.', ',')}` });
    columns.push({ header: `Tài liệu kiểm chứng TC${n}`, field: `evidence.${n}`, width: 30, note: `tài liệu kiểm chứng tiêu chí ${n}: đường liên kết hoặc mô tả` });
  }
  columns.push({ header: 'Mã hồ sơ', field: 'responseId', width: 14, note: 'để trống: phần mềm tự đặt' });
  return columns;
}

/** A cell of a filled workbook or CSV, as read: text, a number, a date cell, or empty. */
export type UnitCell = string | number | Date | null | undefined;

/** Finds a column by its header as typed: "Điểm TC1 (tối đa 15)" and "điểm tc1" both name criterion 1's score. */
export function columnOfHeader(columns: readonly UnitColumn[], header: string): UnitColumn | undefined {
  const key = (h: string) => canonicalKey(h.replace(/\(.*\)/, ''));
  return columns.find((c) => key(c.header) === key(header));
}

/**
 * A filled row as a nomination payload for the intake: labels become codes (award name → id, "Cá nhân" → individual,
 * "Nữ" → nữ), criterion columns become `selfScores` and `evidence`, and a row without "Mã hồ sơ" gets an id made from
 * its award, kind, name and unit, so taking the same file in twice adds nothing. Everything else is left to the
 * nomination contract, which reports it as for the form.
 */
export function unitRowToPayload(campaign: Campaign, cells: ReadonlyMap<string, UnitCell>, submittedAt: string): Record<string, unknown> {
  const text = (v: UnitCell) => (typeof v === 'string' ? normalizeText(v) : v);
  const payload: Record<string, unknown> = { campaign: campaign.id, submittedAt, selfScores: {}, evidence: {} };
  for (const [field, raw] of cells) {
    const value = text(raw);
    if (value === undefined || value === null || value === '') continue;
    const [top, number] = field.split('.');
    if (number !== undefined && (top === 'selfScores' || top === 'evidence')) (payload[top] as Record<string, unknown>)[number] = value;
    else payload[field] = value;
  }
  const award = campaign.awards.find((a) => typeof payload.award === 'string' && (canonicalKey(a.name) === canonicalKey(payload.award) || a.id === payload.award));
  if (award) payload.award = award.id;
  const kind = NomineeKind.find((k) => typeof payload.kind === 'string' && (canonicalKey(NOMINEE_KIND_LABEL[k]) === canonicalKey(payload.kind) || k === payload.kind));
  if (kind) payload.kind = kind;
  if (payload.responseId === undefined) {
    const identity = [payload.award, payload.kind, payload.name, payload.unit].map((v) => (typeof v === 'string' ? canonicalKey(v) : String(v ?? ''))).join('|');
    payload.responseId = `don-vi-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
  }
  return payload;
}
