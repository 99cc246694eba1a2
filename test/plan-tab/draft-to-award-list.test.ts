import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { planTabRows, type PlanRow } from '../../shared/domain/plan-tab/plan-tab-rows.js';
import { planTabLayout } from '../../shared/store/plan-tab-layout.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { templatesDir } from '../../shared/templates/paths.js';
import { readBack, texts } from '../exports/read-back.js';
import { campaigns, tempDir, vanNinh } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const ID = 'van-ninh-dan-van-kheo';
const NOW = '2024-09-20T02:00:00Z';
const samples = join(templatesDir(), 'samples', ID);
const plan = join(import.meta.dirname, '../fixtures/plans', vanNinh().plan.seed!);
const DISTRICT = 'giay-khen-chu-tich-huyen';
const withJson = thiduaAt(NOW);
/** No Vạn Ninh JSON template: the campaign exists only in its workbook's tab. */
const tabOnly = thiduaAt(NOW, () => new Map([...campaigns].filter(([id]) => id !== ID)));

/**
 * The secretary's reading of the draft's items against the plan: the draft names an award by its title and a deadline
 * by its order (han-1, …); the hand-made template names the same items so. Used only to look up what to type in.
 */
const SAME_ITEM: Record<string, string> = {
  'giay-khen-chu-tich-cap-xa': 'giay-khen-chu-tich-xa',
  'giay-khen-thu-truong-co-quan-don-vi-mat-tran-to-quoc-va-cac-to-chuc-doan-the-cap-huyen-thu-truong-cac-phong-ban-nganh-thuoc-huyen': 'giay-khen-thu-truong-huyen',
  ...Object.fromEntries(vanNinh().deadlines.map((d, i) => [`han-${i + 1}`, d.id])),
};

