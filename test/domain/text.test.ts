import { describe, expect, test } from 'vitest';
import { canonicalKey, compareByGivenName, compareVi, normalizeText } from '../../shared/domain/text.js';

describe('Vietnamese text', () => {
  test('normalises decomposed (NFD) input to NFC so it compares equal to what a keyboard sends', () => {
    expect(normalizeText('Nguye\u0302\u0303n Thi\u0323')).toBe('Nguyễn Thị');
  });

  test('drops zero-width characters and NBSP, folds spaces and trims', () => {
    expect(normalizeText('\u00A0Trần\u200B  Văn\u00A0\u00A0Phúc ')).toBe('Trần Văn Phúc');
  });

  test.each([
    ['Hoà', 'Hòa'],
    ['Thuý', 'Thúy'],
    ['NGUYỄN THỊ HOA', 'nguyễn thị hoa'],
    ['Ðặng Văn Lâm', 'Đặng Văn Lâm'],
    ['Trần  Văn\u200B Phúc', 'Trần Văn Phúc'],
  ])('matches %s and %s on the canonical key', (a, b) => {
    expect(canonicalKey(a)).toBe(canonicalKey(b));
  });

  test('keeps names with different tones apart', () => {
    expect(canonicalKey('Hoà')).not.toBe(canonicalKey('Hoá'));
  });

  test('sorts Đ after D and before E, never after Z as code points would', () => {
    const names = ['Zô', 'Đặng', 'Dương', 'Ánh', 'Em'];
    expect([...names].sort(compareVi)).toEqual(['Ánh', 'Dương', 'Đặng', 'Em', 'Zô']);
  });

  test('orders a roster by given name, then by the whole name', () => {
    const names = ['Trần Văn Bình', 'Lê Thị An', 'Nguyễn Văn An'];
    expect([...names].sort(compareByGivenName)).toEqual(['Lê Thị An', 'Nguyễn Văn An', 'Trần Văn Bình']);
  });
});
