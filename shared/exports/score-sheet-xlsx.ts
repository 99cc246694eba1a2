import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { PageFill } from './page-fill.js';
import { line, SCORE_COLUMNS, scoreSheetBlocks, SIZE } from './score-sheet-blocks.js';
import type { ScoreSheet } from './score-sheet-content.js';
import { fileSlug, idSlug, uniqueTabNames } from './sheet-names.js';
import { rowHeightFor } from './text-fit.js';
import { a4PageSetup, blockRows, BOX, FONT, orientationFor, PAGE_NUMBERS, writeBlocks, writeRow } from './xlsx-layout.js';

const COLUMNS = SCORE_COLUMNS;
const WIDTHS = COLUMNS.map((c) => c.width);

/**
 * Writes score sheets ("Bảng tự đánh giá, chấm điểm") as one workbook with a tab per nominee (or one tab saying there
 * is none) to `out`.
 */
export async function writeScoreSheetsXlsx(sheets: readonly ScoreSheet[], out: Writable): Promise<void> {
  const Excel = (await import('exceljs')).default;
  const names = uniqueTabNames(sheets.map((s) => s.nomination.name));
  const wb = new Excel.Workbook();
  wb.creator = 'thi-dua';
  sheets.forEach((sheet, i) => fillScoreSheet(wb.addWorksheet(names[i]!, sheetOptions()), sheet));
  if (sheets.length === 0) wb.addWorksheet('Không có hồ sơ');
  await wb.xlsx.write(out);
}

/**
 * The file name of one nominee's own score sheet: its responseId and name, made safe for every file system (lower-case
 * ASCII letters, digits and dashes); a responseId the slug would change also gets a short hash of itself, so ids that
 * differ only in case or punctuation get different names. Unique across a set: `uniqueFileNames`, the job's concern.
 */
export const scoreSheetFileName = (sheet: ScoreSheet): string => `${idSlug(sheet.nomination.responseId)}-${fileSlug(sheet.nomination.name)}.xlsx`;

const sheetOptions = (): Partial<ExcelJS.AddWorksheetOptions> => ({ headerFooter: PAGE_NUMBERS, views: [{ showGridLines: false }] });

/** Fills one worksheet with one nominee's score sheet; the totals, verdict and signatures stay on one page. */
export function fillScoreSheet(ws: ExcelJS.Worksheet, sheet: ScoreSheet): void {
  ws.columns = WIDTHS.map((width) => ({ width }));
  const blocks = scoreSheetBlocks(sheet);
  const bold = { size: SIZE, bold: true };
  const orientation = orientationFor(WIDTHS);
  let row = writeBlocks(ws, 1, blocks.header);
  row = writeBlocks(ws, row, blocks.title);
  const titleRow = row;
  Object.assign(ws.pageSetup, a4PageSetup(orientation, titleRow));
  const headHeight = rowHeightFor(COLUMNS.map((c) => ({ text: c.header, widthChars: c.width, font: bold })), 2 * line(SIZE));
  const pages = new PageFill(orientation, headHeight);
  pages.add(sum([...blockRows(blocks.header), ...blockRows(blocks.title), headHeight]));
  const head: Partial<ExcelJS.Style> = { font: { name: FONT, size: SIZE, bold: true }, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  writeRow(ws, row++, COLUMNS.map((c) => ({ value: c.header, style: head })), headHeight);
  const style = (horizontal: 'center' | 'left', extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: SIZE, ...extra },
    border: BOX,
    alignment: { horizontal, vertical: 'middle', wrapText: true },
  });
  const below = { color: { argb: 'FFC00000' }, bold: true };
  let lastHeight = 0;
  for (const r of sheet.rows) {
    const short = r.meetsMin === false;
    const cells = [
      { value: Number(r.number), style: style('center') },
      { value: r.text, style: style('left') },
      { value: r.rating?.max ?? r.max, style: style('center') },
      { value: r.rating?.min ?? r.min, style: style('center') },
      { value: r.rating ? 'Hội đồng đánh giá' : (r.self ?? null), style: style('center', short && sheet.basis === 'self' ? below : {}) },
      { value: r.rating ? (r.rating.council ?? null) : (r.council ?? null), style: style('center', short && sheet.basis === 'council' ? below : {}) },
      { value: r.evidence, style: style('left') },
    ];
    lastHeight = rowHeightFor([1, 6].map((k) => ({ text: String(cells[k]!.value ?? ''), widthChars: WIDTHS[k]!, font: { size: SIZE } })), line(SIZE) + 2);
    pages.add(lastHeight);
    writeRow(ws, row++, cells, lastHeight);
  }
  // Totals, verdict and signatures travel together; when they do not fit under the table, the last criterion goes with them.
  // a campaign without points (every criterion rated) prints the council's ratings and no invented total
  const totalHeight = sheet.rated ? 0 : TOTAL_HEIGHT;
  const closing = totalHeight + sum(blockRows(blocks.verdict)) + sum(blockRows(blocks.signature));
  if (sheet.rows.length > 1 && !pages.fits(closing) && pages.fitsOnNextPage(lastHeight + closing)) ws.getRow(row - 2).addPageBreak();
  const total = style('center', { bold: true });
  if (sheet.rated) {
    row = writeBlocks(ws, row, blocks.verdict);
    writeBlocks(ws, row, blocks.signature);
    return;
  }
  writeRow(ws, row, [
    { value: 'Tổng cộng', style: total },
    { value: null, style: total },
    { value: sheet.totals.max, style: total },
    { value: null, style: total },
    { value: sheet.totals.self ?? null, style: total },
    { value: sheet.totals.council ?? null, style: total },
    { value: null, style: total },
  ], TOTAL_HEIGHT);
  ws.mergeCells(row, 1, row, 2);
  row = writeBlocks(ws, row + 1, blocks.verdict);
  writeBlocks(ws, row, blocks.signature);
}

const TOTAL_HEIGHT = line(SIZE) + 4;
const sum = (heights: readonly number[]) => heights.reduce((a, b) => a + b, 0);
