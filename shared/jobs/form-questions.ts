import type { FormQuestion } from '../forms/form-question.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { StoreError } from '../store/table-store.js';
import { problem, done, type JobResult } from './problem.js';

/**
 * The question-to-field mapping `thidua form create` recorded, or the problem that there is none yet (no tab, or an
 * empty one): nothing a form sends can be read without it. One read.
 */
export async function formQuestions(repo: CampaignRepository): Promise<JobResult<FormQuestion[]>> {
  const tab = repo.tab('formQuestions');
  let read;
  try {
    read = await repo.read(['formQuestions']);
  } catch (error) {
    if (error instanceof StoreError && error.context.tab === tab.title) return problem('FORM_MAPPING_MISSING', `Chưa có trang "${tab.title}": hãy tạo biểu mẫu bằng lệnh "thidua form create".`);
    throw error;
  }
  if (read.formQuestions.length === 0) return problem('FORM_MAPPING_MISSING', read.problems[0] ?? `Trang "${tab.title}" chưa có câu hỏi nào: hãy tạo biểu mẫu bằng lệnh "thidua form create".`);
  return done(read.formQuestions);
}
