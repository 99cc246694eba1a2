import type { Campaign, Deadline } from '../domain/campaign.js';
import { formatOfficialDate, isoDateStart, vietnamDate, vietnamDayStart, vietnamYear } from '../domain/dates.js';
import { deadlineCeased, deadlineState } from '../domain/deadline-report.js';

/** The next deadline of a campaign as a unit reads it. */
export interface NextDeadline {
  label: string;
  submitTo?: string;
  /** "01/09/2024": due before 00:00 Vietnam time of that day. */
  before: string;
  /** Vietnam calendar days left: 1 on the last day. */
  daysLeft: number;
}

/**
 * The campaign's next deadline after `now`: one-off deadlines on their date, yearly ones in each year of the term up
 * to the year it ends, unless it no longer applies on its day (`deadlineCeased`); of two on the same day, the one the template lists first. Undefined when none is left. Pure.
 *
 * @example nextDeadline(vanNinh, new Date('2024-08-20T03:00:00Z'))
 *   // { label: 'Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng', before: '01/09/2024', daysLeft: 12, … }
 */
export function nextDeadline(campaign: Campaign, now: Date): NextDeadline | undefined {
  const lastYear = Number(campaign.term.to.slice(0, 4));
  // a deadline that no longer governs anyone on its day (a district's dossiers after 01/7/2025) is not next
  const candidates = campaign.deadlines.flatMap((d, order) => occurrences(d, vietnamYear(now), lastYear).filter((due) => !deadlineCeased(campaign, d, due)).map((due) => ({ d, due, order })));
  // the same day: the one the template lists first
  const next = candidates.filter((c) => c.due.getTime() > now.getTime()).sort((a, b) => a.due.getTime() - b.due.getTime() || a.order - b.order)[0];
  if (!next) return undefined;
  const state = deadlineState(false, next.due, now);
  return {
    label: next.d.label,
    ...(next.d.submitTo ? { submitTo: next.d.submitTo } : {}),
    before: formatOfficialDate(vietnamDate(next.due)),
    daysLeft: state.state === 'open' ? state.daysLeft : 0,
  };
}

function occurrences(deadline: Deadline, thisYear: number, lastYear: number): Date[] {
  if ('before' in deadline.due) return [isoDateStart(deadline.due.before)];
  const [month, day] = deadline.due.everyYearBefore.split('-').map(Number) as [number, number];
  return [thisYear, thisYear + 1].filter((y) => y <= lastYear).map((y) => vietnamDayStart(y, month, day));
}
