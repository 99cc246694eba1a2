import { z } from 'zod';
import './zod-vietnamese.js';
import { parseInstant } from './dates.js';
import { finding, type Finding } from './findings.js';
import { canonicalKey, normalizeText } from './text.js';
import { ATTENDANCE_LABEL, Attendance, BALLOT_LABEL, BallotChoice, MEETING_DUTY_LABEL, MeetingDuty } from './vocabulary.js';
import type { VoteRules } from './vote-rules.js';

const blank = (v: unknown) => (typeof v === 'string' ? normalizeText(v) || undefined : typeof v === 'number' ? String(v) : v === null ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().max(max));
const optionalText = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const byLabel = <T extends string>(labels: Record<T, string>) => (v: unknown) => {
  if (typeof v !== 'string') return v === null ? undefined : v;
  const t = normalizeText(v);
  if (!t) return undefined;
  const entry = Object.entries(labels).find(([code, label]) => code === t || (label as string).toLocaleLowerCase('vi') === t.toLocaleLowerCase('vi'));
  return entry ? entry[0] : t;
};
const count = z.preprocess((v) => (v === null || v === '' ? undefined : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v), z.number().int().min(0).max(1000).optional());
const VN_OFFSET_MS = 7 * 3600 * 1000;
/** Days from 30/12/1899, as Excel and Google Sheets count a date-time cell. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/**
 * A meeting's time from text ("2024-09-25T08:00", "25/09/2024 08:00", Vietnam time unless it names a zone), a date
 * cell as exceljs reads it (a Date whose UTC clock is the cell's wall clock) or a serial date-time number.
 */
const instant = z.preprocess(
  (v) => (v instanceof Date ? v : typeof v === 'string' ? normalizeText(v) || undefined : v),
  z.unknown().transform((v, ctx) => {
    const at =
      v instanceof Date
        ? new Date(v.getTime() - VN_OFFSET_MS)
        : typeof v === 'number' && Number.isFinite(v) && v > 0
          ? new Date(SERIAL_EPOCH_MS + Math.round(v * 86400) * 1000 - VN_OFFSET_MS)
          : typeof v === 'string'
            ? (parseInstant(v) ?? parseInstant(dayFirst(v) ?? ''))
            : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: `"${String(v)}" không phải thời gian hợp lệ; ghi dạng 2024-09-25T08:00 hoặc 25/09/2024 08:00` });
      return z.NEVER;
    }
    return at;
  }),
);

