import type { AwardGuidance } from './award-guidance.js';
import { appraise, nominatedAward, succeeded } from './appraise.js';
import { authorityExistsOn, awardOn } from './authority.js';
import { findAward, type Award, type Campaign } from './campaign.js';
import { formatOfficialDate } from './dates.js';
import { councilResult, type CouncilScoreEntry, type MemberScore } from './council.js';
import type { VoteResult } from './council-vote.js';
import type { Datasets } from './datasets.js';
import { finding, type Finding, type FindingCode } from './findings.js';
import type { Nomination } from './nomination.js';
import type { Review } from './review.js';
import { statusOf } from './status.js';
import { canonicalKey, compareVi } from './text.js';
import { APPRAISAL_LABEL, NOMINEE_KIND_LABEL, type NominationStatus, type NomineeKind, type Stage } from './vocabulary.js';

/** The engine's verdict on one stored nomination after looking at all of them. */
export interface Decision {
  responseId: string;
  award: string;
  kind: NomineeKind;
  year: number;
  block?: string;
  status: NominationStatus;
  stage: Stage;
  /** The total that ranks: the council's average where it has scored, else the self-assessment. */
  total: number;
  selfTotal: number;
  scores: Record<string, number>;
  /** Rank among the eligible nominations of the same award, kind, year (and block) (1 = best; ties share a rank). */
  rank?: number;
  /** Each council member's total and distance from the others, when the council has scored. */
  council?: MemberScore[];
  /** The council's vote on it (the latest meeting's), when it has voted. */
  vote?: VoteResult;
  /** A tie at the quota line the council settled by vote: won (proposed) or lost (over the quota). */
  tieVote?: 'won' | 'lost';
  findings: Finding[];
}

/** Everything besides the nominations that decides their fate. */
export interface DecideInputs {
  datasets?: Datasets;
  councilScores?: readonly CouncilScoreEntry[];
  reviews?: ReadonlyMap<string, Review>;
  /**
   * The council's votes by response id (`tallyVotes`). Once the council has voted on any nomination, a nomination is
   * proposed only when its vote passes: one not yet voted on waits (awaiting-vote), one that failed is not proposed.
   */
  votes?: ReadonlyMap<string, VoteResult>;
  /** The award guidance the council recorded (see `AppraisalContext.guidance`). */
  guidance?: AwardGuidance;
}

/**
 * Appraises every nomination of a campaign, applies the council's scores and appraisals, marks duplicates, ranks the
 * eligible ones per award, kind, year (and emulation block), and applies the yearly quota. Awarded nominations keep
 * their places. Ties that straddle the quota line, after the campaign's tie-breakers, go to the council
 * (`council-decides`) and stay off the list until it chooses; input order never decides. Pure and deterministic.
 */
export function decide(campaign: Campaign, nominations: readonly Nomination[], inputs: DecideInputs = {}): Decision[] {
  const ordered = [...nominations].sort(bySubmission);
  const scoresById = groupScores(inputs.councilScores ?? []);
  const firstByNominee = new Map<string, Nomination>();
  const blockName = blockNamer(campaign);
  const decisions = ordered.map((nomination): Decision => {
    const council = scoresById.has(nomination.responseId) ? councilResult(campaign, nomination, scoresById.get(nomination.responseId)!) : undefined;
    const appraisal = appraise(nomination, campaign, { datasets: inputs.datasets, council, guidance: inputs.guidance });
    const review = inputs.reviews?.get(nomination.responseId);
    // An ad-hoc award waits for the council's own judgement of the achievement: its "Đủ điều kiện" settles it.
    const judgedByCouncil = review?.appraisal === 'eligible';
    const findings = [...appraisal.findings.filter((f) => !(judgedByCouncil && f.code === 'ADHOC_COUNCIL_JUDGES')), ...reviewFindings(review)];
    const proposedAward = findAward(campaign, nomination.award);
    const judged = proposedAward ? nominatedAward(campaign, proposedAward, nomination) : undefined;
    const key = nomineeKey(judged ? { ...nomination, award: judged.id } : nomination, appraisal.year);
    const first = firstByNominee.get(key);
    if (first) findings.push(finding('DUPLICATE_NOMINEE', 'name', { other: first.responseId, year: appraisal.year }));
    else firstByNominee.set(key, nomination);
    const decision = recordedDecision(campaign, judged, review, findings);
    findings.push(...decision.findings);
    const vote = inputs.votes?.get(nomination.responseId);
    const status = statusOf(findings, { duplicate: first !== undefined, awarded: decision.awarded, voteFailed: vote !== undefined && !vote.passed });
    if (status === 'vote-failed' && vote?.finding) findings.push(vote.finding);
    return {
      responseId: nomination.responseId,
      award: decision.award ?? nomination.award,
      kind: nomination.kind,
      year: appraisal.year,
      block: blockName(nomination.block),
      status,
      stage: 'submitted',
      total: appraisal.total,
      selfTotal: appraisal.selfTotal,
      scores: appraisal.scores,
      council: council?.members,
      ...(vote ? { vote } : {}),
      findings,
    };
  });
  const byId = new Map(ordered.map((n) => [n.responseId, n]));
  oneAchievementOneAward(campaign, decisions, byId, inputs.reviews);
  const rankable = decisions.filter((d) => d.status === 'eligible' || d.status === 'awarded');
  const voting = inputs.votes !== undefined && inputs.votes.size > 0;
  for (const group of groupBy(rankable, (d) => `${d.award}|${d.kind}|${d.year}|${d.block ?? ''}`)) {
    const first = group[0]!;
    const award = findAward(campaign, first.award);
    const quota = campaign.blocks ? award?.quotaPerBlockPerYear?.[first.kind] : award?.quotaPerYear[first.kind];
    allocate(group, quota, campaign.tieBreakers.includes('women-priority'), (id) => byId.get(id)!, inputs.reviews, voting);
  }
  for (const d of decisions) d.stage = stageOf(d, inputs.reviews?.get(d.responseId));
  return decisions;
}

