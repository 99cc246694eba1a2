import { describe, expect, test } from 'vitest';
import { councilResult, CouncilScoreEntry } from '../../shared/domain/council.js';
import { decide } from '../../shared/domain/decide.js';
import { Review } from '../../shared/domain/review.js';
import { fullMarks, nomination, rawIndividual, scoresTotalling, vanNinh } from '../support/builders.js';
import { nominationFor, quiz, tayNinh, tongTuyenCu, TT_GUIDANCE } from '../support/campaign-builders.js';

const entry = (responseId: string, member: string, memberUnit: string, scores: Record<string, number | string>) => CouncilScoreEntry.parse({ responseId, member, memberUnit, scores });

describe('several council members score the same nomination', () => {
  const n = nomination(rawIndividual({ responseId: 'x', unit: 'UBND xã Vạn Thạnh' }));

  test('uses the average of the members per criterion', () => {
    const result = councilResult(vanNinh(), n, [
      entry('x', 'A', 'Phòng Nội vụ', { ...fullMarks('individual'), '3': 19 }),
      entry('x', 'B', 'Ban Dân vận', { ...fullMarks('individual'), '3': 18 }),
    ]);
    expect(result.averages['3']).toBe(18.5);
    expect(result.averages['1']).toBe(15);
  });

  test('a member from the nominee\'s own unit does not score it, and says so', () => {
    const result = councilResult(vanNinh(), n, [
      entry('x', 'A', 'Phòng Nội vụ', { ...fullMarks('individual'), '3': 18 }),
      entry('x', 'Người cùng đơn vị', 'UBND  xã Vạn Thạnh', { ...fullMarks('individual') }),
    ]);
    expect(result.averages['3']).toBe(18);
    expect(result.members.find((m) => m.member === 'Người cùng đơn vị')!.recused).toBe(true);
    expect(result.findings.map((f) => f.code)).toContain('COUNCIL_MEMBER_RECUSED');
  });

  test('shows how far each member sits from the others and flags an outlier without dropping it', () => {
    const result = councilResult(vanNinh(), n, [
      entry('x', 'A', 'U1', fullMarks('individual')),
      entry('x', 'B', 'U2', fullMarks('individual')),
      entry('x', 'C', 'U3', scoresTotalling('individual', 90)),
    ]);
    expect(result.members.map((m) => [m.member, m.deviation, m.outlier])).toEqual([['A', 5, false], ['B', 5, false], ['C', -10, true]]);
    expect(result.averages['1']).toBe(14.5); // C's 13.5 still counts
    expect(result.findings.find((f) => f.code === 'COUNCIL_SCORE_OUTLIER')!.message).toContain('C (90) lệch -10');
  });

  test('takes each member\'s latest entry', () => {
    const result = councilResult(vanNinh(), n, [entry('x', 'A', 'U1', { '1': 10 }), entry('x', 'a', 'U1', { '1': 14 })]);
    expect(result.averages['1']).toBe(14);
    expect(result.members).toHaveLength(1);
  });

  test('ignores and reports a score above the maximum', () => {
    const result = councilResult(vanNinh(), n, [entry('x', 'A', 'U1', { '1': 16, '2': 15 })]);
    expect(result.averages).toEqual({ '2': 15 });
    expect(result.findings.map((f) => f.code)).toEqual(['COUNCIL_SCORE_INVALID']);
  });

  test('ranks on the council average rather than the self-assessment once the council has scored', () => {
    const a = nomination(rawIndividual({ responseId: 'a', selfScores: fullMarks('individual') }));
    const b = nomination(rawIndividual({ responseId: 'b', selfScores: scoresTotalling('individual', 95) }));
    const decisions = decide(vanNinh(), [a, b], { councilScores: [entry('a', 'M', 'U', scoresTotalling('individual', 92))] });
    expect(decisions.map((d) => [d.responseId, d.total, d.selfTotal, d.rank])).toEqual([['a', 92, 100, 2], ['b', 95, 95, 1]]);
  });
});

