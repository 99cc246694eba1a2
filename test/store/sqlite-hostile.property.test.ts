/**
 * Property (fast-check): no byte sequence in any field makes the embedded store unreadable. Whatever a cell holds —
 * control characters, U+FFFE, U+FFFF, lone surrogates, emoji, Vietnamese — the database gives it back exactly, and the
 * council's workbook view still opens with exceljs (such characters shown there as U+FFFD).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TabLayout } from '../../shared/store/layouts.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { tempDir } from '../support/builders.js';

const RUNS = Number(process.env.THIDUA_PROPERTY_RUNS ?? 25);

const TAB: TabLayout = {
  id: 'nominations',
  title: 'Hồ sơ đề nghị',
  key: 'responseId',
  readOnly: false,
  columns: ['responseId', 'name', 'note', 'payload'].map((key) => ({ key, header: key, width: 10, computed: false })),
};

/** Any UTF-16 text: every code unit, paired or not, with the hostile ones made likely. */
const anyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u0000', '\u001B', '\u0085', '_x0000_', 'Nguyễn Thị Ánh', '😀', '=1+1', '\r\n'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('any text in the embedded store', () => {
  test('is stored and read back exactly, and the workbook view still opens', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (name, note, payload) => {
        // GIVEN a store with its workbook view
        const workbook = join(dir, `so-${run++}.xlsx`);
        const store = SqliteStore.forWorkbook(workbook);
        await store.ensureTabs([TAB]);
        // WHEN a row holding the text is written (and an update of it)
        await store.write([{ tab: TAB, append: [{ responseId: 'r1', name, note: null, payload }] }]);
        await store.write([{ tab: TAB, updateByKey: [{ responseId: 'r1', note }] }]);
        // THEN a fresh read gives back every code unit, in the same process and through another store of the file
        const expected = [{ responseId: 'r1', name: name === '' ? '' : name, note: note === '' ? '' : note, payload, __row: 2 }];
        expect((await store.readTabs([TAB])).get('nominations')).toEqual(expected);
        expect((await SqliteStore.forWorkbook(workbook).readTabs([TAB])).get('nominations')).toEqual(expected);
        // AND the view opens in exceljs with the row in it
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(workbook);
        expect(wb.getWorksheet(TAB.title)!.getRow(2).getCell(1).value).toBe('r1');
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
