import { findAward, findScale, isRated, type Award, type Campaign, type PointsCriterion, type Rubric } from './campaign.js';
import type { CouncilResult } from './council.js';
import type { Datasets } from './datasets.js';
import { formatOfficialDate, formatOfficialDateTime, isoDateStart, vietnamDate, vietnamDayStart, vietnamYear } from './dates.js';
import { finding, type Finding } from './findings.js';
import type { Nomination } from './nomination.js';
import { round2, toPoints } from './points.js';
import { awardOn } from './authority.js';
import { AWARD_GUIDANCE_KEY, type AwardGuidance } from './award-guidance.js';
import { checkClearance, checkPrerequisites } from './prerequisites.js';
import { canonicalKey } from './text.js';
import { NOMINEE_KIND_LABEL } from './vocabulary.js';

export { toPoints } from './points.js';

/** A nomination checked against its campaign: its evaluation year, the points that count, their total, the findings. */
export interface Appraisal {
  year: number;
  /** Points per criterion that count: the council's average where it has scored, else the self-assessment. */
  scores: Record<string, number>;
  /** Total of the self-assessed points. */
  selfTotal: number;
  /** Total of the points that count; ranks are by this. */
  total: number;
  findings: Finding[];
}

/** What appraisal may join against besides the nomination: loaded datasets and the council's scores. */
export interface AppraisalContext {
  datasets?: Datasets;
  council?: CouncilResult;
  /** The award guidance the council recorded, for a plan whose award step waits for one (`awardGuidance`). */
  guidance?: AwardGuidance;
}

/** The evaluation year: the nomination's own, else the year it was submitted in Vietnam time. */
export const evaluationYear = (n: Pick<Nomination, 'year' | 'submittedAt'>): number => n.year ?? vietnamYear(n.submittedAt);

/**
 * Checks one nomination against the rules of its campaign. Pure: everything it needs is in its arguments.
 * Findings of severity `rejected` mean the submission must not be stored as a nomination.
 *
 * @example appraise(nomination, campaigns.get(nomination.campaign), { datasets })
 */
export function appraise(nomination: Nomination, campaign: Campaign | undefined, context: AppraisalContext = {}): Appraisal {
  const year = evaluationYear(nomination);
  const rejected = (f: Finding): Appraisal => ({ year, scores: {}, selfTotal: 0, total: 0, findings: [f] });
  if (!campaign) return rejected(finding('CAMPAIGN_UNKNOWN', 'campaign', { value: nomination.campaign }));
  const proposed = findAward(campaign, nomination.award);
  if (!proposed) return rejected(finding('AWARD_UNKNOWN', 'award', { value: nomination.award, allowed: campaign.awards.map((a) => a.id).join(', ') }));
  const award = nominatedAward(campaign, proposed, nomination);
  const succession = award === proposed ? [] : [succeeded(proposed, award, vietnamDate(nomination.submittedAt))];
  if (!award.kinds.includes(nomination.kind)) {
    return rejected(finding('KIND_NOT_ALLOWED', 'kind', { award: award.name, kind: NOMINEE_KIND_LABEL[nomination.kind].toLowerCase() }));
  }
  const blockFinding = checkBlock(nomination, campaign);
  if (blockFinding) return rejected(blockFinding);

  const rubric = award.scored ? campaign.rubrics[nomination.kind] : undefined;
  const self = rubric ? checkSelfScores(nomination, rubric) : { scores: {}, findings: [] };
  const findings = [...succession, ...self.findings];
  const selfTotal = round2(Object.values(self.scores).reduce((sum, s) => sum + s, 0));
  let scores = self.scores;
  if (rubric && !findings.some((f) => f.severity === 'rejected')) {
    scores = { ...self.scores, ...(context.council?.averages ?? {}) };
    findings.push(...checkThresholds(campaign, rubric, scores));
  }
  if (!award.scored) findings.push(finding('ADHOC_COUNCIL_JUDGES', 'award', { award: award.name }));
  findings.push(...(context.council?.findings ?? []));
  findings.push(...checkDates(nomination, campaign, award, year, context.guidance));
  findings.push(...checkPrerequisites(award.prerequisites, nomination, year, campaign, context.datasets ?? {}));
  findings.push(...checkClearance(nomination, context.datasets ?? {}));
  const total = round2(Object.values(scores).reduce((sum, s) => sum + s, 0));
  return { year, scores, selfTotal, total, findings };
}

