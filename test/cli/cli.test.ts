import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { demoCommand } from '../../shared/cli/demo.js';
import { campaigns, rawIndividual, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-08-20T02:00:00Z');

describe('thidua', () => {
  let dir: string;
  let store: string;
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeEach(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    expect((await thidua('init', 'van-ninh-dan-van-kheo', '--store', store)).code).toBe(0);
  });

  test('takes in a file of nominations, reporting each outcome, and exits 1 when any was rejected', async () => {
    const result = await thidua('intake', file('ds.json', [rawIndividual({ responseId: 'ok-1' }), { responseId: 'bad-1', kind: 'individual' }]), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✔ ok-1');
    expect(result.stdout).toContain('✘ bad-1: bị từ chối');
    expect(result.stdout).toContain('Thiếu trường bắt buộc "Họ và tên / Tên tập thể".\n');
    expect(result.stdout).toContain('Tiếp nhận 1, đã có từ trước 0, bị từ chối 1 (tổng 2).');
  });

  test('exits 0 when everything was taken in, and a repeated file changes nothing', async () => {
    const path = file('one.json', rawIndividual({ responseId: 'solo' }));
    expect((await thidua('intake', path, '--store', store)).code).toBe(0);
    const before = readFileSync(store);
    const again = await thidua('intake', path, '--store', store);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('↺ solo: đã tiếp nhận trước đó, không thay đổi gì');
    expect(readFileSync(store).equals(before)).toBe(true);
  });

  test.each([
    ['malformed JSON', '{ "responseId": ', /không phải JSON hợp lệ/],
    ['a missing file', undefined, /Không tìm thấy tệp ".*khong-co\.json". Hãy kiểm tra tên tệp/],
  ])('reports %s with exit 1 and leaves the workbook untouched', async (_label, content, message) => {
    const before = readFileSync(store);
    const path = content === undefined ? join(dir, 'khong-co.json') : file('bad.json', content);
    const result = await thidua('intake', path, '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(store).equals(before)).toBe(true);
  });

  test('refuses a store file that is not a workbook with exit 1', async () => {
    const result = await thidua('intake', file('x.json', rawIndividual()), '--store', file('fake.xlsx', 'not a workbook'));
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain('không phải là sổ Excel');
  });

  test('refuses an unknown award on export with exit 1', async () => {
    await thidua('intake', file('x.json', rawIndividual()), '--store', store);
    const result = await thidua('export', 'bang-khen-thu-tuong', '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Phong trào không có hình thức khen thưởng "bang-khen-thu-tuong"');
  });

  test.each([
    [['khong-co-lenh'], /Không có lệnh "khong-co-lenh"/],
    [['init'], /cần mã phong trào/],
    [['init', 'khong-co'], /Không có phong trào mã "khong-co"/],
    [['intake', 'a.json', '--bogus'], /Không có tùy chọn "--bogus"/],
    [['export', 'x', '--year', 'năm ngoái'], /--year phải là năm/],
  ])('explains misuse %j with exit 1', async (argv, message) => {
    const result = await thidua(...argv);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  test('scores and exports through the commands, end to end', async () => {
    await thidua('intake', file('x.json', [rawIndividual({ responseId: 'a', name: 'Lê Văn A' }), rawIndividual({ responseId: 'b', name: 'Trần Thị B' })]), '--store', store);
    const scored = await thidua('score', '--store', store);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/Giấy khen của Chủ tịch UBND huyện\s+Cá nhân\s+5\s+2\s+2/);
    const out = join(dir, 'ds.xlsx');
    const exported = await thidua('export', 'giay-khen-chu-tich-huyen', '--store', store, '--out', out);
    expect(exported).toMatchObject({ code: 0 });
    expect(statSync(out).size).toBeGreaterThan(0);
  });
});

describe('thidua demo', () => {
  test('runs the four seed campaigns end to end and writes every award list', async () => {
    const outDir = tempDir();
    let stdout = '';
    // the clock stands after every sample's submission (the latest are January 2026): none is in the future
    const code = await demoCommand({ io: { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => undefined } }, now: () => new Date('2026-03-02T02:00:00Z'), campaigns }, { outDir });
    expect(code).toBe(0);
    expect(stdout).toContain('tiếp nhận 29 hồ sơ: 24 tiếp nhận, 4 bị từ chối, 1 gửi lặp');
    for (const c of campaigns.values()) expect(stdout).toContain(c.title);
    for (const [campaign, award] of [['van-ninh-dan-van-kheo', 'giay-khen-chu-tich-xa'], ['van-ninh-dan-van-kheo', 'giay-khen-chu-tich-huyen'], ['van-ninh-dan-van-kheo', 'bang-khen-chu-tich-tinh'], ['bac-son-quiz-2024', 'giay-khen-chu-tich-huyen'], ['tt-bac-son-80-nam-tong-tuyen-cu', 'bang-khen-chu-tich-tinh'], ['tay-ninh-nam-dan-van-kheo-2020', 'bang-khen-chu-tich-tinh']]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(outDir, campaign!, `${award}.xlsx`));
      expect(wb.worksheets.length, `${campaign}/${award}`).toBeGreaterThan(0);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(outDir, 'van-ninh-dan-van-kheo', 'giay-khen-chu-tich-huyen.xlsx'));
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') names.push(String(row.getCell(2).value));
    });
    // the council chose Đặng Thị Mai for the tied fifth place; Huỳnh Văn Tài needs more documents; Trần Văn Phúc's
    // council average (94,67) moved him below Phạm Minh Tuấn
    expect(names).toEqual(['Hội Nông dân xã Vạn Thắng', 'Đoàn Thanh niên thị trấn Vạn Giã', 'Ủy ban MTTQ Việt Nam xã Vạn Phú', 'Nguyễn Thị Hồng Nhung', 'Lê Thị Thu Hà', 'Phạm Minh Tuấn', 'Trần Văn Phúc', 'Đặng Thị Mai']);
    // the Vạn Ninh council's vote, its minutes in the dossier, and the package the province's workbook takes in twice
    expect(stdout).toContain('Hội đồng biểu quyết (bien-ban-hop-xet.json, phiên họp HĐ-2024-01): 14 hồ sơ, 13 thông qua, 1 không thông qua');
    expect(stdout).toMatch(/hồ sơ Hội đồng \(\.docx\): \d+ văn bản năm 2024 trong .*van-ninh-dan-van-kheo\/ho-so; Biên bản họp xét lập từ biểu quyết đã ghi/);
    expect(stdout).toContain('gói đề nghị "Bằng khen của Chủ tịch UBND tỉnh" gửi Chủ tịch UBND tỉnh Khánh Hòa');
    expect(stdout).toContain('2 hồ sơ, 5 tệp (danh sách, tờ trình, báo cáo thành tích, biên bản họp xét)');
    expect(stdout).toContain('tiếp nhận gói (lần 1): 2 tiếp nhận, 0 đã có, 0 từ chối; lịch sử khen thưởng thêm 4');
    expect(stdout).toContain('tiếp nhận gói (lần 2): 0 tiếp nhận, 2 đã có, 0 từ chối; lịch sử khen thưởng thêm 0 — không thay đổi gì');
    const upper = new ExcelJS.Workbook();
    await upper.xlsx.readFile(join(outDir, 'van-ninh-dan-van-kheo-cap-tren', 'bang-khen-chu-tich-tinh.xlsx'));
    const upperCells = upper.worksheets[0]!.getSheetValues().flat().map(String);
    for (const name of ['Ban Dân vận Đảng ủy xã Vạn Hưng', 'Phan Văn Đức']) expect(upperCells.some((c) => c.includes(name)), name).toBe(true);
  });
});
