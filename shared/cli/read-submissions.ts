import { readFile } from 'node:fs/promises';
import type { Submission } from '../jobs/intake.js';
import { UsageError } from './io.js';

/** Reads a JSON file holding one nomination or an array of them; a malformed file is a UsageError naming it. */
export async function readSubmissions(file: string): Promise<Submission[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`Không đọc được tệp "${file}": ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new UsageError(`Tệp "${file}" không phải JSON hợp lệ: ${(cause as Error).message}.`);
  }
  const items = Array.isArray(json) ? json : [json];
  return items.map((payload, i) => ({ payload, source: `${file}#${i + 1}` }));
}
