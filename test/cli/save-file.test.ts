import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { saveFile } from '../../shared/cli/files.js';
import { UsageError } from '../../shared/cli/io.js';
import { tempDir } from '../support/builders.js';

/** A document that writes `chunks` and then, if asked, fails half-way. */
const doc = (chunks: string[], failAfter?: Error) => ({
  name: 'x.xlsx',
  write: async (out: NodeJS.WritableStream) => {
    for (const c of chunks) out.write(c);
    if (failAfter) throw failAfter;
    out.end();
  },
});

describe('saving a document to a file', () => {
  test('writes the whole file, making its folder, and resolves only once it is on disk', async () => {
    const path = join(tempDir(), 'a', 'b', 'danh-sach.xlsx');
    await expect(saveFile(doc(['một ', 'hai']), path)).resolves.toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('một hai');
  });

  test('leaves no half-written file when the writer fails, and passes its error on', async () => {
    const path = join(tempDir(), 'hong.xlsx');
    await expect(saveFile(doc(['nửa chừng'], new Error('writer broke')), path)).rejects.toThrow('writer broke');
    expect(existsSync(path)).toBe(false);
  });

  test.each([
    ['a folder stands where the file should go', (dir: string) => (mkdirSync(join(dir, 'ds.xlsx')), join(dir, 'ds.xlsx')), /\(EISDIR\)/],
    // mkdir says EEXIST or ENOTDIR depending on the platform
    ['a file stands where its folder should go', (dir: string) => (writeFileSync(join(dir, 'out'), ''), join(dir, 'out', 'ds.xlsx')), /\((ENOTDIR|EEXIST)\)/],
  ])('refuses with a Vietnamese message naming the file when %s', async (_, place, code) => {
    const path = place(tempDir());
    const error = await saveFile(doc(['x']), path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`Không ghi được tệp "${path}"`);
    expect((error as Error).message).toMatch(code);
  });
});
