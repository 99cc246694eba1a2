import { answersFromApi, lastSubmitted, responseToNomination } from '../forms/response-to-nomination.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { FORM_SETTING } from '../store/codecs/settings.js';
import { formQuestions } from './form-questions.js';
import { intake, type IntakeResult } from './intake.js';
import { done, type JobResult } from './problem.js';

/** How far back the next sync starts before the newest response seen, in case Google lists a response late. */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;

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

/** The part of the Forms API a sync needs (the Google adapter implements it). */
export interface ResponseLister {
  listResponses(formId: string, options: { filter?: string; pageToken?: string; pageSize?: number }): Promise<{ responses: unknown[]; nextPageToken?: string }>;
}

export interface SyncDeps {
  forms: ResponseLister;
  repo: CampaignRepository;
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
 * A response the Apps Script trigger already stored under its own id is recognised and kept under that id
 * (decision 006).
 */
export async function syncForm(deps: SyncDeps): Promise<JobResult<SyncReport>> {
  const { repo, formId } = deps;
  const mapping = await formQuestions(repo);
  if (!mapping.ok) return mapping;
  const questions = mapping.value;
  const since = watermarkOf(await repo.settings());
  const filter = since ? `timestamp >= ${rfc3339(since)}` : undefined;
  const report: SyncReport = { formId, ...(filter ? { filter } : {}), pages: 0, listed: 0, accepted: 0, updated: 0, duplicates: 0, rejected: 0, outcomes: [] };
  let newest = since;
  let pageToken: string | undefined;
  do {
    const page = await deps.forms.listResponses(formId, { ...(filter ? { filter } : {}), ...(pageToken ? { pageToken } : {}), ...(deps.pageSize ? { pageSize: deps.pageSize } : {}) });
    const submissions = page.responses.map((raw) => ({ payload: responseToNomination(answersFromApi(raw), questions, repo.campaign), source: `biểu mẫu ${formId}` }));
    const outcomes = submissions.length ? await intake(repo, submissions, deps.now(), { edits: 'update', door: 'forms-api' }) : [];
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
      await repo.write([{ kind: 'settings', mode: 'set', entries: [[FORM_SETTING.watermark, rfc3339(next)]] }]);
      report.watermark = rfc3339(next);
    }
  }
  return done(report);
}

/** The sync watermark, if a sync has completed before. */
function watermarkOf(settings: ReadonlyMap<string, string>): Date | undefined {
  const value = settings.get(FORM_SETTING.watermark);
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** `2024-08-01T00:00:00Z`: RFC 3339 UTC without fractions when there are none. */
export const rfc3339 = (at: Date): string => at.toISOString().replace('.000Z', 'Z');

function count(report: SyncReport, outcomes: readonly IntakeResult[]): void {
  for (const o of outcomes) {
    const outcome = o.kind === 'accepted' ? (o.edited ? 'updated' : 'accepted') : o.kind;
    report[outcome === 'duplicate' ? 'duplicates' : outcome] += 1;
    const responseId = o.kind === 'accepted' ? o.nomination.responseId : o.responseId;
    report.outcomes.push({ ...(responseId ? { responseId } : {}), outcome });
  }
}
