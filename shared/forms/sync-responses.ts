import type { CampaignStore, IntakeResult } from '../store/campaign-store.js';
import type { TableStore } from '../store/table-store.js';
import type { FormsApi } from '../google/forms/forms-api.js';
import { readFormQuestions, readWatermark, rfc3339, writeWatermark } from './form-tables.js';
import { answersFromApi, lastSubmitted, responseToNomination } from './response-to-nomination.js';

/** How far back the next sync starts before the newest response seen, in case Google lists a response late. */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;

/** The form has no recorded mapping: nothing can be read until `thidua form create` has run. */
export class FormMappingMissingError extends Error {
  override readonly name = 'FormMappingMissingError';
}

export interface SyncReport {
  formId: string;
  /** The filter used, e.g. `timestamp >= 2024-08-01T00:00:00Z`; absent on the first sync. */
  filter?: string;
  pages: number;
  listed: number;
  accepted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  /** The watermark written after the last page, if it moved. */
  watermark?: string;
  /** Outcomes by responseId, for the log (no personal data). */
  outcomes: Array<{ responseId?: string; outcome: 'accepted' | 'updated' | 'duplicate' | 'rejected' }>;
}

export interface SyncDeps {
  forms: Pick<FormsApi, 'listResponses'>;
  store: CampaignStore;
  tables: TableStore;
  formId: string;
  now: () => Date;
  pageSize?: number;
}

/**
 * Catches up with the form: lists the responses last submitted at or after the stored watermark
 * (`forms.responses.list`, filter `timestamp >= …` in RFC 3339 UTC, every page), turns each into a nomination with the
 * recorded mapping and takes it in — new ones appended, repeated ones ignored, edited ones (same responseId, later
 * lastSubmittedTime) rewriting their row — one page per store job. The watermark moves only after the last page is
 * stored, to the newest lastSubmittedTime seen less a small overlap: Google does not promise the listing's order, so a
 * run that fails half-way starts again from the old watermark, which is harmless because intake is idempotent.
 */
export async function syncResponses(deps: SyncDeps): Promise<SyncReport> {
  const { store, tables, formId } = deps;
  const { questions, problems } = await readFormQuestions(tables, store);
  if (questions.length === 0) throw new FormMappingMissingError(problems[0] ?? `Trang "${store.tab('formQuestions').title}" chưa có câu hỏi nào: hãy tạo biểu mẫu bằng lệnh "thidua form create".`);
  const since = await readWatermark(store);
  const filter = since ? `timestamp >= ${rfc3339(since)}` : undefined;
  const report: SyncReport = { formId, ...(filter ? { filter } : {}), pages: 0, listed: 0, accepted: 0, updated: 0, duplicates: 0, rejected: 0, outcomes: [] };
  let newest = since;
  let pageToken: string | undefined;
  do {
    const page = await deps.forms.listResponses(formId, { ...(filter ? { filter } : {}), ...(pageToken ? { pageToken } : {}), ...(deps.pageSize ? { pageSize: deps.pageSize } : {}) });
    const submissions = page.responses.map((raw) => ({ payload: responseToNomination(answersFromApi(raw), questions, store.campaign), source: `biểu mẫu ${formId}` }));
    const outcomes = submissions.length ? await store.intake(submissions, deps.now(), { edits: 'update' }) : [];
    count(report, outcomes);
    for (const raw of page.responses) {
      const at = lastSubmitted(raw);
      if (at && (!newest || at > newest)) newest = at;
    }
    report.pages += 1;
    report.listed += page.responses.length;
    pageToken = page.nextPageToken;
  } while (pageToken);
  if (newest) {
    const next = new Date(Math.max(newest.getTime() - WATERMARK_OVERLAP_MS, since?.getTime() ?? 0));
    if (!since || next.getTime() > since.getTime()) {
      await writeWatermark(tables, store, next);
      report.watermark = rfc3339(next);
    }
  }
  return report;
}

function count(report: SyncReport, outcomes: readonly IntakeResult[]): void {
  for (const o of outcomes) {
    const outcome = o.kind === 'accepted' ? (o.edited ? 'updated' : 'accepted') : o.kind;
    report[outcome === 'duplicate' ? 'duplicates' : outcome] += 1;
    const responseId = o.kind === 'accepted' ? o.nomination.responseId : o.responseId;
    report.outcomes.push({ ...(responseId ? { responseId } : {}), outcome });
  }
}
