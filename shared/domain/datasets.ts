import { z } from 'zod';
import './zod-vietnamese.js';
import { calendarDateOf } from './dates.js';
import { canonicalKey, normalizeText } from './text.js';
import { AwardMode, Level } from './vocabulary.js';

/**
 * Records outside the nomination contract that rules join against: the quiz participation log, the award history
 * and the model registrations. Row schemas parse what `thidua import` reads (CSV or JSON) and what the sheet holds.
 */

const text = (max = 500) => z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : typeof v === 'number' ? String(v) : v), z.string().max(max));
const optionalText = (max = 500) => text(max).optional();
const date = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeText(v) || undefined : v === null ? undefined : v),
  z.unknown().transform((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'thiếu ngày; ghi theo dạng ngày/tháng/năm, ví dụ 20/09/2024' });
      return z.NEVER;
    }
    const parsed = calendarDateOf(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `"${String(value)}" không phải ngày hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 20/09/2024` });
      return z.NEVER;
    }
    return parsed;
  }),
);
const int = (min: number, max: number) => z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max));

const LEVEL_WORDS: Record<string, (typeof Level)[number]> = {
  xa: 'commune',
  'cap xa': 'commune',
  huyen: 'district',
  'cap huyen': 'district',
  'phong, ban, doan the huyen': 'district-agency',
  'phong ban huyen': 'district-agency',
  tinh: 'province',
  'cap tinh': 'province',
  'trung uong': 'central',
};
const MODE_WORDS: Record<string, (typeof AwardMode)[number]> = { 'dinh ky': 'periodic', 'chuyen de': 'thematic', 'dot xuat': 'adhoc' };
const plain = (v: string) => canonicalKey(v).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/#/g, '').replace(/đ/g, 'd');

/** Accepts the code (`district`) or the Vietnamese word (`huyện`, `cấp huyện`). */
const level = z.preprocess((v) => (typeof v === 'string' ? (LEVEL_WORDS[plain(v)] ?? normalizeText(v)) : v), z.enum(Level));
const mode = z.preprocess((v) => (typeof v === 'string' ? (MODE_WORDS[plain(v)] ?? normalizeText(v)) : v), z.enum(AwardMode));

/**
 * What the quiz log says of an account's result: whether the organisers recognised it ("đạt kết quả tốt được Ban Tổ
 * chức cuộc thi công nhận", the plan's words). The plan rates nothing itself, so the log carries the organisers'
 * recognition, never a rating label of ours ("Tốt", "Xuất sắc" are refused, naming the column).
 */
export const QuizRecognition = ['Được công nhận', 'Chưa công nhận'] as const;
export type QuizRecognition = (typeof QuizRecognition)[number];
const RECOGNITION_WORDS: Record<string, QuizRecognition> = {
  'duoc cong nhan': 'Được công nhận',
  'da cong nhan': 'Được công nhận',
  'cong nhan': 'Được công nhận',
  co: 'Được công nhận',
  x: 'Được công nhận',
  'chua cong nhan': 'Chưa công nhận',
  'khong cong nhan': 'Chưa công nhận',
  'chua duoc cong nhan': 'Chưa công nhận',
  khong: 'Chưa công nhận',
  chua: 'Chưa công nhận',
};

export const QuizLogRow = z.object({
  account: text(200),
  ownerName: text(300),
  birthDate: date.optional(),
  district: text(200),
  referredBy: optionalText(200),
  week: int(1, 60),
  /** The organisers' recognition of the result this week. */
  result: z.preprocess(
    (v) => (typeof v === 'string' ? (RECOGNITION_WORDS[plain(v)] ?? normalizeText(v)) : v),
    z.enum(QuizRecognition, { error: (issue) => `ghi "Được công nhận" hoặc "Chưa công nhận" (kết quả được Ban Tổ chức cuộc thi công nhận hay chưa), nhận được "${String(issue.input)}"` }),
  ),
});
export type QuizLogRow = z.output<typeof QuizLogRow>;

export const AwardHistoryRow = z.object({
  year: int(1945, 2100),
  name: text(300),
  unit: text(300),
  award: text(300),
  level,
  mode,
  decisionNumber: text(100),
  decisionDate: date,
});
export type AwardHistoryRow = z.output<typeof AwardHistoryRow>;

export const RegistrationStatus = ['registered', 'checked', 'recognised'] as const;
const STATUS_WORDS: Record<string, (typeof RegistrationStatus)[number]> = { 'da dang ky': 'registered', 'dang ky': 'registered', 'da kiem tra': 'checked', 'kiem tra': 'checked', 'da cong nhan': 'recognised', 'cong nhan': 'recognised' };

export const ModelRegistrationRow = z.object({
  year: int(1945, 2100),
  name: text(300),
  unit: text(300),
  model: text(500),
  registeredAt: date,
  status: z.preprocess((v) => (typeof v === 'string' ? (STATUS_WORDS[plain(v)] ?? normalizeText(v)) : v), z.enum(RegistrationStatus)),
});
export type ModelRegistrationRow = z.output<typeof ModelRegistrationRow>;

