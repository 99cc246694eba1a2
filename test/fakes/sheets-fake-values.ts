/**
 * The `spreadsheets.values.*` endpoints of the Sheets fake. Each function works on the
 * spreadsheet it is given (a draft copy for writes, so a thrown error leaves nothing applied).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { formatRange, formatRef } from './sheets-fake-a1.js';
import type { DateTimeRenderOption, FormulaEvaluator, ValueInputOption, ValueRenderOption, WireValue } from './sheets-fake-cells.js';
import { type WriteStats, clearRect, findTable, insertRows, readRect, transpose, trimTrailing, writeValues } from './sheets-fake-grid.js';
import { SheetsApiError, checkEnum, invalid } from './sheets-fake-http.js';
import { assertMayEditCells, ownerOf } from './sheets-fake-protection.js';
import { type Rect, type SheetState, type SpreadsheetState, boundRect, resolveRange } from './sheets-fake-model.js';

/** What a values endpoint needs besides the spreadsheet. */
export interface ValuesContext {
  ss: SpreadsheetState;
  query: URLSearchParams;
  evaluate: FormulaEvaluator;
  /** The caller's email, checked against protected ranges (the owner's when unknown). */
  caller?: string;
}

/** Refuses a write over cells the caller may not edit (see sheets-fake-protection.ts). */
function guard(ctx: ValuesContext, sheet: SheetState, rect: Rect): void {
  assertMayEditCells(ctx.ss, sheet, rect, ctx.caller ?? ownerOf(ctx.ss));
}

const written = (row: number, col: number, values: unknown[][]): Rect => ({ startRow: row, endRow: row + values.length, startCol: col, endCol: col + Math.max(0, ...values.map((r) => r.length)) });

type Major = 'ROWS' | 'COLUMNS';
interface ReadOptions {
  render: ValueRenderOption;
  dateRender: DateTimeRenderOption;
  major: Major;
}

const RENDERS = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
const DATE_RENDERS = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
const MAJORS = ['ROWS', 'COLUMNS'] as const;

function readOptions(get: (name: string) => string | null | undefined, prefix = ''): ReadOptions {
  const key = (name: string): string => (prefix ? prefix + name[0]?.toUpperCase() + name.slice(1) : name);
  return {
    render: checkEnum(get(key('valueRenderOption')), RENDERS, 'value_render_option', 'ValueRenderOption') ?? 'FORMATTED_VALUE',
    dateRender:
      checkEnum(get(key('dateTimeRenderOption')), DATE_RENDERS, 'date_time_render_option', 'DateTimeRenderOption') ??
      'SERIAL_NUMBER',
    major: checkEnum(get('majorDimension'), MAJORS, 'major_dimension', 'Dimension') ?? 'ROWS',
  };
}

function inputOption(value: string | null | undefined): ValueInputOption {
  const option = checkEnum(value, ['RAW', 'USER_ENTERED', 'INPUT_VALUE_OPTION_UNSPECIFIED'] as const, 'value_input_option', 'ValueInputOption');
  if (option === undefined || option === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw invalid("'valueInputOption' is required but not specified");
  }
  return option;
}

function valueRange(ctx: ValuesContext, sheet: SheetState, rect: Rect, opts: ReadOptions): sheets_v4.Schema$ValueRange {
  const rows = readRect(sheet, rect, opts.render, opts.dateRender, ctx.evaluate);
  const values = opts.major === 'COLUMNS' ? trimTrailing(transpose(rows, '' as WireValue)) : rows;
  const out: sheets_v4.Schema$ValueRange = { range: formatRange(sheet.properties.title, rect), majorDimension: opts.major };
  if (values.length > 0) out.values = values;
  return out;
}

function readOne(ctx: ValuesContext, range: string, opts: ReadOptions): sheets_v4.Schema$ValueRange {
  const { sheet, ref } = resolveRange(ctx.ss, range);
  return valueRange(ctx, sheet, boundRect(sheet, ref), opts);
}

