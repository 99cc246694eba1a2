import { z } from 'zod';
import type { FormAnswers } from './response-to-nomination.js';

/**
 * What the Apps Script trigger (`sheets-templates/apps-script/onFormSubmit.gs`) posts: the response's id, when it was
 * last submitted, and each answer under its question's title (Apps Script item ids are not the Forms API's question
 * ids, so titles — unique by construction of the form — are the link).
 */
export const AppsScriptEnvelope = z.object({
  formResponse: z.object({
    formId: z.string().max(200).optional(),
    responseId: z.string().min(1).max(200),
    lastSubmittedTime: z.string().min(1).max(40),
    respondentEmail: z.string().max(320).optional(),
    answers: z.array(z.object({ title: z.string().max(500), values: z.array(z.string().max(5000)).max(50) })).max(500),
  }),
});

/** True when a body is shaped like the Apps Script envelope (it may still fail to parse). */
export const isAppsScriptEnvelope = (body: unknown): boolean => typeof body === 'object' && body !== null && !Array.isArray(body) && 'formResponse' in body;

/** The envelope as FormAnswers by title, or undefined when it does not parse. */
export function appsScriptAnswers(body: unknown): FormAnswers | undefined {
  const parsed = AppsScriptEnvelope.safeParse(body);
  if (!parsed.success) return undefined;
  const r = parsed.data.formResponse;
  return {
    responseId: r.responseId,
    submittedAt: r.lastSubmittedTime,
    ...(r.respondentEmail ? { respondentEmail: r.respondentEmail } : {}),
    byTitle: Object.fromEntries(r.answers.map((a) => [a.title, a.values])),
  };
}
