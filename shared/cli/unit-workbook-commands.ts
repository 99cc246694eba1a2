import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { toVietnamIso } from '../domain/dates.js';
import { CAMPAIGN_CELL_LABEL, columnOfHeader, GUIDE_SHEET, UNIT_SHEET, unitColumns, unitRowToPayload, type UnitCell } from '../forms/unit-workbook.js';
import { writeUnitWorkbook } from '../forms/unit-workbook-xlsx.js';
import { intake } from '../jobs/intake.js';
import type { StoreOptions } from './commands.js';
import type { CliContext } from './context.js';
import { fileProblem } from './file-problems.js';
import { saveFile } from './files.js';
import { describeOutcomeBySource, intakeSummary } from './intake-report.js';
import { EXIT, UsageError } from './io.js';
import { campaignFor, openRepository } from './open-repository.js';
import { readRecords } from './read-records.js';

/** `thidua form workbook <campaign> [--out FILE]`: the nomination workbook units without Google Forms fill offline. */
export async function formWorkbookCommand(ctx: CliContext, campaignId: string, out: string | undefined): Promise<number> {
  const campaign = await campaignFor(ctx, campaignId);
  const path = out ?? join('out', campaign.id, `ho-so-de-nghi-${campaign.id}.xlsx`);
  await saveFile({ name: basename(path), write: (stream) => writeUnitWorkbook(campaign, stream) }, path);
  ctx.io.stdout.write(`Đã tạo sổ đề nghị cho các đơn vị: ${path}\nGửi tệp này cho các đơn vị; khi nhận lại, tiếp nhận bằng: thidua intake <tệp đơn vị gửi>.xlsx\n`);
  return EXIT.ok;
}

/** A row of a unit's file: its line (or sheet row) and its cells by contract field. */
interface UnitRow {
  line: number;
  cells: Map<string, UnitCell>;
}

/**
 * `thidua intake <unit file.xlsx|csv>`: a unit's filled nomination workbook (or a CSV of the same columns), each row
 * taken in like a form response, with the same findings; a refused row is named by its file, row and nominee.
 */
export async function intakeUnitFileCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  const repo = await openRepository(ctx, options);
  const columns = unitColumns(repo.campaign);
  const rows = extname(file).toLowerCase() === '.xlsx' ? await readUnitWorkbook(file, repo.campaign.id, columns) : await readUnitCsv(file, columns);
  const submittedAt = toVietnamIso(ctx.now());
  const submissions = rows.map((r) => ({ payload: unitRowToPayload(repo.campaign, r.cells, submittedAt), source: `${file}, hàng ${r.line}` }));
  const outcomes = await intake(repo, submissions, ctx.now());
  for (const [i, o] of outcomes.entries()) ctx.io.stdout.write(describeOutcomeBySource(o, submissions[i]!.source, submissions[i]!.payload));
  ctx.io.stdout.write(intakeSummary(outcomes));
  return outcomes.some((o) => o.kind === 'rejected') ? EXIT.rejectedOrMisuse : EXIT.ok;
}

async function readUnitCsv(file: string, columns: ReturnType<typeof unitColumns>): Promise<UnitRow[]> {
  const records = await readRecords(file, (h) => columnOfHeader(columns, h)?.field ?? h, undefined, {
    columns: columns.map((c) => ({ key: c.field, header: c.header })),
    hint: 'Nếu đây là câu trả lời biểu mẫu Google tải về, cột đầu tiên phải là "Dấu thời gian" (tải lại từ trang câu trả lời của biểu mẫu).',
  });
  return records.map(({ line, record }) => ({ line, cells: new Map(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' || typeof v === 'number' ? v : null])) }));
}

async function readUnitWorkbook(file: string, campaignId: string, columns: ReturnType<typeof unitColumns>): Promise<UnitRow[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new UsageError(fileProblem(file, cause));
  }
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UsageError(`Tệp "${file}" không phải sổ Excel (.xlsx) đọc được. Hãy mở bằng Excel và lưu lại dạng "Sổ làm việc Excel (.xlsx)".`);
  }
  const guide = wb.getWorksheet(GUIDE_SHEET);
  let fileCampaign: string | undefined;
  guide?.eachRow((row) => {
    if (cellText(row.getCell(1).value) === CAMPAIGN_CELL_LABEL) fileCampaign = cellText(row.getCell(2).value);
  });
  if (fileCampaign && fileCampaign !== campaignId) throw new UsageError(`Tệp "${file}" là sổ đề nghị của phong trào "${fileCampaign}", không phải "${campaignId}". Hãy tiếp nhận vào đúng sổ (--campaign ${fileCampaign}).`);
  const ws = wb.getWorksheet(UNIT_SHEET);
  if (!ws) throw new UsageError(`Tệp "${file}" không có trang tính "${UNIT_SHEET}". Hãy dùng sổ đề nghị tạo bằng "thidua form workbook", không đổi tên trang.`);
  const byColumn = new Map<number, string>();
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, n) => {
    const header = cellText(cell.value);
    headers.push(header);
    const column = columnOfHeader(columns, header);
    if (column) byColumn.set(n, column.field);
  });
  if (byColumn.size === 0) throw new UsageError(`Tệp "${file}", trang "${UNIT_SHEET}": không nhận ra hàng tiêu đề (hàng 1). Các cột cần có: ${columns.map((c) => `"${c.header}"`).join(', ')}.`);
  const rows: UnitRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = new Map<string, UnitCell>();
    for (const [col, field] of byColumn) {
      const value = cellOf(row.getCell(col).value);
      if (value !== null && value !== '') cells.set(field, value);
    }
    if (cells.size > 0) rows.push({ line: n, cells });
  });
  return rows;
}

/** A cell as the contract reads it: a number, a date, or text (a link's address rather than its caption). */
function cellOf(value: ExcelJS.CellValue): UnitCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'object' && 'hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink.replace(/^mailto:/, '');
  if (typeof value === 'object' && 'result' in value) return cellOf(value.result as ExcelJS.CellValue);
  return cellText(value);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}
