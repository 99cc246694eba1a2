import { z } from 'zod';
import './zod-vietnamese.js';
import { AwardMode, DeadlineKind, Level, NomineeKind, TieBreaker } from './vocabulary.js';
import { DEFAULT_VOTE_RULES, VoteRules } from './vote-rules.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'ngày trong năm phải có dạng MM-DD');
const text = z.string().trim().min(1);

const criterionNumber = z.string().regex(/^[1-9]\d*$/, 'số tiêu chí là số nguyên dương, không có số 0 ở đầu');

/** A criterion scored in points: self-assessed by the unit, appraised by the council. */
export const PointsCriterion = z.strictObject({
  /** The criterion's number as the plan numbers it, without leading zeros: "1", "2", … */
  number: criterionNumber,
  text,
  maxPoints: z.number().positive(),
  /** Minimum share of the maximum for this criterion (0.9 = 90%); 0 when the plan sets none. */
  minShare: z.number().min(0).max(1),
  /** What the plan asks as evidence (tài liệu kiểm chứng) for this criterion. */
  evidenceHint: z.string().optional(),
});
export type PointsCriterion = z.infer<typeof PointsCriterion>;

/** A qualitative criterion: rated by council members on one of the campaign's rating scales. */
export const RatedCriterion = z.strictObject({
  number: criterionNumber,
  text,
  /** The id of a rating scale of the campaign. */
  scale: text,
  evidenceHint: z.string().optional(),
});
export type RatedCriterion = z.infer<typeof RatedCriterion>;

export const Criterion = z.union([PointsCriterion, RatedCriterion]);
export type Criterion = z.infer<typeof Criterion>;
export const isRated = (c: Criterion): c is RatedCriterion => 'scale' in c;

/** A scale on which the council rates qualitative criteria: each level has a label and points; a pass mark. */
export const RatingScale = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    levels: z.array(z.object({ label: text, points: z.number().nonnegative() })).min(2),
    /** The average points a criterion needs to pass. */
    passPoints: z.number().nonnegative(),
  })
  .superRefine((scale, ctx) => {
    const max = Math.max(...scale.levels.map((l) => l.points));
    if (scale.passPoints > max) ctx.addIssue({ code: 'custom', path: ['passPoints'], message: `mức đạt ${scale.passPoints} lớn hơn mức cao nhất ${max}` });
  });
export type RatingScale = z.infer<typeof RatingScale>;

export const Rubric = z
  .object({
    criteria: z.array(Criterion).min(1),
    /** Minimum total of points; absent when the plan sets none. */
    totalThreshold: z.number().nonnegative().optional(),
    /** `each-criterion`: evidence must be attached for every criterion; `none`: not required. */
    evidence: z.enum(['each-criterion', 'none']),
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (seen.has(c.number)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'number'], message: `tiêu chí số ${c.number} bị lặp` });
      seen.add(c.number);
    });
    const max = rubric.criteria.reduce((sum, c) => sum + (isRated(c) ? 0 : c.maxPoints), 0);
    if (rubric.totalThreshold !== undefined && max > 0 && rubric.totalThreshold > max) {
      ctx.addIssue({ code: 'custom', path: ['totalThreshold'], message: `ngưỡng tổng điểm ${rubric.totalThreshold} lớn hơn tổng điểm chuẩn ${max}` });
    }
  });
export type Rubric = z.infer<typeof Rubric>;

export const Authority = z.object({
  /** Who grants the award, as written in documents: "Chủ tịch UBND huyện Vạn Ninh". */
  title: text,
  level: z.enum(Level),
  /** The authority exists from this date (inclusive) … */
  validFrom: isoDate.optional(),
  /** … until this date (exclusive): e.g. district chairmen until 2025-07-01 (two-tier local government). */
  validUntil: isoDate.optional(),
  /** Who grants the equivalent award afterwards, for the message to the unit. */
  successor: z.string().optional(),
  /**
   * The chairman of the body that issues the list (a commune or ward the template cannot name): printed as "Chủ tịch"
   * followed by the issuing body's name, e.g. the council's "Cơ quan kế nhiệm" setting.
   */
  ofIssuer: z.boolean().optional(),
});
export type Authority = z.infer<typeof Authority>;

