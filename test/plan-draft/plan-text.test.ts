import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tcvn3ToUnicode } from '../../shared/domain/legacy-vietnamese.js';
import { draftCampaign } from '../../shared/plan-draft/extract.js';
import { lacksDiacritics, preparePlanText, vniToUnicode } from '../../shared/plan-draft/plan-text.js';

const PLANS = join(import.meta.dirname, '../fixtures/plans');
const vanNinh = readFileSync(join(PLANS, '002_36533bd3008d7c4c.txt'), 'utf8');

/** Unicode → VNI as the VNI fonts typed it: a vowel then its marks as a second character; ơ ư đ and toned i as one. */
function toVni(text: string): string {
  const tone: Record<string, string> = { '\u0300': 'ø', '\u0301': 'ù', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
  const circumflex: Record<string, string> = { '': 'â', '\u0300': 'à', '\u0301': 'á', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
  const breve: Record<string, string> = { '': 'ê', '\u0300': 'è', '\u0301': 'é', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
  const tonedI: Record<string, string> = { '\u0300': 'ì', '\u0301': 'í', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };
  return [...text.normalize('NFC')]
    .map((ch) => {
      if (ch === 'đ') return 'ñ';
      if (ch === 'Đ') return 'Ñ';
      const [base = '', ...rest] = [...ch.normalize('NFD')];
      const marks = rest.join('');
      if (!marks) return ch;
      const upper = base !== base.toLowerCase();
      const cased = (s: string) => (upper ? s.toUpperCase() : s);
      const t = /[\u0300\u0301\u0309\u0303\u0323]/.exec(marks)?.[0] ?? '';
      if (marks.includes('\u031b')) return cased(base.toLowerCase() === 'o' ? 'ô' : 'ö') + cased(tone[t] ?? '');
      if (marks.includes('\u0302')) return base + cased(circumflex[t]!);
      if (marks.includes('\u0306')) return base + cased(breve[t]!);
      if (base.toLowerCase() === 'i') return cased(tonedI[t]!);
      return base + cased(tone[t]!);
    })
    .join('');
}

/** Unicode → TCVN3 as Latin-1 characters: the inverse of the converter's own byte table (checked on known words below). */
function toTcvn3(text: string): string {
  const inverse = new Map<string, string>();
  for (let b = 0xa1; b <= 0xfe; b++) {
    const c = String.fromCharCode(b);
    const u = tcvn3ToUnicode(c);
    if (u !== c) inverse.set(u, c);
  }
  return [...text.normalize('NFC')].map((c) => inverse.get(c) ?? c).join('');
}

const stripDiacritics = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('a plan text as it really arrives', () => {
  test.each([
    ['TCVN3 (.VnTime)', 'KÕ ho¹ch thi ®ua: Gi\u00cay khen cña Chñ tÞch UBND huyÖn', 'Kế hoạch thi đua: Giấy khen của Chủ tịch UBND huyện', 'TCVN3'],
    ['VNI (VNI-Times)', 'Keá hoaïch thi ñua: Giaáy khen cuûa Chuû tòch UBND huyeän', 'Kế hoạch thi đua: Giấy khen của Chủ tịch UBND huyện', 'VNI'],
    ['VNI capitals', 'KEÁ HOAÏCH – TÖÔNG TRÔÏ, ÑOAØN KEÁT', 'KẾ HOẠCH – TƯƠNG TRỢ, ĐOÀN KẾT', 'VNI'],
    ['NFD (Word on macOS)', 'Ke\u0302\u0301 hoa\u0323ch thi đua', 'Kế hoạch thi đua', 'NFC'],
    ['Unicode NFC', 'Kế hoạch thi đua năm 2025', 'Kế hoạch thi đua năm 2025', undefined],
  ])('converts %s to Unicode NFC and says what it did', (_, raw, expected, warned) => {
    const prepared = preparePlanText(raw);
    expect(prepared.text).toBe(expected);
    expect(prepared.readable).toBe(true);
    if (warned) expect(prepared.warnings.join('\n')).toContain(warned);
    else expect(prepared.warnings).toEqual([]);
  });

  test('decodes every VNI letter the test encoder writes back to the Unicode it came from', () => {
    const all = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    expect(vniToUnicode(toVni(all))).toBe(all);
    expect(vniToUnicode(toVni(all.toUpperCase()))).toBe(all.toUpperCase());
  });

  test.each([
    ['TCVN3', toTcvn3],
    ['VNI', toVni],
  ])('drafts a whole plan typed in %s exactly as the same plan in Unicode, with a warning', (name, encode) => {
    const legacy = draftCampaign(encode(vanNinh));
    const unicode = draftCampaign(vanNinh);
    expect(legacy.fields).toEqual(unicode.fields);
    expect(legacy.warnings[0]).toContain(`bảng mã cũ ${name}`);
  });

  test('drafts a plan in NFD exactly as in NFC', () => {
    const nfd = draftCampaign(vanNinh.normalize('NFD'));
    expect(nfd.fields).toEqual(draftCampaign(vanNinh).fields);
    expect(nfd.warnings[0]).toContain('NFD');
  });

  test('reports text without diacritics and fills no field from it rather than misread it', () => {
    const draft = draftCampaign(stripDiacritics(vanNinh));
    expect(draft.fields).toEqual([]);
    expect(draft.warnings.join('\n')).toContain('không có dấu tiếng Việt');
    expect(draft.missing).toContain('/title');
  });

  test.each([
    ['a plan without diacritics', stripDiacritics(vanNinh), true],
    ['a plan in Vietnamese', vanNinh, false],
    ['a short line in capitals without marks', 'KE HOACH SO 12', false],
    ['English words in a Vietnamese plan', `${vanNinh}\nInternet Facebook Zalo website online`, false],
  ])('tells %s: lacks diacritics = %s', (_, text, expected) => {
    expect(lacksDiacritics(text)).toBe(expected);
  });
});
