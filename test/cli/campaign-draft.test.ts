import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CampaignDraft } from '../../shared/domain/campaign-draft.js';
import { tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2026-12-02T02:00:00Z');
const PLANS = join(import.meta.dirname, '../fixtures/plans');

describe('thidua campaign draft', () => {
  test('prints what it found with the sentence each came from, what it did not, and the warnings; writes the draft', async () => {
    const out = join(tempDir(), 'ban-nhap', 'van-ninh.json');
    const result = await thidua('campaign', 'draft', join(PLANS, '002_36533bd3008d7c4c.txt'), '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('• Tên phong trào: Phong trào thi đua “Dân vận khéo” và công tác thi đua khen thưởng trên địa bàn huyện Vạn Ninh\n      ← “Tổ chức thực hiện phong trào thi đua');
    expect(result.stdout).toContain('• Khen thưởng 2 — chỉ tiêu cá nhân/năm: 5\n      ← “c) Chủ tịch UBND huyện Giấy khen cho 03 tập thể và 05 cá nhân');
    expect(result.stdout).toContain('• Hạn 2 — ngày: trước 01/09 hằng năm');
    expect(result.stdout).toContain('• Tiêu chí tập thể 1 — tỷ lệ điểm tối thiểu: 90%');
    expect(result.stdout).toMatch(/Chưa tìm thấy \d+ mục[^\n]*\n(.*\n)*  • Thời gian thi đua — từ ngày \(\/term\/from\)/u);
    expect(result.stdout).toContain('Cảnh báo:\n  ! "Giấy khen của Chủ tịch UBND huyện": thẩm quyền của Chủ tịch UBND cấp huyện chấm dứt từ 01/7/2025');
    expect(result.stdout).toContain(`Đã ghi bản nháp: ${out}`);
    const draft = JSON.parse(readFileSync(out, 'utf8')) as CampaignDraft;
    expect(draft.fields.find((f) => f.path === '/awards/1/quotaPerYear/collective')).toMatchObject({ value: 3, source: expect.stringContaining('03 tập thể') });
    expect(draft.missing).toContain('/term/from');
    expect(draft.warnings).toHaveLength(2);
    expect(draft.warnings[1]).toContain('thẩm quyền của thủ trưởng cơ quan, đơn vị cấp huyện chấm dứt từ 01/7/2025');
  });

  test('reads a Word plan', async () => {
    const result = await thidua('campaign', 'draft', join(PLANS, 'tan-lap-2025.docx'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('• Tiêu chí tập thể 2 — tài liệu kiểm chứng: Sổ theo dõi ngày công');
  });

  test('converts a plan saved from a TCVN3 font and says so', async () => {
    const file = join(tempDir(), 'ke-hoach-tcvn3.txt');
    // "KẾ HOẠCH / Phát động phong trào thi đua năm 2025" in TCVN3 bytes, and a body long enough to tell the encoding
    const tcvn3 = 'K\u00d5 HO\u00b9CH\nPh\u00b8t \u00ae\u00e9ng phong tr\u00b5o thi \u00aeua n\u00a8m 2025\n';
    writeFileSync(file, Buffer.from(tcvn3, 'latin1'));
    const result = await thidua('campaign', 'draft', file);
    expect(result.stdout).toContain('bảng mã cũ TCVN3');
    expect(result.stdout).toContain('• Tên phong trào: Phong trào thi đua năm 2025');
  });

  test('exits 1 and fills nothing from a plan without diacritics', async () => {
    const file = join(tempDir(), 'khong-dau.txt');
    const plain = readFileSync(join(PLANS, '002_36533bd3008d7c4c.txt'), 'utf8').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    writeFileSync(file, plain);
    const result = await thidua('campaign', 'draft', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Không tìm thấy trường nào.');
    expect(result.stdout).toContain('không có dấu tiếng Việt');
  });

  test.each([
    [['campaign', 'draft', 'ke-hoach.doc'], 'chỉ đọc được kế hoạch dạng .docx, .pdf hoặc .txt'],
    [['campaign', 'draft', join(PLANS, 'khong-co.pdf')], 'Không tìm thấy tệp'],
    [['campaign', 'draft'], 'Cách dùng: thidua campaign draft'],
    [['campaign', 'new'], 'Cách dùng: thidua campaign draft'],
  ])('refuses %j with a Vietnamese message and exit 1', async (argv, message) => {
    const result = await thidua(...argv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  test('refuses a file that only calls itself a Word file', async () => {
    const file = join(tempDir(), 'gia.docx');
    writeFileSync(file, 'không phải tệp Word');
    const result = await thidua('campaign', 'draft', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Tệp "gia.docx" không phải tệp Word (.docx) đọc được');
  });
});
