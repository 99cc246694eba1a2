import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { formatOfficialDate } from '../domain/dates.js';
import { saveAtomically, type SaveIo } from './atomic-file.js';
import type { TabLayout } from './layouts.js';
import { StoreError, type Cell, type Row, type TableStore, type TableWrite } from './table-store.js';
import { refreshDropdowns, restoreTabStyle, styleNewTab } from './workbook-style.js';

const loadExcel = async () => (await import('exceljs')).default;

/**
 * The xlsx-only store: a local .xlsx workbook standing in for the council's Google Sheet, read and rewritten whole.
 * Every write is saved atomically (temporary file, fsync, the file's mode kept, rename; the temporary file removed if
 * anything fails), so a crash never leaves a half-written file, and writes within one process are serialised. Kept
 * as the xlsx-only store (`THIDUA_EMBEDDED=xlsx`, the benchmark's reference) and as the reader of the council's view.
 */
export class WorkbookStore implements TableStore {
  private queue: Promise<unknown> = Promise.resolve();
  private jobs: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    /** The file-system calls of a save (a test passes failing ones). */
    private readonly io?: SaveIo,
  ) {}

  ensureTabs(tabs: TabLayout[]): Promise<void> {
    return this.serial(async () => {
      const wb = existsSync(this.path) ? await this.load() : new (await loadExcel()).Workbook();
      let changed = !existsSync(this.path);
      for (const tab of tabs) {
        const existing = wb.getWorksheet(tab.title);
        if (existing) {
          if (restoreTabStyle(existing, tab)) changed = true;
          continue;
        }
        const ws = wb.addWorksheet(tab.title);
        ws.columns = tab.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
        styleNewTab(ws, tab);
        changed = true;
      }
      if (changed) await this.save(wb);
    });
  }

  readTabs(tabs: TabLayout[]): Promise<Map<string, Row[]>> {
    return this.serial(async () => {
      const wb = await this.load();
      return new Map(tabs.map((tab) => [tab.id, readTable(wb, tab)]));
    });
  }

  write(batch: TableWrite[]): Promise<void> {
    return this.serial(async () => {
      const wb = await this.load();
      for (const w of batch) {
        const ws = worksheet(wb, w.tab);
        const columns = columnIndex(ws, w.tab);
        if ('append' in w) for (const row of w.append) ws.addRow(toValues(row, columns));
        else if ('replaceAll' in w) {
          // exceljs's spliceRows(2, n) on a loaded sheet moves nothing and deletes nothing: remove rows from the bottom
          while (ws.rowCount > 1) ws.spliceRows(ws.rowCount, 1);
          for (const row of w.replaceAll) ws.addRow(toValues(row, columns));
        } else updateByKey(ws, w.tab, columns, w.updateByKey);
        refreshDropdowns(ws, w.tab);
        restoreTabStyle(ws, w.tab);
      }
      await this.save(wb);
    });
  }

  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.jobs.then(job, job);
    this.jobs = run.catch(() => undefined);
    return run;
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<ExcelJS.Workbook> {
    if (!existsSync(this.path)) {
      throw new StoreError(`Chưa có sổ làm việc "${this.path}". Hãy tạo bằng lệnh: thidua init <mã phong trào> --store ${this.path}`, { location: this.path });
    }
    const wb = new (await loadExcel()).Workbook();
    try {
      // exceljs types its own Buffer; Node's is what it reads at run time.
      await wb.xlsx.load((await readFile(this.path)) as unknown as ExcelJS.Buffer);
    } catch (cause) {
      throw new StoreError(`Tệp "${this.path}" không phải là sổ Excel (.xlsx) đọc được.`, { location: this.path }, { cause });
    }
    return wb;
  }

  private async save(wb: ExcelJS.Workbook): Promise<void> {
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await saveAtomically(this.path, (temp) => writeFile(temp, buffer), this.io);
  }
}

function worksheet(wb: ExcelJS.Workbook, tab: TabLayout): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(tab.title);
  if (!ws) throw new StoreError(`Không tìm thấy trang tính "${tab.title}" (có thể đã bị đổi tên hoặc xóa).`, { tab: tab.title });
  return ws;
}

/** Maps each layout column to its column number by header text, so columns moved by hand still work. */
function columnIndex(ws: ExcelJS.Worksheet, tab: TabLayout): Map<string, number> {
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(cellText(cell.value).trim(), col));
  const index = new Map<string, number>();
  for (const c of tab.columns) {
    const col = headers.get(c.header);
    if (col === undefined) throw new StoreError(`Trang tính "${tab.title}" thiếu cột "${c.header}" ở hàng tiêu đề (hàng 1).`, { tab: tab.title, cell: '1' });
    index.set(c.key, col);
  }
  return index;
}

export function readTable(wb: ExcelJS.Workbook, tab: TabLayout): Row[] {
  const ws = worksheet(wb, tab);
  const columns = columnIndex(ws, tab);
  const rows: Row[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const row: Row = {};
    let empty = true;
    for (const [key, col] of columns) {
      const value = cellValue(r.getCell(col).value);
      if (value !== null && value !== '') empty = false;
      row[key] = value;
    }
    if (!empty) rows.push(Object.assign(row, { __row: n }));
  });
  return rows;
}

function updateByKey(ws: ExcelJS.Worksheet, tab: TabLayout, columns: Map<string, number>, rows: Row[]): void {
  if (!tab.key) throw new StoreError(`Trang tính "${tab.title}" không có cột khóa.`, { tab: tab.title });
  const keyCol = columns.get(tab.key)!;
  const rowByKey = new Map<string, number>();
  ws.eachRow((r, n) => {
    if (n > 1) rowByKey.set(cellText(r.getCell(keyCol).value), n);
  });
  for (const row of rows) {
    const n = rowByKey.get(String(row[tab.key]));
    if (n === undefined) {
      ws.addRow(toValues(row, columns));
      continue;
    }
    const target = ws.getRow(n);
    for (const [key, value] of Object.entries(row)) {
      const col = columns.get(key);
      if (col !== undefined) target.getCell(col).value = value;
    }
  }
}

function toValues(row: Row, columns: Map<string, number>): Cell[] {
  const values: Cell[] = [];
  for (const [key, col] of columns) values[col - 1] = row[key] ?? null;
  return values;
}

/** A cell's value as the store sees it: text, number or empty; rich text, links and formula results flattened. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result as ExcelJS.CellValue);
  return cellText(value);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

/**
 * A date cell as the council sees it. exceljs reads the cell's wall clock as if it were UTC, so a date typed as
 * 20/09/2024 comes as 2024-09-20T00:00:00Z: a day alone reads "20/9/2024" (NĐ 30's style, `formatOfficialDate`), as the codecs write dates; a day with a time
 * reads "2024-09-20T08:30:00", a wall-clock time without a zone, which the contract takes as Vietnam time.
 */
function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return formatOfficialDate(iso.slice(0, 10));
  return iso.slice(0, 19);
}
