import { describe, expect, test } from 'vitest';
import { MeetingMemberRow, tallyVotes, VoteRow, type Located } from '../../shared/domain/council-vote.js';
import { decide } from '../../shared/domain/decide.js';
import { minutesOf } from '../../shared/domain/minutes.js';
import { DEFAULT_VOTE_RULES, VoteRules } from '../../shared/domain/vote-rules.js';
import { Campaign } from '../../shared/domain/campaign.js';
import { nomination, rawIndividual, scoresTotalling, vanNinh } from '../support/builders.js';

const AT = '2024-09-25T08:00:00+07:00';
const PLACE = 'Phòng họp UBND huyện Vạn Ninh';

/** A meeting of `size` members, the first `present` present, the next `written` absent with a written ballot. */
function meeting(size: number, present: number, written = 0, id = 'HĐ-2024-1', at = AT): Array<Located<MeetingMemberRow>> {
  return Array.from({ length: size }, (_, i) => ({
    at: `Trang tính "Thành phần họp xét", hàng ${i + 2}`,
    value: MeetingMemberRow.parse({
      meeting: id,
      meetingAt: at,
      place: PLACE,
      member: `Thành viên ${i + 1}`,
      role: i === 0 ? 'Chủ tịch UBND huyện, Chủ tịch Hội đồng' : i === 1 ? 'Trưởng phòng Nội vụ, Thư ký Hội đồng' : 'Ủy viên',
      duty: i === 0 ? 'Chủ trì' : i === 1 ? 'Thư ký' : 'Thành viên',
      attendance: i < present ? 'Có mặt' : i < present + written ? 'Vắng mặt, có phiếu bằng văn bản' : 'Vắng mặt',
    }),
  }));
}

let voteRow = 1;
const tallyRow = (responseId: string, votesFor: number, votesAgainst = 0, abstain = 0, id = 'HĐ-2024-1'): Located<VoteRow> => ({
  at: `Trang tính "Biểu quyết Hội đồng", hàng ${++voteRow}`,
  value: VoteRow.parse({ meeting: id, responseId, votesFor, votesAgainst, abstain }),
});
const ballot = (responseId: string, member: string, vote: string): Located<VoteRow> => ({
  at: `Trang tính "Biểu quyết Hội đồng", hàng ${++voteRow}`,
  value: VoteRow.parse({ meeting: 'HĐ-2024-1', responseId, member, vote }),
});

describe('the council meeting has its quorum', () => {
  test.each([
    // members, present, written, reached (default: at least 2/3 of members present)
    [9, 6, 0, true],
    [9, 5, 3, false],
    [10, 7, 0, true],
    [10, 6, 2, false],
    [3, 2, 0, true],
  ])('a council of %i with %i present and %i written ballots: quorum reached = %s', (size, present, written, reached) => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(size, present, written), [tallyRow('a', 1)]);
    expect(tally.meetings.get('hđ-2024-1')?.quorum.reached ?? [...tally.meetings.values()][0]!.quorum.reached).toBe(reached);
    expect(tally.results.has('a')).toBe(reached);
    if (!reached) expect(tally.refused.map((f) => f.code)).toEqual(['VOTE_NO_QUORUM']);
  });

  test('refuses a vote at a meeting without quorum, naming the row, the meeting and the count', () => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 5), [tallyRow('a', 5)]);
    expect(tally.refused[0]!.message).toMatch(/^Trang tính "Biểu quyết Hội đồng", hàng \d+: phiên họp "HĐ-2024-1" chỉ có 5\/9 thành viên có mặt, chưa đủ 6 thành viên \(2\/3\)/);
  });
});

