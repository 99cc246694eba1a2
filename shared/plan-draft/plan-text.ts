import { LEGACY_ENCODING_NAME, legacyEncodingOf, tcvn3ToUnicode } from '../domain/legacy-vietnamese.js';

/**
 * A plan's text as it really arrives, made ready to read: Unicode NFC (Word on macOS and some PDFs give NFD), the
 * legacy encodings converted (TCVN3/ABC and VNI, from documents typed in .VnTime or VNI-Times), spaces tidied, and
 * text without its diacritics (a PDF whose font had no Unicode map) recognised so that nothing is read from it. Pure.
 */

export interface PreparedText {
  /** The text, NFC, one paragraph per line (tabs kept: they separate table cells). */
  text: string;
  /** Whether fields may be read from it: false for text without diacritics. */
  readable: boolean;
  /** What was done to the text or found wrong with it, in Vietnamese. */
  warnings: string[];
}

/** VNI marks written after a vowel, lowercase and uppercase: the combining marks each stands for. */
const VNI_MARKS: Readonly<Record<string, string>> = (() => {
  const grave = '\u0300', acute = '\u0301', hook = '\u0309', tilde = '\u0303', dot = '\u0323', circ = '\u0302', breve = '\u0306';
  const table: Record<string, string> = {};
  const put = (lower: string, upper: string, marks: string) => {
    table[lower] = marks;
    table[upper] = marks;
  };
  put('ø', 'Ø', grave);
  put('ù', 'Ù', acute);
  put('û', 'Û', hook);
  put('õ', 'Õ', tilde);
  put('ï', 'Ï', dot);
  put('â', 'Â', circ);
  put('à', 'À', circ + grave);
  put('á', 'Á', circ + acute);
  put('å', 'Å', circ + hook);
  put('ã', 'Ã', circ + tilde);
  put('ä', 'Ä', circ + dot);
  put('ê', 'Ê', breve);
  put('è', 'È', breve + grave);
  put('é', 'É', breve + acute);
  put('ú', 'Ú', breve + hook);
  put('ü', 'Ü', breve + tilde);
  put('ë', 'Ë', breve + dot);
  return table;
})();

/** VNI letters written as one character: ơ, ư (as ô, ö), đ (ñ) and the toned i (ì í æ ó ò). */
const VNI_SINGLE: Readonly<Record<string, string>> = {
  'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
  'ì': 'ì', 'í': 'í', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'Ì': 'Ì', 'Í': 'Í', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị',
};

/** The marks a VNI mark character may follow: circumflex on a, e, o; breve on a only; tones on every vowel. */
function vniMarkFits(base: string, marks: string): boolean {
  const b = base.normalize('NFD')[0]!.toLowerCase();
  const horn = base.normalize('NFD').includes('\u031b');
  if (marks.startsWith('\u0302')) return !horn && 'aeo'.includes(b);
  if (marks.startsWith('\u0306')) return b === 'a';
  return 'aeiouy'.includes(b);
}

/** VNI text (as Latin-1 characters) in Unicode, NFC: "Nguyeãn Vaên Huøng" → "Nguyễn Văn Hùng". */
export function vniToUnicode(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const base = VNI_SINGLE[c] ?? c;
    const next = chars[i + 1];
    if (/[aeiouyơưAEIOUYƠƯ]/.test(base) && next !== undefined && VNI_MARKS[next] && vniMarkFits(base, VNI_MARKS[next])) {
      out += base + VNI_MARKS[next];
      i++;
    } else out += base;
  }
  return out.normalize('NFC');
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/**
 * Whether a text is Vietnamese written without its diacritics ("Ke hoach thi dua"), the sign of a PDF read without
 * its font's Unicode map: at least 40 words and fewer than 1 in 20 with a Vietnamese letter (running Vietnamese has
 * about one in two).
 */
export function lacksDiacritics(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  if (words.length < 40) return false;
  const marked = words.filter((w) => VIETNAMESE_LETTER.test(w)).length;
  return marked < words.length / 20;
}

/** Tidies a plan's text and converts it to Unicode NFC; says what it did and whether the text can be read. */
export function preparePlanText(raw: string): PreparedText {
  const warnings: string[] = [];
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text !== text.normalize('NFC')) {
    text = text.normalize('NFC');
    warnings.push('Văn bản dùng dấu tổ hợp (Unicode NFD): đã chuẩn hóa về dựng sẵn (NFC).');
  }
  const legacy = legacyEncodingOf(text);
  if (legacy) {
    text = legacy === 'TCVN3' ? tcvn3ToUnicode(text) : vniToUnicode(text);
    warnings.push(`Văn bản gõ bằng bảng mã cũ ${LEGACY_ENCODING_NAME[legacy]}: đã chuyển sang Unicode; hãy đối chiếu các trường với bản gốc.`);
  }
  text = text
    .split('\n')
    .map((line) => line.replace(/[\u200B-\u200D\u2060\u00AD]/g, '').replace(/\*{1,2}/g, '').replace(/[ \u00A0\u2007\u202F]+/g, ' ').replace(/ *\t */g, '\t').replace(/^ +| +$/g, ''))
    .join('\n');
  const readable = !lacksDiacritics(text);
  if (!readable) {
    warnings.push(
      'Văn bản không có dấu tiếng Việt (thường do tệp PDF bị trích xuất sai phông chữ): không đọc trường nào từ văn bản này để tránh hiểu sai. ' +
        'Hãy dùng tệp Word (.docx) hoặc bản PDF xuất trực tiếp từ Word.',
    );
  }
  return { text, readable, warnings };
}
