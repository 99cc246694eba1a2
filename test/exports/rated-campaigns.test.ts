import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CouncilScoreEntry } from '../../shared/domain/council.js';
import { decide } from '../../shared/domain/decide.js';
import { scoreSheet } from '../../shared/exports/score-sheet-content.js';
import { statusPageHtml } from '../../shared/status/status-page-html.js';
import { statusView } from '../../shared/status/status-view.js';
import { nomination, rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';
import { nominationFor, quiz, tayNinh, tongTuyenCu, TT_GUIDANCE } from '../support/campaign-builders.js';
import { writeScoreSheets } from '../support/files.js';
import { readBack, texts } from './read-back.js';

/**
 * Campaigns without points (TT Bắc Sơn, the Bắc Sơn quiz, Tây Ninh: criteria rated by the council) print the council's
 * rating in the scale's words, never an invented total of points. Printed and read back.
 */

describe('the score sheet of a campaign rated by the council', () => {
  test.each([
    ['tt-bac-son-80-nam-tong-tuyen-cu', tongTuyenCu, { '1': 3, '2': 1.5 }, ['Xuất sắc', 'Tốt']],
    ['tay-ninh-nam-dan-van-kheo-2020', tayNinh, { '1': 0, '2': 1, '3': 2, '4': 2, '5': 2, '6': 2, '7': 2 }, ['Chưa đạt', 'Đạt', 'Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt']],
    ['bac-son-quiz-2024', quiz, { '1': 2, '2': 2 }, ['Tốt', 'Tốt']],
  ] as const)('%s: the council’s ratings in words, no "Tổng cộng", no points', async (_, campaign, councilScores, ratings) => {
    const c = campaign();
    const n = nominationFor(c, { kind: 'individual', block: 'Khối các sở, ban, ngành tỉnh' });
    const sheet = scoreSheet({ campaign: c, nomination: n, councilScores });
    expect(sheet.rated).toBe(true);
    expect(sheet.rows.map((r) => r.rating?.council)).toEqual(ratings);

    const [file] = await writeScoreSheets([sheet], { oneWorkbook: join(tempDir(), 'bang.xlsx') });
    const rows = texts((await readBack(file!)).worksheets[0]!);
    const flat = rows.flat();
    expect(flat).not.toContain('Tổng cộng');
    expect(flat.some((t) => /Tổng điểm/.test(t))).toBe(false);
    const criterionRows = rows.filter((r) => /^\d+$/.test(r[0]!) && r.length > 3);
    expect(criterionRows.map((r) => r.slice(2, 6))).toEqual(ratings.map((rating) => ['Xuất sắc', 'Đạt', 'Hội đồng đánh giá', rating]));
  });

  test('a rating below the pass level is explained in words', () => {
    const sheet = scoreSheet({ campaign: tongTuyenCu(), nomination: nominationFor(tongTuyenCu(), { kind: 'individual' }), councilScores: { '1': 0, '2': 2 } });
    expect(sheet.verdict.reasons).toEqual(['Tiêu chí 1 được đánh giá “Chưa đạt”, dưới mức “Đạt”.']);
  });

  test('a campaign with points keeps its total', async () => {
    const sheet = scoreSheet({ campaign: vanNinh(), nomination: nomination(rawIndividual({ selfScores: scoresTotalling('individual', 95) })) });
    expect(sheet.rated).toBe(false);
    const [file] = await writeScoreSheets([sheet], { oneWorkbook: join(tempDir(), 'vn.xlsx') });
    expect(texts((await readBack(file!)).worksheets[0]!).flat()).toContain('Tổng cộng');
  });
});

describe('the status page of a campaign rated by the council', () => {
  test.each([
    ['tt-bac-son-80-nam-tong-tuyen-cu (rated)', tongTuyenCu, false],
    ['van-ninh-dan-van-kheo (points)', vanNinh, true],
  ] as const)('%s shows a "Tổng điểm xét" line: %s', (_, campaign, shown) => {
    const c = campaign();
    const n = c.id === 'van-ninh-dan-van-kheo' ? nomination(rawIndividual({ selfScores: scoresTotalling('individual', 95) })) : nominationFor(c, { kind: 'individual', submittedAt: '2025-05-20T09:00:00+07:00' });
    const [decision] = decide(c, [n], { guidance: TT_GUIDANCE });
    const page = statusPageHtml(statusView(c, n, decision!, [], new Date('2025-05-21T03:00:00Z'), new Date('2027-01-01T00:00:00Z')));
    expect(page.includes('Tổng điểm xét')).toBe(shown);
  });

  test('shows each rated criterion in the scale’s words: the top level, the pass level, the council’s rating', () => {
    const c = tongTuyenCu();
    const n = nominationFor(c, { kind: 'individual', submittedAt: '2025-05-20T09:00:00+07:00' });
    const council = [CouncilScoreEntry.parse({ responseId: n.responseId, member: 'A', memberUnit: 'U', scores: { '1': 'Tốt', '2': 'Xuất sắc' } })];
    const [decision] = decide(c, [n], { guidance: TT_GUIDANCE, councilScores: council });
    const view = statusView(c, n, decision!, council, new Date('2025-05-21T03:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(view.criteria.map((l) => l.words)).toEqual([{ max: 'Xuất sắc', min: 'Đạt', council: 'Tốt' }, { max: 'Xuất sắc', min: 'Đạt', council: 'Xuất sắc' }]);
    const page = statusPageHtml(view);
    expect(page).toContain('data-label="Hội đồng">Tốt</td>');
    expect(page).toContain('data-label="Tối thiểu">Đạt</td>');
  });
});
