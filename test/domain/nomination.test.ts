import { describe, expect, test } from 'vitest';
import { parseNomination } from '../../shared/domain/nomination.js';
import { IntakeSession } from '../../shared/domain/intake.js';
import { allEvidence, rawIndividual, vanNinh } from '../support/builders.js';

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

describe('blank means missing', () => {
  test.each(
    ['position', 'block', 'gender', 'email', 'birthDate', 'quizAccount', 'year'].flatMap((field): Array<[string, string | null]> => [
      [field, ''], [field, '   '], [field, null], [field, ' \u200B '],
    ]),
  )('takes %s = %j as absent, not as an error', (field, value) => {
    const parsed = parseNomination(rawIndividual({ [field]: value }));
    expect(parsed.ok ? [] : parsed.findings.map((f) => f.message)).toEqual([]);
    expect(parsed.ok && field in parsed.nomination && parsed.nomination[field as keyof typeof parsed.nomination] !== undefined).toBe(false);
  });

  test.each(['', '  ', null, '\u200B'])('stores evidence %j for criterion 4 as missing evidence, not eligible', (value) => {
    // GIVEN a nomination whose evidence for criterion 4 is blank
    const session = new IntakeSession(vanNinh(), [], new Date('2024-08-30T02:00:00Z'));
    // WHEN it is taken in
    const outcome = session.take(rawIndividual({ evidence: { ...allEvidence('individual'), '4': value } }));
    // THEN it is stored with EVIDENCE_MISSING on criterion 4, and is not eligible
    expect(outcome.kind).toBe('accepted');
    if (outcome.kind !== 'accepted') return;
    expect(outcome.findings.filter((f) => f.field.startsWith('evidence')).map((f) => `${f.code}@${f.field}`)).toEqual(['EVIDENCE_MISSING@evidence.4']);
    expect(outcome.nomination.evidence['4']).toBeUndefined();
    expect(outcome.status).toBe('ineligible');
  });
});

describe('text no store can keep', () => {
  test.each([
    ['name', 'Nguyễn\u0000 Thị\u0007 Hoa', 'Nguyễn Thị Hoa'],
    ['name', 'Nguyễn Thị Hoa\uFFFE\uFFFF', 'Nguyễn Thị Hoa'],
    ['unit', 'UBND xã \uD800Vạn Thắng', 'UBND xã Vạn Thắng'],
    ['unit', 'UBND xã Vạn Thắng\uDFFF', 'UBND xã Vạn Thắng'],
    ['position', 'Trưởng\u001B thôn\u0085', 'Trưởng thôn'],
    ['block', '\u007FKhối xã', 'Khối xã'],
    ['quizAccount', 'acc\u0000-1', 'acc-1'],
    ['name', 'Nguyễn Văn 😀 An', 'Nguyễn Văn 😀 An'],
  ])('strips control characters, noncharacters and lone surrogates from free text: %s = %j', (field, value, expected) => {
    const parsed = parseNomination(rawIndividual({ [field]: value }));
    expect(parsed.ok && parsed.nomination[field as 'name']).toBe(expected);
  });

  test('strips them from evidence, and a text made only of them is missing evidence', () => {
    const parsed = parseNomination(rawIndividual({ evidence: { ...allEvidence('individual'), '1': 'Biên bản\u0000 số 3', '2': '\uFFFF\u0001' } }));
    expect(parsed.ok && parsed.nomination.evidence).toMatchObject({ '1': 'Biên bản số 3' });
    expect(parsed.ok && '2' in parsed.nomination.evidence).toBe(false);
  });

  test.each([
    ['responseId', 'abc\u0000', 'U+0000'],
    ['responseId', 'abc\uFFFE', 'U+FFFE'],
    ['responseId', '\uD83Dabc', 'U+D83D'],
    ['campaign', 'van-ninh-dan-van-kheo\u0001', 'U+0001'],
    ['award', 'giay-khen\uFFFF', 'U+FFFF'],
  ])('refuses an identifier holding one, naming the field: %s = %j', (field, value, shown) => {
    const parsed = parseNomination(rawIndividual({ [field]: value }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.findings.map((f) => `${f.code}@${f.field}`)).toEqual([`FIELD_UNSAFE_CHARACTERS@${field}`]);
    expect(parsed.findings[0]!.message).toContain(shown);
  });
});

describe('a submission time in the future', () => {
  const NOW = new Date('2024-08-30T02:00:00Z');
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

  test.each([
    [-60, 'accepted'],
    [0, 'accepted'],
    [4, 'accepted'],
    [5, 'accepted'],
    [6, 'rejected'],
    [60 * 24 * 365, 'rejected'],
  ])('submitted %i minutes after the moment of intake is %s (5 minutes allowed for a fast clock)', (minutes, kind) => {
    const outcome = new IntakeSession(vanNinh(), [], NOW).take(rawIndividual({ submittedAt: at(minutes) }));
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'rejected') {
      expect(outcome.findings.map((f) => `${f.code}@${f.field}`)).toEqual(['SUBMITTED_IN_FUTURE@submittedAt']);
      expect(outcome.findings[0]!.message).toMatch(/^Thời điểm nộp .* ở sau thời điểm nhận hồ sơ 2024-08-30T09:00:00\+07:00 \(quá 5 phút/);
    }
  });
});
