import { toPoints } from '../../domain/points.js';
import type { TabLayout } from '../layouts.js';
import type { Row } from '../table-store.js';

/** A row without its empty cells, as a schema reads it (an empty cell is an absent field). */
export function withoutNulls(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== ''));
}

/** Why a row could not be read: tab, row number and each column by its Vietnamese header. */
export function rowProblem(tab: TabLayout, row: Row, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const where = issues.map((i) => {
    const key = i.path.map(String).join('.');
    const header = tab.columns.find((c) => c.key === key || c.key === `score.${String(i.path[1] ?? '')}`)?.header ?? key;
    return `cột "${header}": ${i.message}`;
  });
  return `Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: ${where.join('; ')}`;
}

/** A row's cells in the tab's column order, as one string: two rows with the same key hold the same values. */
export const rowKey = (tab: TabLayout, row: Row): string => tab.columns.map((c) => (row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key]))).join('\u001f');

/**
 * A score as a cell: a number stays a number and numeric text becomes one ("13,5" with the Vietnamese decimal comma is
 * 13.5), so the sheet can add it up; anything else (a word a unit typed) is kept as text for the council to see.
 */
export function numberCell(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  const points = toPoints(value);
  if (points !== undefined) return points;
  return typeof value === 'string' ? value : null;
}
