import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { StoreError } from '../../shared/store/table-store.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { campaigns, rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { snapshotOf } from '../support/campaign.js';

const NOW = new Date('2024-08-20T02:00:00Z');
const submit = (...payloads: unknown[]) => payloads.map((payload, i) => ({ payload, source: `test#${i + 1}` }));

async function sheetRows(path: string, title: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.getWorksheet(title)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the local workbook store', () => {
  let path: string;
  let store: CampaignRepository;

  beforeEach(async () => {
    path = join(tempDir(), 'van-ninh.xlsx');
    store = await initCampaign(new WorkbookStore(path), vanNinh());
  });

  test('creates the campaign\'s tabs with Vietnamese headers and records the campaign', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    // the sheets a person sees (the hidden "Danh mục" holds dropdown lists with commas, such as the attendance's)
    expect(wb.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name)).toEqual(['Cài đặt', 'Hồ sơ đề nghị', 'Kết quả xét chọn', 'Hồ sơ bị từ chối', 'Điểm Hội đồng', 'Thành phần họp xét', 'Biểu quyết Hội đồng', 'Lịch sử khen thưởng', 'Đăng ký mô hình', 'Nhật ký cuộc thi', 'Tạm chưa xét khen thưởng', 'Nhật ký thay đổi', 'Đơn vị và hạn nộp', 'Câu hỏi biểu mẫu']);
    expect(wb.getWorksheet('Danh mục')!.getColumn(1).values).toContain('Vắng mặt, có phiếu bằng văn bản');
    const headers = (wb.getWorksheet('Hồ sơ đề nghị')!.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 6)).toEqual(['Mã phản hồi', 'Thời điểm nộp', 'Thời điểm tiếp nhận', 'Hình thức khen thưởng', 'Đối tượng', 'Họ và tên / Tên tập thể']);
    expect(headers).toContain('Điểm TC7');
    expect(wb.getWorksheet('Hồ sơ đề nghị')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const reopened = await CampaignRepository.open(new WorkbookStore(path), campaigns);
    expect(reopened.campaign.id).toBe('van-ninh-dan-van-kheo');
  });

  test.each([
    ['Không đủ điều kiện', 'FFF8CBAD'],
    ['Trùng đề nghị', 'FFF8CBAD'],
    ['Chờ Hội đồng quyết định', 'FFFFE699'],
    ['Cần bổ sung hồ sơ', 'FFFFE699'],
    ['Không được Hội đồng thông qua', 'FFF8CBAD'],
    ['Chờ Hội đồng biểu quyết', 'FFFFE699'],
  ])('colours a row whose status is "%s" (%s), read back from the file', async (label, argb) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const formats = (wb.getWorksheet('Hồ sơ đề nghị') as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = formats.flatMap((f) => f.rules) as Array<{ formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }>;
    const rule = rules.find((r) => r.formulae?.[0]?.endsWith(`2="${label}"`));
    expect(rule?.style?.fill?.bgColor?.argb).toBe(argb);
  });

  test('is idempotent to init: a second init keeps the nominations', async () => {
    await intake(store, submit(rawIndividual({ responseId: 'keep-me' })), NOW);
    await initCampaign(new WorkbookStore(path), vanNinh());
    const { nominations } = await snapshotOf(store);
    expect(nominations.map((n) => n.responseId)).toEqual(['keep-me']);
  });

  test('stores a repeated delivery of the same responseId once', async () => {
    const raw = rawIndividual({ responseId: 'once' });
    const first = await intake(store, submit(raw, raw), NOW);
    const second = await intake(store, submit(raw), NOW);
    expect(first.map((o) => o.kind)).toEqual(['accepted', 'duplicate']);
    expect(second.map((o) => o.kind)).toEqual(['duplicate']);
    expect((await sheetRows(path, 'Hồ sơ đề nghị')).filter((r) => r[0] === 'once')).toHaveLength(1);
  });

  test('records a rejected submission with its findings and stores nothing of it as a nomination', async () => {
    const outcomes = await intake(store, submit(rawIndividual({ responseId: 'bad', selfScores: { '1': 'mười lăm' } })), NOW);
    expect(outcomes[0]).toMatchObject({ kind: 'rejected', responseId: 'bad' });
    expect((await snapshotOf(store)).nominations).toEqual([]);
    const rejected = await sheetRows(path, 'Hồ sơ bị từ chối');
    expect(rejected).toHaveLength(2);
    expect(String(rejected[1]![5])).toContain('Điểm tiêu chí 1 phải là một số');
    expect(String(rejected[1]![6])).toContain('SCORE_NOT_NUMBER@selfScores.1');
  });

  test('takes a file\'s nominations one by one: one unit\'s mistake never blocks another\'s', async () => {
    const outcomes = await intake(store, submit(rawIndividual({ responseId: 'a' }), { responseId: 'b' }, rawIndividual({ responseId: 'c' })), NOW);
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'rejected', 'accepted']);
    expect((await snapshotOf(store)).nominations.map((n) => n.responseId)).toEqual(['a', 'c']);
  });

  test('reads back exactly what was stored: Vietnamese text, dates, scores and evidence', async () => {
    const raw = rawIndividual({ responseId: 'rt', name: 'Đặng Thị Thuý', gender: 'nữ', birthDate: '09/03/1985', selfScores: { '1': '13,5', '2': 15, '3': 20, '4': 10, '5': 10, '6': 15, '7': 15 } });
    await intake(store, submit(raw), NOW);
    const [n] = (await snapshotOf(store)).nominations;
    expect(n).toMatchObject({ responseId: 'rt', name: 'Đặng Thị Thuý', gender: 'nữ', birthDate: '1985-03-09', selfScores: { '1': 13.5, '2': 15 } });
    expect(n!.submittedAt.toISOString()).toBe('2024-08-15T02:00:00.000Z');
    expect(n!.evidence['7']).toBe('Minh chứng tiêu chí 7');
  });

  test('keeps a formula-looking name as text', async () => {
    await intake(store, submit(rawIndividual({ responseId: 'f', name: '=HYPERLINK("http://x","bấm")', unit: '+84 Vạn Ninh' })), NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const row = wb.getWorksheet('Hồ sơ đề nghị')!.getRow(2);
    expect(row.getCell(6).value).toBe('=HYPERLINK("http://x","bấm")');
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
  });

  test('recompute writes statuses and the results tab in one save', async () => {
    await intake(store, submit(...[99, 98].map((t, i) => rawIndividual({ responseId: `p${i}` }))), NOW);
    const { decisions } = await recompute(store, NOW);
    expect(decisions.map((d) => d.status)).toEqual(['proposed', 'proposed']);
    const results = await sheetRows(path, 'Kết quả xét chọn');
    expect(results).toHaveLength(3);
    expect(results[1]).toContain('Đề nghị khen thưởng');
  });

  test('reports a score cell edited to a non-number, naming tab, row and column, and overwrites nothing', async () => {
    await intake(store, submit(rawIndividual({ responseId: 'edited' }), rawIndividual({ responseId: 'fine' })), NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Hồ sơ đề nghị')!;
    const col = (ws.getRow(1).values as string[]).indexOf('Thời điểm nộp');
    ws.getRow(2).getCell(col).value = 'hôm qua';
    await wb.xlsx.writeFile(path);
    const { problems, decisions } = await recompute(store, NOW);
    expect(problems).toEqual([expect.stringMatching(/Trang tính "Hồ sơ đề nghị", hàng 2: cột "Thời điểm nộp"/)]);
    expect(decisions.map((d) => d.responseId)).toEqual(['fine']);
    expect((await sheetRows(path, 'Hồ sơ đề nghị'))[1]![1]).toBe('hôm qua');
  });

  test('names the tab when a council member renamed it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('Hồ sơ đề nghị')!.name = 'Hồ sơ cũ';
    await wb.xlsx.writeFile(path);
    await expect(snapshotOf(store)).rejects.toThrow('Không tìm thấy trang tính "Hồ sơ đề nghị"');
  });

  test('names the header when a column was renamed by hand', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('Hồ sơ đề nghị')!.getRow(1).getCell(6).value = 'Tên';
    await wb.xlsx.writeFile(path);
    await expect(snapshotOf(store)).rejects.toThrow('thiếu cột "Họ và tên / Tên tập thể"');
  });

  test('refuses a file that is not a workbook, leaving it as it was', async () => {
    const notWorkbook = join(tempDir(), 'ghi-chu.xlsx');
    writeFileSync(notWorkbook, 'đây không phải sổ Excel');
    await expect(CampaignRepository.open(new WorkbookStore(notWorkbook), campaigns)).rejects.toThrow(StoreError);
    expect(readFileSync(notWorkbook, 'utf8')).toBe('đây không phải sổ Excel');
  });

  test('saves through a temporary file and leaves none behind', async () => {
    await intake(store, submit(rawIndividual()), NOW);
    const dir = join(path, '..');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });

  test('serialises concurrent intakes in one process: no lost update', async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => intake(store, submit(rawIndividual({ responseId: `c${i}` })), NOW)));
    expect((await snapshotOf(store)).nominations.map((n) => n.responseId).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  test('stores one row when the same responseId is delivered twice at once', async () => {
    const raw = rawIndividual({ responseId: 'twice' });
    const outcomes = await Promise.all([intake(store, submit(raw), NOW), intake(store, submit(raw), NOW)]);
    expect(outcomes.flat().map((o) => o.kind).sort()).toEqual(['accepted', 'duplicate']);
    expect((await sheetRows(path, 'Hồ sơ đề nghị')).filter((r) => r[0] === 'twice')).toHaveLength(1);
  });
});

describe('the settings tab', () => {
  test('keeps what the council filled in when init runs again', async () => {
    const path = join(tempDir(), 'settings.xlsx');
    const store = await initCampaign(new WorkbookStore(path), vanNinh());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('Cài đặt')!.addRow(['Số quyết định', '123/QĐ-UBND']);
    wb.getWorksheet('Cài đặt')!.getRow(3).getCell(2).value = 'Tên do Hội đồng sửa';
    await wb.xlsx.writeFile(path);
    await initCampaign(new WorkbookStore(path), vanNinh());
    const settings = await store.settings();
    expect(settings.get('Số quyết định')).toBe('123/QĐ-UBND');
    expect(settings.get('Tên phong trào')).toBe('Tên do Hội đồng sửa');
    expect(settings.get('Mã phong trào')).toBe('van-ninh-dan-van-kheo');
  });
});
