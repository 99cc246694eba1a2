import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { findAward } from '../../shared/domain/campaign.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, DISTRICT, fullMarks, pointsCriteria, tempDir, vanNinh } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-08-20T02:00:00Z');
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const AWARD_NAME = findAward(vanNinh(), DISTRICT)!.name;

type Filled = Record<string, ExcelJS.CellValue>;

/** Fills the unit workbook's rows by header, as a unit's clerk would. */
async function fill(template: string, target: string, rows: Filled[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Hồ sơ đề nghị')!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace(/ \(.*\)$/, ''), n));
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 2);
    for (const [header, value] of Object.entries(values)) {
      expect(col.has(header), header).toBe(true);
      row.getCell(col.get(header)!).value = value;
    }
  });
  await wb.xlsx.writeFile(target);
}

/** A complete individual as a clerk fills it: scores at full marks, a link and a text as evidence, a date cell. */
function clerkRow(name: string, overrides: Filled = {}): Filled {
  const row: Filled = { 'Hình thức khen thưởng': AWARD_NAME, 'Đối tượng': 'Cá nhân', 'Họ và tên / Tên tập thể': name, 'Đơn vị': 'UBND xã Vạn Thắng', 'Chức vụ': 'Trưởng thôn', 'Ngày sinh': new Date(Date.UTC(1978, 8, 2)), 'Giới tính': 'Nữ', 'Năm xét': 2024 };
  for (const [n, points] of Object.entries(fullMarks('individual'))) {
    row[`Điểm TC${n}`] = points;
    row[`Tài liệu kiểm chứng TC${n}`] = n === '1' ? { text: 'Báo cáo thành tích', hyperlink: 'https://drive.example.vn/bao-cao.pdf' } : `Minh chứng tiêu chí ${n}`;
  }
  return { ...row, ...overrides };
}

describe('offline units: the nomination workbook', () => {
  let dir: string;
  let store: string;
  let template: string;

  beforeEach(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    template = join(dir, 'ho-so-de-nghi.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    const made = await thidua('form', 'workbook', 'van-ninh-dan-van-kheo', '--out', template);
    expect(made).toMatchObject({ code: 0 });
  });

  test('has Vietnamese instructions, dropdowns for award, kind and gender, each criterion with its maximum and a check, and evidence columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Hồ sơ đề nghị']);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    expect(guide.getRow(1).values).toEqual([undefined, 'Mã phong trào', 'van-ninh-dan-van-kheo']);
    const ws = wb.getWorksheet('Hồ sơ đề nghị')!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    // a criterion's maximum is the larger of the two rubrics' (the intake checks each kind's own)
    for (const c of pointsCriteria('individual')) {
      const max = Math.max(...[...pointsCriteria('individual'), ...pointsCriteria('collective')].filter((x) => x.number === c.number).map((x) => x.maxPoints));
      expect(headers).toContain(`Điểm TC${c.number} (tối đa ${String(max).replace('.', ',')})`);
    }
    expect(headers).toContain('Tài liệu kiểm chứng TC1');
    const validation = (header: string) => ws.getRow(2).getCell(headers.indexOf(header) + 1).dataValidation;
    expect(validation('Hình thức khen thưởng')).toMatchObject({ type: 'list' });
    expect(validation('Đối tượng')).toMatchObject({ type: 'list', formulae: ['"Tập thể,Cá nhân"'] });
    expect(validation('Giới tính')).toMatchObject({ type: 'list', formulae: ['"Nam,Nữ"'] });
    const first = pointsCriteria('individual')[0]!;
    expect(validation(headers.find((h) => h.startsWith(`Điểm TC${first.number} `))!)).toMatchObject({ type: 'decimal', operator: 'between' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('takes a workbook filled by a script back in, with the same findings as the form, naming refused rows; twice adds nothing', async () => {
    // GIVEN a unit fills three rows: one complete, one with a score above its maximum, one without a name
    const filled = join(dir, 'xa-van-thang.xlsx');
    await fill(template, filled, [clerkRow('Trần Thị Mai'), clerkRow('Lê Văn Bảy', { 'Điểm TC1': 99 }), clerkRow('', { 'Đơn vị': 'UBND xã Vạn Long' })]);

    // WHEN the secretary takes it in
    const result = await thidua('intake', filled, '--store', store);

    // THEN the complete one is stored with its date, link and gender; the others are refused by row and nominee
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✔ ${filled}, hàng 2: Trần Thị Mai (UBND xã Vạn Thắng) đã tiếp nhận`);
    expect(result.stdout).toMatch(new RegExp(`✘ ${filled.replace(/[.\\/]/g, '\\$&')}, hàng 3: Lê Văn Bảy \\(UBND xã Vạn Thắng\\): bị từ chối\\n    • Điểm tiêu chí 1 \\(99\\) vượt điểm chuẩn`));
    expect(result.stdout).toMatch(/hàng 4: bị từ chối\n    • Thiếu trường bắt buộc "Họ và tên \/ Tên tập thể"/);
    const { nominations } = await (await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns)).read(['nominations']);
    expect(nominations.map((s) => s.nomination)).toMatchObject([{ name: 'Trần Thị Mai', award: DISTRICT, kind: 'individual', birthDate: '1978-09-02', gender: 'nữ', year: 2024, evidence: { '1': 'https://drive.example.vn/bao-cao.pdf' } }]);
    const again = await thidua('intake', filled, '--store', store);
    expect(again.stdout).toContain('đã có từ trước 1');
  });

  test('takes a plain CSV of the same columns (semicolons, as Vietnamese-locale Excel saves it)', async () => {
    const row = clerkRow('Nguyễn Văn Tám');
    const headers = Object.keys(row);
    const cell = (v: ExcelJS.CellValue) => (v instanceof Date ? '02/09/1978' : typeof v === 'object' && v !== null && 'hyperlink' in v ? String(v.hyperlink) : String(v));
    const csv = `\uFEFF${headers.join(';')}\r\n${headers.map((h) => cell(row[h]!)).join(';')}\r\n`;
    const file = join(dir, 'don-vi.csv');
    writeFileSync(file, csv);
    const result = await thidua('intake', file, '--store', store);
    expect(result.stdout).toContain('Nguyễn Văn Tám (UBND xã Vạn Thắng) đã tiếp nhận');
    expect(result.code).toBe(0);
  });

  test.skipIf(!SOFFICE)('a workbook filled by a script, then opened and saved by LibreOffice, is taken in', async () => {
    const filled = join(dir, 'filled.xlsx');
    await fill(template, filled, [clerkRow('Đặng Thị Hoa')]);
    const saved = join(dir, 'lo');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', saved, filled], { stdio: 'ignore', timeout: 120_000 });
    const roundTripped = join(saved, 'filled.xlsx');
    expect(existsSync(roundTripped)).toBe(true);
    const result = await thidua('intake', roundTripped, '--store', store);
    expect(result.stdout).toContain('Đặng Thị Hoa (UBND xã Vạn Thắng) đã tiếp nhận');
    const { nominations } = await (await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns)).read(['nominations']);
    expect(nominations[0]!.nomination).toMatchObject({ birthDate: '1978-09-02', evidence: { '1': 'https://drive.example.vn/bao-cao.pdf' } });
  }, 180_000);
});
