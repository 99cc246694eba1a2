/**
 * A plan's text as NĐ 30/2020 lays an administrative document out: the heading block (kind of document, summary), the
 * preamble (Căn cứ …, Thực hiện …), then sections numbered I., II. … (MỤC ĐÍCH, YÊU CẦU / NỘI DUNG / TIÊU CHUẨN /
 * HÌNH THỨC KHEN THƯỞNG / TỔ CHỨC THỰC HIỆN), subsections 1., 1.1., a), the recipients (Nơi nhận), the signature, and
 * appendices (PHỤ LỤC) with their tables. Pure.
 */

export interface Paragraph {
  index: number;
  text: string;
  /** Set when the paragraph opens a section: its depth (1 for I., 2 for 1., 3 for 1.1., 4 for a)) and numbering. */
  heading?: { depth: number; number: string };
  /** The headings the paragraph sits under, outermost first (their whole text), the paragraph's own when a heading. */
  path: string[];
  /** Table cells when the line holds a table row (cells separated by tabs). */
  cells?: string[];
  part: 'head' | 'preamble' | 'body' | 'closing' | 'appendix';
}

export interface Outline {
  paragraphs: Paragraph[];
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[.)]\s+\S/;
const NUMBERED = /^(\d{1,2})[.)]\s+\S/;
const SUBNUMBERED = /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+\S/;
const LETTERED = /^([a-zđ])\)\s+\S/;

function headingOf(text: string): Paragraph['heading'] {
  let m = ROMAN.exec(text);
  if (m) return { depth: 1, number: m[1]! };
  m = SUBNUMBERED.exec(text);
  if (m) return { depth: m[1]!.split('.').length + 1, number: m[1]! };
  m = NUMBERED.exec(text);
  if (m) return { depth: 2, number: m[1]! };
  m = LETTERED.exec(text);
  if (m) return { depth: 5, number: m[1]! };
  return undefined;
}

/** Splits a plan's prepared text into paragraphs with their place in the document. */
export function outline(text: string): Outline {
  const lines = text.split('\n').map((l) => l.replace(/^ +| +$/g, '')).filter((l) => l.replace(/\t/g, '').trim().length > 0);
  const paragraphs: Paragraph[] = [];
  const stack: Array<{ depth: number; text: string }> = [];
  let part: Paragraph['part'] = 'head';
  for (const line of lines) {
    const cells = line.includes('\t') ? line.split('\t').map((c) => c.trim()) : undefined;
    if (/^PHỤ LỤC(?!\p{L})/u.test(line)) {
      part = 'appendix';
      stack.length = 0;
    } else if (part !== 'appendix' && /^Nơi nhận(?!\p{L})/iu.test(line)) part = 'closing';
    let heading = cells ? undefined : headingOf(line);
    const afterKind = paragraphs.length > 0 && /^KẾ HOẠCH$/iu.test(paragraphs[paragraphs.length - 1]!.text);
    if (part === 'head' && !afterKind && /^(Căn cứ|Thực hiện|Nhằm|Để|Triển khai)(?!\p{L})/u.test(line) && paragraphs.some((p) => /^KẾ HOẠCH$/iu.test(p.text))) part = 'preamble';
    if (heading && heading.depth === 1 && (part === 'head' || part === 'preamble')) part = 'body';
    if (part === 'head' || part === 'preamble' || part === 'closing') heading = undefined;
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
      stack.push({ depth: heading.depth, text: line });
    }
    paragraphs.push({
      index: paragraphs.length,
      text: line,
      ...(heading ? { heading } : {}),
      path: stack.map((h) => h.text),
      ...(cells ? { cells } : {}),
      part,
    });
  }
  return { paragraphs };
}

/** The sentences of a paragraph (split after . ; ! ? before a capital letter, and at "; "). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“(])|(?<=;)\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
