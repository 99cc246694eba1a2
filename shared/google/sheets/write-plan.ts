import type { sheets_v4 } from '@googleapis/sheets';
import { rowSpanA1, rowsSpanA1 } from './a1.js';
import { keyText, type TableSnapshot } from './table.js';
import { StoreError, type Cell, type Row, type TableWrite } from '../../store/table-store.js';

/**
 * When a tab's grid must grow, it at least doubles (by up to this many rows), so a tab filling up one row at a time
 * costs an extra call only now and then.
 */
export const MAX_SPARE_ROWS = 5000;

/** A value as sent with `valueInputOption: RAW`: `null` leaves a cell alone, `""` empties it. */
export type Wire = string | number | null;

/** What one batch of writes turns into: rows to add to grids first, then the ranges to write. */
export interface WritePlan {
  grow: Array<{ title: string; rows: number }>;
  data: sheets_v4.Schema$ValueRange[];
  /** The same ranges as `data`, by position: the first sheet row (1-based), the first column (0-based), the rows. */
  spans: GridSpan[];
}

/** One range of `WritePlan.data` by position, for writes sent as `updateCells` (the fenced write, decision 008). */
export interface GridSpan {
  title: string;
  firstRow: number;
  fromCol: number;
  values: Wire[][];
}

interface TabState {
  snap: TableSnapshot;
  lastRow: number;
  /** Key text → sheet row number, for tabs with a key column. */
  keyRows: Map<string, number> | undefined;
  maxRow: number;
}

/**
 * Plans a batch against the tabs as just read: every row gets an explicit position, so sending the plan twice (a
 * retry after a lost answer) writes the same cells again and adds nothing. Appended rows whose key is already in the
 * tab (or earlier in the batch) are skipped; `updateByKey` rows update their row's cells in place or are appended.
 */
export function planWrites(batch: readonly TableWrite[], snapshots: ReadonlyMap<string, TableSnapshot>, maxRangeBytes = 256_000): WritePlan {
  const states = new Map<string, TabState>();
  const data: Span[] = [];
  const stateOf = (title: string): TabState => {
    let state = states.get(title);
    if (!state) {
      const snap = snapshots.get(title);
      if (!snap) throw new Error(`no snapshot of tab "${title}"`);
      state = { snap, lastRow: snap.lastRow, keyRows: keyRowsOf(snap), maxRow: 0 };
      states.set(title, state);
    }
    return state;
  };
  for (const w of batch) {
    const state = stateOf(w.tab.title);
    if ('append' in w) for (const row of w.append) append(state, row, data);
    else if ('replaceAll' in w) replaceAll(state, w.replaceAll, data);
    else {
      if (!w.tab.key) throw new StoreError(`Trang tính "${w.tab.title}" không có cột khóa.`, { tab: w.tab.title });
      for (const row of w.updateByKey) updateByKey(state, row, data);
    }
  }
  const grow = [...states.values()]
    .filter((s) => s.snap.grid !== undefined && s.maxRow > s.snap.grid.rowCount)
    .map((s) => {
      const { rowCount } = s.snap.grid!;
      return { title: s.snap.tab.title, rows: Math.max(s.maxRow - rowCount, Math.min(rowCount, MAX_SPARE_ROWS)) };
    });
  const spans = coalesce(data, maxRangeBytes);
  return {
    grow,
    data: spans.map((m) => ({ range: m.first === m.last ? rowSpanA1(m.title, m.first, m.from, m.to) : rowsSpanA1(m.title, m.first, m.last, m.from, m.to), majorDimension: 'ROWS', values: m.values })),
    spans: spans.map((m) => ({ title: m.title, firstRow: m.first, fromCol: m.from, values: m.values })),
  };
}

/** One row's cells to write: a tab, a row, a span of columns. */
interface Span {
  title: string;
  at: number;
  from: number;
  to: number;
  values: Wire[];
}

/**
 * Merges writes of consecutive rows over the same columns of a tab into one range of many rows: a recompute of 10,000
 * rows sends a few ranges instead of 10,000, so its request is a fraction of the size (and of the 2 MB chunks).
 */
interface Merged {
  title: string;
  from: number;
  to: number;
  first: number;
  last: number;
  values: Wire[][];
  bytes: number;
}

