import { auditChanges, lastKnown, setField, type AuditEntry, type FieldValues } from '../domain/audit.js';
import { toVietnamIso } from '../domain/dates.js';
import type { Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import { AUDITED_COUNCIL_FIELDS, AUDITED_ENGINE_FIELDS, shownDecision } from '../store/codecs/nominations.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { ENGINE_PARTS, evaluateSnapshot, type Evaluated } from './read-decisions.js';

export interface Recomputed {
  decisions: Decision[];
  nominations: Nomination[];
  problems: string[];
  /** Computed cells someone changed by hand since the engine last wrote them: recorded in the audit, then recomputed. */
  handEdits: HandEdit[];
}

/** A computed cell edited by hand: which row and column, the engine's last value, the hand's, who (if known), and the value computed now. */
export interface HandEdit {
  responseId: string;
  name: string;
  row: number | undefined;
  column: string;
  old: string;
  new: string;
  by: string | undefined;
  recomputed: string;
}

const COUNCIL_SCORE_FIELD = 'Điểm Hội đồng: ';

/**
 * Recomputes statuses, ranks and quotas for every nomination and rewrites the results tab, in one read and one
 * write. An awarded nomination's score and rank are never rewritten. Every change of an engine or council field
 * since the last run is appended to the audit tab, attributed to `by` (the engine's) or to whoever changed it.
 */
export function recompute(repo: CampaignRepository, now: Date, by = 'thidua score'): Promise<Recomputed> {
  return repo.transact([...ENGINE_PARTS, 'audit', 'results'], (snap) => {
    const evaluated = evaluateSnapshot(repo, snap);
    const { decisions, nominations } = evaluated;
    const storedStatus = new Map(snap.nominations.map((s) => [s.nomination.responseId, s.status]));
    const states = decisions
      .filter((d) => !(d.status === 'awarded' && storedStatus.get(d.responseId) === 'awarded'))
      .map((d) => ({ ...d, frozen: d.status === 'awarded' }));
    const handEdits = handEditsOf(evaluated, snap.audit);
    const at = toVietnamIso(now);
    // the hand's value is recorded first, under the column's own name, so the engine's entry that follows starts from it
    const handEntries: AuditEntry[] = handEdits.map((h) => ({ at, by: `${h.by ?? 'không rõ người sửa'} ${HAND_EDIT}`, responseId: h.responseId, field: h.column, old: h.old, new: h.new }));
    return {
      value: { decisions, nominations, problems: evaluated.problems, handEdits },
      changes: [
        { kind: 'nomination-states', states },
        { kind: 'results', decisions, nominations: new Map(nominations.map((n) => [n.responseId, n])) },
        { kind: 'audit', entries: [...handEntries, ...auditOf(evaluated, snap.audit, now, by)] },
      ],
    };
  });
}

const HAND_EDIT = '(sửa tay cột do phần mềm tính)';

/**
 * The engine's cells (status, score) whose value in the sheet is not the one the engine last recorded in the audit:
 * someone typed over them. Attributed to the row's "Người cập nhật" when filled in. An awarded row is frozen and left out.
 */
function handEditsOf(evaluated: Evaluated, audit: readonly AuditEntry[]): HandEdit[] {
  const known = lastKnown(audit);
  const byId = new Map(evaluated.decisions.map((d) => [d.responseId, d]));
  const edits: HandEdit[] = [];
  for (const s of evaluated.stored) {
    const d = byId.get(s.nomination.responseId);
    if (!d || (d.status === 'awarded' && s.status === 'awarded')) continue;
    const recorded = known.get(s.nomination.responseId);
    for (const key of ['status', 'total'] as const) {
      const column = AUDITED_ENGINE_FIELDS[key];
      const last = recorded?.get(column);
      if (last === undefined || last === s.shown[key]) continue;
      edits.push({ responseId: s.nomination.responseId, name: s.nomination.name, row: s.row, column, old: last, new: s.shown[key], by: s.review?.updatedBy, recomputed: shownDecision(d)[key] });
    }
  }
  return edits;
}

/** What changed since the audit last recorded it: the engine's status and score, the council's review and scores. */
function auditOf(evaluated: Evaluated, audit: readonly AuditEntry[], now: Date, by: string): AuditEntry[] {
  const stored = new Map(evaluated.stored.map((s) => [s.nomination.responseId, s]));
  const engineNow: FieldValues = new Map();
  const engineBefore: FieldValues = new Map();
  for (const d of evaluated.decisions) {
    const before = stored.get(d.responseId);
    if (d.status === 'awarded' && before?.status === 'awarded') continue;
    const shown = shownDecision(d);
    for (const key of ['status', 'total'] as const) {
      if (d.status === 'awarded' && key === 'total') continue;
      setField(engineNow, d.responseId, AUDITED_ENGINE_FIELDS[key], shown[key]);
      setField(engineBefore, d.responseId, AUDITED_ENGINE_FIELDS[key], before?.shown[key] ?? '');
    }
  }
  const councilNow: FieldValues = new Map();
  for (const id of evaluated.reviews.keys()) for (const key of ['appraisal', 'reason', 'choice', 'decisionNumber'] as const) setField(councilNow, id, AUDITED_COUNCIL_FIELDS[key], stored.get(id)?.shown[key] ?? '');
  for (const d of evaluated.decisions) for (const m of d.council ?? []) setField(councilNow, d.responseId, `${COUNCIL_SCORE_FIELD}${m.member}`, String(m.total));
  const at = toVietnamIso(now);
  const known = lastKnown(audit);
  return [
    ...auditChanges(engineBefore, engineNow, () => by, at),
    ...auditChanges(known, councilNow, (id, field) => (field.startsWith(COUNCIL_SCORE_FIELD) ? field.slice(COUNCIL_SCORE_FIELD.length) : (evaluated.reviews.get(id)?.updatedBy ?? '(sửa trên trang tính)')), at),
  ];
}