/**
 * One achievement, one award (Luật Thi đua, khen thưởng 2022: "không khen thưởng nhiều lần, nhiều hình thức cho một
 * thành tích"): the same nominee proposed in the same campaign and year for several forms of the same mode (an ad-hoc
 * award is for another achievement) waits for the council, who choose one (Chọn, or the decision they record); the
 * others stay off every list. Mutates the decisions' status and findings. Pure otherwise.
 */
function oneAchievementOneAward(campaign: Campaign, decisions: Decision[], byId: ReadonlyMap<string, Nomination>, reviews: DecideInputs['reviews']): void {
  const candidates = decisions.filter((d) => d.status === 'eligible' || d.status === 'awarded');
  const modeOf = (d: Decision) => findAward(campaign, d.award)?.mode ?? 'periodic';
  for (const group of groupBy(candidates, (d) => `${achievementKey(byId.get(d.responseId)!, d.year)}|${modeOf(d)}`)) {
    const awards = new Set(group.map((d) => d.award));
    if (awards.size < 2) continue;
    const nameOf = (d: Decision) => findAward(campaign, d.award)?.name ?? d.award;
    const awarded = group.filter((d) => d.status === 'awarded');
    const chosen = awarded.length > 0 ? awarded : group.filter((d) => reviews?.get(d.responseId)?.choice === 'select');
    const others = (d: Decision) => group.filter((o) => o !== d).map((o) => `${o.responseId} (${nameOf(o)})`).join(', ');
    for (const d of group) {
      if (chosen.length === 1 && chosen[0] !== d) {
        d.findings.push(finding('ONE_ACHIEVEMENT_OTHER_CHOSEN', 'award', { chosen: `${chosen[0]!.responseId} (${nameOf(chosen[0]!)})`, year: d.year }));
        if (d.status !== 'awarded') d.status = 'ineligible';
      } else if (chosen.length !== 1) {
        d.findings.push(finding('ONE_ACHIEVEMENT_SEVERAL_AWARDS', 'award', { others: others(d), year: d.year }));
        if (d.status !== 'awarded') d.status = 'awaiting-council';
      }
    }
  }
}

/** The same achievement: the same nominee (canonical name plus birth date, or unit) in the same campaign and year. */
function achievementKey(n: Nomination, year: number): string {
  const who = n.kind === 'individual' && n.birthDate ? n.birthDate : canonicalKey(n.unit);
  return [n.campaign, year, n.kind, canonicalKey(n.name), who].join('|');
}

/** A block's name as shown: the template's spelling, else the first spelling seen, so "Khối A" and "khối  A" rank together. */
function blockNamer(campaign: Campaign): (block: string | undefined) => string | undefined {
  const seen = new Map<string, string>(campaign.blocks?.names?.map((b) => [canonicalKey(b), b]));
  return (block) => {
    if (!campaign.blocks || !block) return undefined;
    const key = canonicalKey(block);
    if (!seen.has(key)) seen.set(key, block);
    return seen.get(key);
  };
}

