import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { AwardListContent, AwardListEntry } from './award-list-content.js';
import { listBlocks, line, SIZE } from './award-list-blocks.js';
import { DOTS, type AwardListDocument } from './award-list-document.js';
import { PageFill } from './page-fill.js';
import { rowHeightFor, textWidth } from './text-fit.js';
import { a4PageSetup, blockRows, BOX, FONT, orientationFor, PAGE_NUMBERS, writeBlocks, writeRow } from './xlsx-layout.js';

interface ListColumn {
  header: string;
  width: number;
  horizontal: 'center' | 'left';
  value: (e: AwardListEntry, i: number, content: AwardListContent) => string | number;
}

const STT: ListColumn = { header: 'STT', width: 6, horizontal: 'center', value: (_, i) => i + 1 };
const NOTE: ListColumn = { header: 'Ghi chú', width: 9, horizontal: 'left', value: (e) => e.note };
const NAME = 'Họ và tên / Tên tập thể';
const name = (width: number): ListColumn => ({ header: NAME, width, horizontal: 'left', value: (e) => e.name });
const unit = (width: number): ListColumn => ({ header: 'Chức vụ, đơn vị công tác', width, horizontal: 'left', value: (e) => e.positionAndUnit });

/** Decision list: names and units only, portrait. Proposal list: points, award proposed, earlier award, landscape. */
export const LIST_COLUMNS: Record<AwardListDocument['variant'], ListColumn[]> = {
  decision: [STT, name(29), unit(42), NOTE],
  proposal: [
    STT,
    name(26),
    unit(32),
    { header: 'Tổng điểm', width: 8, horizontal: 'center', value: (e) => e.total },
    { header: 'Hình thức khen thưởng đề nghị', width: 21, horizontal: 'left', value: (_, __, c) => c.award.name },
    { header: 'Khen thưởng đã đạt (số, ngày quyết định)', width: 28, horizontal: 'left', value: (e) => e.earlierAward ?? DOTS },
    NOTE,
  ],
};

/** A campaign rated by the council prints its rating, never an invented total of points. */
export function columnsFor(content: Pick<AwardListContent, 'rated'>, variant: AwardListDocument['variant']): ListColumn[] {
  if (!content.rated) return LIST_COLUMNS[variant];
  return LIST_COLUMNS[variant].map((c) => (c.header === 'Tổng điểm' ? { header: 'Kết quả Hội đồng đánh giá', width: 14, horizontal: 'left', value: (e) => e.rating ?? '' } : c));
}

const SECTION = { collective: { roman: 'I', label: 'TẬP THỂ', unit: 'tập thể' }, individual: { roman: 'II', label: 'CÁ NHÂN', unit: 'cá nhân' } } as const;
const SECTION_HEIGHT = line(SIZE) + 4;

/**
 * Writes an award list (danh sách) in the layout of NĐ 30/2020 with exceljs's streaming writer, committing each row as
 * it goes, so memory stays flat however long the list: two-column header with its short rules, title block, sections
 * "I. TẬP THỂ (03 tập thể)" / "II. CÁ NHÂN (05 cá nhân)" numbered per section, signature block right and "Nơi nhận"
 * left; A4, the decree's margins, one page wide, the table header repeated on every page, page numbers from page 2,
 * and the signature kept on one page with the last row of the table. Writes to `out` (a file, an HTTP response), which
 * it ends.
 */
