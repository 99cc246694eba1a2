import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { legacyEncodingOf, tcvn3ToUnicode } from '../../shared/domain/legacy-vietnamese.js';
import { csvToAnswers } from '../../shared/forms/csv-responses.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { csvDelimiter, decodeTextFile } from '../../shared/forms/text-file.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, tempDir, vanNinh } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

const thidua = thiduaAt('2024-09-20T02:00:00Z');
const HEADER = ['Năm', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Hình thức khen thưởng', 'Cấp', 'Loại khen thưởng', 'Số quyết định', 'Ngày quyết định'];
const ROWS = [
  ['2023', 'Trần Văn Phúc', 'UBND xã Vạn Hưng', 'Giấy khen, cấp xã', 'xã', 'định kỳ', '11/QĐ-UBND', '15/09/2023'],
  ['2024', 'Phan Văn Đức', 'UBND xã Vạn Phú', 'Giấy khen', 'huyện', 'chuyên đề', '13/QĐ-UBND', '2024-09-15'],
];
const csv = (separator: string, rows = [HEADER, ...ROWS]) => rows.map((r) => r.map((c) => (c.includes(separator) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(separator)).join('\r\n') + '\r\n';
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** "Trần Văn Phúc" as Windows-1258 writes it: â then a combining grave (0xCC), ă is 0xE3, ú is 0xFA. */
const CP1258_TRAN_VAN_PHUC = [0x54, 0x72, 0xe2, 0xcc, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0x50, 0x68, 0xfa, 0x63];

describe('TCVN3 and VNI text', () => {
  test.each([
    // a TCVN3 sample as it shows in old files read as Latin-1
    ['NguyÔn Ngäc B×nh', 'Nguyễn Ngọc Bình'],
    ['TrÇn ThÞ Hµ, UBND x· V¹n H­ng', 'Trần Thị Hà, UBND xã Vạn Hưng'],
    ['Gi¸m ®èc Së Néi vô', 'Giám đốc Sở Nội vụ'],
    ['§¶ng ñy x· V¹n Th¾ng', 'Đảng ủy xã Vạn Thắng'],
  ])('converts TCVN3 "%s" to "%s"', (tcvn3, unicode) => {
    expect(legacyEncodingOf(tcvn3)).toBe('TCVN3');
    expect(tcvn3ToUnicode(tcvn3)).toBe(unicode);
  });

  test.each([['Nguyeãn Vaên Huøng, UBND xaõ Vaïn Höng'], ['Vieät Nam, Ñaûng uûy']])('recognises VNI in "%s"', (vni) => {
    expect(legacyEncodingOf(vni)).toBe('VNI');
  });

  test.each([['Nguyễn Văn Hùng, Hoà Bình, Thuý, UBND xã Vạn Hưng'], ['Hoàng Thị Loan — Ủy ban nhân dân'], ['plain ASCII, 12,5']])('leaves Unicode text alone: "%s"', (text) => {
    expect(legacyEncodingOf(text)).toBeUndefined();
  });

  test('decodes UTF-8, UTF-16 and Windows-1258 bytes, converts TCVN3 and refuses VNI naming it', () => {
    expect(decodeTextFile(Buffer.from('\uFEFFTrần Văn Phúc', 'utf8'))).toMatchObject({ ok: true, text: 'Trần Văn Phúc' });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Trần Văn Phúc', 'utf16le')]))).toMatchObject({ ok: true, text: 'Trần Văn Phúc' });
    expect(decodeTextFile(Uint8Array.from(CP1258_TRAN_VAN_PHUC))).toMatchObject({ ok: true, text: 'Trần Văn Phúc' });
    expect(decodeTextFile(latin1('TrÇn V¨n Phóc'))).toMatchObject({ ok: true, text: 'Trần Văn Phúc', converted: 'TCVN3' });
    const vni = decodeTextFile(latin1('Traàn Vaên Phuùc, Ñaûng uûy'));
    expect(vni.ok).toBe(false);
    expect(!vni.ok && vni.message).toMatch(/bảng mã VNI/);
  });
});

describe('the separator of a CSV', () => {
  test.each([
    ['a,b;c\n1,2', ','],
    ['Họ tên;Đơn vị;Điểm\n"A; B";x;13,5', ';'],
    ['a\tb\tc', '\t'],
    ['"x, y";z', ';'],
    ['one', ','],
  ])('is found from the first line of %j', (text, expected) => {
    expect(csvDelimiter(text)).toBe(expected);
  });
});

describe('thidua import of a CSV as Excel writes it', () => {
  let dir: string;
  let store: string;
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const stored = async () => (await (await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns)).read(['awardHistory'])).awardHistory;

  beforeEach(async () => {
    dir = tempDir();
    store = join(dir, 'so.xlsx');
    await thidua('init', 'van-ninh-dan-van-kheo', '--store', store);
  });

  test.each([
    ['semicolons (Vietnamese-locale Excel), BOM, CRLF', () => '\uFEFF' + csv(';')],
    ['tabs', () => csv('\t')],
    ['commas', () => csv(',')],
    ['UTF-16 tab-separated text (Excel "Unicode text")', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('\t'), 'utf16le')])],
  ])('loads a file separated by %s', async (_, content) => {
    const result = await thidua('import', 'award-history', file('lich-su.csv', content()), '--store', store);
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0 });
    expect((await stored()).map((r) => [r.name, r.award, r.decisionDate])).toEqual([
      ['Trần Văn Phúc', 'Giấy khen, cấp xã', '2023-09-15'],
      ['Phan Văn Đức', 'Giấy khen', '2024-09-15'],
    ]);
  });

  test('converts a TCVN3 file (an old .VnTime sheet saved as CSV) and loads it', async () => {
    // GIVEN a sheet typed in the .VnTime font, header included, saved as CSV: every Vietnamese letter is a TCVN3 byte
    const header = ['N¨m', 'Hä vµ tªn / Tªn tËp thÓ', '§¬n vÞ', 'H×nh thøc khen th\u00adëng', 'CÊp', 'Lo¹i khen th\u00adëng', 'Sè quyÕt ®Þnh', 'Ngµy quyÕt ®Þnh'];
    const tcvn3 = csv(',', [header, ['2023', 'TrÇn V¨n Phóc', 'UBND x· V¹n H\u00adng', 'GiÊy khen', 'x·', '®Þnh kú', '11/Q§-UBND', '15/09/2023']]);
    // WHEN it is imported
    const result = await thidua('import', 'award-history', file('tcvn3.csv', latin1(tcvn3)), '--store', store);
    // THEN it is converted to Unicode and loaded
    expect(result.stderr).toBe('');
    expect((await stored()).map((r) => [r.name, r.unit, r.decisionNumber, r.level, r.mode])).toEqual([['Trần Văn Phúc', 'UBND xã Vạn Hưng', '11/QĐ-UBND', 'commune', 'periodic']]);
  });

  test('refuses a VNI file once, naming the encoding and what to do', async () => {
    const header = ['Naêm', 'Hoï vaø teân / Teân taäp theå', 'Ñôn vò', 'Hình thöùc khen thöôûng', 'Caáp', 'Loaïi khen thöôûng', 'Soá quyeát ñònh', 'Ngaøy quyeát ñònh'];
    const vni = csv(',', [header, ['2023', 'Traàn Vaên Phuùc', 'UBND xaõ Vaïn Höng', 'Giaáy khen', 'xaõ', 'ñònh kyø', '11/QÑ-UBND', '15/09/2023']]);
    const result = await thidua('import', 'award-history', file('vni.csv', latin1(vni)), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/vni\.csv.*bảng mã VNI.*Unicode/);
  });

  test('says once that the header is not recognised, naming the columns expected', async () => {
    const result = await thidua('import', 'award-history', file('sai.csv', 'year|name|unit\n2023|A|B\n2024|C|D\n'), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('không nhận ra hàng tiêu đề');
    expect(result.stderr).toContain('"Ngày quyết định"');
    expect(result.stderr).not.toMatch(/commune|periodic|invalid/i);
  });
});

describe('form responses downloaded by a Vietnamese-locale Excel', () => {
  test('reads a responses CSV separated by semicolons', () => {
    const questions = [...buildFormPlan(vanNinh()).questions.values()];
    const name = questions.find((q) => q.field === 'name')!.title;
    const [row] = csvToAnswers(`\uFEFFDấu thời gian;${name}\r\n15/08/2024 09:30:00;"Trần Thị Mai; tổ 5"\r\n`, questions);
    expect(row!.byTitle![name]).toEqual(['Trần Thị Mai; tổ 5']);
    expect(row!.submittedAt).toBe('2024-08-15T09:30:00+07:00');
  });
});
