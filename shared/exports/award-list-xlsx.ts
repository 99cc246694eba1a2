import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { AwardListContent, AwardListEntry } from './award-list-content.js';
import { listBlocks, line, SIZE } from './award-list-blocks.js';
import { DOTS, type AwardListDocument } from './award-list-document.js';
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

/** A list this short never splits across two pages: it is printed one page tall, shrunk a little if need be. */
export const SHORT_LIST = 5;

/**
 * Writes an award list (danh sách) as the attachment (phụ lục) of its decision or submission, laid out as NĐ 30/2020
 * lays out an attachment (decision record 015), with exceljs's streaming writer, committing each row as it goes, so
 * memory stays flat however long the list: the issuing body top left with its short rule, the title block with the
 * reference line "(Kèm theo Quyết định số … ngày … của …)", sections "I. TẬP THỂ (03 tập thể)" / "II. CÁ NHÂN
 * (05 cá nhân)" numbered per section; no signature or "Nơi nhận" (they are the decision's). A4, the decree's margins,
 * one page wide, the table header repeated on every page, the attachment's own page numbers from page 2; a list of
 * one to five names on one page. Writes to `out` (a file, an HTTP response), which it ends.
 */
export async function writeAwardListXlsx(content: AwardListContent, doc: AwardListDocument, out: Writable): Promise<void> {
  const Excel = (await import('exceljs')).default;
  const columns = fitNumbering(columnsFor(content, doc.variant), Math.max(0, ...content.sections.map((s) => s.entries.length)));
  const widths = columns.map((c) => c.width);
  const last = columns.length;
  const blocks = listBlocks(doc, widths);
  const titleRow = 1 + [blocks.header, blocks.title].map(blockRows).flat().length;
  const headHeight = rowHeightFor(columns.map((c) => ({ text: c.header, widthChars: c.width, font: { size: SIZE, bold: true } })), 2 * line(SIZE));
  const orientation = orientationFor(widths);
  const entryHeight = (values: ReadonlyArray<string | number>) =>
    rowHeightFor(values.flatMap((v, k) => (typeof v === 'string' ? [{ text: v, widthChars: widths[k]!, font: { size: SIZE } }] : [])), line(SIZE) + 2);
  const names = content.sections.reduce((n, s) => n + s.entries.length, 0);

  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'thi-dua';
  const ws = wb.addWorksheet('Danh sách', { pageSetup: a4PageSetup(orientation, titleRow, names <= SHORT_LIST), headerFooter: PAGE_NUMBERS, views: [{ showGridLines: false }] });
  ws.columns = widths.map((width) => ({ width }));

  let row = writeBlocks(ws, 1, blocks.header);
  row = writeBlocks(ws, row, blocks.title);
  const headStyle: Partial<ExcelJS.Style> = { font: { name: FONT, size: SIZE, bold: true }, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  writeRow(ws, row++, columns.map((c) => ({ value: c.header, style: headStyle })), headHeight);

  const styles = columns.map((c): Partial<ExcelJS.Style> => ({ font: { name: FONT, size: SIZE }, border: BOX, alignment: { horizontal: c.horizontal, vertical: 'middle', wrapText: true } }));
  if (content.sections.length === 0) row = fullWidthRow(ws, row, last, '(Chưa có tập thể, cá nhân nào trong danh sách.)', { italic: true });
  content.sections.forEach((section) => {
    const label = SECTION[section.kind];
    row = fullWidthRow(ws, row, last, `${label.roman}. ${label.label} (${String(section.entries.length).padStart(2, '0')} ${label.unit})`, { bold: true });
    section.entries.forEach((e, i) => {
      const values = columns.map((c) => c.value(e, i, content));
      writeRow(ws, row, values.map((value, k) => ({ value, style: styles[k]! })), entryHeight(values));
      row += 1;
    });
  });
  ws.commit();
  await wb.commit();
}


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

function fullWidthRow(ws: ExcelJS.Worksheet, row: number, last: number, text: string, font: Partial<ExcelJS.Font>): number {
  const r = ws.getRow(row);
  ws.mergeCells(row, 1, row, last);
  for (let c = 1; c <= last; c++) r.getCell(c).border = BOX;
  const cell = r.getCell(1);
  cell.value = text;
  cell.font = { name: FONT, size: SIZE, ...font };
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  r.height = SECTION_HEIGHT;
  r.commit();
  return row + 1;
}
