import type { CouncilScoreEntry } from '../domain/council.js';
import { tallyVotes, type VoteTally } from '../domain/council-vote.js';
import { indexDatasets, type AwardHistoryRow, type ClearanceRow, type Datasets, type ModelRegistrationRow, type QuizLogRow } from '../domain/datasets.js';
import { decide, type Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import type { Review } from '../domain/review.js';
import type { StoredNomination } from '../store/codecs/nominations.js';
import type { CampaignRepository, Snapshot } from '../store/campaign-repository.js';

/** The parts of a campaign the engine needs. */
export const ENGINE_PARTS = ['nominations', 'councilScores', 'councilMeeting', 'councilVotes', 'quizLog', 'awardHistory', 'registrations', 'clearance'] as const;

/** A campaign as the engine sees it, with its decisions: what every reading job (exports, pages) starts from. */
export interface Evaluated {
  nominations: Nomination[];
  stored: StoredNomination[];
  reviews: Map<string, Review>;
  councilScores: CouncilScoreEntry[];
  datasets: { quizLog: QuizLogRow[]; awardHistory: AwardHistoryRow[]; registrations: ModelRegistrationRow[]; clearance: ClearanceRow[] };
  /** The datasets indexed for the rules that join against them. */
  indexed: Datasets;
  /** The council's meetings and votes, tallied under the campaign's rules. */
  votes: VoteTally;
  decisions: Decision[];
  problems: string[];
}

/**
 * The engine's decisions over a snapshot holding the engine's parts: datasets indexed, council scores and reviews
 * applied, votes tallied (see `decide`). The one place a job turns what is stored into decisions. Pure.
 */
export function evaluateSnapshot(repo: Pick<CampaignRepository, 'campaign'>, snap: Snapshot<(typeof ENGINE_PARTS)[number]>): Evaluated {
  const nominations = snap.nominations.map((s) => s.nomination);
  const reviews = new Map(snap.nominations.flatMap((s) => (s.review ? [[s.nomination.responseId, s.review] as const] : [])));
  const datasets = { quizLog: snap.quizLog, awardHistory: snap.awardHistory, registrations: snap.registrations, clearance: snap.clearance };
  const indexed = indexDatasets(datasets);
  // votes edited by hand into something that cannot count are reported with the unreadable rows, never counted
  const votes = tallyVotes(repo.campaign.council.vote, snap.councilMeeting, snap.councilVotes, new Set(nominations.map((n) => n.responseId)));
  const decisions = decide(repo.campaign, nominations, { datasets: indexed, councilScores: snap.councilScores, reviews, votes: votes.results });
  const problems = [...snap.problems, ...votes.refused.map((f) => f.message)];
  return { nominations, stored: snap.nominations, reviews, councilScores: snap.councilScores, datasets, indexed, votes, decisions, problems };
}

/** Reads the campaign once and decides on every nomination, writing nothing. */
export async function readDecisions(repo: CampaignRepository): Promise<Evaluated> {
  return evaluateSnapshot(repo, await repo.read(ENGINE_PARTS));
}