/** A "thiếu mục" line the command printed: the section, the item (its Mã) and the field the secretary must fill. */
const MISSING = /thiếu mục "([^"]+)" ở phần "([^"]+)"(?: \(mã "([^"]+)"\))?\.$/;

describe('a campaign drafted from the Vạn Ninh plan\'s text, completed by the secretary in its Kế hoạch tab', () => {
  test('the draft goes into the tab with its sentences, the listed blanks are filled, and the district\'s award list is the hand-made template\'s', async () => {
    const dir = tempDir();
    const store = join(dir, 'ban-nhap.xlsx');
    // GIVEN the plan's text drafted into a new workbook's tab
    const drafted = await tabOnly('campaign', 'new', ID, '--draft', plan, '--store', store);
    expect(drafted.stderr).toBe('');
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toMatch(/lấy bản nháp đọc từ kế hoạch ".*" \(\d+ giá trị/);
    const listed = drafted.stdout.split('\n').filter((l) => l.startsWith('  - '));
    expect(drafted.stdout).toMatch(new RegExp(`Trang "Kế hoạch" còn ${listed.length} mục cần điền hoặc sửa`));
    expect(listed.length).toBeGreaterThan(0);
    const blanks = listed.map((line) => {
      const m = MISSING.exec(line);
      expect(m, line).not.toBeNull();
      return { field: m![1]!, section: m![2]!, item: m![3] ?? '' };
    });
    const tables = new WorkbookStore(store);
    const rows = (await tables.readTabs([planTabLayout()])).get('plan')!;
    // every value found came with the sentence of the plan it was read from
    const title = rows.find((r) => r.field === 'Tên phong trào')!;
    expect(title.value).toMatch(/Dân vận khéo/);
    expect(String(title.source)).toMatch(/Dân vận khéo/);
    expect(rows.filter((r) => r.source !== null && r.source !== '').length).toBeGreaterThan(20);

    // WHEN the secretary fills in exactly what was listed, from the plan (here: the hand-made template's values), in the workbook
    const handMade = planTabRows(vanNinh());
    const key = (r: { section: unknown; item: unknown; field: unknown }) => `${String(r.section)}|${String(r.item ?? '')}|${String(r.field)}`;
    let edited: PlanRow[] = rows.map(({ __row: _, ...r }) => r as PlanRow);
    // and the rows the tab shows blank (a list's issuing body and place: blank is allowed, the export asks for them)
    const shownBlank = rows.filter((r) => (r.value ?? '') === '' && (r.choice ?? '') === '').map((r) => ({ section: String(r.section), item: String(r.item ?? ''), field: String(r.field) }));
    const toFill = [...blanks, ...shownBlank.filter((b) => !blanks.some((x) => key(x) === key(b)))];
    for (const blank of toFill) {
      const typed = handMade.filter((r) => key(r) === key({ ...blank, item: SAME_ITEM[blank.item] ?? blank.item })).map((r) => ({ ...r, item: blank.item, source: null }));
      if (!blanks.includes(blank) && typed.every((r) => (r.value ?? '') === '')) continue;
      expect(typed.length, JSON.stringify(blank)).toBeGreaterThan(0);
      const at = edited.findIndex((r) => key(r) === key(blank));
      const after = edited.findLastIndex((r) => r.section === blank.section && (blank.item === '' || r.item === blank.item));
      // a blank row written for it is filled; a field with no row gets one, below the rows of its item or section
      edited = at >= 0 ? [...edited.slice(0, at), ...typed, ...edited.slice(at + 1).filter((r) => key(r) !== key(blank))] : [...edited.slice(0, after + 1), ...typed, ...edited.slice(after + 1)];
    }
    await tables.write([{ tab: planTabLayout(), replaceAll: edited }]);
    const init = await tabOnly('init', ID, '--store', store);

    // THEN init completes the workbook from the tab, and the sample season gives the district the hand-made template's list
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const lists = new Map<string, string[][]>();
    for (const [thidua, workbook] of [[withJson, join(dir, 'mau-json.xlsx')], [tabOnly, store]] as const) {
      if (thidua === withJson) expect((await thidua('init', ID, '--store', workbook)).code).toBe(0);
      for (const argv of [['import', 'award-history', join(samples, 'award-history.csv')], ['import', 'model-registrations', join(samples, 'model-registrations.csv')], ['intake', join(samples, 'nominations.json')], ['score']]) {
        const r = await thidua(...argv, '--store', workbook);
        expect(r.stderr, argv.join(' ')).toBe('');
      }
      const out = join(dir, `${thidua === withJson ? 'json' : 'tab'}-${DISTRICT}.xlsx`);
      const exported = await thidua('export', DISTRICT, '--out', out, '--store', workbook);
      expect(exported.stderr).toBe('');
      lists.set(workbook, texts((await readBack(out)).getWorksheet('Danh sách')!));
    }
    const [json, tab] = [...lists.values()];
    expect(json!.flat().some((t) => /CÁ NHÂN/.test(t))).toBe(true);
    // where the two plans agree the lists agree: the header, the titles, the signers, every nominee of the hand-made list
    // in its order; the draft does not tie the district award to its dossier deadline (the plan says it in another
    // section), so a nominee the hand-made template refuses as late is listed from the draft, and only such a nominee
    const isNominee = (r: string[]) => /^\d+$/.test(r[0] ?? '') && r.length >= 2;
    const named = (list: string[][]) => list.filter(isNominee).map((r) => r[1]!);
    const extra = named(tab!).filter((n) => !named(json!).includes(n));
    expect(extra.length).toBeLessThanOrEqual(2);
    const nominations = texts((await readBack(join(dir, 'mau-json.xlsx'))).getWorksheet('Hồ sơ đề nghị')!);
    for (const name of extra) {
      const row = nominations.find((r) => r.includes(name) && r.includes(DISTRICT))!.join(' | ');
      expect(row).toMatch(/Không đủ điều kiện/);
      expect(row).toMatch(/SUBMITTED_LATE/);
    }
    const same = (list: string[][]) => list.filter((r) => !(isNominee(r) && extra.includes(r[1]!))).map((r) => (isNominee(r) ? r.slice(1) : r.map((c) => c.replace(/\(\d+ (cá nhân|tập thể)\)/, '(n $1)'))));
    expect(same(tab!)).toEqual(same(json!));
    expect(named(tab!)).toHaveLength(named(json!).length + extra.length);
  }, 120_000);
});
