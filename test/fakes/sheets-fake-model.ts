/**
 * The in-memory model behind the Sheets fake: spreadsheets → sheets → sparse 2D grid of cells,
 * and resolution of A1 ranges against it.
 * Everything here is plain data so a spreadsheet can be `structuredClone`d for atomic writes.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { type A1Ref, formatRange, formatRef, parseCellRef, splitSheetName } from './sheets-fake-a1.js';
import type { Cell } from './sheets-fake-cells.js';
import { invalid } from './sheets-fake-http.js';

export type GridProps = sheets_v4.Schema$GridProperties & { rowCount: number; columnCount: number };
export type SheetProps = sheets_v4.Schema$SheetProperties & {
  sheetId: number;
  title: string;
  index: number;
  gridProperties: GridProps;
};

/** One tab of a spreadsheet. */
export interface SheetState {
  properties: SheetProps;
  /** Sparse grid: `rows[r][c]`; missing entries are empty cells. */
  rows: (Array<Cell | undefined> | undefined)[];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[];
  /** `setDataValidation` calls in order; a later one covering a cell wins (rule undefined = cleared). */
  dataValidations: { range: sheets_v4.Schema$GridRange; rule: sheets_v4.Schema$DataValidationRule | undefined }[];
}

/** A `spreadsheets.batchUpdate` request that was applied, kept for assertions. */
export interface AppliedRequest {
  kind: keyof sheets_v4.Schema$Request;
  body: unknown;
}

/** One spreadsheet document. */
export interface SpreadsheetState {
  spreadsheetId: string;
  properties: sheets_v4.Schema$SpreadsheetProperties & { title: string };
  /** Ordered by `properties.index`. */
  sheets: SheetState[];
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[];
  applied: AppliedRequest[];
  /** `view` rejects writes with 403, `none` rejects everything with 403. */
  access: 'edit' | 'view' | 'none';
  /** The owner's email (default `DEFAULT_OWNER`): always an editor of every protected range. */
  owner?: string;
}

/** A resolved rectangle on one sheet (0-based, end-exclusive). */
export interface Rect {
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

/** Default size of a new sheet, as in Google Sheets. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** Input for {@link newSheet}: any sheet properties, with a partial (or missing) grid size. */
export type NewSheetProps = Omit<Partial<SheetProps>, 'gridProperties'> & {
  sheetId: number;
  title: string;
  index: number;
  gridProperties?: sheets_v4.Schema$GridProperties | null;
};

export function newSheet(props: NewSheetProps): SheetState {
  const grid = props.gridProperties ?? {};
  return {
    properties: {
      sheetType: 'GRID',
      ...props,
      gridProperties: { ...grid, rowCount: grid.rowCount ?? DEFAULT_ROWS, columnCount: grid.columnCount ?? DEFAULT_COLUMNS },
    },
    rows: [],
    protectedRanges: [],
    conditionalFormats: [],
    developerMetadata: [],
    dataValidations: [],
  };
}

/** Resolves an A1 string to its sheet and reference, or throws "Unable to parse range". */
export function resolveRange(ss: SpreadsheetState, range: string): { sheet: SheetState; ref: Omit<A1Ref, 'sheetName'> } {
  const fail = invalid(`Unable to parse range: ${range}`);
  const split = splitSheetName(range);
  if (!split) throw fail;
  const whole = { startRow: 0, endRow: undefined, startCol: 0, endCol: undefined, singleCell: false };
  if (split.sheetName === undefined) {
    // A bare word is a sheet title if one matches, else a reference on the first sheet.
    const named = ss.sheets.find((s) => s.properties.title === split.ref);
    if (named) return { sheet: named, ref: whole };
    const ref = parseCellRef(split.ref ?? '');
    const first = ss.sheets[0];
    if (!ref || !first) throw fail;
    return { sheet: first, ref };
  }
  const sheet = ss.sheets.find((s) => s.properties.title === split.sheetName);
  const ref = split.ref === undefined ? whole : parseCellRef(split.ref);
  if (!sheet || !ref) throw fail;
  return { sheet, ref };
}

/** Fills open ends with the grid size, failing like Google when the range lies outside the grid. */
export function boundRect(sheet: SheetState, ref: Omit<A1Ref, 'sheetName'>): Rect {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const rect = {
    startRow: ref.startRow,
    endRow: ref.endRow ?? rowCount,
    startCol: ref.startCol,
    endCol: ref.endCol ?? columnCount,
  };
  assertInGrid(sheet, rect, formatRef(sheet.properties.title, ref));
  return rect;
}

/** Throws `Range (X) exceeds grid limits` when any part of `rect` is outside the sheet. */
export function assertInGrid(sheet: SheetState, rect: Rect, label: string): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (rect.endRow > rowCount || rect.endCol > columnCount || rect.startRow >= rowCount || rect.startCol >= columnCount) {
    throw invalid(`Range (${label}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
  }
}

/** The sheet with `sheetId` (proto default 0 when omitted), or Google's "No grid with id" error. */
export function sheetById(ss: SpreadsheetState, sheetId: number | null | undefined): SheetState {
  const id = sheetId ?? 0;
  const sheet = ss.sheets.find((s) => s.properties.sheetId === id);
  if (!sheet) throw invalid(`No grid with id: ${id}`);
  return sheet;
}

/** Resolves a GridRange (unset bounds = whole sheet), checking it lies within the grid. */
export function gridRect(ss: SpreadsheetState, range: sheets_v4.Schema$GridRange | null | undefined): { sheet: SheetState; rect: Rect } {
  const sheet = sheetById(ss, range?.sheetId);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const rect = {
    startRow: range?.startRowIndex ?? 0,
    endRow: range?.endRowIndex ?? rowCount,
    startCol: range?.startColumnIndex ?? 0,
    endCol: range?.endColumnIndex ?? columnCount,
  };
  if (rect.startRow < 0 || rect.startCol < 0 || rect.endRow < rect.startRow || rect.endCol < rect.startCol) {
    throw invalid('Invalid range: start indexes must be non-negative and not after end indexes.');
  }
  if (rect.endRow > rect.startRow && rect.endCol > rect.startCol) {
    assertInGrid(sheet, rect, formatRange(sheet.properties.title, rect));
  }
  return { sheet, rect };
}

/** Sheet properties as Google returns them: zero frozen counts are omitted. */
export function outputSheetProps(props: SheetProps): sheets_v4.Schema$SheetProperties {
  const { sheetId, title, index, sheetType, gridProperties, ...rest } = structuredClone(props);
  if (!gridProperties.frozenRowCount) delete gridProperties.frozenRowCount;
  if (!gridProperties.frozenColumnCount) delete gridProperties.frozenColumnCount;
  return { sheetId, title, index, sheetType, gridProperties, ...rest };
}

/** Gives every sheet its position as `index` after an insert, delete or move. */
export function reindex(ss: SpreadsheetState): void {
  ss.sheets.forEach((s, i) => (s.properties.index = i));
}
