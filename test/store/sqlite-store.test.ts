import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { importDataset } from '../../shared/jobs/import-dataset.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { readDecisions } from '../../shared/jobs/read-decisions.js';
import { nodeIo } from '../../shared/store/atomic-file.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore, databasePathFor } from '../../shared/store/sqlite-store.js';
import { StoreError } from '../../shared/store/table-store.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { campaigns, rawIndividual, tempDir, vanNinh } from '../support/builders.js';

const NOW = new Date('2024-08-20T02:00:00Z');
const submit = (...payloads: unknown[]) => payloads.map((payload, i) => ({ payload, source: `test#${i + 1}` }));
const NOMINATIONS = 'Hồ sơ đề nghị';

async function book(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A council member editing the workbook by hand and saving it, as Excel would. */
async function editByHand(path: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await book(path);
  change(wb);
  await wb.xlsx.writeFile(path);
}

/** The column number of a header in a tab of the view. */
function col(wb: ExcelJS.Workbook, title: string, header: string): number {
  let found = 0;
  wb.getWorksheet(title)!.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

async function campaignAt(dir = tempDir()) {
  const workbook = join(dir, 'van-ninh.xlsx');
  const repo = await initCampaign(SqliteStore.forWorkbook(workbook), vanNinh());
  return { workbook, repo, dir };
}

describe('the embedded database and the council\'s workbook view', () => {
  test('keeps its database beside the workbook, and the workbook without any dataset tab', async () => {
    const { workbook, repo } = await campaignAt();
    await importDataset(repo, { id: 'quiz-log', rows: [{ account: 'VN-1', ownerName: 'Lê Thị Hoa', district: 'Vạn Ninh', week: 1, result: 'Được công nhận' as const }] });
    expect(existsSync(databasePathFor(workbook))).toBe(true);
    expect(databasePathFor(workbook)).toBe(workbook.replace(/\.xlsx$/, '.thidua.sqlite'));
    const view = await book(workbook);
    // the sheets a person sees: the hidden "Danh mục" holds dropdown lists with commas, such as the attendance's
    expect(view.getWorksheet('Danh mục')!.state).toBe('veryHidden');
    expect(view.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name)).toEqual(['Cài đặt', NOMINATIONS, 'Kết quả xét chọn', 'Hồ sơ bị từ chối', 'Điểm Hội đồng', 'Thành phần họp xét', 'Biểu quyết Hội đồng', 'Nhật ký thay đổi', 'Đơn vị và hạn nộp', 'Câu hỏi biểu mẫu']);
    expect((await repo.read(['quizLog'])).quizLog).toHaveLength(1);
  });

  test('takes a hand edit of a computed cell in, and the next recompute records it in the audit, attributed to the row\'s editor', async () => {
    const { workbook, repo } = await campaignAt();
    await intake(repo, submit(rawIndividual({ responseId: 'r1' })), NOW);
    await recompute(repo, NOW);
    await editByHand(workbook, (wb) => {
      const ws = wb.getWorksheet(NOMINATIONS)!;
      ws.getRow(2).getCell(col(wb, NOMINATIONS, 'Trạng thái')).value = 'Không đủ điều kiện';
      ws.getRow(2).getCell(col(wb, NOMINATIONS, 'Người cập nhật')).value = 'Chị Lan';
    });
    const again = await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns);
    const { handEdits } = await recompute(again, NOW);
    expect(handEdits).toMatchObject([{ responseId: 'r1', column: 'Trạng thái', new: 'Không đủ điều kiện', by: 'Chị Lan' }]);
    const audit = (await again.read(['audit'])).audit;
    expect(audit.some((e) => e.by.startsWith('Chị Lan') && e.new === 'Không đủ điều kiện')).toBe(true);
  });

  test('takes rows added and deleted by hand in', async () => {
    const { workbook, repo } = await campaignAt();
    await intake(repo, submit(rawIndividual({ responseId: 'r1' }), rawIndividual({ responseId: 'r2', name: 'Trần Văn Bình' })), NOW);
    await editByHand(workbook, (wb) => {
      wb.getWorksheet(NOMINATIONS)!.spliceRows(2, 1);
      const units = wb.getWorksheet('Cài đặt')!;
      units.addRow(['Người ký', 'Nguyễn Văn An']);
    });
    const settings = await repo.settings();
    expect(settings.get('Người ký')).toBe('Nguyễn Văn An');
    expect((await repo.read(['nominations'])).nominations.map((s) => s.nomination.responseId)).toEqual(['r2']);
  });

  test('reports a hand edit saved over a newer command\'s change of the same cell, keeps the command\'s value, and loses neither row', async () => {
    const { workbook, repo } = await campaignAt();
    await intake(repo, submit(rawIndividual({ responseId: 'r1' })), NOW);
    // GIVEN a council member opens the workbook …
    const opened = await book(workbook);
    // … WHILE a command changes the same row and adds another
    await recompute(repo, NOW);
    await intake(repo, submit(rawIndividual({ responseId: 'r2', name: 'Trần Văn Bình' })), NOW);
    const status = col(opened, NOMINATIONS, 'Trạng thái');
    const computed = (await book(workbook)).getWorksheet(NOMINATIONS)!.getRow(2).getCell(status).value;
    // WHEN the member's copy, with a hand edit of that cell, is saved over the newer workbook
    opened.getWorksheet(NOMINATIONS)!.getRow(2).getCell(status).value = 'Không đủ điều kiện';
    await opened.xlsx.writeFile(workbook);
    const warnings: string[] = [];
    const store = SqliteStore.forWorkbook(workbook, { onWarning: (m) => warnings.push(m) });
    const rows = (await store.readTabs([repo.tab('nominations')])).get('nominations')!;
    // THEN the conflict is reported, the command's value kept, and the row added meanwhile is still there
    expect(warnings.join('\n')).toMatch(/hàng 2, cột "Trạng thái".*Không đủ điều kiện/s);
    expect(rows.map((r) => [r.responseId, r.status])).toEqual([
      ['r1', computed],
      ['r2', expect.any(String)],
    ]);
  });

  test('imports a workbook-only campaign the first time, datasets included, and then writes the workbook without them', async () => {
    const workbook = join(tempDir(), 'cu.xlsx');
    const old = await initCampaign(new WorkbookStore(workbook), vanNinh());
    await intake(old, submit(rawIndividual({ responseId: 'old-1' })), NOW);
    await importDataset(old, { id: 'award-history', rows: [{ year: 2023, name: 'Lê Thị Hoa', unit: 'UBND xã Vạn Thắng', award: 'Giấy khen', level: 'commune', mode: 'periodic', decisionNumber: '12/QĐ-UBND', decisionDate: '2023-09-15' }] });
    const repo = await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns);
    const snap = await repo.read(['nominations', 'awardHistory']);
    expect(snap.nominations.map((s) => s.nomination.responseId)).toEqual(['old-1']);
    expect(snap.awardHistory.map((h) => h.decisionNumber)).toEqual(['12/QĐ-UBND']);
    await intake(repo, submit(rawIndividual({ responseId: 'new-1', name: 'Trần Văn Bình' })), NOW);
    const wb = await book(workbook);
    expect(wb.getWorksheet('Lịch sử khen thưởng')).toBeUndefined();
    expect(wb.getWorksheet(NOMINATIONS)!.rowCount).toBe(3);
    expect((await repo.read(['awardHistory'])).awardHistory).toHaveLength(1);
  });

  test('keeps the workbook\'s mode: a 0600 workbook stays 0600', async () => {
    const { workbook, repo } = await campaignAt();
    chmodSync(workbook, 0o600);
    await intake(repo, submit(rawIndividual({ responseId: 'r1' })), NOW);
    expect(statSync(workbook).mode & 0o777).toBe(0o600);
  });

  test('a save that fails at the rename (a full disk) leaves no temporary file, the old workbook, and nothing stored', async () => {
    const { workbook, dir } = await campaignAt();
    const failing = SqliteStore.forWorkbook(join(dir, 'van-ninh.xlsx'), { io: { ...nodeIo, rename: async () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })) } });
    const before = await fs.readFile(workbook);
    const repo = CampaignRepository.forCampaign(failing, vanNinh());
    const error = await intake(repo, submit(rawIndividual({ responseId: 'r1' })), NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain('ENOSPC');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await fs.readFile(workbook)).equals(before)).toBe(true);
    const fresh = CampaignRepository.forCampaign(SqliteStore.forWorkbook(workbook), vanNinh());
    expect((await fresh.read(['nominations'])).nominations).toEqual([]);
  });

  test('a save into a directory made read-only fails with a message and leaves no temporary file', async () => {
    const { workbook, dir, repo } = await campaignAt();
    // the database stays writable (its own directory): only the view's directory is locked
    chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() === 0) return; // root writes anywhere: the injected failure above covers this case
      const error = await intake(repo, submit(rawIndividual({ responseId: 'r1' })), NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(workbook)).toBe(true);
  });

  test('reads only the quiz-log rows the nominations join, and decides as on the whole log', async () => {
    const { workbook, repo } = await campaignAt();
    await intake(repo, submit(rawIndividual({ responseId: 'r1', quizAccount: 'VN-1' })), NOW);
    const rows = [
      { account: 'VN-1', ownerName: 'Lê Thị Hoa', district: 'Vạn Ninh', week: 1, result: 'Được công nhận' as const },
      { account: 'VN-2', ownerName: 'Recruit', district: 'Vạn Ninh', referredBy: 'vn-1', week: 1, result: 'Được công nhận' as const },
      { account: 'VN-2', ownerName: 'Recruit', district: 'Vạn Ninh', week: 2, result: 'Được công nhận' as const },
      ...Array.from({ length: 50 }, (_, i) => ({ account: `OTHER-${i}`, ownerName: 'Người khác', district: 'Vạn Ninh', week: 1, result: 'Được công nhận' as const })),
    ];
    await importDataset(repo, { id: 'quiz-log', rows });
    const joined = await repo.read(['nominations', 'quizLog']);
    expect(joined.quizLog.map((q) => `${q.account}/${q.week}`)).toEqual(['VN-1/1', 'VN-2/1', 'VN-2/2']);
    expect(joined.quizLogTotal).toBe(53);
    const whole = CampaignRepository.forCampaign(new WorkbookStore(join(tempDir(), 'tham-chieu.xlsx')), vanNinh());
    await initCampaign((whole as unknown as { tables: WorkbookStore }).tables, vanNinh());
    await intake(whole, submit(rawIndividual({ responseId: 'r1', quizAccount: 'VN-1' })), NOW);
    await importDataset(whole, { id: 'quiz-log', rows });
    expect((await readDecisions(repo)).decisions).toEqual((await readDecisions(whole)).decisions);
    expect(workbook).toBeTruthy();
  });

  test('an import run twice adds nothing the second time', async () => {
    const { repo } = await campaignAt();
    const rows = [{ account: 'VN-1', ownerName: 'Lê Thị Hoa', district: 'Vạn Ninh', week: 1, result: 'Được công nhận' as const }];
    expect(await importDataset(repo, { id: 'quiz-log', rows })).toEqual({ added: 1, skipped: 0 });
    expect(await importDataset(repo, { id: 'quiz-log', rows })).toEqual({ added: 0, skipped: 1 });
  });
});
