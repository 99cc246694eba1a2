import { z } from 'zod';
import './zod-vietnamese.js';
import { authorityExistsOn, awardOn } from './authority.js';
import { findAward, type Campaign, type Deadline } from './campaign.js';
import { formatOfficialDate, isoDateStart, vietnamDate, vietnamDayStart, vietnamYear } from './dates.js';
import { canonicalKey, normalizeText } from './text.js';

/**
 * Which units have not yet submitted or registered as each deadline of the campaign approaches or passes. Pure: the
 * roster, what was submitted and the clock come in as arguments.
 */

/** The deadlines a unit must meet itself: registering models and submitting dossiers (reviews and reports are the council's). */
export function unitDeadlines(campaign: Campaign): Deadline[] {
  return campaign.deadlines.filter((d) => d.kind === 'registration' || d.kind === 'dossier');
}

/** A unit of the council's roster (the units tab): name, emulation block, contact. */
export const RosterUnit = z.object({
  unit: z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : typeof v === 'number' ? String(v) : v), z.string().max(300)),
  block: z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : v === null ? undefined : v), z.string().max(200).optional()),
  email: z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : v === null ? undefined : v), z.string().max(320).optional()),
});
export type RosterUnit = z.output<typeof RosterUnit>;

/** What units have done, as far as deadlines go. */
export interface UnitActivity {
  nominations: ReadonlyArray<{ unit: string; award: string; submittedAt: Date; year?: number }>;
  registrations: ReadonlyArray<{ unit: string; year: number }>;
}

export type DeadlineState = { state: 'submitted' } | { state: 'open'; daysLeft: number } | { state: 'overdue'; daysLate: number } | { state: 'ceased' };

export interface UnitDeadlineRow {
  unit: string;
  /** Deadline id → state and its Vietnamese text. */
  deadlines: Record<string, DeadlineState & { text: string }>;
}

export interface DeadlineReport {
  rows: UnitDeadlineRow[];
  /** Units that submitted or registered but are not on the roster (a typo, or a unit to add). */
  unlisted: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The occurrence of a deadline in force at `now`: a yearly one (`everyYearBefore: MM-DD`) in the current Vietnam year,
 * a one-off (`before: YYYY-MM-DD`) on its date. `year` is the evaluation year whose records count (none for one-offs).
 */
export function occurrence(deadline: Deadline, now: Date): { due: Date; year: number | undefined } {
  if ('before' in deadline.due) return { due: isoDateStart(deadline.due.before), year: undefined };
  const [month, day] = deadline.due.everyYearBefore.split('-').map(Number) as [number, number];
  const year = vietnamYear(now);
  return { due: vietnamDayStart(year, month, day), year };
}

/**
 * "đã nộp" / "chưa nộp – còn N ngày" / "quá hạn N ngày". Days are Vietnam calendar days: on the last day before the
 * deadline there is 1 day left; on the deadline's own date the unit is 1 day late.
 */
export function deadlineState(done: boolean, due: Date, now: Date): DeadlineState & { text: string } {
  if (done) return { state: 'submitted', text: 'đã nộp' };
  const days = Math.round((isoDateStart(vietnamDate(due)).getTime() - isoDateStart(vietnamDate(now)).getTime()) / DAY_MS);
  if (days > 0) return { state: 'open', daysLeft: days, text: `chưa nộp – còn ${days} ngày` };
  return { state: 'overdue', daysLate: 1 - days, text: `quá hạn ${1 - days} ngày` };
}

/**
 * Whether a deadline still governs anyone when it falls due. A dossier deadline of awards whose authorities had all
 * ceased by its last day (a district chairman's, from 01/7/2025) no longer applies: nothing can be sent to a body that
 * no longer exists; nominations go to the successor award and follow its deadlines. Undefined when it applies, else
 * the reason, in Vietnamese.
 */
export function deadlineCeased(campaign: Campaign, deadline: Deadline, due: Date): string | undefined {
  if (deadline.kind !== 'dossier') return undefined;
  const governed = campaign.awards.filter((a) => a.deadlines.includes(deadline.id));
  const lastDay = vietnamDate(new Date(due.getTime() - 1));
  if (governed.length === 0 || governed.some((a) => authorityExistsOn(a.authority, lastDay))) return undefined;
  const gone = governed[0]!.authority;
  const successor = gone.successor ? `; hồ sơ gửi ${gone.successor}` : '';
  return `không còn áp dụng: ${gone.title} không còn từ ngày ${formatOfficialDate(gone.validUntil ?? lastDay)}${successor}`;
}

/**
 * The award a nomination is judged for on the day it was submitted: the one it names, or the successor the template
 * declares once that one's authority ended (a post-reform commune's nomination for the district Giấy khen is the
 * commune chairman's). Its deadlines are the ones that count.
 */
function judgedAward(campaign: Campaign, award: string, submittedAt: Date): string {
  const named = findAward(campaign, award);
  return (named && awardOn(campaign, named, vietnamDate(submittedAt))?.id) ?? award;
}

/**
 * For each unit of the roster and each unit deadline: whether it has submitted (a nomination for an award the dossier
 * deadline governs — any award when none names it — judged for the award that stands on the day it was submitted)
 * or registered (a model registration), in the deadline's year. A dossier deadline whose awards' authorities had all
 * ceased by its last day reads "không còn áp dụng" (`deadlineCeased`).
 *
 * @example deadlineReport(campaign, [{ unit: 'UBND xã Vạn Thắng' }], { nominations: [], registrations: [] }, new Date('2024-08-25T03:00:00Z'))
 *   // rows[0].deadlines['ho-so-cap-huyen'].text === 'chưa nộp – còn 7 ngày'
 */
export function deadlineReport(campaign: Campaign, roster: readonly RosterUnit[], activity: UnitActivity, now: Date): DeadlineReport {
  const deadlines = unitDeadlines(campaign);
  const nominationYear = (n: UnitActivity['nominations'][number]) => n.year ?? vietnamYear(n.submittedAt);
  const done = (deadline: Deadline, year: number | undefined): Set<string> => {
    if (deadline.kind === 'registration') {
      return new Set(activity.registrations.filter((r) => year === undefined || r.year === year).map((r) => canonicalKey(r.unit)));
    }
    const governed = campaign.awards.filter((a) => a.deadlines.includes(deadline.id)).map((a) => a.id);
    return new Set(
      activity.nominations
        .filter((n) => (governed.length === 0 || governed.includes(judgedAward(campaign, n.award, n.submittedAt))) && (year === undefined || nominationYear(n) === year))
        .map((n) => canonicalKey(n.unit)),
    );
  };
  const states = deadlines.map((d) => {
    const { due, year } = occurrence(d, now);
    return { deadline: d, due, units: done(d, year), ceased: deadlineCeased(campaign, d, due) };
  });
  const rows = roster.map((r) => {
    const key = canonicalKey(r.unit);
    return {
      unit: r.unit,
      deadlines: Object.fromEntries(states.map((s) => [s.deadline.id, s.ceased ? { state: 'ceased' as const, text: s.ceased } : deadlineState(s.units.has(key), s.due, now)])),
    };
  });
  const listed = new Set(roster.map((r) => canonicalKey(r.unit)));
  const active = [...activity.nominations.map((n) => n.unit), ...activity.registrations.map((r) => r.unit)];
  const unlisted = [...new Map(active.filter((u) => !listed.has(canonicalKey(u))).map((u) => [canonicalKey(u), u])).values()];
  return { rows, unlisted };
}
