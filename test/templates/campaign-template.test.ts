import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINDING_CODES, FINDINGS } from '../../shared/domain/findings.js';
import { NominationInput } from '../../shared/domain/nomination.js';
import { Review } from '../../shared/domain/review.js';
import { parseCampaignTemplate } from '../../shared/templates/campaign-registry.js';
import { templatesDir } from '../../shared/templates/paths.js';
import { TemplateError } from '../../shared/templates/template-error.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { campaigns, COMMUNE, DISTRICT, pointsCriteria, PROVINCE, vanNinh } from '../support/builders.js';

const templateText = readFileSync(join(templatesDir(), 'campaigns', 'van-ninh-dan-van-kheo.json'), 'utf8');

describe('the Vạn Ninh template encodes its plan', () => {
  test.each([
    ['collective', [15, 15, 15, 15, 15, 15, 10]],
    ['individual', [15, 15, 20, 10, 10, 15, 15]],
  ] as const)('the %s rubric has the plan\'s seven maxima summing to 100, each at 90%%', (kind, maxima) => {
    const rubric = vanNinh().rubrics[kind]!;
    expect(pointsCriteria(kind).map((c) => c.maxPoints)).toEqual(maxima);
    expect(rubric.criteria.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(pointsCriteria(kind).every((c) => c.minShare === 0.9)).toBe(true);
    expect(rubric.totalThreshold).toBe(90);
    expect(rubric.evidence).toBe('each-criterion');
  });

  test('keeps collective criteria 1 and 2, which carry the same text in the plan', () => {
    const [one, two] = vanNinh().rubrics.collective!.criteria;
    expect(one!.text).toBe(two!.text);
  });

  test.each([
    [COMMUNE, {}, 'commune'],
    [DISTRICT, { collective: 3, individual: 5 }, 'district'],
    [PROVINCE, { collective: 1, individual: 2 }, 'province'],
  ])('award %s has quota %j per year, granted at %s level', (id, quota, level) => {
    const award = vanNinh().awards.find((a) => a.id === id)!;
    expect(award.quotaPerYear).toEqual(quota);
    expect(award.authority.level).toBe(level);
  });

  test('the district chairman exists only until 1 July 2025', () => {
    expect(vanNinh().awards.find((a) => a.id === DISTRICT)!.authority.validUntil).toBe('2025-07-01');
  });

  test('declares the plan\'s prerequisites and deadlines', () => {
    const campaign = vanNinh();
    expect(campaign.awards.find((a) => a.id === PROVINCE)!.prerequisites).toEqual([expect.objectContaining({ type: 'prior-recognition', level: 'district', consecutiveYears: 2 })]);
    expect(campaign.awards.find((a) => a.id === COMMUNE)!.prerequisites).toEqual([expect.objectContaining({ type: 'registered-model', deadline: 'dang-ky-mo-hinh' })]);
    expect(campaign.deadlines.map((d) => [d.id, d.due])).toEqual(
      expect.arrayContaining([
        ['dang-ky-mo-hinh', { everyYearBefore: '02-15' }],
        ['ho-so-cap-huyen', { everyYearBefore: '09-01' }],
        ['bao-cao-ket-qua-nam', { everyYearBefore: '10-01' }],
      ]),
    );
    expect(campaign.dossier.copies).toEqual([{ award: DISTRICT, sets: 1 }, { award: PROVINCE, sets: 3 }]);
  });
});

describe('a template that breaks the schema is refused with the path named', () => {
  const broken = (mutate: (t: any) => void) => {
    const json = JSON.parse(templateText);
    mutate(json);
    return () => parseCampaignTemplate('van-ninh-dan-van-kheo.json', JSON.stringify(json));
  };

  test.each([
    ['a negative maximum', (t: any) => (t.rubrics.individual.criteria[2].maxPoints = -20), 'rubrics.individual.criteria.2.maxPoints'],
    ['a share above 1', (t: any) => (t.rubrics.collective.criteria[0].minShare = 90), 'rubrics.collective.criteria.0.minShare'],
    ['an unknown kind in an award', (t: any) => (t.awards[1].kinds = ['household']), 'awards.1.kinds.0'],
    ['a deadline that does not exist', (t: any) => (t.awards[1].deadlines = ['khong-co']), 'awards.1.deadlines.0'],
    ['a fractional quota', (t: any) => (t.awards[1].quotaPerYear.individual = 2.5), 'awards.1.quotaPerYear.individual'],
    ['a duplicated award id', (t: any) => (t.awards[2].id = t.awards[1].id), 'awards.2.id'],
    ['a threshold above the rubric\'s total', (t: any) => (t.rubrics.individual.totalThreshold = 101), 'rubrics.individual.totalThreshold'],
    ['a missing title', (t: any) => delete t.title, 'title'],
  ])('%s', (_label, mutate, path) => {
    expect(broken(mutate)).toThrow(TemplateError);
    expect(broken(mutate)).toThrow(path);
  });

  test('names the file of a template that is not JSON', () => {
    expect(() => parseCampaignTemplate('hong.json', '{ "id": ')).toThrow(/hong\.json.*không phải JSON/s);
  });

  test('requires the id to match the file name', () => {
    expect(() => parseCampaignTemplate('khac.json', templateText)).toThrow(/phải trùng tên tệp/);
  });
});

describe('drift', () => {
  test('every finding code has a Vietnamese message', () => {
    for (const code of FINDING_CODES) {
      const message = FINDINGS[code].message({ label: 'x', value: 'x', criterion: '1' });
      expect(message.length, code).toBeGreaterThan(10);
      expect(message, code).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
    }
  });

  test('every column of the nominations tab maps to a field of the nomination contract or a computed field', () => {
    const contract = new Set([...Object.keys(NominationInput.shape), ...Object.keys(Review.shape)]);
    const computed = new Set(['receivedAt', 'selfTotal', 'total', 'rank', 'status', 'stage', 'findings', 'findingCodes', 'councilSpread']);
    const tab = layoutsFor(vanNinh()).get('nominations')!;
    for (const column of tab.columns) {
      const field = column.key.split('.')[0]!;
      const mapped = field === 'score' ? 'selfScores' : field;
      expect(contract.has(mapped) || computed.has(field), column.key).toBe(true);
    }
    // and back: every contract field but the campaign (one workbook per campaign) has a column
    const keys = new Set(tab.columns.map((c) => c.key.split('.')[0]));
    for (const field of Object.keys(NominationInput.shape)) if (field !== 'campaign') expect(keys.has(field === 'selfScores' ? 'score' : field), field).toBe(true);
  });
});

describe('the other three plans as templates', () => {
  const all = () => campaigns;

  test('all four seed campaigns load', () => {
    expect([...all().keys()].sort()).toEqual(['bac-son-quiz-2024', 'tay-ninh-nam-dan-van-kheo-2020', 'tt-bac-son-80-nam-tong-tuyen-cu', 'van-ninh-dan-van-kheo']);
  });

  test('Bắc Sơn quiz: to 28/4/2024, individuals aged 16 on launch, the quiz rule, the district chairman\'s Giấy khen', () => {
    const c = all().get('bac-son-quiz-2024')!;
    expect(c.term.to).toBe('2024-04-28');
    const [award] = c.awards;
    expect(c.awards).toHaveLength(1);
    expect(award!.name).toBe('Giấy khen của Chủ tịch UBND huyện');
    expect(award!.prerequisites).toEqual([
      expect.objectContaining({ type: 'minimum-age', years: 16, kinds: ['individual'] }),
      expect.objectContaining({ type: 'quiz-participation', district: 'Bắc Sơn', minReferrals: 2, consecutiveWeeks: 5, kinds: ['individual'] }),
    ]);
    expect(c.rubrics.collective!.criteria).toHaveLength(3); // the plan's three collective criteria, rated by the reviewing body
  });

  test('TT Bắc Sơn: to 31/12/2025, district Giấy khen (the commune one from 1 July 2025) and provincial Bằng khen proposals on qualitative criteria', () => {
    const c = all().get('tt-bac-son-80-nam-tong-tuyen-cu')!;
    expect(c.term.to).toBe('2025-12-31');
    expect(c.awards.map((a) => [a.id, a.authority.level])).toEqual([['giay-khen-chu-tich-huyen', 'district'], ['giay-khen-chu-tich-xa', 'commune'], ['bang-khen-chu-tich-tinh', 'province']]);
    expect(c.awards[0]!.successorAward).toBe('giay-khen-chu-tich-xa');
    expect(Object.values(c.rubrics).every((r) => r!.criteria.every((x) => 'scale' in x))).toBe(true);
  });

  test('Tây Ninh: blocks, plans due before 15/4/2020, term to 31/12/2020, recognised model examples', () => {
    const c = all().get('tay-ninh-nam-dan-van-kheo-2020')!;
    expect(c.blocks).toBeDefined();
    expect(c.term.to).toBe('2020-12-31');
    expect(c.deadlines.find((d) => d.id === 'ke-hoach-khoi-don-vi')!.due).toEqual({ before: '2020-04-15' });
    expect(c.awards[0]!.prerequisites).toEqual([expect.objectContaining({ type: 'registered-model', status: 'recognised' })]);
    expect(c.rubrics.collective!.criteria).toHaveLength(7); // the plan's seven contents
  });

  test('refuses a template whose award authority does not exist during the campaign', () => {
    const json = JSON.parse(readFileSync(join(templatesDir(), 'campaigns', 'tay-ninh-nam-dan-van-kheo-2020.json'), 'utf8'));
    json.awards[0].authority.validUntil = '2019-01-01';
    expect(() => parseCampaignTemplate('tay-ninh-nam-dan-van-kheo-2020.json', JSON.stringify(json))).toThrow('awards.0.authority');
  });

  test('refuses a rated criterion whose scale is not declared', () => {
    const json = JSON.parse(readFileSync(join(templatesDir(), 'campaigns', 'bac-son-quiz-2024.json'), 'utf8'));
    json.rubrics.individual.criteria[0].scale = 'khong-co';
    expect(() => parseCampaignTemplate('bac-son-quiz-2024.json', JSON.stringify(json))).toThrow('rubrics.individual.criteria.0.scale');
  });
});
