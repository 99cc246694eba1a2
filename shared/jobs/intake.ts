import { parseAwardGuidance } from '../domain/award-guidance.js';
import type { AuditEntry } from '../domain/audit.js';
import { toVietnamIso } from '../domain/dates.js';
import type { Finding } from '../domain/findings.js';
import { SAME_SUBMISSION_MS, sameSubmissionByOtherDoor, type FormDoor } from '../domain/form-doors.js';
import { IntakeSession, type IntakeOutcome, type NomineeIdentity } from '../domain/intake.js';
import { parseNomination, type Nomination } from '../domain/nomination.js';
import { AUDITED_ENGINE_FIELDS, shownDecision, type StoredNomination } from '../store/codecs/nominations.js';
import type { Rejection } from '../store/codecs/rejections.js';
import type { CampaignRepository, NominationRecord } from '../store/campaign-repository.js';

/** One submission as it arrived at a door, with where it came from ("cli:file.json#3", "http"). */
export interface Submission {
  payload: unknown;
  source: string;
}

/**
 * `update`: an edited form response (stored responseId, later submittedAt) rewrites its row; default: ignored (a
 * duplicate). Only the form paths pass `update` — the Forms API sync (`lastSubmittedTime`) and the Apps Script's
 * envelope — since only they carry the form's own edit signal; a plain caller re-sending a responseId changes nothing.
 */
export interface IntakeOptions {
  edits?: 'ignore' | 'update';
  /**
   * The form door the submissions came by (Apps Script trigger or Forms API sync): a submission another door already
   * stored under its own id is taken as that row — a repeat, or an edit of it — never as a second row (decision 006).
   */
  door?: FormDoor;
}

/**
 * What became of one submission; `edited` when it rewrote the row of an earlier version of the same response;
 * `resent` on a duplicate that is the stored submission itself (same submission time and nominee name, as a sender
 * retrying after a lost answer sends it) — the only duplicate whose sender may be handed the nomination's status link.
 */
export type IntakeResult = IntakeOutcome & { edited?: true; resent?: true };

/**
 * Takes submissions in, one by one, in one read and one write: accepted ones are stored with their findings,
 * rejected ones recorded in the rejections tab, repeated deliveries of a stored responseId change nothing.
 * Rules that need datasets are checked at the next recompute.
 *
 * With `{ edits: 'update' }` (form sync), a stored responseId arriving with a later `submittedAt` — an edited form
 * response: same id, newer lastSubmittedTime — is taken in again and rewrites its row (nominee fields, scores,
 * computed columns; the council's columns are kept); its outcome says `edited: true`. An awarded row never changes.
 */
