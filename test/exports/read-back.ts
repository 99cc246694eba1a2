import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** Reads a workbook back as a person opening it would, with exceljs. */
export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell's text: rich text joined, numbers as written. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** The visible texts of a worksheet, row by row: merged cells read once, blank and whitespace-only cells (rules) skipped. */
export function texts(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = cellText(cell);
      if (text.trim() !== '') cells.push(text);
    });
    if (cells.length) rows.push(cells);
  });
  return rows;
}

/** The first row whose first cell reads `first`. */
export function rowStarting(ws: ExcelJS.Worksheet, first: string): ExcelJS.Row {
  const row = ws.getRows(1, ws.rowCount)?.find((r) => cellText(r.getCell(1)) === first);
  if (!row) throw new Error(`no row starting with "${first}"`);
  return row;
}

/** Every cell holding text, with its font. */
export function textCells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!(cell.isMerged && cell.master !== cell) && cellText(cell).trim() !== '') cells.push(cell);
  }));
  return cells;
}

/**
 * One file's text from inside an .xlsx (a zip), for the few things exceljs does not read back (page breaks): the
 * central directory gives each entry's size and offset, the entry is raw deflate (or stored).
 */
export function zipEntryText(file: string, name: string): string {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength, extra, comment, local] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32), zip.readUInt32LE(at + 42)];
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not in ${file}`);
}
