/**
 * Helpers shared by the batchUpdate appliers: update masks, dimension ranges, row/column surgery.
 */
import { assertCellText } from './sheets-fake-limits.js';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from './sheets-fake-cells.js';
import { invalid } from './sheets-fake-http.js';
import { type SheetState, type SpreadsheetState, sheetById } from './sheets-fake-model.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Copies the paths named in `fields` (`title,gridProperties.frozenRowCount`, or `*`) from
 * `source` into `target`; a named path absent from `source` is reset (deleted), as in Google's
 * update masks. `keep` lists top-level fields a mask may not touch.
 */
export function applyUpdateMask(target: object, source: object, fields: string, keep: readonly string[]): void {
  const t = target as Obj;
  const s = source as Obj;
  for (const path of fields.split(',').map((f) => f.trim()).filter(Boolean)) {
    if (path === '*') {
      for (const key of Object.keys(s)) if (!keep.includes(key)) t[key] = structuredClone(s[key]);
      continue;
    }
    const parts = path.split('.');
    const last = parts.pop() ?? '';
    if (parts.length === 0 && keep.includes(last)) continue;
    let into: Obj = t;
    let from: unknown = s;
    for (const part of parts) {
      const next = into[part];
      into = isObj(next) ? next : (into[part] = {});
      from = isObj(from) ? from[part] : undefined;
    }
    const value = isObj(from) ? from[last] : undefined;
    if (value === undefined || value === null) delete into[last];
    else into[last] = structuredClone(value);
  }
}

/** Converts a batchUpdate `ExtendedValue` into a stored cell. */
export function cellFromExtendedValue(v: sheets_v4.Schema$ExtendedValue): Cell | undefined {
  for (const text of [v.formulaValue, v.stringValue]) if (typeof text === 'string') assertCellText(text);
  if (typeof v.formulaValue === 'string') return { kind: 'formula', formula: v.formulaValue };
  if (typeof v.numberValue === 'number') return { kind: 'number', value: v.numberValue };
  if (typeof v.boolValue === 'boolean') return { kind: 'bool', value: v.boolValue };
  if (typeof v.stringValue === 'string') return v.stringValue === '' ? undefined : { kind: 'text', text: v.stringValue };
  return undefined;
}

/** Resolves and checks a DimensionRange (unset bounds = whole dimension). */
export function dimensionSheet(
  ss: SpreadsheetState,
  range: sheets_v4.Schema$DimensionRange | null | undefined,
): { sheet: SheetState; dimension: 'ROWS' | 'COLUMNS'; start: number; end: number } {
  if (!range) throw invalid('A dimension range is required.');
  const sheet = sheetById(ss, range.sheetId);
  const dimension = range.dimension;
  if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw invalid('dimension must be ROWS or COLUMNS.');
  const size = dimension === 'ROWS' ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? size;
  if (start < 0 || end < start || end > size) {
    throw invalid(`Invalid dimension range: [${start}, ${end}) is outside the ${size} ${dimension.toLowerCase()} of the sheet.`);
  }
  return { sheet, dimension, start, end };
}

/** Inserts `count` empty columns before column `at`. */
export function insertColumns(sheet: SheetState, at: number, count: number): void {
  for (const cells of sheet.rows) if (cells && cells.length > at) cells.splice(at, 0, ...new Array<undefined>(count));
  sheet.properties.gridProperties.columnCount += count;
}

/** Deletes rows or columns [start, end), shifting the rest up or left. */
export function deleteSpan(sheet: SheetState, dimension: 'ROWS' | 'COLUMNS', start: number, end: number): void {
  const grid = sheet.properties.gridProperties;
  if (dimension === 'ROWS') {
    if (end - start >= grid.rowCount) throw invalid("You can't delete all the rows on the sheet.");
    sheet.rows.splice(start, end - start);
    grid.rowCount -= end - start;
  } else {
    if (end - start >= grid.columnCount) throw invalid("You can't delete all the columns on the sheet.");
    for (const cells of sheet.rows) cells?.splice(start, end - start);
    grid.columnCount -= end - start;
  }
}