/**
 * The award a nomination is judged for: the one proposed, or, when it was submitted after that award's authority
 * ended, the successor the template declares (nominations after the change go to it).
 */
export function nominatedAward(campaign: Campaign, proposed: Award, nomination: Pick<Nomination, 'submittedAt'>): Award {
  return awardOn(campaign, proposed, vietnamDate(nomination.submittedAt)) ?? proposed;
}

/** The note that a nomination or a decision went to the successor award. */
export function succeeded(from: Award, to: Award, isoDate: string): Finding {
  return finding('AWARD_SUCCEEDED', 'award', { date: formatOfficialDate(isoDate), from: from.name, authority: from.authority.title, until: formatOfficialDate(from.authority.validUntil ?? isoDate), to: to.name });
}

function checkBlock(n: Nomination, campaign: Campaign): Finding | undefined {
  if (!campaign.blocks) return undefined;
  const names = campaign.blocks.names;
  const allowed = names?.join('; ') ?? 'khối của đơn vị';
  if (!n.block) return finding('BLOCK_NEEDED', 'block', { allowed });
  if (!names) return undefined;
  return names.some((b) => canonicalKey(b) === canonicalKey(n.block!)) ? undefined : finding('BLOCK_UNKNOWN', 'block', { value: n.block, allowed });
}

/** The unit's self-assessment: every points criterion scored, with a number within its maximum. */
function checkSelfScores(nomination: Nomination, rubric: Rubric): { scores: Record<string, number>; findings: Finding[] } {
  const findings: Finding[] = [];
  const scores: Record<string, number> = {};
  const numbers = rubric.criteria.map((c) => c.number);
  for (const key of Object.keys(nomination.selfScores)) {
    if (!numbers.includes(key)) findings.push(finding('CRITERION_UNKNOWN', `selfScores.${key}`, { criterion: key, allowed: numbers.join(', ') }));
  }
  for (const key of Object.keys(nomination.evidence)) {
    if (!numbers.includes(key)) findings.push(finding('CRITERION_UNKNOWN', `evidence.${key}`, { criterion: key, allowed: numbers.join(', ') }));
  }
  for (const criterion of rubric.criteria) {
    if (rubric.evidence === 'each-criterion' && !nomination.evidence[criterion.number]) {
      findings.push(finding('EVIDENCE_MISSING', `evidence.${criterion.number}`, { criterion: criterion.number, hint: criterion.evidenceHint ?? '' }));
    }
    if (isRated(criterion)) continue; // rated by the council, not self-assessed
    const field = `selfScores.${criterion.number}`;
    const raw = nomination.selfScores[criterion.number];
    const points = toPoints(raw);
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) findings.push(finding('SCORE_MISSING', field, { criterion: criterion.number }));
    else if (points === undefined) findings.push(finding('SCORE_NOT_NUMBER', field, { criterion: criterion.number, value: String(raw).slice(0, 50) }));
    else if (points < 0) findings.push(finding('SCORE_NEGATIVE', field, { criterion: criterion.number, value: points }));
    else if (points > criterion.maxPoints) findings.push(finding('SCORE_ABOVE_MAX', field, { criterion: criterion.number, value: points, max: criterion.maxPoints }));
    else scores[criterion.number] = points;
  }
  return { scores: findings.some((f) => f.severity === 'rejected') ? {} : scores, findings };
}

