import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';

/**
 * Reads a plan's file into text for the draft (shared/plan-draft): Word files with mammoth (tables become rows of
 * tab-separated cells), text PDFs with pdf.js (lines rebuilt from the positions of the text, wide gaps become cell
 * breaks), plain text in UTF-8, UTF-16 or a single-byte legacy encoding (kept byte for byte as Latin-1 characters,
 * which the draft recognises as TCVN3 or VNI). The file edge: everything after it is pure.
 */

export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

export type PlanFormat = 'docx' | 'pdf' | 'txt';

/** The format a plan file is read as, by its extension. */
export function planFormat(file: string): PlanFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.docx' ? 'docx' : ext === '.pdf' ? 'pdf' : ext === '.txt' ? 'txt' : undefined;
}

/** The text of a plan file; a Vietnamese PlanFileError naming the file when it cannot be read. */
export async function readPlanText(file: string): Promise<string> {
  const format = planFormat(file);
  if (!format) throw new PlanFileError(`Tệp "${basename(file)}": chỉ đọc được kế hoạch dạng .docx, .pdf hoặc .txt (tệp .doc cũ: mở bằng Word và lưu lại thành .docx).`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanFileError(code === 'ENOENT' ? `Không tìm thấy tệp "${file}".` : `Không đọc được tệp "${file}" (${code ?? String(error)}).`);
  }
  try {
    if (format === 'txt') return decodeText(bytes);
    if (format === 'docx') return await docxText(bytes);
    return await pdfText(bytes);
  } catch (error) {
    if (error instanceof PlanFileError) throw error;
    const kind = format === 'docx' ? 'Word (.docx)' : 'PDF';
    throw new PlanFileError(`Tệp "${basename(file)}" không phải tệp ${kind} đọc được (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else each byte as its Latin-1 character. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
  );
const stripTags = (s: string) => decodeEntities(s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/** HTML as mammoth writes it → one paragraph a line, each table row a line of tab-separated cells. */
export function htmlToPlanText(html: string): string {
  const withTables = html.replace(/<table[\s\S]*?<\/table>/gi, (table) =>
    [...table.matchAll(/<tr[\s\S]*?<\/tr>/gi)]
      .map((row) => [...row[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((cell) => stripTags(cell[1]!).replace(/\t/g, ' ')).join('\t'))
      .map((line) => `<p>${line.replace(/</g, '&lt;')}</p>`)
      .join(''),
  );
  return withTables
    .split(/<\/(?:p|h[1-6]|li)>/i)
    .map((block) => decodeEntities(block.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '')).replace(/[ \u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return htmlToPlanText(value);
}

interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Lines of a PDF page from its text items: items on the same baseline make a line, left to right; a gap wider than
 * a wide space is a cell break (tab). A table cell that wraps continues on the next lines in its own column: a line
 * with nothing in the table's first column, no cell that is a number alone and not a "Tổng" row is added to the cells
 * above it. Lines join into paragraphs unless the gap above is wider than usual, the previous line ends a sentence
 * and this one starts with a capital, the previous line stops short of the margin or is in capitals, or the line opens a heading, an item or a table row.
 */
export function pdfLines(items: PositionedText[]): string {
  const rows: Array<{ y: number; height: number; items: PositionedText[] }> = [];
  for (const item of items.filter((i) => i.str.trim().length > 0)) {
    const row = rows.find((r) => Math.abs(r.y - item.y) <= Math.max(2, item.height * 0.3));
    if (row) row.items.push(item);
    else rows.push({ y: item.y, height: item.height, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  const lines = rows.map((r) => {
    const sorted = r.items.sort((a, b) => a.x - b.x);
    const cells: Array<{ x: number; text: string }> = [];
    let end = -Infinity;
    for (const it of sorted) {
      const gap = it.x - end;
      const last = cells[cells.length - 1];
      if (!last || gap > Math.max(8, it.height * 0.8)) cells.push({ x: it.x, text: it.str });
      else last.text += gap > it.height * 0.1 && !last.text.endsWith(' ') && !it.str.startsWith(' ') ? ` ${it.str}` : it.str;
      end = it.x + it.width;
    }
    return { y: r.y, right: end, cells: cells.map((c) => ({ x: c.x, text: c.text.trim() })) };
  });
  // wrapped table cells back into their row
  const merged: typeof lines = [];
  for (const line of lines) {
    const row = merged[merged.length - 1];
    const inTable = row && row.cells.length > 1;
    const continues =
      inTable &&
      line.cells[0]!.x > row.cells[0]!.x + 4 &&
      !line.cells.some((c) => /^\d+([.,]\d+)?$/u.test(c.text)) &&
      !/^tổng/iu.test(line.cells[0]!.text) &&
      line.cells.every((c) => row.cells.some((rc) => Math.abs(rc.x - c.x) < 6));
    if (continues) {
      for (const c of line.cells) {
        const target = row.cells.find((rc) => Math.abs(rc.x - c.x) < 6)!;
        target.text += ` ${c.text}`;
      }
      row.y = line.y;
      row.right = Math.max(row.right, line.right);
    } else merged.push(line);
  }
  const texts = merged.map((l) => ({ y: l.y, right: l.right, text: l.cells.map((c) => c.text).join('\t') }));
  const rights = texts.map((l) => l.right).sort((a, b) => a - b);
  const margin = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const gaps = texts.slice(1).map((l, i) => texts[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const out: string[] = [];
  texts.forEach((line, i) => {
    const previous = i > 0 ? texts[i - 1]! : undefined;
    const opens = /^([IVX]+\.|\d+(\.\d+)*\.|[a-zđ]\)|[-–•+]\s|PHỤ LỤC|KẾ HOẠCH|Nơi nhận)/u.test(line.text) || line.text.includes('\t') || !!previous?.text.includes('\t');
    const wide = previous ? previous.y - line.y > usual * 1.35 : true;
    const endsShort = !!previous && previous.right < margin * 0.8;
    const capitals = !!previous && /\p{L}/u.test(previous.text) && previous.text === previous.text.toLocaleUpperCase('vi');
    const newParagraph = !previous || opens || wide || endsShort || capitals || (/[.:;!?]$/u.test(previous.text) && /^\p{Lu}/u.test(line.text));
    if (newParagraph) out.push(line.text);
    else out[out.length - 1] += ` ${line.text}`;
  });
  return out.join('\n');
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items
        .filter((i): i is typeof i & { str: string; transform: number[]; width: number; height: number } => 'str' in i)
        .map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]!, width: i.width, height: i.height || Math.abs(i.transform[3]!) }));
      pages.push(pdfLines(items));
    }
    if (pages.every((p) => p.trim() === '')) throw new PlanFileError('Tệp PDF không có lớp chữ (bản chụp, bản quét): cần bản PDF xuất từ Word, hoặc tệp .docx.');
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}
