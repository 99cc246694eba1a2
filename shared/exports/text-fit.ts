/**
 * Estimates how Times New Roman text wraps in a spreadsheet column, so that row heights follow wrapped text (a
 * spreadsheet does not grow a row with a fixed height, and printing cuts off what does not fit). Pure; errs on the
 * generous side.
 */

/** Advance widths of Times New Roman, in em, for the base letters (Vietnamese letters take their base letter's width). */
const WIDTHS: Record<string, number> = {
  a: 0.444, b: 0.5, c: 0.444, d: 0.5, e: 0.444, f: 0.333, g: 0.5, h: 0.5, i: 0.278, j: 0.278, k: 0.5, l: 0.278, m: 0.778,
  n: 0.5, o: 0.5, p: 0.5, q: 0.5, r: 0.333, s: 0.389, t: 0.278, u: 0.5, v: 0.5, w: 0.722, x: 0.5, y: 0.5, z: 0.444,
  A: 0.722, B: 0.667, C: 0.667, D: 0.722, E: 0.611, F: 0.556, G: 0.722, H: 0.722, I: 0.333, J: 0.389, K: 0.722, L: 0.611,
  M: 0.889, N: 0.722, O: 0.722, P: 0.556, Q: 0.722, R: 0.667, S: 0.556, T: 0.611, U: 0.722, V: 0.722, W: 0.944, X: 0.722,
  Y: 0.722, Z: 0.611, ' ': 0.25, '\u00a0': 0.25, '.': 0.25, ',': 0.25, ':': 0.278, ';': 0.278, '-': 0.333, '–': 0.5,
  '/': 0.278, '(': 0.333, ')': 0.333, '…': 1, '“': 0.444, '”': 0.444, '"': 0.408,
};
const BOLD = 1.08;
/** Measured on LibreOffice's PDF of Liberation Serif (metric-compatible with Times New Roman): text sets 1.5% narrower. */
const HINTING = 0.985;

export interface FontSpec {
  size: number;
  bold?: boolean;
}

/** Width of a text in points. */
export function textWidth(text: string, font: FontSpec): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : (ch.normalize('NFD')[0] ?? ch);
    em += WIDTHS[base] ?? 0.5;
  }
  return em * font.size * (font.bold ? BOLD : 1) * HINTING;
}

/** Usable width of a column span in points: Excel widths count characters of 7 px, plus 5 px; less the cell's padding. */
export function columnPoints(widthChars: number): number {
  return (widthChars * 7 + 5) * 0.75 - 4;
}

/** Lines the text takes in a column span of `widthChars`, wrapping at spaces (a long word is cut, as spreadsheets do). */
export function lineCount(text: string, widthChars: number, font: FontSpec): number {
  const room = columnPoints(widthChars);
  const space = textWidth(' ', font);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const w = textWidth(word, font);
      if (used > 0 && used + space + w > room) {
        lines += 1;
        used = 0;
      }
      if (w > room) {
        lines += Math.floor(w / room);
        used = w % room;
      } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/** Height in points of `lines` lines of text at a font size (Times line spacing, plus the cell's padding). */
export function linesHeight(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.17 + 4);
}

/** Height a row needs so that each of its cells' texts shows in full. */
export function rowHeightFor(cells: ReadonlyArray<{ text: string; widthChars: number; font: FontSpec }>, minimum = 0): number {
  const needed = cells.map((c) => linesHeight(lineCount(c.text, c.widthChars, c.font), c.font.size));
  return Math.max(minimum, ...needed);
}