describe('a nomination passes with the agreeing share', () => {
  test.each([
    // rules, members, present, written, for, against, abstain, passed
    [{}, 9, 9, 0, 5, 4, 0, true], // more than half of all members
    [{}, 9, 7, 0, 4, 3, 0, false], // 4/9 is not more than half
    [{}, 10, 8, 0, 5, 3, 0, false], // exactly half is not more than half
    [{ agreeShare: 0.9, agreeAbove: false }, 10, 9, 1, 9, 1, 0, true], // from 90 % (NĐ 91/2017 Điều 45 khoản 8)
    [{ agreeShare: 0.9, agreeAbove: false }, 10, 9, 0, 8, 1, 0, false],
    [{ agreeOf: 'voters' }, 9, 6, 0, 4, 2, 0, true], // counted against those who voted
    [{ agreeShare: 2 / 3, agreeAbove: false, agreeOf: 'voters' }, 9, 6, 0, 4, 1, 1, true],
    [{ agreeShare: 2 / 3, agreeAbove: false, agreeOf: 'voters' }, 9, 6, 0, 3, 2, 1, false],
  ])('rules %j, %i members (%i present, %i written): %i for, %i against, %i abstain → passed %s', (rules, size, present, written, f, a, s, passed) => {
    const tally = tallyVotes(VoteRules.parse(rules), meeting(size, present, written), [tallyRow('a', f, a, s)]);
    expect(tally.refused).toEqual([]);
    expect(tally.results.get('a')).toMatchObject({ votesFor: f, votesAgainst: a, abstain: s, total: f + a + s, members: size, passed });
    if (!passed) expect(tally.results.get('a')!.finding!.code).toBe('VOTE_NOT_PASSED');
  });
});

describe('written ballots of absent members', () => {
  test('counts a written ballot where the rules allow it', () => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 6, 3), [tallyRow('a', 9)]);
    expect(tally.results.get('a')).toMatchObject({ votesFor: 9, total: 9, passed: true });
  });

  test('refuses written ballots where the rules allow none, and counts the member as absent', () => {
    const rules = VoteRules.parse({ writtenVotes: false });
    const tally = tallyVotes(rules, meeting(9, 6, 3), [tallyRow('a', 9)]);
    expect(tally.refused.map((f) => f.code)).toEqual(['VOTE_WRITTEN_NOT_ALLOWED', 'VOTE_WRITTEN_NOT_ALLOWED', 'VOTE_WRITTEN_NOT_ALLOWED', 'VOTE_COUNT_EXCEEDS']);
    expect(tally.refused[0]!.message).toContain('cột "Tham dự"');
  });

  test('refuses the ballot of an absent member who sent no written ballot', () => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 7), [ballot('a', 'Thành viên 9', 'Đồng ý')]);
    expect(tally.refused.map((f) => f.code)).toEqual(['VOTE_MEMBER_ABSENT']);
    expect(tally.results.has('a')).toBe(false);
  });
});

