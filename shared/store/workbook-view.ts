import { createHash } from 'node:crypto';
import { open as openFile, readFile, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { saveAtomically, type SaveIo } from './atomic-file.js';
import type { TabLayout } from './layouts.js';
import { StoreError, type Cell, type Row } from './table-store.js';
import { FROZEN_HEADER, refreshDropdowns, styleNewTab } from './workbook-style.js';
import { readTable } from './workbook-store.js';

const loadExcel = async () => (await import('exceljs')).default;

/** The mark a view carries in its document properties (keywords): which export of the database it is. */
const MARK = /thidua-view:(\d+)/;

/** Characters XML 1.0 cannot hold (an .xlsx is XML): shown as U+FFFD in the view; the database keeps the real text. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Text XML holds as it is (no control character, no surrogate, no U+FFFE/U+FFFF): the common case, checked fast. */
const XML_SAFE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/;

/** A cell as the view can show it. */
export function viewCell(value: Cell | undefined): Cell {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' && !XML_SAFE.test(value) ? value.replace(NOT_XML, '\uFFFD') : value;
}

const PLAIN: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

/** One tab of the view: its layout and its rows in order. */
export interface ViewTab {
  layout: TabLayout;
  rows: Iterable<Row>;
}

/** How a file looked when last seen: enough to tell, cheaply, that nobody has saved it since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function stampOf(path: string): Promise<FileStamp | undefined> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, sha256: createHash('sha256').update(await readFile(path)).digest('hex') };
  } catch {
    return undefined;
  }
}

/** True when the file is still exactly the one stamped (same size and time; same content when the time moved). */
export async function unchangedSince(path: string, before: FileStamp | undefined): Promise<boolean> {
  if (!before) return false;
  const s = await stat(path).catch(() => undefined);
  if (!s || s.size !== before.size) return false;
  if (s.mtimeMs === before.mtimeMs) return true;
  return (await stampOf(path))?.sha256 === before.sha256;
}

/**
 * Writes the council's workbook from the database: one sheet per tab, styled as a new tab is (frozen bold header,
 * filters, dropdowns, computed columns shaded), streamed row by row, saved atomically with the file's mode kept, and
 * marked with the export's `generation` so a copy saved later from an older view can be told apart.
 */
export async function writeView(path: string, tabs: readonly ViewTab[], generation: number, io?: SaveIo): Promise<void> {
  const Excel = await loadExcel();
  await saveAtomically(
    path,
    async (temp) => {
      const handle = await openFile(temp, 'wx');
      const stream = handle.createWriteStream();
      const writer = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
      (writer as unknown as { keywords: string }).keywords = `thidua-view:${generation}`;
      for (const { layout, rows } of tabs) {
        const ws = writer.addWorksheet(layout.title, { views: [FROZEN_HEADER] }) as unknown as ExcelJS.Worksheet;
        ws.columns = layout.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
        styleNewTab(ws, layout, { viewsGiven: true, shadeByRule: true });
        let count = 1;
        // the cells a per-row dropdown depends on, kept as written: a streamed row cannot be read once committed
        const byRow = layout.columns.flatMap((c) => (c.choicesByRow ? [c.choicesByRow.column] : []));
        const kept = new Map<string, unknown>();
        for (const row of rows) {
          for (const key of byRow) kept.set(`${count + 1}/${key}`, viewCell(row[key]));
          const written = ws.addRow(layout.columns.map((c) => viewCell(row[c.key])));
          // one style object for every cell: exceljs works a style out once per object, not once per cell
          written.eachCell({ includeEmpty: true }, (cell) => (cell.style = PLAIN));
          written.commit();
          count++;
        }
        refreshDropdowns(ws, layout, count, (r, key) => kept.get(`${r}/${key}`));
        (ws as unknown as { commit(): void }).commit();
      }
      await writer.commit();
      if (!stream.closed) await new Promise<void>((resolve, reject) => stream.once('close', () => resolve()).once('error', reject));
    },
    io,
  );
}

/** The view as read back: its export mark, and each tab's rows or why the tab cannot be read (deleted, header changed). */
export interface ReadView {
  generation: number | undefined;
  tabs: Map<string, Row[] | StoreError>;
}

export async function readView(path: string, layouts: readonly TabLayout[]): Promise<ReadView> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new StoreError(`Tệp "${path}" không phải là sổ Excel (.xlsx) đọc được. Dữ liệu vẫn còn nguyên trong cơ sở dữ liệu; xóa hoặc đổi tên tệp hỏng rồi chạy lại lệnh để ghi lại sổ.`, { location: path }, { cause });
  }
  return viewOf(wb, layouts);
}

function viewOf(wb: ExcelJS.Workbook, layouts: readonly TabLayout[]): ReadView {
  const mark = MARK.exec(wb.keywords ?? '')?.[1];
  const tabs = new Map<string, Row[] | StoreError>();
  for (const layout of layouts) {
    try {
      tabs.set(layout.id, readTable(wb, layout));
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      tabs.set(layout.id, error);
    }
  }
  return { generation: mark === undefined ? undefined : Number(mark), tabs };
}

/** A workbook's bytes, loaded (a workbook-only campaign's file, kept in the database at migration). */
export async function loadWorkbookBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
