import { describe, expect, test } from 'vitest';
import { appraise } from '../../shared/domain/appraise.js';
import { indexDatasets, type AwardHistoryRow } from '../../shared/domain/datasets.js';
import { decide } from '../../shared/domain/decide.js';
import { Review } from '../../shared/domain/review.js';
import { COMMUNE, DISTRICT, nomination, PROVINCE, rawIndividual, vanNinh } from '../support/builders.js';
import { nominationFor, quiz, tongTuyenCu } from '../support/campaign-builders.js';

const review = (raw: Record<string, unknown>) => Review.parse(raw);
const codes = (findings: ReadonlyArray<{ code: string }>) => findings.map((f) => f.code);

/** The quiz's district Giấy khen has no successor declared: its authority simply ends on 2025-07-01. */
const quizNominee = (submittedAt = '2024-05-06T09:00:00+07:00') => nominationFor(quiz(), { submittedAt, birthDate: '1980-01-01' });

describe('decisions are dated too: the authority must exist on the decision date', () => {
  test.each([
    // [case, decision date, awarded, status, the finding that explains it]
    ['a district chairman decision signed before the reform stands', '25/06/2025', 'awarded', undefined],
    ['signed on the last day of the district (30/6/2025) stands', '30/06/2025', 'awarded', undefined],
    ['signed on 01/7/2025, when districts no longer exist, is flagged and kept off', '01/07/2025', 'ineligible', 'DECISION_AUTHORITY_CEASED'],
    ['signed on 20/7/2025 is flagged and kept off', '20/07/2025', 'ineligible', 'DECISION_AUTHORITY_CEASED'],
  ])('%s', (_, decisionDate, status, code) => {
    const n = quizNominee();
    const [d] = decide(quiz(), [n], { reviews: new Map([[n.responseId, review({ responseId: n.responseId, decisionNumber: '05/QĐ-UBND', decisionDate })]]) });
    expect(d!.status).toBe(status);
    if (code) expect(d!.findings.find((f) => f.code === code)!.message).toMatch(/từ 01\/7\/2025 không còn thẩm quyền "Chủ tịch UBND huyện Bắc Sơn"/);
    else expect(codes(d!.findings)).not.toContain('DECISION_AUTHORITY_CEASED');
  });

  test('a decision number never overrides AWARD_NOT_AVAILABLE: the nomination stays ineligible and off every list', () => {
    const n = quizNominee('2025-08-01T09:00:00+07:00');
    const [d] = decide(quiz(), [n], { reviews: new Map([[n.responseId, review({ responseId: n.responseId, decisionNumber: '05/QĐ-UBND', decisionDate: '10/08/2025' })]]) });
    expect(d!.status).toBe('ineligible');
    expect(d!.stage).not.toBe('awarded');
    expect(codes(d!.findings)).toEqual(expect.arrayContaining(['AWARD_NOT_AVAILABLE', 'DECISION_WITHOUT_PROPOSAL']));
  });

  test('a decision dated after the change, for an award whose template declares a successor, is the successor’s (TT Bắc Sơn)', () => {
    const n = nominationFor(tongTuyenCu(), { submittedAt: '2025-05-21T09:00:00+07:00' });
    const [d] = decide(tongTuyenCu(), [n], { reviews: new Map([[n.responseId, review({ responseId: n.responseId, decisionNumber: '15/QĐ-UBND', decisionDate: '20/08/2025' })]]) });
    expect(d!).toMatchObject({ status: 'awarded', award: 'giay-khen-chu-tich-xa' });
    expect(d!.findings.find((f) => f.code === 'AWARD_SUCCEEDED')!.message).toContain('20/8/2025');
  });
});

describe('successor awards: nominations after the change go to the award the template declares', () => {
  test.each([
    // [plan, campaign, proposed award, submitted, judged award]
    ['TT Bắc Sơn', 'tt', 'giay-khen-chu-tich-huyen', '2025-06-30T23:59:00+07:00', 'giay-khen-chu-tich-huyen'],
    ['TT Bắc Sơn', 'tt', 'giay-khen-chu-tich-huyen', '2025-07-01T00:00:00+07:00', 'giay-khen-chu-tich-xa'],
    ['TT Bắc Sơn', 'tt', 'bang-khen-chu-tich-tinh', '2026-01-12T09:00:00+07:00', 'bang-khen-chu-tich-tinh'],
    ['Vạn Ninh', 'vn', DISTRICT, '2025-08-15T09:00:00+07:00', COMMUNE],
    ['Vạn Ninh', 'vn', 'giay-khen-dot-xuat-chu-tich-huyen', '2025-07-10T09:00:00+07:00', 'giay-khen-dot-xuat-chu-tich-xa'],
    ['Vạn Ninh', 'vn', 'giay-khen-thu-truong-huyen', '2025-07-10T09:00:00+07:00', COMMUNE],
  ])('%s (%s): %s submitted %s is judged for %s', (_, which, award, submittedAt, judged) => {
    const campaign = which === 'tt' ? tongTuyenCu() : vanNinh();
    const n = nominationFor(campaign, { award, submittedAt });
    expect(decide(campaign, [n])[0]!.award).toBe(judged);
  });

  test('a successor award of a body the template cannot name is only available from 1 July 2025', () => {
    const n = nominationFor(tongTuyenCu(), { award: 'giay-khen-chu-tich-xa', submittedAt: '2025-05-21T09:00:00+07:00' });
    expect(codes(decide(tongTuyenCu(), [n])[0]!.findings)).toContain('AWARD_NOT_AVAILABLE');
  });
});

