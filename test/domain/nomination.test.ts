import { describe, expect, test } from 'vitest';
import { parseNomination } from '../../shared/domain/nomination.js';
import { rawIndividual } from '../support/builders.js';

const fields = (raw: unknown) => {
  const parsed = parseNomination(raw);
  return parsed.ok ? [] : parsed.findings.map((f) => `${f.code}@${f.field}`);
};

describe('the nomination contract', () => {
  test('parses a complete nomination, normalising its text to NFC', () => {
    const parsed = parseNomination(rawIndividual({ name: ' Nguye\u0302\u0303n  Thi\u0323 Hoa\u200B ', gender: 'Nữ', birthDate: '05/03/1980', year: '2024' }));
    expect(parsed.ok && parsed.nomination).toMatchObject({ name: 'Nguyễn Thị Hoa', gender: 'nữ', birthDate: '1980-03-05', year: 2024 });
  });

  test.each([
    ['responseId'], ['submittedAt'], ['campaign'], ['award'], ['kind'], ['name'], ['unit'], ['selfScores'],
  ])('names the missing required field %s', (field) => {
    const raw = rawIndividual();
    delete raw[field];
    expect(fields(raw)).toEqual([`FIELD_REQUIRED@${field}`]);
  });

  test('treats a blank name as missing', () => {
    expect(fields(rawIndividual({ name: ' \u200B ' }))).toEqual(['FIELD_REQUIRED@name']);
  });

  test.each([
    ['birthDate', '31/02/2024', 'DATE_INVALID@birthDate'],
    ['birthDate', '1980-13-01', 'DATE_INVALID@birthDate'],
    ['submittedAt', '2024-02-30T10:00:00Z', 'DATE_INVALID@submittedAt'],
    ['submittedAt', 'hôm qua', 'DATE_INVALID@submittedAt'],
    ['kind', 'household', 'FIELD_INVALID@kind'],
    ['gender', 'khác', 'FIELD_INVALID@gender'],
    ['year', 'năm nay', 'FIELD_INVALID@year'],
    ['email', 'not-an-email', 'FIELD_INVALID@email'],
    ['name', 42, 'FIELD_INVALID@name'],
    ['name', 'x'.repeat(301), 'FIELD_INVALID@name'],
    ['selfScores', [15, 15], 'FIELD_INVALID@selfScores'],
  ])('rejects %s = %j with %s', (field, value, expected) => {
    expect(fields(rawIndividual({ [field]: value }))).toEqual([expected]);
  });

  test('gives Vietnamese messages naming the field', () => {
    const parsed = parseNomination(rawIndividual({ birthDate: '31/02/2024' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.findings[0]!.message).toBe('Trường "Ngày sinh" không phải là ngày hợp lệ ("31/02/2024"); dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY.');
  });

  test.each([null, 'chuỗi', 42, [rawIndividual()]])('rejects a payload that is not an object (%j)', (raw) => {
    expect(fields(raw)).toEqual(['PAYLOAD_NOT_OBJECT@']);
  });

  test('takes a time without a zone as Vietnam time', () => {
    const parsed = parseNomination(rawIndividual({ submittedAt: '2024-08-31T23:30:00' }));
    expect(parsed.ok && parsed.nomination.submittedAt.toISOString()).toBe('2024-08-31T16:30:00.000Z');
  });

  test('ignores extra fields it does not know', () => {
    const parsed = parseNomination(rawIndividual({ ghiChu: 'thêm' }));
    expect(parsed.ok && 'ghiChu' in parsed.nomination).toBe(false);
  });
});
