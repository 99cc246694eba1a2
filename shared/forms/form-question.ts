import { z } from 'zod';
import { normalizeText } from '../domain/text.js';
import { NOMINEE_KIND_LABEL, NomineeKind } from '../domain/vocabulary.js';

/** Contract fields a question of the nomination form can fill, besides `selfScores.N` and `evidence.N`. */
export const PlainFormField = ['award', 'kind', 'unit', 'block', 'email', 'name', 'position', 'birthDate', 'gender', 'womenShare', 'quizAccount', 'confirm'] as const;
export type PlainFormField = (typeof PlainFormField)[number];

const FIELD = new RegExp(`^(${PlainFormField.join('|')}|selfScores\\.[1-9]\\d*|evidence\\.[1-9]\\d*)$`);

/**
 * One question of the nomination form and the contract field it fills: the mapping `thidua form create` records in
 * the "Câu hỏi biểu mẫu" tab, used to turn responses (Forms API, Apps Script, CSV export) back into nominations.
 * `kind` is set for the questions of a nominee kind's section.
 */
export const FormQuestion = z.object({
  questionId: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1).max(100)),
  field: z.string().trim().regex(FIELD, 'không phải trường của hồ sơ đề nghị'),
  kind: z.preprocess((v) => {
    if (v === null || v === undefined || (typeof v === 'string' && normalizeText(v) === '')) return undefined;
    const text = typeof v === 'string' ? normalizeText(v) : v;
    return NomineeKind.find((k) => k === text || NOMINEE_KIND_LABEL[k].toLocaleLowerCase('vi') === String(text).toLocaleLowerCase('vi')) ?? text;
  }, z.enum(NomineeKind).optional()),
  title: z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) : v), z.string().min(1).max(500)),
});
export type FormQuestion = z.output<typeof FormQuestion>;

/** A title as matched against a CSV header or an Apps Script item title: normalised, case-insensitive. */
export const titleKey = (title: string): string => normalizeText(title).toLocaleLowerCase('vi');
