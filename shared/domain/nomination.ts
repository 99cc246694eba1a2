import { z } from 'zod';
import './zod-vietnamese.js';
import { calendarDateOf, parseInstant } from './dates.js';
import { finding, type Finding } from './findings.js';
import { hasUnsafeCharacters, normalizeText, stripUnsafe, unsafeCodePoints } from './text.js';
import { Gender, NomineeKind } from './vocabulary.js';


/** Vietnamese names of the contract's fields, for messages a clerk reads. */
export const FIELD_LABEL: Record<string, string> = {
  responseId: 'Mã phản hồi',
  submittedAt: 'Thời điểm nộp',
  campaign: 'Phong trào',
  award: 'Hình thức khen thưởng',
  kind: 'Đối tượng',
  name: 'Họ và tên / Tên tập thể',
  unit: 'Đơn vị',
  position: 'Chức vụ',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  womenShare: 'Tỷ lệ nữ (%)',
  year: 'Năm xét',
  selfScores: 'Điểm tự chấm',
  evidence: 'Tài liệu kiểm chứng',
  email: 'Thư điện tử',
  block: 'Khối thi đua',
  quizAccount: 'Tài khoản dự thi',
};

const MAX_TEXT = 1000;

/** Free text as stored: characters no store can keep dropped, then NFC, zero-width characters dropped, spaces folded. */
const clean = (v: string) => normalizeText(stripUnsafe(v));
/** Blank, whitespace-only and null mean missing: they become `undefined`, so an optional field is simply absent. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && clean(v) === '') ? undefined : v);
const cleanOrMissing = (v: unknown) => (typeof v === 'string' ? clean(v) || undefined : v === null ? undefined : v);

/** A free-text field: cleaned (see {@link clean}); blank counts as missing. */
const text = (max = MAX_TEXT) => z.preprocess(cleanOrMissing, z.string().max(max));
const optionalText = (max = MAX_TEXT) => z.preprocess(cleanOrMissing, z.string().max(max).optional());

/**
 * An identifier (responseId, campaign, award): refused, not cleaned, when it holds a character no store can keep, so
 * two different ids never become one.
 */
const identifier = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && !hasUnsafeCharacters(v) ? normalizeText(v) || undefined : v === null ? undefined : v),
    z.string().max(max).refine((s) => !hasUnsafeCharacters(s), { message: UNSAFE_MESSAGE }),
  );
const UNSAFE_MESSAGE = 'unsafe-characters';

/** Evidence per criterion: a blank, whitespace-only or null entry is no evidence (the criterion's key is dropped). */
const dropBlankEntries = (v: unknown) => {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, value]) => blankToUndefined(value) !== undefined));
};

const instant = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'date', params: { value, format: 'ISO 8601, ví dụ 2024-08-15T09:30:00+07:00' } });
    return z.NEVER;
  }
  return parsed;
});

/** A calendar date: text, a date cell (a JS Date) or a spreadsheet serial number (see {@link calendarDateOf}). */
const calendarDate = z.unknown().transform((value, ctx) => {
  const parsed = calendarDateOf(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'date', params: { value: value instanceof Date ? value.toISOString() : String(value), format: 'YYYY-MM-DD hoặc DD/MM/YYYY' } });
    return z.NEVER;
  }
  return parsed;
});

/** Criterion keys as the plan numbers them: "01" and " 1 " both mean "1". */
const criterionKey = (key: string) => key.trim().replace(/^0+(?=\d)/, '');
const byCriterion = <T extends z.ZodType>(value: T) =>
  z.record(z.string().max(10), value).transform((record) => {
    const out: Record<string, z.infer<T>> = {};
    for (const [key, v] of Object.entries(record)) out[criterionKey(key)] = v;
    return out;
  });

/**
 * The nomination contract: the one shape every door (form, HTTP, CLI, file) turns its input into.
 * Unknown extra fields are ignored. Scores are checked against the campaign's rubric later, so they are taken raw here.
 */
export const NominationInput = z.object({
  responseId: identifier(200),
  submittedAt: z.preprocess(blankToUndefined, instant),
  campaign: identifier(100),
  award: identifier(100),
  kind: z.enum(NomineeKind),
  name: text(300),
  unit: text(300),
  position: optionalText(300),
  birthDate: z.preprocess(blankToUndefined, calendarDate.optional()),
  gender: z.preprocess((v) => (typeof v === 'string' ? clean(v).toLocaleLowerCase('vi') || undefined : blankToUndefined(v)), z.enum(Gender).optional()),
  year: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z.number().int().min(2000).max(2100).optional(),
  ),
  selfScores: byCriterion(z.unknown()),
  evidence: z.preprocess(dropBlankEntries, byCriterion(text(5000))),
  email: z.preprocess(cleanOrMissing, z.email().max(320).optional()),
  /**
   * For a collective: the share of women among its members, in percent. NĐ 152/2025 Điều 4 gives priority, on equal
   * achievements, to collectives with at least 70 % women.
   */
  womenShare: z.preprocess(
    (v) => (typeof v === 'string' ? (clean(v).replace(/%$/, '').trim().replace(',', '.') || undefined) : blankToUndefined(v)),
    z.coerce.number().min(0).max(100).optional(),
  ),
  /** The emulation block (khối thi đua) of the nominating unit, where the campaign has blocks. */
  block: optionalText(200),
  /** The nominee's account in an online quiz, joined against the quiz participation log. */
  quizAccount: optionalText(200),
});
export type Nomination = z.output<typeof NominationInput>;

/** The outcome of parsing one submission: the nomination, or findings naming each bad field. */
export type ParseResult = { ok: true; nomination: Nomination } | { ok: false; findings: Finding[] };

/** Parses untrusted input into a nomination; never throws. */
export function parseNomination(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, findings: [finding('PAYLOAD_NOT_OBJECT', '')] };
  }
  const result = NominationInput.safeParse(raw);
  if (result.success) return { ok: true, nomination: result.data };
  const findings = result.error.issues.map((issue) => issueToFinding(issue, raw as Record<string, unknown>));
  return { ok: false, findings: dedupeByField(findings) };
}

function issueToFinding(issue: z.core.$ZodIssue, raw: Record<string, unknown>): Finding {
  const field = issue.path.map(String).join('.');
  const top = String(issue.path[0] ?? '');
  const label = FIELD_LABEL[top] ? `${FIELD_LABEL[top]}${issue.path.length > 1 ? ` ${issue.path.slice(1).join('.')}` : ''}` : field;
  if (issue.code === 'custom' && issue.message === UNSAFE_MESSAGE) {
    const value = raw[top];
    return finding('FIELD_UNSAFE_CHARACTERS', field, { label, characters: typeof value === 'string' ? unsafeCodePoints(value) : '' });
  }
  if (issue.code === 'custom' && issue.message === 'date') {
    const params = (issue as { params?: { value?: string; format?: string } }).params ?? {};
    return finding('DATE_INVALID', field, { label, value: String(params.value ?? ''), format: params.format ?? '' });
  }
  const missing = issue.path.length === 1 && (raw[top] === undefined || raw[top] === null || (typeof raw[top] === 'string' && clean(raw[top] as string) === ''));
  if (missing) return finding('FIELD_REQUIRED', field, { label });
  return finding('FIELD_INVALID', field, { label, detail: issue.message });
}

function dedupeByField(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
}
