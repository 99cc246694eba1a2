import type { FormsApi } from '../google/forms/forms-api.js';
import { createForm, HalfMadeFormError } from '../jobs/create-form.js';
import { submissionsFromCsv } from '../jobs/form-csv.js';
import { intake } from '../jobs/intake.js';
import { CampaignRepository } from '../store/campaign-repository.js';
import type { CliContext } from './context.js';
import { describeOutcomeBySource, intakeSummary } from './intake-report.js';
import { orUsageError } from './files.js';
import { EXIT, UsageError } from './io.js';
import { campaignFor } from './open-repository.js';
import { openTables, type TablesOptions } from './open-tables.js';
import { readText } from './read-records.js';

/**
 * `thidua form create <campaign>`: builds the campaign's nomination form with the Forms API and records its question
 * mapping in the workbook (see the createForm job). `forms` defaults to the Forms API with the CLI's credentials
 * (the form is created in the Drive of that identity: with `--impersonate`, the service account's).
 */
export async function formCreateCommand(ctx: CliContext, campaignId: string, options: TablesOptions, forms?: FormsApi): Promise<number> {
  const { tables, where } = await openTables({ ...options, campaign: options.campaign ?? campaignId });
  const campaign = await campaignFor(ctx, campaignId, options, tables);
  const repo = await CampaignRepository.open(tables, ctx.campaigns);
  if (repo.campaign.id !== campaign.id) throw new UsageError(`Sổ ${where} thuộc phong trào "${repo.campaign.id}", không phải "${campaign.id}".`);
  const api = forms ?? (await defaultFormsApi(options));
  let created;
  try {
    created = orUsageError(await createForm(repo, api));
  } catch (error) {
    if (!(error instanceof HalfMadeFormError)) throw error;
    ctx.io.stderr.write(`${error.message}\n`);
    throw error.cause;
  }
  ctx.io.stdout.write(
    [
      `Đã tạo biểu mẫu "${created.title}" (${created.questions.length} câu hỏi).`,
      `  Mã biểu mẫu:  ${created.formId}`,
      `  Sửa biểu mẫu: https://docs.google.com/forms/d/${created.formId}/edit`,
      ...(created.responderUri ? [`  Gửi các đơn vị: ${created.responderUri}`] : []),
      ...(created.published
        ? ['  Biểu mẫu đã được xuất bản và đang nhận câu trả lời.']
        : [`  CHƯA xuất bản được biểu mẫu: mở trang sửa ở trên, bấm "Xuất bản" (Publish) và bật "Đang nhận câu trả lời"; chưa xuất bản thì không đơn vị nào gửi được.`]),
      '  Ai được trả lời: do quyền chia sẻ của biểu mẫu trên Google Drive quyết định. Trong trang sửa, bấm "Xuất bản" →',
      '    "Quản lý người trả lời" và chọn "Bất kỳ ai có đường liên kết" (các đơn vị không cần tài khoản cùng tên miền),',
      '    hoặc chỉ những người trong tên miền cơ quan (khi mọi đơn vị dùng tài khoản Google Workspace của tên miền đó).',
      `  Đã ghi ánh xạ câu hỏi → trường hồ sơ vào trang "${repo.tab('formQuestions').title}" của ${where}.`,
      'Tiếp theo: đặt THIDUA_FORM_ID cho các hàm, gắn sheets-templates/apps-script/onFormSubmit.gs vào biểu mẫu (xem README, mục Cloud Functions).',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** The Forms API with the CLI's credentials, chosen in the same order as for the sheet (cli-credentials.ts). */
async function defaultFormsApi(options: TablesOptions): Promise<FormsApi> {
  const [{ googleFormsApi }, { FORMS_SCOPES }, { chooseCredentials, authFor }] = await Promise.all([
    import('../google/forms/forms-api.js'),
    import('../google/credentials.js'),
    import('../google/cli-credentials.js'),
  ]);
  const credentials = await chooseCredentials({ ...(options.impersonate ? { impersonate: options.impersonate } : {}) }, { env: process.env });
  return googleFormsApi({ auth: (await authFor(credentials, FORMS_SCOPES)) as never });
}

/**
 * `thidua intake <responses.csv>`: the form's responses sheet downloaded as CSV, taken in with the recorded mapping
 * (header = question title), each row like any other submission. Importing the same file again adds nothing.
 */
export async function intakeCsvCommand(ctx: CliContext, file: string, options: TablesOptions): Promise<number> {
  const text = await readText(file);
  const { tables } = await openTables(options);
  const repo = await CampaignRepository.open(tables, ctx.campaigns);
  const submissions = orUsageError(await submissionsFromCsv(repo, text, file));
  const outcomes = await intake(repo, submissions, ctx.now());
  for (const [i, o] of outcomes.entries()) ctx.io.stdout.write(describeOutcomeBySource(o, submissions[i]!.source, submissions[i]!.payload));
  ctx.io.stdout.write(intakeSummary(outcomes));
  return outcomes.some((o) => o.kind === 'rejected') ? EXIT.rejectedOrMisuse : EXIT.ok;
}
