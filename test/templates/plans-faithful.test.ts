import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { appraise } from '../../shared/domain/appraise.js';
import { indexDatasets, QuizLogRow } from '../../shared/domain/datasets.js';
import { unitDeadlines } from '../../shared/domain/deadline-report.js';
import { nomination, PROVINCE, rawIndividual, vanNinh } from '../support/builders.js';
import { nominationFor, quiz, tayNinh, tongTuyenCu } from '../support/campaign-builders.js';

const codes = (findings: ReadonlyArray<{ code: string }>) => findings.map((f) => f.code);

describe('the Bắc Sơn quiz, as its plan says', () => {
  test.each([
    // the plan implements Văn bản số 1686-CV/HU ngày 04/3/2024: the campaign cannot start before it
    ['2024-03-03T09:00:00+07:00', true],
    ['2024-03-04T09:00:00+07:00', false],
  ])('a nomination submitted %s is outside the campaign: %s', (submittedAt, outside) => {
    const found = codes(appraise(nominationFor(quiz(), { submittedAt, birthDate: '1980-01-01' }), quiz()).findings);
    expect(found.includes('OUTSIDE_TERM')).toBe(outside);
  });

  test('a recruit counts only if of the eligible public: old enough and registered in Bắc Sơn', () => {
    const row = (account: string, district: string, extra: Partial<QuizLogRow> = {}) => [1, 2, 3, 4, 5].map((week): QuizLogRow => ({ account, ownerName: account, birthDate: '1980-01-01', district, week, result: 'Được công nhận', ...extra }));
    const log = [...row('G', 'Bắc Sơn'), ...row('G1', 'Bắc Sơn', { referredBy: 'G' }), ...row('G2', 'Bình Gia', { referredBy: 'G' })];
    const found = codes(appraise(nominationFor(quiz(), { quizAccount: 'G', birthDate: '1980-01-01', submittedAt: '2024-05-06T09:00:00+07:00' }), quiz(), { datasets: indexDatasets({ quizLog: log }) }).findings);
    expect(found).toContain('QUIZ_REFERRALS_INSUFFICIENT');
  });
});

describe('the Bắc Sơn quiz: "kết quả tốt được Ban Tổ chức cuộc thi công nhận" is the organisers’ recognition', () => {
  test('the template invents no rating labels for the quiz: it names who recognises, as the plan does', () => {
    const rule = quiz().awards[0]!.prerequisites.find((p) => p.type === 'quiz-participation')!;
    expect(rule).toMatchObject({ recognisedBy: 'Ban Tổ chức cuộc thi' });
    expect(JSON.stringify(rule)).not.toMatch(/Xuất sắc|"Tốt"/);
  });

  test.each([
    ['Được công nhận', 'Được công nhận'],
    ['được công nhận', 'Được công nhận'],
    ['Đã công nhận', 'Được công nhận'],
    ['x', 'Được công nhận'],
    ['Có', 'Được công nhận'],
    ['Chưa công nhận', 'Chưa công nhận'],
    ['không', 'Chưa công nhận'],
  ])('the log’s result "%s" reads as "%s"', (typed, read) => {
    expect(QuizLogRow.parse({ account: 'A', ownerName: 'A', district: 'Bắc Sơn', week: 1, result: typed }).result).toBe(read);
  });

  test.each(['Tốt', 'Xuất sắc', 'Khá', '9,5'])('a rating label "%s" is refused, saying what to write', (typed) => {
    const parsed = QuizLogRow.safeParse({ account: 'A', ownerName: 'A', district: 'Bắc Sơn', week: 1, result: typed });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(`ghi "Được công nhận" hoặc "Chưa công nhận" (kết quả được Ban Tổ chức cuộc thi công nhận hay chưa), nhận được "${typed}"`);
  });

  test.each([
    // [weeks the organisers recognised, finding expected]
    [[], true],
    [[3], false],
  ])('a nominee whose results were recognised in weeks %j: not recognised = %s', (recognisedWeeks, flagged) => {
    const weeks = [1, 2, 3, 4, 5];
    const row = (account: string, extra: Partial<QuizLogRow> = {}) => weeks.map((week): QuizLogRow => ({ account, ownerName: account, birthDate: '1980-01-01', district: 'Bắc Sơn', week, result: 'Được công nhận', ...extra }));
    const nominee = weeks.map((week): QuizLogRow => ({ account: 'G', ownerName: 'G', birthDate: '1980-01-01', district: 'Bắc Sơn', week, result: (recognisedWeeks as number[]).includes(week) ? 'Được công nhận' : 'Chưa công nhận' }));
    const log = [...nominee, ...row('G1', { referredBy: 'G' }), ...row('G2', { referredBy: 'G' })];
    const found = appraise(nominationFor(quiz(), { quizAccount: 'G', birthDate: '1980-01-01', submittedAt: '2024-05-06T09:00:00+07:00' }), quiz(), { datasets: indexDatasets({ quizLog: log }) }).findings;
    const finding = found.find((f) => f.code === 'QUIZ_RESULT_NOT_RECOGNISED');
    expect(Boolean(finding)).toBe(flagged);
    if (finding) expect(finding.message).toBe('Tài khoản dự thi chưa có kết quả tốt được Ban Tổ chức cuộc thi công nhận (nhật ký cuộc thi, cột "Kết quả").');
  });
});

