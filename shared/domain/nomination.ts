import { z } from 'zod';
import { parseCalendarDate, parseInstant } from './dates.js';
import { finding, type Finding } from './findings.js';
import { normalizeText } from './text.js';
import { Gender, NomineeKind } from './vocabulary.js';

z.config(z.locales.vi());

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
  year: 'Năm xét',
  selfScores: 'Điểm tự chấm',
  evidence: 'Tài liệu kiểm chứng',
  email: 'Thư điện tử',
  block: 'Khối thi đua',
  quizAccount: 'Tài khoản dự thi',
};

const MAX_TEXT = 1000;

/** A text field: NFC, zero-width characters dropped, spaces folded. Empty strings count as missing. */
const text = (max = MAX_TEXT) =>
  z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) || undefined : v), z.string().max(max));
const optionalText = (max = MAX_TEXT) => text(max).optional();
const blankToUndefined = (v: unknown) => (typeof v === 'string' && normalizeText(v) === '' ? undefined : v);

const instant = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'date', params: { value, format: 'ISO 8601, ví dụ 2024-08-15T09:30:00+07:00' } });
    return z.NEVER;
  }
  return parsed;
});

const calendarDate = z.string().transform((value, ctx) => {
  const parsed = parseCalendarDate(value.trim());
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'date', params: { value, format: 'YYYY-MM-DD hoặc DD/MM/YYYY' } });
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
  responseId: text(200),
  submittedAt: instant,
  campaign: text(100),
  award: text(100),
  kind: z.enum(NomineeKind),
  name: text(300),
  unit: text(300),
  position: optionalText(300),
  birthDate: z.preprocess(blankToUndefined, calendarDate.optional()),
  gender: z.preprocess((v) => (typeof v === 'string' ? normalizeText(v).toLocaleLowerCase('vi') || undefined : v), z.enum(Gender).optional()),
  year: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z.number().int().min(2000).max(2100).optional(),
  ),
  selfScores: byCriterion(z.unknown()),
  evidence: z.preprocess((v) => (v === undefined || v === null ? {} : v), byCriterion(optionalText(5000))),
  email: z.preprocess(blankToUndefined, z.email().max(320).optional()),
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
  if (issue.code === 'custom' && issue.message === 'date') {
    const params = (issue as { params?: { value?: string; format?: string } }).params ?? {};
    return finding('DATE_INVALID', field, { label, value: String(params.value ?? ''), format: params.format ?? '' });
  }
  const missing = issue.path.length === 1 && (raw[top] === undefined || raw[top] === null || (typeof raw[top] === 'string' && normalizeText(raw[top] as string) === ''));
  if (missing) return finding('FIELD_REQUIRED', field, { label });
  return finding('FIELD_INVALID', field, { label, detail: issue.message });
}

function dedupeByField(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
}
