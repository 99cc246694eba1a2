import { buildFormPlan } from '../forms/form-plan.js';
import type { FormQuestion } from '../forms/form-question.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { FORM_SETTING } from '../store/codecs/settings.js';
import { done, problem, type JobResult } from './problem.js';

/** The part of the Forms API creating a form needs (the Google adapter implements it). */
export interface FormsCreator {
  create(title: string): Promise<{ formId?: string | null; responderUri?: string | null }>;
  batchUpdate(formId: string, requests: ReturnType<typeof buildFormPlan>['requests']): Promise<{ replies?: Array<{ createItem?: { questionId?: string[] | null } | null }> | null }>;
  setPublishState(formId: string, state: { isPublished: boolean; isAcceptingResponses: boolean }): Promise<{ publishState?: { isPublished?: boolean | null; isAcceptingResponses?: boolean | null } | null }>;
}

export interface CreatedForm {
  title: string;
  formId: string;
  responderUri?: string;
  questions: FormQuestion[];
  /** Published and accepting responses; false when Google refused or failed to publish it (the user publishes it by hand). */
  published: boolean;
}

/** The form was made but its questions could not be added: the caller tells the user to delete it. */
export class HalfMadeFormError extends Error {
  override readonly name = 'HalfMadeFormError';
  constructor(
    readonly formId: string,
    options: { cause: unknown },
  ) {
    super(`Đã tạo biểu mẫu trống ${formId} nhưng chưa thêm được câu hỏi; hãy xóa nó trong Google Drive rồi chạy lại lệnh.`, options);
  }
}

/**
 * Builds the campaign's nomination form — `forms.create` with the title, then one `forms.batchUpdate` adding every
 * item — and records the question-to-field mapping in the "Câu hỏi biểu mẫu" tab and the form's id and address in
 * "Cài đặt". Last, `forms.setPublishSettings` publishes it and opens it to responses: since 2026-06-30 a form made
 * through the API is unpublished and takes none. A form whose publishing failed is still recorded (`published: false`):
 * the user publishes it in the Forms editor.
 */
export async function createForm(repo: CampaignRepository, forms: FormsCreator): Promise<JobResult<CreatedForm>> {
  const plan = buildFormPlan(repo.campaign);
  const form = await forms.create(plan.title);
  const formId = form.formId;
  if (!formId) return problem('FORM_NOT_CREATED', 'Google không trả về mã biểu mẫu.');
  let replies;
  try {
    replies = (await forms.batchUpdate(formId, plan.requests)).replies ?? [];
  } catch (error) {
    throw new HalfMadeFormError(formId, { cause: error });
  }
  // Google's answer is authoritative for the ids; ours were asked for, and are kept if it says nothing.
  const questions: FormQuestion[] = [...plan.questions].map(([index, q]) => ({ ...q, questionId: replies[index]?.createItem?.questionId?.[0] ?? q.questionId }));
  const responderUri = form.responderUri ?? undefined;
  await recordForm(repo, { formId, ...(responderUri ? { responderUri } : {}), questions });
  let published = false;
  try {
    const state = (await forms.setPublishState(formId, { isPublished: true, isAcceptingResponses: true })).publishState;
    published = state?.isPublished === true && state.isAcceptingResponses === true;
  } catch {
    // The form and its mapping are kept: publishing it by hand is one click (the caller says where).
  }
  return done({ title: plan.title, formId, ...(responderUri ? { responderUri } : {}), questions, published });
}

/** Records a form: its questions (replacing any earlier mapping) and its id and address in the settings. */
export async function recordForm(repo: CampaignRepository, form: { formId: string; responderUri?: string; questions: readonly FormQuestion[] }): Promise<void> {
  await repo.provision(['formQuestions']);
  await repo.writeExclusive([
    { kind: 'form-questions', formId: form.formId, questions: form.questions },
    { kind: 'settings', mode: 'set', entries: [[FORM_SETTING.formId, form.formId], ...(form.responderUri ? [[FORM_SETTING.responderUri, form.responderUri] as [string, string]] : [])] },
  ]);
}
