import { readFile } from 'node:fs/promises';
import type { IntakeOutcome } from '../domain/intake.js';
import { csvToAnswers, CsvResponsesError } from '../forms/csv-responses.js';
import { buildFormPlan } from '../forms/form-plan.js';
import type { FormQuestion } from '../forms/form-question.js';
import { readFormQuestions, recordForm } from '../forms/form-tables.js';
import type { FormsApi } from '../google/forms/forms-api.js';
import { responseToNomination } from '../forms/response-to-nomination.js';
import { CampaignStore } from '../store/campaign-store.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import { openTables, type TablesOptions } from './open-tables.js';

/**
 * `thidua form create <campaign>`: builds the campaign's nomination form with the Forms API — `forms.create` with the
 * title, then one `forms.batchUpdate` adding every item — and records the question-to-field mapping in the workbook's
 * "Câu hỏi biểu mẫu" tab and the form's id and address in "Cài đặt". `forms` defaults to the Forms API with
 * Application Default Credentials of the person running it (the form is created in their Drive).
 */
export async function formCreateCommand(ctx: CliContext, campaignId: string, options: TablesOptions, forms?: FormsApi): Promise<number> {
  const campaign = ctx.campaigns.get(campaignId);
  if (!campaign) throw new UsageError(`Không có phong trào mã "${campaignId}". Các mã có: ${[...ctx.campaigns.keys()].join(', ')}.`);
  const { tables, where } = await openTables({ ...options, campaign: options.campaign ?? campaign.id });
  const store = await CampaignStore.open(tables, ctx.campaigns);
  if (store.campaign.id !== campaign.id) throw new UsageError(`Sổ ${where} thuộc phong trào "${store.campaign.id}", không phải "${campaign.id}".`);
  const api = forms ?? (await (await import('../google/forms/forms-api.js')).googleFormsApi());
  const plan = buildFormPlan(campaign);
  const form = await api.create(plan.title);
  const formId = form.formId;
  if (!formId) throw new UsageError('Google không trả về mã biểu mẫu.');
  let replies;
  try {
    replies = (await api.batchUpdate(formId, plan.requests)).replies ?? [];
  } catch (error) {
    ctx.io.stderr.write(`Đã tạo biểu mẫu trống ${formId} nhưng chưa thêm được câu hỏi; hãy xóa nó trong Google Drive rồi chạy lại lệnh.\n`);
    throw error;
  }
  // Google's answer is authoritative for the ids; ours were asked for, and are kept if it says nothing.
  const questions: FormQuestion[] = [...plan.questions].map(([index, q]) => ({ ...q, questionId: replies[index]?.createItem?.questionId?.[0] ?? q.questionId }));
  await recordForm(tables, store, { formId, ...(form.responderUri ? { responderUri: form.responderUri } : {}), questions });
  ctx.io.stdout.write(
    [
      `Đã tạo biểu mẫu "${plan.title}" (${questions.length} câu hỏi).`,
      `  Mã biểu mẫu:  ${formId}`,
      `  Sửa biểu mẫu: https://docs.google.com/forms/d/${formId}/edit`,
      ...(form.responderUri ? [`  Gửi các đơn vị: ${form.responderUri}`] : []),
      `  Đã ghi ánh xạ câu hỏi → trường hồ sơ vào trang "${store.tab('formQuestions').title}" của ${where}.`,
      'Tiếp theo: đặt THIDUA_FORM_ID cho các hàm, gắn sheets-templates/apps-script/onFormSubmit.gs vào biểu mẫu (xem README, mục Cloud Functions).',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/**
 * `thidua intake <responses.csv>`: the form's responses sheet downloaded as CSV, taken in with the recorded mapping
 * (header = question title), each row like any other submission. Importing the same file again adds nothing.
 */
export async function intakeCsvCommand(ctx: CliContext, file: string, options: TablesOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`Không đọc được tệp "${file}": ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`);
  }
  const { tables } = await openTables(options);
  const store = await CampaignStore.open(tables, ctx.campaigns);
  const { questions, problems } = await readFormQuestions(tables, store);
  if (questions.length === 0) throw new UsageError(problems[0] ?? 'Sổ chưa ghi câu hỏi của biểu mẫu: hãy tạo biểu mẫu bằng lệnh "thidua form create".');
  let rows;
  try {
    rows = csvToAnswers(text, questions);
  } catch (error) {
    if (error instanceof CsvResponsesError) throw new UsageError(`Tệp "${file}": ${error.message}`);
    throw error;
  }
  const submissions = rows.map((answers, i) => ({ payload: responseToNomination(answers, questions, store.campaign), source: `${file}#${i + 2}` }));
  const outcomes = await store.intake(submissions, ctx.now());
  for (const [i, o] of outcomes.entries()) ctx.io.stdout.write(describe(o, submissions[i]!.source));
  const count = (kind: IntakeOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  ctx.io.stdout.write(`\nTiếp nhận ${count('accepted')}, đã có từ trước ${count('duplicate')}, bị từ chối ${count('rejected')} (tổng ${outcomes.length}).\n`);
  return count('rejected') > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

function describe(o: IntakeOutcome, source: string): string {
  switch (o.kind) {
    case 'accepted':
      return `✔ ${source}: ${o.nomination.name} (${o.nomination.unit}) đã tiếp nhận\n`;
    case 'duplicate':
      return `↺ ${source}: đã tiếp nhận trước đó\n`;
    case 'rejected':
      return `✘ ${source}: bị từ chối\n${o.findings.map((f) => `    • ${f.message}${f.field ? ` [${f.field}]` : ''}\n`).join('')}`;
  }
}
