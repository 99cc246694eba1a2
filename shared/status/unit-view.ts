import { findAward, type Campaign } from '../domain/campaign.js';
import type { Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import { canonicalKey, compareVi } from '../domain/text.js';
import { NOMINEE_KIND_LABEL, STAGE_LABEL, STATUS_LABEL, type NominationStatus, type Stage } from '../domain/vocabulary.js';
import { nextDeadline, type NextDeadline } from './next-deadline.js';
import { vietnamDateTime } from './status-view.js';

export interface UnitRow {
  responseId: string;
  name: string;
  kind: string;
  award: string;
  year: number;
  status: NominationStatus;
  statusLabel: string;
  stage: Stage;
  stageLabel: string;
  total: number;
  submittedAt: string;
  /** The nomination's own status link. */
  href: string;
}

/** Everything the unit page shows: one unit's nominations in one campaign. */
export interface UnitView {
  campaign: { title: string; issuer: string };
  unit: string;
  rows: UnitRow[];
  /** How many nominations stand at each stage, in stage order (stages with none left out). */
  byStage: Array<{ label: string; count: number }>;
  nextDeadline?: NextDeadline;
  expiresOn: string;
  updatedAt: string;
}

/** True when a nomination was made by the unit (same canonical name: case, spacing and tone placement aside). */
export const belongsTo = (unit: string) => {
  const key = canonicalKey(unit);
  return (n: Nomination): boolean => canonicalKey(n.unit) === key;
};

/**
 * The unit page: that unit's nominations only (matched by canonical unit name), newest year first, then by award,
 * kind and name in Vietnamese order, each with its status, stage and its own link. Pure.
 */
export function unitView(
  campaign: Campaign,
  unit: string,
  nominations: readonly Nomination[],
  decisions: readonly Decision[],
  link: (responseId: string) => string,
  now: Date,
  expiresOn: string,
): UnitView {
  const mine = nominations.filter(belongsTo(unit));
  const byId = new Map(decisions.map((d) => [d.responseId, d]));
  const rows = mine
    .flatMap((n): UnitRow[] => {
      const d = byId.get(n.responseId);
      if (!d) return [];
      return [
        {
          responseId: n.responseId,
          name: n.name,
          kind: NOMINEE_KIND_LABEL[n.kind],
          award: findAward(campaign, n.award)?.name ?? n.award,
          year: d.year,
          status: d.status,
          statusLabel: STATUS_LABEL[d.status],
          stage: d.stage,
          stageLabel: STAGE_LABEL[d.stage],
          total: d.total,
          submittedAt: vietnamDateTime(n.submittedAt),
          href: link(n.responseId),
        },
      ];
    })
    .sort((a, b) => b.year - a.year || compareVi(a.award, b.award) || compareVi(a.kind, b.kind) || compareVi(a.name, b.name) || compareVi(a.responseId, b.responseId));
  const byStage = (Object.keys(STAGE_LABEL) as Stage[]).map((s) => ({ label: STAGE_LABEL[s], count: rows.filter((r) => r.stage === s).length })).filter((s) => s.count > 0);
  const next = nextDeadline(campaign, now);
  return {
    campaign: { title: campaign.title, issuer: campaign.issuer.name },
    unit,
    rows,
    byStage,
    ...(next ? { nextDeadline: next } : {}),
    expiresOn,
    updatedAt: vietnamDateTime(now),
  };
}