/** Why an award is held (NĐ 152/2025 Điều 4): discipline, investigation, an open complaint or denunciation. */
export const ClearanceReason = ['discipline', 'investigation', 'complaint'] as const;
export type ClearanceReason = (typeof ClearanceReason)[number];
export const CLEARANCE_REASON_TEXT: Record<ClearanceReason, string> = { discipline: 'đang bị xem xét kỷ luật', investigation: 'đang bị điều tra', complaint: 'đang có khiếu nại, tố cáo chưa giải quyết' };
const REASON_WORDS: Record<string, ClearanceReason> = {
  'ky luat': 'discipline',
  'dang bi xem xet ky luat': 'discipline',
  'xem xet ky luat': 'discipline',
  'dieu tra': 'investigation',
  'dang bi dieu tra': 'investigation',
  'khieu nai': 'complaint',
  'to cao': 'complaint',
  'khieu nai, to cao': 'complaint',
  'dang co khieu nai, to cao chua giai quyet': 'complaint',
};

/**
 * One row of the list a council imports before a review (the lists Công an, Thuế, BHXH, Thanh tra send): a nominee
 * under discipline, investigation or an open complaint. The row holds the award while it has no `until` (the day it
 * was settled).
 */
export const ClearanceRow = z.object({
  name: text(300),
  unit: text(300),
  reason: z.preprocess((v) => (typeof v === 'string' ? (REASON_WORDS[plain(v)] ?? normalizeText(v)) : v), z.enum(ClearanceReason)),
  source: optionalText(200),
  from: date,
  until: date.optional(),
  note: optionalText(500),
});
export type ClearanceRow = z.output<typeof ClearanceRow>;

export const DatasetId = ['quiz-log', 'award-history', 'model-registrations', 'clearance'] as const;
export type DatasetId = (typeof DatasetId)[number];

export const DATASET_SCHEMA = { 'quiz-log': QuizLogRow, 'award-history': AwardHistoryRow, 'model-registrations': ModelRegistrationRow, clearance: ClearanceRow } as const;

export const DATASET_LABEL: Record<DatasetId, string> = {
  'quiz-log': 'nhật ký tham gia cuộc thi',
  'award-history': 'lịch sử khen thưởng',
  'model-registrations': 'đăng ký mô hình',
  clearance: 'danh sách tạm chưa xét khen thưởng',
};

/** Who a record is about: canonical name and unit, as for duplicate nominations. */
export const nomineeRecordKey = (name: string, unit: string) => `${canonicalKey(name)}|${canonicalKey(unit)}`;

/** The quiz log indexed for joins: an account's rows, and the accounts each account recruited. Linear to build. */
export interface QuizIndex {
  byAccount: Map<string, QuizLogRow[]>;
  recruitedBy: Map<string, Set<string>>;
}

export function indexQuizLog(rows: readonly QuizLogRow[]): QuizIndex {
  const byAccount = new Map<string, QuizLogRow[]>();
  const recruitedBy = new Map<string, Set<string>>();
  for (const row of rows) {
    const account = canonicalKey(row.account);
    const list = byAccount.get(account);
    if (list) list.push(row);
    else byAccount.set(account, [row]);
    if (row.referredBy) {
      const referrer = canonicalKey(row.referredBy);
      const set = recruitedBy.get(referrer);
      if (set) set.add(account);
      else recruitedBy.set(referrer, new Set([account]));
    }
  }
  return { byAccount, recruitedBy };
}

export function indexByNominee<T extends { name: string; unit: string }>(rows: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const row of rows) {
    const key = nomineeRecordKey(row.name, row.unit);
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  }
  return index;
}

/** The datasets loaded for a campaign; a dataset that was never loaded is absent, and its rules are not checked. */
export interface Datasets {
  quizLog?: QuizIndex;
  awardHistory?: Map<string, AwardHistoryRow[]>;
  registrations?: Map<string, ModelRegistrationRow[]>;
  clearance?: Map<string, ClearanceRow[]>;
}

export function indexDatasets(
  raw: { quizLog?: readonly QuizLogRow[]; awardHistory?: readonly AwardHistoryRow[]; registrations?: readonly ModelRegistrationRow[]; clearance?: readonly ClearanceRow[] },
  /** A dataset loaded even when `raw` holds none of its rows (only the rows the nominations join were read). */
  loaded: { quizLog?: boolean } = {},
): Datasets {
  return {
    clearance: raw.clearance?.length ? indexByNominee(raw.clearance) : undefined,
    quizLog: raw.quizLog?.length || loaded.quizLog ? indexQuizLog(raw.quizLog ?? []) : undefined,
    awardHistory: raw.awardHistory?.length ? indexByNominee(raw.awardHistory) : undefined,
    registrations: raw.registrations?.length ? indexByNominee(raw.registrations) : undefined,
  };
}
