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

  test('without a vote recorded nor a minutes file, says how to record the vote', async () => {
    const { code, stdout } = await thidua('dossier', 'bac-son-quiz-2024', '--store', store, '--out', join(dir, 'ho-so-2'));
    expect(code).toBe(0);
    expect(stdout).toContain('Chưa có Biên bản họp xét: Hội đồng chưa biểu quyết các hồ sơ năm này; ghi bằng thidua council vote <tệp> rồi chạy lại.');
    expect(existsSync(join(dir, 'ho-so-2', 'bien-ban-hop-xet-2024.docx'))).toBe(false);
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

describe('thidua dossier after the council’s vote (the sample meeting of the Vạn Ninh council)', () => {
  const at = thiduaAt('2024-09-26T02:00:00Z');
  const samples = join(templatesDir(), 'samples', 'van-ninh-dan-van-kheo');
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    await at('init', 'van-ninh-dan-van-kheo', '--store', store);
    await at('intake', join(samples, 'nominations.json'), '--store', store);
    expect((await at('council', 'vote', join(samples, 'bien-ban-hop-xet.json'), '--store', store)).code).toBe(0);
    await at('score', '--store', store);
  }, 60_000);

  test('writes the Biên bản họp xét from the recorded meeting, without a minutes file, and the checklist has it', async () => {
    const out = join(dir, 'ho-so');
    const { code, stdout } = await at('dossier', 'van-ninh-dan-van-kheo', '--store', store, '--award', 'bang-khen-chu-tich-tinh', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('Biên bản họp xét lập từ phiên họp Hội đồng đã ghi trong sổ (thidua council vote).');
    expect(stdout).not.toContain('Chưa có biên bản họp xét');
    const minutes = readDocx(join(out, 'bien-ban-hop-xet-2024.docx')).paragraphs;
    const text = minutes.join('\n');
    expect(text).toContain('Phòng họp UBND huyện Vạn Ninh');
    expect(text).toContain('Nguyễn Văn Đông');
    expect(text).toContain('Bùi Thị Thu Trang');
    expect(text).toContain('Số thành viên dự họp 07/09: đủ số lượng');
    // the province nominees voted on at HĐ-2024-01, the one voted down among them
    for (const name of ['Ban Dân vận Đảng ủy xã Vạn Hưng', 'Hội Cựu chiến binh xã Vạn Bình', 'Phan Văn Đức']) expect(minutes).toContain(name);
    const checklist = readDocx(join(out, 'danh-muc-ho-so-2024.docx')).paragraphs.join('\n');
    expect(checklist).toContain('bien-ban-hop-xet-2024.docx');
    expect(checklist).not.toContain('Chưa ghi biểu quyết của Hội đồng');
  });

  test('takes the secretary’s file instead when --bien-ban is given', async () => {
    const { code, stdout } = await at('dossier', 'van-ninh-dan-van-kheo', '--store', store, '--bien-ban', join(samples, 'bien-ban.json'), '--out', join(dir, 'ho-so-tep'));
    expect(code).toBe(0);
    expect(stdout).toContain(`Biên bản họp xét lập từ tệp ${join(samples, 'bien-ban.json')} (thay cho biểu quyết đã ghi trong sổ).`);
  });
});