/**
 * Whether a recorded decision stands, and for which award. A decision number never makes an award its authority could
 * not grant on the submission date (AWARD_NOT_AVAILABLE). A decision dated after the authority ended is the
 * successor's when the template declares one (the successor chairman signs it), else it is flagged and kept off every
 * list (DECISION_AUTHORITY_CEASED). Pure.
 */
function recordedDecision(campaign: Campaign, judged: Award | undefined, review: Review | undefined, findings: readonly Finding[]): { awarded: boolean; award?: string; findings: Finding[] } {
  const award = judged?.id;
  if (!review?.decisionNumber || !judged) return { awarded: false, award, findings: [] };
  const number = review.decisionNumber;
  const blocking = findings.find((f) => DECISION_CANNOT_OVERRIDE.includes(f.code));
  // A hold (NĐ 152 Điều 4) suspends the decision until the nominee is cleared; it does not refuse the nomination.
  if (blocking?.code === 'CLEARANCE_HOLD') return { awarded: false, award, findings: [] };
  if (blocking) return { awarded: false, award, findings: [finding('DECISION_WITHOUT_PROPOSAL', 'decisionNumber', { number, reason: blocking.message.replace(/\.$/, '') })] };
  const date = review.decisionDate;
  if (!date || authorityExistsOn(judged.authority, date)) return { awarded: true, award, findings: [] };
  const successor = awardOn(campaign, judged, date);
  if (successor) return { awarded: true, award: successor.id, findings: [succeeded(judged, successor, date)] };
  const named = judged.authority.successor ? ` Thẩm quyền tương ứng: ${judged.authority.successor}.` : '';
  const until = judged.authority.validUntil ?? judged.authority.validFrom ?? date;
  return { awarded: false, award, findings: [finding('DECISION_AUTHORITY_CEASED', 'decisionDate', { number, date: formatOfficialDate(date), award: judged.name, authority: judged.authority.title, until: formatOfficialDate(until), successor: named })] };
}

/** Findings a decision number cannot override: the award could not be proposed at all, or is held (NĐ 152 Điều 4). */
const DECISION_CANNOT_OVERRIDE: readonly FindingCode[] = ['AWARD_NOT_AVAILABLE', 'CLEARANCE_HOLD'];

function reviewFindings(review: Review | undefined): Finding[] {
  if (!review?.appraisal || review.appraisal === 'eligible') return [];
  if (!review.reason) return [finding('APPRAISAL_REASON_MISSING', 'appraisal', { appraisal: APPRAISAL_LABEL[review.appraisal] })];
  return [finding(review.appraisal === 'not-eligible' ? 'APPRAISED_NOT_ELIGIBLE' : 'APPRAISED_NEEDS_DOCUMENTS', 'appraisal', { reason: review.reason })];
}

function stageOf(d: Decision, review: Review | undefined): Stage {
  if (d.status === 'awarded') return 'awarded';
  if (d.status === 'proposed' && review?.appraisal === 'eligible') return 'proposed';
  return review?.appraisal ? 'appraised' : 'submitted';
}

/**
 * Ranks one group and fills the quota tier by tier. Awarded nominations hold their places first. A tier is a set the
 * tie-breakers cannot separate; a tier that does not fit in the remaining places goes to the council, whose choices
 * (select / reject) settle it when they fit, or else its vote: the most agreeing votes take the places when that
 * separates them. Once the council votes (`voting`), a place is proposed only with a passing vote; one not yet voted
 * on waits (awaiting-vote) and keeps its place.
 */
