/**
 * Executes one routed API call against the fake's spreadsheets (no faults or quotas here).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { applyBatchUpdate } from './sheets-fake-batch.js';
import { assertCellLimit } from './sheets-fake-limits.js';
import { ownerOf, protectionsAsSeenBy } from './sheets-fake-protection.js';
import type { FormulaEvaluator } from './sheets-fake-cells.js';
import { WRITE_METHODS } from './sheets-fake-faults.js';
import { SheetsApiError, invalid } from './sheets-fake-http.js';
import type { SpreadsheetState } from './sheets-fake-model.js';
import { newSpreadsheet, spreadsheetResource } from './sheets-fake-render.js';
import type { Route } from './sheets-fake-routes.js';
import * as values from './sheets-fake-values.js';

/** What {@link dispatch} needs from the fake. */
export interface DispatchServices {
  docs: Map<string, SpreadsheetState>;
  evaluate: FormulaEvaluator;
  newId(): number;
  newSpreadsheetId(): string;
}

/** Runs one API call as `caller` (an email; the owner when undefined). Writes work on a copy that replaces the stored spreadsheet only on success. */
export function dispatch(route: Route, query: URLSearchParams, body: unknown, s: DispatchServices, caller?: string): unknown {
  if (route.method === 'spreadsheets.create') {
    const ss = newSpreadsheet(s.newSpreadsheetId(), body as sheets_v4.Schema$Spreadsheet, () => s.newId());
    if (caller) ss.owner = caller;
    assertCellLimit(ss);
    s.docs.set(ss.spreadsheetId, ss);
    return spreadsheetResource(ss, { ranges: [], includeGridData: false, evaluate: s.evaluate });
  }
  const id = route.spreadsheetId ?? '';
  const current = s.docs.get(id);
  if (!current) throw new SheetsApiError(404);
  const isWrite = WRITE_METHODS.has(route.method);
  if (current.access === 'none' || (isWrite && current.access === 'view')) throw new SheetsApiError(403);
  const ss = isWrite ? structuredClone(current) : current;
  const ctx: values.ValuesContext = { ss, query, evaluate: s.evaluate, ...(caller ? { caller } : {}) };
  const range = route.range ?? '';
  const b = (body ?? {}) as Record<string, never>;
  const result = ((): unknown => {
    switch (route.method) {
      case 'spreadsheets.get':
        return protectionsAsSeenBy(
          ss,
          spreadsheetResource(ss, {
            ranges: query.getAll('ranges'),
            includeGridData: query.get('includeGridData') === 'true',
            evaluate: s.evaluate,
          }),
          caller ?? ownerOf(ss),
        );
      case 'spreadsheets.batchUpdate': {
        const replies = applyBatchUpdate(ss, b, { newId: () => s.newId(), ...(caller ? { caller } : {}) });
        const out: sheets_v4.Schema$BatchUpdateSpreadsheetResponse = { spreadsheetId: id, replies };
        if ((b as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).includeSpreadsheetInResponse) {
          out.updatedSpreadsheet = spreadsheetResource(ss, { ranges: [], includeGridData: false, evaluate: s.evaluate });
        }
        return out;
      }
      case 'values.get':
        return values.valuesGet(ctx, range);
      case 'values.batchGet':
        return values.valuesBatchGet(ctx);
      case 'values.update':
        return values.valuesUpdate(ctx, range, b);
      case 'values.batchUpdate':
        return values.valuesBatchUpdate(ctx, b);
      case 'values.append':
        return values.valuesAppend(ctx, range, b);
      case 'values.clear':
        return values.valuesClear(ctx, range);
      case 'values.batchClear':
        return values.valuesBatchClear(ctx, b);
    }
  })();
  if (isWrite) {
    assertCellLimit(ss); // on the draft: a request past the limit changes nothing
    s.docs.set(id, ss);
  }
  return result;
}

/** The JSON body of a POST/PUT (`{}` when empty); a malformed body is a 400 as with Google. */
export async function readJson(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('Invalid JSON payload received. Unexpected token.');
  }
}
