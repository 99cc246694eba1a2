import { MeetingMemberRow, VoteRow, type Located } from '../../domain/council-vote.js';
import { toVietnamIso } from '../../domain/dates.js';
import { ATTENDANCE_LABEL, BALLOT_LABEL, MEETING_DUTY_LABEL } from '../../domain/vocabulary.js';
import type { TabLayout } from '../layouts.js';
import type { Row } from '../table-store.js';
import { rowKey, rowProblem, withoutNulls } from './rows.js';

/**
 * The council's vote tabs: "Thành phần họp xét" (one row per member per meeting: time, place, title, duty,
 * attendance, agenda items) and "Biểu quyết Hội đồng" (one row per ballot, or per count of a secret ballot). Closed
 * sets are written as their Vietnamese labels (dropdowns in the sheet) and read back through the domain's schemas.
 */

/** A meeting member as a row of "Thành phần họp xét". */
export function meetingMemberRow(m: MeetingMemberRow): Row {
  return {
    meeting: m.meeting,
    meetingAt: toVietnamIso(m.meetingAt),
    place: m.place,
    member: m.member,
    role: m.role ?? null,
    duty: MEETING_DUTY_LABEL[m.duty],
    attendance: ATTENDANCE_LABEL[m.attendance],
    agenda: m.agenda ?? null,
  };
}

/** A vote as a row of "Biểu quyết Hội đồng", stamped with when it was recorded. */
export function voteRow(v: VoteRow, now: Date): Row {
  return {
    meeting: v.meeting,
    responseId: v.responseId,
    member: v.member ?? null,
    vote: v.vote ? BALLOT_LABEL[v.vote] : null,
    votesFor: v.votesFor ?? null,
    votesAgainst: v.votesAgainst ?? null,
    abstain: v.abstain ?? null,
    note: v.note ?? null,
    enteredAt: toVietnamIso(now),
  };
}

/** Where a row is, as a vote finding names it. */
export const rowPlace = (tab: TabLayout, row: Row): string => `Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}`;

/** The same record already stored: every cell but the time it was recorded. */
export const recordKey = (tab: TabLayout, row: Row): string => rowKey({ ...tab, columns: tab.columns.filter((c) => c.key !== 'enteredAt') }, row);

/**
 * Reads the rows of one of the two tabs with its schema; an unreadable row is reported with its tab, row and column.
 * Each row's key is taken from its value written back as the codec writes it, so a row typed by hand ("25/09/2024
 * 08:00", "đồng ý") and the same row recorded from a file are one record.
 */
function readVoteTab<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } },
  toRow: (value: T) => Row,
  rows: readonly Row[],
  tab: TabLayout,
): { rows: Array<Located<T> & { key: string }>; problems: string[] } {
  const read: Array<Located<T> & { key: string }> = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(withoutNulls(row));
    if (parsed.success) read.push({ value: parsed.data, at: rowPlace(tab, row), key: recordKey(tab, toRow(parsed.data)) });
    else problems.push(rowProblem(tab, row, parsed.error.issues));
  }
  return { rows: read, problems };
}

const EPOCH = new Date(0);
export const readMeetingRows = (rows: readonly Row[], tab: TabLayout) => readVoteTab(MeetingMemberRow, meetingMemberRow, rows, tab);
export const readVoteRows = (rows: readonly Row[], tab: TabLayout) => readVoteTab(VoteRow, (v) => voteRow(v, EPOCH), rows, tab);
