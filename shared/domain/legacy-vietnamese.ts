/**
 * Vietnamese text in the encodings that came before Unicode and still circulate in old office files: TCVN3 (ABC,
 * the ".Vn" fonts such as .VnTime) and VNI (the "VNI-" fonts). Both put Vietnamese letters on the bytes of Latin-1, so
 * a file in them read as Latin-1 or Windows-1252 shows "NguyÔn V¨n Hïng" (TCVN3) or "Nguyeãn Vaên Huøng" (VNI). Pure.
 */

/** TCVN3 (ABC): each byte above 0xA0 that is a Vietnamese letter, as the Latin-1 character it shows as → the letter. */
const TCVN3_LETTERS: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  const put = (bytes: number[], letters: string) => bytes.forEach((b, i) => (table[String.fromCharCode(b)] = [...letters][i]!));
  put([0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7], 'ĂÂÊÔƠƯĐ');
  put([0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae], 'ăâêôơưđ');
  // base letter's five tones, in TCVN3's order: grave, hook above, tilde, acute, dot below
  put([0xb5, 0xb6, 0xb7, 0xb8, 0xb9], 'àảãáạ');
  put([0xbb, 0xbc, 0xbd, 0xbe, 0xc6], 'ằẳẵắặ');
  put([0xc7, 0xc8, 0xc9, 0xca, 0xcb], 'ầẩẫấậ');
  put([0xcc, 0xce, 0xcf, 0xd0, 0xd1], 'èẻẽéẹ');
  put([0xd2, 0xd3, 0xd4, 0xd5, 0xd6], 'ềểễếệ');
  put([0xd7, 0xd8, 0xdc, 0xdd, 0xde], 'ìỉĩíị');
  put([0xdf, 0xe1, 0xe2, 0xe3, 0xe4], 'òỏõóọ');
  put([0xe5, 0xe6, 0xe7, 0xe8, 0xe9], 'ồổỗốộ');
  put([0xea, 0xeb, 0xec, 0xed, 0xee], 'ờởỡớợ');
  put([0xef, 0xf1, 0xf2, 0xf3, 0xf4], 'ùủũúụ');
  put([0xf5, 0xf6, 0xf7, 0xf8, 0xf9], 'ừửữứự');
  put([0xfa, 0xfb, 0xfc, 0xfd, 0xfe], 'ỳỷỹýỵ');
  return table;
})();

/** Characters TCVN3 text shows that Vietnamese in Unicode never uses (Unicode Vietnamese has à, á, â, ã, é, ê, …). */
const TCVN3_ONLY = /[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c6-\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f4\u00f6-\u00f8\u00fb\u00fc\u00fe]/g;
/** VNI writes a vowel's marks as a second character after it: "eä" (ệ), "aø" (à), "öø" (ừ); đ is ñ, Đ is Ñ. */
const VNI_PAIRS = /[aeiouyAEIOUYöôÖÔ][\u00f8\u00f9\u00fb\u00f5\u00ef\u00e1\u00e0\u00e5\u00e3\u00e4\u00e9\u00e8\u00fa\u00fc\u00eb\u00ea\u00d8\u00d9\u00db\u00d5\u00cf\u00c1\u00c0\u00c5\u00c3\u00c4\u00c9\u00c8\u00da\u00dc\u00cb\u00ca]|(?:^|[\s,;"'(])[ñÑ]/g;
/** The TCVN3 characters VNI never writes: tone-marked a, ă, â, đ, the uppercase letters and most toned vowels. */
const TCVN3_STRONG = /[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c6-\u00c8\u00ce\u00cf\u00d0\u00d6\u00d7\u00de\u00df\u00e6\u00e7\u00ee\u00f7\u00fe]/g;
const NON_ASCII = /[^\x00-\x7f]/g;
/** Letters only Unicode Vietnamese has (ă, đ, ĩ, ũ, ơ, ư and the precomposed letters with tones): never in legacy text. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300\u0301\u0303\u0309\u0323]/g;

/** The legacy encoding a text looks like it was written in, or undefined for Unicode (or plain ASCII) text. */
export type LegacyEncoding = 'TCVN3' | 'VNI';

/** The names a secretary knows the encodings by (the fonts that used them). */
export const LEGACY_ENCODING_NAME: Record<LegacyEncoding, string> = {
  TCVN3: 'TCVN3 (ABC, phông chữ .VnTime, .VnArial…)',
  VNI: 'VNI (phông chữ VNI-Times, VNI-Helve…)',
};

/**
 * Which legacy encoding a text (read as Latin-1, or saved to Unicode character for character from a legacy font)
 * looks like, by the characters only that encoding produces; undefined when it reads as Unicode Vietnamese.
 *
 * @example legacyEncodingOf('NguyÔn V¨n Hïng') // 'TCVN3'
 */
export function legacyEncodingOf(text: string): LegacyEncoding | undefined {
  const nonAscii = text.match(NON_ASCII)?.length ?? 0;
  if (nonAscii === 0) return undefined;
  if ((text.match(UNICODE_VIETNAMESE)?.length ?? 0) >= nonAscii * 0.2) return undefined;
  const tcvn3 = text.match(TCVN3_ONLY)?.length ?? 0;
  const vni = text.match(VNI_PAIRS)?.length ?? 0;
  const strong = text.match(TCVN3_STRONG)?.length ?? 0;
  const enough = (n: number) => n >= 2 && n >= nonAscii * 0.2;
  if (enough(vni) && vni > strong) return 'VNI';
  if (enough(tcvn3)) return 'TCVN3';
  return undefined;
}

/** TCVN3 text (as Latin-1 characters) in Unicode, NFC: "NguyÔn V¨n Hïng" → "Nguyễn Văn Hùng". */
export function tcvn3ToUnicode(text: string): string {
  return text.replace(/[\u00a1-\u00fe]/g, (c) => TCVN3_LETTERS[c] ?? c).normalize('NFC');
}
