import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { titleKey, type FormQuestion } from './form-question.js';
import type { FormAnswers } from './response-to-nomination.js';
import { csvDelimiter } from './text-file.js';

/** A CSV that is not a Google Forms responses export of this form. */
export class CsvResponsesError extends Error {
  override readonly name = 'CsvResponsesError';
}

const TIMESTAMP_HEADERS = ['dấu thời gian', 'timestamp'];
const EMAIL_HEADERS = ['địa chỉ email', 'email address', 'email'];
const NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads the responses sheet of the form downloaded as CSV (header row = question titles, first column the timestamp):
 * one FormAnswers per row, answers by title. The export has no response id: each row gets `csv-<hash>` of its cells,
 * so importing the same file again changes nothing. Day/month order of the sheet's locale is found from the
 * timestamps (a first number above 12 means day first; a second one, month first; Vietnamese day first otherwise);
 * times are Vietnam time. Birth dates are rewritten YYYY-MM-DD with that order.
 */
export function csvToAnswers(text: string, questions: readonly FormQuestion[]): FormAnswers[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: csvDelimiter(text.replace(/^\uFEFF/, '')), relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (cause) {
    throw new CsvResponsesError(`Tệp CSV không đọc được: ${(cause as Error).message}`, { cause });
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvResponsesError('Tệp CSV trống.');
  const titles = header.map((h) => titleKey(h));
  const timeCol = titles.findIndex((t) => TIMESTAMP_HEADERS.includes(t));
  if (timeCol === -1) throw new CsvResponsesError('Không thấy cột "Dấu thời gian" (Timestamp): đây không phải tệp tải từ trang câu trả lời của biểu mẫu.');
  const known = new Set(questions.map((q) => titleKey(q.title)));
  if (!titles.some((t) => known.has(t))) throw new CsvResponsesError('Không cột nào trùng với câu hỏi của biểu mẫu đã ghi trong trang "Câu hỏi biểu mẫu".');
  const emailCol = titles.findIndex((t) => EMAIL_HEADERS.includes(t));
  const order = dayOrder(rows.map((r) => r[timeCol] ?? ''));
  const birthTitles = new Set(questions.filter((q) => q.field === 'birthDate').map((q) => titleKey(q.title)));
  return rows.map((row) => {
    const byTitle: Record<string, string[]> = {};
    header.forEach((h, i) => {
      const value = (row[i] ?? '').trim();
      if (i === timeCol || value === '') return;
      byTitle[h] = [birthTitles.has(titles[i]!) ? (toIsoDate(value, order) ?? value) : value];
    });
    const stamp = row[timeCol] ?? '';
    const email = emailCol === -1 ? undefined : row[emailCol]?.trim();
    return {
      responseId: `csv-${createHash('sha256').update(row.join('\u001f')).digest('hex').slice(0, 20)}`,
      ...(stamp ? { submittedAt: toIsoInstant(stamp, order) ?? stamp } : {}),
      ...(email ? { respondentEmail: email } : {}),
      byTitle,
    };
  });
}

type Order = 'dmy' | 'mdy';

function dayOrder(stamps: readonly string[]): Order {
  for (const s of stamps) {
    const m = NUMERIC_DATE.exec(s.trim());
    if (m && Number(m[1]) > 12) return 'dmy';
    if (m && Number(m[2]) > 12) return 'mdy';
  }
  return 'dmy';
}

const pad = (n: string | number) => String(n).padStart(2, '0');

function parts(value: string, order: Order): { y: string; m: string; d: string; time?: [string, string, string] } | undefined {
  const m = NUMERIC_DATE.exec(value.trim());
  if (!m) return undefined;
  const [day, month] = order === 'dmy' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return { y: m[3]!, m: pad(month), d: pad(day), ...(m[4] ? { time: [pad(m[4]), m[5]!, m[6] ?? '00'] as [string, string, string] } : {}) };
}

function toIsoDate(value: string, order: Order): string | undefined {
  const p = parts(value, order);
  return p ? `${p.y}-${p.m}-${p.d}` : undefined;
}

function toIsoInstant(value: string, order: Order): string | undefined {
  const p = parts(value, order);
  if (!p) return undefined;
  const [h, mi, s] = p.time ?? ['00', '00', '00'];
  return `${p.y}-${p.m}-${p.d}T${h}:${mi}:${s}+07:00`;
}
