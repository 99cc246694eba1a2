import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { legacyEncodingOf } from '../domain/legacy-vietnamese.js';
import { csvDelimiter, decodeTextFile } from '../forms/text-file.js';
import { csvParseProblem, fileProblem, jsonProblem } from './file-problems.js';
import { UsageError } from './io.js';

/** One record of an input file with the line it started on (CSV) or its position (JSON, 1-based). */
export interface SourceRecord {
  line: number;
  record: Record<string, unknown>;
}

/** The columns a file is expected to have (to say once, naming them, when its header is not recognised). */
export interface ExpectedColumns {
  columns: ReadonlyArray<{ key: string; header: string }>;
  /** A sentence added to the message (another kind of file this one may have been meant as). */
  hint?: string;
}

/**
 * Reads records from a CSV or a JSON array. A CSV may come as Excel writes it: separated by ",", ";" (Vietnamese-locale
 * Excel) or tabs, UTF-8 with or without BOM, UTF-16, Windows-1258 or TCVN3 (converted; VNI is refused naming it), CRLF
 * line ends, quoted fields. A UTF-8 file is streamed, so a long file is not held twice in memory. Headers are mapped
 * through `headerToField` (Vietnamese headers of the sheet, or field names); when `expected` is given and no header is
 * one of its columns, the file is refused once, naming the columns expected. `onRecord` is called as records arrive.
 */
export async function readRecords(file: string, headerToField: (header: string) => string, onRecord?: (count: number) => void, expected?: ExpectedColumns): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of streamRecords(file, headerToField, expected)) {
    records.push(record);
    onRecord?.(records.length);
  }
  return records;
}

/**
 * The records of a CSV or JSON file as `readRecords` reads them, one at a time as they are parsed: a UTF-8 CSV of a
 * million rows is never held in memory (a JSON array, or a CSV in a legacy encoding, is read whole first).
 */
export async function* streamRecords(file: string, headerToField: (header: string) => string, expected?: ExpectedColumns): AsyncGenerator<SourceRecord> {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    const text = await readText(file);
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (cause) {
      throw new UsageError(jsonProblem(file, text, cause));
    }
    const items = Array.isArray(json) ? json : [json];
    for (const [i, item] of items.entries()) {
      const record = typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).map(([k, v]) => [headerToField(k), v])) : { __notObject: item };
      yield { line: i + 1, record };
    }
    return;
  }
  if (ext !== '.csv' && ext !== '.txt') throw new UsageError(`Tệp "${file}" phải là .csv hoặc .json (đuôi tệp hiện là "${ext || 'không có'}"). Trong Excel, chọn Lưu thành (Save As) → "CSV UTF-8".`);
  const source = await csvSource(file);
  const { parse } = await import('csv-parse');
  let headers: string[] = [];
  let count = 0;
  const parser = source.stream.pipe(
    parse({
      bom: true,
      delimiter: source.delimiter,
      columns: (raw: string[]) => (headers = raw.map((h) => h.trim())).map((h) => headerToField(h)),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (count === 0 && expected) checkHeader(file, headers, headerToField, expected);
      count++;
      const cleaned = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''));
      yield { line: info.lines, record: cleaned };
    }
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    throw new UsageError(`Tệp CSV "${file}" không đọc được: ${csvParseProblem(cause)}. Hãy mở tệp bằng Excel và lưu lại dạng "CSV UTF-8".`);
  } finally {
    parser.destroy();
  }
}

function checkHeader(file: string, headers: readonly string[], headerToField: (header: string) => string, expected: ExpectedColumns): void {
  const keys = new Set(expected.columns.map((c) => c.key));
  const known = headers.filter((h) => { const f = headerToField(h); return keys.has(f) || keys.has(`score.${f.replace(/^score\./, '')}`); });
  if (known.length > 0) return;
  throw new UsageError(
    `Tệp "${file}": không nhận ra hàng tiêu đề (hàng 1: ${headers.map((h) => `"${h}"`).join(', ') || 'trống'}). Hàng đầu tiên phải là tên các cột, ví dụ: ${expected.columns.map((c) => `"${c.header}"`).join(', ')}.${expected.hint ? ` ${expected.hint}` : ''}`,
  );
}

/** The CSV's bytes as a text stream and its separator: streamed as is when UTF-8, decoded whole otherwise. */
async function csvSource(file: string): Promise<{ stream: Readable; delimiter: string }> {
  const head = await readHead(file, 64 * 1024);
  const utf8 = !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff) && isUtf8Head(head);
  const headText = utf8 ? new TextDecoder('utf-8').decode(head) : '';
  if (utf8 && legacyEncodingOf(headText) === undefined) return { stream: createReadStream(file), delimiter: csvDelimiter(headText.replace(/^\uFEFF/, '')) };
  const decoded = decodeTextFile(await readBytes(file));
  if (!decoded.ok) throw new UsageError(`Tệp "${file}": ${decoded.message}`);
  return { stream: Readable.from([decoded.text]), delimiter: csvDelimiter(decoded.text) };
}

function isUtf8Head(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

async function readHead(file: string, size: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } catch (cause) {
    throw new UsageError(fileProblem(file, cause));
  } finally {
    await handle?.close();
  }
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new UsageError(fileProblem(file, cause));
  }
}

/** A text file's content in Unicode (see decodeTextFile), or a UsageError naming the file and what to do. */
export async function readText(file: string): Promise<string> {
  const decoded = decodeTextFile(await readBytes(file));
  if (!decoded.ok) throw new UsageError(`Tệp "${file}": ${decoded.message}`);
  return decoded.text;
}

/** A one-line progress bar on a terminal; silent elsewhere (pipes, CI, tests). */
export function progressBar(stream: { write(text: string): unknown; isTTY?: boolean }, label: string): { tick(count: number): void; done(): void } {
  if (!stream.isTTY) return { tick: () => undefined, done: () => undefined };
  let last = 0;
  return {
    tick(count) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const dots = '█'.repeat(Math.min(30, Math.floor(Math.log10(count + 1) * 6))).padEnd(30, '░');
      stream.write(`\r${label} ${dots} ${count.toLocaleString('vi-VN')} dòng`);
    },
    done() {
      stream.write('\r\u001b[2K');
    },
  };
}
