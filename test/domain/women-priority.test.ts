import { describe, expect, test } from 'vitest';
import { decide } from '../../shared/domain/decide.js';
import { parseNomination } from '../../shared/domain/nomination.js';
import { nomination, rawCollective, scoresTotalling, vanNinh } from '../support/builders.js';

/** NĐ 152/2025 Điều 4: on equal achievements, priority to women and to collectives with at least 70 % women. */
describe('priority for collectives with at least 70 % women at the quota line (3 district collectives in Vạn Ninh)', () => {
  const collective = (responseId: string, total: number, womenShare?: number | string) =>
    nomination(rawCollective({ responseId, name: `Tập thể ${responseId}`, unit: `Đơn vị ${responseId}`, selfScores: scoresTotalling('collective', total), ...(womenShare === undefined ? {} : { womenShare }) }));

  test.each([
    // [case, share of the first tied collective, of the second, expected statuses of the two]
    ['75 % women goes before 40 %', 75, 40, ['proposed', 'over-quota']],
    ['exactly 70 % has priority', 70, 69.5, ['proposed', 'over-quota']],
    ['both above 70 %: the council decides', 80, 90, ['council-decides', 'council-decides']],
    ['one share unknown: no priority is assumed, the council decides', 75, undefined, ['council-decides', 'council-decides']],
    ['written as in a form: "72,5%" against "30"', '72,5%', '30', ['proposed', 'over-quota']],
  ])('%s', (_, first, second, expected) => {
    const decisions = decide(vanNinh(), [collective('a', 99), collective('b', 98), collective('t1', 95, first), collective('t2', 95, second)]);
    expect(decisions.filter((d) => d.responseId.startsWith('t')).map((d) => d.status)).toEqual(expected);
  });

  test.each([['120'], ['-5'], ['nhiều']])('refuses a share of women of "%s" naming the field', (value) => {
    const parsed = parseNomination(rawCollective({ womenShare: value }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.findings[0]!.message).toContain('Tỷ lệ nữ (%)');
  });
});
