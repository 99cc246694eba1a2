/**
 * Protected ranges as Google enforces them on the API (the Sheets fake's model of
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange):
 * - a protection that is not `warningOnly` refuses every edit of its cells, through `values.*` writes and cell-changing
 *   `batchUpdate` requests, from anyone but the spreadsheet's owner and the users in `editors` — service accounts
 *   included — with `400 You are trying to edit a protected cell or object…`;
 * - `addProtectedRange` always keeps the owner and the requesting user as editors, and refuses editors on a
 *   `warningOnly` protection ("ProtectedRange is warningOnly. Editors cannot be set on it.");
 * - a sheet protected whole (a protection with no bounds) refuses rows or columns added, inserted or deleted, and its
 *   deletion, from a non-editor;
 * - only the owner and the protection's editors may change or delete it;
 * - `editors` is shown only to those who may edit the range ("only visible to users with edit access to the
 *   protected range and the document"); `requestingUserCanEdit` tells the caller whether they may.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { invalid } from './sheets-fake-http.js';
import type { Rect, SheetState, SpreadsheetState } from './sheets-fake-model.js';

/** Who owns a spreadsheet made without saying (and who calls with a token the fake was not told about). */
export const DEFAULT_OWNER = 'owner@example.com';

export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export const ownerOf = (ss: SpreadsheetState): string => ss.owner ?? DEFAULT_OWNER;

/** May `caller` edit through this protection? */
export function mayEdit(ss: SpreadsheetState, protection: sheets_v4.Schema$ProtectedRange, caller: string): boolean {
  if (protection.warningOnly) return true;
  const who = caller.toLowerCase();
  if (who === ownerOf(ss).toLowerCase()) return true;
  return (protection.editors?.users ?? []).some((u) => u.toLowerCase() === who);
}

const overlaps = (a: Rect, b: Rect): boolean => a.startRow < b.endRow && b.startRow < a.endRow && a.startCol < b.endCol && b.startCol < a.endCol;

function rectOf(range: sheets_v4.Schema$GridRange | null | undefined): Rect {
  return {
    startRow: range?.startRowIndex ?? 0,
    endRow: range?.endRowIndex ?? Infinity,
    startCol: range?.startColumnIndex ?? 0,
    endCol: range?.endColumnIndex ?? Infinity,
  };
}

/** Throws Google's 400 when `rect` of `sheet` touches a protection `caller` may not edit through. */
export function assertMayEditCells(ss: SpreadsheetState, sheet: SheetState, rect: Rect, caller: string): void {
  if (rect.endRow <= rect.startRow || rect.endCol <= rect.startCol) return;
  for (const protection of sheet.protectedRanges) {
    if (mayEdit(ss, protection, caller)) continue;
    const inside = overlaps(rect, rectOf(protection.range));
    const exempt = (protection.unprotectedRanges ?? []).some((u) => {
      const free = rectOf(u);
      return rect.startRow >= free.startRow && rect.endRow <= free.endRow && rect.startCol >= free.startCol && rect.endCol <= free.endCol;
    });
    if (inside && !exempt) throw invalid(PROTECTED_MESSAGE);
  }
}

/** The editors a new protection gets: those asked for, plus the owner and the requesting user. */
export function editorsOnAdd(ss: SpreadsheetState, protection: sheets_v4.Schema$ProtectedRange, caller: string): sheets_v4.Schema$Editors | undefined {
  if (protection.warningOnly) {
    if (protection.editors && ((protection.editors.users?.length ?? 0) > 0 || (protection.editors.groups?.length ?? 0) > 0)) {
      throw invalid('ProtectedRange is warningOnly. Editors cannot be set on it.');
    }
    return undefined;
  }
  const users = [...new Set([...(protection.editors?.users ?? []), ownerOf(ss), caller].map((u) => u.toLowerCase()))];
  return { ...structuredClone(protection.editors ?? {}), users };
}

/** A spreadsheet resource as `caller` sees it: editors hidden where the caller is not one, `requestingUserCanEdit` set. */
export function protectionsAsSeenBy(ss: SpreadsheetState, resource: sheets_v4.Schema$Spreadsheet, caller: string): sheets_v4.Schema$Spreadsheet {
  for (const sheet of resource.sheets ?? []) {
    for (const p of sheet.protectedRanges ?? []) {
      const can = mayEdit(ss, p, caller);
      p.requestingUserCanEdit = can;
      if (!can) delete p.editors;
    }
  }
  return resource;
}

/** Throws Google's 400 when `sheet` is protected whole against `caller` (structure changes: rows, columns, the sheet). */
export function assertMayChangeSheet(ss: SpreadsheetState, sheet: SheetState, caller: string): void {
  const whole = (r: sheets_v4.Schema$GridRange | undefined | null) =>
    r?.startRowIndex == null && r?.endRowIndex == null && r?.startColumnIndex == null && r?.endColumnIndex == null;
  if (sheet.protectedRanges.some((p) => whole(p.range) && !mayEdit(ss, p, caller))) throw invalid(PROTECTED_MESSAGE);
}