function allocate(group: Decision[], quota: number | undefined, womenPriority: boolean, nominationOf: (id: string) => Nomination, reviews: DecideInputs['reviews'], voting: boolean): void {
  const awarded = group.filter((d) => d.status === 'awarded');
  let left = (quota ?? Number.POSITIVE_INFINITY) - awarded.length;
  const tiers = tiersOf(group, womenPriority, nominationOf);
  const propose = (d: Decision) => {
    if (!voting || d.vote?.passed) d.status = 'proposed';
    else {
      d.status = 'awaiting-vote';
      d.findings.push(finding('VOTE_PENDING', 'vote'));
    }
  };
  let rank = 1;
  for (const tier of tiers) {
    for (const d of tier) d.rank = rank;
    rank += tier.length;
    const open = tier.filter((d) => d.status !== 'awarded');
    if (open.length === 0) continue;
    if (open.length <= left) {
      for (const d of open) propose(d);
      left -= open.length;
    } else if (left > 0) {
      const selected = open.filter((d) => reviews?.get(d.responseId)?.choice === 'select');
      const settled = selected.length > 0 && selected.length <= left;
      const byVote = settled ? undefined : settledByVote(open, left);
      for (const d of open) {
        if (settled) {
          if (selected.includes(d)) propose(d);
          else d.status = 'over-quota';
        } else if (byVote) {
          const won = byVote.includes(d);
          d.status = won ? 'proposed' : 'over-quota';
          d.tieVote = won ? 'won' : 'lost';
          d.findings.push(finding(won ? 'QUOTA_TIE_SETTLED_BY_VOTE' : 'QUOTA_TIE_LOST_BY_VOTE', 'vote', { rank: d.rank!, quota: quota ?? 0, for: d.vote!.votesFor }));
        } else {
          d.status = 'council-decides';
          d.findings.push(finding('QUOTA_TIE', 'award', { rank: d.rank!, count: tier.length, quota: quota ?? 0 }));
          if (selected.length > left) d.findings.push(finding('COUNCIL_SELECTION_EXCEEDS', 'choice', { selected: selected.length, places: left }));
        }
      }
      // Places held for the council's choice stay reserved: nobody below the tie moves up into them.
      left = 0;
    } else {
      for (const d of open) {
        d.status = 'over-quota';
        d.findings.push(finding('QUOTA_EXCEEDED', 'award', { rank: d.rank!, quota: quota ?? 0, kind: NOMINEE_KIND_LABEL[d.kind].toLowerCase() }));
      }
    }
  }
}

/**
 * The nominations of a tie that the council's vote places within `places`: every one has a passing vote, and the
 * agreeing votes separate the last taken from the first left out. Undefined when the vote does not settle it.
 */
function settledByVote(open: readonly Decision[], places: number): Decision[] | undefined {
  if (!open.every((d) => d.vote?.passed)) return undefined;
  const sorted = [...open].sort((a, b) => b.vote!.votesFor - a.vote!.votesFor);
  const last = sorted[places - 1];
  const next = sorted[places];
  if (!last || !next || last.vote!.votesFor === next.vote!.votesFor) return undefined;
  return sorted.slice(0, places);
}

/**
 * Orders a group into tiers: by total score, then (where it is known for every one in the tie) priority to women and
 * to collectives with at least 70 % women (NĐ 152/2025 Điều 4).
 */
function tiersOf(group: Decision[], womenPriority: boolean, nominationOf: (id: string) => Nomination): Decision[][] {
  const byScore = [...groupBy(group, (d) => d.total.toFixed(2))].sort((a, b) => b[0]!.total - a[0]!.total);
  return byScore.flatMap((tier) => {
    const sorted = tier.sort((a, b) => compareVi(nominationOf(a.responseId).name, nominationOf(b.responseId).name) || compareVi(a.responseId, b.responseId));
    if (!womenPriority || tier.length < 2) return [sorted];
    const priority = sorted.map((d) => hasWomenPriority(nominationOf(d.responseId)));
    if (priority.some((p) => p === undefined) || !priority.includes(true) || !priority.includes(false)) return [sorted];
    return [sorted.filter((_, i) => priority[i]), sorted.filter((_, i) => !priority[i])];
  });
}

/** The share of women that gives a collective priority (NĐ 152/2025 Điều 4). */
export const WOMEN_PRIORITY_SHARE = 70;

/** Whether a nominee has priority on equal results: a woman, or a collective of ≥ 70 % women; undefined when unknown. */
function hasWomenPriority(n: Nomination): boolean | undefined {
  if (n.kind === 'individual') return n.gender === undefined ? undefined : n.gender === 'nữ';
  return n.womenShare === undefined ? undefined : n.womenShare >= WOMEN_PRIORITY_SHARE;
}

/** Same nominee, award and year: canonical name plus birth date (individuals) or unit. */
export function nomineeKey(n: Pick<Nomination, 'campaign' | 'award' | 'kind' | 'name' | 'unit' | 'birthDate'>, year: number): string {
  const who = n.kind === 'individual' && n.birthDate ? n.birthDate : canonicalKey(n.unit);
  return [n.campaign, n.award, year, n.kind, canonicalKey(n.name), who].join('|');
}

const bySubmission = (a: Nomination, b: Nomination) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0);

function groupScores(entries: readonly CouncilScoreEntry[]): Map<string, CouncilScoreEntry[]> {
  const map = new Map<string, CouncilScoreEntry[]>();
  for (const e of entries) {
    const list = map.get(e.responseId);
    if (list) list.push(e);
    else map.set(e.responseId, [e]);
  }
  return map;
}

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
