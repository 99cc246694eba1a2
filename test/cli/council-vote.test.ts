import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, test } from 'vitest';
import { rawIndividual, scoresTotalling, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-25T03:00:00Z');

const MEMBER_HEADERS = ['Phiên họp', 'Thời gian họp', 'Địa điểm', 'Thành viên', 'Chức vụ, chức danh', 'Nhiệm vụ tại phiên họp', 'Tham dự', 'Nội dung họp'];
const VOTE_HEADERS = ['Phiên họp', 'Mã phản hồi', 'Thành viên', 'Biểu quyết', 'Số phiếu đồng ý', 'Số phiếu không đồng ý', 'Số phiếu không biểu quyết', 'Ghi chú'];

/** The council's nine members at the meeting of 25/09/2024: `present` of them present, the rest absent with a written ballot. */
const memberRows = (present: number) =>
  Array.from({ length: 9 }, (_, i) => ['HĐ-2024-01', '25/09/2024 08:00', 'Phòng họp UBND huyện Vạn Ninh', `Ủy viên ${i + 1}`, i === 0 ? 'Chủ tịch UBND huyện, Chủ tịch Hội đồng' : 'Ủy viên Hội đồng', i === 0 ? 'Chủ trì' : i === 1 ? 'Thư ký' : 'Thành viên', i < present ? 'Có mặt' : 'Vắng mặt, có phiếu bằng văn bản', '']);

async function voteWorkbook(path: string, members: unknown[][], votes: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Thành phần họp xét').addRows([MEMBER_HEADERS, ...members]);
  wb.addWorksheet('Biểu quyết Hội đồng').addRows([VOTE_HEADERS, ...votes]);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('thidua council vote', () => {
  let dir: string;
  let store: string;

  beforeEach(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    const nominations = [99, 98, 97].map((t, i) => rawIndividual({ responseId: `p${i}`, name: `Người ${i}`, selfScores: scoresTotalling('individual', t) }));
    writeFileSync(join(dir, 'n.json'), JSON.stringify(nominations));
    await thidua('intake', join(dir, 'n.json'), '--store', store);
  });

  test('records a meeting from an Excel file, lists the result per nomination, and score proposes only those passed', async () => {
    const file = await voteWorkbook(join(dir, 'bien-ban.xlsx'), memberRows(8), [
      ['HĐ-2024-01', 'p0', '', '', 9, 0, 0, ''],
      ['HĐ-2024-01', 'p1', '', '', 4, 4, 1, 'bỏ phiếu kín'],
      ['HĐ-2024-01', 'p2', '', '', 7, 3, 0, ''],
    ]);
    const result = await thidua('council', 'vote', file, '--store', store);
    // 7 + 3 = 10 ballots for 9 members: refused, naming the sheet's row
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✘ Tệp bien-ban.xlsx, trang "Biểu quyết Hội đồng", hàng 4, các cột "Số phiếu …": hồ sơ "p2" có 10 phiếu, nhiều hơn 9 thành viên được biểu quyết tại phiên họp "HĐ-2024-01" (có mặt và 1 phiếu bằng văn bản)');
    expect(result.stdout).toContain('Đã ghi 9 dòng thành phần họp và 2 dòng biểu quyết; bỏ qua 0 dòng đã có; từ chối 1.');
    expect(result.stdout).toMatch(/HĐ-2024-01\s+p0\s+9\s+0\s+0\s+9\/9\s+Thông qua/);
    expect(result.stdout).toMatch(/HĐ-2024-01\s+p1\s+4\s+4\s+1\s+9\/9\s+Không thông qua/);

    const scored = await thidua('score', '--store', store);
    expect(scored.stdout).toMatch(/Đề nghị khen thưởng\s+Chờ Hội đồng biểu quyết\s+Không được Hội đồng thông qua/);

    // the same file again: nothing new is written
    const again = await thidua('council', 'vote', file, '--store', store);
    expect(again.stdout).toContain('Đã ghi 0 dòng thành phần họp và 0 dòng biểu quyết; bỏ qua 11 dòng đã có; từ chối 1.');
  });

  test('takes the meeting and the ballots as two CSV files, refusing a ballot of an unknown member', async () => {
    const csv = (rows: unknown[][]) => rows.map((r) => r.map((c) => `"${String(c)}"`).join(',')).join('\r\n');
    writeFileSync(join(dir, 'thanh-phan.csv'), csv([MEMBER_HEADERS, ...memberRows(9)]));
    writeFileSync(join(dir, 'phieu.csv'), csv([VOTE_HEADERS.slice(0, 4), ['HĐ-2024-01', 'p0', 'Ủy viên 1', 'Đồng ý'], ['HĐ-2024-01', 'p0', 'Người ngoài', 'Đồng ý']]));
    expect((await thidua('council', 'vote', join(dir, 'thanh-phan.csv'), '--store', store)).stdout).toContain('Đã ghi 9 dòng thành phần họp và 0 dòng biểu quyết');
    const votes = await thidua('council', 'vote', join(dir, 'phieu.csv'), '--store', store);
    expect(votes.stderr).toContain('✘ Tệp phieu.csv, dòng 3, cột "Thành viên": "Người ngoài" không có trong thành phần phiên họp "HĐ-2024-01"');
    expect(votes.stdout).toMatch(/p0\s+1\s+0\s+0\s+1\/9\s+Không thông qua/);
  });

  test('refuses a meeting row whose time is not a time, naming the sheet, row and column, and explains a missing file argument', async () => {
    const missing = await thidua('council', 'vote', '--store', store);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Lệnh "council vote" cần tệp biểu quyết');
    const bad = await thidua('council', 'vote', await voteWorkbook(join(dir, 'sai.xlsx'), [['HĐ-1', 'không phải ngày', 'Phòng họp', 'A', '', 'Chủ trì', 'Có mặt', '']], []), '--store', store);
    expect(bad.stderr).toContain('✘ Tệp sai.xlsx, trang "Thành phần họp xét", hàng 2: cột "Thời gian họp": "không phải ngày" không phải thời gian hợp lệ');
  });
});

describe('the sample meeting of the Vạn Ninh council', () => {
  test('records the sample minutes: eight members voting (one in writing), one absent, five province nominees', async () => {
    const dir = tempDir();
    const store = join(dir, 'so.xlsx');
    const samples = join(import.meta.dirname, '../../sheets-templates/samples/van-ninh-dan-van-kheo');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    await thidua('intake', join(samples, 'nominations.json'), '--store', store);
    const result = await thidua('council', 'vote', join(samples, 'bien-ban-hop-xet.json'), '--store', store);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Đã ghi 9 dòng thành phần họp và 5 dòng biểu quyết; bỏ qua 0 dòng đã có; từ chối 0.');
    expect(result.stdout).toMatch(/2024-VN-032\s+4\s+3\s+1\s+8\/9\s+Không thông qua/);
    expect(result.stdout).toMatch(/2024-VN-031\s+8\s+0\s+0\s+8\/9\s+Thông qua/);
  });
});