describe('qualitative criteria rated on the template\'s scale', () => {
  test.each([
    ['tt-bac-son-80-nam-tong-tuyen-cu', tongTuyenCu],
    ['bac-son-quiz-2024 (collectives)', quiz],
    ['tay-ninh-nam-dan-van-kheo-2020', tayNinh],
  ])('%s waits for the council, then passes when every criterion averages at least "Đạt"', (_label, campaign) => {
    const c = campaign();
    const n = nominationFor(c, { kind: 'collective', block: 'Khối các sở, ban, ngành tỉnh' });
    const numbers = c.rubrics.collective!.criteria.map((x) => x.number);
    expect(decide(c, [n], { guidance: TT_GUIDANCE })[0]!.status).toBe('awaiting-council');
    const rate = (label: string) => Object.fromEntries(numbers.map((k) => [k, label]));
    const passed = decide(c, [n], { guidance: TT_GUIDANCE, councilScores: [entry(n.responseId, 'M1', 'U1', rate('Tốt')), entry(n.responseId, 'M2', 'U2', rate('Đạt'))] })[0]!;
    expect(passed.status).toBe('proposed');
    expect(passed.total).toBe(numbers.length * 1.5);
    const failed = decide(c, [n], { guidance: TT_GUIDANCE, councilScores: [entry(n.responseId, 'M1', 'U1', rate('Chưa đạt')), entry(n.responseId, 'M2', 'U2', rate('Đạt'))] })[0]!;
    expect(failed.status).toBe('ineligible');
    expect(failed.findings.filter((f) => f.code === 'RATING_BELOW_PASS')).toHaveLength(numbers.length);
  });
});

describe('stages: submitted → appraised → proposed → awarded', () => {
  const review = (r: Record<string, unknown>) => Review.parse(r);
  const people = () => [99, 98, 97].map((t, i) => nomination(rawIndividual({ responseId: `p${i}`, selfScores: scoresTotalling('individual', t) })));

  test('moves a nomination through the stages as the council appraises and decides', () => {
    const [a, b, c] = people();
    const reviews = new Map([
      ['p0', review({ responseId: 'p0', appraisal: 'Đủ điều kiện', decisionNumber: '12/QĐ-UBND', decisionDate: '20/09/2024' })],
      ['p1', review({ responseId: 'p1', appraisal: 'eligible' })],
    ]);
    const stages = decide(vanNinh(), [a!, b!, c!], { reviews }).map((d) => [d.responseId, d.status, d.stage]);
    expect(stages).toEqual([['p0', 'awarded', 'awarded'], ['p1', 'proposed', 'proposed'], ['p2', 'proposed', 'submitted']]);
  });

  test('requires a reason for "needs more documents" and "not eligible"', () => {
    const [a] = people();
    const without = decide(vanNinh(), [a!], { reviews: new Map([['p0', review({ responseId: 'p0', appraisal: 'not-eligible' })]]) })[0]!;
    expect(without.status).toBe('proposed');
    expect(without.findings.map((f) => f.code)).toContain('APPRAISAL_REASON_MISSING');
    const withReason = decide(vanNinh(), [a!], { reviews: new Map([['p0', review({ responseId: 'p0', appraisal: 'Không đủ điều kiện', reason: 'Thành tích trùng năm trước' })]]) })[0]!;
    expect(withReason.status).toBe('ineligible');
    expect(withReason.stage).toBe('appraised');
    const docs = decide(vanNinh(), [a!], { reviews: new Map([['p0', review({ responseId: 'p0', appraisal: 'needs-documents', reason: 'Thiếu biên bản họp xét' })]]) })[0]!;
    expect(docs.status).toBe('needs-documents');
  });

  test('an awarded nomination keeps its place in the quota even when others now score higher', () => {
    const awarded = nomination(rawIndividual({ responseId: 'old', selfScores: scoresTotalling('individual', 90) }));
    const better = [99, 98, 97, 96, 95].map((t, i) => nomination(rawIndividual({ responseId: `b${i}`, selfScores: scoresTotalling('individual', t) })));
    const reviews = new Map([['old', review({ responseId: 'old', decisionNumber: '1/QĐ', decisionDate: '01/09/2024' })]]);
    const decisions = decide(vanNinh(), [awarded, ...better], { reviews });
    expect(decisions.find((d) => d.responseId === 'old')!.status).toBe('awarded');
    expect(decisions.filter((d) => d.status === 'proposed')).toHaveLength(4);
    expect(decisions.find((d) => d.responseId === 'b4')!.status).toBe('over-quota');
  });

  test('the council settles a tie at the quota line by choosing; too many choices leave it open', () => {
    const ppl = [99, 98, 97, 96, 94, 94].map((t, i) => nomination(rawIndividual({ responseId: `t${i}`, selfScores: scoresTotalling('individual', t) })));
    const settled = decide(vanNinh(), ppl, { reviews: new Map([['t5', review({ responseId: 't5', choice: 'Chọn' })]]) });
    expect(settled.filter((d) => d.rank === 5).map((d) => [d.responseId, d.status])).toEqual([['t4', 'over-quota'], ['t5', 'proposed']]);
    const both = decide(vanNinh(), ppl, { reviews: new Map(['t4', 't5'].map((id) => [id, review({ responseId: id, choice: 'select' })])) });
    expect(both.filter((d) => d.rank === 5).map((d) => d.status)).toEqual(['council-decides', 'council-decides']);
    expect(both.find((d) => d.responseId === 't4')!.findings.map((f) => f.code)).toContain('COUNCIL_SELECTION_EXCEEDS');
  });
});

