import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Campaign } from '../../shared/domain/campaign.js';
import { templateFromDraft } from '../../shared/domain/plan-tab/draft-template.js';
import { FIELDS, SECTION } from '../../shared/domain/plan-tab/plan-fields.js';
import { ALL_CHOICE_LABELS, CHOICE_SETS } from '../../shared/domain/plan-tab/plan-labels.js';
import { planTabRows } from '../../shared/domain/plan-tab/plan-tab-rows.js';
import { readPlanTab } from '../../shared/domain/plan-tab/read-plan-tab.js';
import { planTabLayout } from '../../shared/store/plan-tab-layout.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { templatesDir } from '../../shared/templates/paths.js';
import { tempDir, vanNinh } from '../support/builders.js';

const dir = join(templatesDir(), 'campaigns');
const seeds = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown] as const);

describe.each(seeds)('the template %s through the Kế hoạch tab', (_id, json) => {
  test('reads back as the same campaign, field for field', () => {
    const read = readPlanTab(planTabRows(json));
    expect(read.ok ? read.campaign : read.findings).toEqual(Campaign.parse(json));
  });

  test('reads back the same when written from the parsed template, defaults included (a vote quorum of 2/3 stays 2/3)', () => {
    const parsed = Campaign.parse(json);
    const read = readPlanTab(planTabRows(parsed));
    expect(read.ok ? read.campaign : read.findings).toEqual(parsed);
  });

  test('reads back the same after a real workbook has stored the tab (numbers as numbers, dates as text)', async () => {
    const store = new WorkbookStore(join(tempDir(), 'ke-hoach.xlsx'));
    await store.ensureTabs([planTabLayout()]);
    await store.write([{ tab: planTabLayout(), replaceAll: planTabRows(json).map((r) => ({ ...r })) }]);
    const read = readPlanTab((await store.readTabs([planTabLayout()])).get('plan')!);
    expect(read.ok ? read.campaign : read.findings).toEqual(Campaign.parse(json));
  });
});

describe('sources and drafts', () => {
  test('the sentence a value came from is written beside it and read back by pointer', () => {
    const sources = { '/title': 'Kế hoạch tổ chức thực hiện phong trào thi đua “Dân vận khéo”', '/awards/2/quotaPerYear/individual': '03 tập thể và 05 cá nhân', '/awards/2/id': 'Giấy khen của Chủ tịch UBND huyện' };
    const rows = planTabRows(vanNinh(), sources);
    expect(rows.find((r) => r.field === 'Tên phong trào')!.source).toBe(sources['/title']);
    expect(rows.find((r) => r.item === 'giay-khen-chu-tich-huyen' && r.choice === 'Cá nhân' && r.field === 'Chỉ tiêu mỗi năm')!.source).toBe('03 tập thể và 05 cá nhân');
    expect(rows.find((r) => r.item === 'giay-khen-chu-tich-huyen')!.source).toBe('Giấy khen của Chủ tịch UBND huyện');
    expect(rows.filter((r) => r.source !== null)).toHaveLength(3);
    const read = readPlanTab(rows);
    expect(read.ok && read.sources['/title']).toBe(sources['/title']);
  });

  test('a partial draft is written with blank rows for what the schema still needs, and read back as a list of what is missing', () => {
    // GIVEN a draft that found the title, the term's start and one award's quota (the rest not found)
    const { template, sources } = templateFromDraft({
      fields: [
        { path: '/title', value: 'Phong trào thi đua “Dân vận khéo”', source: 'Kế hoạch … phong trào thi đua “Dân vận khéo”' },
        { path: '/term/from', value: '2023-12-01', source: 'Từ tháng 12/2023' },
        { path: '/awards/0/id', value: 'giay-khen-chu-tich-huyen', source: 'Giấy khen của Chủ tịch UBND huyện' },
        { path: '/awards/0/quotaPerYear/individual', value: 5, source: '03 tập thể và 05 cá nhân' },
        { path: '/issuer/level', value: 'thôn', source: 'Ban nhân dân thôn' },
      ],
      missing: ['/term/to'],
      warnings: [],
    });
    // WHEN it is put in the tab
    const rows = planTabRows(template, sources);
    // THEN found values carry their sentence, and required fields not found are blank rows to fill in
    expect(rows.find((r) => r.field === 'Thời gian từ ngày')).toMatchObject({ value: '01/12/2023', source: 'Từ tháng 12/2023' });
    expect(rows.find((r) => r.field === 'Thời gian đến ngày')).toMatchObject({ value: null, source: null });
    expect(rows.find((r) => r.field === 'Tên hình thức khen thưởng')).toMatchObject({ item: 'giay-khen-chu-tich-huyen', value: null });
    expect(rows.find((r) => r.field === 'Cấp cơ quan ban hành')).toMatchObject({ choice: 'thôn' });
    expect(rows.some((r) => r.section === SECTION.criteriaIndividual && r.field === 'Điểm tối đa')).toBe(true);
    // and reading it back lists what is missing or wrong, never crashes
    const read = readPlanTab(rows);
    const messages = read.ok ? [] : read.findings.map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/thiếu mục "Thời gian đến ngày" ở phần "Thông tin chung"/), expect.stringMatching(/"thôn" không phải là một cấp/)]));
  });

  test('a blank campaign is a tab of blank rows covering every required section', () => {
    const rows = planTabRows({});
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set([SECTION.general, SECTION.legal, SECTION.criteriaCollective, SECTION.criteriaIndividual, SECTION.awards, SECTION.lists, SECTION.dossier]));
    expect(rows.every((r) => r.value === null && r.choice === null)).toBe(true);
  });
});

describe('the tab’s vocabulary', () => {
  test('no label means two things in the one "Lựa chọn" dropdown, and every set offers its labels', () => {
    const all = Object.values(CHOICE_SETS).flatMap((s) => Object.values(s));
    expect(ALL_CHOICE_LABELS.length).toBe(new Set(all).size);
    const owners = new Map<string, string[]>();
    for (const [set, labels] of Object.entries(CHOICE_SETS)) for (const l of Object.values(labels)) owners.set(l, [...(owners.get(l) ?? []), set]);
    // "Cá nhân"/"Tập thể" serve kinds; a label shared by two sets must mean the same enum value in both
    for (const [label, sets] of owners) if (sets.length > 1) throw new Error(`"${label}" belongs to ${sets.join(', ')}`);
  });

  test('the secretary’s guide names every section, field and choice of the tab', () => {
    const guide = readFileSync(join(templatesDir(), '..', 'docs', 'huong-dan-thu-ky.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## 8. Tạo phong trào mới'));
    for (const label of [...Object.values(SECTION), ...FIELDS.map((f) => f.label), ...ALL_CHOICE_LABELS]) expect(section, label).toContain(label);
  });

  test('every field of a section has its own label, and every closed-set field names its set', () => {
    const keys = FIELDS.map((f) => `${f.section}/${f.label}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of FIELDS) if (['choice', 'quota', 'due', 'marker'].includes(f.type)) expect(f.choices, f.label).toBeDefined();
    // a field label names one closed set wherever it appears: the row's own dropdown is chosen by the label
    const setOf = new Map<string, string>();
    for (const f of FIELDS.filter((x) => x.choices)) expect(setOf.get(f.label) ?? f.choices, f.label).toBe(f.choices!), setOf.set(f.label, f.choices!);
  });
});
