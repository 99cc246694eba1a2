import { describe, expect, test } from 'vitest';
import { appraise } from '../../shared/domain/appraise.js';
import { indexDatasets, type AwardHistoryRow, type ModelRegistrationRow, type QuizLogRow } from '../../shared/domain/datasets.js';
import { hasConsecutiveWeeks } from '../../shared/domain/prerequisites.js';
import { COMMUNE, DISTRICT, nomination, PROVINCE, rawIndividual, vanNinh } from '../support/builders.js';
import { nominationFor, quiz, tayNinh } from '../support/campaign-builders.js';

const codes = (findings: { code: string; severity: string }[]) => findings.filter((f) => f.severity !== 'info').map((f) => f.code);

describe('the Bắc Sơn quiz: individuals aged 16 or more with a recognised result and two recruits of five consecutive weeks', () => {
  const log: QuizLogRow[] = [];
  const account = (id: string, birthDate: string, weeks: number[], extra: Partial<QuizLogRow> = {}) => {
    for (const week of weeks) log.push({ account: id, ownerName: id, birthDate, district: 'Bắc Sơn', week, result: 'Được công nhận', ...extra });
  };
  account('A', '1985-05-12', [1, 2, 3, 4, 5, 6]);
  account('A1', '1988-03-03', [1, 2, 3, 4, 5], { referredBy: 'A', result: 'Chưa công nhận' });
  account('A2', '1999-09-21', [2, 3, 4, 5, 6], { referredBy: 'A', result: 'Chưa công nhận' });
  account('B', '1990-08-08', [1, 2, 3, 4, 5, 6], { result: 'Được công nhận' });
  account('B1', '1965-01-15', [1, 2, 3, 4, 5], { referredBy: 'B' });
  account('B2', '2001-11-30', [1, 2, 4, 5, 6], { referredBy: 'B' }); // missed week 3
  account('C', '2008-06-10', [1, 2, 3, 4, 5, 6]); // 15 on 01/03/2024
  account('C1', '1980-02-02', [1, 2, 3, 4, 5], { referredBy: 'C' });
  account('C2', '1978-04-19', [1, 2, 3, 4, 5], { referredBy: 'C' });
  account('D', '1992-12-25', [1, 2, 3, 4, 5, 6], { district: 'Bình Gia' });
  account('E', '1983-07-07', [1, 2, 3, 4, 5, 6], { result: 'Chưa công nhận' });
  account('F', '1979-02-14', [1, 2, 3, 4, 5, 6]);
  account('F1', '1975-10-20', [1, 2, 3, 4, 5], { referredBy: 'F' });
  account('F2', '2011-05-05', [1, 2, 3, 4, 5], { referredBy: 'F' }); // 12 years old: not of the eligible public
  const datasets = indexDatasets({ quizLog: log });
  const check = (quizAccount: string, birthDate?: string) => codes(appraise(nominationFor(quiz(), { quizAccount, birthDate, submittedAt: '2024-05-06T09:00:00+07:00' }), quiz(), { datasets }).findings);

  test('qualifies a participant with a recognised result and two recruits who each took part 5 weeks running', () => {
    expect(check('A', '12/05/1985')).toEqual(['RATING_PENDING', 'RATING_PENDING']);
  });

  test('refuses a referrer whose second account missed week 3', () => {
    expect(check('B', '08/08/1990')).toContain('QUIZ_REFERRALS_INSUFFICIENT');
  });

  test('refuses a 15-year-old participant, taking the birth date from the quiz log when the form has none', () => {
    expect(check('C')).toContain('UNDER_MINIMUM_AGE');
  });

  test('refuses an account registered in another district', () => {
    expect(check('D', '25/12/1992')).toContain('QUIZ_DISTRICT_MISMATCH');
  });

  test('refuses a result the organisers did not recognise as good', () => {
    expect(check('E', '07/07/1983')).toContain('QUIZ_RESULT_NOT_RECOGNISED');
  });

  test('does not count a recruit under 16 toward the two accounts', () => {
    expect(check('F', '14/02/1979')).toContain('QUIZ_REFERRALS_INSUFFICIENT');
  });

  test('refuses an account that is not in the log, and asks for one when missing', () => {
    expect(check('KHONG-CO', '12/05/1985')).toContain('QUIZ_ACCOUNT_UNKNOWN');
    expect(codes(appraise(nominationFor(quiz(), { birthDate: '1985-05-12' }), quiz(), { datasets }).findings)).toContain('QUIZ_ACCOUNT_NEEDED');
  });

  test('reports the rule without blocking while the quiz log is not loaded', () => {
    const findings = appraise(nominationFor(quiz(), { quizAccount: 'A', birthDate: '1985-05-12' }), quiz(), {}).findings;
    expect(findings.find((f) => f.code === 'PREREQUISITE_NOT_CHECKED')?.severity).toBe('info');
  });

  test.each([
    [[1, 2, 3, 4, 5], 5, true],
    [[1, 2, 4, 5, 6], 5, false],
    [[3, 4, 5, 6, 7, 9], 5, true],
    [[5, 4, 3, 2, 1, 1], 5, true],
  ])('weeks %j contain a run of %d consecutive weeks: %s', (weeks, run, expected) => {
    expect(hasConsecutiveWeeks(weeks.map((week) => ({ account: 'x', ownerName: 'x', district: 'x', week, result: 'Được công nhận' })), run)).toBe(expected);
  });
});

