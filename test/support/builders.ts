import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRated, type Campaign, type PointsCriterion } from '../../shared/domain/campaign.js';
import { parseNomination, type Nomination } from '../../shared/domain/nomination.js';
import { loadCampaigns } from '../../shared/templates/campaign-registry.js';

export const campaigns = loadCampaigns();
export const vanNinh = (): Campaign => campaigns.get('van-ninh-dan-van-kheo')!;

export const DISTRICT = 'giay-khen-chu-tich-huyen';
export const PROVINCE = 'bang-khen-chu-tich-tinh';
export const COMMUNE = 'giay-khen-chu-tich-xa';

/** The Vạn Ninh rubric's criteria for a kind (all scored in points). */
export function pointsCriteria(kind: 'collective' | 'individual'): PointsCriterion[] {
  return vanNinh().rubrics[kind]!.criteria.filter((c): c is PointsCriterion => !isRated(c));
}

/** Full marks on every criterion of the plan's rubric for the kind. */
export function fullMarks(kind: 'collective' | 'individual'): Record<string, number> {
  return Object.fromEntries(pointsCriteria(kind).map((c) => [c.number, c.maxPoints]));
}

/** Evidence text for every criterion. */
export function allEvidence(kind: 'collective' | 'individual'): Record<string, string> {
  return Object.fromEntries(vanNinh().rubrics[kind]!.criteria.map((c) => [c.number, `Minh chứng tiêu chí ${c.number}`]));
}

/** Scores that add up to `total`, taking points off criterion 1 first, never below 90% of a criterion's maximum. */
export function scoresTotalling(kind: 'collective' | 'individual', total: number): Record<string, number> {
  const criteria = pointsCriteria(kind);
  const scores = fullMarks(kind);
  let deficit = criteria.reduce((s, c) => s + c.maxPoints, 0) - total;
  for (const c of criteria) {
    const take = Math.min(deficit, c.maxPoints * 0.1);
    scores[c.number] = c.maxPoints - take;
    deficit -= take;
  }
  if (deficit > 1e-9) throw new Error(`total ${total} needs a criterion below 90%`);
  return scores;
}

let counter = 0;

/** A valid raw individual nomination for the district award, submitted in August 2024; override any field. */
export function rawIndividual(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    responseId: `r-${counter}`,
    submittedAt: '2024-08-15T09:00:00+07:00',
    campaign: 'van-ninh-dan-van-kheo',
    award: DISTRICT,
    kind: 'individual',
    name: `Nguyễn Văn ${String.fromCharCode(65 + (counter % 26))}${counter}`,
    unit: 'UBND xã Vạn Thắng',
    position: 'Trưởng thôn',
    birthDate: '1980-01-01',
    selfScores: fullMarks('individual'),
    evidence: allEvidence('individual'),
    ...overrides,
  };
}

export function rawCollective(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    responseId: `r-${counter}`,
    submittedAt: '2024-08-15T09:00:00+07:00',
    campaign: 'van-ninh-dan-van-kheo',
    award: DISTRICT,
    kind: 'collective',
    name: `Hội Nông dân xã số ${counter}`,
    unit: 'Hội Nông dân huyện Vạn Ninh',
    selfScores: fullMarks('collective'),
    evidence: allEvidence('collective'),
    ...overrides,
  };
}

/** Parses a raw nomination that the test expects to be well-formed. */
export function nomination(raw: Record<string, unknown>): Nomination {
  const parsed = parseNomination(raw);
  if (!parsed.ok) throw new Error(`test nomination does not parse: ${JSON.stringify(parsed.findings)}`);
  return parsed.nomination;
}

export const tempDir = (prefix = 'thidua-') => mkdtempSync(join(tmpdir(), prefix));
