import type { CouncilScoreEntry } from '../domain/council.js';
import type { CampaignRepository } from '../store/campaign-repository.js';

/** Records council members' scores or ratings (appended; a member's latest entry counts); entries for unknown nominations are returned, not stored. */
export function recordCouncilScores(repo: CampaignRepository, entries: readonly CouncilScoreEntry[], now: Date): Promise<{ recorded: number; unknown: string[] }> {
  return repo.transact(['nominations'], ({ nominations }) => {
    const ids = new Set(nominations.map((s) => s.nomination.responseId));
    const known = entries.filter((e) => ids.has(e.responseId));
    return {
      value: { recorded: known.length, unknown: entries.filter((e) => !ids.has(e.responseId)).map((e) => e.responseId) },
      changes: [{ kind: 'council-scores', entries: known, at: now }],
    };
  });
}
