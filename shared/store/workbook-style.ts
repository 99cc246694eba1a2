import type ExcelJS from 'exceljs';
import { STATUS_LABEL } from '../domain/vocabulary.js';
import type { TabLayout } from './layouts.js';

/** exceljs supports range-wide validations (`worksheet.dataValidations`) but its typings omit them. */
interface WithRangeValidations {
  dataValidations: { model: Record<string, unknown>; add(range: string, validation: ExcelJS.DataValidation): void };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const FROZEN_HEADER: Partial<ExcelJS.WorksheetView> = { state: 'frozen', ySplit: 1, xSplit: 0 };
/** Rows below the last filled one that still offer the dropdowns (rows the council may add by hand). */
export const SPARE_ROWS = 1000;

/**
 * What a council member expects of a well-made sheet, as far as xlsx allows: bold frozen header, filters,
 * dropdowns for the columns that take a closed set, computed columns shaded, and rows that need attention coloured.
 */
export function styleNewTab(ws: ExcelJS.Worksheet, tab: TabLayout, options: { viewsGiven?: boolean; shadeByRule?: boolean } = {}): void {
  const header = ws.getRow(1);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  // a streamed sheet takes its views when it is added
  if (!options.viewsGiven) ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tab.columns.length } };
  tab.columns.forEach((c, i) => {
    if (!c.computed) return;
    if (!options.shadeByRule) {
      ws.getColumn(i + 1).fill = COMPUTED_FILL;
      return;
    }
    // a streamed sheet shades by a rule: a column style is copied into every cell written, and costs per cell
    const letter = ws.getColumn(i + 1).letter;
    ws.addConditionalFormatting({ ref: `${letter}2:${letter}100000`, rules: [{ type: 'expression', priority: 10, formulae: ['TRUE'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF2F2F2' } } } }] });
  });
  refreshDropdowns(ws, tab, ws.rowCount ?? 1);
  const statusCol = tab.columns.findIndex((c) => c.key === 'status' && c.choices) + 1;
  if (statusCol > 0) {
    const letter = ws.getColumn(statusCol).letter;
    const last = ws.getColumn(tab.columns.length).letter;
    ws.addConditionalFormatting({
      ref: `A2:${last}100000`,
      rules: [
        rowWhere(letter, STATUS_LABEL.ineligible, 'FFF8CBAD', 1),
        rowWhere(letter, STATUS_LABEL.duplicate, 'FFF8CBAD', 2),
        rowWhere(letter, STATUS_LABEL['council-decides'], 'FFFFE699', 3),
        rowWhere(letter, STATUS_LABEL['needs-documents'], 'FFFFE699', 4),
        rowWhere(letter, STATUS_LABEL['vote-failed'], 'FFF8CBAD', 5),
        rowWhere(letter, STATUS_LABEL['awaiting-vote'], 'FFFFE699', 6),
      ],
    });
  }
}

/**
 * Puts back what a round trip through another spreadsheet program dropped (LibreOffice saves the header unfrozen and
 * without its filter); returns whether anything was restored. Called on every tab a save writes.
 */
export function restoreTabStyle(ws: ExcelJS.Worksheet, tab: TabLayout): boolean {
  let restored = false;
  const view = ws.views[0];
  if (view?.state !== 'frozen' || (view as { ySplit?: number }).ySplit !== 1) {
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
    restored = true;
  }
  if (!ws.autoFilter) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tab.columns.length } };
    restored = true;
  }
  return restored;
}

/**
 * Dropdowns on the columns the council fills (a computed column, such as the status, has none: the engine writes it),
 * covering the filled rows and a thousand spare ones. exceljs expands a range validation into one entry per cell
 * when it loads a file, so a fixed 100,000-row range would cost a second on every load; this keeps it proportional
 * to the rows actually there, and is refreshed on every write.
 */
export function refreshDropdowns(
  ws: ExcelJS.Worksheet,
  tab: TabLayout,
  rowCount = ws.rowCount,
  /** A filled row's cell by column key (a streamed sheet's rows are committed: the writer says what it wrote). */
  cellAt: (row: number, key: string) => unknown = (row, key) => ws.getCell(row, tab.columns.findIndex((x) => x.key === key) + 1).value,
): void {
  const validations = (ws as unknown as WithRangeValidations).dataValidations;
  tab.columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    // a cell's entry ("E7") or a range's ("E2:E1001", as a sheet not yet loaded from a file holds it)
    for (const address of Object.keys(validations.model)) if (/^[A-Z]+/.exec(address)?.[0] === letter) delete validations.model[address];
    if (c.computed) return;
    const list = (key: string, choices: readonly string[]): ExcelJS.DataValidation => ({
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(ws, tab, key, choices)],
      showErrorMessage: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Chọn một giá trị trong danh sách.',
    });
    const byRow = c.choicesByRow;
    if (byRow) {
      // a filled row offers the set of its own field; the spare rows below offer every label
      for (let r = 2; r <= rowCount; r++) {
        const key = String(cellAt(r, byRow.column) ?? '').trim();
        const own = byRow.lists[key];
        validations.add(`${letter}${r}`, own ? list(`${c.key}/${key}`, own) : list(c.key, c.choices));
      }
    }
    validations.add(`${letter}${byRow ? rowCount + 1 : 2}:${letter}${rowCount + SPARE_ROWS}`, list(c.key, c.choices));
  });
}

/** The hidden sheet holding the dropdown lists too long (or with commas) for an inline list. */
export const LISTS_SHEET = 'Danh mục';

/**
 * An inline list (`"a,b,c"`) when it fits Excel's 255 characters and no label holds a comma; else a range of the
 * hidden "Danh mục" sheet, one column per tab column, rewritten with the labels of today.
 */
function listFormula(ws: ExcelJS.Worksheet, tab: TabLayout, key: string, choices: readonly string[]): string {
  const inline = choices.join(',');
  if (inline.length <= 250 && !choices.some((c) => c.includes(',') || c.includes('"'))) return `"${inline}"`;
  const lists = ws.workbook.getWorksheet(LISTS_SHEET) ?? ws.workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  const name = `${tab.title}/${key}`;
  let col = 1;
  while (lists.getCell(1, col).value !== null && lists.getCell(1, col).value !== name) col++;
  const column = lists.getColumn(col);
  column.eachCell((cell) => (cell.value = null));
  lists.getCell(1, col).value = name;
  choices.forEach((label, i) => (lists.getCell(i + 2, col).value = label));
  return `'${LISTS_SHEET}'!$${column.letter}$2:$${column.letter}$${choices.length + 1}`;
}

function rowWhere(column: string, label: string, argb: string, priority: number): ExcelJS.ConditionalFormattingRule {
  return { type: 'expression', priority, formulae: [`$${column}2="${label}"`], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } } };
}
