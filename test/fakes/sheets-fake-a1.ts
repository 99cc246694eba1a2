/**
 * A1-notation parsing and formatting for the Sheets fake.
 *
 * Indices are 0-based; `end*` bounds are exclusive. An `undefined` end means
 * "to the edge of the grid" (e.g. the end row of `A2:F`, both ends of a whole-sheet range).
 */

/** A range reference with its sheet part split off; bounds not yet resolved against a grid. */
export interface A1Ref {
  /** Sheet title as written (quotes removed, `''` unescaped); undefined when the range names no sheet. */
  sheetName: string | undefined;
  startRow: number;
  endRow: number | undefined;
  startCol: number;
  endCol: number | undefined;
  /** True for a single-cell reference such as `B3` (writes may spill past it). */
  singleCell: boolean;
}

/** Column letters → 0-based index (`A` → 0, `AA` → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based index → column letters (0 → `A`, 26 → `AA`). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

const CELL_PART = /^([A-Za-z]{0,3})(\d*)$/;

/** Parses the part after `!` (`A1`, `A1:C3`, `A:C`, `A2:F`, `2:5`); undefined if it is not valid A1. */
export function parseCellRef(ref: string): Omit<A1Ref, 'sheetName'> | undefined {
  const parts = ref.split(':');
  if (parts.length > 2) return undefined;
  const first = CELL_PART.exec(parts[0] ?? '');
  if (!first) return undefined;
  const [, c1 = '', r1 = ''] = first;
  if ((c1 === '' && r1 === '') || (r1 !== '' && Number(r1) < 1)) return undefined;
  if (parts.length === 1) {
    if (c1 === '' || r1 === '') return undefined; // `A` or `5` alone is not a range
    const row = Number(r1) - 1;
    const col = columnIndex(c1);
    return { startRow: row, endRow: row + 1, startCol: col, endCol: col + 1, singleCell: true };
  }
  const second = CELL_PART.exec(parts[1] ?? '');
  if (!second) return undefined;
  const [, c2 = '', r2 = ''] = second;
  if ((c2 === '' && r2 === '') || (r2 !== '' && Number(r2) < 1)) return undefined;
  // Row-only ranges (`2:5`) need rows on both sides; otherwise both sides need a column.
  const rowOnly = c1 === '' && c2 === '';
  if (rowOnly ? r1 === '' || r2 === '' : c1 === '' || c2 === '') return undefined;

  let startRow = r1 === '' ? 0 : Number(r1) - 1;
  let endRow = r2 === '' ? undefined : Number(r2);
  let startCol = c1 === '' ? 0 : columnIndex(c1);
  let endCol = c2 === '' ? undefined : columnIndex(c2) + 1;
  // Google normalises reversed corners (`C3:A1` is `A1:C3`).
  if (endRow !== undefined && endRow <= startRow) [startRow, endRow] = [endRow - 1, startRow + 1];
  if (endCol !== undefined && endCol <= startCol) [startCol, endCol] = [endCol - 1, startCol + 1];
  return { startRow, endRow, startCol, endCol, singleCell: false };
}

/**
 * Splits `'It''s'!A1:B2`, `Sheet1!A:C`, `'Kết quả'` or `A1:B2` into sheet name and cell part.
 * Returns `ref: undefined` for a bare name (which may be a sheet title or a cell reference).
 */
export function splitSheetName(range: string): { sheetName: string | undefined; ref: string | undefined } | undefined {
  if (range.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= range.length) return undefined; // unterminated quote
      const ch = range[i];
      if (ch === "'") {
        if (range[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    const rest = range.slice(i + 1);
    if (rest === '') return { sheetName: name, ref: undefined };
    if (!rest.startsWith('!')) return undefined;
    return { sheetName: name, ref: rest.slice(1) };
  }
  const bang = range.lastIndexOf('!');
  if (bang === -1) return { sheetName: undefined, ref: range };
  return { sheetName: range.slice(0, bang), ref: range.slice(bang + 1) };
}

/** Quotes a sheet title the way Google echoes it in ranges (`Sheet1` bare, `'Hồ sơ'` / `'It''s'` quoted). */
export function quoteSheetName(title: string): string {
  const plain = /^[A-Za-z0-9_]+$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title) && !/^R\d*C\d*$/i.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

/** Formats a resolved rectangle as `Sheet!A1:C3` (or `Sheet!B2` for a single cell). */
export function formatRange(title: string, rect: { startRow: number; endRow: number; startCol: number; endCol: number }): string {
  const start = `${columnLetters(rect.startCol)}${rect.startRow + 1}`;
  const end = `${columnLetters(rect.endCol - 1)}${rect.endRow}`;
  return `${quoteSheetName(title)}!${start === end ? start : `${start}:${end}`}`;
}

/** Formats a possibly open-ended reference for error messages (`Sheet1!A2:F`, `'Kết quả'`). */
export function formatRef(title: string, ref: Omit<A1Ref, 'sheetName'>): string {
  const sheet = quoteSheetName(title);
  if (ref.singleCell) return `${sheet}!${columnLetters(ref.startCol)}${ref.startRow + 1}`;
  if (ref.endRow === undefined && ref.endCol === undefined && ref.startRow === 0 && ref.startCol === 0) return sheet;
  const end = `${ref.endCol === undefined ? '' : columnLetters(ref.endCol - 1)}${ref.endRow ?? ''}`;
  return `${sheet}!${columnLetters(ref.startCol)}${ref.startRow + 1}:${end}`;
}
