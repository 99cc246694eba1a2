import type { sheets_v4 } from '@googleapis/sheets';
import { cellA1, gridSizeOf } from './a1.js';
import type { TabLayout } from '../../store/layouts.js';
import { StoreError, type Cell, type Row } from '../../store/table-store.js';

/** A tab as read in one whole-tab `values.batchGet` range: where each column is, and what the rows hold. */
export interface TableSnapshot {
  tab: TabLayout;
  /** Column key → 0-based column index, found by header text. */
  columns: Map<string, number>;
  /** Rows below the header as the API returned them (trailing empty cells and rows omitted); index 0 is sheet row 2. */
  body: unknown[][];
  /** Sheet row number of the last non-empty row (1 when only the header is filled). */
  lastRow: number;
  /** The widest row read, in cells. */
  width: number;
  /** The tab's grid size, when the answer told it. */
  grid: { rowCount: number; columnCount: number } | undefined;
  /** The column keys read, when only some columns were (`columnsSnapshotOf`): rows hold those only. */
  readKeys?: ReadonlySet<string>;
}

/** Reads one tab's answer, checking its header row against the layout (a changed header names its cell). */
export function snapshotOf(tab: TabLayout, range: sheets_v4.Schema$ValueRange | undefined): TableSnapshot {
  const values = (range?.values ?? []) as unknown[][];
  const header = values[0] ?? [];
  const found = new Map<string, number>();
  header.forEach((value, col) => {
    const text = cellOf(value);
    if (text !== null && !found.has(String(text).trim())) found.set(String(text).trim(), col);
  });
  const columns = new Map<string, number>();
  tab.columns.forEach((column, position) => {
    const col = found.get(column.header);
    if (col === undefined) throw missingHeader(tab, column.header, position, header[position]);
    columns.set(column.key, col);
  });
  return {
    tab,
    columns,
    body: values.slice(1),
    lastRow: values.length === 0 ? 1 : values.length,
    width: Math.max(0, ...values.map((r) => r.length)),
    grid: gridSizeOf(range?.range),
  };
}

/**
 * A tab read as its header row (`'Tab'!1:1`) and its first column (`'Tab'!A:A`): every column found by its header as
 * in `snapshotOf`, the rows known by their first cell only (every row the store writes fills it), the grid's rows from
 * the column's range. Enough to count the rows and to place an append below them.
 */
export function countSnapshotOf(tab: TabLayout, header: sheets_v4.Schema$ValueRange | undefined, first: sheets_v4.Schema$ValueRange | undefined): TableSnapshot {
  const headerRow = ((header?.values ?? []) as unknown[][])[0] ?? [];
  const column = (first?.values ?? []) as unknown[][];
  const snap = snapshotOf(tab, { values: [headerRow, ...column.slice(1).map((cells) => [cells[0]])] });
  const grid = gridSizeOf(first?.range);
  return { ...snap, lastRow: Math.max(1, column.length), width: Math.max(snap.width, headerRow.length), grid: grid ? { rowCount: grid.rowCount, columnCount: Math.max(headerRow.length, tab.columns.length) } : undefined };
}

/**
 * A tab read as its header row and some of its columns, each its own range (`'Tab'!C:C`) asked for where the layout
 * puts it: every column found by its header as in `snapshotOf` (so a later write places cells in any column), the
 * rows holding the columns read, the last row and the grid from them — the key column among them, every row the store
 * writes fills it. Undefined when the header shows a column read somewhere else than asked (moved by hand): the caller
 * then reads the whole tab.
 */
export function columnsSnapshotOf(tab: TabLayout, header: sheets_v4.Schema$ValueRange | undefined, keys: readonly string[], ranges: ReadonlyArray<sheets_v4.Schema$ValueRange | undefined>): TableSnapshot | undefined {
  const headerRow = ((header?.values ?? []) as unknown[][])[0] ?? [];
  const snap = snapshotOf(tab, { values: [headerRow] });
  if (keys.some((key) => snap.columns.get(key) !== columnPosition(tab, key))) return undefined;
  const body: unknown[][] = [];
  let lastRow = 1;
  keys.forEach((key, i) => {
    const col = snap.columns.get(key)!;
    const cells = (ranges[i]?.values ?? []) as unknown[][];
    lastRow = Math.max(lastRow, cells.length);
    cells.slice(1).forEach((cell, r) => {
      (body[r] ??= [])[col] = cell[0];
    });
  });
  for (let r = 0; r < body.length; r++) body[r] ??= [];
  const grid = gridSizeOf(ranges[0]?.range);
  return {
    ...snap,
    body,
    lastRow,
    width: Math.max(snap.width, headerRow.length),
    grid: grid ? { rowCount: grid.rowCount, columnCount: Math.max(headerRow.length, tab.columns.length) } : undefined,
    readKeys: new Set(keys),
  };
}

/** Where the layout puts a column (0-based): where a tab made by `ensureTabs` has it. */
export const columnPosition = (tab: TabLayout, key: string): number => tab.columns.findIndex((c) => c.key === key);

function missingHeader(tab: TabLayout, header: string, position: number, actual: unknown): StoreError {
  const cell = cellA1(tab.title, position, 1);
  const now = cellOf(actual);
  const shows = now === null ? 'đang để trống' : `đang ghi "${String(now)}"`;
  return new StoreError(`Trang tính "${tab.title}" thiếu cột "${header}" ở hàng tiêu đề (hàng 1): ô ${cell} ${shows}. Hãy sửa lại tiêu đề cột cho đúng.`, {
    tab: tab.title,
    cell,
  });
}

/** The rows of a snapshot keyed by column key, empty rows skipped, each with its sheet row number in `__row`. */
export function rowsOf(snapshot: TableSnapshot): Row[] {
  const rows: Row[] = [];
  snapshot.body.forEach((cells, i) => {
    const row: Row = {};
    let empty = true;
    for (const [key, col] of snapshot.columns) {
      if (snapshot.readKeys && !snapshot.readKeys.has(key)) continue;
      const value = cellOf(cells[col]);
      if (value !== null) empty = false;
      row[key] = value;
    }
    if (!empty) rows.push(Object.assign(row, { __row: i + 2 }));
  });
  return rows;
}

/**
 * A value as read with `UNFORMATTED_VALUE`: numbers stay numbers, text stays text (we write dates as text, RAW; a
 * date typed by hand comes back in its displayed form thanks to `FORMATTED_STRING`), empty or omitted cells are null.
 */
export function cellOf(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The key column's value as text, the way a row is identified (`123` typed by hand matches key "123"). */
export function keyText(value: unknown): string | undefined {
  const cell = cellOf(value);
  return cell === null ? undefined : String(cell);
}
