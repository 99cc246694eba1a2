import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';

/**
 * The layout of an administrative document by Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 portrait, margins top and
 * bottom 20 mm, left 30 mm, right 15 mm (the low ends of 20–25, 30–35 and 15–20 mm), Times New Roman, the body at 14
 * pt, the header's bodies at 13 pt and the motto's first line at 12 pt (NĐ 30: 12–13); the two-column header (issuing body left, the national motto right), the number and symbol under the issuing
 * body, the place and date in italics under the motto; page numbers from page 2, centred at the top; "Nơi nhận"
 * bottom left and the signer's block bottom right. Written with the `docx` package (decision 011).
 */

/** Twips (1/20 pt) per millimetre. */
const MM = 56.6929;
export const PAGE = { width: 11906, height: 16838, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } } as const;
/** Width of the text between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const FONT = 'Times New Roman';
/** Sizes in points. */
export const SIZE = { body: 14, header: 13, small: 12, recipients: 11, table: 12 } as const;

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

/** The header block of a document. */
export interface OfficialHeader {
  /** Upright capitals above the issuing body (the body that governs the issuer); absent when there is none. */
  governingBody?: string;
  /** Bold capitals, one entry per line; a short line is drawn under it. */
  issuingBody: string[];
  /** "Số: 12/TTr-UBND"; absent for a document without a number (an achievement report). */
  numberLine?: string;
  placeAndDate: string;
  /** The appendix form, printed top right in italics: "Mẫu số 08, Nghị định số 98/2023/NĐ-CP". */
  formLabel?: string;
  /** A draft for another authority to issue: "DỰ THẢO" top right. */
  draft?: boolean;
}

