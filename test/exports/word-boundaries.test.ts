import { describe, expect, test } from 'vitest';
import { cutAtWord, fileSlug, uniqueTabNames } from '../../shared/exports/sheet-names.js';

describe('tab names and file names are cut at word boundaries, never inside a syllable', () => {
  test.each([
    ['Trần Văn Phúc', 10, 'Trần Văn'],
    ['Trần Văn Phúc', 8, 'Trần Văn'],
    ['Trần Văn Phúc', 13, 'Trần Văn Phúc'],
    ['Nguyễn', 3, 'Ngu'],
  ])('"%s" cut to %i is "%s"', (text, max, expected) => {
    expect(cutAtWord(text, max, ' ')).toBe(expected);
  });

  test.each([
    ['Đoàn Thanh niên thị trấn Vạn Giã, huyện Vạn Ninh', ['Đoàn Thanh niên thị trấn Vạn', 'Đoàn Thanh niên thị trấn (2)']],
    ['Hội Liên hiệp Phụ nữ xã Vạn Long thôn Xuân Đông', ['Hội Liên hiệp Phụ nữ xã Vạn', 'Hội Liên hiệp Phụ nữ xã Vạn (2)']],
  ])('the tab of "%s" and its repeat', (title, expected) => {
    const names = uniqueTabNames([title, title]);
    expect(names).toEqual(expected);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(31);
  });

  test.each([
    ['Hội Liên hiệp Phụ nữ xã Vạn Long', 20, 'hoi-lien-hiep-phu-nu'],
    ['Hội Liên hiệp Phụ nữ xã Vạn Long', 18, 'hoi-lien-hiep-phu'],
    ['Đặng Thị Mai', 60, 'dang-thi-mai'],
  ])('the file slug of "%s" within %i characters is "%s"', (text, max, expected) => {
    expect(fileSlug(text, max)).toBe(expected);
  });
});

describe('other names cut for length', () => {
  test('a form title longer than 300 characters ends on a whole word', async () => {
    const { formTitle } = await import('../../shared/forms/form-plan.js');
    const { vanNinh } = await import('../support/builders.js');
    const long = { ...vanNinh(), title: 'Phong trào thi đua “Dân vận khéo” '.repeat(12) };
    const title = formTitle(long);
    expect([...title].length).toBeLessThanOrEqual(300);
    expect(`${long.title} `.includes(`${title.replace('Hồ sơ đề nghị khen thưởng – ', '')} `)).toBe(true);
  });
});
