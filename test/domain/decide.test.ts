import { describe, expect, test } from 'vitest';
import { decide, type Decision } from '../../shared/domain/decide.js';
import { COMMUNE, nomination, PROVINCE, rawCollective, rawIndividual, scoresTotalling, vanNinh } from '../support/builders.js';

const individual = (name: string, total: number, extra: Record<string, unknown> = {}) =>
  nomination(rawIndividual({ name, responseId: `id-${name}`, selfScores: scoresTotalling('individual', total), ...extra }));

const statusByName = (decisions: Decision[]) => Object.fromEntries(decisions.map((d) => [d.responseId.replace('id-', ''), d.status]));

describe('ranking within the yearly quota', () => {
  test('proposes the five best individuals for the district award and leaves the sixth off the list', () => {
    const six = [99, 98, 97, 96, 95, 94].map((t, i) => individual(`Người ${i + 1}`, t));
    const decisions = decide(vanNinh(), six);
    expect(statusByName(decisions)).toEqual({
      'Người 1': 'proposed',
      'Người 2': 'proposed',
      'Người 3': 'proposed',
      'Người 4': 'proposed',
      'Người 5': 'proposed',
      'Người 6': 'over-quota',
    });
    expect(decisions.find((d) => d.responseId === 'id-Người 6')!.findings.map((f) => f.code)).toContain('QUOTA_EXCEEDED');
  });

  test('marks two individuals tied for fifth place for the council and keeps both off the list', () => {
    const decisions = decide(vanNinh(), [
      individual('A', 99), individual('B', 98), individual('C', 97), individual('D', 96),
      individual('E', 94), individual('F', 94), individual('G', 93),
    ]);
    expect(statusByName(decisions)).toMatchObject({ A: 'proposed', D: 'proposed', E: 'council-decides', F: 'council-decides', G: 'over-quota' });
    expect(decisions.filter((d) => d.status === 'council-decides').map((d) => d.rank)).toEqual([5, 5]);
  });

  test('never cuts a tie by input order: reversing the input gives the same statuses', () => {
    const people = [individual('A', 99), individual('B', 96), individual('C', 96), individual('D', 96), individual('E', 96), individual('F', 96)];
    const forward = statusByName(decide(vanNinh(), people));
    const backward = statusByName(decide(vanNinh(), [...people].reverse()));
    expect(forward).toEqual(backward);
    expect(Object.values(forward).filter((s) => s === 'council-decides')).toHaveLength(5);
  });

  test('gives priority to a woman over a man on equal score when both genders are known (NĐ 152)', () => {
    const decisions = decide(vanNinh(), [
      individual('A', 99), individual('B', 98), individual('C', 97), individual('D', 96),
      individual('Ông E', 94, { gender: 'nam' }), individual('Bà F', 94, { gender: 'nữ' }),
    ]);
    expect(statusByName(decisions)).toMatchObject({ 'Bà F': 'proposed', 'Ông E': 'over-quota' });
    expect(decisions.find((d) => d.responseId === 'id-Bà F')!.rank).toBe(5);
    expect(decisions.find((d) => d.responseId === 'id-Ông E')!.rank).toBe(6);
  });

  test('leaves the tie to the council when a gender is unknown', () => {
    const decisions = decide(vanNinh(), [
      individual('A', 99), individual('B', 98), individual('C', 97), individual('D', 96),
      individual('E', 94, { gender: 'nam' }), individual('F', 94),
    ]);
    expect(statusByName(decisions)).toMatchObject({ E: 'council-decides', F: 'council-decides' });
  });

  test('proposes one collective and two individuals for the provincial Bằng khen each year', () => {
    const decisions = decide(vanNinh(), [
      nomination(rawCollective({ responseId: 'c1', award: PROVINCE, selfScores: scoresTotalling('collective', 97) })),
      nomination(rawCollective({ responseId: 'c2', award: PROVINCE, selfScores: scoresTotalling('collective', 95) })),
      individual('A', 99, { award: PROVINCE }), individual('B', 98, { award: PROVINCE }), individual('C', 97, { award: PROVINCE }),
      // another year has its own quota
      individual('D', 91, { award: PROVINCE, year: 2025, submittedAt: '2025-05-10T09:00:00+07:00' }),
    ]);
    expect(statusByName(decisions)).toEqual({ c1: 'proposed', c2: 'over-quota', A: 'proposed', B: 'proposed', C: 'over-quota', D: 'proposed' });
  });

  test('proposes every eligible nominee for an award without a quota', () => {
    const decisions = decide(vanNinh(), [individual('A', 99, { award: COMMUNE }), individual('B', 91, { award: COMMUNE }), individual('C', 90, { award: COMMUNE })]);
    expect(new Set(decisions.map((d) => d.status))).toEqual(new Set(['proposed']));
  });

  test('does not rank ineligible nominations, and they take no place in the quota', () => {
    const low = nomination(rawIndividual({ responseId: 'id-low', selfScores: { ...scoresTotalling('individual', 99), '3': 17 } }));
    const decisions = decide(vanNinh(), [low, ...[99, 98, 97, 96, 95].map((t, i) => individual(`P${i}`, t))]);
    const lowDecision = decisions.find((d) => d.responseId === 'id-low')!;
    expect(lowDecision.status).toBe('ineligible');
    expect(lowDecision.rank).toBeUndefined();
    expect(decisions.filter((d) => d.status === 'proposed')).toHaveLength(5);
  });
});

