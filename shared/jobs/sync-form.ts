import { answersFromApi, lastSubmitted, responseToNomination } from '../forms/response-to-nomination.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { FORM_SETTING } from '../store/codecs/settings.js';
import { formQuestions } from './form-questions.js';
import { intake, type IntakeResult } from './intake.js';
import { done, type JobResult } from './problem.js';

/** How far back the next sync starts before the newest response seen (Google does not promise the listing's order). */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;
/**
 * How late Google may list a response after its `lastSubmittedTime` (plus our clock's error): a run never moves the
 * watermark past its own start less this, so a response listed up to an hour late is still found by the next runs.
 */
export const LISTING_DELAY_MS = 60 * 60_000;
/** A run lists every response, with no filter, when the last such pass began at least this long ago. */
export const FULL_PASS_EVERY_MS = 24 * 60 * 60_000;

export interface SyncReport {
  formId: string;
  /** The filter used, e.g. `timestamp >= 2024-08-01T00:00:00Z`; absent on a full pass. */
  filter?: string;
  /** True when every response was listed: the first sync, and once a day. */
  fullPass: boolean;
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
 * stored, to the newest lastSubmittedTime seen less a small overlap (Google does not promise the listing's order), but
 * never past the run's start less `LISTING_DELAY_MS`: a response Google lists late — after newer ones were synced —
 * is still inside the next runs' window. Once a day (`FULL_PASS_EVERY_MS`) a run lists every response, with no filter,
 * for anything later still. A run that fails half-way starts again from the old watermark; every response listed
 * again is a duplicate that changes nothing, because intake is idempotent.
 * A response the Apps Script trigger already stored under its own id is recognised and kept under that id
 * (decision 006).
 */
export async function syncForm(deps: SyncDeps): Promise<JobResult<SyncReport>> {
  const { repo, formId } = deps;
  const mapping = await formQuestions(repo);
  if (!mapping.ok) return mapping;
  const questions = mapping.value;
  const settings = await repo.settings();
  const started = deps.now();
  const since = dateSetting(settings, FORM_SETTING.watermark);
  const lastFullPass = dateSetting(settings, FORM_SETTING.fullPass);
  const fullPass = !since || !lastFullPass || started.getTime() - lastFullPass.getTime() >= FULL_PASS_EVERY_MS;
  const filter = fullPass || !since ? undefined : `timestamp >= ${rfc3339(since)}`;
  const report: SyncReport = { formId, ...(filter ? { filter } : {}), fullPass, pages: 0, listed: 0, accepted: 0, updated: 0, duplicates: 0, rejected: 0, outcomes: [] };
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
  const entries: Array<[string, string]> = [];
  if (newest) {
    const next = new Date(Math.max(Math.min(newest.getTime() - WATERMARK_OVERLAP_MS, started.getTime() - LISTING_DELAY_MS), since?.getTime() ?? 0));
    if (!since || next.getTime() > since.getTime()) {
      entries.push([FORM_SETTING.watermark, rfc3339(next)]);
      report.watermark = rfc3339(next);
    }
  }
  if (fullPass) entries.push([FORM_SETTING.fullPass, rfc3339(started)]);
  if (entries.length > 0) await repo.write([{ kind: 'settings', mode: 'set', entries }]);
  return done(report);
}

/** A date kept in the settings by an earlier sync (the watermark, the last full pass); unreadable is absent. */
function dateSetting(settings: ReadonlyMap<string, string>, key: string): Date | undefined {
  const value = settings.get(key);
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
