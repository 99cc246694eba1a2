import { criterionMax, findAward, findScale, isRated, ratingLabel, type Campaign } from '../domain/campaign.js';
import { councilResult, type CouncilScoreEntry } from '../domain/council.js';
import { formatOfficialDate, formatOfficialDateTime, toVietnamIso, vietnamDate } from '../domain/dates.js';
import type { Decision } from '../domain/decide.js';
import { Severity, type FindingCode } from '../domain/findings.js';
import type { Nomination } from '../domain/nomination.js';
import { round2, toPoints } from '../domain/points.js';
import { NOMINEE_KIND_LABEL, Stage, STAGE_LABEL, STATUS_LABEL, type NominationStatus } from '../domain/vocabulary.js';
import { ADVICE } from './advice.js';
import { nextDeadline, type NextDeadline } from './next-deadline.js';

/** One criterion's line: the points that count against the minimum, with the unit's own and the council's. */
export interface CriterionLine {
  number: string;
  text: string;
  max: number;
  /** The least the criterion needs (its minimum share, or the rating scale's pass mark); none when the plan sets none. */
  min?: number;
  self?: number;
  council?: number;
  /** Rated by the council on a scale rather than self-scored. */
  rated: boolean;
  /** For a rated criterion: the scale's words for the top level, the pass level and the council's rating. */
  words?: { max: string; min: string; council?: string };
  /** True / false once the counting points are known; undefined while waiting for them. */
  meets?: boolean;
  /** The plan asks for evidence (tài liệu kiểm chứng) for this criterion and none came. */
  evidenceMissing?: true;
}

export interface FindingLine {
  code: FindingCode;
  severity: Severity;
  message: string;
  todo: string;
}

/** Everything the status page shows about one nomination, already in the unit's words. */
export interface StatusView {
  campaign: { title: string; issuer: string };
  responseId: string;
  submittedAt: string;
  nominee: { name: string; kind: string; unit: string; position?: string; block?: string };
  award: string;
  year: number;
  status: NominationStatus;
  statusLabel: string;
  stage: Stage;
  stages: Array<{ id: Stage; label: string; state: 'done' | 'current' | 'todo' }>;
  total: number;
  selfTotal: number;
  threshold?: number;
  rank?: number;
  criteria: CriterionLine[];
  findings: FindingLine[];
  nextDeadline?: NextDeadline;
  expiresOn: string;
  updatedAt: string;
}

/** "08 giờ 00 ngày 03/9/2024" in Vietnam time. */
export const vietnamDateTime = formatOfficialDateTime;

/** The stages in order, marked done / current / to come. */
export function stageSteps(stage: Stage): StatusView['stages'] {
  const at = Stage.indexOf(stage);
  return Stage.map((id, i) => ({ id, label: STAGE_LABEL[id], state: i < at ? 'done' : i === at ? 'current' : 'todo' }));
}

/**
 * The status of one nomination as its unit sees it: nominee, award, status and stage, points per criterion (own and
 * council's) against the minimums, the findings that concern the unit with what to do, and the next deadline. Notes
 * for the council's own deliberation are left out; nothing about other nominations is included. Pure.
 */
export function statusView(campaign: Campaign, nomination: Nomination, decision: Decision, council: readonly CouncilScoreEntry[], now: Date, expiresAt: Date): StatusView {
  const rubric = campaign.rubrics[nomination.kind];
  const averages = council.length ? councilResult(campaign, nomination, council).averages : {};
  const criteria = (rubric?.criteria ?? []).map((c): CriterionLine => {
    const self = isRated(c) ? undefined : toPoints(nomination.selfScores[c.number]);
    const councilPoints = averages[c.number];
    const min = isRated(c) ? findScale(campaign, c.scale)?.passPoints : c.minShare > 0 ? round2(c.maxPoints * c.minShare) : undefined;
    const counted = councilPoints ?? self;
    const scale = isRated(c) ? findScale(campaign, c.scale) : undefined;
    return {
      number: c.number,
      text: c.text,
      max: criterionMax(campaign, c),
      ...(min !== undefined ? { min } : {}),
      ...(self !== undefined ? { self } : {}),
      ...(councilPoints !== undefined ? { council: councilPoints } : {}),
      rated: isRated(c),
      ...(scale ? { words: { max: ratingLabel(scale, criterionMax(campaign, c)), min: ratingLabel(scale, scale.passPoints), ...(councilPoints !== undefined ? { council: ratingLabel(scale, councilPoints) } : {}) } } : {}),
      ...(counted !== undefined ? { meets: min === undefined || counted >= min } : {}),
      ...(rubric?.evidence === 'each-criterion' && !nomination.evidence[c.number] ? { evidenceMissing: true as const } : {}),
    };
  });
  // what keeps the nomination back first, then what it waits for, then remarks
  const findings = decision.findings
    .flatMap((f): FindingLine[] => {
      const advice = ADVICE[f.code];
      return advice.audience === 'council' ? [] : [{ code: f.code, severity: f.severity, message: advice.says ?? f.message, todo: advice.todo }];
    })
    .sort((a, b) => Severity.indexOf(a.severity) - Severity.indexOf(b.severity));
  const next = nextDeadline(campaign, now);
  return {
    campaign: { title: campaign.title, issuer: campaign.issuer.name },
    responseId: nomination.responseId,
    submittedAt: vietnamDateTime(nomination.submittedAt),
    nominee: {
      name: nomination.name,
      kind: NOMINEE_KIND_LABEL[nomination.kind],
      unit: nomination.unit,
      ...(nomination.position ? { position: nomination.position } : {}),
      ...(decision.block ? { block: decision.block } : {}),
    },
    award: findAward(campaign, nomination.award)?.name ?? nomination.award,
    year: decision.year,
    status: decision.status,
    statusLabel: STATUS_LABEL[decision.status],
    stage: decision.stage,
    stages: stageSteps(decision.stage),
    total: decision.total,
    selfTotal: decision.selfTotal,
    ...(rubric?.totalThreshold !== undefined ? { threshold: rubric.totalThreshold } : {}),
    ...(decision.rank !== undefined ? { rank: decision.rank } : {}),
    criteria,
    findings,
    ...(next ? { nextDeadline: next } : {}),
    expiresOn: formatOfficialDate(vietnamDate(new Date(expiresAt.getTime() - 1))),
    updatedAt: vietnamDateTime(now),
  };
}
