import { findAward, type Award, type Campaign, type Rubric } from './campaign.js';
import { formatVietnameseDate, isoDateStart, vietnamDate, vietnamDayStart, vietnamYear } from './dates.js';
import { finding, type Finding } from './findings.js';
import type { Nomination } from './nomination.js';
import { NOMINEE_KIND_LABEL } from './vocabulary.js';

/** A nomination checked against its campaign: its evaluation year, scores as numbers and total, and the findings. */
export interface Appraisal {
  year: number;
  /** Self-assessed points per criterion number, as numbers; empty when the rubric could not be applied. */
  scores: Record<string, number>;
  total: number;
  findings: Finding[];
}

/** The evaluation year: the nomination's own, else the year it was submitted in Vietnam time. */
export const evaluationYear = (n: Nomination): number => n.year ?? vietnamYear(n.submittedAt);

/**
 * Checks one nomination against the rules of its campaign. Pure: everything it needs is in its arguments.
 * Findings of severity `rejected` mean the submission must not be stored as a nomination.
 *
 * @example appraise(nomination, campaigns.get(nomination.campaign))
 */
export function appraise(nomination: Nomination, campaign: Campaign | undefined): Appraisal {
  const year = evaluationYear(nomination);
  if (!campaign) return { year, scores: {}, total: 0, findings: [finding('CAMPAIGN_UNKNOWN', 'campaign', { value: nomination.campaign })] };
  const award = findAward(campaign, nomination.award);
  if (!award) {
    const allowed = campaign.awards.map((a) => a.id).join(', ');
    return { year, scores: {}, total: 0, findings: [finding('AWARD_UNKNOWN', 'award', { value: nomination.award, allowed })] };
  }
  if (!award.kinds.includes(nomination.kind)) {
    return { year, scores: {}, total: 0, findings: [finding('KIND_NOT_ALLOWED', 'kind', { award: award.name, kind: NOMINEE_KIND_LABEL[nomination.kind].toLowerCase() })] };
  }
  const rubric = campaign.rubrics[nomination.kind];
  const { scores, findings } = rubric ? checkRubric(nomination, rubric) : { scores: {}, findings: [] };
  const total = round2(Object.values(scores).reduce((sum, s) => sum + s, 0));
  if (rubric?.totalThreshold !== undefined && !findings.some((f) => f.severity === 'rejected') && total < rubric.totalThreshold) {
    findings.push(finding('TOTAL_BELOW_THRESHOLD', 'selfScores', { value: total, threshold: rubric.totalThreshold }));
  }
  findings.push(...checkDates(nomination, campaign, award, year), ...prerequisiteNotes(award));
  return { year, scores, total, findings };
}

function checkRubric(nomination: Nomination, rubric: Rubric): { scores: Record<string, number>; findings: Finding[] } {
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
    const field = `selfScores.${criterion.number}`;
    const raw = nomination.selfScores[criterion.number];
    const points = toPoints(raw);
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      findings.push(finding('SCORE_MISSING', field, { criterion: criterion.number }));
    } else if (points === undefined) {
      findings.push(finding('SCORE_NOT_NUMBER', field, { criterion: criterion.number, value: String(raw).slice(0, 50) }));
    } else if (points < 0) {
      findings.push(finding('SCORE_NEGATIVE', field, { criterion: criterion.number, value: points }));
    } else if (points > criterion.maxPoints) {
      findings.push(finding('SCORE_ABOVE_MAX', field, { criterion: criterion.number, value: points, max: criterion.maxPoints }));
    } else {
      scores[criterion.number] = points;
      const min = round2(criterion.maxPoints * criterion.minShare);
      if (points < min) {
        findings.push(finding('CRITERION_BELOW_MIN', field, { criterion: criterion.number, value: points, max: criterion.maxPoints, min, share: Math.round(criterion.minShare * 100) }));
      }
    }
    if (rubric.evidence === 'each-criterion' && !nomination.evidence[criterion.number]) {
      findings.push(finding('EVIDENCE_MISSING', `evidence.${criterion.number}`, { criterion: criterion.number, hint: criterion.evidenceHint ?? '' }));
    }
  }
  const rejected = findings.some((f) => f.severity === 'rejected');
  return { scores: rejected ? {} : scores, findings };
}

/** Points as a number: accepts numbers and numeric text with a decimal point or the Vietnamese decimal comma ("13,5"). */
export function toPoints(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function checkDates(nomination: Nomination, campaign: Campaign, award: Award, year: number): Finding[] {
  const findings: Finding[] = [];
  const submitted = nomination.submittedAt;
  const termEnd = isoDateStart(campaign.term.to);
  const termEndExclusive = new Date(termEnd.getTime() + 24 * 3600 * 1000);
  if (submitted < isoDateStart(campaign.term.from) || submitted >= termEndExclusive) {
    findings.push(finding('OUTSIDE_TERM', 'submittedAt', { submitted: formatVietnameseDate(vietnamDate(submitted)), from: formatVietnameseDate(campaign.term.from), to: formatVietnameseDate(campaign.term.to) }));
  }
  const until = award.authority.validUntil;
  if (until && submitted >= isoDateStart(until)) {
    findings.push(finding('AWARD_NOT_AVAILABLE', 'award', { date: formatVietnameseDate(vietnamDate(submitted)), authority: award.authority.title, until: formatVietnameseDate(until) }));
  }
  for (const id of award.deadlines) {
    const deadline = campaign.deadlines.find((d) => d.id === id);
    if (!deadline) continue;
    const due = 'before' in deadline.due ? isoDateStart(deadline.due.before) : monthDayStart(year, deadline.due.everyYearBefore);
    if (submitted >= due) {
      findings.push(finding('SUBMITTED_LATE', 'submittedAt', { submitted: formatVietnameseDateTime(submitted), deadline: deadline.label, due: formatVietnameseDate(vietnamDate(due)) }));
    }
  }
  return findings;
}

const monthDayStart = (year: number, monthDay: string): Date => {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  return vietnamDayStart(year, m, d);
};

function formatVietnameseDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3600 * 1000).toISOString();
  return `${local.slice(11, 16)} ${formatVietnameseDate(local.slice(0, 10))}`;
}

function prerequisiteNotes(award: Award): Finding[] {
  return award.prerequisites.map((p) => finding('PREREQUISITE_NOT_CHECKED', 'award', { description: p.description }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