describe('one achievement, one award', () => {
  test('marks a later nomination of the same person (same canonical name and birth date) for the same award and year as a duplicate', () => {
    const first = nomination(rawIndividual({ responseId: 'first', name: 'Trần Văn Phúc', birthDate: '02/09/1978', submittedAt: '2024-08-01T09:00:00+07:00' }));
    const again = nomination(rawIndividual({ responseId: 'again', name: 'TRẦN  VĂN PHÚC'.normalize('NFD'), birthDate: '1978-09-02', unit: 'Đơn vị khác', submittedAt: '2024-08-02T09:00:00+07:00' }));
    const decisions = decide(vanNinh(), [again, first]);
    expect(decisions.find((d) => d.responseId === 'first')!.status).toBe('proposed');
    const dup = decisions.find((d) => d.responseId === 'again')!;
    expect(dup.status).toBe('duplicate');
    expect(dup.findings.find((f) => f.code === 'DUPLICATE_NOMINEE')!.message).toContain('first');
  });

  test('identifies collectives by name and unit', () => {
    const a = nomination(rawCollective({ responseId: 'a', name: 'Hội Nông dân xã Vạn Thắng', unit: 'Hội Nông dân huyện' }));
    const b = nomination(rawCollective({ responseId: 'b', name: 'Hội Nông dân xã Vạn Thắng', unit: 'Hội Nông dân huyện', submittedAt: '2024-08-16T09:00:00+07:00' }));
    const c = nomination(rawCollective({ responseId: 'c', name: 'Hội Nông dân xã Vạn Thắng', unit: 'Đảng ủy xã', submittedAt: '2024-08-17T09:00:00+07:00' }));
    expect(decide(vanNinh(), [a, b, c]).map((d) => d.status)).toEqual(['proposed', 'duplicate', 'proposed']);
  });

  test('allows the same person in a different year; a different award the same year waits for the council (Luật 06/2022: one achievement, one form)', () => {
    const a = nomination(rawIndividual({ responseId: 'a', name: 'Lê Văn Tám' }));
    const b = nomination(rawIndividual({ responseId: 'b', name: 'Lê Văn Tám', award: PROVINCE }));
    const c = nomination(rawIndividual({ responseId: 'c', name: 'Lê Văn Tám', year: 2025, award: COMMUNE, submittedAt: '2025-03-01T09:00:00+07:00' }));
    expect(decide(vanNinh(), [a, b, c]).map((d) => d.status)).toEqual(['awaiting-council', 'awaiting-council', 'proposed']);
  });
});
