import { criterionMax, findAward, findScale, isRated, ratingLabel, type Award, type Campaign } from '../domain/campaign.js';
import { evaluationYear } from '../domain/appraise.js';
import type { Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import { round2, toPoints } from '../domain/points.js';
import { NOMINEE_KIND_LABEL, STATUS_LABEL } from '../domain/vocabulary.js';

export interface ScoreSheetInput {
  campaign: Campaign;
  nomination: Nomination;
  /** The engine's decision, for the status shown under the verdict. */
  decision?: Decision;
  /** The council's points per criterion (the members' average); the column stays empty when absent. */
  councilScores?: Record<string, number>;
}

export interface ScoreSheetRow {
  number: string;
  text: string;
  max: number;
  /** The least points the criterion needs (its minimum share, or the rating scale's pass mark). */
  min: number;
  /** Self-assessed points; absent for a criterion only the council rates. */
  self?: number;
  council?: number;
  evidence: string;
  /** Whether the points that count (council's, else self-assessed) reach the minimum; undefined when unscored. */
  meetsMin?: boolean;
  /**
   * For a criterion the council rates on a scale: the scale's words for the top level, the pass level and the
   * council's rating, printed instead of points.
   */
  rating?: { max: string; min: string; council?: string };
}

/** A nominee's score sheet ("Bảng tự đánh giá, chấm điểm"): rows, totals and the verdict against the rubric. */
export interface ScoreSheet {
  campaign: Campaign;
  award?: Award;
  nomination: Nomination;
  year: number;
  kindLabel: string;
  rows: ScoreSheetRow[];
  /** Totals; `self` is absent when only the council scores (qualitative criteria). */
  totals: { max: number; self?: number; council?: number };
  threshold?: number;
  /** Whose points the verdict is on. */
  basis: 'council' | 'self';
  verdict: { passed: boolean; reasons: string[] };
  status?: string;
  /** Every criterion is rated on a scale: the plan has no points, so nothing is totalled. */
  rated: boolean;
}

const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, useGrouping: false }).format(n);

/**
 * The score sheet of one nomination against its rubric: per criterion the maximum, the minimum, the self-assessed and
 * the council's points and the evidence; the totals; and whether it reaches every minimum and the total threshold,
 * on the council's points where it has scored, else on the self-assessment. Pure.
 */
export function scoreSheet({ campaign, nomination, decision, councilScores }: ScoreSheetInput): ScoreSheet {
  const rubric = campaign.rubrics[nomination.kind];
  const basis = councilScores && Object.keys(councilScores).length > 0 ? 'council' : 'self';
  const reasons: string[] = [];
  const rows = (rubric?.criteria ?? []).map((c): ScoreSheetRow => {
    const max = criterionMax(campaign, c);
    const min = isRated(c) ? (findScale(campaign, c.scale)?.passPoints ?? 0) : round2(c.maxPoints * c.minShare);
    const self = isRated(c) ? undefined : toPoints(nomination.selfScores[c.number]);
    const council = councilScores?.[c.number];
    const counted = basis === 'council' ? council : self;
    const evidence = nomination.evidence[c.number] ?? '';
    const scale = isRated(c) ? findScale(campaign, c.scale) : undefined;
    const rating = scale ? { max: ratingLabel(scale, max), min: ratingLabel(scale, min), ...(council !== undefined ? { council: ratingLabel(scale, council) } : {}) } : undefined;
    if (counted === undefined) reasons.push(scale ? `Tiêu chí ${c.number} chưa được Hội đồng đánh giá.` : `Tiêu chí ${c.number} chưa được chấm.`);
    else if (counted < min) reasons.push(rating ? `Tiêu chí ${c.number} được đánh giá “${rating.council}”, dưới mức “${rating.min}”.` : `Tiêu chí ${c.number} đạt ${vi(counted)}/${vi(max)} điểm, dưới mức tối thiểu ${vi(min)} điểm.`);
    if (rubric?.evidence === 'each-criterion' && !isRated(c) && !evidence) reasons.push(`Thiếu tài liệu kiểm chứng tiêu chí ${c.number}.`);
    return { number: c.number, text: c.text, max, min, self, council, evidence, meetsMin: counted === undefined ? undefined : counted >= min, ...(rating ? { rating } : {}) };
  });
  const sum = (pick: (r: ScoreSheetRow) => number | undefined) => round2(rows.reduce((s, r) => s + (pick(r) ?? 0), 0));
  const selfScored = rows.some((r) => r.self !== undefined);
  const totals = { max: sum((r) => r.max), ...(selfScored ? { self: sum((r) => r.self) } : {}), ...(basis === 'council' ? { council: sum((r) => r.council) } : {}) };
  const total = (basis === 'council' ? totals.council : totals.self) ?? 0;
  if (rubric?.totalThreshold !== undefined && total < rubric.totalThreshold) reasons.push(`Tổng điểm ${vi(total)} dưới ngưỡng ${vi(rubric.totalThreshold)} điểm.`);
  if (!rubric) reasons.push(`Phong trào không có bảng chấm điểm cho đối tượng ${NOMINEE_KIND_LABEL[nomination.kind].toLowerCase()}.`);
  return {
    campaign,
    award: findAward(campaign, nomination.award),
    nomination,
    year: decision?.year ?? evaluationYear(nomination),
    kindLabel: NOMINEE_KIND_LABEL[nomination.kind],
    rows,
    totals,
    ...(rubric?.totalThreshold !== undefined ? { threshold: rubric.totalThreshold } : {}),
    basis,
    verdict: { passed: reasons.length === 0, reasons },
    ...(decision ? { status: STATUS_LABEL[decision.status] } : {}),
    rated: rows.length > 0 && rows.every((r) => r.rating !== undefined),
  };
}

