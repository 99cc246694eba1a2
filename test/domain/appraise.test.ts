import { describe, expect, test } from 'vitest';
import { appraise } from '../../shared/domain/appraise.js';
import type { FindingCode } from '../../shared/domain/findings.js';
import { COMMUNE, DISTRICT, fullMarks, nomination, PROVINCE, rawCollective, rawIndividual, scoresTotalling, vanNinh } from '../support/builders.js';

const codes = (raw: Record<string, unknown>) => appraise(nomination(raw), vanNinh()).findings.map((f) => f.code);
const blocking = (raw: Record<string, unknown>) =>
  appraise(nomination(raw), vanNinh())
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.code}@${f.field}`);

describe('the Vạn Ninh rubric (plan, Phụ lục)', () => {
  // The plan's own table: criterion, maximum, the 90% minimum.
  const individualRows = [
    ['1', 15, 13.5],
    ['2', 15, 13.5],
    ['3', 20, 18],
    ['4', 10, 9],
    ['5', 10, 9],
    ['6', 15, 13.5],
    ['7', 15, 13.5],
  ] as const;

  test.each(individualRows)('accepts an individual with exactly 90%% on criterion %s (%d → %d)', (criterion, _max, min) => {
    const scores = { ...fullMarks('individual'), [criterion]: min };
    expect(blocking(rawIndividual({ selfScores: scores }))).toEqual([]);
  });

  test.each(individualRows)('finds an individual ineligible just below 90%% on criterion %s', (criterion, _max, min) => {
    const scores = { ...fullMarks('individual'), [criterion]: min - 0.5 };
    expect(blocking(rawIndividual({ selfScores: scores }))).toEqual([`CRITERION_BELOW_MIN@selfScores.${criterion}`]);
  });

  test.each([
    ['1', 15, 13.5],
    ['2', 15, 13.5],
    ['7', 10, 9],
  ] as const)('finds a collective ineligible below 90%% on criterion %s', (criterion, _max, min) => {
    const scores = { ...fullMarks('collective'), [criterion]: min - 1 };
    expect(blocking(rawCollective({ selfScores: scores }))).toEqual([`CRITERION_BELOW_MIN@selfScores.${criterion}`]);
  });

  test('finds an individual with 17 of 20 points on criterion 3 and 95 in total not eligible', () => {
    const scores = { '1': 15, '2': 15, '3': 17, '4': 10, '5': 10, '6': 14, '7': 14 };
    const appraisal = appraise(nomination(rawIndividual({ selfScores: scores })), vanNinh());
    expect(appraisal.total).toBe(95);
    expect(appraisal.findings.filter((f) => f.severity === 'ineligible').map((f) => f.code)).toEqual(['CRITERION_BELOW_MIN']);
    expect(appraisal.findings[0]!.message).toBe('Tiêu chí 3 đạt 17/20 điểm, chưa đạt mức tối thiểu 18 điểm (90% điểm chuẩn).');
  });

  test('applies the total threshold as its own rule (the plan\'s 90 is also implied by 90% on every criterion)', () => {
    const campaign = vanNinh();
    const stricter = { ...campaign, rubrics: { ...campaign.rubrics, individual: { ...campaign.rubrics.individual!, totalThreshold: 95 } } };
    const findings = appraise(nomination(rawIndividual({ selfScores: scoresTotalling('individual', 94.5) })), stricter).findings;
    expect(findings.filter((f) => f.severity === 'ineligible').map((f) => `${f.code}@${f.field}`)).toEqual(['TOTAL_BELOW_THRESHOLD@selfScores']);
    expect(findings[0]!.message).toBe('Tổng điểm 94,5 chưa đạt ngưỡng 95 điểm.');
  });

  test('accepts a total of exactly 90', () => {
    expect(blocking(rawIndividual({ selfScores: scoresTotalling('individual', 90) }))).toEqual([]);
  });

  test('requires evidence (tài liệu kiểm chứng) for every criterion', () => {
    const evidence = { '1': 'x', '2': 'x', '3': 'x', '4': 'x', '6': 'x', '7': 'x' };
    expect(blocking(rawIndividual({ evidence }))).toEqual(['EVIDENCE_MISSING@evidence.5']);
  });

  test('reads the Vietnamese decimal comma in points ("13,5")', () => {
    const appraisal = appraise(nomination(rawIndividual({ selfScores: { ...fullMarks('individual'), '1': '13,5' } })), vanNinh());
    expect(appraisal.scores['1']).toBe(13.5);
    expect(appraisal.total).toBe(98.5);
  });

  test('accepts criterion numbers written as in the plan ("01")', () => {
    const scores = Object.fromEntries(Object.entries(fullMarks('individual')).map(([k, v]) => [`0${k}`, v]));
    expect(blocking(rawIndividual({ selfScores: scores }))).toEqual([]);
  });
});

describe('bad scores are rejected, naming the criterion', () => {
  test.each<[string, unknown, FindingCode]>([
    ['missing', undefined, 'SCORE_MISSING'],
    ['empty text', '  ', 'SCORE_MISSING'],
    ['text', 'mười lăm', 'SCORE_NOT_NUMBER'],
    ['NaN', Number.NaN, 'SCORE_NOT_NUMBER'],
    ['an object', { points: 15 }, 'SCORE_NOT_NUMBER'],
    ['negative', -1, 'SCORE_NEGATIVE'],
    ['above the maximum', 15.5, 'SCORE_ABOVE_MAX'],
  ])('%s', (_label, value, code) => {
    const scores: Record<string, unknown> = { ...fullMarks('individual'), '2': value };
    if (value === undefined) delete scores['2'];
    const findings = appraise(nomination(rawIndividual({ selfScores: scores })), vanNinh()).findings;
    expect(findings.filter((f) => f.severity === 'rejected').map((f) => `${f.code}@${f.field}`)).toEqual([`${code}@selfScores.2`]);
  });

  test('rejects a score for a criterion the plan does not have', () => {
    const findings = appraise(nomination(rawIndividual({ selfScores: { ...fullMarks('individual'), '8': 5 } })), vanNinh()).findings;
    expect(findings.map((f) => `${f.code}@${f.field}`)).toContain('CRITERION_UNKNOWN@selfScores.8');
  });
});

describe('campaign, award and kind', () => {
  test('rejects an unknown campaign', () => {
    expect(appraise(nomination(rawIndividual({ campaign: 'khong-co' })), undefined).findings.map((f) => f.code)).toEqual(['CAMPAIGN_UNKNOWN']);
  });

  test('rejects an unknown award and lists the valid ones', () => {
    const [f] = appraise(nomination(rawIndividual({ award: 'bang-khen-thu-tuong' })), vanNinh()).findings;
    expect(f).toMatchObject({ code: 'AWARD_UNKNOWN', field: 'award', severity: 'rejected' });
    expect(f!.message).toContain(DISTRICT);
  });

  test('rejects a kind the award is not for', () => {
    const campaign = vanNinh();
    const individualsOnly = { ...campaign, awards: campaign.awards.map((a) => (a.id === DISTRICT ? { ...a, kinds: ['individual' as const] } : a)) };
    expect(appraise(nomination(rawCollective()), individualsOnly).findings.map((f) => f.code)).toEqual(['KIND_NOT_ALLOWED']);
  });
});

describe('dates in Vietnam time', () => {
  test.each([
    ['2024-08-31T23:59:59+07:00', false],
    ['2024-08-31T16:59:59Z', false],
    ['2024-08-31T17:00:00Z', true], // 00:00 on 1 September in Vietnam
    ['2024-09-01T00:00:00+07:00', true],
  ])('a district dossier submitted at %s is late: %s ("trước ngày 01 tháng 9")', (submittedAt, late) => {
    expect(codes(rawIndividual({ submittedAt })).includes('SUBMITTED_LATE')).toBe(late);
  });

  test('the commune award has no deadline in the plan', () => {
    expect(codes(rawIndividual({ award: COMMUNE, submittedAt: '2024-11-20T10:00:00+07:00' }))).not.toContain('SUBMITTED_LATE');
  });

  test('the evaluation year defaults to the year of submission in Vietnam time', () => {
    expect(appraise(nomination(rawIndividual({ award: COMMUNE, submittedAt: '2024-12-31T17:30:00Z' })), vanNinh()).year).toBe(2025);
  });

  test('a submission after the campaign term (to 30/09/2026) is outside the term', () => {
    expect(codes(rawIndividual({ award: COMMUNE, submittedAt: '2026-10-01T08:00:00+07:00' }))).toContain('OUTSIDE_TERM');
  });

  test('no district chairman award can be proposed from 1 July 2025 (two-tier local government)', () => {
    expect(codes(rawIndividual({ submittedAt: '2025-06-30T16:00:00+07:00', year: 2025 }))).not.toContain('AWARD_NOT_AVAILABLE');
    // the template declares the commune chairman's Giấy khen as the successor: a later nomination goes to it
    expect(codes(rawIndividual({ submittedAt: '2025-07-01T08:00:00+07:00', year: 2025 }))).toContain('AWARD_SUCCEEDED');
    expect(codes(rawIndividual({ submittedAt: '2025-07-01T08:00:00+07:00', year: 2025 }))).not.toContain('AWARD_NOT_AVAILABLE');
    // without a successor in the template, it is not available at all
    const noSuccessor = { ...vanNinh(), awards: vanNinh().awards.map((a) => ({ ...a, successorAward: undefined })) };
    const late = appraise(nomination(rawIndividual({ submittedAt: '2025-07-01T08:00:00+07:00', year: 2025 })), noSuccessor).findings.map((f) => f.code);
    expect(late).toContain('AWARD_NOT_AVAILABLE');
    expect(codes(rawIndividual({ award: PROVINCE, submittedAt: '2025-07-01T08:00:00+07:00', year: 2025 }))).not.toContain('AWARD_NOT_AVAILABLE');
  });

  test('declares prerequisites it cannot check yet without blocking the nomination', () => {
    const findings = appraise(nomination(rawIndividual({ award: PROVINCE })), vanNinh()).findings;
    expect(findings).toEqual([expect.objectContaining({ code: 'PREREQUISITE_NOT_CHECKED', severity: 'info' })]);
    expect(findings[0]!.message).toContain('02 năm liên tục');
  });
});
