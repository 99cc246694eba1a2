import type { AwardListDocument } from './award-list-document.js';
import { lineCount, linesHeight, textWidth } from './text-fit.js';
import { rule, type Block, type Segment } from './xlsx-layout.js';

/**
 * The blocks above an award list's table, as stacked segments with their heights (pure): the issuing body top left
 * with its short rule (where the seal is stamped over it), and the attachment's title block, centred: "Phụ lục II" when
 * numbered, "DANH SÁCH", the title, the reference line "(Kèm theo …)" and a short rule under it (NĐ 30/2020, Mẫu 2.1).
 * Widths are in spreadsheet characters: the left block spans the first two columns.
 */

export const SIZE = 13;
export const line = (size: number) => linesHeight(1, size);

/** The short rule under the reference line, in points (about 4 cm, as in the decree's model). */
const RULE_UNDER_REFERENCE = 110;

export interface ListBlocks {
  header: Block[];
  title: Block[];
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
  const [heading, ...titles] = doc.title;
  const reference = paragraph(doc.attachedTo, { size: 14, italic: true }, all - 6);
  return {
    header: [{ from: 1, to: 2, segments: left }],
    title: [{
      from: 1,
      to: last,
      segments: [
        { text: '', font: {}, height: 10 },
        ...(doc.appendix ? [{ text: doc.appendix, font: { size: 14, bold: true }, height: line(14) }] : []),
        { text: heading ?? 'DANH SÁCH', font: { size: 14, bold: true }, height: line(14) },
        ...titles.map((text) => paragraph(text, { size: 14, bold: true }, all - 6)),
        reference,
        rule(RULE_UNDER_REFERENCE),
        { text: '', font: {}, height: 12 },
      ],
    }],
  };
}
