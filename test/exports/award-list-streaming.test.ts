import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { AwardListContent } from '../../shared/exports/award-list-content.js';
import { awardListDocument } from '../../shared/exports/award-list-document.js';
import { writeAwardListFile } from '../support/files.js';
import { DISTRICT, tempDir, vanNinh } from '../support/builders.js';

const ROWS = 20_000;

/** A list far longer than any real one: 20,000 individuals. */
function longList(): AwardListContent {
  const campaign = vanNinh();
  const award = campaign.awards.find((a) => a.id === DISTRICT)!;
  const entries = Array.from({ length: ROWS }, (_, i) => ({
    name: `Nguyễn Văn Số ${i + 1}`,
    positionAndUnit: i % 7 === 0 ? 'Chi hội trưởng Chi hội Cựu chiến binh thôn Xuân Tự 1, Hội Cựu chiến binh xã Vạn Hưng, huyện Vạn Ninh' : 'Trưởng thôn, UBND xã Vạn Thắng',
    total: 90 + (i % 10),
    rank: i + 1,
    note: '',
  }));
  return { campaign, award, year: 2024, sections: [{ kind: 'individual', entries }] };
}

describe('a long award list', () => {
  test('is written row by row with the streaming writer and reads back whole: every row, numbered, in order', async () => {
    const file = join(tempDir(), 'dai.xlsx');
    const content = longList();
    await writeAwardListFile(content, awardListDocument(content, {}, 'decision'), file);

    // Read back with the streaming reader too, so the check itself stays light.
    const numbered: Array<[number, string]> = [];
    let tallRows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const first = row.getCell(1).value;
        if (typeof first === 'number') {
          numbered.push([first, String(row.getCell(2).value)]);
          if ((row.height ?? 0) > 30) tallRows += 1;
        }
      }
    }
    expect(numbered).toHaveLength(ROWS);
    expect(numbered.every(([n], i) => n === i + 1)).toBe(true);
    expect(numbered[0]).toEqual([1, 'Nguyễn Văn Số 1']);
    expect(numbered.at(-1)).toEqual([ROWS, `Nguyễn Văn Số ${ROWS}`]);
    expect(tallRows).toBe(Math.ceil(ROWS / 7)); // the long unit wraps, and only its rows grow
  }, 60_000);
});
