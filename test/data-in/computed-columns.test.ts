import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SPARE_ROWS } from '../../shared/store/workbook-style.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, rawIndividual, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-20T02:00:00Z');
const TAB = 'Hồ sơ đề nghị';

async function open(path: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; col: (header: string) => number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(TAB)!;
  const col = (header: string) => {
    let found = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (cell.value === header) found = n;
    });
    return found;
  };
  return { wb, ws, col };
}

/** The data validations of the tab, by column letter: the rows each covers. */
function validatedRows(ws: ExcelJS.Worksheet, letter: string): number[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
  return Object.keys(model)
    .filter((a) => a.replace(/\d+$/, '') === letter)
    .map((a) => Number(/\d+$/.exec(a)![0]));
}

describe('computed columns behave as computed', () => {
  let dir: string;
  let store: string;

  beforeEach(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    const file = join(dir, 'n.json');
    writeFileSync(file, JSON.stringify([rawIndividual({ responseId: 'a', name: 'Lê Văn An' }), rawIndividual({ responseId: 'b', name: 'Trần Thị Bình' })]));
    await thidua('intake', file, '--store', store);
    await thidua('score', '--store', store);
  });

  test('the status column offers no dropdown; the council\'s columns do, on every filled row and a thousand more', async () => {
    const { ws, col } = await open(store);
    const letter = (header: string) => ws.getColumn(col(header)).letter;
    expect(validatedRows(ws, letter('Trạng thái'))).toEqual([]);
    for (const header of ['Thẩm định', 'Hội đồng chọn (khi đồng hạng)']) {
      const rows = validatedRows(ws, letter(header));
      expect(Math.min(...rows)).toBe(2);
      expect(Math.max(...rows)).toBeGreaterThanOrEqual(ws.rowCount + SPARE_ROWS - 1);
      expect(rows.length).toBeGreaterThan(220);
    }
  });

  test('a status changed by hand is reported (tab, row, column, old, new, who) in the audit and the output, then recomputed', async () => {
    // GIVEN a council member types over the status of row 3 and signs the row
    const { wb, ws, col } = await open(store);
    const row = ws.getRow(3);
    const before = String(row.getCell(col('Trạng thái')).value);
    row.getCell(col('Trạng thái')).value = 'Đã khen thưởng';
    row.getCell(col('Người cập nhật')).value = 'Phạm Thị Thu';
    await wb.xlsx.writeFile(store);

    // WHEN the secretary scores again
    const result = await thidua('score', '--store', store);

    // THEN the output names the tab, row, column, both values and who; the audit records it; the engine's value is back
    expect(result.stderr).toContain(`⚠ Trang tính "${TAB}", hàng 3 (b, Trần Thị Bình), cột "Trạng thái": đã bị sửa tay từ "${before}" thành "Đã khen thưởng" (người cập nhật: Phạm Thị Thu)`);
    const repo = await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns);
    const { audit, nominations } = await repo.read(['audit', 'nominations']);
    const entries = audit.filter((e) => e.responseId === 'b' && e.field === 'Trạng thái');
    expect(entries.slice(-2)).toMatchObject([
      { by: 'Phạm Thị Thu (sửa tay cột do phần mềm tính)', old: before, new: 'Đã khen thưởng' },
      { by: 'thidua score', old: 'Đã khen thưởng', new: before },
    ]);
    expect(nominations.find((n) => n.nomination.responseId === 'b')!.shown.status).toBe(before);

    // AND a third score has nothing more to say
    const again = await thidua('score', '--store', store);
    expect(again.stderr).toBe('');
  });
});

describe('an edited form response is not a hand edit', () => {
  test('a unit editing its form response changes status and score without a hand-edit report at the next score', async () => {
    const { intake } = await import('../../shared/jobs/intake.js');
    const dir = tempDir();
    const store = join(dir, 'so.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    const first = join(dir, 'n.json');
    writeFileSync(first, JSON.stringify([rawIndividual({ responseId: 'e', name: 'Võ Thị Em' })]));
    await thidua('intake', first, '--store', store);
    // the council scores it, so the engine records a total of its own in the audit
    const council = join(dir, 'c.json');
    writeFileSync(council, JSON.stringify([{ responseId: 'e', member: 'Phạm Thị Thu', memberUnit: 'Phòng Nội vụ', scores: { '1': 15, '2': 15, '3': 19, '4': 10, '5': 10, '6': 15, '7': 15 } }]));
    expect(await thidua('council', council, '--store', store)).toMatchObject({ code: 0 });
    await thidua('score', '--store', store);
    // GIVEN the unit edits its response on the form: a lower score, submitted later (as form sync takes it in)
    const repo = await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns);
    const edited = rawIndividual({ responseId: 'e', name: 'Võ Thị Em', submittedAt: '2024-08-16T09:00:00+07:00', selfScores: { ...(rawIndividual().selfScores as object), '1': 10 } });
    const [outcome] = await intake(repo, [{ payload: edited, source: 'form' }], new Date('2024-08-17T02:00:00Z'), { edits: 'update' });
    expect(outcome).toMatchObject({ edited: true });
    // WHEN the secretary scores THEN nothing is reported as edited by hand
    const result = await thidua('score', '--store', store);
    expect(result.stderr).not.toContain('sửa tay');
  });
});
