import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { beforeEach, describe, expect, test } from 'vitest';
import { COMMAND_HELP } from '../../shared/cli/help.js';
import { CouncilScoreEntry } from '../../shared/domain/council.js';
import { AwardHistoryRow, QuizLogRow } from '../../shared/domain/datasets.js';
import { FINDING_CODES, FINDINGS, finding } from '../../shared/domain/findings.js';
import { parseNomination } from '../../shared/domain/nomination.js';
import { Review } from '../../shared/domain/review.js';
import { ADVICE } from '../../shared/status/advice.js';
import { DISTRICT, rawIndividual, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-20T02:00:00Z');

/**
 * English words a Vietnamese message must not hold once what it quotes (a value, a file, a header, between quotes)
 * and the codes a secretary types (--store, .csv, thidua …) are set aside.
 */
const ENGLISH = /\b(expected|received|string|number|boolean|object|array|undefined|null|invalid|input|must|should|characters?|items?|unknown|error|position|property|value|required|too|big|small|type|the|of|is|are|not|at|and|or|with|file|missing|option|argument|unexpected|token|line|column|options?|usage|example|failed|cannot|could)\b/i;
const englishIn = (message: string): string | undefined => {
  const bare = message
    .replace(/"[^"\n]*"/g, '""')
    .replace(/“[^”\n]*”/g, '')
    .replace(/(^|\s)(--?[\w-]+|thidua|[\w./-]+\.(csv|json|xlsx|txt)|https?:\/\/\S+|[\w.-]+@[\w.-]+)/g, ' ')
    .replace(/\b(JSON|CSV|UTF-8|UTF-16|Excel|LibreOffice|Google|Unikey|Unicode|TCVN3|ABC|VNI|Windows|Sheets|Forms|Save As)\b/g, '');
  return ENGLISH.exec(bare)?.[0];
};

describe('messages a secretary can read', () => {
  test.each(FINDING_CODES)('the finding %s and its advice are Vietnamese', (code) => {
    // every parameter the message reads, set to a number (values the sender gave are quoted in the message anyway)
    const params = Object.fromEntries([...FINDINGS[code].message.toString().matchAll(/p\.(\w+)/g)].map((m) => [m[1]!, '1']));
    const f = finding(code, 'name', params);
    expect(englishIn(f.message), f.message).toBeUndefined();
    expect(englishIn(ADVICE[code].todo), ADVICE[code].todo).toBeUndefined();
  });

  test.each([
    ['a text over its length', () => parseNomination(rawIndividual({ position: 'x'.repeat(400) }))],
    ['a number where text goes', () => parseNomination(rawIndividual({ name: { first: 'A' } }))],
    ['an unknown kind', () => parseNomination(rawIndividual({ kind: 'person' }))],
    ['a bad email', () => parseNomination(rawIndividual({ email: 'not-an-email' }))],
    ['a year out of range', () => parseNomination(rawIndividual({ year: 1800 }))],
    ['a bad gender', () => parseNomination(rawIndividual({ gender: 'khác' }))],
    ['evidence as a list', () => parseNomination(rawIndividual({ evidence: ['a'] }))],
  ])('zod speaks Vietnamese in the contract: %s', (_, parse) => {
    const result = parse();
    expect(result.ok).toBe(false);
    for (const f of result.ok ? [] : result.findings) expect(englishIn(f.message), f.message).toBeUndefined();
  });

  test.each([
    [Review, { responseId: 'a', appraisal: 'ok', reason: 'x'.repeat(3000) }],
    [AwardHistoryRow, { year: 'năm ngoái', name: 'A', unit: 'B', award: 'C', level: 'làng', mode: 'x', decisionNumber: '1', decisionDate: 'hôm qua' }],
    [QuizLogRow, { account: 7, ownerName: null, district: 'B', week: 99, result: 'Tốt' }],
    [CouncilScoreEntry, { responseId: 'a', member: 'B', memberUnit: 'C', scores: { '1': true } }],
    [z.object({ email: z.email(), list: z.array(z.string()).min(2), n: z.number().max(5) }), { email: 'x', list: [], n: 9 }],
  ])('zod speaks Vietnamese in every schema (%#)', (schema, input) => {
    const result = (schema as z.ZodType).safeParse(input);
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) expect(englishIn(issue.message), issue.message).toBeUndefined();
  });
});

