import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { CouncilScoreEntry } from '../../shared/domain/council.js';
import { Review } from '../../shared/domain/review.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { fullMarks, rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { recordCouncilScores } from '../../shared/jobs/record-council-scores.js';
import { recordReviews } from '../../shared/jobs/record-reviews.js';
import { snapshotOf } from '../support/campaign.js';
import { AwardHistoryRow } from '../../shared/domain/datasets.js';
import { importDataset } from '../../shared/jobs/import-dataset.js';

const T1 = new Date('2024-08-20T02:00:00Z');
const T2 = new Date('2024-09-20T02:00:00Z');

async function rowsOf(path: string, title: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: string[][] = [];
  wb.getWorksheet(title)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('the council works in the workbook', () => {
  let path: string;
  let store: CampaignRepository;

  beforeEach(async () => {
    path = join(tempDir(), 'hd.xlsx');
    store = await initCampaign(SqliteStore.forWorkbook(path), vanNinh());
    await intake(store, [99, 98, 97].map((t, i) => ({ payload: rawIndividual({ responseId: `p${i}`, name: `Người ${i}`, unit: 'UBND xã Vạn Thắng', selfScores: scoresTotalling('individual', t) }), source: 'test' })), T1);
    await recompute(store, T1);
  });

  test('records every change of status and score with who, when, old and new value', async () => {
    await recordCouncilScores(store, [CouncilScoreEntry.parse({ responseId: 'p2', member: 'Lê Văn Bảy', memberUnit: 'Ban Dân vận', scores: fullMarks('individual') })], T2);
    await recordReviews(store, [Review.parse({ responseId: 'p0', appraisal: 'Không đủ điều kiện', reason: 'Thành tích đã được khen năm trước' })], 'Thư ký Nguyễn A', T2);
    await recompute(store, T2);
    const audit = (await rowsOf(path, 'Nhật ký thay đổi')).slice(1);
    expect(audit).toEqual(expect.arrayContaining([
      ['2024-09-20T09:00:00+07:00', 'Thư ký Nguyễn A', 'p0', 'Thẩm định', '', 'Không đủ điều kiện'],
      ['2024-09-20T09:00:00+07:00', 'thidua score', 'p0', 'Trạng thái', 'Đề nghị khen thưởng', 'Không đủ điều kiện'],
      ['2024-09-20T09:00:00+07:00', 'thidua score', 'p2', 'Điểm xét', '97', '100'],
      ['2024-09-20T09:00:00+07:00', 'Lê Văn Bảy', 'p2', 'Điểm Hội đồng: Lê Văn Bảy', '', '100'],
    ]));
  });

  test('records a change the council made by hand in the sheet, once', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Hồ sơ đề nghị')!;
    const col = (header: string) => (ws.getRow(1).values as string[]).indexOf(header);
    ws.getRow(2).getCell(col('Thẩm định')).value = 'Cần bổ sung hồ sơ';
    ws.getRow(2).getCell(col('Lý do')).value = 'Thiếu biên bản họp xét';
    await wb.xlsx.writeFile(path);
    await recompute(store, T2);
    await recompute(store, T2);
    const audit = (await rowsOf(path, 'Nhật ký thay đổi')).filter((r) => r[3] === 'Thẩm định');
    expect(audit).toEqual([['2024-09-20T09:00:00+07:00', '(sửa trên trang tính)', 'p0', 'Thẩm định', '', 'Cần bổ sung hồ sơ']]);
    const row = (await rowsOf(path, 'Hồ sơ đề nghị'))[1]!;
    expect(row).toContain('Cần bổ sung hồ sơ');
  });

  test('never changes an awarded result on recompute', async () => {
    await recordReviews(store, [Review.parse({ responseId: 'p2', decisionNumber: '12/QĐ-UBND', decisionDate: '25/09/2024' })], 'Thư ký', T2);
    await recompute(store, T2);
    const before = (await rowsOf(path, 'Hồ sơ đề nghị')).find((r) => r[0] === 'p2')!;
    // the council now scores it lower: the awarded row must not move
    await recordCouncilScores(store, [CouncilScoreEntry.parse({ responseId: 'p2', member: 'M', memberUnit: 'U', scores: scoresTotalling('individual', 90) })], T2);
    await recompute(store, T2);
    const after = (await rowsOf(path, 'Hồ sơ đề nghị')).find((r) => r[0] === 'p2')!;
    expect(after).toEqual(before);
    expect(after).toContain('Đã khen thưởng');
  });

  test('refuses council scores and reviews for unknown nominations without writing them', async () => {
    const scores = await recordCouncilScores(store, [CouncilScoreEntry.parse({ responseId: 'khong-co', member: 'M', memberUnit: 'U', scores: {} })], T2);
    const reviews = await recordReviews(store, [Review.parse({ responseId: 'khong-co', appraisal: 'eligible' })], 'Thư ký', T2);
    expect([scores, reviews]).toEqual([{ recorded: 0, unknown: ['khong-co'] }, { applied: 0, unknown: ['khong-co'], refused: [] }]);
    expect(await rowsOf(path, 'Điểm Hội đồng')).toHaveLength(1);
  });

  test('imports a dataset once: a second import of the same rows adds nothing', async () => {
    const rows = [{ year: 2023, name: 'Người 0', unit: 'UBND xã Vạn Thắng', award: 'Giấy khen', level: 'commune', mode: 'periodic', decisionNumber: '1/QĐ', decisionDate: '2023-09-15' }];
    expect(await importDataset(store, { id: 'award-history', rows: rows.map((r) => AwardHistoryRow.parse(r)) })).toEqual({ added: 1, skipped: 0 });
    expect(await importDataset(store, { id: 'award-history', rows: rows.map((r) => AwardHistoryRow.parse(r)) })).toEqual({ added: 0, skipped: 1 });
    const { datasets } = await snapshotOf(store);
    expect(datasets.awardHistory?.size).toBe(1);
  });
});

