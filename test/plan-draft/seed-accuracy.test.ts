import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { accuracyTable, measureSeeds } from '../../scripts/draft-accuracy.js';
import { comparable, scoreDraft } from '../../shared/plan-draft/accuracy.js';
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
});
