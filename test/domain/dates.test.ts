import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatOfficialDate, formatOfficialDateTime, formatOfficialDateWords, formatOfficialMonthDay, parseCalendarDate } from '../../shared/domain/dates.js';

/** One date style everywhere a user looks, as NĐ 30/2020 writes dates: a leading zero for days below 10 and months 1–2. */
describe('the official date style (NĐ 30/2020)', () => {
  test.each([
    ['2025-02-05', '05/02/2025', 'ngày 05 tháng 02 năm 2025'],
    ['2024-09-03', '03/9/2024', 'ngày 03 tháng 9 năm 2024'],
    ['2024-12-15', '15/12/2024', 'ngày 15 tháng 12 năm 2024'],
    ['2024-01-15', '15/01/2024', 'ngày 15 tháng 01 năm 2024'],
    ['2025-07-01', '01/7/2025', 'ngày 01 tháng 7 năm 2025'],
    ['2024-10-09', '09/10/2024', 'ngày 09 tháng 10 năm 2024'],
    ['2024-11-30', '30/11/2024', 'ngày 30 tháng 11 năm 2024'],
  ])('%s is written "%s", in words "%s"', (iso, slashes, words) => {
    expect(formatOfficialDate(iso)).toBe(slashes);
    expect(formatOfficialDateWords(iso)).toBe(words);
  });

  test.each([
    ['09-01', '01/9'],
    ['02-15', '15/02'],
    ['01-05', '05/01'],
    ['12-31', '31/12'],
  ])('the yearly date %s is written "%s"', (monthDay, written) => {
    expect(formatOfficialMonthDay(monthDay)).toBe(written);
  });

  test.each([
    ['2024-09-03T01:00:00Z', '08 giờ 00 ngày 03/9/2024'],
    ['2025-02-04T17:30:00Z', '00 giờ 30 ngày 05/02/2025'],
    ['2024-12-15T09:05:00+07:00', '09 giờ 05 ngày 15/12/2024'],
  ])('the instant %s is written "%s", in Vietnam time', (instant, written) => {
    expect(formatOfficialDateTime(new Date(instant))).toBe(written);
  });

  test.each(['2025-02-05', '2024-09-03', '2024-12-15', '2024-01-01'])('%s reads back from what is written', (iso) => {
    expect(parseCalendarDate(formatOfficialDate(iso))).toBe(iso);
  });
});

describe('one formatter', () => {
  // Every date a user reads goes through shared/domain/dates.ts. The stores (shared/store, shared/google) are left out
  // here: they write cells through `formatVietnameseDate`, the same style under its older name.
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
  const sources = [...files('shared'), ...files('functions')].filter((f) => !/^shared[\\/](store|google)[\\/]|dates\.ts$/.test(f));

  test.each([
    ['toLocaleDateString', /toLocale(Date|Time)String/],
    ['a date reversed by hand', /split\('-'\)\.reverse\(\)/],
    ['a time cut from an ISO string', /slice\(11, 16\)/],
    ['Intl.DateTimeFormat', /Intl\.DateTimeFormat/],
  ])('no file formats a date itself (%s)', (_, pattern) => {
    expect(sources.filter((f) => pattern.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
