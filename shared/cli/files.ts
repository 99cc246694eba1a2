import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import type { JobResult } from '../jobs/problem.js';
import type { XlsxFile } from '../jobs/xlsx-file.js';
import { UsageError } from './io.js';

/** Writes a prepared document to a file (its folder made if needed); resolves once the file is complete on disk. */
export async function saveFile(file: XlsxFile, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const closed = finished(out);
  try {
    await file.write(out);
  } finally {
    if (!out.writableEnded) out.end();
  }
  await closed;
  return path;
}

/** The value of a job, or its problem as the user's mistake (exit code 1, the job's Vietnamese message). */
export function orUsageError<T>(result: JobResult<T>): T {
  if (!result.ok) throw new UsageError(result.problem.message);
  return result.value;
}
