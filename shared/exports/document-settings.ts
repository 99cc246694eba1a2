import { z } from 'zod';
import '../domain/zod-vietnamese.js';
import { calendarDateOf } from '../domain/dates.js';
import { normalizeText } from '../domain/text.js';

/**
 * The keys the council writes in the "Cài đặt" tab to fill in the documents it prints. Every key is optional: what is
 * missing comes from the campaign template, or stays a dotted blank to fill by hand. A key may be given for one award
 * only by adding its id in brackets: "Số văn bản (giay-khen-chu-tich-huyen)".
 */
export const DOCUMENT_SETTING_KEYS = {
  governingBody: 'Cơ quan chủ quản',
  issuingBody: 'Cơ quan ban hành văn bản',
  successorIssuer: 'Cơ quan kế nhiệm',
  place: 'Địa danh',
  number: 'Số văn bản',
  signedOn: 'Ngày ký',
  deputy: 'Ký thay (KT.)',
  signerName: 'Người ký',
  recipients: 'Nơi nhận',
  appendix: 'Số phụ lục',
} as const;
type SettingField = keyof typeof DOCUMENT_SETTING_KEYS;

/** Document settings, parsed: only what the council filled in. */
export interface DocumentSettings {
  governingBody?: string;
  /** Lines of the issuing body, as printed (bold capitals). */
  issuingBody?: string[];
  /**
   * The body that took over from one that ceased (two-tier local government from 01/7/2025), in running text:
   * "Ủy ban nhân dân xã Bắc Sơn". Used for lists dated after the template's body ceased, and for awards of a body the
   * template cannot name.
   */
  successorIssuer?: string;
  /** The place in the date line of the decision or submission (and of the dossier's Word documents). */
  place?: string;
  /** The number of the decision or submission the list goes with: "125/QĐ-UBND", or "125" (the suffix is added). */
  number?: string;
  /** Signing date of that decision or submission, YYYY-MM-DD. */
  signedOn?: string;
  /**
   * The decision or submission signed by a deputy on the chairman's behalf: "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH". The
   * list attached to it carries no signature of its own (decision 015); the Word decision and submission do.
   */
  deputy?: boolean;
  signerName?: string;
  /** "Nơi nhận" lines of the decision or submission, without the leading dash. */
  recipients?: string[];
  /**
   * The list's number among the attachments of its decision, in Roman numerals ("II"): NĐ 30/2020 numbers the
   * attachments only when a document has two or more.
   */
  appendix?: string;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && normalizeText(v) === '' ? undefined : v);
const text = z.preprocess(blankToUndefined, z.string().transform(normalizeText).pipe(z.string().max(300)).optional());
/** Several lines in one cell: separated by line breaks (Alt+Enter) or by "|" (issuing body) / ";" (recipients). */
const lines = (separator: RegExp) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((v) => v.split(separator).map((l) => normalizeText(l).replace(/^[-–•]\s*/, '').replace(/[;.]$/, '')).filter(Boolean))
      .pipe(z.array(z.string().max(300)).min(1).max(20))
      .optional(),
  );
const date = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((v, ctx) => {
      const parsed = calendarDateOf(normalizeText(v));
      if (!parsed) ctx.addIssue({ code: 'custom', message: `không phải là ngày hợp lệ ("${v}"); ghi theo dạng dd/mm/yyyy, ví dụ 05/02/2026` });
      return parsed ?? '';
    })
    .optional(),
);
const YES_NO: Record<string, 'có' | 'không'> = { có: 'có', co: 'có', x: 'có', không: 'không', khong: 'không' };
const yesNo = z.preprocess(
  (v) => (typeof v === 'string' ? (YES_NO[normalizeText(v).toLocaleLowerCase('vi')] ?? (normalizeText(v) || undefined)) : v),
  z.enum(['có', 'không']).optional().transform((v) => (v === undefined ? undefined : v === 'có')),
);

const Schema = z.object({
  governingBody: text,
  issuingBody: lines(/\n|\|/),
  successorIssuer: text,
  place: text,
  number: text,
  signedOn: date,
  deputy: yesNo,
  signerName: text,
  recipients: lines(/\n|;/),
  appendix: z.preprocess(blankToUndefined, z.string().transform((v, ctx) => {
    const roman = romanOf(normalizeText(v));
    if (!roman) ctx.addIssue({ code: 'custom', message: `không phải là số thứ tự phụ lục ("${v}"); ghi số La Mã hoặc số, ví dụ II hoặc 2` });
    return roman ?? '';
  }).optional()),
});

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** "2", "II", "ii", "Phụ lục II" → "II"; undefined beyond XX or for anything else. */
function romanOf(value: string): string | undefined {
  const bare = value.replace(/^phụ lục\s*/iu, '').trim();
  if (/^\d{1,2}$/.test(bare)) return ROMAN[Number(bare) - 1];
  const upper = bare.toUpperCase();
  return ROMAN.includes(upper) ? upper : undefined;
}

export type SettingsResult = { ok: true; settings: DocumentSettings } | { ok: false; problems: string[] };

/**
 * Reads the document settings for one award out of the settings tab (key → value). A key suffixed with the award id in
 * brackets wins over the plain key. Bad values are listed, each naming its key, never silently dropped.
 *
 * @example parseDocumentSettings(new Map([['Ngày ký', '05/02/2026'], ['Số phụ lục', '2']]), 'giay-khen-chu-tich-huyen')
 */
export function parseDocumentSettings(tab: ReadonlyMap<string, string>, awardId: string): SettingsResult {
  const byKey = new Map([...tab].map(([k, v]) => [normalizeText(k).toLocaleLowerCase('vi'), v]));
  const raw: Partial<Record<SettingField, string>> = {};
  const keyUsed: Partial<Record<SettingField, string>> = {};
  for (const [field, key] of Object.entries(DOCUMENT_SETTING_KEYS) as Array<[SettingField, string]>) {
    for (const candidate of [`${key} (${awardId})`, key]) {
      const value = byKey.get(candidate.toLocaleLowerCase('vi'));
      if (value !== undefined && normalizeText(value) !== '') {
        raw[field] = value;
        keyUsed[field] = candidate;
        break;
      }
    }
  }
  const parsed = Schema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0]) as SettingField;
    return `Cài đặt "${keyUsed[field] ?? DOCUMENT_SETTING_KEYS[field]}": ${issue.message}.`;
  });
  return { ok: false, problems };
}