describe('the council records a review', () => {
  test.each([
    ['Cần bổ sung hồ sơ', 'Cần bổ sung hồ sơ'],
    ['Không đủ điều kiện', 'Không đủ điều kiện'],
  ])('refuses an appraisal "%s" without a reason, naming the nomination and nominee, and writes nothing', async (appraisal, label) => {
    // GIVEN a stored nomination
    const path = join(tempDir(), 'hd.xlsx');
    const store = await initCampaign(SqliteStore.forWorkbook(path), vanNinh());
    await intake(store, [{ payload: rawIndividual({ responseId: 'p0', name: 'Người Không Lý Do' }), source: 'test' }], T1);
    // WHEN the council records an appraisal that needs a reason, without one
    const result = await recordReviews(store, [Review.parse({ responseId: 'p0', appraisal })], 'Thư ký Nguyễn A', T2);
    // THEN it is refused, in Vietnamese, and the sheet's appraisal stays empty
    expect(result).toMatchObject({ applied: 0, unknown: [] });
    expect(result.refused).toEqual([{ responseId: 'p0', message: `Hồ sơ "p0" (Người Không Lý Do): kết luận thẩm định "${label}" phải ghi lý do (cột "Lý do"); chưa ghi nhận.` }]);
    const rows = await rowsOf(path, 'Hồ sơ đề nghị');
    expect(rows.flat()).not.toContain(label);
  });

  test('records the same appraisal when it gives its reason', async () => {
    const path = join(tempDir(), 'hd.xlsx');
    const store = await initCampaign(SqliteStore.forWorkbook(path), vanNinh());
    await intake(store, [{ payload: rawIndividual({ responseId: 'p0' }), source: 'test' }], T1);
    const result = await recordReviews(store, [Review.parse({ responseId: 'p0', appraisal: 'Cần bổ sung hồ sơ', reason: 'Thiếu biên bản' })], 'Thư ký', T2);
    expect(result).toEqual({ applied: 1, unknown: [], refused: [] });
  });
});