describe('bad votes are refused with a finding naming the row and column', () => {
  test.each([
    ['more votes than members present and written', [tallyRow('a', 7, 1)], 'VOTE_COUNT_EXCEEDS', /các cột "Số phiếu …": hồ sơ "a" có 8 phiếu, nhiều hơn 7 thành viên/],
    ['a member voting twice', [ballot('a', 'Thành viên 1', 'Đồng ý'), ballot('a', 'thành viên  1', 'Không đồng ý')], 'VOTE_MEMBER_TWICE', /cột "Thành viên": thành viên 1 đã biểu quyết hồ sơ "a" tại phiên họp "HĐ-2024-1" \(Trang tính "Biểu quyết Hội đồng", hàng \d+\)/],
    ['a member not listed for the meeting', [ballot('a', 'Người lạ', 'Đồng ý')], 'VOTE_MEMBER_UNKNOWN', /"Người lạ" không có trong thành phần phiên họp/],
    ['a meeting not recorded', [tallyRow('a', 5, 0, 0, 'HĐ-khác')], 'VOTE_MEETING_UNKNOWN', /cột "Phiên họp": không có phiên họp "HĐ-khác"/],
    ['a ballot and counts on one row', [{ at: 'Tệp phieu.json, mục 1', value: VoteRow.parse({ meeting: 'HĐ-2024-1', responseId: 'a', member: 'Thành viên 1', vote: 'Đồng ý', votesFor: 3 }) }], 'VOTE_EMPTY', /^Tệp phieu.json, mục 1: ghi hoặc cột "Biểu quyết"/],
  ])('refuses %s', (_, rows, code, message) => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 7), rows);
    expect(tally.refused.map((f) => f.code)).toEqual([code]);
    expect(tally.refused[0]!.message).toMatch(message);
    expect(tally.refused[0]!.message).toMatch(/^(Trang tính "Biểu quyết Hội đồng", hàng \d+|Tệp phieu.json, mục 1)/);
  });

  test('refuses a vote for a nomination that is not stored', () => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 7), [tallyRow('khong-co', 5)], new Set(['a']));
    expect(tally.refused.map((f) => f.code)).toEqual(['VOTE_NOMINATION_UNKNOWN']);
  });

  test('adds the ballots of a show of hands and the latest meeting counts', () => {
    const second = meeting(9, 9, 0, 'HĐ-2024-2', '2024-10-02T08:00:00+07:00');
    const tally = tallyVotes(DEFAULT_VOTE_RULES, [...meeting(9, 7), ...second], [
      ballot('a', 'Thành viên 1', 'Đồng ý'), ballot('a', 'Thành viên 2', 'Không đồng ý'), ballot('a', 'Thành viên 3', 'Không biểu quyết'),
      tallyRow('a', 8, 1, 0, 'HĐ-2024-2'),
    ]);
    expect(tally.refused).toEqual([]);
    expect(tally.results.get('a')).toMatchObject({ meeting: 'HĐ-2024-2', votesFor: 8, passed: true });
  });
});

describe('a nomination is proposed only if its vote passes', () => {
  const person = (name: string, total: number) => nomination(rawIndividual({ name, responseId: `id-${name}`, selfScores: scoresTotalling('individual', total) }));
  const statusOf = (decisions: ReturnType<typeof decide>) => Object.fromEntries(decisions.map((d) => [d.responseId.replace('id-', ''), d.status]));

  test('without any vote the list is as before', () => {
    expect(statusOf(decide(vanNinh(), [person('A', 99)]))).toEqual({ A: 'proposed' });
  });

  test('once the council votes: passed → proposed, failed → not passed, not voted → awaiting the vote', () => {
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 8), [tallyRow('id-A', 7, 1), tallyRow('id-B', 3, 5)]);
    const decisions = decide(vanNinh(), [person('A', 99), person('B', 98), person('C', 97)], { votes: tally.results });
    expect(statusOf(decisions)).toEqual({ A: 'proposed', B: 'vote-failed', C: 'awaiting-vote' });
    expect(decisions.find((d) => d.responseId === 'id-B')!.findings.map((f) => f.message)).toContain(
      'Hội đồng biểu quyết (phiên họp HĐ-2024-1): 3/9 thành viên Hội đồng đồng ý (33,3%), chưa đạt tỷ lệ trên 50%; không đề nghị khen thưởng.',
    );
  });

  test('a failed vote frees the place for the next one', () => {
    const six = ['A', 'B', 'C', 'D', 'E', 'F'].map((n, i) => person(n, 99 - i));
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 9), six.map((n) => tallyRow(n.responseId, n.name === 'B' ? 2 : 8, n.name === 'B' ? 7 : 1)));
    expect(statusOf(decide(vanNinh(), six, { votes: tally.results }))).toEqual({ A: 'proposed', B: 'vote-failed', C: 'proposed', D: 'proposed', E: 'proposed', F: 'proposed' });
  });
});

