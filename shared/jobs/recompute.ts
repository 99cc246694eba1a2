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
    return {
      value: { decisions, nominations, problems: snap.problems },
      changes: [
        { kind: 'nomination-states', states },
        { kind: 'results', decisions, nominations: new Map(nominations.map((n) => [n.responseId, n])) },
        { kind: 'audit', entries: auditOf(evaluated, snap.audit, now, by) },
      ],
    };
  });
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
