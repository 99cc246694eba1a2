import { criterionMax, findAward, type Campaign, type Deadline } from '../domain/campaign.js';
import { isoDateStart, vietnamDate, vietnamDayStart } from '../domain/dates.js';
import type { Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import { round2 } from '../domain/points.js';
import { compareVi } from '../domain/text.js';
import { NOMINEE_KIND_LABEL, NominationStatus, STATUS_LABEL, type NomineeKind } from '../domain/vocabulary.js';

export interface CountRow {
  label: string;
  count: number;
  /** Of which proposed for an award (or awarded). */
  proposed: number;
}

export interface UnitScore {
  unit: string;
  count: number;
  /** Average of the nominations' totals (the points that count). */
  average: number;
  best: number;
}

export interface LateGroup {
  deadline: string;
  /** The due day (YYYY-MM-DD): submissions from 00:00 Vietnam time of that day are late. */
  due: string;
  entries: Array<{ responseId: string; name: string; unit: string; submittedAt: Date; daysLate: number }>;
}

export interface RankingGroup {
  award: string;
  kind: NomineeKind;
  year: number;
  block?: string;
  quota?: number;
  rows: Array<{ rank?: number; name: string; unit: string; total: number; status: string; onList: boolean }>;
  /** How many rows sit above the quota line (those on the list). */
  aboveLine: number;
}

/** The campaign at a glance: counts, late submissions, rankings with their quota line, scores per unit. */
export interface CampaignReport {
  campaign: Campaign;
  /** The day the report was made (YYYY-MM-DD, Vietnam time). */
  asOf: string;
  counts: { byKind: CountRow[]; byStatus: CountRow[]; byAward: CountRow[]; byBlock: CountRow[]; byUnit: CountRow[] };
  unitScores: UnitScore[];
  /** The top of the score scale: the largest rubric total of the campaign. */
  scaleMax: number;
  threshold?: number;
  late: LateGroup[];
  rankings: RankingGroup[];
}

const onList = (d: Decision) => d.status === 'proposed' || d.status === 'awarded';
const DAY = 24 * 3600 * 1000;

/** Builds the campaign report from the nominations and the engine's decisions. Pure: `now` is an input. */
export function campaignReport(campaign: Campaign, nominations: readonly Nomination[], decisions: readonly Decision[], now: Date): CampaignReport {
  const byId = new Map(nominations.map((n) => [n.responseId, n]));
  const rows = decisions.flatMap((d) => {
    const n = byId.get(d.responseId);
    return n ? [{ d, n }] : [];
  });
  const count = (key: (r: { d: Decision; n: Nomination }) => string | undefined, order?: readonly string[]): CountRow[] => {
    const map = new Map<string, CountRow>();
    for (const r of rows) {
      const label = key(r);
      if (label === undefined) continue;
      const row = map.get(label) ?? { label, count: 0, proposed: 0 };
      row.count += 1;
      if (onList(r.d)) row.proposed += 1;
      map.set(label, row);
    }
    const list = [...map.values()];
    return order ? list.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label)) : list.sort((a, b) => compareVi(a.label, b.label));
  };
  const awardName = (id: string) => findAward(campaign, id)?.name ?? id;
  const rubricTotals = Object.values(campaign.rubrics).map((r) => (r?.criteria ?? []).reduce((s, c) => s + criterionMax(campaign, c), 0));
  const thresholds = Object.values(campaign.rubrics).flatMap((r) => (r?.totalThreshold === undefined ? [] : [r.totalThreshold]));
  return {
    campaign,
    asOf: vietnamDate(now),
    counts: {
      byKind: count((r) => NOMINEE_KIND_LABEL[r.n.kind], Object.values(NOMINEE_KIND_LABEL)),
      byStatus: count((r) => STATUS_LABEL[r.d.status], NominationStatus.map((s) => STATUS_LABEL[s])),
      byAward: count((r) => awardName(r.d.award), campaign.awards.map((a) => a.name)),
      byBlock: count((r) => r.d.block ?? r.n.block),
      byUnit: count((r) => r.n.unit),
    },
    unitScores: unitScores(rows),
    scaleMax: rows.reduce((max, r) => Math.max(max, r.d.total), Math.max(0, ...rubricTotals)) || 100,
    ...(thresholds.length === 1 || (thresholds.length > 1 && thresholds.every((t) => t === thresholds[0])) ? { threshold: thresholds[0]! } : {}),
    late: lateGroups(campaign, rows),
    rankings: rankings(campaign, rows),
  };
}