const kindsFilter = z.array(z.enum(NomineeKind)).min(1).optional();

/**
 * Typed, configurable rules an award requires beyond the rubric. Each says what it needs in words (`description`),
 * and, where it needs records outside the nomination (registrations, award history, the quiz log), is checked once
 * that dataset is loaded; until then it is reported to the council without blocking.
 */
export const Prerequisite = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('registered-model'),
    /** The registration deadline (a deadline id of this campaign): registered before it, in the evaluation year. */
    deadline: text.optional(),
    /** The stage the registration must have reached: registered, checked (kiểm tra) or recognised (công nhận). */
    status: z.enum(['registered', 'checked', 'recognised']).default('registered'),
    kinds: kindsFilter,
    description: text,
  }),
  z.object({
    type: z.literal('prior-recognition'),
    level: z.enum(Level),
    consecutiveYears: z.number().int().positive(),
    /** Which award modes count toward the chain (NĐ 152: periodic only unless the plan says so). */
    modes: z.array(z.enum(AwardMode)).min(1),
    kinds: kindsFilter,
    description: text,
  }),
  z.object({
    type: z.literal('minimum-age'),
    years: z.number().int().positive(),
    /** The date the age is reached by ("từ 16 tuổi trở lên" at the campaign's launch). */
    referenceDate: isoDate,
    kinds: kindsFilter,
    description: text,
  }),
  z.object({
    type: z.literal('quiz-participation'),
    /** The district the quiz account must be registered in. */
    district: text,
    /** Results that count as "good, recognised by the organisers". */
    recognisedResults: z.array(text).min(1),
    /** Accounts the nominee recruited (referred-by) that must each have taken part … */
    minReferrals: z.number().int().nonnegative(),
    /** … in this many consecutive weeks. */
    consecutiveWeeks: z.number().int().positive(),
    kinds: kindsFilter,
    description: text,
  }),
]);
export type Prerequisite = z.infer<typeof Prerequisite>;

export const Quota = z.partialRecord(z.enum(NomineeKind), z.number().int().nonnegative());
export type Quota = z.infer<typeof Quota>;

/**
 * The header of a list for documents dated from `validUntil` of the header before it: what the law fixes (the governing
 * body becomes the province's committee). An issuing body the template cannot know (which new commune took over the
 * area) is left out: the council sets it in "Cài đặt" ("Cơ quan kế nhiệm"), and the place defaults to its name.
 */
export const SuccessorHeader = z.object({
  governingBody: z.string().optional(),
  issuingBody: text.optional(),
  /** The successor in running text ("Ủy ban nhân dân xã ……"), when the template knows it. */
  issuerName: text.optional(),
  place: text.optional(),
  signer: z.array(text).min(1).optional(),
  /** Who succeeds, in words, for the message asking the council to set it: "UBND xã, phường đã tiếp nhận địa bàn …". */
  note: text,
});
export type SuccessorHeader = z.infer<typeof SuccessorHeader>;

export const ListHeader = z.object({
  /** Governing body line (upright), e.g. "UBND TỈNH KHÁNH HÒA"; absent when the issuer has none above it. */
  governingBody: z.string().optional(),
  /**
   * Issuing body (bold capitals); lines separated by "\n". Empty for an award of a body the template cannot name (a
   * commune formed in 2025): the council's "Cơ quan kế nhiệm" setting names it.
   */
  issuingBody: z.string(),
  /** Place in the date line: "Vạn Ninh, ngày … tháng … năm …"; empty: the place of the council's "Cơ quan kế nhiệm". */
  place: z.string(),
  /** The signer's title block: an award in the chairman's own name is signed "CHỦ TỊCH". */
  signer: z.array(text).min(1),
  /** The bodies named above exist until this day (exclusive): a list dated on or after it takes the successor header. */
  validUntil: isoDate.optional(),
  successor: SuccessorHeader.optional(),
});
export type ListHeader = z.infer<typeof ListHeader>;