describe('a quota tie the council settles by vote', () => {
  const person = (name: string, total: number) => nomination(rawIndividual({ name, responseId: `id-${name}`, selfScores: scoresTotalling('individual', total) }));
  const seven = () => [person('A', 99), person('B', 98), person('C', 97), person('D', 96), person('E', 94), person('F', 94), person('G', 93)];

  test.each([
    // votes for E, votes for F → status of E, status of F
    [8, 6, 'proposed', 'over-quota'],
    [5, 9, 'over-quota', 'proposed'],
    [7, 7, 'council-decides', 'council-decides'],
    [8, 3, 'proposed', 'vote-failed'],
  ])('E with %i votes for and F with %i: E %s, F %s', (forE, forF, statusE, statusF) => {
    const votes = seven().map((n) => tallyRow(n.responseId, n.name === 'E' ? forE : n.name === 'F' ? forF : 9, 0));
    const tally = tallyVotes(DEFAULT_VOTE_RULES, meeting(9, 9), votes);
    const decisions = decide(vanNinh(), seven(), { votes: tally.results });
    const by = (n: string) => decisions.find((d) => d.responseId === `id-${n}`)!;
    expect([by('E').status, by('F').status]).toEqual([statusE, statusF]);
    if (statusE === 'proposed' && statusF === 'over-quota') {
      expect(by('E').tieVote).toBe('won');
      expect(by('E').findings.map((f) => f.code)).toContain('QUOTA_TIE_SETTLED_BY_VOTE');
      expect(by('F').findings.map((f) => f.code)).toContain('QUOTA_TIE_LOST_BY_VOTE');
    }
  });

  test('the minutes record the tie settled by vote, the members and the quorum', () => {
    const votes = seven().map((n) => tallyRow(n.responseId, n.name === 'E' ? 8 : n.name === 'F' ? 6 : 9, n.name === 'F' ? 2 : 0));
    const rows = meeting(9, 8, 1);
    const tally = tallyVotes(DEFAULT_VOTE_RULES, rows, votes);
    const nominations = seven();
    const decisions = decide(vanNinh(), nominations, { votes: tally.results });
    const minutes = minutesOf(vanNinh(), [...tally.meetings.values()][0]!, [...tally.results.values()], decisions, new Map(nominations.map((n) => [n.responseId, n])));
    expect(minutes).toMatchObject({
      meetingAt: new Date(AT),
      place: PLACE,
      chair: 'Thành viên 1 – Chủ tịch UBND huyện, Chủ tịch Hội đồng',
      secretary: 'Thành viên 2 – Trưởng phòng Nội vụ, Thư ký Hội đồng',
      agenda: ['Xét, đề nghị Giấy khen của Chủ tịch UBND huyện'],
      quorum: { present: 8, members: 9, reached: true },
    });
    expect(minutes.members[8]).toEqual({ name: 'Thành viên 9', role: 'Ủy viên', present: false, writtenVote: true });
    expect(minutes.rows.map((r) => [r.nominee, r.votesFor, r.votesAgainst, r.total, r.passed, r.note ?? ''])).toEqual([
      ['A', 9, 0, 9, true, ''],
      ['B', 9, 0, 9, true, ''],
      ['C', 9, 0, 9, true, ''],
      ['D', 9, 0, 9, true, ''],
      ['E', 8, 0, 8, true, 'Hội đồng biểu quyết chọn khi bằng điểm tại chỉ tiêu'],
      ['F', 6, 2, 8, true, 'Bằng điểm tại chỉ tiêu; Hội đồng biểu quyết chọn hồ sơ khác'],
      ['G', 9, 0, 9, true, ''],
    ]);
  });
});

describe('the template sets the vote rules', () => {
  test('defaults to a quorum of 2/3, more than half of all members agreeing, written ballots allowed', () => {
    expect(vanNinh().council.vote).toEqual({ quorumShare: 2 / 3, agreeShare: 0.5, agreeAbove: true, agreeOf: 'members', writtenVotes: true });
  });

  test('refuses a share above one', () => {
    const raw = JSON.parse(JSON.stringify(vanNinh())) as Record<string, unknown>;
    const result = Campaign.safeParse({ ...raw, council: { outlierPoints: 10, vote: { quorumShare: 1.5 } } });
    expect(result.success).toBe(false);
  });
});
