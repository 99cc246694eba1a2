/**
 * Grid operations of the Sheets fake: reading and writing cells, trimming like Google,
 * resizing, and the table detection behind `values.append`.
 */
import { assertCellText } from './sheets-fake-limits.js';
import { columnLetters } from './sheets-fake-a1.js';
import {
  type Cell,
  type DateTimeRenderOption,
  type FormulaEvaluator,
  type ValueInputOption,
  type ValueRenderOption,
  type WireValue,
  renderCell,
  toWriteAction,
} from './sheets-fake-cells.js';
import { invalid } from './sheets-fake-http.js';
import { type Rect, type SheetState, assertInGrid } from './sheets-fake-model.js';

export function getCell(sheet: SheetState, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function setCell(sheet: SheetState, row: number, col: number, cell: Cell | undefined): void {
  const cells = (sheet.rows[row] ??= []);
  cells[col] = cell;
}

/** Renders a rectangle, dropping trailing empty cells of each row and trailing empty rows (as Google does). */
export function readRect(
  sheet: SheetState,
  rect: Rect,
  render: ValueRenderOption,
  dateRender: DateTimeRenderOption,
  evaluate: FormulaEvaluator,
): WireValue[][] {
  const out: WireValue[][] = [];
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const row: WireValue[] = [];
    let lastFilled = -1;
    for (let c = rect.startCol; c < rect.endCol; c++) {
      const cell = getCell(sheet, r, c);
      row.push(cell ? renderCell(cell, render, dateRender, evaluate) : '');
      if (cell) lastFilled = c - rect.startCol;
    }
    out.push(row.slice(0, lastFilled + 1));
  }
  while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

/** Counts of a values write, as reported in UpdateValuesResponse. */
export interface WriteStats {
  rect: Rect;
  rows: number;
  columns: number;
  cells: number;
}

/**
 * Writes `values` (rows of cells) with its top-left at (`row`, `col`). Cells past `limit`
 * (an explicit multi-cell range) or past the grid are rejected like Google does.
 */
export function writeValues(
  sheet: SheetState,
  row: number,
  col: number,
  values: unknown[][],
  option: ValueInputOption,
  limit: Rect | undefined,
  limitLabel: string,
): WriteStats {
  const width = Math.max(0, ...values.map((r) => r.length));
  const rect = { startRow: row, endRow: row + values.length, startCol: col, endCol: col + width };
  if (limit && rect.endRow > limit.endRow) {
    throw invalid(`Requested writing within range [${limitLabel}], but tried writing to row [${limit.endRow + 1}]`);
  }
  if (limit && rect.endCol > limit.endCol) {
    throw invalid(`Requested writing within range [${limitLabel}], but tried writing to column [${columnLetters(limit.endCol)}]`);
  }
  if (values.length > 0 && width > 0) assertInGrid(sheet, rect, limitLabel);
  let cells = 0;
  values.forEach((cellsOfRow, i) => {
    if (!Array.isArray(cellsOfRow)) throw invalid(`Invalid values[${i}]: expected a list of values`);
    cellsOfRow.forEach((value, j) => {
      if (typeof value === 'string') assertCellText(value);
      const action = toWriteAction(value, option, `[${i}][${j}]`);
      if (action === 'skip') return;
      setCell(sheet, row + i, col + j, action === 'clear' ? undefined : action);
      cells += 1;
    });
  });
  return { rect, rows: values.length, columns: width, cells };
}

/** Empties every cell of `rect`. */
export function clearRect(sheet: SheetState, rect: Rect): void {
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = rect.startCol; c < rect.endCol; c++) cells[c] = undefined;
  }
}

/** Inserts `count` empty rows before `at`, growing the grid. */
export function insertRows(sheet: SheetState, at: number, count: number): void {
  if (sheet.rows.length > at) sheet.rows.splice(at, 0, ...new Array<undefined>(count));
  sheet.properties.gridProperties.rowCount += count;
}

/** Changes the grid size, discarding cells that fall outside it. */
export function resizeGrid(sheet: SheetState, rowCount: number, columnCount: number): void {
  sheet.rows.length = Math.min(sheet.rows.length, rowCount);
  for (const cells of sheet.rows) if (cells && cells.length > columnCount) cells.length = columnCount;
  sheet.properties.gridProperties.rowCount = rowCount;
  sheet.properties.gridProperties.columnCount = columnCount;
}

/**
 * Finds the "table" `values.append` appends to: starting at the first non-empty cell inside
 * `rect`, the contiguous region of non-empty cells (diagonals included) reachable from it,
 * growing right and down (possibly beyond `rect`) but never above or left of `rect`.
 * A fully empty row or column therefore ends a table.
 */
export function findTable(sheet: SheetState, rect: Rect): Rect | undefined {
  const filled = (r: number, c: number): boolean => getCell(sheet, r, c) !== undefined;
  let seed: [number, number] | undefined;
  outer: for (let r = rect.startRow; r < Math.min(rect.endRow, sheet.rows.length); r++) {
    for (let c = rect.startCol; c < rect.endCol; c++) {
      if (filled(r, c)) {
        seed = [r, c];
        break outer;
      }
    }
  }
  if (!seed) return undefined;
  const t = { startRow: seed[0], endRow: seed[0] + 1, startCol: seed[1], endCol: seed[1] + 1 };
  const anyInRow = (r: number, c0: number, c1: number): boolean => {
    for (let c = Math.max(c0, rect.startCol); c < c1; c++) if (filled(r, c)) return true;
    return false;
  };
  const anyInCol = (c: number, r0: number, r1: number): boolean => {
    for (let r = Math.max(r0, rect.startRow); r < r1; r++) if (filled(r, c)) return true;
    return false;
  };
  for (let grew = true; grew; ) {
    grew = false;
    if (anyInRow(t.endRow, t.startCol - 1, t.endCol + 1)) [t.endRow, grew] = [t.endRow + 1, true];
    if (anyInCol(t.endCol, t.startRow - 1, t.endRow + 1)) [t.endCol, grew] = [t.endCol + 1, true];
    if (t.startCol > rect.startCol && anyInCol(t.startCol - 1, t.startRow - 1, t.endRow + 1)) {
      [t.startCol, grew] = [t.startCol - 1, true];
    }
    if (t.startRow > rect.startRow && anyInRow(t.startRow - 1, t.startCol - 1, t.endCol + 1)) {
      [t.startRow, grew] = [t.startRow - 1, true];
    }
  }
  return t;
}

/** Swaps rows and columns of a (possibly ragged) matrix; `fill` pads holes. */
export function transpose<T>(m: T[][], fill: T): T[][] {
  const width = Math.max(0, ...m.map((r) => r.length));
  return Array.from({ length: width }, (_, j) => m.map((r) => (j < r.length ? (r[j] as T) : fill)));
}

/** Drops trailing empty strings of each row, then trailing empty rows. */
export function trimTrailing(m: WireValue[][]): WireValue[][] {
  const rows = m.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === '') end -= 1;
    return r.slice(0, end);
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}
