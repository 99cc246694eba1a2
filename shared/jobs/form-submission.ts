import type { FormDoor } from '../domain/form-doors.js';
import { appsScriptAnswers, isAppsScriptEnvelope } from '../forms/apps-script-response.js';
import { responseToNomination } from '../forms/response-to-nomination.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { formQuestions } from './form-questions.js';
import type { IntakeOptions } from './intake.js';
import { done, type JobResult } from './problem.js';

/** A request body as the intake takes it: the payload, and whether it may edit a stored response (see IntakeOptions). */
export interface BodySubmission {
  payload: unknown;
  edits: NonNullable<IntakeOptions['edits']>;
}

/** The form door a request body came by: the Apps Script trigger's envelope, or none (the contract posted directly). */
export const doorOfBody = (body: unknown): FormDoor | undefined => (isAppsScriptEnvelope(body) ? 'apps-script' : undefined);

/**
 * The submission the intake takes from a request body: the nomination contract as sent, or — for the Apps Script
 * envelope — the form response turned into one with the recorded question mapping. Only the envelope carries the
 * form's own edit signal (an edited response keeps its id, with a later `lastSubmittedTime`), so only it may edit a
 * stored nomination; the contract as sent by any other caller never does (a stored responseId is a duplicate).
 */
export async function submissionFromBody(repo: CampaignRepository, body: unknown): Promise<JobResult<BodySubmission>> {
  if (!isAppsScriptEnvelope(body)) return done({ payload: body, edits: 'ignore' });
  const answers = appsScriptAnswers(body);
  if (!answers) return done({ payload: { formResponse: '(không đúng dạng)' }, edits: 'ignore' });
  const questions = await formQuestions(repo);
  return questions.ok ? done({ payload: responseToNomination(answers, questions.value, repo.campaign), edits: 'update' }) : questions;
}
