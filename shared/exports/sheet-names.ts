/** Names for worksheet tabs and files made from Vietnamese names. Pure. */

const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_TAB = 31;

/**
 * Tab names from titles: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe, unique
 * without regard to case ("Trần Văn Phúc", "Trần Văn Phúc (2)").
 */
export function uniqueTabNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = title.normalize('NFC').replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim() || 'Trang';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${[...base].slice(0, MAX_TAB - suffix.length).join('').trimEnd()}${suffix}`;
      const key = name.toLocaleLowerCase('vi');
      if (!taken.has(key) && key !== 'history') {
        taken.add(key);
        return name;
      }
    }
  });
}

/** A file-name slug: no diacritics, lower case, dashes ("Đặng Thị Mai" → "dang-thi-mai"). */
export function fileSlug(text: string, max = 60): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain.slice(0, max).replace(/-+$/, '') || 'ho-so';
}