function coalesce(spans: readonly Span[], maxRangeBytes: number): Merged[] {
  const merged: Merged[] = [];
  for (const span of spans) {
    const prev = merged[merged.length - 1];
    const bytes = Buffer.byteLength(JSON.stringify(span.values));
    // a merged range stays well under a request's size, so requests can still be cut to size between ranges
    if (prev && prev.title === span.title && prev.from === span.from && prev.to === span.to && prev.last + 1 === span.at && prev.bytes + bytes <= maxRangeBytes) {
      prev.values.push(span.values);
      prev.last = span.at;
      prev.bytes += bytes;
    } else merged.push({ title: span.title, from: span.from, to: span.to, first: span.at, last: span.at, values: [span.values], bytes });
  }
  return merged;
}

function keyRowsOf(snap: TableSnapshot): Map<string, number> | undefined {
  const keyCol = snap.tab.key === undefined ? undefined : snap.columns.get(snap.tab.key);
  if (keyCol === undefined) return undefined;
  const rows = new Map<string, number>();
  snap.body.forEach((cells, i) => {
    const key = keyText(cells[keyCol]);
    if (key !== undefined && !rows.has(key)) rows.set(key, i + 2);
  });
  return rows;
}

function append(state: TabState, row: Row, data: Span[]): void {
  const key = rowKey(state, row);
  if (key !== undefined && state.keyRows?.has(key)) return;
  const at = (state.lastRow += 1);
  if (key !== undefined) state.keyRows?.set(key, at);
  data.push(fullRow(state, at, row, null));
}

function updateByKey(state: TabState, row: Row, data: Span[]): void {
  const key = rowKey(state, row);
  const at = key === undefined ? undefined : state.keyRows?.get(key);
  if (at === undefined) return append(state, row, data);
  const cells: Array<[number, Wire]> = [];
  for (const [field, value] of Object.entries(row)) {
    const col = state.snap.columns.get(field);
    if (col !== undefined && field !== state.snap.tab.key) cells.push([col, wire(value)]);
  }
  if (cells.length === 0) return;
  const from = Math.min(...cells.map(([c]) => c));
  const to = Math.max(...cells.map(([c]) => c));
  const values: Wire[] = new Array<Wire>(to - from + 1).fill(null);
  for (const [col, value] of cells) values[col - from] = value;
  data.push(rowRange(state, at, from, to, values));
}

/** Rewrites the tab's rows from row 2 and empties the rows left below, across every used column (like a fresh table). */
function replaceAll(state: TabState, rows: readonly Row[], data: Span[]): void {
  const oldLast = state.lastRow;
  const width = Math.max(state.snap.width, ...[...state.snap.columns.values()].map((c) => c + 1));
  state.lastRow = 1;
  state.keyRows?.clear();
  for (const row of rows) {
    const at = (state.lastRow += 1);
    const key = rowKey(state, row);
    if (key !== undefined && !state.keyRows?.has(key)) state.keyRows?.set(key, at);
    data.push(fullRow(state, at, row, '', width));
  }
  for (let at = state.lastRow + 1; at <= oldLast; at++) data.push(rowRange(state, at, 0, width - 1, new Array<Wire>(width).fill('')));
}

function rowKey(state: TabState, row: Row): string | undefined {
  const key = state.snap.tab.key;
  return key === undefined ? undefined : keyText(row[key]);
}

/** A whole row: mapped columns get the row's values (missing ones emptied), other columns `other`. */
function fullRow(state: TabState, at: number, row: Row, other: Wire, width = 0): Span {
  const last = Math.max(width - 1, ...state.snap.columns.values());
  const values: Wire[] = new Array<Wire>(last + 1).fill(other);
  for (const [field, col] of state.snap.columns) values[col] = wire(row[field] ?? null);
  return rowRange(state, at, 0, last, values);
}

function rowRange(state: TabState, at: number, from: number, to: number, values: Wire[]): Span {
  state.maxRow = Math.max(state.maxRow, at);
  return { title: state.snap.tab.title, at, from, to, values };
}

/** A row's cell as sent RAW: text stays text (`=IMPORTXML(…)` included), empty becomes `""` so the cell is emptied. */
function wire(value: Cell | undefined): Wire {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return value;
}
