import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportAwardList } from '../../shared/cli/commands.js';
import { CampaignStore } from '../../shared/store/campaign-store.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { DISTRICT, PROVINCE, rawCollective, rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';

const NOW = new Date('2024-08-30T02:00:00Z');

/** All cell texts of a worksheet, row by row, merged cells read once. */
function texts(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.value !== null && cell.value !== '') cells.push(String(cell.value));
    });
    rows.push(cells);
  });
  return rows;
}

describe('the award list (danh sách)', () => {
  let dir: string;
  let store: CampaignStore;

  beforeAll(async () => {
    dir = tempDir();
    store = await CampaignStore.init(new WorkbookStore(join(dir, 'store.xlsx')), vanNinh());
    const individual = (id: string, name: string, total: number, extra: Record<string, unknown> = {}) =>
      ({ payload: rawIndividual({ responseId: id, name, selfScores: scoresTotalling('individual', total), ...extra }), source: id });
    const collective = (id: string, name: string, total: number) =>
      ({ payload: rawCollective({ responseId: id, name, unit: 'Huyện Vạn Ninh', selfScores: scoresTotalling('collective', total) }), source: id });
    await store.intake([
      collective('c1', 'Hội Nông dân xã Vạn Thắng', 98),
      collective('c2', 'Đoàn Thanh niên thị trấn Vạn Giã', 99),
      collective('c3', 'Chi hội Phụ nữ thôn Xuân Đông', 95),
      collective('c4', 'Hội Cựu chiến binh xã Vạn Bình', 91),
      individual('i1', 'Trần Văn Phúc', 97, { position: 'Trưởng thôn Xuân Tự 1', unit: 'UBND xã Vạn Hưng' }),
      individual('i2', 'Đặng Thị Mai', 99),
      individual('i3', 'Lê Thị Thu Hà', 96),
      individual('i4', 'Ánh Dương', 96),
      individual('i5', 'Phạm Minh Tuấn', 95),
      individual('i6', 'Võ Văn Khánh', 92, { gender: 'nam' }),
      individual('i7', 'Ngô Thị Hồng', 92, { gender: 'nữ' }),
      individual('i8', 'Huỳnh Văn Tài', 91),
      individual('i9', 'Bùi Thị Lan', 98, { selfScores: { ...scoresTotalling('individual', 98), '3': 17 } }),
    ], NOW);
  });

  test('holds exactly the proposed names, in sections I. TẬP THỂ and II. CÁ NHÂN, by rank, numbering restarting per section', async () => {
    const file = await exportAwardList(store, DISTRICT, { out: join(dir, 'huyen.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = texts(wb.getWorksheet('Danh sách')!);
    const body = rows.slice(rows.findIndex((r) => r[0] === 'STT'));
    expect(body.slice(0, 12).map((r) => r.slice(0, 4))).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Điểm'],
      ['I. TẬP THỂ (03 tập thể)'],
      ['1', 'Đoàn Thanh niên thị trấn Vạn Giã', 'Huyện Vạn Ninh', '99'],
      ['2', 'Hội Nông dân xã Vạn Thắng', 'Huyện Vạn Ninh', '98'],
      ['3', 'Chi hội Phụ nữ thôn Xuân Đông', 'Huyện Vạn Ninh', '95'],
      ['II. CÁ NHÂN (05 cá nhân)'],
      ['1', 'Đặng Thị Mai', 'Trưởng thôn, UBND xã Vạn Thắng', '99'],
      ['2', 'Trần Văn Phúc', 'Trưởng thôn Xuân Tự 1, UBND xã Vạn Hưng', '97'],
      ['3', 'Ánh Dương', 'Trưởng thôn, UBND xã Vạn Thắng', '96'],
      ['4', 'Lê Thị Thu Hà', 'Trưởng thôn, UBND xã Vạn Thắng', '96'],
      ['5', 'Phạm Minh Tuấn', 'Trưởng thôn, UBND xã Vạn Thắng', '95'],
      ['Nơi nhận:', 'CHỦ TỊCH'],
    ]);
  });

  test('carries the official header blocks, title and Times New Roman on A4 with print titles', async () => {
    const file = await exportAwardList(store, DISTRICT, { out: join(dir, 'huyen-header.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Danh sách')!;
    const rows = texts(ws);
    expect(rows[0]).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(rows[1]).toEqual(['ỦY BAN NHÂN DÂN\nHUYỆN VẠN NINH', 'Độc lập - Tự do - Hạnh phúc']);
    expect(rows[2]).toEqual(['Số: ……/DS-UBND', 'Vạn Ninh, ngày …… tháng …… năm 2024']);
    expect(rows.flat()).toContain('DANH SÁCH');
    expect(rows.flat()).toContain('Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh');
    expect(rows.flat().some((t) => t.startsWith('(Kèm theo Quyết định số'))).toBe(true);
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(ws.getCell('C3').font).toMatchObject({ italic: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    const headerRow = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'STT')!;
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow.number}:${headerRow.number}`);
  });

  test('the provincial proposal is signed for the committee and attached to a Tờ trình', async () => {
    await store.intake([{ payload: rawIndividual({ responseId: 'p1', name: 'Phan Văn Đức', award: PROVINCE }), source: 'p1' }], NOW);
    const file = await exportAwardList(store, PROVINCE, { out: join(dir, 'tinh.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const flat = texts(wb.getWorksheet('Danh sách')!).flat();
    expect(flat).toContain('II. CÁ NHÂN (01 cá nhân)');
    expect(flat).not.toContain('I. TẬP THỂ (00 tập thể)');
    expect(flat).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(flat.some((t) => t.startsWith('(Kèm theo Tờ trình số'))).toBe(true);
  });

  test('refuses an unknown award, listing the valid ones', async () => {
    await expect(exportAwardList(store, 'bang-khen-thu-tuong', {})).rejects.toThrow(/giay-khen-chu-tich-huyen/);
  });
});
