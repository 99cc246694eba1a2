/**
 * `spreadsheets.batchUpdate` for the Sheets fake: request dispatch, validation and replies.
 * The caller runs this on a draft copy and commits only if every request succeeded, so the
 * batch is atomic like Google's. Per-request appliers live in `sheets-fake-requests.ts`.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { SheetsApiError, invalid } from './sheets-fake-http.js';
import type { SpreadsheetState } from './sheets-fake-model.js';
import { APPLIERS, type Applier, type BatchContext, type RequestKind } from './sheets-fake-requests.js';

export type { BatchContext, RequestKind };

/** Every request type of the real API, so an unknown name fails like a bad JSON payload. */
const KNOWN_KINDS = {
  addBanding: 1, addChart: 1, addConditionalFormatRule: 1, addDataSource: 1, addDimensionGroup: 1, addFilterView: 1,
  addNamedRange: 1, addProtectedRange: 1, addSheet: 1, addSlicer: 1, addTable: 1, appendCells: 1, appendDimension: 1,
  autoFill: 1, autoResizeDimensions: 1, cancelDataSourceRefresh: 1, clearBasicFilter: 1, copyPaste: 1,
  createDeveloperMetadata: 1, cutPaste: 1, deleteBanding: 1, deleteConditionalFormatRule: 1, deleteDataSource: 1,
  deleteDeveloperMetadata: 1, deleteDimension: 1, deleteDimensionGroup: 1, deleteDuplicates: 1, deleteEmbeddedObject: 1,
  deleteFilterView: 1, deleteNamedRange: 1, deleteProtectedRange: 1, deleteRange: 1, deleteSheet: 1, deleteTable: 1,
  duplicateFilterView: 1, duplicateSheet: 1, findReplace: 1, insertDimension: 1, insertRange: 1, mergeCells: 1,
  moveDimension: 1, pasteData: 1, randomizeRange: 1, refreshDataSource: 1, repeatCell: 1, setBasicFilter: 1,
  setDataValidation: 1, sortRange: 1, textToColumns: 1, trimWhitespace: 1, unmergeCells: 1, updateBanding: 1,
  updateBorders: 1, updateCells: 1, updateChartSpec: 1, updateConditionalFormatRule: 1, updateDataSource: 1,
  updateDeveloperMetadata: 1, updateDimensionGroup: 1, updateDimensionProperties: 1, updateEmbeddedObjectBorder: 1,
  updateEmbeddedObjectPosition: 1, updateFilterView: 1, updateNamedRange: 1, updateProtectedRange: 1,
  updateSheetProperties: 1, updateSlicerSpec: 1, updateSpreadsheetProperties: 1, updateTable: 1,
  addCommentReply: 1, deleteComment: 1, deleteCommentReply: 1, insertComment: 1, updateCommentPost: 1, // comment requests, new since @googleapis/sheets 14
} satisfies Record<RequestKind, 1>;

function isKnownKind(name: string): name is RequestKind {
  return Object.hasOwn(KNOWN_KINDS, name);
}

/**
 * Applies `requests` in order to `ss` (mutating it) and returns the replies, one per request
 * (`{}` for request types without a reply). Throws on the first invalid request.
 */
export function applyBatchUpdate(
  ss: SpreadsheetState,
  body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
  ctx: BatchContext,
): sheets_v4.Schema$Response[] {
  const requests: unknown = body.requests ?? [];
  if (!Array.isArray(requests)) throw invalid("Invalid value at 'requests': expected a list");
  return requests.map((request: unknown, i) => {
    if (request === null || typeof request !== 'object') throw invalid(`Invalid value at 'requests[${i}]'`);
    const entries = Object.entries(request).filter(([, v]) => v !== null && v !== undefined);
    for (const [name] of entries) {
      if (!isKnownKind(name)) {
        throw invalid(`Invalid JSON payload received. Unknown name "${name}" at 'requests[${i}]': Cannot find field.`);
      }
    }
    const [first, second] = entries;
    if (!first) throw invalid(`Invalid requests[${i}]: No request set.`);
    if (second) {
      throw invalid(`Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot set '${second[0]}'`);
    }
    const kind = first[0] as RequestKind;
    const apply = APPLIERS[kind] as Applier<RequestKind> | undefined;
    if (!apply) throw invalid(`[sheets-fake] requests[${i}].${kind} is not implemented by the fake`);
    try {
      const reply = apply(ss, first[1] as NonNullable<sheets_v4.Schema$Request[RequestKind]>, ctx);
      ss.applied.push({ kind, body: structuredClone(first[1]) });
      return reply;
    } catch (e) {
      if (e instanceof SheetsApiError && e.code === 400) throw invalid(`Invalid requests[${i}].${kind}: ${e.message}`);
      throw e;
    }
  });
}
