import type ExcelJS from 'exceljs';
import { thresholdLine, verdictLine, type ScoreSheet } from './score-sheet-content.js';
import { lineCount, linesHeight, textWidth } from './text-fit.js';
import { rule, type Block, type Segment } from './xlsx-layout.js';

/** Columns of the score table, in spreadsheet character widths: landscape A4. */
export const SCORE_COLUMNS = [
  { header: 'TT', width: 5 },
  { header: 'Nội dung tiêu chí', width: 50 },
  { header: 'Điểm chuẩn', width: 9 },
  { header: 'Điểm tối thiểu', width: 9 },
  { header: 'Điểm tự chấm', width: 9 },
  { header: 'Điểm Hội đồng chấm', width: 10 },
  { header: 'Tài liệu kiểm chứng', width: 34 },
] as const;
export const SIZE = 12;
export const line = (size: number) => linesHeight(1, size);
const WIDTHS = SCORE_COLUMNS.map((c) => c.width);
const ALL = WIDTHS.reduce((a, b) => a + b, 0);
const LAST = SCORE_COLUMNS.length;

/** The blocks around the score table: header, title and nominee, verdict, signatures. */
export function scoreSheetBlocks(sheet: ScoreSheet): { header: Block[]; title: Block[]; verdict: Block[]; signature: Block[] } {
  const n = sheet.nomination;
  const left = WIDTHS[0]! + WIDTHS[1]!;
  const unitLine = n.unit.toLocaleUpperCase('vi');
  const bold = { size: SIZE, bold: true };
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const para = (text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'left' = 'center'): Segment => ({
    text,
    font,
    horizontal,
    height: linesHeight(lineCount(text, ALL - 4, { size: font.size ?? SIZE, bold: font.bold ?? false }), font.size ?? SIZE),
  });
  const whoLabel = n.kind === 'collective' ? 'Tên tập thể' : 'Họ và tên';
  const where = n.kind === 'individual' ? `Chức vụ, đơn vị công tác: ${n.position ? `${n.position}, ` : ''}${n.unit}` : `Đơn vị: ${n.unit}`;
  const signer = n.kind === 'collective' ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'NGƯỜI TỰ ĐÁNH GIÁ';
  return {
    header: [
      { from: 1, to: 2, segments: [{ text: unitLine, font: bold, height: linesHeight(lineCount(unitLine, left, bold), SIZE) }, rule(0.4 * Math.min(textWidth(unitLine, bold), 200), SIZE)] },
      {
        from: 3,
        to: LAST,
        segments: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', font: bold, height: line(SIZE) - 2 },
          { text: motto, font: { size: 13, bold: true }, height: line(13) - 2 },
          rule(textWidth(motto, { size: 13, bold: true })),
        ],
      },
    ],
    title: [{
      from: 1,
      to: LAST,
      segments: [
        { text: '', font: {}, height: 10 },
        para('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM', { size: 14, bold: true }),
        para(`Đề nghị ${sheet.award?.name ?? n.award} năm ${sheet.year}`, { size: 13, bold: true }),
        para(`(${sheet.campaign.title})`, { size: SIZE, italic: true }),
        { text: '', font: {}, height: 8 },
        para(`${whoLabel}: ${n.name}`, { size: 13, bold: true }, 'left'),
        para(where, { size: SIZE }, 'left'),
        para(`Đối tượng: ${sheet.kindLabel}    Mã hồ sơ: ${n.responseId}`, { size: SIZE }, 'left'),
        { text: '', font: {}, height: 6 },
      ],
    }],
    verdict: [{
      from: 1,
      to: LAST,
      segments: [
        { text: '', font: {}, height: 6 },
        para(thresholdLine(sheet), { size: SIZE, italic: true }, 'left'),
        para(verdictLine(sheet), { size: 13, bold: true, ...(sheet.verdict.passed ? {} : { color: { argb: 'FFC00000' } }) }, 'left'),
        ...(sheet.status ? [para(`Trạng thái xét chọn: ${sheet.status}.`, { size: SIZE }, 'left')] : []),
        { text: '', font: {}, height: 10 },
      ],
    }],
    signature: [
      { from: 1, to: 2, segments: n.kind === 'individual' ? [{ text: 'XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ', font: { size: 13, bold: true }, height: line(13) }, { text: '(Ký, ghi rõ họ tên, đóng dấu)', font: { size: SIZE, italic: true }, height: line(SIZE) }] : [] },
      {
        from: 5,
        to: LAST,
        segments: [
          { text: signer, font: { size: 13, bold: true }, height: line(13) },
          { text: n.kind === 'collective' ? '(Ký, ghi rõ họ tên, đóng dấu)' : '(Ký, ghi rõ họ tên)', font: { size: SIZE, italic: true }, height: line(SIZE) },
          { text: '', font: {}, height: 60 },
          { text: n.kind === 'individual' ? n.name : '……………………', font: { size: 13, bold: true }, height: line(13) },
        ],
      },
    ],
  };
}