export const Award = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'mã hình thức khen thưởng chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  /** Vietnamese name as printed: "Giấy khen của Chủ tịch UBND huyện". */
  name: text,
  authority: Authority,
  mode: z.enum(AwardMode),
  /**
   * Whether the campaign's rubric (self-assessment, thresholds) applies: `false` for an ad-hoc (đột xuất) award, given
   * for a task done out of the ordinary and judged by the council on the achievement itself (Vạn Ninh plan 3.2b).
   */
  scored: z.boolean().default(true),
  kinds: z.array(z.enum(NomineeKind)).min(1),
  /** Per kind per year; a kind absent here has no quota in the plan. */
  quotaPerYear: Quota.default({}),
  /** Per kind per year within each emulation block (khối thi đua), where the plan has blocks. */
  quotaPerBlockPerYear: Quota.optional(),
  prerequisites: z.array(Prerequisite).default([]),
  /**
   * The award of this campaign that replaces this one once its authority ends (a commune chairman's Giấy khen after
   * 2025-07-01): nominations submitted, and decisions dated, after the change go to it.
   */
  successorAward: z.string().optional(),
  /** Deadline ids (of kind `dossier`) that govern submissions for this award. */
  deadlines: z.array(text).default([]),
  /** `proposal`: the list proposes to a higher authority; `decision`: the list is attached to the granting decision. */
  list: z.object({ kind: z.enum(['proposal', 'decision']), header: ListHeader, title: text }),
});
export type Award = z.infer<typeof Award>;

export const Deadline = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: text,
  kind: z.enum(DeadlineKind),
  /** Who receives what is due. */
  submitTo: z.string().optional(),
  /** "Before" the date: due at 00:00 Vietnam time of that day. Either every year (MM-DD) or once (YYYY-MM-DD). */
  due: z.union([z.object({ everyYearBefore: monthDay }), z.object({ before: isoDate })]),
});
export type Deadline = z.infer<typeof Deadline>;

