/**
 * Hostile and broken input for the property tests: wrong types, huge values, deep nesting, odd dates, scores as
 * text, Vietnamese text as keyboards, PDFs and phones send it (NFD, look-alike letters, zero-width characters).
 */
import fc from 'fast-check';
import { rawIndividual } from '../support/builders.js';

/** Deep nesting, written out only in the request's text (neither fast-check nor JSON.stringify recurse into it). */
export class Deep {
  constructor(readonly depth: number) {}
  toJSON(): string {
    return `\u0000deep:${this.depth}\u0000`;
  }
  [fc.toStringMethod](): string {
    return `deep(${this.depth})`;
  }
}

/** The request's text: JSON, with each Deep written out as `{"a":[{"a":[…]}]}` `depth` levels deep. */
export const serialize = (body: unknown): string =>
  JSON.stringify(body).replace(/"\\u0000deep:(\d+)\\u0000"/g, (_, d: string) => {
    const depth = Number(d);
    let open = '';
    let close = '';
    for (let i = depth - 1; i >= 0; i--) {
      open += i % 2 ? '[' : '{"a":';
      close = (i % 2 ? ']' : '}') + close;
    }
    return `${open}1${close}`;
  });

export const vietnamese = fc.constantFrom('Nguyễn Thị Thuý', 'Đặng Văn Đức', 'Trần Thị Hoà', 'Lê Quang Vinh', 'Hội Nông dân xã Vạn Hưng', 'UBND xã Vạn Thắng');
/** The same text as a clerk's keyboard, a PDF or a phone may send it. */
export const spelling = (text: string) =>
  fc.constantFrom(
    text,
    text.normalize('NFD'),
    text.replace(/Đ/g, '\u00D0').replace(/đ/g, '\u00F0'),
    text.replace(/ /g, ' \u200B'),
    `\uFEFF${text}\u00AD`,
    ` ${text.replace(/ /g, '\u00A0  ')} `,
    text.toLocaleUpperCase('vi'),
  );
export const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  vietnamese.chain(spelling),
  fc.constantFrom('', ' ', '\u200B', '\u0000', '\u202Ephp.exe', '=IMPORTXML("http://x.example","//a")', '+84 912 345 678', '-1', '@SUM(1)', '<script>alert(1)</script>', "'; DROP TABLE --"),
  fc.integer({ min: 1_001, max: 120_000 }).map((n) => 'Ư'.repeat(n)),
);
export const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));
export const huge = fc.oneof(
  fc.integer({ min: 10_000, max: 60_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 500, max: 5_000 }).map((d) => new Deep(d)),
);
export const dates = fc.constantFrom('31/02/2024', '29/02/2023', '2024-02-30', '00/00/0000', '1980-13-01', '32/01/1990', '29/02/2024', '2024-02-29', '1/1/1980', '31/12/9999', '1899-12-31', '15-08-1980', '15.08.1980', 'hôm qua');
export const points = fc.oneof(
  fc.constantFrom('mười lăm', '13,5', ' 15 ', '1e1', 'NaN', 'Infinity', '-0', '0x10', '', '15 điểm', '١٥'),
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.integer({ min: -100, max: 100 }),
  fc.constantFrom(-1, 0.5, 14.25, 1e308),
);
export const fields = ['responseId', 'submittedAt', 'campaign', 'award', 'kind', 'name', 'unit', 'position', 'birthDate', 'gender', 'year', 'selfScores', 'evidence', 'email', 'block', 'quizAccount'] as const;

/** A nomination with some fields replaced by hostile values of every kind. */
export const mutated = fc
  .record(
    Object.fromEntries(
      fields.map((f) => [
        f,
        fc.option(
          fc.oneof(
            { weight: 3, arbitrary: hostileText },
            { weight: 2, arbitrary: wrongType },
            { weight: 1, arbitrary: huge },
            { weight: 2, arbitrary: f === 'birthDate' || f === 'submittedAt' ? dates : f === 'selfScores' ? fc.dictionary(fc.constantFrom('1', '01', '2', '3', '9', 'x', ' 4 '), points, { maxKeys: 7 }) : hostileText },
            { weight: 1, arbitrary: fc.constant(undefined) },
          ),
          { freq: 3 },
        ),
      ]),
    ) as Record<(typeof fields)[number], fc.Arbitrary<unknown>>,
    { requiredKeys: [] },
  )
  .map((overrides) => Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== null)));


/** A valid nomination with hostile overrides. */
export const hostileNomination = (responseId: string, overrides: Record<string, unknown>) => rawIndividual({ responseId, ...overrides });