/** "25/09/2024 08:00" as the ISO form parseInstant reads (Vietnam time). */
function dayFirst(v: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2})[:h](\d{2}))?$/.exec(v.trim());
  if (!m) return undefined;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}T${(m[4] ?? '0').padStart(2, '0')}:${m[5] ?? '00'}`;
}

/** One member of the council as listed for one meeting (a row of "Thành phần họp xét"). */
export const MeetingMemberRow = z.object({
  meeting: text(100),
  meetingAt: instant,
  place: text(300),
  member: text(200),
  /** The member's title as the minutes print it: "Chủ tịch UBND huyện, Chủ tịch Hội đồng". */
  role: optionalText(300),
  duty: z.preprocess(byLabel(MEETING_DUTY_LABEL), z.enum(MeetingDuty).default('member')),
  attendance: z.preprocess(byLabel(ATTENDANCE_LABEL), z.enum(Attendance)),
  /** An item of the meeting's agenda (Nội dung họp); items are read in row order. */
  agenda: optionalText(1000),
});
export type MeetingMemberRow = z.output<typeof MeetingMemberRow>;

/**
 * A vote on one nomination at one meeting (a row of "Biểu quyết Hội đồng"): either one member's ballot (member and
 * vote, a show of hands) or the count of a secret ballot (votes for, against, abstaining), never both.
 */
export const VoteRow = z.object({
  meeting: text(100),
  responseId: text(200),
  member: optionalText(200),
  vote: z.preprocess(byLabel(BALLOT_LABEL), z.enum(BallotChoice).optional()),
  votesFor: count,
  votesAgainst: count,
  abstain: count,
  note: optionalText(1000),
});
export type VoteRow = z.output<typeof VoteRow>;

/** A record with where it came from, as a message names it: `Trang tính "Biểu quyết Hội đồng", hàng 5`. */
export interface Located<T> {
  value: T;
  at: string;
}

export interface Meeting {
  id: string;
  at: Date;
  place: string;
  members: Array<{ name: string; role: string; duty: MeetingDuty; attendance: Attendance }>;
  agenda: string[];
  quorum: { present: number; members: number; needed: number; reached: boolean };
}

/** The council's vote on one nomination at the latest meeting that voted on it. */
export interface VoteResult {
  meeting: string;
  responseId: string;
  votesFor: number;
  votesAgainst: number;
  abstain: number;
  /** Members who voted: present, plus absent with a written ballot. */
  total: number;
  /** Members of the council listed for the meeting. */
  members: number;
  passed: boolean;
  /** Why it did not pass, when it did not. */
  finding?: Finding;
}

export interface VoteTally {
  meetings: Map<string, Meeting>;
  /** By response id: the latest meeting's result. */
  results: Map<string, VoteResult>;
  /** Every meeting's results, in the order voted (the minutes of an earlier meeting print its own). */
  all: VoteResult[];
  /** Rows refused, each naming its row and column; they count for nothing. */
  refused: Array<Finding & { at: string }>;
}

/**
 * Tallies the council's votes under the campaign's rules: which meetings had their quorum, and per nomination the
 * votes for, against and abstaining and whether they pass. Rows that cannot count are refused with a finding naming
 * their row: a vote at a meeting without quorum, a member not listed or absent without a written ballot, a written
 * ballot where the rules allow none, a member voting twice, more votes than members who could vote. `known` (the
 * stored response ids), when given, refuses votes for unknown nominations. Pure; rows are taken in the order given.
 */
export function tallyVotes(rules: VoteRules, memberRows: ReadonlyArray<Located<MeetingMemberRow>>, voteRows: ReadonlyArray<Located<VoteRow>>, known?: ReadonlySet<string>): VoteTally {
  const refused: VoteTally['refused'] = [];
  const refuse = (f: Finding, at: string) => refused.push({ ...f, at });
  const meetings = new Map<string, Meeting>();
  const listedAt = new Map<string, string>();
  for (const { value: r, at } of memberRows) {
    const key = canonicalKey(r.meeting);
    let m = meetings.get(key);
    if (!m) meetings.set(key, (m = { id: r.meeting, at: r.meetingAt, place: r.place, members: [], agenda: [], quorum: { present: 0, members: 0, needed: 0, reached: false } }));
    else if (m.at.getTime() !== r.meetingAt.getTime() || canonicalKey(m.place) !== canonicalKey(r.place)) {
      const timeDiffers = m.at.getTime() !== r.meetingAt.getTime();
      refuse(finding('VOTE_MEETING_CONFLICT', timeDiffers ? 'meetingAt' : 'place', { at, meeting: m.id, column: timeDiffers ? 'Thời gian họp' : 'Địa điểm', first: timeDiffers ? m.at.toISOString() : m.place, value: timeDiffers ? r.meetingAt.toISOString() : r.place }), at);
      continue;
    }
    const memberKey = `${key}|${canonicalKey(r.member)}`;
    if (listedAt.has(memberKey)) {
      refuse(finding('VOTE_MEMBER_LISTED_TWICE', 'member', { at, member: r.member, meeting: m.id, first: listedAt.get(memberKey)! }), at);
      continue;
    }
    if (r.attendance === 'written' && !rules.writtenVotes) refuse(finding('VOTE_WRITTEN_NOT_ALLOWED', 'attendance', { at, column: 'Tham dự', member: r.member, meeting: m.id }), at);
    listedAt.set(memberKey, at);
    m.members.push({ name: r.member, role: r.role ?? '', duty: r.duty, attendance: r.attendance === 'written' && !rules.writtenVotes ? 'absent' : r.attendance });
    if (r.agenda) m.agenda.push(r.agenda);
  }
  for (const m of meetings.values()) {
    const present = m.members.filter((x) => x.attendance === 'present').length;
    const needed = Math.ceil(rules.quorumShare * m.members.length - 1e-9);
    m.quorum = { present, members: m.members.length, needed, reached: present >= needed && present > 0 };
  }

  // votes per meeting and nomination, in row order
  const groups = new Map<string, { meeting: Meeting; responseId: string; rows: Array<Located<VoteRow>> }>();
  for (const located of voteRows) {
    const { value: v, at } = located;
    const meeting = meetings.get(canonicalKey(v.meeting));
    if (!meeting) {
      refuse(finding('VOTE_MEETING_UNKNOWN', 'meeting', { at, meeting: v.meeting }), at);
      continue;
    }
    if (known && !known.has(v.responseId)) {
      refuse(finding('VOTE_NOMINATION_UNKNOWN', 'responseId', { at, responseId: v.responseId }), at);
      continue;
    }
    const hasCounts = v.votesFor !== undefined || v.votesAgainst !== undefined || v.abstain !== undefined;
    if (hasCounts === (v.member !== undefined || v.vote !== undefined) || (v.member === undefined) !== (v.vote === undefined)) {
      refuse(finding('VOTE_EMPTY', 'vote', { at }), at);
      continue;
    }
    if (!meeting.quorum.reached) {
      refuse(finding('VOTE_NO_QUORUM', 'meeting', { at, meeting: meeting.id, present: meeting.quorum.present, members: meeting.quorum.members, needed: meeting.quorum.needed, share: shareText(rules.quorumShare) }), at);
      continue;
    }
    const key = `${canonicalKey(meeting.id)}|${v.responseId}`;
    const g = groups.get(key) ?? { meeting, responseId: v.responseId, rows: [] };
    groups.set(key, g);
    g.rows.push(located);
  }

  const results = new Map<string, VoteResult>();
  const all: VoteResult[] = [];
  for (const { meeting, responseId, rows } of groups.values()) {
    const voters = meeting.members.filter((x) => x.attendance === 'present' || x.attendance === 'written');
    const byMember = new Map(meeting.members.map((x) => [canonicalKey(x.name), x]));
    const votedAt = new Map<string, string>();
    const tally = { for: 0, against: 0, abstain: 0 };
    let counted = 0;
    for (const { value: v, at } of rows) {
      if (v.member !== undefined && v.vote !== undefined) {
        const member = byMember.get(canonicalKey(v.member));
        const params = { at, member: v.member, meeting: meeting.id, responseId };
        if (!member) refuse(finding('VOTE_MEMBER_UNKNOWN', 'member', params), at);
        else if (member.attendance === 'absent') refuse(finding('VOTE_MEMBER_ABSENT', 'member', params), at);
        else if (votedAt.has(canonicalKey(v.member))) refuse(finding('VOTE_MEMBER_TWICE', 'member', { ...params, first: votedAt.get(canonicalKey(v.member))! }), at);
        else {
          votedAt.set(canonicalKey(v.member), at);
          tally[v.vote] += 1;
          counted += 1;
        }
        continue;
      }
      const [f, a, s] = [v.votesFor ?? 0, v.votesAgainst ?? 0, v.abstain ?? 0];
      const sum = tally.for + tally.against + tally.abstain + f + a + s;
      if (sum > voters.length) {
        const written = meeting.members.filter((x) => x.attendance === 'written').length;
        refuse(finding('VOTE_COUNT_EXCEEDS', 'votesFor', { at, responseId, count: sum, voters: voters.length, meeting: meeting.id, written: written ? ` và ${written} phiếu bằng văn bản` : '' }), at);
        continue;
      }
      tally.for += f;
      tally.against += a;
      tally.abstain += s;
      counted += 1;
    }
    const total = tally.for + tally.against + tally.abstain;
    if (counted === 0) continue;
    const base = rules.agreeOf === 'members' ? meeting.members.length : total;
    const needed = rules.agreeShare * base;
    const passed = base > 0 && (rules.agreeAbove ? tally.for > needed + 1e-9 : tally.for >= needed - 1e-9);
    const result: VoteResult = { meeting: meeting.id, responseId, votesFor: tally.for, votesAgainst: tally.against, abstain: tally.abstain, total, members: meeting.members.length, passed };
    if (!passed) {
      result.finding = finding('VOTE_NOT_PASSED', 'vote', {
        meeting: meeting.id,
        for: tally.for,
        base,
        baseLabel: rules.agreeOf === 'members' ? 'thành viên Hội đồng' : 'thành viên biểu quyết',
        share: base > 0 ? Math.round((tally.for / base) * 1000) / 10 : 0,
        needed: `${rules.agreeAbove ? 'trên' : 'từ'} ${shareText(rules.agreeShare)}${rules.agreeAbove ? '' : ' trở lên'}`,
      });
    }
    all.push(result);
    const previous = results.get(responseId);
    if (!previous || meetings.get(canonicalKey(previous.meeting))!.at.getTime() <= meeting.at.getTime()) results.set(responseId, result);
  }
  return { meetings, results, all, refused };
}

/** A share as the rules write it: 2/3, 50 %, 90 %. */
export function shareText(share: number): string {
  if (Math.abs(share - 2 / 3) < 1e-9) return '2/3';
  if (Math.abs(share - 3 / 4) < 1e-9) return '3/4';
  return `${Math.round(share * 1000) / 10}%`;
}