describe('emulation blocks', () => {
  test('ranks each block on its own, with the block\'s own quota', () => {
    const base = tayNinh();
    const withQuota = { ...base, awards: base.awards.map((a) => ({ ...a, quotaPerBlockPerYear: { collective: 1 } })) };
    const rate = (label: string) => Object.fromEntries(base.rubrics.collective!.criteria.map((c) => [c.number, label]));
    const units = [
      ['s1', 'Khối các sở, ban, ngành tỉnh', 'Xuất sắc'],
      ['s2', 'Khối các sở, ban, ngành tỉnh', 'Tốt'],
      ['h1', 'Khối các huyện, thị xã, thành phố', 'Đạt'],
      ['h2', 'khối các huyện, thị xã, thành phố', 'Tốt'],
    ] as const;
    const noms = units.map(([id, block]) => nominationFor(withQuota, { responseId: id, kind: 'collective', name: `Đơn vị ${id}`, block, submittedAt: '2020-09-01T09:00:00+07:00' }));
    const scores = units.map(([id, , label]) => entry(id, 'M', 'Ban Dân vận Tỉnh ủy', rate(label)));
    const decisions = decide(withQuota, noms, { councilScores: scores });
    expect(Object.fromEntries(decisions.map((d) => [d.responseId, [d.block, d.rank, d.status]]))).toEqual({
      s1: ['Khối các sở, ban, ngành tỉnh', 1, 'proposed'],
      s2: ['Khối các sở, ban, ngành tỉnh', 2, 'over-quota'],
      h1: ['Khối các huyện, thị xã, thành phố', 2, 'over-quota'],
      h2: ['Khối các huyện, thị xã, thành phố', 1, 'proposed'],
    });
  });

  test('rejects a nomination without its block where the plan has blocks', () => {
    const n = nominationFor(tayNinh(), { kind: 'collective' });
    expect(decide(tayNinh(), [n])[0]!.findings.map((f) => f.code)).toEqual(['BLOCK_NEEDED']);
  });
});

describe('effective-dated authorities', () => {
  test('sends a district Giấy khen proposed after 1 July 2025 to the successor the template declares, and names it', () => {
    const n = nominationFor(tongTuyenCu(), { submittedAt: '2025-08-12T09:00:00+07:00' });
    const decision = decide(tongTuyenCu(), [n])[0]!;
    expect(decision.award).toBe('giay-khen-chu-tich-xa');
    expect(decision.findings.find((f) => f.code === 'AWARD_SUCCEEDED')!.message).toContain('Giấy khen của Chủ tịch UBND xã');
    expect(decision.findings.map((f) => f.code)).not.toContain('AWARD_NOT_AVAILABLE');
  });

  test('takes nominations after the quiz ended (the plan reviews after the contest) but not before its launch', () => {
    expect(decide(quiz(), [nominationFor(quiz(), { submittedAt: '2024-05-06T09:00:00+07:00', birthDate: '1980-01-01' })])[0]!.findings.map((f) => f.code)).not.toContain('OUTSIDE_TERM');
    expect(decide(quiz(), [nominationFor(quiz(), { submittedAt: '2024-02-06T09:00:00+07:00', birthDate: '1980-01-01' })])[0]!.findings.map((f) => f.code)).toContain('OUTSIDE_TERM');
  });
});
