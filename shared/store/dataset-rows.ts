import { CouncilScoreEntry } from '../domain/council.js';
import { DATASET_SCHEMA, type AwardHistoryRow, type DatasetId, type ModelRegistrationRow, type QuizLogRow } from '../domain/datasets.js';
import { formatVietnameseDate, toVietnamIso } from '../domain/dates.js';
import type { TabLayout } from './layouts.js';
import type { Row } from './table-store.js';

const LEVEL_TEXT = { commune: 'xã', district: 'huyện', province: 'tỉnh', central: 'trung ương' } as const;
const MODE_TEXT = { periodic: 'định kỳ', thematic: 'chuyên đề', adhoc: 'đột xuất' } as const;
const STATUS_TEXT = { registered: 'đã đăng ký', checked: 'đã kiểm tra', recognised: 'đã công nhận' } as const;

type DatasetRow = { 'quiz-log': QuizLogRow; 'award-history': AwardHistoryRow; 'model-registrations': ModelRegistrationRow };

/** A parsed dataset record as a row of its tab, in words a council member reads (dates dd/mm/yyyy, levels in Vietnamese). */
export function datasetRow<K extends DatasetId>(id: K, r: DatasetRow[K]): Row {
  switch (id) {
    case 'quiz-log': {
      const q = r as QuizLogRow;
      return { account: q.account, ownerName: q.ownerName, birthDate: q.birthDate ? formatVietnameseDate(q.birthDate) : null, district: q.district, referredBy: q.referredBy ?? null, week: q.week, result: q.result };
    }
    case 'award-history': {
      const h = r as AwardHistoryRow;
      return { year: h.year, name: h.name, unit: h.unit, award: h.award, level: LEVEL_TEXT[h.level], mode: MODE_TEXT[h.mode], decisionNumber: h.decisionNumber, decisionDate: formatVietnameseDate(h.decisionDate) };
    }
    default: {
      const m = r as ModelRegistrationRow;
      return { year: m.year, name: m.name, unit: m.unit, model: m.model, registeredAt: formatVietnameseDate(m.registeredAt), status: STATUS_TEXT[m.status] };
    }
  }
}

/** Parses a dataset tab back; a row edited into something unreadable is reported with its tab, row and column. */
export function readDatasetRows(id: DatasetId, rows: readonly Row[], tab: TabLayout): { rows: unknown[]; problems: string[] } {
  const schema = DATASET_SCHEMA[id];
  const parsed: unknown[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const result = schema.safeParse(withoutNulls(row));
    if (result.success) parsed.push(result.data);
    else problems.push(rowProblem(tab, row, result.error.issues));
  }
  return { rows: parsed, problems };
}

/** A council member's entry as a row of the council scores tab. */
export function councilRow(e: CouncilScoreEntry, criteria: readonly string[], now: Date): Row {
  const row: Row = { responseId: e.responseId, member: e.member, memberUnit: e.memberUnit, note: e.note ?? null, enteredAt: toVietnamIso(now) };
  for (const c of criteria) row[`score.${c}`] = e.scores[c] ?? null;
  return row;
}

export function readCouncilRow(row: Row, tab: TabLayout): { ok: true; entry: CouncilScoreEntry } | { ok: false; problem: string } {
  const scores: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith('score.') && value !== null && value !== '') scores[key.slice(6)] = value;
  const parsed = CouncilScoreEntry.safeParse({ ...withoutNulls(row), scores });
  return parsed.success ? { ok: true, entry: parsed.data } : { ok: false, problem: rowProblem(tab, row, parsed.error.issues) };
}

function withoutNulls(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== ''));
}

function rowProblem(tab: TabLayout, row: Row, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const where = issues.map((i) => {
    const key = i.path.map(String).join('.');
    const header = tab.columns.find((c) => c.key === key || c.key === `score.${String(i.path[1] ?? '')}`)?.header ?? key;
    return `cột "${header}": ${i.message}`;
  });
  return `Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: ${where.join('; ')}`;
}