/** The verdict as one line: "ĐẠT …" or "CHƯA ĐẠT: …". */
export function verdictLine(sheet: ScoreSheet): string {
  const on = sheet.basis === 'council' ? 'theo điểm Hội đồng chấm' : 'theo điểm tự chấm';
  if (sheet.verdict.passed) {
    const total = (sheet.basis === 'council' ? sheet.totals.council : sheet.totals.self) ?? 0;
    return `Kết luận (${on}): ĐẠT — mọi tiêu chí đạt mức tối thiểu${sheet.threshold !== undefined ? `, tổng điểm ${vi(total)} ≥ ${vi(sheet.threshold)}` : ''}.`;
  }
  return `Kết luận (${on}): CHƯA ĐẠT — ${sheet.verdict.reasons.join(' ')}`;
}

/** The rubric's threshold in words: "Mỗi tiêu chí đạt tối thiểu 90% điểm chuẩn; tổng điểm từ 90 trở lên." */
export function thresholdLine(sheet: ScoreSheet): string {
  const criteria = sheet.campaign.rubrics[sheet.nomination.kind]?.criteria ?? [];
  const rules: string[] = [];
  const shares = [...new Set(criteria.flatMap((c) => (isRated(c) ? [] : [Math.round(c.minShare * 100)])))];
  if (shares.length === 1 && shares[0]! > 0) rules.push(`mỗi tiêu chí chấm điểm đạt tối thiểu ${shares[0]}% điểm chuẩn`);
  else if (shares.some((s) => s > 0)) rules.push('mỗi tiêu chí chấm điểm đạt mức tối thiểu ghi trong bảng');
  const scales = [...new Set(criteria.flatMap((c) => (isRated(c) ? [c.scale] : [])))].flatMap((id) => findScale(sheet.campaign, id) ?? []);
  for (const scale of scales) {
    const level = scale.levels.find((l) => l.points === scale.passPoints);
    rules.push(`mỗi tiêu chí đánh giá theo mức đạt từ ${level ? `mức “${level.label}” (${vi(scale.passPoints)} điểm)` : `${vi(scale.passPoints)} điểm`} trở lên`);
  }
  if (sheet.threshold !== undefined) rules.push(`tổng điểm từ ${vi(sheet.threshold)} trở lên`);
  const text = rules.join('; ');
  return `Ngưỡng xét: ${text ? `${text[0]!.toLocaleUpperCase('vi')}${text.slice(1)}` : 'theo kế hoạch của phong trào'}.`;
}
