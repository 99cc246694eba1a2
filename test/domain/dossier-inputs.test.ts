import { describe, expect, test } from 'vitest';
import { reportFormLabel, reportFormOn } from '../../shared/domain/achievement-report-form.js';
import { completeMinutes, parseMeetingMinutesInput } from '../../shared/domain/meeting-minutes-input.js';
import { basisOn } from '../../shared/exports/dossier-content.js';
import { campaigns } from '../support/builders.js';

const vanNinh = campaigns.get('van-ninh-dan-van-kheo')!;

describe('the form of the achievement report follows the decree in force on the day it is submitted', () => {
  test.each([
    ['a campaign of 2020 (NĐ 91/2017), in rounds', 'thematic', 'individual', '2020-09-05', 'Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP'],
    ['the last day of NĐ 91/2017', 'thematic', 'collective', '2023-12-30', 'Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP'],
    ['an ad-hoc award under NĐ 91/2017', 'adhoc', 'individual', '2022-05-01', 'Mẫu số 06 ban hành kèm theo Nghị định số 91/2017/NĐ-CP'],
    ['a yearly collective award under NĐ 91/2017', 'periodic', 'collective', '2022-05-01', 'Mẫu số 01 ban hành kèm theo Nghị định số 91/2017/NĐ-CP'],
    ['a yearly individual award under NĐ 91/2017', 'periodic', 'individual', '2022-05-01', 'Mẫu số 02 ban hành kèm theo Nghị định số 91/2017/NĐ-CP'],
    ['a round in 2024 (NĐ 98/2023, the Bắc Sơn plan cites Mẫu số 08)', 'thematic', 'individual', '2024-05-06', 'Mẫu số 08 ban hành kèm theo Nghị định số 98/2023/NĐ-CP'],
    ['a yearly award under NĐ 98/2023 (number not verified)', 'periodic', 'individual', '2025-06-30', 'Theo mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP'],
    ['from 1 July 2025 (NĐ 152/2025, number not verified)', 'thematic', 'individual', '2025-07-01', 'Theo mẫu ban hành kèm theo Nghị định số 152/2025/NĐ-CP'],
  ] as const)('%s', (_, mode, kind, date, label) => {
    expect(reportFormLabel(reportFormOn(vanNinh, mode, kind, date))).toBe(label);
  });

  test('a template that names the form for a period wins over the law', () => {
    const named = { ...vanNinh, dossier: { ...vanNinh.dossier, reportForms: [{ from: '2025-07-01', decree: 'Nghị định số 152/2025/NĐ-CP', form: 'Mẫu số 09' }] } };
    expect(reportFormOn(named, 'thematic', 'individual', '2025-08-01')).toMatchObject({ form: 'Mẫu số 09', source: 'template' });
    expect(reportFormOn(named, 'thematic', 'individual', '2025-06-30')).toMatchObject({ form: 'Mẫu số 08', source: 'law' });
  });
});

test.each([
  ['2025-06-30', 'Nghị định số 98/2023/NĐ-CP'],
  ['2025-07-01', 'Nghị định số 152/2025/NĐ-CP'],
])('a legal basis replaced on a date reads, on %s, %s', (date, expected) => {
  expect(basisOn('Nghị định số 98/2023/NĐ-CP (thay thế từ 01/7/2025 bởi Nghị định số 152/2025/NĐ-CP)', date)).toBe(expected);
});

const good = {
  meetingAt: '2024-09-20T08:00:00+07:00',
  place: 'Phòng họp UBND huyện',
  chair: 'Nguyễn Văn Hùng – Chủ tịch UBND huyện',
  secretary: 'Trần Minh Khoa',
  members: [
    { name: 'A', role: 'Chủ tịch', present: true },
    { name: 'B', role: 'Ủy viên', present: true },
    { name: 'C', role: 'Ủy viên', present: false, writtenVote: true },
  ],
  agenda: ['Xét khen thưởng'],
  rows: [{ responseId: 'x1', votesFor: 3, votesAgainst: 0, abstain: 0, passed: true }],
};

describe('the secretary’s minutes file', () => {
  test('is read, and completed from the stored nominations: quorum counted, total the sum of the votes', () => {
    const parsed = parseMeetingMinutesInput(good);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const done = completeMinutes(parsed.input, () => ({ nominee: 'Lê Văn An', unit: 'UBND xã Vạn Thắng', award: 'Giấy khen' }));
    expect(done).toMatchObject({ ok: true, minutes: { quorum: { present: 2, members: 3, reached: true }, rows: [{ nominee: 'Lê Văn An', total: 3 }] } });
  });

  test.each([
    ['a time that is not one', { meetingAt: '20/9/2024 8h' }, 'Biên bản họp xét, thời gian họp ("meetingAt"): không phải thời điểm hợp lệ ("20/9/2024 8h"); ghi dạng 2024-09-20T08:00:00+07:00.'],
    ['no place', { place: ' ' }, 'Biên bản họp xét, địa điểm ("place"):'],
    ['votes that are not whole numbers', { rows: [{ ...good.rows[0], votesFor: 2.5 }] }, 'Biên bản họp xét, kết quả biểu quyết, dòng 1, số phiếu đồng ý ("rows[0].votesFor"):'],
    ['a total that is not the sum', { rows: [{ ...good.rows[0], total: 4 }] }, 'Biên bản họp xét, kết quả biểu quyết, dòng 1, tổng số phiếu ("rows[0].total"): là 4 nhưng 3 + 0 + 0 = 3.'],
    ['more votes than members who voted', { rows: [{ ...good.rows[0], votesAgainst: 1 }] }, 'có 4 phiếu, nhiều hơn 3 thành viên có mặt hoặc có phiếu bằng văn bản'],
    ['a nominee voted on twice', { rows: [good.rows[0], good.rows[0]] }, 'Biên bản họp xét, kết quả biểu quyết, dòng 2, mã hồ sơ ("rows[1].responseId"): hồ sơ "x1" đã có ở một dòng trước.'],
    ['a member present and voting in writing', { members: [{ name: 'A', role: 'Chủ tịch', present: true, writtenVote: true }] }, 'Biên bản họp xét, thành viên, dòng 1, có phiếu bằng văn bản ("members[0].writtenVote"): thành viên có mặt biểu quyết tại cuộc họp'],
    ['a result not given', { rows: [{ responseId: 'x1', votesFor: 3, votesAgainst: 0, abstain: 0 }] }, 'Biên bản họp xét, kết quả biểu quyết, dòng 1, kết quả (đạt) ("rows[0].passed"):'],
  ])('refuses %s, naming the field', (_, change, message) => {
    const parsed = parseMeetingMinutesInput({ ...good, ...change });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(message);
  });

  test('refuses what is not an object, in Vietnamese', () => {
    const parsed = parseMeetingMinutesInput([1, 2]);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.problems[0]).toMatch(/^Biên bản họp xét: /);
  });
});
