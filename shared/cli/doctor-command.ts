import type { FormsApi } from '../google/forms/forms-api.js';
import type { SheetInspector } from '../jobs/doctor.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import { campaignFor } from './open-repository.js';
import { spreadsheetIdOf, type TablesOptions } from './open-tables.js';

/** Read-only Drive metadata: who the spreadsheet is shared with. */
const DRIVE_METADATA_SCOPE = 'https://www.googleapis.com/auth/drive.metadata.readonly';

export interface DoctorOptions extends TablesOptions {
  /** The form's id (else THIDUA_FORM_ID). */
  form?: string;
}

/** In tests: the inspector and Forms API on the fakes, and the environment. */
export interface DoctorDeps {
  sheet?: SheetInspector;
  forms?: FormsApi;
  env?: NodeJS.ProcessEnv;
}

/**
 * `thidua doctor <campaign> --spreadsheet ID [--form ID] [--service-account EMAIL]`: checks what a first deployment
 * gets wrong (the doctor job) and prints one Vietnamese line per problem with its fix, then the cell budget. Exit 1
 * when there is a problem.
 */
export async function doctorCommand(ctx: CliContext, campaignId: string, options: DoctorOptions, deps: DoctorDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  if (options.spreadsheet === undefined) throw new UsageError('thidua doctor kiểm tra một Google Sheet: cần --spreadsheet <mã hoặc địa chỉ>.');
  // a campaign no template has is defined by the sheet's own Kế hoạch tab (decision 013)
  const campaign = ctx.campaigns.get(campaignId) ?? (await campaignFor(ctx, campaignId, options));
  const spreadsheetId = spreadsheetIdOf(options.spreadsheet);
  const formId = options.form ?? (env.THIDUA_FORM_ID?.trim() || undefined);
  const functionsAccount = options.serviceAccount ?? (env.THIDUA_SERVICE_ACCOUNT?.trim() || undefined);
  let sheet = deps.sheet;
  let forms = deps.forms;
  if (!sheet || (formId && !forms)) {
    const [{ chooseCredentials, authFor, describeCredentials }, { SHEETS_SCOPE, FORMS_SCOPES }] = await Promise.all([import('../google/cli-credentials.js'), import('../google/credentials.js')]);
    const credentials = await chooseCredentials({ ...(options.impersonate ? { impersonate: options.impersonate } : {}) }, { env });
    ctx.io.stdout.write(`${describeCredentials(credentials)}\n`);
    const auth = (await authFor(credentials, [SHEETS_SCOPE, DRIVE_METADATA_SCOPE, ...FORMS_SCOPES])) as never;
    sheet ??= (await import('../google/sheets/inspect.js')).googleSheetInspector({ spreadsheetId, auth });
    if (formId) forms ??= await (await import('../google/forms/forms-api.js')).googleFormsApi({ auth });
  }
  const { doctor } = await import('../jobs/doctor.js');
  const report = await doctor({ campaign, sheet, ...(forms ? { forms } : {}), ...(formId ? { formId } : {}), ...(functionsAccount ? { functionsAccount } : {}), datasetsElsewhere: !!env.THIDUA_DATASET_BUCKET?.trim(), now: ctx.now() });
  for (const f of report.findings) ctx.io.stdout.write(`✘ ${f.message}\n`);
  ctx.io.stdout.write(`Dung lượng: ${report.cells.used.toLocaleString('vi-VN')} / 10.000.000 ô (${Math.floor(report.cells.share * 100)} %), còn ${(10_000_000 - report.cells.used).toLocaleString('vi-VN')} ô.\n`);
  if (report.findings.length === 0) ctx.io.stdout.write('✔ Không thấy vấn đề nào.\n');
  return report.findings.length === 0 ? EXIT.ok : EXIT.rejectedOrMisuse;
}
