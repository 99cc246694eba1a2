import type { sheets_v4 } from '@googleapis/sheets';
import type { GridSpan, Wire, WritePlan } from './write-plan.js';
import { StoreError } from '../../store/table-store.js';

/**
 * A write plan as `spreadsheets.batchUpdate` requests, so that it can travel in the one atomic batch that also swaps
 * the write lock's tab (the fence, docs/decisions/008-fenced-sheet-writes.md): grids grown first (`appendDimension`),
 * then the cells (`updateCells`, `userEnteredValue` only). A text is sent as `stringValue`, which Google stores as
 * text exactly as `valueInputOption: RAW` does (`=IMPORTXML(…)` stays text); `""` empties a cell; `null` leaves it
 * alone, so a row with such gaps is sent as several runs of cells.
 */
export function planRequests(plan: Pick<WritePlan, 'grow' | 'spans'>, sheetIdOf: (title: string) => number | undefined): sheets_v4.Schema$Request[] {
  const idOf = (title: string): number => {
    const id = sheetIdOf(title);
    if (id === undefined) throw new StoreError(`Không tìm thấy trang tính "${title}" (có thể đã bị đổi tên hoặc xóa).`, { tab: title });
    return id;
  };
  return [
    ...plan.grow.map(({ title, rows }): sheets_v4.Schema$Request => ({ appendDimension: { sheetId: idOf(title), dimension: 'ROWS', length: rows } })),
    ...plan.spans.flatMap((span) => spanRequests(span, idOf(span.title))),
  ];
}

function spanRequests(span: GridSpan, sheetId: number): sheets_v4.Schema$Request[] {
  const update = (rowIndex: number, columnIndex: number, rows: Wire[][]): sheets_v4.Schema$Request => ({
    updateCells: { start: { sheetId, rowIndex, columnIndex }, rows: rows.map((cells) => ({ values: cells.map(cellData) })), fields: 'userEnteredValue' },
  });
  if (span.values.every((row) => !row.includes(null))) return [update(span.firstRow - 1, span.fromCol, span.values)];
  return span.values.flatMap((row, i) => runsOf(row).map(({ at, cells }) => update(span.firstRow - 1 + i, span.fromCol + at, [cells])));
}

/** The runs of cells of a row between the cells to leave alone (`null`). */
function runsOf(row: readonly Wire[]): Array<{ at: number; cells: Wire[] }> {
  const runs: Array<{ at: number; cells: Wire[] }> = [];
  row.forEach((cell, at) => {
    if (cell === null) return;
    const last = runs[runs.length - 1];
    if (last && last.at + last.cells.length === at) last.cells.push(cell);
    else runs.push({ at, cells: [cell] });
  });
  return runs;
}

function cellData(value: Wire): sheets_v4.Schema$CellData {
  if (value === null || value === '') return {};
  return { userEnteredValue: typeof value === 'number' ? { numberValue: value } : { stringValue: value } };
}
