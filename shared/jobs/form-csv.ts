import { csvToAnswers, CsvResponsesError } from '../forms/csv-responses.js';
import { responseToNomination } from '../forms/response-to-nomination.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { formQuestions } from './form-questions.js';
import type { Submission } from './intake.js';
import { done, problem, type JobResult } from './problem.js';

/**
 * The rows of the form's responses sheet downloaded as CSV (header = question titles), each as a submission made with
 * the recorded mapping; `source` names the file and line ("responses.csv#2").
 */
export async function submissionsFromCsv(repo: CampaignRepository, text: string, file: string): Promise<JobResult<Submission[]>> {
  const questions = await formQuestions(repo);
  if (!questions.ok) return questions;
  try {
    const rows = csvToAnswers(text, questions.value);
    return done(rows.map((answers, i) => ({ payload: responseToNomination(answers, questions.value, repo.campaign), source: `${file}#${i + 2}` })));
  } catch (error) {
    if (error instanceof CsvResponsesError) return problem('BAD_FILE', `Tệp "${file}": ${error.message}`);
    throw error;
  }
}