export async function writeAwardListXlsx(content: AwardListContent, doc: AwardListDocument, out: Writable): Promise<void> {
  const Excel = (await import('exceljs')).default;
  const columns = fitNumbering(columnsFor(content, doc.variant), Math.max(0, ...content.sections.map((s) => s.entries.length)));
  const widths = columns.map((c) => c.width);
  const last = columns.length;
  const blocks = listBlocks(doc, widths);
  const above = [blocks.header, blocks.numberAndDate, blocks.title].map(blockRows);
  const titleRow = 1 + above.flat().length;
  const headHeight = rowHeightFor(columns.map((c) => ({ text: c.header, widthChars: c.width, font: { size: SIZE, bold: true } })), 2 * line(SIZE));
  const orientation = orientationFor(widths);
  const entryHeight = (values: ReadonlyArray<string | number>) =>
    rowHeightFor(values.flatMap((v, k) => (typeof v === 'string' ? [{ text: v, widthChars: widths[k]!, font: { size: SIZE } }] : [])), line(SIZE) + 2);
  const breakAt = signatureBreak(content, columns, entryHeight, { orientation, headHeight, above: sum(above.flat()), signature: sum(blockRows(blocks.signature)) });

  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'thi-dua';
  const ws = wb.addWorksheet('Danh sách', { pageSetup: a4PageSetup(orientation, titleRow), headerFooter: PAGE_NUMBERS, views: [{ showGridLines: false }] });
  ws.columns = widths.map((width) => ({ width }));

  let row = writeBlocks(ws, 1, blocks.header);
  row = writeBlocks(ws, row, blocks.numberAndDate);
  row = writeBlocks(ws, row, blocks.title);
  const headStyle: Partial<ExcelJS.Style> = { font: { name: FONT, size: SIZE, bold: true }, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  writeRow(ws, row++, columns.map((c) => ({ value: c.header, style: headStyle })), headHeight);

  const styles = columns.map((c): Partial<ExcelJS.Style> => ({ font: { name: FONT, size: SIZE }, border: BOX, alignment: { horizontal: c.horizontal, vertical: 'middle', wrapText: true } }));
  // Rows are committed as they are written, so the page break is set on the row that precedes the ones that move.
  const breakAfter = breakAt === undefined ? -1 : titleRow + breakAt;
  if (content.sections.length === 0) row = fullWidthRow(ws, row, last, '(Chưa có tập thể, cá nhân nào trong danh sách.)', { italic: true }, false);
  content.sections.forEach((section) => {
    const label = SECTION[section.kind];
    row = fullWidthRow(ws, row, last, `${label.roman}. ${label.label} (${String(section.entries.length).padStart(2, '0')} ${label.unit})`, { bold: true }, row === breakAfter);
    section.entries.forEach((e, i) => {
      const values = columns.map((c) => c.value(e, i, content));
      writeRow(ws, row, values.map((value, k) => ({ value, style: styles[k]! })), entryHeight(values), row === breakAfter);
      row += 1;
    });
  });
  writeBlocks(ws, row, blocks.signature);
  ws.commit();
  await wb.commit();
}

/**
 * Where to break the page so that the signature block does not stand alone on the last page (or split across two):
 * when it does not fit under the last row, the last row (with its section heading, if it opens the section) moves
 * to the next page with it. Returns how many table rows (headings and entries, after the header row) stay before the
 * break. A first pass over the heights only, so a long list is not held twice.
 */
function signatureBreak(
  content: AwardListContent,
  columns: readonly ListColumn[],
  entryHeight: (values: ReadonlyArray<string | number>) => number,
  sizes: { orientation: 'portrait' | 'landscape'; headHeight: number; above: number; signature: number },
): number | undefined {
  const pages = new PageFill(sizes.orientation, sizes.headHeight);
  pages.add(sizes.above + sizes.headHeight);
  let rows = 0;
  let moving = { from: 0, height: 0 };
  for (const section of content.sections) {
    section.entries.forEach((e, i) => {
      const height = entryHeight(columns.map((c) => c.value(e, i, content)));
      if (i === 0) pages.add(SECTION_HEIGHT);
      pages.add(height);
      moving = { from: rows, height: i === 0 ? SECTION_HEIGHT + height : height };
      rows += i === 0 ? 2 : 1;
    });
  }
  if (rows === 0 || pages.fits(sizes.signature)) return undefined;
  return moving.from > 0 && pages.fitsOnNextPage(moving.height + sizes.signature) ? moving.from : undefined;
}

const sum = (heights: readonly number[]) => heights.reduce((a, b) => a + b, 0);

/**
 * Widens the STT column for long lists (a number that does not fit shows as "####", it never wraps), taking the width
 * from the name column so the table keeps its page width.
 */
function fitNumbering(columns: readonly ListColumn[], count: number): ListColumn[] {
  const digits = String(count).length;
  const needed = Math.ceil(((textWidth('0'.repeat(digits), { size: SIZE }) + 6) / 0.75 - 5) / 7);
  const extra = Math.max(0, needed - STT.width);
  return columns.map((c) => (c === STT ? { ...c, width: c.width + extra } : c.header === NAME ? { ...c, width: c.width - extra } : c));
}

function fullWidthRow(ws: ExcelJS.Worksheet, row: number, last: number, text: string, font: Partial<ExcelJS.Font>, pageBreakAfter: boolean): number {
  const r = ws.getRow(row);
  ws.mergeCells(row, 1, row, last);
  for (let c = 1; c <= last; c++) r.getCell(c).border = BOX;
  const cell = r.getCell(1);
  cell.value = text;
  cell.font = { name: FONT, size: SIZE, ...font };
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  r.height = SECTION_HEIGHT;
  if (pageBreakAfter) r.addPageBreak();
  r.commit();
  return row + 1;
}
