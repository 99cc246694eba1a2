import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { calendarDateOf } from '../../shared/domain/dates.js';
import { parseDocumentSettings } from '../../shared/exports/document-settings.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { importDataset } from '../../shared/jobs/import-dataset.js';
import { intake } from '../../shared/jobs/intake.js';
import { recordReviews } from '../../shared/jobs/record-reviews.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { campaigns, DISTRICT, rawIndividual, tempDir, vanNinh } from '../support/builders.js';

const NOW = new Date('2024-09-20T02:00:00Z');
/** What exceljs gives for a cell Excel shows as 20/09/2024: the wall clock read as UTC. */
const DATE_CELL = new Date(Date.UTC(2024, 8, 20));
const SERIAL_20_09_2024 = 45555;

describe('a date is a date however the spreadsheet holds it', () => {
  test.each([
    ['a date cell (JS Date from exceljs)', DATE_CELL, '2024-09-20'],
    ['a serial number (Excel, Google Sheets)', SERIAL_20_09_2024, '2024-09-20'],
    ['a serial number as text', '45555', '2024-09-20'],
    ['a date cell turned into text', '2024-09-20T00:00:00.000Z', '2024-09-20'],
    ['Vietnamese day/month/year', '20/09/2024', '2024-09-20'],
    ['ISO', '2024-09-20', '2024-09-20'],
    ['day and month without zeros', '5/2/2026', '2026-02-05'],
  ])('reads %s', (_, value, expected) => {
    expect(calendarDateOf(value)).toBe(expected);
  });

  test.each([['31/02/2024'], ['mười lăm'], [-3], [Number.NaN], [new Date(Number.NaN)], [true]])('refuses %j', (value) => {
    expect(calendarDateOf(value)).toBeUndefined();
  });
});

describe('a workbook edited in Excel: date cells and numbers', () => {
  let path: string;
  let repo: CampaignRepository;

  beforeEach(async () => {
    path = join(tempDir(), 'so.xlsx');
    repo = await initCampaign(new WorkbookStore(path), vanNinh());
    await intake(repo, [{ payload: rawIndividual({ responseId: 'a', selfScores: { ...rawIndividual().selfScores as object, '1': '13,5' } }), source: 't#1' }], NOW);
    await importDataset(repo, { id: 'award-history', rows: [{ year: 2023, name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Hưng', award: 'Giấy khen', level: 'commune', mode: 'periodic', decisionNumber: '11/QĐ-UBND', decisionDate: '2023-09-15' }] });
    await importDataset(repo, { id: 'model-registrations', rows: [{ year: 2024, name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Hưng', model: 'Dân vận khéo', registeredAt: '2024-03-01', status: 'registered' }] });
    await importDataset(repo, { id: 'quiz-log', rows: [{ account: 'BS-1', ownerName: 'Hoàng Văn Minh', birthDate: '1985-05-12', district: 'Bắc Sơn', week: 1, result: 'Tốt' }] });
    const refused = await recordReviews(repo, [{ responseId: 'a', decisionNumber: '12/QĐ-UBND', decisionDate: '2024-09-19' }], 'Thư ký', NOW);
    expect(refused.refused).toEqual([]);
  });

  /** Opens the workbook as Excel would, sets cells by header, and saves it. */
  async function editInExcel(edits: Array<{ tab: string; header: string; value: ExcelJS.CellValue; row?: number }>, settings: Record<string, ExcelJS.CellValue> = {}): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    for (const e of edits) {
      const ws = wb.getWorksheet(e.tab)!;
      let col = 0;
      ws.getRow(1).eachCell((cell, n) => {
        if (cell.value === e.header) col = n;
      });
      expect(col, `${e.tab} / ${e.header}`).toBeGreaterThan(0);
      ws.getRow(e.row ?? 2).getCell(col).value = e.value;
    }
    const ws = wb.getWorksheet('Cài đặt')!;
    for (const [key, value] of Object.entries(settings)) ws.addRow([key, value]);
    await wb.xlsx.writeFile(path);
  }

  test('reads a real date cell in every date column: decision date, birth date, dataset dates, "Ngày ký"', async () => {
    await editInExcel(
      [
        { tab: 'Hồ sơ đề nghị', header: 'Ngày quyết định', value: DATE_CELL },
        { tab: 'Hồ sơ đề nghị', header: 'Ngày sinh', value: new Date(Date.UTC(1980, 0, 2)) },
        { tab: 'Lịch sử khen thưởng', header: 'Ngày quyết định', value: new Date(Date.UTC(2023, 8, 16)) },
        { tab: 'Đăng ký mô hình', header: 'Ngày đăng ký', value: new Date(Date.UTC(2024, 2, 2)) },
        { tab: 'Nhật ký cuộc thi', header: 'Ngày sinh', value: SERIAL_20_09_2024 },
      ],
      { 'Ngày ký': DATE_CELL },
    );
    const reread = await CampaignRepository.open(new WorkbookStore(path), campaigns);
    const snap = await reread.read(['nominations', 'awardHistory', 'registrations', 'quizLog', 'settings']);
    expect(snap.problems).toEqual([]);
    const stored = snap.nominations[0]!;
    expect(stored.review?.decisionDate).toBe('2024-09-20');
    expect(stored.nomination.birthDate).toBe('1980-01-02');
    expect(snap.awardHistory[0]!.decisionDate).toBe('2023-09-16');
    expect(snap.registrations[0]!.registeredAt).toBe('2024-03-02');
    expect(snap.quizLog[0]!.birthDate).toBe('2024-09-20');
    expect(parseDocumentSettings(snap.settings, DISTRICT)).toMatchObject({ ok: true, settings: { signedOn: '2024-09-20' } });
  });

  test('a date that cannot be read names the tab, the row and the Vietnamese header, never a field id', async () => {
    await editInExcel([{ tab: 'Hồ sơ đề nghị', header: 'Ngày quyết định', value: '31/02/2024' }]);
    const reread = await CampaignRepository.open(new WorkbookStore(path), campaigns);
    const snap = await reread.read(['nominations']);
    expect(snap.problems).toHaveLength(1);
    expect(snap.problems[0]).toMatch(/^Trang tính "Hồ sơ đề nghị", hàng 2: cột "Ngày quyết định": "31\/02\/2024" không phải ngày hợp lệ/);
    expect(snap.problems[0]).not.toMatch(/decisionDate/);
  });

  test('stores a score typed with the Vietnamese decimal comma as a number', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Hồ sơ đề nghị')!;
    let col = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (cell.value === 'Điểm TC1') col = n;
    });
    expect(ws.getRow(2).getCell(col).value).toBe(13.5);
  });
});