/** GET values/{range} */
export function valuesGet(ctx: ValuesContext, range: string): sheets_v4.Schema$ValueRange {
  return readOne(ctx, range, readOptions((n) => ctx.query.get(n)));
}

/** GET values:batchGet?ranges=…&ranges=… */
export function valuesBatchGet(ctx: ValuesContext): sheets_v4.Schema$BatchGetValuesResponse {
  const opts = readOptions((n) => ctx.query.get(n));
  const ranges = ctx.query.getAll('ranges');
  const out: sheets_v4.Schema$BatchGetValuesResponse = { spreadsheetId: ctx.ss.spreadsheetId };
  if (ranges.length > 0) out.valueRanges = ranges.map((r) => readOne(ctx, r, opts));
  return out;
}

function incoming(body: sheets_v4.Schema$ValueRange): unknown[][] {
  const values = body.values ?? [];
  if (!Array.isArray(values)) throw invalid('Invalid value at \'data.values\': expected a list');
  const major = checkEnum(body.majorDimension, MAJORS, 'data.major_dimension', 'Dimension') ?? 'ROWS';
  return major === 'COLUMNS' ? transpose(values as unknown[][], null as unknown) : (values as unknown[][]);
}

function updateResponse(
  ctx: ValuesContext,
  sheet: SheetState,
  stats: WriteStats,
  fallbackRange: string,
  withValues: ReadOptions | undefined,
): sheets_v4.Schema$UpdateValuesResponse {
  const written = stats.rows > 0 && stats.columns > 0;
  const out: sheets_v4.Schema$UpdateValuesResponse = {
    spreadsheetId: ctx.ss.spreadsheetId,
    updatedRange: written ? formatRange(sheet.properties.title, stats.rect) : fallbackRange,
  };
  if (written) Object.assign(out, { updatedRows: stats.rows, updatedColumns: stats.columns, updatedCells: stats.cells });
  if (withValues && written) out.updatedData = valueRange(ctx, sheet, stats.rect, withValues);
  return out;
}

function responseOptions(query: (n: string) => string | null | undefined, include: unknown): ReadOptions | undefined {
  return include === true || include === 'true' ? readOptions(query, 'response') : undefined;
}

function updateOne(ctx: ValuesContext, data: sheets_v4.Schema$ValueRange, option: ValueInputOption, withValues?: ReadOptions) {
  const range = data.range ?? '';
  const { sheet, ref } = resolveRange(ctx.ss, range);
  const label = formatRef(sheet.properties.title, ref);
  // A single cell is only the anchor; any other range bounds the write.
  const limit = ref.singleCell
    ? undefined
    : { startRow: ref.startRow, startCol: ref.startCol, endRow: ref.endRow ?? Infinity, endCol: ref.endCol ?? Infinity };
  const rows = incoming(data);
  guard(ctx, sheet, written(ref.startRow, ref.startCol, rows));
  const stats = writeValues(sheet, ref.startRow, ref.startCol, rows, option, limit, label);
  return { sheet, response: updateResponse(ctx, sheet, stats, label, withValues) };
}

/** PUT values/{range}?valueInputOption=… */
export function valuesUpdate(ctx: ValuesContext, range: string, body: sheets_v4.Schema$ValueRange): sheets_v4.Schema$UpdateValuesResponse {
  const option = inputOption(ctx.query.get('valueInputOption'));
  if (body.range && body.range !== range) {
    throw invalid(`Requested range [${range}] does not match the range in the request body [${body.range}]`);
  }
  const q = (n: string): string | null => ctx.query.get(n);
  return updateOne(ctx, { ...body, range }, option, responseOptions(q, q('includeValuesInResponse'))).response;
}

/** Prefixes an error message the way Google names the failing element of a batch. */
function withPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof SheetsApiError) throw new SheetsApiError(e.code, `${prefix}: ${e.message}`, e.details);
    throw e;
  }
}

