/**
 * `updateCells` for the Sheets fake: rows of cells written from a start cell (or into a range), only the fields the
 * mask names. Cells past the grid are refused like Google does (the whole batch fails). Only `userEnteredValue` is
 * stored; other fields of a cell (formats, notes) are accepted and ignored.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { setCell } from './sheets-fake-grid.js';
import { invalid } from './sheets-fake-http.js';
import { type SpreadsheetState, gridRect, sheetById } from './sheets-fake-model.js';
import { cellFromExtendedValue } from './sheets-fake-requests-util.js';

export function updateCells(ss: SpreadsheetState, body: sheets_v4.Schema$UpdateCellsRequest): sheets_v4.Schema$Response {
  const { rows = [], fields, start, range } = body;
  if (!fields || fields.trim() === '') throw invalid("At least one field must be specified in 'fields'.");
  if (!start === !range) throw invalid('Exactly one of start or range must be set.');
  const writesValue = /(^|,)\s*(\*|userEnteredValue)\s*(,|$)/.test(fields);
  const at = start
    ? { sheet: sheetById(ss, start.sheetId), row: start.rowIndex ?? 0, col: start.columnIndex ?? 0, endRow: Infinity, endCol: Infinity }
    : (() => {
        const { sheet, rect } = gridRect(ss, range);
        return { sheet, row: rect.startRow, col: rect.startCol, endRow: rect.endRow, endCol: rect.endCol };
      })();
  const { rowCount, columnCount } = at.sheet.properties.gridProperties;
  rows.forEach((row, i) => {
    (row.values ?? []).forEach((cell, j) => {
      const [r, c] = [at.row + i, at.col + j];
      if (r >= at.endRow || c >= at.endCol) return;
      if (r >= rowCount || c >= columnCount) {
        throw invalid(`Range (${at.sheet.properties.title}!R${r + 1}C${c + 1}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
      }
      if (writesValue) setCell(at.sheet, r, c, cell.userEnteredValue ? cellFromExtendedValue(cell.userEnteredValue) : undefined);
    });
  });
  return {};
}
