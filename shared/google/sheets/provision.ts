import type { sheets_v4 } from '@googleapis/sheets';
import { STATUS_LABEL } from '../../domain/vocabulary.js';
import { columnLetters } from './a1.js';
import type { TabLayout } from '../../store/layouts.js';

type Request = sheets_v4.Schema$Request;
type Color = sheets_v4.Schema$Color;

/** Rows of a new tab; the store adds more as rows are written. */
export const NEW_TAB_ROWS = 1000;

const HEADER_FILL: Color = { red: 0.851, green: 0.886, blue: 0.953 };
const COMPUTED_FILL: Color = { red: 0.949, green: 0.949, blue: 0.949 };
/** The same colours as the local workbook's conditional formats. */
export const ATTENTION_FILL: Color = { red: 0.973, green: 0.796, blue: 0.678 };
export const COUNCIL_FILL: Color = { red: 1, green: 0.902, blue: 0.6 };

/** Status labels that colour a row, and how (the same rules as the local workbook's). */
export const ROW_COLOURS: Array<[label: string, colour: Color]> = [
  [STATUS_LABEL.ineligible, ATTENTION_FILL],
  [STATUS_LABEL.duplicate, ATTENTION_FILL],
  [STATUS_LABEL['council-decides'], COUNCIL_FILL],
  [STATUS_LABEL['needs-documents'], COUNCIL_FILL],
  [STATUS_LABEL['vote-failed'], ATTENTION_FILL],
  [STATUS_LABEL['awaiting-vote'], COUNCIL_FILL],
];

/** A stable sheet id for a new tab (so the requests of one batch can refer to it), distinct from `taken`. */
export function newSheetId(title: string, taken: ReadonlySet<number>): number {
  let hash = 0x811c9dc5;
  for (const ch of title) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  let id = (hash % 2_000_000_000) + 1;
  while (taken.has(id)) id += 1;
  return id;
}

/**
 * The requests that create one tab as a council member expects it, for one atomic `spreadsheets.batchUpdate`:
 * the tab with its header row frozen, headers written as plain text, column widths, a dropdown on every column that
 * takes a closed set (`choices`: status, appraisal, the council's choice), computed columns shaded and protected
 * (editable only by `editors` — the functions' service account and the CLI's identity — besides the owner and the
 * account that runs this, whom Google always keeps), the header row guarded by a warning, and rows needing attention coloured by
 * their status.
 */
export function provisionRequests(tab: TabLayout, sheetId: number, editorEmails: readonly string[]): Request[] {
  const width = tab.columns.length;
  const editors = editorEmails.length > 0 ? { editors: { users: [...editorEmails] } } : {};
  const requests: Request[] = [
    {
      addSheet: {
        // sized to its columns: every cell of the grid counts towards the spreadsheet's 10 million, empty or not
        properties: { sheetId, title: tab.title, gridProperties: { rowCount: NEW_TAB_ROWS, columnCount: width, frozenRowCount: 1 } },
      },
    },
    // A stringValue is never parsed: the header is stored exactly as written (RAW).
    ...tab.columns.map((c, col): Request => ({
      repeatCell: { range: cells(sheetId, 0, 1, col, col + 1), cell: { userEnteredValue: { stringValue: c.header } }, fields: 'userEnteredValue' },
    })),
    {
      repeatCell: {
        range: cells(sheetId, 0, 1, 0, width),
        cell: { userEnteredFormat: { backgroundColor: HEADER_FILL, textFormat: { bold: true }, wrapStrategy: 'WRAP', verticalAlignment: 'MIDDLE' } },
        fields: 'userEnteredFormat(backgroundColor,textFormat.bold,wrapStrategy,verticalAlignment)',
      },
    },
    ...tab.columns.map((c, col): Request => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: col, endIndex: col + 1 },
        properties: { pixelSize: Math.round(c.width * 7 + 5) },
        fields: 'pixelSize',
      },
    })),
    { addProtectedRange: { protectedRange: { range: cells(sheetId, 0, 1, 0, width), description: `Hàng tiêu đề của "${tab.title}": đổi tên cột sẽ làm công cụ dừng lại`, warningOnly: true } } },
  ];
  for (const [from, to] of computedRuns(tab)) {
    const headers = tab.columns.slice(from, to).map((c) => c.header).join(', ');
    requests.push(
      { repeatCell: { range: cells(sheetId, 1, undefined, from, to), cell: { userEnteredFormat: { backgroundColor: COMPUTED_FILL } }, fields: 'userEnteredFormat.backgroundColor' } },
      { addProtectedRange: { protectedRange: { range: cells(sheetId, 0, undefined, from, to), description: `Cột do công cụ tính: ${headers}`, warningOnly: false, ...editors } } },
    );
  }
  if (tab.readOnly) {
    requests.push({ addProtectedRange: { protectedRange: { range: { sheetId }, description: `"${tab.title}" chỉ đọc`, warningOnly: false, ...editors } } });
  }
  tab.columns.forEach((c, col) => {
    if (c.choices && !c.computed) requests.push(dropdown(sheetId, col, c.choices));
  });
  const status = tab.columns.findIndex((c) => c.key === 'status' && c.choices);
  if (status !== -1) requests.push(...rowColours(sheetId, status, width));
  return requests;
}

