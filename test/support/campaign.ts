import { readDecisions } from '../../shared/jobs/read-decisions.js';
import type { CampaignRepository } from '../../shared/store/campaign-repository.js';

/** What a test reads of a campaign: its nominations, the rows that could not be read, datasets as the engine indexes them. */
export async function snapshotOf(repo: CampaignRepository) {
  const { nominations, problems, indexed, councilScores, reviews, decisions } = await readDecisions(repo);
  return { nominations, problems, datasets: indexed, councilScores, reviews, decisions };
}

/** The form's question mapping as recorded in the workbook, with the rows that could not be read. */
export async function formQuestionsOf(repo: CampaignRepository) {
  const read = await repo.read(['formQuestions']);
  return { questions: read.formQuestions, problems: read.problems };
}
