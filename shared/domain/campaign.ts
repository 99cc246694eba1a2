import { z } from 'zod';
import { AwardMode, DeadlineKind, Level, NomineeKind, TieBreaker } from './vocabulary.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'ngày trong năm phải có dạng MM-DD');
const text = z.string().trim().min(1);

export const Criterion = z.object({
  /** The criterion's number as the plan numbers it, without leading zeros: "1", "2", … */
  number: z.string().regex(/^[1-9]\d*$/, 'số tiêu chí là số nguyên dương, không có số 0 ở đầu'),
  text,
  maxPoints: z.number().positive(),
  /** Minimum share of the maximum for this criterion (0.9 = 90%); 0 when the plan sets none. */
  minShare: z.number().min(0).max(1),
  /** What the plan asks as evidence (tài liệu kiểm chứng) for this criterion. */
  evidenceHint: z.string().optional(),
});
export type Criterion = z.infer<typeof Criterion>;

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
    const max = rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
    if (rubric.totalThreshold !== undefined && rubric.totalThreshold > max) {
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
});
export type Authority = z.infer<typeof Authority>;

export const Prerequisite = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('registered-model'),
    /** The registration deadline (a deadline id of this campaign). */
    deadline: text,
    description: text,
  }),
  z.object({
    type: z.literal('prior-recognition'),
    level: z.enum(Level),
    consecutiveYears: z.number().int().positive(),
    /** Which award modes count toward the chain (NĐ 152: periodic only unless the plan says so). */
    modes: z.array(z.enum(AwardMode)).min(1),
    description: text,
  }),
]);
export type Prerequisite = z.infer<typeof Prerequisite>;

export const Quota = z.partialRecord(z.enum(NomineeKind), z.number().int().nonnegative());
export type Quota = z.infer<typeof Quota>;

export const ListHeader = z.object({
  /** Governing body line (upright), e.g. "UBND TỈNH KHÁNH HÒA"; absent when the issuer has none above it. */
  governingBody: z.string().optional(),
  /** Issuing body (bold capitals); lines separated by "\n". */
  issuingBody: text,
  /** Place in the date line: "Vạn Ninh, ngày … tháng … năm …". */
  place: text,
  /** The signer's title block: an award in the chairman's own name is signed "CHỦ TỊCH". */
  signer: z.array(text).min(1),
});
export type ListHeader = z.infer<typeof ListHeader>;

export const Award = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'mã danh hiệu chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  /** Vietnamese name as printed: "Giấy khen của Chủ tịch UBND huyện". */
  name: text,
  authority: Authority,
  mode: z.enum(AwardMode),
  kinds: z.array(z.enum(NomineeKind)).min(1),
  /** Per kind per year; a kind absent here has no quota in the plan. */
  quotaPerYear: Quota.default({}),
  prerequisites: z.array(Prerequisite).default([]),
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
    nomineeKinds: z.array(z.enum(NomineeKind)).min(1),
    rubrics: z.partialRecord(z.enum(NomineeKind), Rubric),
    awards: z.array(Award).min(1),
    deadlines: z.array(Deadline).default([]),
    dossier: z.object({
      documents: z.array(z.object({ id: z.string(), name: text })).min(1),
      copies: z.array(z.object({ award: text, sets: z.number().int().positive() })).default([]),
    }),
    tieBreakers: z.array(z.enum(TieBreaker)).min(1).default(['total-score', 'women-priority']),
  })
  .superRefine((c, ctx) => {
    if (c.term.from > c.term.to) ctx.addIssue({ code: 'custom', path: ['term', 'to'], message: 'ngày kết thúc trước ngày bắt đầu' });
    const deadlineIds = new Set(c.deadlines.map((d) => d.id));
    const awardIds = new Set<string>();
    c.awards.forEach((a, i) => {
      if (awardIds.has(a.id)) ctx.addIssue({ code: 'custom', path: ['awards', i, 'id'], message: `mã danh hiệu "${a.id}" bị lặp` });
      awardIds.add(a.id);
      a.kinds.forEach((k, j) => {
        if (!c.nomineeKinds.includes(k)) ctx.addIssue({ code: 'custom', path: ['awards', i, 'kinds', j], message: `đối tượng "${k}" không có trong nomineeKinds` });
      });
      a.deadlines.forEach((d, j) => {
        if (!deadlineIds.has(d)) ctx.addIssue({ code: 'custom', path: ['awards', i, 'deadlines', j], message: `không có hạn "${d}" trong deadlines` });
      });
      a.prerequisites.forEach((p, j) => {
        if (p.type === 'registered-model' && !deadlineIds.has(p.deadline)) {
          ctx.addIssue({ code: 'custom', path: ['awards', i, 'prerequisites', j, 'deadline'], message: `không có hạn "${p.deadline}" trong deadlines` });
        }
      });
    });
    c.dossier.copies.forEach((copy, i) => {
      if (!awardIds.has(copy.award)) ctx.addIssue({ code: 'custom', path: ['dossier', 'copies', i, 'award'], message: `không có danh hiệu "${copy.award}"` });
    });
  });
export type Campaign = z.infer<typeof Campaign>;

/** Looks up an award of a campaign by id. */
export function findAward(campaign: Campaign, awardId: string): Award | undefined {
  return campaign.awards.find((a) => a.id === awardId);
}
