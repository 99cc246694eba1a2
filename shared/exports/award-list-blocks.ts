import { DOTS, type AwardListDocument } from './award-list-document.js';
import { lineCount, linesHeight, textWidth } from './text-fit.js';
import { rule, type Block, type Segment } from './xlsx-layout.js';

/**
 * The blocks around an award list's table, as stacked segments with their heights (pure): the two-column header with
 * its rules, the number and date line, the title block, and the signature with "Nơi nhận". Widths are in spreadsheet
 * characters: the left block spans the first two columns, the right block the rest.
 */

export const SIZE = 13;
export const line = (size: number) => linesHeight(1, size);
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface ListBlocks {
  header: Block[];
  numberAndDate: Block[];
  title: Block[];
  signature: Block[];
}

export function listBlocks(doc: AwardListDocument, widths: readonly number[]): ListBlocks {
  const last = widths.length;
  const all = widths.reduce((a, b) => a + b, 0);
  const leftWidth = widths[0]! + widths[1]!;
  const bold = { size: SIZE, bold: true };
  const issuing = doc.issuingBody.join('\n');
  const paragraph = (text: string, font: { size: number; bold?: boolean; italic?: boolean }, width: number): Segment => ({
    text,
    font,
    height: linesHeight(lineCount(text, width, font), font.size),
  });
  const left: Segment[] = [
    ...(doc.governingBody ? [{ ...paragraph(doc.governingBody, { size: SIZE }, leftWidth), height: linesHeight(lineCount(doc.governingBody, leftWidth, { size: SIZE }), SIZE) - 4 }] : []),
    paragraph(issuing, bold, leftWidth),
    rule(0.4 * Math.max(...doc.issuingBody.map((l) => textWidth(l, bold)))),
  ];
  const right: Segment[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', font: bold, height: line(SIZE) - 2 },
    { text: MOTTO, font: { size: 14, bold: true }, height: line(14) - 2 },
    rule(textWidth(MOTTO, { size: 14, bold: true })),
  ];
  const [heading, ...titles] = doc.title;
  const number = paragraph(doc.numberLine, { size: SIZE }, leftWidth);
  return {
    header: [{ from: 1, to: 2, segments: left }, { from: 3, to: last, segments: right }],
    numberAndDate: [
      { from: 1, to: 2, segments: [{ ...number, height: Math.max(number.height, 26), vertical: 'middle' }] },
      { from: 3, to: last, segments: [{ text: doc.placeAndDate, font: { size: 14, italic: true }, height: 26, vertical: 'middle' }] },
    ],
    title: [{
      from: 1,
      to: last,
      segments: [
        { text: '', font: {}, height: 10 },
        { text: heading ?? 'DANH SÁCH', font: { size: 14, bold: true }, height: line(14) },
        ...titles.map((text) => paragraph(text, { size: 14, bold: true }, all - 6)),
        paragraph(doc.attachedTo, { size: 14, italic: true }, all - 6),
        { text: '', font: {}, height: 12 },
      ],
    }],
    signature: [
      { from: 1, to: 2, segments: [{ text: '', font: {}, height: 12 }, ...doc.recipients.map((text, i): Segment => ({ text, font: i === 0 ? { size: 12, bold: true, italic: true } : { size: 11 }, height: line(i === 0 ? 12 : 11), horizontal: 'left' }))] },
      {
        from: 3,
        to: last,
        segments: [
          { text: '', font: {}, height: 12 },
          ...doc.signer.map((text) => ({ text, font: { size: 14, bold: true }, height: line(14) })),
          { text: '', font: {}, height: 72 },
          { text: doc.signerName, font: { size: 14, bold: !doc.signerName.startsWith(DOTS) }, height: line(14) },
        ],
      },
    ],
  };
}
