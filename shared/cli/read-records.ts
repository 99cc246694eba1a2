import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from './io.js';

/** One record of an input file with the line it started on (CSV) or its position (JSON, 1-based). */
export interface SourceRecord {
  line: number;
  record: Record<string, unknown>;
}

/**
 * Reads records from a CSV (header row, UTF-8 with or without BOM, quoted fields, CRLF) or a JSON array, streaming
 * CSV so a long file is not held twice in memory. Headers are mapped through `headerToField` (Vietnamese headers of
 * the sheet, or field names). `onRecord` is called as records arrive (for a progress bar).
 */
export async function readRecords(file: string, headerToField: (header: string) => string, onRecord?: (count: number) => void): Promise<SourceRecord[]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (cause) {
      throw new UsageError(`Không đọc được tệp JSON "${file}": ${(cause as Error).message}.`);
    }
    const items = Array.isArray(json) ? json : [json];
    return items.map((item, i) => {
      onRecord?.(i + 1);
      const record = typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).map(([k, v]) => [headerToField(k), v])) : { __notObject: item };
      return { line: i + 1, record };
    });
  }
  if (ext !== '.csv') throw new UsageError(`Tệp "${file}" phải là .csv hoặc .json.`);
  const { parse } = await import('csv-parse');
  const records: SourceRecord[] = [];
  const parser = createReadStream(file).pipe(
    parse({ bom: true, columns: (headers: string[]) => headers.map((h) => headerToField(h.trim())), skip_empty_lines: true, relax_column_count: true, trim: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const cleaned = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''));
      records.push({ line: info.lines, record: cleaned });
      onRecord?.(records.length);
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `Không đọc được tệp "${file}".` : `Tệp CSV "${file}" không đọc được: ${(cause as Error).message}.`);
  }
  return records;
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