function cells(sheetId: number, startRowIndex: number, endRowIndex: number | undefined, startColumnIndex: number, endColumnIndex: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex, ...(endRowIndex === undefined ? {} : { endRowIndex }), startColumnIndex, endColumnIndex };
}

/**
 * Requests that add the missing `editors` to the tool's hard protections of existing tabs (a sheet made before the
 * functions' service account was named, or by someone else): one `updateProtectedRange` per protection lacking one.
 * Warning-only protections take no editors. A protection whose editors Google does not show (the caller is not one of
 * them) cannot be repaired by the caller and is left for `thidua doctor` to report.
 */
export function repairRequests(protections: readonly sheets_v4.Schema$ProtectedRange[], editorEmails: readonly string[]): Request[] {
  if (editorEmails.length === 0) return [];
  return protections.flatMap((p): Request[] => {
    if (p.warningOnly || typeof p.protectedRangeId !== 'number' || !p.editors) return [];
    const have = new Set((p.editors.users ?? []).map((u) => u.toLowerCase()));
    const missing = editorEmails.filter((e) => !have.has(e.toLowerCase()));
    if (missing.length === 0) return [];
    return [{ updateProtectedRange: { protectedRange: { protectedRangeId: p.protectedRangeId, editors: { ...p.editors, users: [...(p.editors.users ?? []), ...missing] } }, fields: 'editors' } }];
  });
}

/** Runs of adjacent computed columns as [from, to) column indexes. */
function computedRuns(tab: TabLayout): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  tab.columns.forEach((c, col) => {
    if (!c.computed) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === col) last[1] = col + 1;
    else runs.push([col, col + 1]);
  });
  return runs;
}

function dropdown(sheetId: number, col: number, choices: readonly string[]): Request {
  return {
    setDataValidation: {
      range: cells(sheetId, 1, undefined, col, col + 1),
      rule: {
        condition: { type: 'ONE_OF_LIST', values: choices.map((label) => ({ userEnteredValue: label })) },
        inputMessage: 'Chọn một giá trị trong danh sách.',
        strict: true,
        showCustomUi: true,
      },
    },
  };
}

function rowColours(sheetId: number, statusCol: number, width: number): Request[] {
  const column = columnLetters(statusCol);
  return ROW_COLOURS.map(([label, colour], index): Request => ({
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: [cells(sheetId, 1, undefined, 0, width)],
        booleanRule: {
          condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=$${column}2="${label.replaceAll('"', '""')}"` }] },
          format: { backgroundColor: colour },
        },
      },
    },
  }));
}
