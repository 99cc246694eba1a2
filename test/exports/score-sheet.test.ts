import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportScoreSheetFiles as exportScoreSheets } from '../../shared/cli/document-commands.js';
import { CouncilScoreEntry } from '../../shared/domain/council.js';
import { scoreSheet, verdictLine } from '../../shared/exports/score-sheet-content.js';
import { writeScoreSheets } from '../support/files.js';
import { idSlug, uniqueFileNames, uniqueTabNames } from '../../shared/exports/sheet-names.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { fullMarks, nomination, rawCollective, rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';
import { cellText, readBack, rowStarting, texts } from './read-back.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recordCouncilScores } from '../../shared/jobs/record-council-scores.js';

const NOW = new Date('2024-08-30T02:00:00Z');

describe('the score sheet (Bảng tự đánh giá, chấm điểm), as content', () => {
  test('passes a nominee whose every criterion reaches 90% of its maximum and whose total reaches 90', () => {
    const sheet = scoreSheet({ campaign: vanNinh(), nomination: nomination(rawIndividual({ selfScores: scoresTotalling('individual', 95) })) });
    expect(sheet.rows.map((r) => [r.number, r.max, r.min])).toEqual([['1', 15, 13.5], ['2', 15, 13.5], ['3', 20, 18], ['4', 10, 9], ['5', 10, 9], ['6', 15, 13.5], ['7', 15, 13.5]]);
    expect(sheet.totals).toEqual({ max: 100, self: 95 });
    expect(sheet.verdict).toEqual({ passed: true, reasons: [] });
    expect(verdictLine(sheet)).toBe('Kết luận (theo điểm tự chấm): ĐẠT — mọi tiêu chí đạt mức tối thiểu, tổng điểm 95 ≥ 90.');
  });

  test('fails criterion 3 below 18 of 20 and says why, even with a total above 90', () => {
    const sheet = scoreSheet({ campaign: vanNinh(), nomination: nomination(rawIndividual({ selfScores: { ...fullMarks('individual'), '3': 17 } })) });
    expect(sheet.rows.find((r) => r.number === '3')).toMatchObject({ self: 17, meetsMin: false });
    expect(sheet.verdict.reasons).toEqual(['Tiêu chí 3 đạt 17/20 điểm, dưới mức tối thiểu 18 điểm.']);
  });

  test('judges on the council\'s points when it has scored, and names missing evidence', () => {
    const n = nomination(rawCollective({ selfScores: fullMarks('collective'), evidence: { '1': 'Có' } }));
    const sheet = scoreSheet({ campaign: vanNinh(), nomination: n, councilScores: { ...fullMarks('collective'), '7': 8.5 } });
    expect(sheet.basis).toBe('council');
    expect(sheet.totals).toEqual({ max: 100, self: 100, council: 98.5 });
    expect(sheet.verdict.reasons[0]).toBe('Thiếu tài liệu kiểm chứng tiêu chí 2.');
    expect(sheet.verdict.reasons).toContain('Tiêu chí 7 đạt 8,5/10 điểm, dưới mức tối thiểu 9 điểm.');
  });
});

