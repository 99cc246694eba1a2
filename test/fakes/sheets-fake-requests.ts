/**
 * Appliers for the `spreadsheets.batchUpdate` request types the Sheets fake supports.
 * Each mutates the (draft) spreadsheet, throws a 400 for an invalid request, and returns the reply.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { getCell, insertRows, resizeGrid, setCell } from './sheets-fake-grid.js';
import { invalid } from './sheets-fake-http.js';
import { type SpreadsheetState, gridRect, newSheet, outputSheetProps, reindex, sheetById } from './sheets-fake-model.js';
import { assertMayChangeSheet, assertMayEditCells, editorsOnAdd, mayEdit, ownerOf, PROTECTED_MESSAGE } from './sheets-fake-protection.js';
import { applyUpdateMask, cellFromExtendedValue, dimensionSheet, insertColumns, deleteSpan } from './sheets-fake-requests-util.js';
import { updateCells } from './sheets-fake-update-cells.js';

export type RequestKind = keyof sheets_v4.Schema$Request;

/** Services the appliers need from the fake. */
export interface BatchContext {
  /** A fresh random id (sheetId, protectedRangeId, metadataId) from the fake's seeded PRNG. */
  newId(): number;
  /** The caller's email (the owner's when the fake was not told who holds the token). */
  caller?: string;
}

export type Applier<K extends RequestKind> = (
  ss: SpreadsheetState,
  body: NonNullable<sheets_v4.Schema$Request[K]>,
  ctx: BatchContext,
) => sheets_v4.Schema$Response;

const sameTitle = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