/** Per-criterion minimums, pass marks of rated criteria, and the total threshold, on the points that count. */
function checkThresholds(campaign: Campaign, rubric: Rubric, scores: Record<string, number>): Finding[] {
  const findings: Finding[] = [];
  for (const criterion of rubric.criteria) {
    const points = scores[criterion.number];
    const field = `selfScores.${criterion.number}`;
    if (isRated(criterion)) {
      const scale = findScale(campaign, criterion.scale)!;
      if (points === undefined) findings.push(finding('RATING_PENDING', `councilScores.${criterion.number}`, { criterion: criterion.number }));
      else if (points < scale.passPoints) findings.push(finding('RATING_BELOW_PASS', `councilScores.${criterion.number}`, { criterion: criterion.number, value: points, pass: scale.passPoints }));
      continue;
    }
    if (points === undefined) continue;
    const min = minimumOf(criterion);
    if (points < min) {
      findings.push(finding('CRITERION_BELOW_MIN', field, { criterion: criterion.number, value: points, max: criterion.maxPoints, min, share: Math.round(criterion.minShare * 100) }));
    }
  }
  const total = round2(rubric.criteria.reduce((sum, c) => sum + (isRated(c) ? 0 : (scores[c.number] ?? 0)), 0));
  if (rubric.totalThreshold !== undefined && total < rubric.totalThreshold) {
    findings.push(finding('TOTAL_BELOW_THRESHOLD', 'selfScores', { value: total, threshold: rubric.totalThreshold }));
  }
  return findings;
}

const minimumOf = (c: PointsCriterion) => round2(c.maxPoints * c.minShare);

function checkDates(nomination: Nomination, campaign: Campaign, award: Award, year: number, guidance: AwardGuidance | undefined): Finding[] {
  const findings: Finding[] = [];
  const submitted = nomination.submittedAt;
  if (campaign.awardGuidance && !guidance) {
    findings.push(finding('GUIDANCE_PENDING', 'submittedAt', { planSays: campaign.awardGuidance.planSays, by: campaign.awardGuidance.by, key: AWARD_GUIDANCE_KEY }));
  }
  const period = campaign.awardGuidance ? { from: guidance?.date ?? campaign.term.from } : (campaign.nominationPeriod ?? campaign.term);
  const endExclusive = period.to ? new Date(isoDateStart(period.to).getTime() + 24 * 3600 * 1000) : undefined;
  if (submitted < isoDateStart(period.from) || (endExclusive && submitted >= endExclusive)) {
    findings.push(finding('OUTSIDE_TERM', 'submittedAt', { submitted: formatOfficialDate(vietnamDate(submitted)), from: formatOfficialDate(period.from), to: period.to ? formatOfficialDate(period.to) : '…' }));
  }
  const { validFrom, validUntil } = award.authority;
  if ((validUntil && submitted >= isoDateStart(validUntil)) || (validFrom && submitted < isoDateStart(validFrom))) {
    const successor = award.authority.successor ? ` Thẩm quyền tương ứng: ${award.authority.successor}.` : '';
    findings.push(finding('AWARD_NOT_AVAILABLE', 'award', { date: formatOfficialDate(vietnamDate(submitted)), authority: award.authority.title, until: formatOfficialDate(validUntil ?? validFrom!), successor }));
  }
  for (const id of award.deadlines) {
    const deadline = campaign.deadlines.find((d) => d.id === id);
    if (!deadline) continue;
    const due = 'before' in deadline.due ? isoDateStart(deadline.due.before) : monthDayStart(year, deadline.due.everyYearBefore);
    if (submitted >= due) {
      findings.push(finding('SUBMITTED_LATE', 'submittedAt', { submitted: formatOfficialDateTime(submitted), deadline: deadline.label, due: formatOfficialDate(vietnamDate(due)) }));
    }
  }
  return findings;
}

const monthDayStart = (year: number, monthDay: string): Date => {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  return vietnamDayStart(year, m, d);
};
