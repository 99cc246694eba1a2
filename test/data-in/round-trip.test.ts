import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, rawIndividual, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-20T02:00:00Z');
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

async function headerState(path: string, title: string): Promise<{ frozen: boolean; filter: boolean }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(title)!;
  return { frozen: ws.views[0]?.state === 'frozen', filter: Boolean(ws.autoFilter) };
}

/** Opens the workbook in LibreOffice and saves it as .xlsx, as a council member would, in place. */
function saveWithLibreOffice(path: string, dir: string): void {
  const outDir = join(dir, 'libreoffice');
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, path], { stdio: 'ignore', timeout: 120_000 });
  copyFileSync(join(outDir, 'so.xlsx'), path);
}

describe.skipIf(!SOFFICE)('the workbook after a round trip through LibreOffice', () => {
  test('keeps working, and the next save restores the frozen header and the filter LibreOffice dropped', async () => {
    // GIVEN a scored workbook, opened and saved by LibreOffice
    const dir = tempDir();
    const store = join(dir, 'so.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    writeFileSync(join(dir, 'n.json'), JSON.stringify([rawIndividual({ responseId: 'a', name: 'Lê Văn An' }), rawIndividual({ responseId: 'b', name: 'Trần Thị Bình', selfScores: { ...(rawIndividual().selfScores as object), '1': '13,5' } })]));
    await thidua('intake', join(dir, 'n.json'), '--store', store);
    await thidua('score', '--store', store);
    const before = (await (await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns)).read(['nominations'])).nominations.map((s) => s.nomination);
    saveWithLibreOffice(store, dir);
    expect(await headerState(store, 'Hồ sơ đề nghị')).toEqual({ frozen: false, filter: false });

    // WHEN the secretary scores and records a review on it
    const scored = await thidua('score', '--store', store);
    writeFileSync(join(dir, 'r.json'), JSON.stringify([{ responseId: 'a', appraisal: 'Đủ điều kiện' }]));
    const reviewed = await thidua('review', join(dir, 'r.json'), '--by', 'Lan', '--store', store);

    // THEN nothing was lost or misread, and the tabs written (nominations, audit) have their frozen header and filter back
    expect(scored).toMatchObject({ code: 0, stderr: '' });
    expect(reviewed).toMatchObject({ code: 0 });
    const after = (await (await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns)).read(['nominations'])).nominations.map((s) => s.nomination);
    expect(after).toEqual(before);
    expect(await headerState(store, 'Hồ sơ đề nghị')).toEqual({ frozen: true, filter: true });
    expect(await headerState(store, 'Nhật ký thay đổi')).toEqual({ frozen: true, filter: true });

    // AND init restores every tab
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    expect(await headerState(store, 'Cài đặt')).toEqual({ frozen: true, filter: true });
  }, 240_000);
});
