/** One line of `npm run bench`'s table: a target, what was measured, the reference it is compared with, and the ratio. */
export interface BenchRow {
  work: string;        // e.g. "intake of one nomination, store with 5,000 nominations"
  target: string;      // e.g. "≤ 2× empty store"
  measured: string;    // e.g. "0.61 s (median of 5), 96 MB peak"
  reference: string;   // e.g. "0.52 s empty store"
  ratio: string;       // e.g. "1.17×"
  met: boolean | undefined; // undefined when the line has no target
}
export function printTable(rows: readonly BenchRow[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| work | target | measured | reference | ratio | met |', '|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${[r.work, r.target, r.measured, r.reference, r.ratio, r.met === undefined ? '—' : r.met ? 'yes' : 'NO'].map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
