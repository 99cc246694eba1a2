import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportAwardListFile as exportAwardList } from '../../shared/cli/document-commands.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { DISTRICT, PROVINCE, rawCollective, rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';
import { cellText, readBack, rowStarting, textCells, texts } from './read-back.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';

const NOW = new Date('2024-08-30T02:00:00Z');
const mm = (inches: number | undefined) => Math.round((inches ?? 0) * 25.4);

describe('the award list (danh sách)', () => {
  let dir: string;
  let store: CampaignRepository;
  let tables: SqliteStore;

  beforeAll(async () => {
    dir = tempDir();
    tables = SqliteStore.forWorkbook(join(dir, 'store.xlsx'));
    store = await initCampaign(tables, vanNinh());
    const individual = (id: string, name: string, total: number, extra: Record<string, unknown> = {}) =>
      ({ payload: rawIndividual({ responseId: id, name, selfScores: scoresTotalling('individual', total), ...extra }), source: id });
    const collective = (id: string, name: string, total: number) =>
      ({ payload: rawCollective({ responseId: id, name, unit: 'Huyện Vạn Ninh', selfScores: scoresTotalling('collective', total) }), source: id });
    await intake(store, [
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

  const sheetOf = async (file: string) => (await readBack(file)).getWorksheet('Danh sách')!;

  test('holds exactly the proposed names, in sections I. TẬP THỂ (03 tập thể) and II. CÁ NHÂN (05 cá nhân), by rank, numbering restarting per section', async () => {
    const ws = await sheetOf(await exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'huyen.xlsx') }));
    const rows = texts(ws);
    const body = rows.slice(rows.findIndex((r) => r[0] === 'STT'));
    expect(body).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Ghi chú'],
      ['I. TẬP THỂ (03 tập thể)'],
      ['1', 'Đoàn Thanh niên thị trấn Vạn Giã', 'Huyện Vạn Ninh'],
      ['2', 'Hội Nông dân xã Vạn Thắng', 'Huyện Vạn Ninh'],
      ['3', 'Chi hội Phụ nữ thôn Xuân Đông', 'Huyện Vạn Ninh'],
      ['II. CÁ NHÂN (05 cá nhân)'],
      ['1', 'Đặng Thị Mai', 'Trưởng thôn, UBND xã Vạn Thắng'],
      ['2', 'Trần Văn Phúc', 'Trưởng thôn Xuân Tự 1, UBND xã Vạn Hưng'],
      ['3', 'Ánh Dương', 'Trưởng thôn, UBND xã Vạn Thắng'],
      ['4', 'Lê Thị Thu Hà', 'Trưởng thôn, UBND xã Vạn Thắng'],
      ['5', 'Phạm Minh Tuấn', 'Trưởng thôn, UBND xã Vạn Thắng'],
    ]);
  });

  test('is laid out as an attachment of NĐ 30/2020: the issuing body top left, the title block, the reference line, dotted blanks where nothing is configured', async () => {
    const ws = await sheetOf(await exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'huyen-header.xlsx') }));
    const rows = texts(ws);
    expect(rows.slice(0, 5)).toEqual([
      ['ỦY BAN NHÂN DÂN\nHUYỆN VẠN NINH'],
      ['DANH SÁCH'],
      ['Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh năm 2024'],
      ['(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm 2024 của Chủ tịch UBND huyện Vạn Ninh)'],
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Ghi chú'],
    ]);
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(ws.getCell('A1').isMerged && ws.getCell('B1').master.address).toBe('A1');
    const reference = rowStarting(ws, '(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm 2024 của Chủ tịch UBND huyện Vạn Ninh)');
    expect(reference.getCell(1).font).toMatchObject({ italic: true, size: 14 });
    // the decision carries these; its attachment does not repeat them
    const flat = rows.flat().join('\n');
    for (const absent of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số:', 'Nơi nhận', 'CHỦ TỊCH\n', 'Lưu: VT']) expect(flat).not.toContain(absent);
  });

  test('draws a short centred rule under the issuing body and under the reference line, each right below its text', async () => {
    const ws = await sheetOf(await exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'huyen-rules.xlsx') }));
    const rules = ws.getRows(1, 12)!.map((row) => row.getCell(1)).filter((c) => c.master === c && /^\u00a0+$/.test(cellText(c)));
    expect(rules).toHaveLength(2);
    const above = rules.map((c) => cellText(ws.getCell(Number(c.row) - 1, 1)));
    expect(above).toEqual(['ỦY BAN NHÂN DÂN\nHUYỆN VẠN NINH', '(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm 2024 của Chủ tịch UBND huyện Vạn Ninh)']);
    for (const rule of rules) {
      expect(rule.font).toMatchObject({ underline: true });
      expect(rule.alignment).toMatchObject({ horizontal: 'center', vertical: 'bottom' });
    }
    const ruleRows = rules.map((c) => ws.model.merges.find((m) => m.startsWith(c.address))!);
    for (const range of ruleRows) {
      const [from, to] = range.split(':').map((a) => Number(a.replace(/[A-Z]+/, ''))) as [number, number];
      let height = 0;
      for (let r = from; r <= to; r++) height += ws.getRow(r).height ?? 0;
      expect(height).toBeLessThanOrEqual(8);
    }
  });

  test('is set up for A4 in Times New Roman 11–14, the decree margins, one page wide, table header repeated, page numbers from page 2', async () => {
    const ws = await sheetOf(await exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'huyen-print.xlsx') }));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const m = ws.pageSetup.margins!;
    expect([mm(m.top), mm(m.bottom), mm(m.left), mm(m.right)]).toEqual([20, 20, 30, 15]);
    const headerRow = rowStarting(ws, 'STT');
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow.number}:${headerRow.number}`);
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: expect.stringContaining('&P') });
    expect(ws.headerFooter.firstHeader ?? '').not.toContain('&P');
    for (const cell of textCells(ws)) {
      expect(cell.font?.name, cell.address).toBe('Times New Roman');
      expect(cell.font?.size, cell.address).toBeGreaterThanOrEqual(11);
      expect(cell.font?.size, cell.address).toBeLessThanOrEqual(14);
    }
  });

  test('merges each section heading across the table and grows a row with its wrapped text', async () => {
    const ws = await sheetOf(await exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'huyen-rows.xlsx') }));
    const section = rowStarting(ws, 'I. TẬP THỂ (03 tập thể)');
    expect(ws.getCell(section.number, 4).master.address).toBe(`A${section.number}`);
    const entries = ws.getRows(section.number + 1, 11)!.filter((r) => typeof r.getCell(1).value === 'number');
    const height = (name: string) => entries.find((r) => cellText(r.getCell(2)) === name)!.height;
    expect(height('Hội Nông dân xã Vạn Thắng')).toBeGreaterThanOrEqual(20); // one line of 13 pt
    expect(height('Chi hội Phụ nữ thôn Xuân Đông')).toBeGreaterThanOrEqual(20);
    expect(height('Đoàn Thanh niên thị trấn Vạn Giã')).toBeGreaterThan(height('Hội Nông dân xã Vạn Thắng')); // wraps to two lines
    for (const row of entries) {
      expect(row.getCell(2).alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
      expect(row.getCell(1).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    }
  });

  test('the provincial proposal is attached to a Tờ trình, in landscape with points, the award proposed and the earlier award', async () => {
    await intake(store, [{ payload: rawIndividual({ responseId: 'p1', name: 'Phan Văn Đức', award: PROVINCE }), source: 'p1' }], NOW);
    const ws = await sheetOf(await exportAwardList(store, PROVINCE, { now: NOW, out: join(dir, 'tinh.xlsx') }));
    const rows = texts(ws);
    const flat = rows.flat();
    expect(flat).toContain('II. CÁ NHÂN (01 cá nhân)');
    expect(flat).not.toContain('I. TẬP THỂ (00 tập thể)');
    expect(flat.some((t) => t.startsWith('(Kèm theo Tờ trình số ……/TTr-UBND ngày …… tháng …… năm 2024 của Ủy ban nhân dân huyện Vạn Ninh)'))).toBe(true);
    expect(rows.find((r) => r[0] === 'STT')).toEqual(['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Tổng điểm', 'Hình thức khen thưởng đề nghị', 'Khen thưởng đã đạt (số, ngày quyết định)', 'Ghi chú']);
    expect(rows.find((r) => r[1] === 'Phan Văn Đức')).toEqual(['1', 'Phan Văn Đức', 'Trưởng thôn, UBND xã Vạn Thắng', '100', 'Bằng khen của Chủ tịch UBND tỉnh', '……']);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  test('the decision variant of a proposal drops the points and is attached to the decision', async () => {
    const ws = await sheetOf(await exportAwardList(store, PROVINCE, { now: NOW, out: join(dir, 'tinh-qd.xlsx'), variant: 'decision' }));
    const rows = texts(ws);
    expect(rows.find((r) => r[0] === 'STT')).toEqual(['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị công tác', 'Ghi chú']);
    expect(rows.flat().some((t) => t.startsWith('(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm 2024 của Chủ tịch UBND tỉnh Khánh Hòa)'))).toBe(true);
    expect(ws.pageSetup.orientation).toBe('portrait');
  });

  test('fills the number and date of the document it goes with, and "Phụ lục II" when numbered, from the settings tab', async () => {
    const settings = store.tab('settings');
    await tables.write([{ tab: settings, append: [
      { key: 'Số văn bản', value: '125' },
      { key: 'Ngày ký', value: '5/2/2024' },
      { key: 'Số phụ lục (giay-khen-chu-tich-huyen)', value: '2' },
      { key: 'Số văn bản (bang-khen-chu-tich-tinh)', value: '88/TTr-UBND' },
    ] }]);
    try {
      const rows = texts(await sheetOf(await exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'huyen-settings.xlsx') })));
      expect(rows.slice(1, 5).flat()).toEqual([
        'Phụ lục II',
        'DANH SÁCH',
        'Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh năm 2024',
        '(Kèm theo Quyết định số 125/QĐ-UBND ngày 05 tháng 02 năm 2024 của Chủ tịch UBND huyện Vạn Ninh)',
      ]);
      const province = texts(await sheetOf(await exportAwardList(store, PROVINCE, { now: NOW, out: join(dir, 'tinh-settings.xlsx') }))).flat();
      expect(province).toContain('(Kèm theo Tờ trình số 88/TTr-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân huyện Vạn Ninh)');
      expect(province).not.toContain('Phụ lục II');
    } finally {
      const kept = [...(await store.settings())].filter(([key]) => ['Mã phong trào', 'Tên phong trào', 'Cơ quan ban hành', 'Thời gian'].includes(key));
      await tables.write([{ tab: settings, replaceAll: kept.map(([key, value]) => ({ key, value })) }]);
    }
  });

  test('refuses a settings tab whose signing date is not a date, naming the key', async () => {
    const settings = store.tab('settings');
    const before = [...(await store.settings())].map(([key, value]) => ({ key, value }));
    await tables.write([{ tab: settings, append: [{ key: 'Ngày ký', value: '31/02/2024' }] }]);
    try {
      await expect(exportAwardList(store, DISTRICT, { now: NOW, out: join(dir, 'x.xlsx') })).rejects.toThrow(/Ngày ký.*31\/02\/2024/);
    } finally {
      await tables.write([{ tab: settings, replaceAll: before }]);
    }
  });

  test('refuses an unknown award, listing the valid ones', async () => {
    await expect(exportAwardList(store, 'bang-khen-thu-tuong', { now: NOW })).rejects.toThrow(/giay-khen-chu-tich-huyen/);
  });
});
