import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { rawIndividual, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-20T02:00:00Z');

describe('thidua import, council and review', () => {
  let dir: string;
  let store: string;
  const file = (name: string, content: string | unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeEach(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
  });

  test('imports a CSV with Vietnamese headers, reports a bad row with its line number, and still loads the rest', async () => {
    const csv = [
      'Năm,Họ và tên / Tên tập thể,Đơn vị,Hình thức khen thưởng,Cấp,Loại khen thưởng,Số quyết định,Ngày quyết định',
      '2023,Trần Văn Phúc,UBND xã Vạn Hưng,Giấy khen của Chủ tịch UBND xã,xã,định kỳ,11/QĐ-UBND,15/09/2023',
      '2023,"Lê Thị Hà, tổ 5",UBND xã Vạn Long,Giấy khen,cấp huyện,đột xuất,12/QĐ-UBND,31/02/2023',
      '2024,Phan Văn Đức,UBND xã Vạn Phú,Giấy khen,huyện,chuyên đề,13/QĐ-UBND,2024-09-15',
    ].join('\r\n');
    const result = await thidua('import', 'award-history', file('lich-su.csv', `\uFEFF${csv}\r\n`), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✘ dòng 3: Ngày quyết định: "31\/02\/2023" không phải ngày hợp lệ/);
    expect(result.stdout).toContain('Đã đọc 3 dòng lịch sử khen thưởng: nạp 2, bỏ qua 0 dòng đã có, từ chối 1.');
    const again = await thidua('import', 'award-history', file('lich-su.csv', csv), '--store', store);
    expect(again.stdout).toContain('nạp 0, bỏ qua 2 dòng đã có, từ chối 1');
  });

  test('imports JSON with field names', async () => {
    const rows = [{ account: 'BS-1', ownerName: 'Hoàng Văn Minh', birthDate: '1985-05-12', district: 'Bắc Sơn', week: 1, result: 'Được công nhận' }];
    const result = await thidua('import', 'quiz-log', file('log.json', rows), '--store', store);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('nạp 1');
  });

  test.each([
    [['import', 'khong-co', 'x.csv'], /Không có bộ dữ liệu "khong-co"/],
    [['import', 'quiz-log'], /cần tệp \.csv hoặc \.json/],
    [['review', 'r.json'], /cần --by/],
  ])('explains misuse %j with exit 1', async (argv, message) => {
    const result = await thidua(...argv, '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  test('records council scores and reviews, then score applies them', async () => {
    await thidua('intake', file('n.json', [rawIndividual({ responseId: 'a', name: 'Lê Văn A' }), rawIndividual({ responseId: 'b', name: 'Trần Thị B' })]), '--store', store);
    const council = await thidua('council', file('c.json', [
      { responseId: 'a', member: 'Phạm Thị Thu', memberUnit: 'Phòng Nội vụ', scores: { '1': 15, '2': 15, '3': 19, '4': 10, '5': 10, '6': 15, '7': 15 } },
      { responseId: 'khong-co', member: 'X', memberUnit: 'Y', scores: {} },
    ]), '--store', store);
    expect(council.code).toBe(1);
    expect(council.stdout).toContain('Đã ghi 1 lượt chấm');
    expect(council.stderr).toContain('không có hồ sơ mã "khong-co"');
    const review = await thidua('review', file('r.json', [{ responseId: 'b', appraisal: 'Không đủ điều kiện', reason: 'Trùng thành tích' }]), '--store', store, '--by', 'Thư ký');
    expect(review).toMatchObject({ code: 0 });
    const scored = await thidua('score', '--store', store);
    // every status that occurs has its column: one proposed, one not eligible
    expect(scored.stdout).toMatch(/Hồ sơ\s+Đề nghị khen thưởng\s+Không đủ điều kiện\n/);
    expect(scored.stdout).toMatch(/Cá nhân\s+5\s+2\s+1\s+1\n/);
  });
});
