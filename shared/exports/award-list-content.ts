import { findScale, isRated, ratingLabel, type Award, type Campaign } from '../domain/campaign.js';
import { nomineeRecordKey, type AwardHistoryRow } from '../domain/datasets.js';
import type { Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import { compareVi } from '../domain/text.js';
import { formatOfficialDate } from '../domain/dates.js';
import type { NomineeKind } from '../domain/vocabulary.js';

export interface AwardListEntry {
  name: string;
  /** "Chức vụ, đơn vị công tác": position and unit for individuals, the unit above a collective. */
  positionAndUnit: string;
  total: number;
  rank: number;
  note: string;
  /** The earlier award's decision (number, date) a proposal cites, when known; printed as a dotted blank otherwise. */
  earlierAward?: string;
  /**
   * For a campaign rated by the council (qualitative criteria, no points in the plan): the council's rating per
   * criterion, as the scale words it ("TC1: Tốt; TC2: Xuất sắc"). The list prints it instead of a total of points.
   */
  rating?: string;
}

export interface AwardListContent {
  campaign: Campaign;
  award: Award;
  year: number;
  sections: Array<{ kind: NomineeKind; entries: AwardListEntry[] }>;
  /** True when every criterion of the award's kinds is rated on a scale: the plan has no points to total. */
  rated?: boolean;
}

/**
 * What goes on an award's list for a year: the nominations the engine proposed (or that were awarded), by section
 * (collectives, then individuals), each section by rank and, within a rank, in Vietnamese alphabetical order. With the
 * award history loaded, each entry cites its latest earlier award (for the proposal list). Pure.
 */
export function awardListContent(
  campaign: Campaign,
  award: Award,
  year: number,
  decisions: readonly Decision[],
  nominations: ReadonlyMap<string, Nomination>,
  history?: ReadonlyMap<string, readonly AwardHistoryRow[]>,
): AwardListContent {
  const rated = award.kinds.every((kind) => campaign.rubrics[kind]?.criteria.every(isRated) ?? false);
  const proposed = decisions.filter((d) => d.award === award.id && d.year === year && (d.status === 'proposed' || d.status === 'awarded'));
  const sections = (['collective', 'individual'] as const)
    .filter((kind) => award.kinds.includes(kind))
    .map((kind) => ({
      kind,
      entries: proposed
        .filter((d) => d.kind === kind)
        .map((d) => ({ ...entry(d, nominations.get(d.responseId)!, year, history), ...(rated ? { rating: ratingOf(campaign, kind, d) } : {}) }))
        .sort((a, b) => a.rank - b.rank || compareVi(a.name, b.name)),
    }))
    .filter((s) => s.entries.length > 0);
  return { campaign, award, year, sections, rated };
}

/** The council's rating of each criterion in the scale's words: the level whose points the members' average rounds to. */
function ratingOf(campaign: Campaign, kind: NomineeKind, d: Decision): string {
  const criteria = campaign.rubrics[kind]?.criteria ?? [];
  return criteria
    .map((c) => {
      const points = d.scores[c.number];
      const scale = isRated(c) ? findScale(campaign, c.scale) : undefined;
      if (points === undefined || !scale) return `TC${c.number}: chưa đánh giá`;
      return `TC${c.number}: ${ratingLabel(scale, points)}`;
    })
    .join('; ');
}

function entry(d: Decision, n: Nomination, year: number, history?: ReadonlyMap<string, readonly AwardHistoryRow[]>): AwardListEntry {
  const positionAndUnit = n.kind === 'individual' && n.position ? `${n.position}, ${n.unit}` : n.unit;
  const earlier = (history?.get(nomineeRecordKey(n.name, n.unit)) ?? []).filter((h) => h.year < year).sort((a, b) => b.year - a.year || (a.decisionDate < b.decisionDate ? 1 : -1))[0];
  return {
    name: n.name,
    positionAndUnit,
    total: d.total,
    rank: d.rank ?? 0,
    note: '',
    ...(earlier ? { earlierAward: `${earlier.award} năm ${earlier.year} (Quyết định số ${earlier.decisionNumber} ngày ${formatOfficialDate(earlier.decisionDate)})` } : {}),
  };
}

/** The years that have nominations for an award, newest first. */
export function yearsOf(award: Award, decisions: readonly Decision[]): number[] {
  return [...new Set(decisions.filter((d) => d.award === award.id).map((d) => d.year))].sort((a, b) => b - a);
}
