import type ExcelJS from 'exceljs';
import { textWidth } from './text-fit.js';

/**
 * What every printed document shares: Times New Roman, A4 with the margins of NĐ 30/2020, page numbers centred at the
 * top from page 2, and side-by-side blocks of stacked lines (header, signature) laid out on the sheet's rows.
 * Works on both the in-memory worksheet and the streaming one (committing rows as it goes).
 */

export const FONT = 'Times New Roman';
export const mm = (millimetres: number) => millimetres / 25.4;
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
export const BOX: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Printable width of A4 in points, less the decree's left (30 mm) and right (15 mm) margins. */
export const PRINTABLE_POINTS = { portrait: ((210 - 45) / 25.4) * 72, landscape: ((297 - 45) / 25.4) * 72 } as const;

/** Width in points of columns given in spreadsheet character widths. */
export const columnsPoints = (widths: readonly number[]) => widths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);

/** Portrait when the columns fit the page width, landscape otherwise. */
export const orientationFor = (widths: readonly number[]): 'portrait' | 'landscape' => (columnsPoints(widths) <= PRINTABLE_POINTS.portrait + 1 ? 'portrait' : 'landscape');

/**
 * A4, the decree's margins, fitted to one page wide (as many pages tall as it takes, or one page tall when
 * `onePage`: a short document shrinks a little rather than split), repeating `titleRow` on every page.
 */
export function a4PageSetup(orientation: 'portrait' | 'landscape', titleRow?: number, onePage = false): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    margins: { left: mm(30), right: mm(15), top: mm(20), bottom: mm(20), header: mm(10), footer: mm(10) },
    ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {}),
  };
}

/** Page numbers centred at the top, none on the first page (NĐ 30/2020). */
export const PAGE_NUMBERS: Partial<ExcelJS.HeaderFooter> = { differentFirst: true, firstHeader: '', firstFooter: '', oddHeader: '&C&"Times New Roman,Regular"&13&P' };

/** One stacked line (or wrapped paragraph) of a block. */
export interface Segment {
  text: string;
  font: Partial<ExcelJS.Font>;
  /** Height in points. */
  height: number;
  horizontal?: 'center' | 'left';
  vertical?: 'top' | 'middle' | 'bottom';
}

/** A column of segments stacked from the top, spanning sheet columns `from`..`to`. */
export interface Block {
  from: number;
  to: number;
  segments: Segment[];
}

/**
 * A short centred rule, as under the issuing body and the motto: an underlined run of no-break spaces, bottom-aligned
 * in a thin row. It renders the same in LibreOffice and Excel, and needs neither a drawing nor a merged grid of columns.
 */
export function rule(widthPoints: number, size = 13): Segment {
  const count = Math.max(4, Math.round(widthPoints / textWidth('\u00a0', { size })));
  return { text: '\u00a0'.repeat(count), font: { size, underline: true }, height: 6, vertical: 'bottom' };
}

/** The rows `writeBlocks` lays out for blocks: their heights in points, one per boundary of any segment. */
export function blockRows(blocks: readonly Block[]): number[] {
  const edges = new Set<number>([0]);
  for (const b of blocks) {
    let y = 0;
    for (const s of b.segments) edges.add((y += Math.max(1, Math.round(s.height))));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  return sorted.slice(1).map((y, i) => y - sorted[i]!);
}

/**
 * Writes blocks side by side from `firstRow`: the rows fall at every boundary of any block's segments, and each segment
 * is merged over the rows it covers, so each block stacks its lines at its own pace (the rule under a two-line
 * issuing body and the rule under the motto each sit right under their text). Commits the rows; returns the next row.
 */
export function writeBlocks(ws: ExcelJS.Worksheet, firstRow: number, blocks: readonly Block[]): number {
  const stacks = blocks.map((b) => {
    let y = 0;
    return b.segments.map((s) => ({ s, top: y, bottom: (y += Math.max(1, Math.round(s.height))) }));
  });
  const edges = [...new Set(stacks.flat().flatMap((p) => [p.top, p.bottom]).concat(0))].sort((a, b) => a - b);
  const rowOf = (y: number) => firstRow + edges.indexOf(y);
  for (let i = 0; i + 1 < edges.length; i++) ws.getRow(firstRow + i).height = edges[i + 1]! - edges[i]!;
  blocks.forEach((block, b) => {
    for (const { s, top, bottom } of stacks[b]!) {
      const [r1, r2] = [rowOf(top), rowOf(bottom) - 1];
      if (r2 > r1 || block.to > block.from) ws.mergeCells(r1, block.from, r2, block.to);
      const cell = ws.getCell(r1, block.from);
      // a line break in a plain string cell of the streaming writer (t="str") is lost by LibreOffice: rich text keeps it
      cell.value = s.text.includes("\n") ? { richText: [{ text: s.text, font: { name: FONT, ...s.font } }] } : s.text;
      cell.font = { name: FONT, ...s.font };
      cell.alignment = { horizontal: s.horizontal ?? 'center', vertical: s.vertical ?? 'top', wrapText: true };
    }
  });
  const next = firstRow + edges.length - 1;
  for (let r = firstRow; r < next; r++) ws.getRow(r).commit();
  return next;
}

/** Writes one row of cells (values with a style each), sets its height, a page break after it if asked, and commits it. */
export function writeRow(ws: ExcelJS.Worksheet, row: number, cells: ReadonlyArray<{ value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }>, height: number, pageBreakAfter = false): void {
  const r = ws.getRow(row);
  cells.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.value = c.value;
    cell.style = c.style;
  });
  r.height = height;
  if (pageBreakAfter) r.addPageBreak();
  r.commit();
}