describe('Vạn Ninh: recognised at district level two consecutive years for the provincial Bằng khen', () => {
  const history = (years: Array<[number, 'periodic' | 'thematic' | 'adhoc']>, level: AwardHistoryRow['level'] = 'district'): AwardHistoryRow[] =>
    years.map(([year, mode], i) => ({ year, name: 'Phan Văn Đức', unit: 'UBND xã Vạn Phú', award: 'Giấy khen', level, mode, decisionNumber: `${i}/QĐ`, decisionDate: `${year}-09-15` }));
  const provinceIn = (year: number, rows: AwardHistoryRow[]) =>
    codes(appraise(nomination(rawIndividual({ name: 'Phan Văn Đức', unit: 'UBND xã Vạn Phú', award: PROVINCE, year, submittedAt: `${year}-08-15T09:00:00+07:00` })), vanNinh(), { datasets: indexDatasets({ awardHistory: rows }) }).findings);

  test('qualifies a nominee recognised in 2023 and 2024 but not 2022', () => {
    expect(provinceIn(2025, history([[2023, 'periodic'], [2024, 'periodic']]))).toEqual([]);
  });

  test('refuses a nominee recognised in 2022 and 2024 only', () => {
    expect(provinceIn(2025, history([[2022, 'periodic'], [2024, 'periodic']]))).toEqual(['PRIOR_RECOGNITION_MISSING']);
  });

  test('does not count a thematic award toward the chain (NĐ 152)', () => {
    expect(provinceIn(2024, history([[2022, 'thematic'], [2023, 'periodic']]))).toEqual(['PRIOR_RECOGNITION_MISSING']);
  });

  test('counts a commune Giấy khen from 1 July 2025 as the district one it replaced', () => {
    const rows = [...history([[2024, 'periodic']]), ...history([[2025, 'periodic']], 'commune').map((r) => ({ ...r, decisionDate: '2025-09-15' }))];
    expect(provinceIn(2026, rows)).toEqual([]);
    const before = [...history([[2024, 'periodic']]), ...history([[2025, 'periodic']], 'commune').map((r) => ({ ...r, decisionDate: '2025-06-15' }))];
    expect(provinceIn(2026, before)).toEqual(['PRIOR_RECOGNITION_MISSING']);
  });

  test('the district award needs recognition at the base level this year or last', () => {
    const base = history([[2023, 'periodic']], 'commune');
    expect(codes(appraise(nomination(rawIndividual({ name: 'Phan Văn Đức', unit: 'UBND xã Vạn Phú', award: DISTRICT })), vanNinh(), { datasets: indexDatasets({ awardHistory: base }) }).findings)).toEqual([]);
  });
});

describe('model registrations', () => {
  const reg = (registeredAt: string, status: ModelRegistrationRow['status'], year = 2024): ModelRegistrationRow => ({ year, name: 'Lý Thị Hoà', unit: 'Thôn Tuần Lễ', model: 'Mô hình', registeredAt, status });
  const commune = (rows: ModelRegistrationRow[]) =>
    codes(appraise(nomination(rawIndividual({ name: 'Lý Thị Hòa', unit: 'Thôn Tuần Lễ', award: COMMUNE })), vanNinh(), { datasets: indexDatasets({ registrations: rows }) }).findings);

  test('accepts a model registered before 15 February of the year, matching the old tone placement of the name', () => {
    expect(commune([reg('2024-02-14', 'registered')])).toEqual([]);
  });

  test('refuses a model registered on or after 15 February', () => {
    expect(commune([reg('2024-02-15', 'registered')])).toEqual(['MODEL_REGISTERED_LATE']);
  });

  test('refuses a nominee without a registration for the year', () => {
    expect(commune([reg('2023-01-10', 'registered', 2023)])).toEqual(['MODEL_NOT_REGISTERED']);
  });

  test('Tây Ninh requires the model to be checked and recognised', () => {
    const rows = (status: ModelRegistrationRow['status']) => indexDatasets({ registrations: [{ year: 2020, name: 'Sở Nội vụ', unit: 'UBND tỉnh', model: 'x', registeredAt: '2020-03-20', status }] });
    const n = nominationFor(tayNinh(), { kind: 'collective', name: 'Sở Nội vụ', unit: 'UBND tỉnh', block: 'Khối các sở, ban, ngành tỉnh' });
    expect(codes(appraise(n, tayNinh(), { datasets: rows('checked') }).findings)).toContain('MODEL_NOT_RECOGNISED');
    expect(codes(appraise(n, tayNinh(), { datasets: rows('recognised') }).findings)).not.toContain('MODEL_NOT_RECOGNISED');
  });
});
