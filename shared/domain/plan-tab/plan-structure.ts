import { isRated, type Campaign } from '../campaign.js';

/**
 * What of a campaign the records already taken in depend on: who can be nominated, the criteria (their numbers and
 * maxima or scales: the nominations tab has a column per criterion, scores were checked against the maxima) and the
 * awards (their ids and kinds: every nomination names one). One line per part, so a change can be shown line by line.
 * Titles, wording, deadlines, quotas, headers and signers are not structure: they may be corrected during the term.
 */
export function planStructure(campaign: Campaign): string[] {
  const rubrics = Object.entries(campaign.rubrics)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, rubric]) => `Tiêu chí ${kind}: ${(rubric?.criteria ?? []).map((c) => `${c.number}=${isRated(c) ? c.scale : c.maxPoints}`).join(', ')}`);
  const awards = campaign.awards.map((a) => `Khen thưởng ${a.id}: ${[...a.kinds].sort().join(', ')}${a.scored ? '' : ' (không chấm điểm)'}`);
  return [`Đối tượng: ${[...campaign.nomineeKinds].sort().join(', ')}`, ...rubrics, ...awards];
}

/** The structure as one settings value (lines joined by " | "), and back. */
export const structureText = (campaign: Campaign): string => planStructure(campaign).join(' | ');

/** The lines of `now` not in `before` and of `before` not in `now`: what a mid-term edit changed. */
export function structureChanges(before: string, now: string): { added: string[]; removed: string[] } {
  const [b, n] = [before.split(' | '), now.split(' | ')];
  return { added: n.filter((l) => !b.includes(l)), removed: b.filter((l) => !n.includes(l)) };
}