export const Campaign = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'mã phong trào chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
    title: text,
    issuer: z.object({ name: text, level: z.enum(Level), place: text }),
    legalBasis: z.array(text).min(1),
    /** The plan itself: its number and date as cited in documents. */
    plan: z.object({ reference: text, seed: z.string().optional() }),
    term: z.object({ from: isoDate, to: isoDate }),
    /**
     * When nominations are taken, if not during the term: plans that review "after the campaign ends" take them
     * from the launch with no end (the award authority's own dates still apply).
     */
    nominationPeriod: z.object({ from: isoDate, to: isoDate.optional() }).optional(),
    nomineeKinds: z.array(z.enum(NomineeKind)).min(1),
    rubrics: z.partialRecord(z.enum(NomineeKind), Rubric),
    awards: z.array(Award).min(1),
    deadlines: z.array(Deadline).default([]),
    dossier: z.object({
      documents: z.array(z.object({ id: z.string(), name: text })).min(1),
      copies: z.array(z.object({ award: text, sets: z.number().int().positive() })).default([]),
      /**
       * The form of the achievement report (Báo cáo thành tích) the plan names, by date: a report submitted in
       * [from, until) follows it. Without one, the decree in force on the submission day decides (see reportFormOn).
       */
      reportForms: z.array(z.object({ from: isoDate.optional(), until: isoDate.optional(), decree: text, form: text, title: text.optional() })).default([]),
    }),
    tieBreakers: z.array(z.enum(TieBreaker)).min(1).default(['total-score', 'women-priority']),
    ratingScales: z.array(RatingScale).default([]),
    /** Emulation blocks: when present, every nomination names its block and each block is ranked on its own. */
    blocks: z.object({ names: z.array(text).min(1).optional() }).optional(),
    council: z
      .object({
        /** A member whose total sits this many points or more from the other members' average is flagged. */
        outlierPoints: z.number().positive().default(10),
        /** How the council's vote is judged: quorum, agreeing share, written ballots of absent members. */
        vote: VoteRules.default(DEFAULT_VOTE_RULES),
      })
      .default({ outlierPoints: 10, vote: DEFAULT_VOTE_RULES }),
    /**
     * How awards from before an administrative reform count in merit chains afterwards, e.g. from 2025-07-01 a
     * commune chairman's Giấy khen counts where a district one was required (two-tier local government).
     */
    levelEquivalences: z.array(z.object({ level: z.enum(Level), from: isoDate, countsAs: z.enum(Level) })).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.term.from > c.term.to) ctx.addIssue({ code: 'custom', path: ['term', 'to'], message: 'ngày kết thúc trước ngày bắt đầu' });
    const deadlineIds = new Set(c.deadlines.map((d) => d.id));
    const awardIds = new Set<string>();
    c.awards.forEach((a, i) => {
      if (awardIds.has(a.id)) ctx.addIssue({ code: 'custom', path: ['awards', i, 'id'], message: `mã hình thức khen thưởng "${a.id}" bị lặp` });
      awardIds.add(a.id);
      a.kinds.forEach((k, j) => {
        if (!c.nomineeKinds.includes(k)) ctx.addIssue({ code: 'custom', path: ['awards', i, 'kinds', j], message: `đối tượng "${k}" không có trong nomineeKinds` });
      });
      a.deadlines.forEach((d, j) => {
        if (!deadlineIds.has(d)) ctx.addIssue({ code: 'custom', path: ['awards', i, 'deadlines', j], message: `không có hạn "${d}" trong deadlines` });
      });
      a.prerequisites.forEach((p, j) => {
        if (p.type === 'registered-model' && p.deadline && !deadlineIds.has(p.deadline)) {
          ctx.addIssue({ code: 'custom', path: ['awards', i, 'prerequisites', j, 'deadline'], message: `không có hạn "${p.deadline}" trong deadlines` });
        }
      });
    });
    const scales = new Set(c.ratingScales.map((r) => r.id));
    for (const [kind, rubric] of Object.entries(c.rubrics)) {
      rubric?.criteria.forEach((criterion, i) => {
        if (isRated(criterion) && !scales.has(criterion.scale)) {
          ctx.addIssue({ code: 'custom', path: ['rubrics', kind, 'criteria', i, 'scale'], message: `không có thang đánh giá "${criterion.scale}" trong ratingScales` });
        }
      });
    }
    c.awards.forEach((a, i) => {
      const { validFrom, validUntil } = a.authority;
      if ((validUntil && validUntil <= c.term.from) || (validFrom && validFrom > c.term.to)) {
        ctx.addIssue({ code: 'custom', path: ['awards', i, 'authority'], message: `thẩm quyền "${a.authority.title}" không tồn tại trong thời gian phong trào` });
      }
      if (a.successorAward && (!awardIds.has(a.successorAward) || a.successorAward === a.id)) {
        ctx.addIssue({ code: 'custom', path: ['awards', i, 'successorAward'], message: `không có hình thức kế nhiệm "${a.successorAward}" trong awards` });
      }
      if (a.successorAward && !a.authority.validUntil) ctx.addIssue({ code: 'custom', path: ['awards', i, 'successorAward'], message: 'có hình thức kế nhiệm nhưng thẩm quyền không có validUntil' });
      if (a.list.header.successor && !a.list.header.validUntil) ctx.addIssue({ code: 'custom', path: ['awards', i, 'list', 'header', 'successor'], message: 'có phần đầu kế nhiệm nhưng không có validUntil' });
      if (a.quotaPerBlockPerYear && !c.blocks) ctx.addIssue({ code: 'custom', path: ['awards', i, 'quotaPerBlockPerYear'], message: 'có chỉ tiêu theo khối nhưng phong trào không khai báo blocks' });
    });
    c.dossier.copies.forEach((copy, i) => {
      if (!awardIds.has(copy.award)) ctx.addIssue({ code: 'custom', path: ['dossier', 'copies', i, 'award'], message: `không có hình thức khen thưởng "${copy.award}"` });
    });
  });
export type Campaign = z.infer<typeof Campaign>;

/** Looks up a rating scale of a campaign by id. */
export function findScale(campaign: Campaign, id: string): RatingScale | undefined {
  return campaign.ratingScales.find((s) => s.id === id);
}

/** The most points a criterion can carry: its maximum, or the top of its rating scale. */
export function criterionMax(campaign: Campaign, c: Criterion): number {
  if (!isRated(c)) return c.maxPoints;
  return Math.max(...(findScale(campaign, c.scale)?.levels.map((l) => l.points) ?? [0]));
}

/** Looks up an award of a campaign by id. */
export function findAward(campaign: Campaign, awardId: string): Award | undefined {
  return campaign.awards.find((a) => a.id === awardId);
}
