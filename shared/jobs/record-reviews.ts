import type { AuditEntry } from '../domain/audit.js';
import { toVietnamIso } from '../domain/dates.js';
import { reviewRefusal, type Review } from '../domain/review.js';
import { AUDITED_COUNCIL_FIELDS, shownReview } from '../store/codecs/nominations.js';
import type { CampaignRepository } from '../store/campaign-repository.js';

/** A review not recorded, with why, naming its nomination and nominee (Vietnamese). */
export interface RefusedReview {
  responseId: string;
  message: string;
}

/**
 * Writes the council's appraisal, choice or award decision onto nominations, and records who changed what.
 * A review the domain refuses (an appraisal that needs a reason and has none) is not written: it comes back in
 * `refused`, naming the nomination and its nominee.
 */
export function recordReviews(
  repo: CampaignRepository,
  reviews: readonly Review[],
  by: string,
  now: Date,
): Promise<{ applied: number; unknown: string[]; refused: RefusedReview[] }> {
  return repo.transact(['nominations'], ({ nominations }) => {
    const byId = new Map(nominations.map((s) => [s.nomination.responseId, s]));
    const unknown = reviews.filter((r) => !byId.has(r.responseId)).map((r) => r.responseId);
    const refused: RefusedReview[] = [];
    const applied = reviews.filter((review) => {
      const stored = byId.get(review.responseId);
      if (!stored) return false;
      const why = reviewRefusal(review, stored.shown.reason);
      if (why) refused.push({ responseId: review.responseId, message: `Hồ sơ "${review.responseId}" (${stored.nomination.name}): ${why}.` });
      return !why;
    });
    const audit: AuditEntry[] = [];
    for (const review of applied) {
      const before = byId.get(review.responseId)!;
      const after = shownReview(review);
      for (const key of ['appraisal', 'reason', 'choice', 'decisionNumber'] as const) {
        const value = after[key];
        if (value !== undefined && value !== before.shown[key]) audit.push({ at: toVietnamIso(now), by, responseId: review.responseId, field: AUDITED_COUNCIL_FIELDS[key], old: before.shown[key], new: value });
      }
    }
    return { value: { applied: applied.length, unknown, refused }, changes: [{ kind: 'reviews', reviews: applied, by }, { kind: 'audit', entries: audit }] };
  });
}