function unitScores(rows: ReadonlyArray<{ d: Decision; n: Nomination }>): UnitScore[] {
  const byUnit = new Map<string, number[]>();
  for (const { d, n } of rows) {
    if (d.status === 'duplicate') continue;
    byUnit.set(n.unit, [...(byUnit.get(n.unit) ?? []), d.total]);
  }
  return [...byUnit]
    .map(([unit, totals]) => ({ unit, count: totals.length, average: round2(totals.reduce((a, b) => a + b, 0) / totals.length), best: Math.max(...totals) }))
    .sort((a, b) => b.average - a.average || compareVi(a.unit, b.unit));
}

/** The instant a deadline falls due for an evaluation year (00:00 Vietnam time of the day it names). */
export function dueInstant(deadline: Deadline, year: number): Date {
  if ('before' in deadline.due) return isoDateStart(deadline.due.before);
  const [m, d] = deadline.due.everyYearBefore.split('-').map(Number) as [number, number];
  return vietnamDayStart(year, m, d);
}

function lateGroups(campaign: Campaign, rows: ReadonlyArray<{ d: Decision; n: Nomination }>): LateGroup[] {
  const groups = new Map<string, LateGroup>();
  for (const { d, n } of rows) {
    for (const id of findAward(campaign, d.award)?.deadlines ?? []) {
      const deadline = campaign.deadlines.find((x) => x.id === id);
      if (!deadline) continue;
      const due = dueInstant(deadline, d.year);
      const flagged = d.findings.some((f) => f.code === 'SUBMITTED_LATE' && f.message.includes(deadline.label));
      if (n.submittedAt < due && !flagged) continue;
      const key = `${deadline.id}|${d.year}`;
      const group = groups.get(key) ?? { deadline: deadline.label, due: vietnamDate(due), entries: [] };
      group.entries.push({ responseId: n.responseId, name: n.name, unit: n.unit, submittedAt: n.submittedAt, daysLate: Math.max(0, Math.floor((n.submittedAt.getTime() - due.getTime()) / DAY) + 1) });
      groups.set(key, group);
    }
  }
  for (const g of groups.values()) g.entries.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return [...groups.values()].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : compareVi(a.deadline, b.deadline)));
}

function rankings(campaign: Campaign, rows: ReadonlyArray<{ d: Decision; n: Nomination }>): RankingGroup[] {
  const groups = new Map<string, RankingGroup>();
  for (const { d, n } of rows) {
    const key = `${d.award}|${d.kind}|${d.year}|${d.block ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const award = findAward(campaign, d.award);
      const quota = campaign.blocks ? award?.quotaPerBlockPerYear?.[d.kind] : award?.quotaPerYear[d.kind];
      group = { award: award?.name ?? d.award, kind: d.kind, year: d.year, ...(d.block ? { block: d.block } : {}), ...(quota !== undefined ? { quota } : {}), rows: [], aboveLine: 0 };
      groups.set(key, group);
    }
    group.rows.push({ ...(d.rank !== undefined ? { rank: d.rank } : {}), name: n.name, unit: n.unit, total: d.total, status: STATUS_LABEL[d.status], onList: onList(d) });
  }
  const order = (g: RankingGroup) => campaign.awards.findIndex((a) => a.name === g.award);
  for (const g of groups.values()) {
    g.rows.sort((a, b) => Number(b.onList) - Number(a.onList) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.total - a.total || compareVi(a.name, b.name));
    g.aboveLine = g.rows.filter((r) => r.onList).length;
  }
  return [...groups.values()].sort((a, b) => order(a) - order(b) || b.year - a.year || a.kind.localeCompare(b.kind) || compareVi(a.block ?? '', b.block ?? ''));
}