export interface SignerBlock {
  /** Bold capitals, one entry per line: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  title: string[];
  /** The signer's full name (bold), or a dotted blank. */
  name: string;
  /** Italic note under the title: "(Ký, ghi rõ họ và tên)". */
  note?: string;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({ text, font: FONT, size: (style.size ?? SIZE.body) * 2, bold: style.bold, italics: style.italics, ...(style.underline ? { underline: {} } : {}) });

type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export interface ParagraphOptions extends RunStyle {
  align?: Align;
  /** First-line indent of a body paragraph (1.27 cm). */
  indent?: boolean;
  before?: number;
  after?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

/** One paragraph of runs (or of one text), 6 pt after by default, single line spacing plus a little. */
export function para(content: string | TextRun[], options: ParagraphOptions = {}): Paragraph {
  const children = typeof content === 'string' ? [run(content, options)] : content;
  return new Paragraph({
    children,
    alignment: ALIGN[options.align ?? 'justify'],
    spacing: { before: (options.before ?? 0) * 20, after: (options.after ?? 6) * 20, line: 276 },
    ...(options.indent ? { indent: { firstLine: 720 } } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

/** A body paragraph: justified, first line indented. */
export const body = (content: string | TextRun[], options: ParagraphOptions = {}) => para(content, { indent: true, ...options });

/** Centred lines (titles, signature blocks). */
export const centred = (content: string | TextRun[], options: ParagraphOptions = {}) => para(content, { align: 'center', after: 0, ...options });

/** A short solid line, `length` twips long, centred in a block `within` twips wide (under the issuing body, the subject). */
function rule(length: number, within: number, after = 6): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({ children: [], alignment: AlignmentType.CENTER, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, indent: { left: side, right: side }, spacing: { before: 0, after: after * 20, line: 120 } });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const SOLID: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID, insideHorizontal: SOLID, insideVertical: SOLID };

/** A two-column table without borders (the header, the signatures): widths in twips. */
function layout(left: FileChild[], right: FileChild[], widths: [number, number]): Table {
  const cell = (children: FileChild[], width: number) => new TableCell({ children: children.length ? (children as Paragraph[]) : [new Paragraph({})], width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
  return new Table({ rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })], width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, borders: NO_BORDERS, layout: TableLayoutType.FIXED });
}

/** The header: issuing body and number left, motto and place/date right (NĐ 30/2020, ô 1–5). */
export function headerBlock(header: OfficialHeader): FileChild[] {
  const widths: [number, number] = [Math.round(TEXT_WIDTH * 0.38), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.38)];
  const left: Paragraph[] = [];
  if (header.governingBody) left.push(centred(header.governingBody, { size: SIZE.header }));
  for (const line of header.issuingBody) left.push(centred(line, { size: SIZE.header, bold: true }));
  left.push(rule(1300, widths[0] - 220));
  if (header.numberLine) left.push(centred(header.numberLine, { size: SIZE.header }));
  const right: Paragraph[] = [
    centred(MOTTO[0], { size: 12, bold: true }),
    centred([run(MOTTO[1], { size: 14, bold: true, underline: true })]),
    centred('', { size: 8, after: 6 }),
    centred(header.placeAndDate, { size: 14, italics: true }),
  ];
  const blocks: FileChild[] = [];
  if (header.formLabel || header.draft) {
    blocks.push(para([run(header.draft ? 'DỰ THẢO' : (header.formLabel ?? ''), { bold: Boolean(header.draft), italics: !header.draft, size: SIZE.small })], { align: 'right', after: 6 }));
  }
  blocks.push(layout(left, right, widths));
  return blocks;
}

/** The document's name and subject, centred bold, with a short line under the subject. */
export function titleBlock(name: string, subject: string[] = []): FileChild[] {
  const lines = [centred(name, { bold: true, before: 18, after: 0 })];
  for (const line of subject) lines.push(centred(line, { bold: true }));
  lines.push(rule(1500, TEXT_WIDTH, 12));
  return lines;
}

/** "Nơi nhận" (bold italic 12 pt, then 11 pt lines) left, the signer's block right. */
export function signatureBlock(recipients: readonly string[] | undefined, signer: SignerBlock): FileChild {
  const left = recipients?.length ? [para([run(recipients[0]!, { bold: true, italics: true, size: SIZE.small })], { align: 'left', after: 0 }), ...recipients.slice(1).map((line) => para(line, { align: 'left', size: SIZE.recipients, after: 0 }))] : [];
  return layout(left, signerCell(signer), [Math.round(TEXT_WIDTH * 0.45), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.45)]);
}

/** Two signers side by side (the minutes: the secretary left, the chair right). */
export function twoSignatures(left: SignerBlock, right: SignerBlock): FileChild {
  return layout(signerCell(left), signerCell(right), [Math.round(TEXT_WIDTH / 2), TEXT_WIDTH - Math.round(TEXT_WIDTH / 2)]);
}

function signerCell(signer: SignerBlock): Paragraph[] {
  return [
    ...signer.title.map((line) => centred(line, { bold: true })),
    ...(signer.note ? [centred(signer.note, { italics: true })] : []),
    ...[1, 2, 3].map(() => centred('')),
    centred(signer.name, { bold: true }),
  ];
}

export interface Column {
  header: string;
  /** Share of the text width. */
  share: number;
  align?: Align;
}

/** A table with a grid: the header row bold, centred; cells 12 pt unless told. */
export function gridTable(columns: readonly Column[], rows: ReadonlyArray<ReadonlyArray<string | { text: string; bold?: boolean }>>, size: number = SIZE.table): Table {
  const widths = columns.map((c) => Math.round(TEXT_WIDTH * c.share));
  const cell = (value: string | { text: string; bold?: boolean }, i: number, head: boolean) => {
    const { text, bold } = typeof value === 'string' ? { text: value, bold: head } : { text: value.text, bold: value.bold ?? head };
    return new TableCell({
      children: text.split('\n').map((line) => para(line, { size, bold, align: head ? 'center' : (columns[i]!.align ?? 'left'), after: 0 })),
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
    });
  };
  return new Table({
    rows: [new TableRow({ children: columns.map((c, i) => cell(c.header, i, true)), tableHeader: true }), ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i, false)), cantSplit: true }))],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    layout: TableLayoutType.FIXED,
  });
}

/** The document: one A4 section, page numbers from page 2 (the first page's header is empty). */
export function officialDocument(title: string, children: FileChild[]): Document {
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header * 2 })] });
  return new Document({
    title,
    creator: 'thi-dua',
    styles: { default: { document: { run: { font: FONT, size: SIZE.body * 2 } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: Math.round(10 * MM), footer: Math.round(10 * MM) } } },
        headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({})] }) },
        children,
      },
    ],
  });
}

/** The .docx bytes. */
export const toBuffer = (document: Document): Promise<Buffer> => Packer.toBuffer(document);

/** Two digits for counts below 10, as official documents write them ("05 tập thể"). */
export const two = (n: number): string => String(n).padStart(2, '0');