describe('chains look backwards and count only the right level (Vạn Ninh 3.2a, 3.3b; NĐ 152 Điều 4)', () => {
  const row = (year: number, level: AwardHistoryRow['level'], decisionDate: string, mode: AwardHistoryRow['mode'] = 'periodic'): AwardHistoryRow =>
    ({ year, name: 'Phan Văn Đức', unit: 'UBND xã Vạn Phú', award: 'Giấy khen', level, mode, decisionNumber: `${year}/QĐ`, decisionDate });
  const judged = (award: string, submittedAt: string, rows: AwardHistoryRow[]) =>
    codes(appraise(nomination(rawIndividual({ name: 'Phan Văn Đức', unit: 'UBND xã Vạn Phú', award, submittedAt })), vanNinh(), { datasets: indexDatasets({ awardHistory: rows }) }).findings);

  test.each([
    // [case, award, submitted, history, expected findings (a chain that holds shows the years found: PRIOR_RECOGNITION_FOUND)]
    ['district 2023 and 2024, both decided before the proposal', PROVINCE, '2025-08-20T09:00:00+07:00', [row(2023, 'district', '2023-09-15'), row(2024, 'district', '2024-09-15')], ['PRIOR_RECOGNITION_FOUND']],
    ['district 2023, and 2024 decided after the proposal of 22/8/2024', PROVINCE, '2024-08-22T09:00:00+07:00', [row(2023, 'district', '2023-09-15'), row(2024, 'district', '2024-09-15')], ['PRIOR_RECOGNITION_AFTER_SUBMISSION']],
    ['district 2024, and a commune 2025 award (counts as district) decided after the proposal', PROVINCE, '2025-08-22T09:00:00+07:00', [row(2024, 'district', '2024-09-20'), row(2025, 'commune', '2025-09-10')], ['PRIOR_RECOGNITION_AFTER_SUBMISSION']],
    ['a decision dated on the submission day does not precede it', PROVINCE, '2025-08-31T09:00:00+07:00', [row(2024, 'district', '2024-09-20'), row(2025, 'commune', '2025-08-31')], ['PRIOR_RECOGNITION_AFTER_SUBMISSION']],
    ['… and one dated the day before does', PROVINCE, '2025-08-31T09:00:00+07:00', [row(2024, 'district', '2024-09-20'), row(2025, 'commune', '2025-08-30')], ['PRIOR_RECOGNITION_FOUND']],
    ['two years of Giấy khen from district departments and mass organisations are not the district chairman’s', PROVINCE, '2025-08-20T09:00:00+07:00', [row(2023, 'district-agency', '2023-06-12'), row(2024, 'district-agency', '2024-06-10')], ['PRIOR_RECOGNITION_MISSING']],
    ['ad-hoc district awards are not grounds for the chain', PROVINCE, '2025-08-20T09:00:00+07:00', [row(2023, 'district', '2023-09-15', 'adhoc'), row(2024, 'district', '2024-09-15')], ['PRIOR_RECOGNITION_MISSING']],
    ['a district department’s Giấy khen is base-level recognition for the district award', DISTRICT, '2024-08-20T09:00:00+07:00', [row(2024, 'district-agency', '2024-06-10')], ['PRIOR_RECOGNITION_FOUND']],
  ])('%s', (_, award, submittedAt, rows, expected) => {
    expect(judged(award, submittedAt, rows)).toEqual(expected);
  });
});

describe('ad-hoc (đột xuất) awards, Vạn Ninh plan 3.2b', () => {
  const adhoc = () => nominationFor(vanNinh(), { award: 'giay-khen-dot-xuat-chu-tich-xa', submittedAt: '2024-10-10T09:00:00+07:00' });

  test('are not scored on the rubric and wait for the council’s judgement', () => {
    const n = adhoc();
    const [d] = decide(vanNinh(), [n]);
    expect(d!.status).toBe('awaiting-council');
    expect(codes(d!.findings)).toEqual(['ADHOC_COUNCIL_JUDGES']);
  });

  test('are proposed once the council appraises them "Đủ điều kiện"', () => {
    const n = adhoc();
    const [d] = decide(vanNinh(), [n], { reviews: new Map([[n.responseId, review({ responseId: n.responseId, appraisal: 'Đủ điều kiện' })]]) });
    expect(d!.status).toBe('proposed');
  });
});