describe('score sheets, written and read back', () => {
  let dir: string;
  let store: CampaignRepository;

  beforeAll(async () => {
    dir = tempDir();
    store = await initCampaign(SqliteStore.forWorkbook(join(dir, 'store.xlsx')), vanNinh());
    await intake(store, [
      { payload: rawIndividual({ responseId: 'a1', name: 'Trần Văn Phúc', selfScores: scoresTotalling('individual', 97) }), source: 't' },
      { payload: rawIndividual({ responseId: 'a2', name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Hưng', selfScores: scoresTotalling('individual', 93) }), source: 't' },
      { payload: rawCollective({ responseId: 'a3', name: 'Hội Liên hiệp Phụ nữ xã Vạn Thắng: chi hội thôn Xuân Đông [mô hình]' }), source: 't' },
    ], NOW);
    await recordCouncilScores(store, [CouncilScoreEntry.parse({ responseId: 'a1', member: 'Lê Văn Bảy', memberUnit: 'Ban Dân vận', scores: scoresTotalling('individual', 94) })], NOW);
  });

  test('one workbook holds a tab per nominee, named uniquely within 31 characters and without []:*?/\\', async () => {
    const [file] = await exportScoreSheets(store, { oneWorkbook: true, out: join(dir, 'bang.xlsx') });
    const wb = await readBack(file!);
    const names = wb.worksheets.map((ws) => ws.name);
    // cut at a word boundary, never inside a syllable ("Vạn Thắ" was cut inside "Thắng")
    expect(names).toEqual(['Trần Văn Phúc', 'Trần Văn Phúc (2)', 'Hội Liên hiệp Phụ nữ xã Vạn']);
    for (const name of names) expect(name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });

  test('each tab carries criteria, maximum, minimum, self-assessed and council points, evidence, totals and the verdict', async () => {
    const [file] = await exportScoreSheets(store, { oneWorkbook: true, out: join(dir, 'bang2.xlsx') });
    const ws = (await readBack(file!)).getWorksheet('Trần Văn Phúc')!;
    const rows = texts(ws);
    expect(rows.flat()).toEqual(expect.arrayContaining(['BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM', 'Đề nghị Giấy khen của Chủ tịch UBND huyện năm 2024', 'Họ và tên: Trần Văn Phúc']));
    const head = rowStarting(ws, 'TT');
    expect(rows.find((r) => r[0] === 'TT')).toEqual(['TT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Điểm tối thiểu', 'Điểm tự chấm', 'Điểm Hội đồng chấm', 'Tài liệu kiểm chứng']);
    const first = ws.getRow(head.number + 1);
    expect([1, 3, 4, 5, 6, 7].map((c) => cellText(first.getCell(c)))).toEqual(['1', '15', '13.5', '13.5', '13.5', 'Minh chứng tiêu chí 1']);
    expect(cellText(first.getCell(2))).toMatch(/^Nắm vững đường lối/);
    expect(rows.find((r) => r[0] === 'Tổng cộng')).toEqual(['Tổng cộng', '100', '97', '94']);
    expect(rows.flat()).toContain('Kết luận (theo điểm Hội đồng chấm): ĐẠT — mọi tiêu chí đạt mức tối thiểu, tổng điểm 94 ≥ 90.');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${head.number}:${head.number}` });
    expect(ws.getCell(head.number, 1).font).toMatchObject({ name: 'Times New Roman', bold: true });
  });

  test('leaves the council column empty where the council has not scored', async () => {
    const [file] = await exportScoreSheets(store, { oneWorkbook: true, out: join(dir, 'bang3.xlsx') });
    const ws = (await readBack(file!)).getWorksheet('Trần Văn Phúc (2)')!;
    const head = rowStarting(ws, 'TT');
    for (let r = head.number + 1; r <= head.number + 7; r++) expect(ws.getCell(r, 6).value).toBeNull();
    expect(texts(ws).flat().some((t) => t.startsWith('Kết luận (theo điểm tự chấm): ĐẠT'))).toBe(true);
  });

  test('one file per nominee, each a workbook of one tab, named after the response and the nominee', async () => {
    const files = await exportScoreSheets(store, { out: join(dir, 'tung-ho-so') });
    expect(readdirSync(join(dir, 'tung-ho-so')).sort()).toEqual(['a1-tran-van-phuc.xlsx', 'a2-tran-van-phuc.xlsx', 'a3-hoi-lien-hiep-phu-nu-xa-van-thang-chi-hoi-thon-xuan-dong-mo.xlsx']);
    const wb = await readBack(files[2]!);
    expect(wb.worksheets).toHaveLength(1);
    expect(texts(wb.worksheets[0]!).flat()).toContain('Tên tập thể: Hội Liên hiệp Phụ nữ xã Vạn Thắng: chi hội thôn Xuân Đông [mô hình]');
  });

  test('an empty campaign still writes a workbook', async () => {
    const [file] = await writeScoreSheets([], { oneWorkbook: join(dir, 'rong.xlsx') });
    expect((await readBack(file!)).worksheets).toHaveLength(1);
  });
});

describe('tab names', () => {
  test.each([
    [['a/b', 'a-b'], ['a-b', 'a-b (2)']],
    [["'Quote'"], ['Quote']],
    [['History'], ['History (2)']],
    [['X'.repeat(40), 'X'.repeat(40)], ['X'.repeat(31), `${'X'.repeat(27)} (2)`]],
    [['Đặng Thị Mai', 'đặng thị mai'], ['Đặng Thị Mai', 'đặng thị mai (2)']],
  ])('%j → %j', (titles, expected) => {
    expect(uniqueTabNames(titles)).toEqual(expected);
  });
});

describe('score sheet file names that would collide on disk', () => {
  const IDS = ['ACYDB/x1', 'acydb-X1', 'ACYDB.X1'];

  test.each([
    ['a1', 'a1'],
    ['2024-vn-012', '2024-vn-012'],
  ])('keeps the responseId %s as it is when the slug loses nothing', (id, slug) => {
    expect(idSlug(id)).toBe(slug);
  });

  test('gives responseIds that differ only in case or punctuation different names, safe on every file system', () => {
    const names = IDS.map(idSlug);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]{1,40}$/);
  });

  test.each([
    [['a.xlsx', 'A.xlsx', 'a.XLSX', 'b.xlsx'], ['a.xlsx', 'A-2.xlsx', 'a-3.XLSX', 'b.xlsx']],
    [['x', 'X'], ['x', 'X-2']],
  ])('makes file names %j unique without regard to case', (names, expected) => {
    expect(uniqueFileNames(names)).toEqual(expected);
  });

  test('writes one file per responseId, three distinct names in one folder, when ids differ only in case or punctuation', async () => {
    // GIVEN three nominations of one person whose responseIds slug to the same text
    const dir = tempDir();
    const store = await initCampaign(SqliteStore.forWorkbook(join(dir, 'store.xlsx')), vanNinh());
    await intake(store, IDS.map((responseId, i) => ({ payload: rawIndividual({ responseId, name: 'Trần Văn Phúc', unit: `Đơn vị ${i}` }), source: 't' })), NOW);
    // WHEN the score sheets are written one file per nominee
    const files = await exportScoreSheets(store, { out: join(dir, 'tung-ho-so') });
    // THEN there are three files, no two equal without regard to case
    expect(files).toHaveLength(3);
    const onDisk = readdirSync(join(dir, 'tung-ho-so'));
    expect(new Set(onDisk.map((n) => n.toLowerCase())).size).toBe(3);
    for (const name of onDisk) expect(name).toMatch(/^[a-z0-9-]+-tran-van-phuc\.xlsx$/);
  });
});