export function intake(repo: CampaignRepository, submissions: readonly Submission[], now: Date, options: IntakeOptions = {}): Promise<IntakeResult[]> {
  // the plain path (no form door, edits ignored) needs of the stored rows only their ids and nominees: the compact
  // index (in Google mode, those columns only); a form door's identity across doors and an edit need whole rows
  const whole = options.door !== undefined || options.edits === 'update';
  // the rejections tab is read too, so the write places its rows without reading again (one read, one write)
  // a plan whose award step waits for a guidance reads it from the settings tab; the others read no more than before
  const parts: Array<'nominations' | 'nomineeIndex' | 'rejections' | 'settings'> = [whole ? 'nominations' : 'nomineeIndex', 'rejections', ...(repo.campaign.awardGuidance ? (['settings'] as const) : [])];
  return repo.transact(parts, (snap) => {
    const nominations = whole ? snap.nominations : [];
    const identities: NomineeIdentity[] = whole ? nominations.map((s) => s.nomination) : snap.nomineeIndex;
    const recorded = parts.includes('settings') ? parseAwardGuidance(snap.settings) : undefined;
    const guidance = recorded?.ok ? recorded.guidance : undefined;
    const stored = new Map(nominations.map((s) => [s.nomination.responseId, s]));
    const storedIds = new Map(identities.map((n) => [n.responseId, n]));
    const payloads = sameIdsAcrossDoors(submissions, nominations.map((s) => s.nomination), options.door);
    const parsed = payloads.map((payload) => {
      const p = parseNomination(payload);
      return p.ok ? p.nomination : undefined;
    });
    const edits = options.edits === 'update' ? latestEdits(parsed, stored) : new Map<string, number>();
    const session = new IntakeSession(repo.campaign, identities.filter((n) => !edits.has(n.responseId)), now, guidance);
    const added: NominationRecord[] = [];
    const edited: NominationRecord[] = [];
    const rejections: Rejection[] = [];
    const audit: AuditEntry[] = [];
    const at = toVietnamIso(now);
    const outcomes = submissions.map(({ source }, index): IntakeResult => {
      const payload = payloads[index];
      const id = parsed[index]?.responseId;
      if (id !== undefined && edits.has(id) && edits.get(id) !== index) return { kind: 'duplicate', responseId: id };
      const outcome = session.take(payload);
      if (outcome.kind === 'duplicate') return resends(parsed[index], storedIds) ? { ...outcome, resent: true } : outcome;
      if (outcome.kind === 'accepted') {
        const record: NominationRecord = {
          nomination: outcome.nomination,
          receivedAt: now,
          state: { responseId: outcome.nomination.responseId, status: outcome.status, stage: 'submitted', findings: outcome.findings, total: outcome.total, selfTotal: outcome.total, council: undefined },
        };
        const before = id === undefined ? undefined : stored.get(id);
        if (before && edits.get(outcome.nomination.responseId) === index) {
          edited.push(record);
          const by = `sửa hồ sơ (${source})`;
          const responseId = before.nomination.responseId;
          audit.push({ at, by, responseId, field: 'Thời điểm nộp', old: toVietnamIso(before.nomination.submittedAt), new: toVietnamIso(outcome.nomination.submittedAt) });
          const shown = shownDecision({ status: outcome.status, total: outcome.total });
          if (before.shown.status !== shown.status) audit.push({ at, by, responseId, field: AUDITED_ENGINE_FIELDS.status, old: before.shown.status, new: shown.status });
          // the score too: the next recompute takes what the audit last recorded as the engine's, to tell a hand edit
          if (before.shown.total !== shown.total) audit.push({ at, by, responseId, field: AUDITED_ENGINE_FIELDS.total, old: before.shown.total, new: shown.total });
          return { ...outcome, edited: true };
        }
        // the new row itself records when it came in and its first status; the audit records changes from there
        added.push(record);
      } else if (outcome.kind === 'rejected') {
        rejections.push({ payload, source, responseId: outcome.responseId, findings: outcome.findings, receivedAt: now });
      }
      return outcome;
    });
    return {
      value: outcomes,
      changes: [
        { kind: 'add-nominations', records: added },
        { kind: 'edit-nominations', records: edited },
        { kind: 'rejections', rejections },
        { kind: 'audit', entries: audit },
      ],
    };
  });
}

/** The payloads, each arriving by `door` whose response another door already stored carrying that door's responseId. */
function sameIdsAcrossDoors(submissions: readonly Submission[], stored: readonly Nomination[], door: FormDoor | undefined): unknown[] {
  if (!door) return submissions.map((s) => s.payload);
  return submissions.map(({ payload }) => {
    const p = parseNomination(payload);
    const same = p.ok ? sameSubmissionByOtherDoor(p.nomination, stored, door) : undefined;
    if (!same || !p.ok || payload === null || typeof payload !== 'object') return payload;
    // the same version (its two doors' clocks a moment apart) is a repeat, not an edit
    const sameVersion = Math.abs(same.submittedAt.getTime() - p.nomination.submittedAt.getTime()) <= SAME_SUBMISSION_MS;
    return { ...payload, responseId: same.responseId, ...(sameVersion ? { submittedAt: same.submittedAt.toISOString() } : {}) };
  });
}

/** Records a submission refused before it could be read (over the size limit): the council sees it like any other. */
export function recordRefusal(repo: CampaignRepository, start: string, source: string, finding: Finding, now: Date): Promise<void> {
  return repo.writeExclusive([{ kind: 'rejections', rejections: [{ payload: start, source, responseId: undefined, findings: [finding], receivedAt: now }] }]);
}

/** True when `n` is the stored submission of its responseId sent again: same submission time (as stored) and name. */
function resends(n: Nomination | undefined, stored: ReadonlyMap<string, NomineeIdentity>): boolean {
  const before = n && stored.get(n.responseId);
  return !!n && !!before && toVietnamIso(n.submittedAt) === toVietnamIso(before.submittedAt) && n.name === before.name;
}

/**
 * Which submissions are edits of stored responses: a parsed submission whose responseId is stored (and not awarded)
 * with a later submittedAt. Per responseId, the latest such submission wins: responseId → its index.
 */
function latestEdits(parsed: ReadonlyArray<Nomination | undefined>, stored: ReadonlyMap<string, StoredNomination>): Map<string, number> {
  const winners = new Map<string, number>();
  parsed.forEach((n, index) => {
    const before = n && stored.get(n.responseId);
    if (!n || !before || before.status === 'awarded' || n.submittedAt.getTime() <= before.nomination.submittedAt.getTime()) return;
    const best = winners.get(n.responseId);
    if (best === undefined || n.submittedAt.getTime() >= parsed[best]!.submittedAt.getTime()) winners.set(n.responseId, index);
  });
  return winners;
}
