import { tallyVotes, type Located, type MeetingMemberRow, type VoteResult, type VoteRow } from '../domain/council-vote.js';
import type { Finding } from '../domain/findings.js';
import { canonicalKey } from '../domain/text.js';
import { meetingMemberRow, recordKey, voteRow } from '../store/codecs/council-vote.js';
import type { CampaignRepository } from '../store/campaign-repository.js';

/** A vote record to store: the meeting's members and the votes, each with where it came from (file and line). */
export interface VoteRecord {
  members: ReadonlyArray<Located<MeetingMemberRow>>;
  votes: ReadonlyArray<Located<VoteRow>>;
}

export interface RecordedVote {
  recorded: { members: number; votes: number };
  /** Rows already stored (the same record taken in again): not written twice. */
  skipped: { members: number; votes: number };
  /** Rows refused, each naming its file line (or sheet row) and column; nothing of them is written. */
  refused: Array<Finding & { at: string }>;
  /** The result of every nomination voted on at the meetings of this record, after it. */
  results: VoteResult[];
}

/**
 * Records a meeting of the council and its votes (appended to "Thành phần họp xét" and "Biểu quyết Hội đồng") in one
 * read and one write. The record is tallied with what is stored under the campaign's rules: when a member row is
 * refused (listed twice, a written ballot the rules do not allow, a time or place that contradicts the meeting) none
 * of the record is written, since the meeting's composition decides its quorum; otherwise each refused vote row (no
 * quorum, a member absent, voting twice, unknown, more votes than voters) is left out and the rest is written. Rows
 * already stored are skipped: recording the same file twice changes nothing.
 */
export function recordCouncilVote(repo: CampaignRepository, record: VoteRecord, now: Date): Promise<RecordedVote> {
  return repo.transact(['nominations', 'councilMeeting', 'councilVotes'], (snap) => {
    const meetingTab = repo.tab('councilMeeting');
    const votesTab = repo.tab('councilVotes');
    const storedMembers = new Set(snap.councilMeeting.map((r) => r.key));
    const storedVotes = new Set(snap.councilVotes.map((r) => r.key));
    const members = record.members.filter((m) => !storedMembers.has(recordKey(meetingTab, meetingMemberRow(m.value))));
    const votes = record.votes.filter((v) => !storedVotes.has(recordKey(votesTab, voteRow(v.value, now))));
    const known = new Set(snap.nominations.map((s) => s.nomination.responseId));
    const rules = repo.campaign.council.vote;
    const fresh = new Set([...members, ...votes].map((r) => r.at));
    const tally = tallyVotes(rules, [...snap.councilMeeting, ...members], [...snap.councilVotes, ...votes], known);
    const refused = tally.refused.filter((f) => fresh.has(f.at));
    const memberRefused = refused.some((f) => members.some((m) => m.at === f.at));
    const keptMembers = memberRefused ? [] : members;
    const keptVotes = memberRefused ? [] : votes.filter((v) => !refused.some((f) => f.at === v.at));
    const shown = memberRefused ? refused.filter((f) => members.some((m) => m.at === f.at)) : refused;
    const meetingsOfRecord = new Set([...record.members.map((m) => m.value.meeting), ...record.votes.map((v) => v.value.meeting)].map(canonicalKey));
    const after = memberRefused ? tallyVotes(rules, snap.councilMeeting, snap.councilVotes, known) : tallyVotes(rules, [...snap.councilMeeting, ...keptMembers], [...snap.councilVotes, ...keptVotes], known);
    const results = [...after.results.values()].filter((r) => meetingsOfRecord.has(canonicalKey(r.meeting)));
    return {
      value: {
        recorded: { members: keptMembers.length, votes: keptVotes.length },
        skipped: { members: record.members.length - members.length, votes: record.votes.length - votes.length },
        refused: shown,
        results,
      },
      changes: [{ kind: 'council-vote', members: keptMembers.map((m) => m.value), votes: keptVotes.map((v) => v.value), at: now }],
    };
  });
}
