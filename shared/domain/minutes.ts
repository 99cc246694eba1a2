import { findAward, type Campaign } from './campaign.js';
import type { Meeting, VoteResult } from './council-vote.js';
import type { Decision } from './decide.js';
import type { MeetingMinutes } from './meeting-minutes.js';
import type { Nomination } from './nomination.js';

/** The minutes' note for a tie at the quota line the council settled by vote. */
export const TIE_VOTE_NOTE = { won: 'Hội đồng biểu quyết chọn khi bằng điểm tại chỉ tiêu', lost: 'Bằng điểm tại chỉ tiêu; Hội đồng biểu quyết chọn hồ sơ khác' } as const;

/**
 * The minutes of one meeting (Biên bản họp xét) from the vote record: time, place, chair and secretary ("name – title"),
 * every member listed with attendance, the agenda (the rows' items, else one item per form of award voted on), and per
 * nomination voted on at this meeting the votes and the result, in the order of the award list (award, score, name).
 * Ties settled by vote carry a note. Pure.
 *
 * @example minutesOf(campaign, tally.meetings.get('hd-2024-1')!, [...tally.results.values()], decisions, nominations)
 */
export function minutesOf(campaign: Campaign, meeting: Meeting, results: readonly VoteResult[], decisions: readonly Decision[], nominations: ReadonlyMap<string, Nomination>): MeetingMinutes {
  const signer = (duty: 'chair' | 'secretary') => {
    const m = meeting.members.find((x) => x.duty === duty);
    return m ? (m.role ? `${m.name} – ${m.role}` : m.name) : '';
  };
  const decisionOf = new Map(decisions.map((d) => [d.responseId, d]));
  const awardOrder = new Map(campaign.awards.map((a, i) => [a.id, i]));
  const voted = results.filter((r) => r.meeting === meeting.id && nominations.has(r.responseId));
  const awardId = (r: VoteResult) => decisionOf.get(r.responseId)?.award ?? nominations.get(r.responseId)!.award;
  const rows = voted
    .map((r) => {
      const n = nominations.get(r.responseId)!;
      const d = decisionOf.get(r.responseId);
      const note = d?.tieVote ? TIE_VOTE_NOTE[d.tieVote] : undefined;
      return {
        order: [awardOrder.get(awardId(r)) ?? 99, -(d?.total ?? 0)] as const,
        row: {
          responseId: r.responseId,
          nominee: n.name,
          unit: n.unit,
          award: findAward(campaign, awardId(r))?.name ?? awardId(r),
          votesFor: r.votesFor,
          votesAgainst: r.votesAgainst,
          abstain: r.abstain,
          total: r.total,
          passed: r.passed,
          ...(note ? { note } : {}),
        },
      };
    })
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.row.nominee.localeCompare(b.row.nominee, 'vi'))
    .map((x) => x.row);
  const awardsVoted = [...new Set(voted.map(awardId))].sort((a, b) => (awardOrder.get(a) ?? 99) - (awardOrder.get(b) ?? 99));
  const agenda = meeting.agenda.length > 0 ? meeting.agenda : awardsVoted.map((id) => `Xét, đề nghị ${findAward(campaign, id)?.name ?? id}`);
  return {
    meetingAt: meeting.at,
    place: meeting.place,
    chair: signer('chair'),
    secretary: signer('secretary'),
    members: meeting.members.map((m) => ({ name: m.name, role: m.role, present: m.attendance === 'present', writtenVote: m.attendance === 'written' })),
    agenda,
    rows,
    quorum: { present: meeting.quorum.present, members: meeting.quorum.members, reached: meeting.quorum.reached },
  };
}
