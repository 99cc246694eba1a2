import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { rawCollective, rawIndividual, tempDir } from '../support/builders.js';
import { readBack, texts } from './read-back.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-20T02:00:00Z');

describe('thidua export, scoresheet and report', () => {
  let dir: string;
  let store: string;

  beforeAll(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    expect((await thidua('init', 'van-ninh-dan-van-kheo', '--store', store)).code).toBe(0);
    const file = join(dir, 'ho-so.json');
    writeFileSync(file, JSON.stringify([rawIndividual({ responseId: 'x1', name: 'Trần Văn Phúc' }), rawCollective({ responseId: 'x2', name: 'Hội Nông dân xã Vạn Thắng' })]));
    expect((await thidua('intake', file, '--store', store)).code).toBe(0);
  });

  test('export --variant proposal writes the proposal list of a decision award', async () => {
    const out = join(dir, 'de-nghi.xlsx');
    const result = await thidua('export', 'giay-khen-chu-tich-huyen', '--store', store, '--variant', 'proposal', '--out', out);
    expect(result).toMatchObject({ code: 0, stdout: `Đã xuất danh sách: ${out}\n` });
    const rows = texts((await readBack(out)).getWorksheet('Danh sách')!);
    expect(rows.find((r) => r[0] === 'STT')).toContain('Tổng điểm');
  });

  test('export refuses a variant it does not know, with exit 1', async () => {
    const result = await thidua('export', 'giay-khen-chu-tich-huyen', '--store', store, '--variant', 'quyet-dinh');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Lỗi: --variant phải là proposal hoặc decision, nhận được "quyet-dinh".\n');
  });

  test('scoresheet writes one file per nomination into --out, or one workbook with --one-workbook', async () => {
    const folder = join(dir, 'bang');
    expect(await thidua('scoresheet', '--store', store, '--out', folder)).toMatchObject({ code: 0, stdout: `Đã xuất 2 bảng chấm điểm vào ${folder}\n` });
    expect(readdirSync(folder).sort()).toEqual(['x1-tran-van-phuc.xlsx', 'x2-hoi-nong-dan-xa-van-thang.xlsx']);
    const one = join(dir, 'bang.xlsx');
    expect(await thidua('scoresheet', '--one-workbook', '--store', store, '--out', one)).toMatchObject({ code: 0 });
    expect((await readBack(one)).worksheets.map((ws) => ws.name)).toEqual(['Trần Văn Phúc', 'Hội Nông dân xã Vạn Thắng']);
  });

  test('report writes the campaign report to --out', async () => {
    const out = join(dir, 'bao-cao.xlsx');
    expect(await thidua('report', '--store', store, '--out', out)).toMatchObject({ code: 0, stdout: `Đã xuất báo cáo phong trào: ${out}\n` });
    expect((await readBack(out)).worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Biểu đồ', 'Nộp muộn', 'Xếp hạng']);
  });

  test('the usage lists the three documents', async () => {
    const { stdout } = await thidua('--help');
    expect(stdout).toMatch(/export <mã hình thức>.*--variant proposal\|decision/);
    expect(stdout).toContain('scoresheet [--one-workbook] [--out THƯ_MỤC|TỆP]');
    expect(stdout).toContain('report [--out TỆP]');
  });
});
