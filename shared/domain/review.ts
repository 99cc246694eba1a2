import { z } from 'zod';
import './zod-vietnamese.js';
import { calendarDateOf } from './dates.js';
import { normalizeText } from './text.js';
import { APPRAISAL_LABEL, AppraisalVerdict, CHOICE_LABEL, CouncilChoice } from './vocabulary.js';

const blank = (v: unknown) => (typeof v === 'string' ? normalizeText(v) || undefined : typeof v === 'number' ? String(v) : v === null ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().max(max));
/** Optional text: blank, whitespace-only and null are absent. */
const optionalText = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const byLabel = <T extends string>(labels: Record<T, string>) => (v: unknown) => {
  if (typeof v !== 'string') return v;
  const t = normalizeText(v);
  if (!t) return undefined;
  const entry = Object.entries(labels).find(([code, label]) => code === t || (label as string).toLocaleLowerCase('vi') === t.toLocaleLowerCase('vi'));
  return entry ? entry[0] : t;
};

/**
 * What the council decided about one nomination: its appraisal (with the reason the last two verdicts need), its
 * choice among ties at the quota line, and the award decision once signed. Read from the sheet or a CLI file.
 */
export const Review = z.object({
  responseId: text(200),
  appraisal: z.preprocess(byLabel(APPRAISAL_LABEL), z.enum(AppraisalVerdict).optional()),
  reason: optionalText(2000),
  choice: z.preprocess(byLabel(CHOICE_LABEL), z.enum(CouncilChoice).optional()),
  decisionNumber: optionalText(100),
  decisionDate: z.preprocess(
    (v) => (typeof v === 'string' ? normalizeText(v) || undefined : v === null ? undefined : v),
    z
      .unknown()
      .transform((v, ctx) => {
        const parsed = calendarDateOf(v);
        if (!parsed) ctx.addIssue({ code: 'custom', message: `"${String(v)}" không phải ngày hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 20/09/2024` });
        return parsed ?? '';
      })
      .optional(),
  ),
  updatedBy: optionalText(200),
});
export type Review = z.output<typeof Review>;

/** The verdicts the council must give a reason for: the unit has to know what to add or why it is refused. */
const NEEDS_REASON: readonly AppraisalVerdict[] = ['needs-documents', 'not-eligible'];

/**
 * Why a review cannot be recorded as it is, or `undefined` when it can: an appraisal of "Cần bổ sung hồ sơ" or
 * "Không đủ điều kiện" needs a reason, its own or one already on the nomination's row (`storedReason`).
 */
export function reviewRefusal(review: Review, storedReason?: string): string | undefined {
  if (!review.appraisal || !NEEDS_REASON.includes(review.appraisal)) return undefined;
  if (review.reason ?? (storedReason && normalizeText(storedReason))) return undefined;
  return `kết luận thẩm định "${APPRAISAL_LABEL[review.appraisal]}" phải ghi lý do (cột "Lý do"); chưa ghi nhận`;
}