describe('the CLI explains itself', () => {
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
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
  });

  test.each(Object.keys(COMMAND_HELP))('"thidua %s --help" gives that command\'s usage, options and an example', async (command) => {
    const result = await thidua(command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Cách dùng: thidua ${command}`));
    expect(result.stdout).toContain('Tùy chọn:');
    expect(result.stdout).toContain(`Ví dụ:\n  thidua ${command}`);
  });

  test('"thidua help formats" documents the files of intake, council, review and import with columns and example rows', async () => {
    const result = await thidua('help', 'formats');
    expect(result.code).toBe(0);
    for (const heading of ['thidua intake <tệp.json>', 'thidua intake <câu trả lời.csv>', 'thidua import', 'thidua council', 'thidua review']) expect(result.stdout).toContain(heading);
    expect(result.stdout).toContain('Năm,Họ và tên / Tên tập thể,Đơn vị,Hình thức khen thưởng,Cấp,Loại khen thưởng,Số quyết định,Ngày quyết định');
    expect(result.stdout).toContain('Mã phản hồi,Thẩm định,Lý do,Hội đồng chọn (khi đồng hạng),Số quyết định khen thưởng,Ngày quyết định');
    expect(result.stdout).toMatch(/Mã phản hồi,Thành viên,Đơn vị của thành viên,Điểm TC1,/);
  });

  test.each([
    [['intake', 'a.json', '--stor', 'x'], /Không có tùy chọn "--stor"/],
    [['intake', 'a.json', '--store'], /Tùy chọn "--store" cần một giá trị/],
    [['score', '--by', 'Lan'], /Lệnh "score" không dùng tùy chọn --by/],
    [['khong-co'], /Không có lệnh "khong-co"/],
    [['intake', 'khong-co.json'], /Không tìm thấy tệp/],
  ])('explains the misuse %j in Vietnamese', async (argv, message) => {
    const result = await thidua(...argv.map((a) => (a === 'khong-co.json' ? join(dir, a) : a)), ...(argv[0] === 'intake' && argv.length === 2 ? ['--store', store] : []));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(englishIn(result.stderr.split('\n')[0]!), result.stderr).toBeUndefined();
  });

  test('names the line and column of a malformed JSON file', async () => {
    const result = await thidua('intake', file('hong.json', '[\n  {"responseId": "a",\n   name: "Lê Văn A"}\n]'), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/hong\.json" không phải JSON hợp lệ: lỗi ở dòng 3, cột 4/);
    expect(englishIn(result.stderr), result.stderr).toBeUndefined();
  });

  test('says a workbook is already there when init runs again', async () => {
    const result = await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
    expect(result.stdout).toMatch(/đã có từ trước: giữ nguyên mọi dữ liệu/);
  });

  test('a rejected nomination names its nominee, and a field by its Vietnamese name', async () => {
    const result = await thidua('intake', file('n.json', [rawIndividual({ responseId: 'x1', name: 'Lê Thị Hồng', unit: 'UBND xã Vạn Phú', selfScores: { '1': 'mười lăm' } })]), '--store', store);
    expect(result.stdout).toContain('✘ x1  Lê Thị Hồng (UBND xã Vạn Phú): bị từ chối');
    expect(result.stdout).not.toMatch(/\[selfScores/);
  });

  test('score\'s summary counts every status, needs-documents included', async () => {
    await thidua('intake', file('n.json', [rawIndividual({ responseId: 'a' }), rawIndividual({ responseId: 'b' })]), '--store', store);
    await thidua('review', file('r.json', [{ responseId: 'b', appraisal: 'Cần bổ sung hồ sơ', reason: 'Thiếu xác nhận' }]), '--by', 'Lan', '--store', store);
    const result = await thidua('score', '--store', store);
    expect(result.code).toBe(0);
    const [header, , ...rows] = result.stdout.trim().split('\n');
    expect(header).toContain('Cần bổ sung hồ sơ');
    for (const row of rows) {
      const numbers = row.split(/\s{2,}/).slice(3).map(Number);
      expect(numbers.slice(1).reduce((a, b) => a + b, 0)).toBe(numbers[0]);
    }
  });

  test('export of a year outside the campaign\'s term refuses', async () => {
    await thidua('intake', file('n.json', [rawIndividual({ responseId: 'a' })]), '--store', store);
    const result = await thidua('export', DISTRICT, '--year', '2031', '--store', store, '--out', join(dir, 'x.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Năm 2031 nằm ngoài thời gian phong trào/);
  });
});
