import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { accuracyTable, measureSeeds } from '../../scripts/draft-accuracy.js';
import { comparable, scoreDraft, statedByPlan } from '../../shared/plan-draft/accuracy.js';
import { loadCampaigns } from '../../shared/templates/campaign-registry.js';

/** The drafts of the four seed plans against their hand-made templates (npm run draft:accuracy): figures, not timings. */
describe('the draft measured against the plans we have', async () => {
  const results = await measureSeeds();

  test('drafts every seed plan a template names', () => {
    expect(results.map((r) => r.campaign).sort()).toEqual([...loadCampaigns().values()].filter((c) => c.plan.seed).map((c) => c.id).sort());
    for (const r of results) expect(r.filled).toBeGreaterThan(0);
  });

  test.each(results.map((r) => [r.campaign, r] as const))('fills %s with precision ≥ 95 % (a wrong value is worse than a blank)', (_, r) => {
    const wrong = r.verdicts.filter((v) => v.verdict === 'wrong');
    expect(r.precision, JSON.stringify(wrong, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  test('the table in docs/campaigns.md is the one the script prints', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../docs/campaigns.md'), 'utf8');
    expect(docs).toContain(accuracyTable(results));
  });
});

describe('the comparison', () => {
  test.each([
    ['“Dân vận khéo”', '"Dân vận khéo"'],
    ['Chủ tịch UBND huyện', 'Chủ tịch Ủy ban nhân dân huyện'],
    ['Sở Nội vụ (qua Ban Thi đua - Khen thưởng)', 'Sở Nội vụ (Ban Thi đua - Khen thưởng)'],
    ['Tờ trình đề nghị khen thưởng.', 'tờ trình đề nghị khen thưởng'],
  ])('counts "%s" and "%s" as the same words', (a, b) => {
    expect(comparable(a)).toBe(comparable(b));
  });

  test.each([
    ['Chủ tịch UBND huyện', 'Chủ tịch UBND tỉnh'],
    ['Giấy khen', 'Bằng khen'],
  ])('tells "%s" from "%s"', (a, b) => {
    expect(comparable(a)).not.toBe(comparable(b));
  });

  test('scores a wrong value as wrong, a missing one as not found, and an extra one as wrong', () => {
    const template = loadCampaigns().get('bac-son-quiz-2024')!;
    const score = scoreDraft(
      {
        fields: [
          { path: '/title', value: template.title, source: 's' },
          { path: '/issuer/place', value: 'Lạng Sơn', source: 's' },
          { path: '/awards/0/name', value: 'Bằng khen của Chủ tịch UBND tỉnh', source: 's' },
        ],
        missing: [],
        warnings: [],
      },
      template,
    );
    expect(score.filled).toBe(3);
    expect(score.correct).toBe(1);
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / score.inTemplate);
    expect(score.verdicts.filter((v) => v.verdict === 'not-found').length).toBe(score.inTemplate - 2);
  });

  describe('only what the plan states counts', () => {
    const template = loadCampaigns().get('tt-bac-son-80-nam-tong-tuyen-cu')!;
    /** A plan written for the test: it names the district chairman's Giấy khen and the provincial Bằng khen, a dossier
     * with a Tờ trình, and runs from its launch to 31/12/2025. */
    const planText = [
      'KẾ HOẠCH',
      'Thời gian: từ ngày phát động đến hết ngày 31/12/2025.',
      'Khen thưởng: Giấy khen của Chủ tịch UBND huyện; đề nghị Bằng khen của Chủ tịch UBND tỉnh.',
      'Hồ sơ gồm: Tờ trình đề nghị khen thưởng.',
    ].join('\n');
    const stated = statedByPlan(template, planText);

    test.each([
      ['award.giay-khen-chu-tich-huyen.name', true, 'an award whose form and grantor the plan names'],
      ['award.bang-khen-chu-tich-tinh.authority.title', true, 'a fact of such an award'],
      ['award.giay-khen-chu-tich-xa.name', false, 'the successor the law adds (the plan names no commune chairman)'],
      ['document.to-trinh', true, 'a document whose kind the plan names'],
      ['document.bao-cao-thanh-tich', false, 'a document the plan does not name'],
      ['term.to', true, 'a date the plan writes'],
      ['term.from', false, 'the start of a plan "from its launch"'],
      ['title', true, 'any other field'],
    ])('%s counts: %s (%s)', (key, counts) => {
      expect(stated(key)).toBe(counts);
    });

    test.each([
      ['award.bang-khen-chu-tich-tinh.authority.title', true, 'the grantor the plan names'],
      ['award.bang-khen-chu-tich-tinh.kinds', true, 'the kinds of an award the plan implies'],
      ['award.bang-khen-chu-tich-tinh.name', false, 'the form the plan does not write'],
      ['copies.bang-khen-chu-tich-tinh', false, 'its sets'],
    ])('a plan that implies an award ("đề nghị Chủ tịch UBND tỉnh khen thưởng 01 tập thể"): %s counts: %s (%s)', (key, counts) => {
      const implied = statedByPlan(template, 'Hằng năm, đề nghị Chủ tịch UBND tỉnh khen thưởng 01 tập thể và 02 cá nhân tiêu biểu.');
      expect(implied(key)).toBe(counts);
    });

    test('neither counts a field the plan does not state against the draft nor scores the draft\'s value for it', () => {
      const draft = {
        fields: [
          { path: '/term/to', value: '2025-12-31', source: 's' },
          { path: '/term/from', value: '2024-01-01', source: 's' },
        ],
        missing: [],
        warnings: [],
      };
      const score = scoreDraft(draft, template, planText);
      expect(score.filled).toBe(1);
      expect(score.correct).toBe(1);
      const notStated = score.verdicts.filter((v) => v.verdict === 'not-stated').map((v) => v.field);
      expect(notStated).toContain('ngày bắt đầu');
      expect(notStated).toContain('hồ sơ: Báo cáo thành tích của tập thể, cá nhân');
      expect(score.inTemplate).toBe(score.verdicts.length - notStated.length - score.verdicts.filter((v) => v.verdict === 'wrong' && v.template === undefined).length);
      const full = scoreDraft(draft, template);
      expect(full.inTemplate).toBe(score.inTemplate + notStated.length);
      expect(full.filled).toBe(2);
    });
  });
});
