/** A1 notation for the Sheets adapter: quoted tab names, column letters, and the grid size an answer reports. */

/** A tab's title quoted for A1 (`'Hồ sơ đề nghị'`, `'It''s'`). */
export function quoteTitle(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The A1 address of one cell (`'Hồ sơ đề nghị'!F1`); `row` is the sheet's 1-based row number. */
export function cellA1(title: string, col: number, row: number): string {
  return `${quoteTitle(title)}!${columnLetters(col)}${row}`;
}

/** The A1 range of columns `fromCol..toCol` (0-based, inclusive) of one row. */
export function rowSpanA1(title: string, row: number, fromCol: number, toCol: number): string {
  return `${quoteTitle(title)}!${columnLetters(fromCol)}${row}:${columnLetters(toCol)}${row}`;
}

/** Rows `first`..`last` over columns `fromCol`..`toCol` (0-based): `'Hồ sơ'!B2:H40`. */
export function rowsSpanA1(title: string, first: number, last: number, fromCol: number, toCol: number): string {
  return `${quoteTitle(title)}!${columnLetters(fromCol)}${first}:${columnLetters(toCol)}${last}`;
}

/**
 * The grid size from the range Google reports for a whole-tab read (`'Hồ sơ'!A1:Z1000` → 1000 rows, 26 columns):
 * reading a tab by its name alone answers with the range of the whole grid.
 */
export function gridSizeOf(range: string | null | undefined): { rowCount: number; columnCount: number } | undefined {
  const match = /!\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(range ?? '');
  if (!match) return undefined;
  return { rowCount: Number(match[4]), columnCount: columnNumber(match[3] ?? '') };
}
