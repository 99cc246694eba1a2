import { describe, expect, test } from 'vitest';
import { APPRAISAL_LABEL, CHOICE_LABEL, NOMINEE_KIND_LABEL, STAGE_LABEL, STATUS_LABEL } from '../../shared/domain/vocabulary.js';
import { enumOfLabel } from '../../shared/store/codecs/labels.js';
import { readStoredNomination, shownDecision } from '../../shared/store/codecs/nominations.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { vanNinh } from '../support/builders.js';

/** Every closed set the sheet shows, by name, with its label table. */
const SETS: Record<string, Readonly<Record<string, string>>> = { status: STATUS_LABEL, stage: STAGE_LABEL, appraisal: APPRAISAL_LABEL, choice: CHOICE_LABEL, kind: NOMINEE_KIND_LABEL };

describe('the labels codec', () => {
  test.each(Object.entries(SETS).flatMap(([set, labels]) => Object.entries(labels).map(([code, label]) => [set, code, label, labels] as const)))(
    'reads the %s label of %s ("%s") back as its code, in any case, and the code itself',
    (_, code, label, labels) => {
      expect(enumOfLabel(labels, label)).toBe(code);
      expect(enumOfLabel(labels, label.toLocaleUpperCase('vi'))).toBe(code);
      expect(enumOfLabel(labels, ` ${label}  `)).toBe(code);
      expect(enumOfLabel(labels, code)).toBe(code);
    },
  );

  test('keeps reading a former label after a rewording, so an awarded row written before stays frozen', () => {
    const reworded = { ...STATUS_LABEL, awarded: 'Được khen thưởng' };
    expect(enumOfLabel(reworded, 'Đã khen thưởng')).toBeUndefined();
    expect(enumOfLabel(reworded, 'Đã khen thưởng', { awarded: ['Đã khen thưởng'] })).toBe('awarded');
    expect(enumOfLabel(reworded, 'Được khen thưởng', { awarded: ['Đã khen thưởng'] })).toBe('awarded');
  });

  test.each([['a word the set does not know', 'Đã duyệt'], ['an empty cell', ''], ['a number', 3], ['nothing', null]])('reads %s as no value', (_, cell) => {
    expect(enumOfLabel(STATUS_LABEL, cell)).toBeUndefined();
  });
});

describe('the nominations codec', () => {
  const tab = layoutsFor(vanNinh()).get('nominations')!;
  const row = (cells: Record<string, string | number | null>) => ({
    responseId: 'r1', submittedAt: '2024-08-15T09:00:00+07:00', award: 'giay-khen-chu-tich-huyen', kind: 'Cá nhân', name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Thắng',
    'score.1': 14, 'score.2': 14, 'score.3': 19, 'score.4': 14, 'score.5': 9, 'score.6': 9, 'score.7': 10, __row: 2, ...cells,
  });

  test('turns the status label into its code and keeps what the sheet shows for the audit', () => {
    const read = readStoredNomination(row({ status: 'Đã khen thưởng', total: 89 }), tab, vanNinh());
    expect(read.ok && read.stored.status).toBe('awarded');
    expect(read.ok && read.stored.shown).toMatchObject({ status: 'Đã khen thưởng', total: '89' });
  });

  test('reads a hand-edited status it does not know as no status, never as awarded', () => {
    const read = readStoredNomination(row({ status: 'đã trao' }), tab, vanNinh());
    expect(read.ok && read.stored.status).toBeUndefined();
  });

  test('shows a decision as the sheet will: the status label and the total as text', () => {
    expect(shownDecision({ status: 'over-quota', total: 94.5 })).toEqual({ status: 'Ngoài chỉ tiêu', total: '94.5' });
  });

  test('reads a row the engine wrote back into the same nomination', () => {
    const read = readStoredNomination(row({}), tab, vanNinh());
    expect(read.ok && read.stored.nomination).toMatchObject({ responseId: 'r1', kind: 'individual', name: 'Trần Văn Phúc', selfScores: { '3': 19 } });
  });
});