/** POST values:batchUpdate  { valueInputOption, data: [{ range, values }] } */
export function valuesBatchUpdate(ctx: ValuesContext, body: sheets_v4.Schema$BatchUpdateValuesRequest): sheets_v4.Schema$BatchUpdateValuesResponse {
  const option = inputOption(body.valueInputOption);
  const b = body as Record<string, unknown>;
  const withValues = responseOptions((n) => b[n] as string | undefined, body.includeValuesInResponse);
  const results = (body.data ?? []).map((d, i) => withPrefix(`Invalid data[${i}]`, () => updateOne(ctx, d, option, withValues)));
  const out: sheets_v4.Schema$BatchUpdateValuesResponse = { spreadsheetId: ctx.ss.spreadsheetId };
  if (results.length === 0) return out;
  const sum = (k: 'updatedRows' | 'updatedColumns' | 'updatedCells'): number =>
    results.reduce((n, r) => n + (r.response[k] ?? 0), 0);
  return {
    ...out,
    totalUpdatedRows: sum('updatedRows'),
    totalUpdatedColumns: sum('updatedColumns'),
    totalUpdatedCells: sum('updatedCells'),
    totalUpdatedSheets: new Set(results.map((r) => r.sheet.properties.sheetId)).size,
    responses: results.map((r) => r.response),
  };
}

/** POST values/{range}:append — writes after the last row of the table found in `range`. */
export function valuesAppend(ctx: ValuesContext, range: string, body: sheets_v4.Schema$ValueRange): sheets_v4.Schema$AppendValuesResponse {
  const option = inputOption(ctx.query.get('valueInputOption'));
  const insert = checkEnum(ctx.query.get('insertDataOption'), ['OVERWRITE', 'INSERT_ROWS'] as const, 'insert_data_option', 'InsertDataOption');
  const { sheet, ref } = resolveRange(ctx.ss, range);
  const search = boundRect(sheet, ref);
  const table = findTable(sheet, search);
  const values = incoming({ ...body });
  const row = table ? table.endRow : search.startRow;
  const col = table ? table.startCol : search.startCol;
  const width = Math.max(0, ...values.map((r) => r.length));
  const grid = sheet.properties.gridProperties;
  guard(ctx, sheet, written(row, col, values));
  // Appending never fails for lack of room: rows (and columns) are added as needed.
  if (insert === 'INSERT_ROWS') insertRows(sheet, row, values.length);
  else if (row + values.length > grid.rowCount) grid.rowCount = row + values.length;
  if (col + width > grid.columnCount) grid.columnCount = col + width;
  const stats = writeValues(sheet, row, col, values, option, undefined, formatRef(sheet.properties.title, ref));
  const q = (n: string): string | null => ctx.query.get(n);
  const out: sheets_v4.Schema$AppendValuesResponse = { spreadsheetId: ctx.ss.spreadsheetId };
  if (table) out.tableRange = formatRange(sheet.properties.title, table);
  out.updates = updateResponse(ctx, sheet, stats, formatRange(sheet.properties.title, search), responseOptions(q, q('includeValuesInResponse')));
  return out;
}

function clearOne(ctx: ValuesContext, range: string): string {
  const { sheet, ref } = resolveRange(ctx.ss, range);
  const rect = boundRect(sheet, ref);
  guard(ctx, sheet, rect);
  clearRect(sheet, rect);
  return formatRange(sheet.properties.title, rect);
}

/** POST values/{range}:clear */
export function valuesClear(ctx: ValuesContext, range: string): sheets_v4.Schema$ClearValuesResponse {
  return { spreadsheetId: ctx.ss.spreadsheetId, clearedRange: clearOne(ctx, range) };
}

/** POST values:batchClear { ranges } */
export function valuesBatchClear(ctx: ValuesContext, body: sheets_v4.Schema$BatchClearValuesRequest): sheets_v4.Schema$BatchClearValuesResponse {
  const ranges = body.ranges ?? [];
  const out: sheets_v4.Schema$BatchClearValuesResponse = { spreadsheetId: ctx.ss.spreadsheetId };
  if (ranges.length > 0) out.clearedRanges = ranges.map((r) => clearOne(ctx, r));
  return out;
}
