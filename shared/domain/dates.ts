/**
 * Dates and instants in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). Pure: the clock is never read here.
 */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instant a calendar day starts in Vietnam: "trước ngày 01/9" means before this instant of 1 September. */
export function vietnamDayStart(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
}

/** The calendar year of an instant in Vietnam time. */
export function vietnamYear(instant: Date): number {
  return new Date(instant.getTime() + VN_OFFSET_MS).getUTCFullYear();
}

/** The calendar date (YYYY-MM-DD) of an instant in Vietnam time. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of the Vietnam day of an ISO date "YYYY-MM-DD" (assumed valid). */
export function isoDateStart(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return vietnamDayStart(y, m, d);
}

/** True when year-month-day names a real calendar day (31/02 does not). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Parses "YYYY-MM-DD" or "DD/MM/YYYY" into "YYYY-MM-DD"; undefined when it is not a real date. */
export function parseCalendarDate(value: string): string | undefined {
  const iso = ISO_DATE.exec(value);
  const vn = iso ? undefined : VN_DATE.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  if (!isRealDate(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day 0 of spreadsheet serial dates (Excel's 1900 system and Google Sheets): 30 December 1899. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_TIME_TEXT = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z?$/i;
const SERIAL_TEXT = /^\d{5}(?:[.,]\d+)?$/;

/**
 * A calendar date ("YYYY-MM-DD") from whatever a spreadsheet or a file holds for a date: text ("20/09/2024",
 * "2024-09-20", the ISO date-time a date cell turns into, "2024-09-20T00:00:00.000Z"), a date cell as a JS Date (its
 * UTC day: exceljs reads a cell's wall clock as UTC), or a serial number (Excel and Google Sheets count days from
 * 30/12/1899; 45555 is 20/09/2024). Undefined when it is none of these or not a real day.
 *
 * @example calendarDateOf(45555) // '2024-09-20'
 */
export function calendarDateOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value >= 2958466) return undefined;
    return new Date(SERIAL_EPOCH_MS + Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (SERIAL_TEXT.test(text)) return calendarDateOf(Number(text.replace(',', '.')));
  const dateTime = DATE_TIME_TEXT.exec(text);
  return parseCalendarDate(dateTime ? dateTime[1]! : text);
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 date-time. Without a zone it is taken as Vietnam time, as a clerk would mean it.
 * Returns undefined for anything else, including impossible dates such as 2024-02-31T10:00:00Z.
 */
export function parseInstant(value: string): Date | undefined {
  const m = INSTANT.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[] as [number, number, number, number, number, number];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const zone = m[8] ?? '+07:00';
  const normalizedZone = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const instant = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(s).padStart(2, '0')}${m[7] ?? ''}${normalizedZone}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/**
 * THE date style of everything a user reads — messages, status pages, sheet and workbook cells, documents — as NĐ
 * 30/2020 writes dates: days below 10 and the months 1 and 2 take a leading zero, other months do not ("05/02/2026",
 * "03/9/2024", "15/12/2024"). Every formatter below builds on it.
 *
 * @example formatOfficialDate('2024-09-03') // '03/9/2024'
 */
export function formatOfficialDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${formatOfficialMonthDay(`${pad2(m)}-${pad2(d)}`)}/${y}`;
}

/** A yearly date (MM-DD) in the same style: "01/9" for 09-01, "15/02" for 02-15 ("trước ngày 01/9 hằng năm"). */
export function formatOfficialMonthDay(monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  return `${pad2(d)}/${m <= 2 ? pad2(m) : String(m)}`;
}

/** A date in words, as a document's date line writes it: "ngày 05 tháng 02 năm 2026", "ngày 25 tháng 9 năm 2024". */
export function formatOfficialDateWords(isoDate: string): string {
  const [day, month, year] = formatOfficialDate(isoDate).split('/');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** An instant in Vietnam time as an official writes it: "08 giờ 00 ngày 03/9/2024". */
export function formatOfficialDateTime(instant: Date): string {
  const iso = toVietnamIso(instant);
  return `${iso.slice(11, 13)} giờ ${iso.slice(14, 16)} ngày ${formatOfficialDate(iso.slice(0, 10))}`;
}

/**
 * The same style under its older name, for the store's codecs that write dates into cells (kept so their files need
 * no change). Use `formatOfficialDate`.
 */
export const formatVietnameseDate = formatOfficialDate;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant as ISO 8601 in Vietnam time: "2024-08-15T09:30:00+07:00" (readable in the sheet, parseable back). */
export function toVietnamIso(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}
