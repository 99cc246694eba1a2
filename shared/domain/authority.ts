import { findAward, type Authority, type Award, type Campaign } from './campaign.js';

/**
 * Authorities over time. Since 1 July 2025 local government has two tiers (province; commune, ward, special zone): a
 * district chairman's authority ends on 2025-07-01 and the commune or ward chairman grants Giấy khen. Every date the
 * engine meets — a submission, a decision, a document — is checked against the authority that must exist on it. Pure.
 */

/** Whether an authority exists on a calendar day (YYYY-MM-DD): from `validFrom` (inclusive) to `validUntil` (exclusive). */
export function authorityExistsOn(authority: Authority, isoDate: string): boolean {
  return (!authority.validFrom || isoDate >= authority.validFrom) && (!authority.validUntil || isoDate < authority.validUntil);
}

/**
 * The award that stands for `award` on a day: the award itself while its authority exists, else the successor the
 * template declares (`successorAward`, followed as far as it goes) when that one exists on the day; `undefined` when
 * nothing grants it on that day.
 */
export function awardOn(campaign: Campaign, award: Award, isoDate: string): Award | undefined {
  const seen = new Set<string>();
  let current: Award | undefined = award;
  while (current && !seen.has(current.id)) {
    if (authorityExistsOn(current.authority, isoDate)) return current;
    seen.add(current.id);
    current = current.successorAward ? findAward(campaign, current.successorAward) : undefined;
  }
  return undefined;
}
