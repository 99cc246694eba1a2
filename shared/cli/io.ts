/** Where a command writes: the process's streams, or buffers in tests. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Exit codes of `thidua`. */
export const EXIT = { ok: 0, rejectedOrMisuse: 1, unexpected: 2 } as const;

/** A mistake of the user's (bad arguments, unreadable input file): reported as is, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Pads Vietnamese text to a width in a plain-text table (one code point per character after NFC). */
export function pad(text: string, width: number): string {
  const length = [...text.normalize('NFC')].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** Renders rows as an aligned plain-text table. */
export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}