describe('Tây Ninh: the 15/04/2020 deadline is for a block’s or unit’s plan sent to Sở Nội vụ', () => {
  test('is not a model registration: the deadline report does not count registrations against it', () => {
    expect(tayNinh().deadlines.find((d) => d.id === 'ke-hoach-khoi-don-vi')!.kind).not.toBe('registration');
    expect(unitDeadlines(tayNinh()).map((d) => d.id)).not.toContain('ke-hoach-khoi-don-vi');
  });
});

describe('Tây Ninh: the plan has contents, not scored criteria: its seven contents (mục II) are the criteria, word for word', () => {
  const plan = readFileSync(join('/work/shared/seeds', tayNinh().plan.seed!), 'utf8').replace(/\n\n(?=toàn xã hội)/, ' ');
  const contents = [1, 2, 3, 4, 5, 6, 7].map((n) => new RegExp(`^${n}\\. (.+)$`, 'm').exec(plan.slice(plan.indexOf('II. NỘI DUNG THI ĐUA'), plan.indexOf('III. XÂY DỰNG')))![1]!);

  test.each(['collective', 'individual'] as const)('the %s criteria are the seven contents, in order, rated by the council', (kind) => {
    const criteria = tayNinh().rubrics[kind]!.criteria;
    expect(criteria.map((c) => c.text)).toEqual(contents);
    expect(criteria.every((c) => 'scale' in c)).toBe(true);
  });

  test('the contents are quoted from the plan, not invented', () => {
    for (const text of contents) expect(plan).toContain(text);
    expect(contents[1]).toBe('Thi đua thực hiện có hiệu quả Kế hoạch số 434/KH-UBND ngày 06/3/2020 của UBND tỉnh về thực hiện công tác Dân vận chính quyền năm 2020.');
  });
});

describe('Vạn Ninh: the 01/09 deadline governs the dossiers to the district chairman only', () => {
  test('a provincial Bằng khen nomination of 03/9 is not late by it (the district proposes upward after its Q3 review)', () => {
    const found = codes(appraise(nomination(rawIndividual({ award: PROVINCE, submittedAt: '2024-09-03T08:00:00+07:00' })), vanNinh()).findings);
    expect(found).not.toContain('SUBMITTED_LATE');
  });

  test('the achievement report names the decree in force, not only Mẫu 07 of NĐ 91/2017', () => {
    const report = vanNinh().dossier.documents.find((d) => d.id === 'bao-cao-thanh-tich')!.name;
    expect(report).toMatch(/91\/2017.*thay thế.*98\/2023.*152\/2025/);
  });
});

describe('TT Bắc Sơn: the criteria are the plan’s words (mục III.2.1)', () => {
  // quoted from the plan (seed 001), mục III.2.1 a) and b)
  test.each([
    ['collective', '1', 'Các tập thể triển khai có hiệu quả phong trào thi đua; có thành tích xuất sắc, tiêu biểu trong thực hiện các nội dung của phong trào thi đua được quy định tại mục II của Kế hoạch này.'],
    ['collective', '2', 'Có sáng kiến, giải pháp, hoàn thành vượt mức chỉ tiêu, tiến độ thực hiện các nhiệm vụ được giao.'],
    ['individual', '1', 'Cá nhân có thành tích xuất sắc, tiêu biểu trong tham mưu thực hiện các nội dung của phong trào thi đua được quy định tại mục II của Kế hoạch này.'],
    ['individual', '2', 'Có sáng kiến, giải pháp hiệu quả thiết thực trong tham mưu xây dựng và thực hiện các nghị quyết của HĐND các cấp.'],
  ] as const)('the %s criterion %s', (kind, number, text) => {
    expect(tongTuyenCu().rubrics[kind]!.criteria.find((c) => c.number === number)!.text).toBe(text);
  });
});
