import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINDINGS, FINDING_CODES } from '../../shared/domain/findings.js';
import { ADVICE } from '../../shared/status/advice.js';

/**
 * Terms as a Phòng Nội vụ official writes them (docs/documents.md, "Terms"): every user-facing string — messages,
 * advice, pages, templates, the Apps Script mail — is checked for the banned variants. Comments are code, not text a
 * user sees, and are left out.
 */
const BANNED: ReadonlyArray<[variant: RegExp, write: string]> = [
  [/minh chứng/iu, 'tài liệu kiểm chứng (the plans’ term)'],
  [/Hội đồng thẩm định/u, 'thẩm định is done by Phòng Nội vụ / Ban Dân vận; the Hội đồng xét'],
  [/Thi đua – Khen thưởng/u, 'Thi đua - Khen thưởng (as the plans write it)'],
  [/danh hiệu(?! thi đua)/iu, 'hình thức khen thưởng (Giấy khen, Bằng khen are forms of commendation)'],
  [/\b\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\b/u, '08 giờ 00 ngày 03/9/2024'],
];

/**
 * Kept on purpose: the evidence column of the nominations tab is matched by its header in every workbook already in
 * use; renaming it needs a migration of those sheets (docs/decisions/003), not a string change.
 */
const KNOWN: readonly string[] = ['sheets-templates/sheet-layouts.json: "header": "Minh chứng TC{n}",'];

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['shared', 'functions', 'sheets-templates'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|json|gs|html)$/.test(name) ? [path] : [];
  });
}

/** The text with comments removed: block comments, and line comments that start a line or follow code. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

describe('terms as an official writes them', () => {
  const sources = SOURCES.flatMap((dir) => files(join(ROOT, dir))).filter((f) => !f.includes(`${join('sheets-templates', 'samples')}`));

  test.each(BANNED.map(([variant, write]) => [String(variant), variant, write] as const))('no user-facing string uses %s (write: %s)', (_, variant) => {
    const offending = sources.flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line) => (variant.test(line) ? [`${relative(ROOT, file)}: ${line.trim().slice(0, 120)}`] : [])),
    ).filter((hit) => !KNOWN.includes(hit));
    expect(offending).toEqual([]);
  });

  test.each(FINDING_CODES)('the message and advice of %s use the official terms', (code) => {
    const params = new Proxy({}, { get: () => 'x' });
    const texts = [FINDINGS[code].message(params), ADVICE[code].todo, ADVICE[code].says ?? ''];
    for (const [variant] of BANNED) for (const text of texts) expect(text, code).not.toMatch(variant);
  });
});

describe('times as an official writes them', () => {
  test.each([
    ['2024-09-03T08:00:00+07:00', 'Hồ sơ nộp lúc 08 giờ 00 ngày 03/9/2024'],
    ['2024-09-01T14:05:00+07:00', 'Hồ sơ nộp lúc 14 giờ 05 ngày 01/9/2024'],
  ])('a late submission at %s is told "%s"', async (submittedAt, expected) => {
    const { appraise } = await import('../../shared/domain/appraise.js');
    const { nomination, rawIndividual, vanNinh } = await import('../support/builders.js');
    const late = appraise(nomination(rawIndividual({ submittedAt, year: Number(submittedAt.slice(0, 4)) })), vanNinh()).findings.find((f) => f.code === 'SUBMITTED_LATE');
    expect(late?.message).toContain(expected);
  });
});

describe('dates in messages as NĐ 30/2020 writes them: a leading zero for days below 10 and the months 1 and 2 only', () => {
  test.each([
    ['2024-09-01', '01/9/2024'],
    ['2026-02-05', '05/02/2026'],
    ['2025-07-20', '20/7/2025'],
    ['2025-12-31', '31/12/2025'],
  ])('%s is written %s', async (iso, written) => {
    const { formatOfficialDate } = await import('../../shared/domain/dates.js');
    expect(formatOfficialDate(iso)).toBe(written);
  });

  test('a district award without a successor, proposed after the reform, names the day "01/7/2025"', async () => {
    const { appraise } = await import('../../shared/domain/appraise.js');
    const { nominationFor, quiz } = await import('../support/campaign-builders.js');
    const n = nominationFor(quiz(), { submittedAt: '2025-08-01T09:00:00+07:00', birthDate: '1980-01-01' });
    expect(appraise(n, quiz()).findings.find((f) => f.code === 'AWARD_NOT_AVAILABLE')!.message).toContain('Ngày 01/8/2025 không còn thẩm quyền "Chủ tịch UBND huyện Bắc Sơn" (hết hiệu lực từ 01/7/2025)');
  });
});
