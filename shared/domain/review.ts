import { z } from 'zod';
import { parseCalendarDate } from './dates.js';
import { normalizeText } from './text.js';
import { APPRAISAL_LABEL, AppraisalVerdict, CHOICE_LABEL, CouncilChoice } from './vocabulary.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : typeof v === 'number' ? String(v) : v), z.string().max(max));
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
  reason: text(2000).optional(),
  choice: z.preprocess(byLabel(CHOICE_LABEL), z.enum(CouncilChoice).optional()),
  decisionNumber: text(100).optional(),
  decisionDate: z.preprocess(
    (v) => (typeof v === 'string' ? normalizeText(v) || undefined : v),
    z
      .string()
      .refine((s) => parseCalendarDate(s) !== undefined, 'ngày quyết định phải có dạng DD/MM/YYYY')
      .transform((s) => parseCalendarDate(s)!)
      .optional(),
  ),
  updatedBy: text(200).optional(),
});
export type Review = z.output<typeof Review>;
