import type { z } from 'zod';
import { CLEARANCE_REASON_TEXT, type AwardHistoryRow, type ClearanceRow, type DatasetId, type ModelRegistrationRow, type QuizLogRow } from '../../domain/datasets.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import type { TabId, TabLayout } from '../layouts.js';
import type { Row } from '../table-store.js';
import { rowProblem, withoutNulls } from './rows.js';

/**
 * The dataset tabs (quiz log, award history, model registrations): records in words a council member reads (dates
 * dd/mm/yyyy, levels and modes in Vietnamese), parsed back into their types on read — never cast.
 */

const LEVEL_TEXT = { commune: 'xã', district: 'huyện', 'district-agency': 'phòng, ban, đoàn thể huyện', province: 'tỉnh', central: 'trung ương' } as const;
const MODE_TEXT = { periodic: 'định kỳ', thematic: 'chuyên đề', adhoc: 'đột xuất' } as const;
const STATUS_TEXT = { registered: 'đã đăng ký', checked: 'đã kiểm tra', recognised: 'đã công nhận' } as const;

/** The tab that holds each dataset. */
export const DATASET_TAB: Record<DatasetId, TabId> = { 'quiz-log': 'quizLog', 'award-history': 'awardHistory', 'model-registrations': 'registrations', clearance: 'clearance' };

/** Parsed records of one dataset, tagged with which one: what an import writes. */
export type DatasetRecords =
  | { id: 'quiz-log'; rows: readonly QuizLogRow[] }
  | { id: 'award-history'; rows: readonly AwardHistoryRow[] }
  | { id: 'model-registrations'; rows: readonly ModelRegistrationRow[] }
  | { id: 'clearance'; rows: readonly ClearanceRow[] };

/** The records of an import as rows of their tab. */
export function datasetRows(records: DatasetRecords): Row[] {
  switch (records.id) {
    case 'quiz-log':
      return records.rows.map((q) => ({ account: q.account, ownerName: q.ownerName, birthDate: q.birthDate ? formatVietnameseDate(q.birthDate) : null, district: q.district, referredBy: q.referredBy ?? null, week: q.week, result: q.result }));
    case 'award-history':
      return records.rows.map((h) => ({ year: h.year, name: h.name, unit: h.unit, award: h.award, level: LEVEL_TEXT[h.level], mode: MODE_TEXT[h.mode], decisionNumber: h.decisionNumber, decisionDate: formatVietnameseDate(h.decisionDate) }));
    case 'model-registrations':
      return records.rows.map((m) => ({ year: m.year, name: m.name, unit: m.unit, model: m.model, registeredAt: formatVietnameseDate(m.registeredAt), status: STATUS_TEXT[m.status] }));
    case 'clearance':
      return records.rows.map((c) => ({ name: c.name, unit: c.unit, reason: CLEARANCE_REASON_TEXT[c.reason], source: c.source ?? null, from: formatVietnameseDate(c.from), until: c.until ? formatVietnameseDate(c.until) : null, note: c.note ?? null }));
  }
}

/** Parses a dataset tab back with the dataset's schema; a row edited into something unreadable is reported with its tab, row and column. */
export function readDatasetRows<S extends z.ZodType>(schema: S, rows: readonly Row[], tab: TabLayout): { rows: Array<z.output<S>>; problems: string[] } {
  const parsed: Array<z.output<S>> = [];
  const problems: string[] = [];
  for (const row of rows) {
    const result = schema.safeParse(withoutNulls(row));
    if (result.success) parsed.push(result.data);
    else problems.push(rowProblem(tab, row, result.error.issues));
  }
  return { rows: parsed, problems };
}
