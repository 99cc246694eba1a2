import { NOMINEE_KIND_LABEL } from '../domain/vocabulary.js';
import type { CampaignStore } from '../store/campaign-store.js';
import { StoreError, type Row, type TableStore } from '../store/table-store.js';
import { FormQuestion } from './form-question.js';

/** Settings-tab keys this module owns. */
export const FORM_SETTING = {
  formId: 'Mã biểu mẫu Google',
  responderUri: 'Địa chỉ biểu mẫu',
  /** RFC 3339 UTC: responses last submitted at or after it are listed again at the next sync. */
  watermark: 'Mốc đồng bộ biểu mẫu',
} as const;

/** The question-to-field mapping of the form, as the "Câu hỏi biểu mẫu" tab holds it; unreadable rows are reported. */
export async function readFormQuestions(tables: TableStore, store: CampaignStore): Promise<{ questions: FormQuestion[]; problems: string[] }> {
  const tab = store.tab('formQuestions');
  let rows: Row[];
  try {
    rows = (await tables.readTabs([tab])).get('formQuestions') ?? [];
  } catch (error) {
    if (error instanceof StoreError && error.context.tab === tab.title) return { questions: [], problems: [`Chưa có trang "${tab.title}": hãy tạo biểu mẫu bằng lệnh "thidua form create".`] };
    throw error;
  }
  const questions: FormQuestion[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = FormQuestion.safeParse({ questionId: row.questionId, field: row.field, kind: row.kind, title: row.title });
    if (parsed.success) questions.push(parsed.data);
    else problems.push(`Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`);
  }
  return { questions, problems };
}

/** Records a newly built form: its questions (replacing any earlier mapping) and its id and address in the settings. */
export async function recordForm(tables: TableStore, store: CampaignStore, form: { formId: string; responderUri?: string; questions: readonly FormQuestion[] }): Promise<void> {
  const tab = store.tab('formQuestions');
  await tables.ensureTabs([tab]);
  const rows = form.questions.map((q): Row => ({ questionId: q.questionId, field: q.field, kind: q.kind ? NOMINEE_KIND_LABEL[q.kind] : null, title: q.title, formId: form.formId }));
  const settings: Row[] = [{ key: FORM_SETTING.formId, value: form.formId }, ...(form.responderUri ? [{ key: FORM_SETTING.responderUri, value: form.responderUri }] : [])];
  await tables.exclusive(() => tables.write([{ tab, replaceAll: rows }, { tab: store.tab('settings'), updateByKey: settings }]));
}

/** The sync watermark, if a sync has completed before. */
export async function readWatermark(store: CampaignStore): Promise<Date | undefined> {
  const value = (await store.settings()).get(FORM_SETTING.watermark);
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Moves the sync watermark (written as RFC 3339 UTC, the form the responses.list filter takes). */
export async function writeWatermark(tables: TableStore, store: CampaignStore, at: Date): Promise<void> {
  await tables.write([{ tab: store.tab('settings'), updateByKey: [{ key: FORM_SETTING.watermark, value: rfc3339(at) }] }]);
}

/** `2024-08-01T00:00:00Z`: RFC 3339 UTC without fractions when there are none. */
export const rfc3339 = (at: Date): string => at.toISOString().replace('.000Z', 'Z');
