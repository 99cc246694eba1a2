import { CouncilScoreEntry } from '../../domain/council.js';
import { toVietnamIso } from '../../domain/dates.js';
import type { TabLayout } from '../layouts.js';
import type { Row } from '../table-store.js';
import { numberCell, rowProblem, withoutNulls } from './rows.js';

/** The council scores tab ("Điểm Hội đồng"): one row per member's entry, one column per criterion. */

/** A council member's entry as a row, stamped with when it was entered. */
export function councilRow(e: CouncilScoreEntry, criteria: readonly string[], now: Date): Row {
  const row: Row = { responseId: e.responseId, member: e.member, memberUnit: e.memberUnit, note: e.note ?? null, enteredAt: toVietnamIso(now) };
  for (const c of criteria) row[`score.${c}`] = numberCell(e.scores[c]);
  return row;
}

/** A row read back into an entry, or why it cannot be (tab, row, column). */
export function readCouncilRow(row: Row, tab: TabLayout): { ok: true; entry: CouncilScoreEntry } | { ok: false; problem: string } {
  const scores: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith('score.') && value !== null && value !== '') scores[key.slice(6)] = value;
  const parsed = CouncilScoreEntry.safeParse({ ...withoutNulls(row), scores });
  return parsed.success ? { ok: true, entry: parsed.data } : { ok: false, problem: rowProblem(tab, row, parsed.error.issues) };
}
