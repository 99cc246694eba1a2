import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoCommand } from '../../shared/cli/demo.js';
import { templatesDir } from '../../shared/templates/paths.js';
import { campaigns, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';
import { readDocx } from '../exports/read-docx.js';

const thidua = thiduaAt('2026-03-02T02:00:00Z');
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

describe('thidua dossier', () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = tempDir();
    expect(await demoCommand({ io: quiet, now: () => new Date('2026-03-02T02:00:00Z'), campaigns }, { outDir: dir, campaigns: ['bac-son-quiz-2024'] })).toBe(0);
    store = join(dir, 'bac-son-quiz-2024.xlsx');
  }, 60_000);

  test('writes the dossier with the minutes, lists the files, and says nothing is missing', async () => {
    const out = join(dir, 'ho-so-cli');
    const { code, stdout } = await thidua('dossier', 'bac-son-quiz-2024', '--store', store, '--bien-ban', join(templatesDir(), 'samples', 'bac-son-quiz-2024', 'bien-ban.json'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`Đã xuất hồ sơ năm 2024: 7 văn bản vào ${out}`);
    expect(stdout).toContain('Hồ sơ đủ thành phần theo kế hoạch.');
    for (const name of ['to-trinh-giay-khen-chu-tich-huyen-2024.docx', 'quyet-dinh-giay-khen-chu-tich-huyen-2024.docx', 'bien-ban-hop-xet-2024.docx', 'danh-muc-ho-so-2024.docx']) expect(existsSync(join(out, name)), name).toBe(true);
    expect(readDocx(join(out, 'bien-ban-hop-xet-2024.docx')).paragraphs).toContain('BIÊN BẢN');
  });

  test('without the minutes, says how to give them', async () => {
    const { code, stdout } = await thidua('dossier', 'bac-son-quiz-2024', '--store', store, '--out', join(dir, 'ho-so-2'));
    expect(code).toBe(0);
    expect(stdout).toContain('Chưa có Biên bản họp xét: ghi tệp biên bản rồi chạy lại với --bien-ban <tệp.json>');
  });

  test.each([
    ['a minutes file that is not JSON', '{ "place": ', /^Lỗi: Tệp biên bản ".*bad\.json" không phải JSON hợp lệ/],
    ['a minutes file with a bad field', JSON.stringify({ meetingAt: '2024-05-08T14:00:00+07:00', place: 'Phòng họp', chair: 'A', secretary: 'B', members: [{ name: 'A', role: 'Chủ tịch', present: true }], agenda: ['Xét'], rows: [{ responseId: 'BS-2024-01', votesFor: -1, votesAgainst: 0, abstain: 0, passed: true }] }), /kết quả biểu quyết, dòng 1, số phiếu đồng ý \("rows\[0\]\.votesFor"\)/],
  ])('refuses %s with exit 1, naming the file and the field', async (_, content, message) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, content);
    const { code, stderr } = await thidua('dossier', 'bac-son-quiz-2024', '--store', store, '--bien-ban', file, '--out', join(dir, 'ho-so-bad'));
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(existsSync(join(dir, 'ho-so-bad'))).toBe(false);
  });

  test.each([
    ['another campaign than the workbook’s', ['dossier', 'van-ninh-dan-van-kheo'], 'Sổ làm việc thuộc phong trào "bac-son-quiz-2024", không phải "van-ninh-dan-van-kheo".'],
    ['a campaign that does not exist', ['dossier', 'khong-co'], 'Không có phong trào "khong-co".'],
    ['an award the campaign does not have', ['dossier', 'bac-son-quiz-2024', '--award', 'bang-khen'], 'Phong trào không có hình thức khen thưởng "bang-khen".'],
  ])('refuses %s', async (_, args, message) => {
    const { code, stderr } = await thidua(...args, '--store', store);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });

  test('explains itself in --help, with the minutes file’s shape', async () => {
    const { code, stdout } = await thidua('dossier', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('thidua dossier <mã phong trào>');
    expect(stdout).toContain('--bien-ban TỆP');
    expect(stdout).toContain('"meetingAt"');
  });
});
