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
      const name = `${cutAtWord(base, MAX_TAB - suffix.length, ' ')}${suffix}`;
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
  return cutAtWord(plain, max, '-') || 'ho-so';
}

/**
 * At most `max` characters (code points, NFC), cut at a word boundary — never inside a syllable ("Trần Văn Phúc"
 * cut to 10 is "Trần Văn", not "Trần Văn P"); a single word longer than `max` is cut where it must.
 */
export function cutAtWord(text: string, max: number, separator: string): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max);
  const atBoundary = chars[max] === separator;
  const lastSeparator = head.lastIndexOf(separator);
  const kept = atBoundary || lastSeparator <= 0 ? head : head.slice(0, lastSeparator);
  return kept.join('').replace(new RegExp(`[${separator === '-' ? '\\-' : '\\s'}]+$`), '');
}

/**
 * A file-name part for an identifier: its slug, followed by a short hash of the exact identifier whenever the slug
 * loses something (case, punctuation, diacritics), so "ACYDB/x1", "acydb-X1" and "ACYDB.X1" stay three names.
 *
 * @example idSlug('a1') === 'a1'; idSlug('ACYDB/x1') === 'acydb-x1-' + six base-36 characters
 */
export function idSlug(id: string, max = 30): string {
  const slug = fileSlug(id, max);
  return slug === id ? slug : `${slug}-${shortHash(id)}`;
}

/** FNV-1a over the UTF-16 units, as six base-36 characters: stable across runs and machines. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0').slice(-6);
}

/**
 * File names made unique without regard to case (as Windows and macOS compare them): a repeated name gets "-2",
 * "-3", … before its extension, in input order.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
      const key = candidate.toLowerCase();
      if (!taken.has(key)) {
        taken.add(key);
        return candidate;
      }
    }
  });
}
