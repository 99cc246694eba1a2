import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoCommand } from '../../shared/cli/demo.js';
import { campaigns, tempDir } from '../support/builders.js';
import { readBack, texts } from '../exports/read-back.js';

/** `npm run demo` includes the runs after the reform of 1 July 2025: read back what they print. */
describe('the demo after the reform of 1 July 2025', () => {
  let outDir: string;
  let stdout = '';
  beforeAll(async () => {
    outDir = tempDir();
    const io = { stdout: { write: (t: string) => ((stdout += t), true) }, stderr: { write: () => true } };
    expect(await demoCommand({ io, now: () => new Date('2026-03-02T02:00:00Z'), campaigns }, { outDir, campaigns: ['tt-bac-son-80-nam-tong-tuyen-cu', 'van-ninh-dan-van-kheo'] })).toBe(0);
  }, 60_000);

  const lines = async (run: string, award: string) => texts((await readBack(join(outDir, run, `${award}.xlsx`))).getWorksheet('Danh sách')!).flat();

  test('TT Bắc Sơn reviewed in 2026: the Bằng khen list is headed by the province and the successor commune', async () => {
    const printed = await lines('tt-bac-son-80-nam-tong-tuyen-cu', 'bang-khen-chu-tich-tinh');
    expect(printed).toEqual(expect.arrayContaining(['UBND TỈNH LẠNG SƠN', 'ỦY BAN NHÂN DÂN\nXÃ BẮC SƠN']));
    expect(printed.filter((l) => /HUYỆN BẮC SƠN|THỊ TRẤN/.test(l))).toEqual([]);
  });

  test('TT Bắc Sơn: the successor award lists the nomination of August 2025 and the decision of 20/8/2025', async () => {
    const printed = await lines('tt-bac-son-80-nam-tong-tuyen-cu', 'giay-khen-chu-tich-xa');
    expect(printed).toEqual(expect.arrayContaining(['Văn phòng - Thống kê thị trấn', 'Mai Văn Quyết']));
    expect(printed.some((l) => l.includes('của Chủ tịch Ủy ban nhân dân xã Bắc Sơn)'))).toBe(true);
  });

  test('Vạn Ninh 2025: the decision of 15/9/2025 and the nomination of August 2025 go to the commune chairman’s Giấy khen, headed by the province', async () => {
    const printed = await lines('van-ninh-dan-van-kheo-2025', 'giay-khen-chu-tich-xa');
    expect(printed).toEqual(expect.arrayContaining(['UBND TỈNH KHÁNH HÒA', 'ỦY BAN NHÂN DÂN\nXÃ VẠN NINH', 'Hội Nông dân xã Vạn Thắng', 'Nguyễn Thị Hồng Nhung']));
    expect(stdout).toMatch(/chưa xuất giay-khen-chu-tich-huyen: .*"Chủ tịch UBND huyện Vạn Ninh" không còn từ ngày 01\/7\/2025/);
  });

  test('Vạn Ninh 2025: the Bằng khen proposal counts only recognitions decided before it, and not a department’s Giấy khen', async () => {
    const printed = await lines('van-ninh-dan-van-kheo-2025', 'bang-khen-chu-tich-tinh');
    expect(printed).toContain('Trương Thị Ngọc Ánh');
    expect(printed).not.toContain('Lương Thị Kim Oanh');
    expect(printed).not.toContain('Hội Liên hiệp Phụ nữ xã Vạn Long');
  });
});
