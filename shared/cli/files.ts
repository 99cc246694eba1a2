import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import type { JobResult } from '../jobs/problem.js';
import type { XlsxFile } from '../jobs/xlsx-file.js';
import { UsageError } from './io.js';

/**
 * Writes a prepared document to a file (its folder made if needed); resolves once the file is complete on disk. A file
 * that cannot be written (a folder in its place, no permission, a full disk) is a UsageError naming it, and no
 * half-written file is left behind.
 */
export async function saveFile(file: XlsxFile, path: string): Promise<string> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const out = createWriteStream(path);
    const closed = finished(out);
    try {
      await file.write(out);
      if (!out.writableEnded) out.end();
      await closed;
    } catch (error) {
      out.destroy();
      await closed.catch(() => undefined);
      throw error;
    }
  } catch (cause) {
    await rm(path, { force: true }).catch(() => undefined);
    const code = (cause as NodeJS.ErrnoException).code;
    if (code) throw new UsageError(`Không ghi được tệp "${path}" (${code}): hãy chọn nơi lưu khác bằng --out, hoặc kiểm tra quyền ghi và chỗ trống trên đĩa.`, { cause });
    throw cause;
  }
  return path;
}

/** The value of a job, or its problem as the user's mistake (exit code 1, the job's Vietnamese message). */
export function orUsageError<T>(result: JobResult<T>): T {
  if (!result.ok) throw new UsageError(result.problem.message);
  return result.value;
}
