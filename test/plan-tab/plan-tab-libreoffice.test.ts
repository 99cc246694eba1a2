import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PLAN_TAB_TITLE } from '../../shared/domain/plan-tab/plan-tab-findings.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { readBack } from '../exports/read-back.js';
import { campaigns, tempDir, vanNinh } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const thidua = thiduaAt('2024-09-20T02:00:00Z');

describe.skipIf(!SOFFICE)('the Kế hoạch tab after a round trip through LibreOffice', () => {
  test('still defines the same campaign, with its dropdown lists', async () => {
    // GIVEN a campaign made by campaign new, opened and saved by LibreOffice as a secretary would
    const dir = tempDir();
    const store = join(dir, 'so.xlsx');
    expect((await thidua('campaign', 'new', 'van-ninh-dan-van-kheo', '--from', 'van-ninh-dan-van-kheo', '--store', store)).code).toBe(0);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), store], { stdio: 'ignore', timeout: 120_000 });
    copyFileSync(join(dir, 'lo', 'so.xlsx'), store);
    // WHEN it is opened with no JSON template of its id
    const repo = await CampaignRepository.open(new WorkbookStore(store), new Map([...campaigns].filter(([id]) => id !== vanNinh().id)));
    // THEN the tab reads as the template, and its dropdowns still point at the lists
    expect(repo.campaign).toEqual(vanNinh());
    const ws = (await readBack(store)).getWorksheet(PLAN_TAB_TITLE)!;
    const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const lists = Object.values(model).filter((v) => v.type === 'list').map((v) => v.formulae[0]);
    expect(lists.some((f) => /Danh mục/.test(f ?? ''))).toBe(true);
  }, 240_000);
});
