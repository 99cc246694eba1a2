/**
 * Building `Spreadsheet` resources (for `spreadsheets.get` / `create`) from the fake's model,
 * and creating new spreadsheets from a `Spreadsheet` request body.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { type FormulaEvaluator, extendedValue, renderCell } from './sheets-fake-cells.js';
import { getCell } from './sheets-fake-grid.js';
import {
  type Rect,
  type SheetState,
  type SpreadsheetState,
  boundRect,
  newSheet,
  outputSheetProps,
  resolveRange,
} from './sheets-fake-model.js';

/** The validation rule in force on a cell: the last `setDataValidation` covering it. */
function validationAt(sheet: SheetState, row: number, col: number): sheets_v4.Schema$DataValidationRule | undefined {
  for (let i = sheet.dataValidations.length - 1; i >= 0; i--) {
    const v = sheet.dataValidations[i];
    const g = v?.range;
    if (!v || !g) continue;
    const inRows = row >= (g.startRowIndex ?? 0) && row < (g.endRowIndex ?? Infinity);
    const inCols = col >= (g.startColumnIndex ?? 0) && col < (g.endColumnIndex ?? Infinity);
    if (inRows && inCols) return v.rule;
  }
  return undefined;
}

/** `GridData` for one rectangle: values plus validation rules, trailing empties trimmed. */
function gridData(sheet: SheetState, rect: Rect, evaluate: FormulaEvaluator): sheets_v4.Schema$GridData {
  const rowData: sheets_v4.Schema$RowData[] = [];
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const values: sheets_v4.Schema$CellData[] = [];
    for (let c = rect.startCol; c < rect.endCol; c++) {
      const cell = getCell(sheet, r, c);
      const data: sheets_v4.Schema$CellData = {};
      if (cell) {
        Object.assign(data, extendedValue(cell, evaluate));
        data.formattedValue = String(renderCell(cell, 'FORMATTED_VALUE', 'FORMATTED_STRING', evaluate));
      }
      const rule = validationAt(sheet, r, c);
      if (rule) data.dataValidation = structuredClone(rule);
      values.push(data);
    }
    while (values.length > 0 && Object.keys(values[values.length - 1] ?? {}).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && !rowData[rowData.length - 1]?.values) rowData.pop();
  const out: sheets_v4.Schema$GridData = rowData.length > 0 ? { rowData } : {};
  // proto3 JSON omits zero offsets.
  if (rect.startRow) out.startRow = rect.startRow;
  if (rect.startCol) out.startColumn = rect.startCol;
  return out;
}

function sheetResource(sheet: SheetState, data: sheets_v4.Schema$GridData[] | undefined): sheets_v4.Schema$Sheet {
  const out: sheets_v4.Schema$Sheet = { properties: outputSheetProps(sheet.properties) };
  if (data) out.data = data;
  if (sheet.protectedRanges.length > 0) out.protectedRanges = structuredClone(sheet.protectedRanges);
  if (sheet.conditionalFormats.length > 0) out.conditionalFormats = structuredClone(sheet.conditionalFormats);
  if (sheet.developerMetadata.length > 0) out.developerMetadata = structuredClone(sheet.developerMetadata);
  return out;
}

/**
 * The `Spreadsheet` resource. With `ranges`, only the sheets they name are included;
 * with `includeGridData`, each sheet carries `data` for those ranges (or the whole sheet).
 */
export function spreadsheetResource(
  ss: SpreadsheetState,
  options: { ranges: readonly string[]; includeGridData: boolean; evaluate: FormulaEvaluator },
): sheets_v4.Schema$Spreadsheet {
  const picked = new Map<SheetState, Rect[]>();
  for (const range of options.ranges) {
    const { sheet, ref } = resolveRange(ss, range);
    picked.set(sheet, [...(picked.get(sheet) ?? []), boundRect(sheet, ref)]);
  }
  const sheets = options.ranges.length > 0 ? ss.sheets.filter((s) => picked.has(s)) : ss.sheets;
  const out: sheets_v4.Schema$Spreadsheet = {
    spreadsheetId: ss.spreadsheetId,
    properties: structuredClone(ss.properties),
    sheets: sheets.map((sheet) => {
      if (!options.includeGridData) return sheetResource(sheet, undefined);
      const g = sheet.properties.gridProperties;
      const rects = picked.get(sheet) ?? [{ startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount }];
      return sheetResource(sheet, rects.map((rect) => gridData(sheet, rect, options.evaluate)));
    }),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.spreadsheetId}/edit`,
  };
  if (ss.developerMetadata.length > 0) out.developerMetadata = structuredClone(ss.developerMetadata);
  return out;
}

/** A new spreadsheet from a `spreadsheets.create`-style body (first sheet gets id 0 unless given). */
export function newSpreadsheet(
  spreadsheetId: string,
  body: sheets_v4.Schema$Spreadsheet,
  newId: () => number,
): SpreadsheetState {
  const requested = body.sheets && body.sheets.length > 0 ? body.sheets : [{ properties: {} }];
  const sheets = requested.map((s, index) => {
    const p = s.properties ?? {};
    return newSheet({
      ...structuredClone(p),
      sheetId: p.sheetId ?? (index === 0 ? 0 : newId()),
      title: p.title || `Sheet${index + 1}`,
      index,
    });
  });
  return {
    spreadsheetId,
    properties: {
      locale: 'en_US',
      autoRecalc: 'ON_CHANGE',
      timeZone: 'Etc/GMT',
      ...structuredClone(body.properties ?? {}),
      title: body.properties?.title || 'Untitled spreadsheet',
    },
    sheets,
    developerMetadata: [],
    applied: [],
    access: 'edit',
  };
}
