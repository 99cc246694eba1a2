import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StoreError } from './table-store.js';

/** The file-system calls a save makes: Node's own, or (in a test) ones that fail where a full disk would. */
export interface SaveIo {
  stat: typeof fs.stat;
  open: typeof fs.open;
  chmod: typeof fs.chmod;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
}
export const nodeIo: SaveIo = { stat: fs.stat, open: fs.open, chmod: fs.chmod, rename: fs.rename, rm: fs.rm };

/**
 * Replaces `path` as a whole or not at all: `produce` writes a temporary file beside it, which is flushed to disk,
 * given the mode the file had (a 0600 workbook stays 0600) and renamed over it. Whatever fails — the writing, the
 * flush, the rename — the temporary file is removed and a StoreError names the file.
 */
export async function saveAtomically(path: string, produce: (tempPath: string) => Promise<void>, io: SaveIo = nodeIo): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await io.stat(path).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  try {
    await produce(temp);
    const handle = await io.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await io.chmod(temp, mode);
    await io.rename(temp, path);
  } catch (cause) {
    await io.rm(temp, { force: true }).catch(() => undefined);
    if (cause instanceof StoreError) throw cause;
    throw new StoreError(`Không ghi được sổ "${path}" (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}): sổ cũ được giữ nguyên.`, { location: path }, { cause });
  }
}
