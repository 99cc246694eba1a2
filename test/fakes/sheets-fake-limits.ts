/**
 * The Sheets limits Google enforces, for the fake (https://support.google.com/drive/answer/37603 — "Files you can
 * store in Google Drive": spreadsheets up to 10 million cells; the Sheets API refuses more than 50,000 characters in
 * one cell):
 * - every tab's grid counts towards the 10,000,000 cells of a spreadsheet, empty cells included; a request that would
 *   take the spreadsheet past it (addSheet, appendDimension, insertDimension, a grid resize, an append that grows the
 *   grid, spreadsheets.create) is refused whole with 400;
 * - a cell takes at most 50,000 characters; a longer value in a values write or a batchUpdate is refused with 400.
 */
import { invalid } from './sheets-fake-http.js';
import type { SpreadsheetState } from './sheets-fake-model.js';

export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

export const cellsOf = (ss: SpreadsheetState): number =>
  ss.sheets.reduce((n, s) => n + s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount, 0);

/** Throws Google's 400 when the spreadsheet holds more cells than the limit (checked on the draft before it is kept). */
export function assertCellLimit(ss: SpreadsheetState): void {
  if (cellsOf(ss) > MAX_CELLS) throw invalid(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
}

/** Throws Google's 400 for a text longer than a cell takes. */
export function assertCellText(text: string): void {
  if (text.length > MAX_CELL_CHARS) throw invalid(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
}
