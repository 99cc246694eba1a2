import { LEGACY_ENCODING_NAME, legacyEncodingOf, tcvn3ToUnicode, type LegacyEncoding } from '../domain/legacy-vietnamese.js';

/**
 * A text file as people send it, turned into Unicode text: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"),
 * Windows-1258 (what Vietnamese-locale Excel writes for "CSV"), and TCVN3 (ABC) text from old ".Vn" fonts, converted.
 * VNI text is refused, naming the encoding: its marks are too ambiguous to convert without mistakes.
 */
export type DecodedText = { ok: true; text: string; converted?: LegacyEncoding; encoding: string } | { ok: false; message: string };

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return legacyOrText(text, 'UTF-8');
  let latin1 = '';
  for (let i = 0; i < body.length; i += 1) latin1 += String.fromCharCode(body[i]!);
  const legacy = legacyOrText(latin1, 'TCVN3');
  if (!legacy.ok || legacy.converted) return legacy;
  return { ok: true, text: new TextDecoder('windows-1258').decode(body).normalize('NFC'), encoding: 'Windows-1258' };
}

function legacyOrText(text: string, encoding: string): DecodedText {
  const legacy = legacyEncodingOf(text);
  if (legacy === 'TCVN3') return { ok: true, text: tcvn3ToUnicode(text), converted: 'TCVN3', encoding: LEGACY_ENCODING_NAME.TCVN3 };
  if (legacy === 'VNI')
    return {
      ok: false,
      message: `chữ tiếng Việt trong tệp có vẻ viết theo bảng mã ${LEGACY_ENCODING_NAME.VNI}, không phải Unicode. Hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: bảng mã nguồn VNI Windows, bảng mã đích Unicode) rồi lưu lại dạng "CSV UTF-8" và gửi lại.`,
    };
  return { ok: true, text, encoding };
}

/**
 * The field separator of a CSV, from its first line: Vietnamese-locale Excel writes ";" (the comma is the decimal
 * separator there), "Unicode text" uses tabs, everything else ",". Separators inside quotes do not count.
 */
export function csvDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts] += 1;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}
