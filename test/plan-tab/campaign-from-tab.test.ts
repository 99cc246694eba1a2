import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PLAN_TAB_TITLE } from '../../shared/domain/plan-tab/plan-tab-findings.js';
import { planTabRows } from '../../shared/domain/plan-tab/plan-tab-rows.js';
import { planTabLayout } from '../../shared/store/plan-tab-layout.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { templatesDir } from '../../shared/templates/paths.js';
import { readBack, texts } from '../exports/read-back.js';
import { campaigns, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const ID = 'van-ninh-dan-van-kheo';
const NOW = '2024-09-20T02:00:00Z';
const samples = join(templatesDir(), 'samples', ID);
/** The registry as it would be without the Vạn Ninh JSON template: the campaign exists only in its workbook. */
const withoutVanNinh = () => new Map([...campaigns].filter(([id]) => id !== ID));
const withJson = thiduaAt(NOW);
const tabOnly = thiduaAt(NOW, withoutVanNinh);

type Thidua = typeof withJson;

/** The sample season of the Vạn Ninh plan on one workbook: datasets, nominations, scoring, every award list. */
async function season(thidua: Thidua, store: string, out: string): Promise<{ log: string[]; lists: Map<string, string[][]> }> {
  const log: string[] = [];
  const step = async (...argv: string[]) => {
    const r = await thidua(...argv, '--store', store);
    log.push(`${argv[0]} → ${r.code}\n${r.stdout.replaceAll(store, '<sổ>').replaceAll(out, '<out>')}${r.stderr.replaceAll(store, '<sổ>')}`);
    return r;
  };
  await step('import', 'award-history', join(samples, 'award-history.csv'));
  await step('import', 'model-registrations', join(samples, 'model-registrations.csv'));
  await step('intake', join(samples, 'nominations.json'));
  await step('score');
  const lists = new Map<string, string[][]>();
  for (const award of campaigns.get(ID)!.awards) {
    const file = join(out, `${award.id}.xlsx`);
    const r = await step('export', award.id, '--out', file);
    if (r.code === 0) lists.set(award.id, texts((await readBack(file)).getWorksheet('Danh sách')!));
  }
  return { log, lists };
}

describe('a campaign defined by its Kế hoạch tab alone', () => {
  test('the Vạn Ninh campaign made by "campaign new" and run with no JSON template of its id prints the same award lists as the hand-made template', async () => {
    // GIVEN the hand-made template's workbook, and a workbook whose campaign lives only in its Kế hoạch tab
    const dir = tempDir();
    const [handMade, fromTab] = [join(dir, 'mau-json.xlsx'), join(dir, 'ke-hoach.xlsx')];
    expect((await withJson('init', ID, '--store', handMade)).code).toBe(0);
    const created = await withJson('campaign', 'new', ID, '--from', ID, '--store', fromTab);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('đã sẵn sàng');
    // WHEN the same season runs on both, the second with a registry that has no Vạn Ninh template
    const json = await season(withJson, handMade, join(dir, 'out-json'));
    const tab = await season(tabOnly, fromTab, join(dir, 'out-tab'));
    // THEN every command said the same, and the award lists read back from the .xlsx are the same, cell for cell
    expect(tab.log).toEqual(json.log);
    expect([...json.lists.keys()].length).toBeGreaterThanOrEqual(2);
    expect(tab.lists).toEqual(json.lists);
    expect(json.log.join('\n')).toContain('Đề nghị khen thưởng');
  }, 120_000);

  test('the tab wins over a JSON template of the same id: a quota edited in the tab is the quota the engine applies', async () => {
    // GIVEN a workbook made from the template, whose tab the secretary edits: the district individual quota 5 → 1
    const dir = tempDir();
    const store = join(dir, 'so.xlsx');
    expect((await withJson('campaign', 'new', ID, '--from', ID, '--store', store)).code).toBe(0);
    const tables = new WorkbookStore(store);
    const rows = (await tables.readTabs([planTabLayout()])).get('plan')!;
    const quota = rows.find((r) => r.item === 'giay-khen-chu-tich-huyen' && r.field === 'Chỉ tiêu mỗi năm' && r.choice === 'Cá nhân')!;
    expect(quota.value).toBe(5);
    await tables.write([{ tab: planTabLayout(), replaceAll: rows.map((row) => {
      const { __row: _, ...r } = row;
      return row === quota ? { ...r, value: 1 } : r;
    }) }]);
    // WHEN the season is scored with the JSON template still in the registry
    await withJson('import', 'award-history', join(samples, 'award-history.csv'), '--store', store);
    await withJson('import', 'model-registrations', join(samples, 'model-registrations.csv'), '--store', store);
    await withJson('intake', join(samples, 'nominations.json'), '--store', store);
    const scored = await withJson('score', '--store', store);
    // THEN the district's individual list holds one nominee, not five
    const out = join(dir, 'list.xlsx');
    expect((await withJson('export', 'giay-khen-chu-tich-huyen', '--out', out, '--store', store)).code).toBe(0);
    const flat = texts((await readBack(out)).getWorksheet('Danh sách')!).flat();
    expect(flat.some((t) => /CÁ NHÂN \(01 cá nhân\)/.test(t)), flat.join(' | ')).toBe(true);
    expect(scored.code).toBe(0);
  }, 60_000);

  test('campaign new without --from writes a blank tab with its dropdowns, lists what is left to fill, and init completes the workbook once it is filled', async () => {
    const dir = tempDir();
    const store = join(dir, 'moi.xlsx');
    const blank = await tabOnly('campaign', 'new', 'phong-trao-moi', '--store', store);
    expect(blank.code).toBe(0);
    expect(blank.stdout).toMatch(/Trang "Kế hoạch" còn \d+ mục cần điền/);
    expect(blank.stdout).toContain('thiếu mục "Tên phong trào" ở phần "Thông tin chung"');
    const wb = await readBack(store);
    const ws = wb.getWorksheet(PLAN_TAB_TITLE)!;
    expect(texts(ws)[0]).toEqual(['Phần', 'Mã', 'Mục', 'Giá trị', 'Lựa chọn', 'Nguồn trong kế hoạch']);
    // every filled row offers the closed set of its own field in "Lựa chọn"; rows added below offer every label
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const rowOf = (field: string) => ws.getColumn(3).values.findIndex((v) => v === field);
    expect(validations[`E${rowOf('Đối tượng')}`]!.formulae[0]).toBe('"Tập thể,Cá nhân"');
    const levels = validations[`E${rowOf('Cấp cơ quan ban hành')}`]!.formulae[0]!;
    expect(levels).toMatch(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$6$/);
    expect(validations[`E${ws.rowCount + 1}`]!.formulae[0]).toMatch(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    const lists = wb.getWorksheet('Danh mục')!;
    const column = levels.match(/\$([A-Z]+)\$2/)![1]!;
    expect([2, 3, 4, 5, 6].map((r) => lists.getCell(`${column}${r}`).value)).toEqual(['Cấp xã', 'Cấp huyện', 'Cơ quan, đơn vị cấp huyện', 'Cấp tỉnh', 'Trung ương']);
    expect(readFileSync(store).length).toBeGreaterThan(0);
    // an intake before the tab is filled is refused, naming the tab
    const early = await tabOnly('score', '--store', store);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Trang "Kế hoạch" chưa dùng được');
    // a second campaign new on the same workbook never overwrites it
    const again = await tabOnly('campaign', 'new', 'phong-trao-moi', '--store', store);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('không ghi đè');
    // once the secretary has filled the tab (here: the Vạn Ninh plan under the new id), init makes the other tabs
    const tables = new WorkbookStore(store);
    await tables.write([{ tab: planTabLayout(), replaceAll: planTabRows({ ...campaigns.get(ID)!, id: 'phong-trao-moi' }).map((r) => ({ ...r })) }]);
    const init = await tabOnly('init', 'phong-trao-moi', '--store', store);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect((await readBack(store)).getWorksheet('Hồ sơ đề nghị')).toBeDefined();
    expect((await tabOnly('score', '--store', store)).code).toBe(0);
  }, 60_000);

  test('an edit of the criteria after nominations were taken is refused, saying what changed; wording edits are not', async () => {
    // GIVEN a tab-defined campaign with the sample nominations taken in
    const dir = tempDir();
    const store = join(dir, 'so.xlsx');
    expect((await tabOnly('campaign', 'new', 'vn-2027', '--store', store)).code).toBe(0);
    const tables = new WorkbookStore(store);
    const rows = planTabRows({ ...campaigns.get(ID)!, id: 'vn-2027' }).map((r) => ({ ...r }));
    await tables.write([{ tab: planTabLayout(), replaceAll: rows }]);
    expect((await tabOnly('init', 'vn-2027', '--store', store)).code).toBe(0);
    const nomination = JSON.parse(readFileSync(join(samples, 'nominations.json'), 'utf8'))[0];
    const file = join(dir, 'mot-ho-so.json');
    writeFileSync(file, JSON.stringify({ ...nomination, campaign: 'vn-2027' }));
    await tabOnly('intake', file, '--store', store);
    expect((await tabOnly('score', '--store', store)).code).toBe(0);
    // WHEN the title is reworded, THEN the next command uses it
    const retitled = rows.map((r) => (r.field === 'Tên phong trào' ? { ...r, value: 'Phong trào “Dân vận khéo” năm 2027' } : r));
    await tables.write([{ tab: planTabLayout(), replaceAll: retitled }]);
    expect((await tabOnly('score', '--store', store)).code).toBe(0);
    // WHEN criterion 7's maximum is changed, THEN every command refuses, naming the change, and nothing is written
    const restructured = retitled.map((r) => (r.section === 'Tiêu chí – Cá nhân' && r.item === '7' && r.field === 'Điểm tối đa' ? { ...r, value: 20 } : r));
    await tables.write([{ tab: planTabLayout(), replaceAll: restructured }]);
    const before = readFileSync(store);
    const refused = await tabOnly('score', '--store', store);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('đã bị sửa cấu trúc sau khi đã nhận 1 hồ sơ');
    expect(refused.stderr).toMatch(/Trước: Tiêu chí individual: .*7=15/);
    expect(refused.stderr).toMatch(/Nay: Tiêu chí individual: .*7=20/);
    expect(readFileSync(store).equals(before)).toBe(true);
  }, 60_000);
});
