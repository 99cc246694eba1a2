/**
 * Vietnamese text: normalisation for storage and display, canonical keys for matching,
 * and the Vietnamese collation for sorting. Pure: no I/O.
 */

/**
 * Characters no cell, XML part or file can hold safely: control characters other than tab, CR and LF (C0, DEL, C1),
 * the noncharacters U+FFFE and U+FFFF, and lone surrogates (half of a pair). An .xlsx holding one cannot be opened.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Whether a text holds a character no store can keep (see {@link stripUnsafe}). */
export const hasUnsafeCharacters = (value: string): boolean => value.search(UNSAFE) !== -1;

/** Drops the characters no store can keep: control characters but tab/CR/LF, U+FFFE, U+FFFF, lone surrogates. */
export const stripUnsafe = (value: string): string => value.replace(UNSAFE, '');

/** Writes each unsafe character as a JSON escape (`\u0000`), so JSON text stays exact and safe to store. */
export const escapeUnsafe = (value: string): string => value.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The unsafe characters of a text, as code points ("U+0000, U+FFFE"), for a message. */
export const unsafeCodePoints = (value: string): string =>
  [...new Set(value.match(UNSAFE) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2007\u202F]+/g;

/** NFC-normalises, drops zero-width characters and soft hyphens, folds runs of spaces (NBSP too) and trims. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Look-alike letters that keyboards and PDFs send instead of the Vietnamese ones. */
const LOOK_ALIKES: Record<string, string> = {
  '\u00D0': 'Đ', // Ð (Icelandic eth) → Đ
  '\u00F0': 'đ', // ð → đ
  '\u0189': 'Đ', // Ɖ (African D) → Đ
  '\u0256': 'đ', // ɖ → đ
};


/**
 * A key for matching names that differ only in case, spacing, look-alike letters or tone-mark placement
 * (hoà/hòa, thuý/thúy). Never shown to users: display what was entered.
 *
 * @example canonicalKey('  Nguyễn  Thị Thuý ') === canonicalKey('nguyễn thị thúy')
 */
export function canonicalKey(value: string): string {
  // Fast path for plain ASCII (account ids, codes): the same key the general path gives, without Unicode work.
  if (PRINTABLE_ASCII.test(value)) return value.replace(/\s+/g, ' ').trim().toLowerCase();
  const text = normalizeText(value)
    .replace(/[\u00D0\u00F0\u0189\u0256]/g, (c) => LOOK_ALIKES[c] ?? c)
    .toLocaleLowerCase('vi')
    .normalize('NFD');
  return text.split(' ').map(syllableKey).join(' ');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g; // grave, acute, tilde, hook above, dot below

/** A decomposed syllable's key: its letters without the tone mark, followed by the tone mark, wherever it was placed. */
function syllableKey(decomposed: string): string {
  const tones = decomposed.match(TONE_MARKS);
  return tones ? `${decomposed.replace(TONE_MARKS, '')}#${tones.join('')}` : decomposed;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese alphabetical order ("Đặng" after "Dương", before "E"). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The given name of a Vietnamese full name: the last word ("Nguyễn Thị Hoa" → "Hoa"). */
export function givenName(fullName: string): string {
  const words = normalizeText(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

/** Roster order: by given name, then by the whole name, in Vietnamese collation. */
export function compareByGivenName(a: string, b: string): number {
  return compareVi(givenName(a), givenName(b)) || compareVi(a, b);
}
