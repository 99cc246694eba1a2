import { z } from 'zod';
import './zod-vietnamese.js';
import { round2, toPoints } from './points.js';
import { criterionMax, findScale, isRated, type Campaign, type Criterion } from './campaign.js';
import { finding, type Finding } from './findings.js';
import type { Nomination } from './nomination.js';
import { canonicalKey, normalizeText } from './text.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : v), z.string().max(max));

/** One council member's scores (points) or ratings (a level's label or points) for one nomination. */
export const CouncilScoreEntry = z.object({
  responseId: text(200),
  member: text(200),
  /** The member's own unit: a member does not score a nominee of the same unit (recusal). */
  memberUnit: text(300),
  scores: z.record(z.string().max(10), z.union([z.number(), z.string().max(100)])).transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.trim().replace(/^0+(?=\d)/, ''), v]))),
  note: text(2000).optional(),
});
export type CouncilScoreEntry = z.output<typeof CouncilScoreEntry>;

export interface MemberScore {
  member: string;
  total: number;
  recused: boolean;
  /** The member's total minus the average of the other (non-recused) members' totals; undefined when alone. */
  deviation?: number;
  outlier: boolean;
}

export interface CouncilResult {
  /** Average points per criterion over the non-recused members who scored it. */
  averages: Record<string, number>;
  members: MemberScore[];
  findings: Finding[];
}

/**
 * The council's verdict on one nomination: each member's latest entry, recusals, per-criterion averages, and how far
 * each member sits from the others (outliers are flagged, never dropped). Pure.
 */
export function councilResult(campaign: Campaign, nomination: Nomination, entries: readonly CouncilScoreEntry[]): CouncilResult {
  const criteria = campaign.rubrics[nomination.kind]?.criteria ?? [];
  const latest = new Map<string, CouncilScoreEntry>();
  for (const e of entries) latest.set(canonicalKey(e.member), e);
  const findings: Finding[] = [];
  const sums: Record<string, { sum: number; count: number }> = {};
  const members: MemberScore[] = [];
  for (const entry of latest.values()) {
    const memberUnit = canonicalKey(entry.memberUnit);
    // a member does not score their own unit, nor their own unit when it is the collective nominated
    const recused = memberUnit === canonicalKey(nomination.unit) || (nomination.kind === 'collective' && memberUnit === canonicalKey(nomination.name));
    if (recused) findings.push(finding('COUNCIL_MEMBER_RECUSED', 'councilScores', { member: entry.member }));
    let total = 0;
    for (const c of criteria) {
      const raw = entry.scores[c.number];
      if (raw === undefined || raw === '') continue;
      const points = pointsOf(campaign, c, raw);
      if (points === undefined) {
        findings.push(finding('COUNCIL_SCORE_INVALID', `councilScores.${c.number}`, { member: entry.member, criterion: c.number, value: String(raw) }));
        continue;
      }
      total += points;
      if (!recused) {
        const s = (sums[c.number] ??= { sum: 0, count: 0 });
        s.sum += points;
        s.count += 1;
      }
    }
    members.push({ member: entry.member, total: round2(total), recused, outlier: false });
  }
  const voting = members.filter((m) => !m.recused);
  for (const m of voting) {
    const others = voting.filter((o) => o !== m);
    if (others.length === 0) continue;
    const mean = others.reduce((s, o) => s + o.total, 0) / others.length;
    m.deviation = round2(m.total - mean);
    if (Math.abs(m.deviation) >= campaign.council.outlierPoints) {
      m.outlier = true;
      findings.push(finding('COUNCIL_SCORE_OUTLIER', 'councilScores', { member: m.member, total: m.total, deviation: m.deviation, others: round2(mean) }));
    }
  }
  const averages = Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, round2(s.sum / s.count)]));
  return { averages, members, findings };
}

/** A member's entry for a criterion as points: a number within the maximum, or a rating level's label. */
function pointsOf(campaign: Campaign, c: Criterion, raw: number | string): number | undefined {
  const max = criterionMax(campaign, c);
  if (isRated(c) && typeof raw === 'string') {
    const level = findScale(campaign, c.scale)?.levels.find((l) => canonicalKey(l.label) === canonicalKey(raw));
    if (level) return level.points;
  }
  const points = toPoints(raw);
  return points !== undefined && points >= 0 && points <= max ? points : undefined;
}

