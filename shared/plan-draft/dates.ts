/** Dates as Vietnamese plans write them: "28/4/2024", "15 tháng 02", "ngày 01 tháng 9 năm 2026", "15/4". Pure. */

export interface PlanDate {
  day: number;
  month: number;
  year?: number;
}

const DATE = /(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})(?:\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4}))?(?!\d)/u;

/** A date written at the start of `text` (after optional "ngày "), if it is one the calendar has. */
export function parseDate(text: string): PlanDate | undefined {
  const m = new RegExp(`^(?:ngày\\s+)?${DATE.source}`, 'u').exec(text.trim());
  if (!m) return undefined;
  const date: PlanDate = { day: Number(m[1]), month: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) };
  return isRealDate(date) ? date : undefined;
}

/** Whether day and month (and year, when given) make a day of the calendar. */
export function isRealDate({ day, month, year }: PlanDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const y = year ?? 2024; // a leap year: 29/2 is a day "every year" plans may name
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a date with its year. */
export const isoOf = (d: PlanDate & { year: number }): string => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;

/** MM-DD of a date. */
export const monthDayOf = (d: PlanDate): string => `${pad2(d.month)}-${pad2(d.day)}`;

/** The day after the last day of a month: "vào tháng 9 năm 2026" is due before 2026-10-01. */
export function firstOfNextMonth(month: number, year: number): string {
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
}
