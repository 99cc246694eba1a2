import type { Submission } from '../jobs/intake.js';
import { jsonProblem } from './file-problems.js';
import { UsageError } from './io.js';
import { readText } from './read-records.js';

/** Reads a JSON file holding one nomination or an array of them; a malformed file is a UsageError naming it, its line and column. */
export async function readSubmissions(file: string): Promise<Submission[]> {
  const text = await readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new UsageError(jsonProblem(file, text, cause));
  }
  const items = Array.isArray(json) ? json : [json];
  return items.map((payload, i) => ({ payload, source: `${file}#${i + 1}` }));
}
