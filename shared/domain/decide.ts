import { appraise, type Appraisal } from './appraise.js';
import { findAward, type Campaign } from './campaign.js';
import { finding, isIneligible, type Finding } from './findings.js';
import type { Nomination } from './nomination.js';
import { canonicalKey, compareVi } from './text.js';
import { NOMINEE_KIND_LABEL, type NominationStatus, type NomineeKind } from './vocabulary.js';

/** The engine's verdict on one stored nomination after looking at all of them. */
export interface Decision {
  responseId: string;
  award: string;
  kind: NomineeKind;
  year: number;
  status: NominationStatus;
  total: number;
  scores: Record<string, number>;
  /** Rank among the eligible nominations of the same award, kind and year (1 = best; ties share a rank). */
  rank?: number;
  findings: Finding[];
}

/**
 * Appraises every nomination of a campaign, marks duplicates, ranks the eligible ones per award, kind and year,
 * and applies the yearly quota. Ties that straddle the quota line, after the campaign's tie-breakers, are marked
 * `council-decides` and stay off the list; input order never decides. Pure and deterministic.
 */
export function decide(campaign: Campaign, nominations: readonly Nomination[]): Decision[] {
  const ordered = [...nominations].sort(bySubmission);
  const firstByNominee = new Map<string, Nomination>();
  const decisions = ordered.map((nomination): Decision => {
    const appraisal: Appraisal = appraise(nomination, campaign);
    const findings = [...appraisal.findings];
    const key = nomineeKey(nomination, appraisal.year);
    const first = firstByNominee.get(key);
    if (first) findings.push(finding('DUPLICATE_NOMINEE', 'name', { other: first.responseId, year: appraisal.year }));
    else firstByNominee.set(key, nomination);
    const status: NominationStatus = first ? 'duplicate' : isIneligible(findings) ? 'ineligible' : 'eligible';
    return { responseId: nomination.responseId, award: nomination.award, kind: nomination.kind, year: appraisal.year, status, total: appraisal.total, scores: appraisal.scores, findings };
  });
  const byId = new Map(ordered.map((n) => [n.responseId, n]));
  for (const group of groupBy(decisions.filter((d) => d.status === 'eligible'), (d) => `${d.award}|${d.kind}|${d.year}`)) {
    const first = group[0]!;
    const quota = findAward(campaign, first.award)?.quotaPerYear[first.kind];
    allocate(group, quota, campaign.tieBreakers.includes('women-priority'), (id) => byId.get(id)!);
  }
  return decisions;
}

/**
 * Ranks one group (same award, kind, year) and fills the quota tier by tier. A tier is a set of nominations that the
 * tie-breakers cannot separate; a tier that does not fit entirely in the remaining places goes to the council.
 */
function allocate(group: Decision[], quota: number | undefined, womenPriority: boolean, nominationOf: (id: string) => Nomination): void {
  const tiers = tiersOf(group, womenPriority, nominationOf);
  let rank = 1;
  let left = quota ?? Number.POSITIVE_INFINITY;
  for (const tier of tiers) {
    const fits = tier.length <= left;
    for (const d of tier) {
      d.rank = rank;
      if (fits) d.status = 'proposed';
      else if (left > 0) {
        d.status = 'council-decides';
        d.findings.push(finding('QUOTA_TIE', 'award', { rank, count: tier.length, quota: quota ?? 0 }));
      } else {
        d.status = 'over-quota';
        d.findings.push(finding('QUOTA_EXCEEDED', 'award', { rank, quota: quota ?? 0, kind: NOMINEE_KIND_LABEL[d.kind].toLowerCase() }));
      }
    }
    // Places held for the council's choice stay reserved: nobody below the tie moves up into them.
    left = fits ? left - tier.length : 0;
    rank += tier.length;
  }
}

/** Orders a group into tiers: by total score, then (where every gender is known) women first. */
function tiersOf(group: Decision[], womenPriority: boolean, nominationOf: (id: string) => Nomination): Decision[][] {
  const byScore = [...groupBy(group, (d) => d.total.toFixed(2))].sort((a, b) => b[0]!.total - a[0]!.total);
  return byScore.flatMap((tier) => {
    const sorted = tier.sort((a, b) => compareVi(nominationOf(a.responseId).name, nominationOf(b.responseId).name) || compareVi(a.responseId, b.responseId));
    if (!womenPriority || tier.length < 2) return [sorted];
    const genders = sorted.map((d) => nominationOf(d.responseId).gender);
    if (genders.some((g) => g === undefined) || !genders.includes('nữ') || !genders.includes('nam')) return [sorted];
    return [sorted.filter((d) => nominationOf(d.responseId).gender === 'nữ'), sorted.filter((d) => nominationOf(d.responseId).gender === 'nam')];
  });
}

/** Same nominee, award and year: canonical name plus birth date (individuals) or unit. */
export function nomineeKey(n: Nomination, year: number): string {
  const who = n.kind === 'individual' && n.birthDate ? n.birthDate : canonicalKey(n.unit);
  return [n.campaign, n.award, year, n.kind, canonicalKey(n.name), who].join('|');
}

const bySubmission = (a: Nomination, b: Nomination) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
