import type { FormDoor } from '../domain/form-doors.js';
import { appsScriptAnswers, isAppsScriptEnvelope } from '../forms/apps-script-response.js';
import { responseToNomination } from '../forms/response-to-nomination.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { formQuestions } from './form-questions.js';
import { done, type JobResult } from './problem.js';

/** The form door a request body came by: the Apps Script trigger's envelope, or none (the contract posted directly). */
export const doorOfBody = (body: unknown): FormDoor | undefined => (isAppsScriptEnvelope(body) ? 'apps-script' : undefined);

/**
 * The submission the intake takes from a request body: the nomination contract as sent, or — for the Apps Script
 * envelope — the form response turned into one with the recorded question mapping.
 */
export async function submissionFromBody(repo: CampaignRepository, body: unknown): Promise<JobResult<unknown>> {
  if (!isAppsScriptEnvelope(body)) return done(body);
  const answers = appsScriptAnswers(body);
  if (!answers) return done({ formResponse: '(không đúng dạng)' });
  const questions = await formQuestions(repo);
  return questions.ok ? done(responseToNomination(answers, questions.value, repo.campaign)) : questions;
}
