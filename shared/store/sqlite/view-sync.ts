import type { TabLayout } from '../layouts.js';
import type { Cell, Row } from '../table-store.js';
import { viewCell } from '../workbook-view.js';
import { cellsOf, type StoredRow, type Tables } from './tables.js';

/** Two cells the same as far as the council can see (an empty cell is empty, 90 is "90"). */
export const sameCell = (a: Cell | undefined, b: Cell | undefined): boolean => {
  const x = a === undefined || a === null || a === '' ? '' : String(a);
  const y = b === undefined || b === null || b === '' ? '' : String(b);
  return x === y;
};

const sameRow = (tab: TabLayout, a: Row, b: Row) => tab.columns.every((c) => sameCell(a[c.key], b[c.key]));

/** A row as the view shows it. */
export const shownOf = (tab: TabLayout, row: Row): Row => Object.fromEntries(tab.columns.map((c) => [c.key, viewCell(row[c.key] ?? null)]));

/** What reading one tab of the view back changed in the database, and what it could not apply. */
export interface TabMerge {
  edited: number;
  added: number;
  deleted: number;
  /** Cells the council changed in a copy of the view older than a command's change of the same row: not applied. */
  conflicts: Array<{ row: number; column: string; hand: Cell; kept: Cell }>;
}

/**
 * Takes the council's edits of one tab of the view into the database. Each row of the view is matched to the row the
 * database last wrote there (by key on a keyed tab; by content, then by row number, on the others); a cell that differs
 * from what was written is the council's edit and is applied, a row not written by the database is added, a row
 * written and now gone was deleted. When the view was saved from an older export (`generation` < `latest`), a row a
 * command changed since is the command's: a differing cell of it is a conflict, reported and not applied, and a
 * missing row of it is kept.
 */
export function mergeTab(tables: Tables, tab: TabLayout, viewRows: readonly Row[], generation: number, latest: number): TabMerge {
  const result: TabMerge = { edited: 0, added: 0, deleted: 0, conflicts: [] };
  const stored = tables.rows(tab.id).filter((r) => r.shown !== null);
  const matched = new Map<Row, StoredRow>();
  const unmatched = new Set(stored);
  if (tab.key) {
    const byKey = new Map<string, StoredRow>();
    for (const r of stored) if (r.key !== null) byKey.set(r.key, r);
    for (const w of viewRows) {
      const key = keyText(w[tab.key]);
      const r = key === null ? undefined : byKey.get(key);
      if (r && unmatched.has(r)) {
        matched.set(w, r);
        unmatched.delete(r);
      }
    }
  }
  // rows as the view shows them, then by row number
  const byContent = new Map<string, StoredRow[]>();
  for (const r of unmatched) {
    const text = JSON.stringify(tab.columns.map((c) => (sameCell(r.shown![c.key], '') ? '' : String(r.shown![c.key]))));
    byContent.set(text, [...(byContent.get(text) ?? []), r]);
  }
  for (const w of viewRows) {
    if (matched.has(w)) continue;
    const text = JSON.stringify(tab.columns.map((c) => (sameCell(w[c.key], '') ? '' : String(w[c.key]))));
    const r = byContent.get(text)?.find((x) => unmatched.has(x));
    if (r) {
      matched.set(w, r);
      unmatched.delete(r);
    }
  }
  const byNumber = new Map([...unmatched].map((r) => [r.shownRow, r]));
  for (const w of viewRows) {
    if (matched.has(w)) continue;
    const r = byNumber.get(Number(w.__row));
    if (r && unmatched.has(r) && (!tab.key || keyText(w[tab.key]) === null || r.key === keyText(w[tab.key]))) {
      matched.set(w, r);
      unmatched.delete(r);
    }
  }
  const stale = generation < latest;
  for (const w of viewRows) {
    const viewRow = Number(w.__row);
    const shown = shownOf(tab, cellsOf(tab, w));
    const r = matched.get(w);
    if (!r) {
      tables.append(tab, [w], latest, () => ({ shown, row: viewRow }));
      result.added++;
      continue;
    }
    if (sameRow(tab, w, r.shown!)) {
      if (r.shownRow !== viewRow) tables.setShown(r.seq, r.shown!, viewRow);
      continue;
    }
    const cells = { ...r.cells };
    const protectedRow = stale && r.changed > generation;
    for (const c of tab.columns) {
      if (sameCell(w[c.key], r.shown![c.key])) continue;
      if (protectedRow && !sameCell(w[c.key], r.cells[c.key])) {
        result.conflicts.push({ row: viewRow, column: c.header, hand: w[c.key] ?? null, kept: r.cells[c.key] ?? null });
        continue;
      }
      cells[c.key] = w[c.key] ?? null;
    }
    tables.setFromView(r.seq, tab.key ? keyText(cells[tab.key]) : null, cells, shown, viewRow);
    result.edited++;
  }
  for (const r of unmatched) {
    if (stale && r.changed > generation) continue;
    tables.delete(r.seq);
    result.deleted++;
  }
  return result;
}

function keyText(value: Cell | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}
