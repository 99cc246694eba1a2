import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportCampaignReportFile as exportCampaignReport } from '../../shared/cli/document-commands.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { DISTRICT, rawCollective, rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';
import { cellText, readBack, texts } from './read-back.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';

const NOW = new Date('2024-09-20T02:00:00Z');

describe('the campaign report', () => {
  let file: string;

  beforeAll(async () => {
    const dir = tempDir();
    const store = await initCampaign(SqliteStore.forWorkbook(join(dir, 'store.xlsx')), vanNinh());
    const person = (id: string, name: string, unit: string, total: number, submittedAt = '2024-08-15T09:00:00+07:00') =>
      ({ payload: rawIndividual({ responseId: id, name, unit, submittedAt, selfScores: scoresTotalling('individual', total) }), source: id });
    await intake(store, [
      person('p1', 'Nguyễn Thị Hồng Nhung', 'UBND xã Vạn Thạnh', 99),
      person('p2', 'Lê Thị Thu Hà', 'UBND xã Vạn Thạnh', 97),
      person('p3', 'Phạm Minh Tuấn', 'Công an xã Vạn Khánh', 96),
      person('p4', 'Trần Văn Phúc', 'UBND xã Vạn Hưng', 95),
      person('p5', 'Đặng Thị Mai', 'Hội Nông dân xã Vạn Bình', 94),
      person('p6', 'Võ Văn Khánh', 'UBND thị trấn Vạn Giã', 93),
      person('p7', 'Huỳnh Văn Tài', 'UBND xã Vạn Hưng', 98, '2024-09-01T08:30:00+07:00'),
      { payload: rawCollective({ responseId: 'c1', name: 'Hội Nông dân xã Vạn Thắng', unit: 'Hội Nông dân huyện Vạn Ninh' }), source: 'c1' },
    ], NOW);
    file = await exportCampaignReport(store, { out: join(dir, 'bao-cao.xlsx'), now: NOW });
  });

  test('counts nominations by kind, status, award and unit, with how many are proposed', async () => {
    const ws = (await readBack(file)).getWorksheet('Tổng hợp')!;
    const rows = texts(ws);
    expect(rows.slice(0, 3)).toEqual([['BÁO CÁO TỔNG HỢP PHONG TRÀO THI ĐUA'], [vanNinh().title], ['(Số liệu tính đến ngày 20 tháng 9 năm 2024)']]);
    const after = (heading: string, n: number) => rows.slice(rows.findIndex((r) => r[0] === heading) + 1, rows.findIndex((r) => r[0] === heading) + 1 + n);
    expect(after('1. Theo đối tượng', 4)).toEqual([['Đối tượng', 'Số hồ sơ', 'Được đề nghị khen thưởng'], ['Tập thể', '1', '1'], ['Cá nhân', '7', '5'], ['Tổng cộng', '8', '6']]);
    expect(after('2. Theo trạng thái', 5)).toEqual([['Trạng thái', 'Số hồ sơ', 'Được đề nghị khen thưởng'], ['Không đủ điều kiện', '1', '0'], ['Đề nghị khen thưởng', '6', '6'], ['Ngoài chỉ tiêu', '1', '0'], ['Tổng cộng', '8', '6']]);
    expect(after('3. Theo hình thức khen thưởng', 3)).toEqual([['Hình thức khen thưởng', 'Số hồ sơ', 'Được đề nghị khen thưởng'], ['Giấy khen của Chủ tịch UBND huyện', '8', '6'], ['Tổng cộng', '8', '6']]);
    expect(after('4. Theo đơn vị', 3)).toEqual([['Đơn vị', 'Số hồ sơ', 'Được đề nghị khen thưởng'], ['Công an xã Vạn Khánh', '1', '1'], ['Hội Nông dân huyện Vạn Ninh', '1', '1']]);
  });

  test('lists who submitted after each deadline, from 00:00 Vietnam time of the day', async () => {
    const rows = texts((await readBack(file)).getWorksheet('Nộp muộn')!);
    expect(rows).toEqual([
      ['HỒ SƠ NỘP SAU HẠN'],
      ['Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng: hạn trước ngày 01 tháng 9 năm 2024 (1 hồ sơ nộp sau hạn)'],
      ['STT', 'Mã hồ sơ', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Thời điểm nộp', 'Số ngày muộn'],
      ['1', 'p7', 'Huỳnh Văn Tài', 'UBND xã Vạn Hưng', '08 giờ 30 ngày 01/9/2024', '1'],
    ]);
  });

  test('ranks each award with the quota line drawn between those on the list and the rest', async () => {
    const ws = (await readBack(file)).getWorksheet('Xếp hạng')!;
    const rows = texts(ws);
    const start = rows.findIndex((r) => r[0] === 'Giấy khen của Chủ tịch UBND huyện — Cá nhân — năm 2024 (chỉ tiêu 05 cá nhân)');
    expect(rows.slice(start + 1, start + 10)).toEqual([
      ['Hạng', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Điểm', 'Trạng thái'],
      ['1', 'Nguyễn Thị Hồng Nhung', 'UBND xã Vạn Thạnh', '99', 'Đề nghị khen thưởng'],
      ['2', 'Lê Thị Thu Hà', 'UBND xã Vạn Thạnh', '97', 'Đề nghị khen thưởng'],
      ['3', 'Phạm Minh Tuấn', 'Công an xã Vạn Khánh', '96', 'Đề nghị khen thưởng'],
      ['4', 'Trần Văn Phúc', 'UBND xã Vạn Hưng', '95', 'Đề nghị khen thưởng'],
      ['5', 'Đặng Thị Mai', 'Hội Nông dân xã Vạn Bình', '94', 'Đề nghị khen thưởng'],
      ['▲ Trong danh sách đề nghị: 5/5 — ranh giới chỉ tiêu — ngoài danh sách ▼'],
      ['6', 'Võ Văn Khánh', 'UBND thị trấn Vạn Giã', '93', 'Ngoài chỉ tiêu'],
      ['—', 'Huỳnh Văn Tài', 'UBND xã Vạn Hưng', '98', 'Không đủ điều kiện'],
    ]);
    const line = ws.getRows(1, ws.rowCount)!.find((r) => cellText(r.getCell(1)).startsWith('▲'))!;
    expect(line.getCell(1).border.top).toMatchObject({ style: 'medium' });
    expect(ws.getCell(line.number, 5).master.address).toBe(`A${line.number}`);
  });

  test('charts the average score per unit as a PNG beside the cells that name the units, one row per bar', async () => {
    const wb = await readBack(file);
    const ws = wb.getWorksheet('Biểu đồ')!;
    const rows = texts(ws);
    expect(rows[1]).toEqual(['Đơn vị', 'Số hồ sơ', 'Điểm bình quân', '0', '20', '40', '60', '80', '100']);
    expect(rows.slice(2, 5)).toEqual([['Hội Nông dân huyện Vạn Ninh', '1', '100'], ['UBND xã Vạn Thạnh', '2', '98'], ['UBND xã Vạn Hưng', '2', '96.5']]);
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    const { tl, br } = images[0]!.range;
    expect([tl.nativeCol, tl.nativeRow, br.nativeCol, br.nativeRow]).toEqual([3, 2, 8, 8]); // D3 to H8: six units, columns 0…100
    const media = wb.getImage(Number(images[0]!.imageId));
    expect(media.extension).toBe('png');
    expect([...(media.buffer as unknown as Buffer).subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });
});
