import { z } from 'zod';
import type { Campaign } from '../domain/campaign.js';
import { canonicalKey, normalizeText } from '../domain/text.js';
import { NOMINEE_KIND_LABEL, NomineeKind } from '../domain/vocabulary.js';
import { awardLabels } from './form-plan.js';
import { titleKey, type FormQuestion } from './form-question.js';

/**
 * One form response as any door receives it: the Forms API (answers by question id), the Apps Script trigger or a
 * CSV export (answers by question title). Each answer is the list of its text values.
 */
export interface FormAnswers {
  responseId?: string;
  /** When it was last submitted (an edit re-submits), ISO 8601. */
  submittedAt?: string;
  respondentEmail?: string;
  byQuestionId?: Record<string, string[]>;
  byTitle?: Record<string, string[]>;
}

/** A response of `forms.responses.list`, parsed: only what the mapping needs. */
const ApiResponse = z.object({
  responseId: z.string().optional(),
  createTime: z.string().optional(),
  lastSubmittedTime: z.string().optional(),
  respondentEmail: z.string().optional(),
  answers: z
    .record(
      z.string(),
      z.object({ questionId: z.string().optional(), textAnswers: z.object({ answers: z.array(z.object({ value: z.string().optional() })).optional() }).optional() }),
    )
    .optional(),
});

/** A Forms API response as FormAnswers; anything unreadable becomes an empty answer, found missing by the contract. */
export function answersFromApi(raw: unknown): FormAnswers {
  const parsed = ApiResponse.safeParse(raw);
  if (!parsed.success) return {};
  const r = parsed.data;
  const byQuestionId: Record<string, string[]> = {};
  for (const [id, answer] of Object.entries(r.answers ?? {})) {
    byQuestionId[answer.questionId ?? id] = (answer.textAnswers?.answers ?? []).map((a) => a.value ?? '').filter((v) => v !== '');
  }
  return {
    ...(r.responseId ? { responseId: r.responseId } : {}),
    ...(r.lastSubmittedTime || r.createTime ? { submittedAt: r.lastSubmittedTime ?? r.createTime } : {}),
    ...(r.respondentEmail ? { respondentEmail: r.respondentEmail } : {}),
    byQuestionId,
  };
}

/** The time a response was last submitted, for the sync watermark. */
export function lastSubmitted(raw: unknown): Date | undefined {
  const at = answersFromApi(raw).submittedAt;
  const date = at ? new Date(at) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * Turns a form response into a raw nomination (the contract's shape, not yet parsed: the intake parses and appraises
 * it like any other submission, so a bad answer becomes a finding naming its field). The award and kind answers are
 * mapped back from their labels to ids; the kind decides which section's answers count. Pure.
 *
 * @example responseToNomination({ responseId: 'ACYDBN', submittedAt: '2024-08-12T03:15:00Z', byQuestionId: { '3a0001f1': ['Giấy khen…'] } }, questions, campaign)
 */
export function responseToNomination(answers: FormAnswers, questions: readonly FormQuestion[], campaign: Campaign): Record<string, unknown> {
  const titles = new Map(Object.entries(answers.byTitle ?? {}).map(([title, values]) => [titleKey(title), values]));
  const valueOf = (q: FormQuestion): string | undefined => {
    const values = answers.byQuestionId?.[q.questionId] ?? titles.get(titleKey(q.title));
    const text = values?.map((v) => normalizeText(v)).filter(Boolean).join(', ');
    return text ? text : undefined;
  };
  const common = (field: string) => {
    const q = questions.find((x) => x.field === field && !x.kind);
    return q ? valueOf(q) : undefined;
  };
  const kindAnswer = common('kind');
  const kind = kindAnswer === undefined ? (campaign.nomineeKinds.length === 1 ? campaign.nomineeKinds[0] : undefined) : kindOf(kindAnswer);
  const payload: Record<string, unknown> = {
    responseId: answers.responseId,
    submittedAt: answers.submittedAt,
    campaign: campaign.id,
    award: awardOf(common('award'), campaign),
    kind: kind ?? kindAnswer,
    unit: common('unit'),
    block: common('block'),
    email: common('email') ?? answers.respondentEmail,
    selfScores: {},
    evidence: {},
  };
  for (const q of questions.filter((x) => x.kind !== undefined && x.kind === kind)) {
    const value = valueOf(q);
    const [field, number] = q.field.split('.');
    if (value === undefined || field === 'confirm') continue;
    if (number !== undefined && field === 'selfScores') (payload.selfScores as Record<string, unknown>)[number] = points(value);
    else if (number !== undefined && field === 'evidence') (payload.evidence as Record<string, string>)[number] = value;
    else if (field) payload[field] = value;
  }
  return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
}

/** Points as a number when the answer is one ("13,5" → 13.5), so the sheet can add them up; otherwise the text, for the engine to report. */
const points = (value: string): number | string => (/^\d{1,4}(?:[.,]\d{1,2})?$/.test(value) ? Number(value.replace(',', '.')) : value);

function kindOf(answer: string): NomineeKind | undefined {
  const key = answer.toLocaleLowerCase('vi');
  return NomineeKind.find((k) => k === answer || NOMINEE_KIND_LABEL[k].toLocaleLowerCase('vi') === key);
}

/** An award label (or id) back to its id; unknown text is kept, so the contract reports AWARD_UNKNOWN with it. */
function awardOf(answer: string | undefined, campaign: Campaign): string | undefined {
  if (answer === undefined) return undefined;
  const labels = awardLabels(campaign);
  const index = labels.findIndex((label) => canonicalKey(label) === canonicalKey(answer));
  if (index >= 0) return campaign.awards[index]!.id;
  return campaign.awards.find((a) => a.id === answer || canonicalKey(a.name) === canonicalKey(answer))?.id ?? answer;
}