function assertTitleFree(ss: SpreadsheetState, title: string, exceptSheetId?: number): void {
  if (ss.sheets.some((s) => s.properties.sheetId !== exceptSheetId && sameTitle(s.properties.title, title))) {
    throw invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

function requireFields(fields: string | null | undefined): string {
  if (!fields || fields.trim() === '') throw invalid("At least one field must be specified in 'fields'.");
  return fields;
}

/** The supported request types. Anything else is answered with a 400 naming the fake. */
export const APPLIERS: { [K in RequestKind]?: Applier<K> } = {
  updateCells,

  addSheet(ss, { properties: p = {} }, ctx) {
    let title = p.title;
    for (let n = ss.sheets.length + 1; !title; n++) {
      if (!ss.sheets.some((s) => sameTitle(s.properties.title, `Sheet${n}`))) title = `Sheet${n}`;
    }
    assertTitleFree(ss, title);
    const sheetId = p.sheetId ?? ctx.newId();
    if (ss.sheets.some((s) => s.properties.sheetId === sheetId)) {
      throw invalid(`A sheet with id ${sheetId} already exists. Please enter another id.`);
    }
    const index = Math.min(Math.max(p.index ?? ss.sheets.length, 0), ss.sheets.length);
    const sheet = newSheet({ ...structuredClone(p), sheetId, title, index });
    ss.sheets.splice(index, 0, sheet);
    reindex(ss);
    return { addSheet: { properties: outputSheetProps(sheet.properties) } };
  },

  deleteSheet(ss, { sheetId }, ctx) {
    const sheet = sheetById(ss, sheetId);
    assertMayChangeSheet(ss, sheet, ctx.caller ?? ownerOf(ss));
    if (ss.sheets.length === 1) throw invalid("You can't remove all the sheets in a document.");
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    reindex(ss);
    return {};
  },

  updateSheetProperties(ss, { properties = {}, fields }) {
    const sheet = sheetById(ss, properties.sheetId);
    const next = structuredClone(sheet.properties);
    applyUpdateMask(next, properties, requireFields(fields), ['sheetId']);
    const grid = { ...sheet.properties.gridProperties, ...next.gridProperties };
    next.gridProperties = grid;
    next.title ||= sheet.properties.title;
    next.index ??= 0; // a masked-out index resets to the proto default
    assertTitleFree(ss, next.title, next.sheetId);
    if ((grid.frozenRowCount ?? 0) >= grid.rowCount) throw invalid("You can't freeze all visible rows on the sheet.");
    if ((grid.frozenColumnCount ?? 0) >= grid.columnCount) throw invalid("You can't freeze all visible columns on the sheet.");
    resizeGrid(sheet, grid.rowCount, grid.columnCount);
    sheet.properties = next;
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    ss.sheets.splice(Math.min(next.index, ss.sheets.length), 0, sheet);
    reindex(ss);
    return {};
  },

  updateSpreadsheetProperties(ss, { properties = {}, fields }) {
    applyUpdateMask(ss.properties, properties, requireFields(fields), []);
    ss.properties.title ||= 'Untitled spreadsheet';
    return {};
  },

  setDataValidation(ss, { range, rule }) {
    const { sheet } = gridRect(ss, range);
    if (rule && !rule.condition?.type) throw invalid('Invalid BooleanCondition: condition type is required.');
    sheet.dataValidations.push({ range: structuredClone(range ?? {}), rule: rule ? structuredClone(rule) : undefined });
    return {};
  },

  addProtectedRange(ss, { protectedRange = {} }, ctx) {
    if (!protectedRange.range && !protectedRange.namedRangeId) throw invalid('A protected range must have a range or a named range.');
    const { sheet } = gridRect(ss, protectedRange.range);
    const editors = editorsOnAdd(ss, protectedRange, ctx.caller ?? ownerOf(ss));
    const stored = { ...structuredClone(protectedRange), protectedRangeId: protectedRange.protectedRangeId ?? ctx.newId(), ...(editors ? { editors } : {}) };
    if (!editors) delete stored.editors;
    sheet.protectedRanges.push(stored);
    return { addProtectedRange: { protectedRange: structuredClone(stored) } };
  },

  updateProtectedRange(ss, { protectedRange = {}, fields }, ctx) {
    const mask = requireFields(fields).split(',').map((f) => f.trim());
    const id = protectedRange.protectedRangeId;
    const sheet = ss.sheets.find((s) => s.protectedRanges.some((p) => p.protectedRangeId === id));
    const current = sheet?.protectedRanges.find((p) => p.protectedRangeId === id);
    if (!sheet || !current) throw invalid(`No protected range with id: ${String(id)}`);
    if (!mayEdit(ss, current, ctx.caller ?? ownerOf(ss))) throw invalid(PROTECTED_MESSAGE);
    for (const field of mask) {
      if (!['editors', 'description', 'warningOnly', 'range', 'unprotectedRanges', 'requestingUserCanEdit'].includes(field) && field !== '*') throw invalid(`Invalid field mask: ${field}`);
    }
    const next = structuredClone(current);
    for (const field of mask.includes('*') ? ['editors', 'description', 'warningOnly', 'range', 'unprotectedRanges'] : mask) {
      const value = (protectedRange as Record<string, unknown>)[field];
      if (value === undefined || value === null) delete (next as Record<string, unknown>)[field];
      else (next as Record<string, unknown>)[field] = structuredClone(value);
    }
    if (next.warningOnly && (next.editors?.users?.length ?? 0) > 0) throw invalid('ProtectedRange is warningOnly. Editors cannot be set on it.');
    // The owner can never be removed as an editor.
    if (!next.warningOnly) next.editors = { ...next.editors, users: [...new Set([...(next.editors?.users ?? []), ownerOf(ss)])] };
    sheet.protectedRanges[sheet.protectedRanges.indexOf(current)] = next;
    return {};
  },

  addConditionalFormatRule(ss, { rule, index }) {
    const ranges = rule?.ranges ?? [];
    if (!rule || ranges.length === 0) throw invalid('A conditional format rule must have at least one range.');
    if (!rule.booleanRule === !rule.gradientRule) throw invalid('A conditional format rule must have exactly one of booleanRule or gradientRule.');
    const sheets = new Set(ranges.map((r) => gridRect(ss, r).sheet));
    const [sheet] = sheets;
    if (!sheet || sheets.size > 1) throw invalid('All ranges of a conditional format rule must be on the same sheet.');
    sheet.conditionalFormats.splice(index ?? 0, 0, structuredClone(rule));
    return {};
  },

  repeatCell(ss, { range, cell, fields }, ctx) {
    const mask = requireFields(fields);
    const { sheet, rect } = gridRect(ss, range);
    assertMayEditCells(ss, sheet, rect, ctx.caller ?? ownerOf(ss));
    const value = cell?.userEnteredValue;
    if (/(^|,)\s*(\*|userEnteredValue)\s*(,|$)/.test(mask)) {
      const stored = value ? cellFromExtendedValue(value) : undefined;
      for (let r = rect.startRow; r < rect.endRow; r++) {
        for (let c = rect.startCol; c < rect.endCol; c++) {
          if (stored || getCell(sheet, r, c)) setCell(sheet, r, c, stored && structuredClone(stored));
        }
      }
    }
    return {};
  },

  updateDimensionProperties(ss, { range, properties, fields }) {
    requireFields(fields);
    if (!properties) throw invalid('Dimension properties are required.');
    dimensionSheet(ss, range);
    return {};
  },

  autoResizeDimensions(ss, { dimensions }) {
    dimensionSheet(ss, dimensions);
    return {};
  },

  appendDimension(ss, { sheetId, dimension, length }, ctx) {
    const sheet = sheetById(ss, sheetId);
    assertMayChangeSheet(ss, sheet, ctx.caller ?? ownerOf(ss));
    if (!length || length < 1) throw invalid('length must be at least 1.');
    const grid = sheet.properties.gridProperties;
    if (dimension === 'ROWS') grid.rowCount += length;
    else if (dimension === 'COLUMNS') grid.columnCount += length;
    else throw invalid('dimension must be ROWS or COLUMNS.');
    return {};
  },

  insertDimension(ss, { range }, ctx) {
    const { sheet, start, end, dimension } = dimensionSheet(ss, range);
    assertMayChangeSheet(ss, sheet, ctx.caller ?? ownerOf(ss));
    if (dimension === 'ROWS') insertRows(sheet, start, end - start);
    else insertColumns(sheet, start, end - start);
    return {};
  },

  deleteDimension(ss, { range }, ctx) {
    const { sheet, start, end, dimension } = dimensionSheet(ss, range);
    assertMayChangeSheet(ss, sheet, ctx.caller ?? ownerOf(ss));
    deleteSpan(sheet, dimension, start, end);
    return {};
  },

  createDeveloperMetadata(ss, { developerMetadata: md }, ctx) {
    if (!md?.metadataKey) throw invalid('Developer metadata must have a key.');
    if (md.visibility !== 'DOCUMENT' && md.visibility !== 'PROJECT') throw invalid('Developer metadata visibility must be DOCUMENT or PROJECT.');
    const loc = md.location;
    const stored: sheets_v4.Schema$DeveloperMetadata = { ...structuredClone(md), metadataId: md.metadataId ?? ctx.newId() };
    if (loc?.spreadsheet) {
      stored.location = { spreadsheet: true, locationType: 'SPREADSHEET' };
      ss.developerMetadata.push(stored);
    } else if (loc?.sheetId !== undefined && loc.sheetId !== null) {
      stored.location = { sheetId: loc.sheetId, locationType: 'SHEET' };
      sheetById(ss, loc.sheetId).developerMetadata.push(stored);
    } else if (loc?.dimensionRange) {
      const { sheet, dimension } = dimensionSheet(ss, loc.dimensionRange);
      stored.location = { dimensionRange: structuredClone(loc.dimensionRange), locationType: dimension === 'ROWS' ? 'ROW' : 'COLUMN' };
      sheet.developerMetadata.push(stored);
    } else {
      throw invalid('Developer metadata must have a location.');
    }
    return { createDeveloperMetadata: { developerMetadata: structuredClone(stored) } };
  },
};
