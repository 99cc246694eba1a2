/**
 * Seeding spreadsheets directly (without API calls) and inspecting stored cells, for tests
 * that arrange state before exercising the client and assert on it afterwards.
 */
import type { Cell, ValueInputOption } from './sheets-fake-cells.js';
import { getCell, writeValues } from './sheets-fake-grid.js';
import { type SpreadsheetState, boundRect, resolveRange } from './sheets-fake-model.js';
import { newSpreadsheet } from './sheets-fake-render.js';

/** A sheet to seed with `FakeSheets.createSpreadsheet`. */
export interface SeedSheet {
  title: string;
  sheetId?: number;
  /** Initial cells from A1, stored as with `valueInputOption` (default RAW); the grid grows to fit. */
  rows?: unknown[][];
  valueInputOption?: ValueInputOption;
  rowCount?: number;
  columnCount?: number;
  frozenRowCount?: number;
}

/** A spreadsheet to seed with `FakeSheets.createSpreadsheet`. */
export interface SeedSpreadsheet {
  spreadsheetId?: string;
  title?: string;
  /** Default: one empty `Sheet1`. */
  sheets?: SeedSheet[];
  /** `view`: writes get 403; `none`: everything gets 403 (default `edit`). */
  access?: SpreadsheetState['access'];
}

/** A cell as seen by `FakeSheets.values`: formulas are marked, empty cells are null. */
export type InspectedValue = string | number | boolean | { formula: string } | null;

/** Builds a spreadsheet from a seed; the first sheet gets id 0 unless told otherwise. */
export function seededSpreadsheet(spreadsheetId: string, seed: SeedSpreadsheet, newId: () => number): SpreadsheetState {
  const sheets = seed.sheets ?? [{ title: 'Sheet1' }];
  const ss = newSpreadsheet(
    spreadsheetId,
    {
      properties: { title: seed.title ?? 'Untitled spreadsheet' },
      sheets: sheets.map((s) => ({
        properties: {
          title: s.title,
          ...(s.sheetId === undefined ? {} : { sheetId: s.sheetId }),
          gridProperties: {
            rowCount: Math.max(s.rowCount ?? 1000, s.rows?.length ?? 0),
            columnCount: Math.max(s.columnCount ?? 26, ...(s.rows ?? []).map((r) => r.length)),
            ...(s.frozenRowCount ? { frozenRowCount: s.frozenRowCount } : {}),
          },
        },
      })),
    },
    newId,
  );
  ss.access = seed.access ?? 'edit';
  sheets.forEach((s, i) => {
    const sheet = ss.sheets[i];
    if (sheet && s.rows) writeValues(sheet, 0, 0, s.rows, s.valueInputOption ?? 'RAW', undefined, s.title);
  });
  return ss;
}

function inspect(cell: Cell | undefined): InspectedValue {
  if (!cell) return null;
  if (cell.kind === 'formula') return { formula: cell.formula };
  return cell.kind === 'text' ? cell.text : cell.value;
}

/** Stored contents of a range with trailing empties trimmed (like a read, but unrendered). */
export function inspectRange(ss: SpreadsheetState, range: string): InspectedValue[][] {
  const { sheet, ref } = resolveRange(ss, range);
  const rect = boundRect(sheet, ref);
  const rows: InspectedValue[][] = [];
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const row: InspectedValue[] = [];
    for (let c = rect.startCol; c < rect.endCol; c++) row.push(inspect(getCell(sheet, r, c)));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}
