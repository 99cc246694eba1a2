import { isIneligible, isPending, type Finding } from './findings.js';
import type { NominationStatus } from './vocabulary.js';

/**
 * The one rule for a nomination's status before ranking: awarded (a decision is recorded) → duplicate of an earlier
 * nominee → ineligible → not passed by the council's vote → waiting on the council (documents asked for, or a
 * judgement only it can make) → eligible. Ranking and quotas later turn `eligible` into proposed / over-quota /
 * council-decides, or awaiting-vote once the council votes and has not yet voted on it. Pure.
 */
export function statusOf(findings: readonly Finding[], facts: { duplicate: boolean; awarded?: boolean; voteFailed?: boolean }): NominationStatus {
  if (facts.awarded) return 'awarded';
  if (facts.duplicate) return 'duplicate';
  if (isIneligible(findings)) return 'ineligible';
  if (facts.voteFailed) return 'vote-failed';
  if (isPending(findings)) return findings.some((f) => f.code === 'APPRAISED_NEEDS_DOCUMENTS') ? 'needs-documents' : 'awaiting-council';
  return 'eligible';
}
