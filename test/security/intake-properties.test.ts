/**
 * Property-based tests (fast-check) of the intake door with hostile and broken input: whatever is sent, the answer is
 * a 2xx for a nomination taken in, or a 4xx — never a 5xx, never a crash. A 400 names each bad field, stores nothing
 * and is recorded in the rejections tab. The door runs in the Functions Framework's test server over a strict
 * in-memory store (the same port as the workbook and the Google Sheet), so hundreds of requests take seconds.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import type { Runtime } from '../../functions/runtime/runtime.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { bearer, certsHandler, env, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { rawIndividual, vanNinh } from '../support/builders.js';
import { mutated, serialize, spelling, vietnamese } from './hostile.js';
import { MemoryTables } from './memory-tables.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';

useMsw();

const NOMINATIONS = layoutsFor(vanNinh()).get('nominations')!.title;
const REJECTIONS = layoutsFor(vanNinh()).get('rejections')!.title;
const RUNS = Number(process.env.THIDUA_PROPERTY_RUNS ?? (process.env.CI ? 300 : 60));
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

let url = '';
let tables: MemoryTables;
let rt: Runtime & { lines: Array<Record<string, unknown>> };
let auth: Record<string, string>;

beforeAll(async () => {
  server.use(certsHandler());
  tables = new MemoryTables();
  const store = await initCampaign(tables, vanNinh());
  const base = testRuntime(env('khong-dung.xlsx'));
  rt = Object.assign(base, { workbook: async () => ({ tables, repo: store }) });
  url = await serveHttp(intake(rt));
  auth = bearer();
});

let sequence = 0;
const fresh = (overrides: Record<string, unknown>) => rawIndividual({ responseId: `prop-${++sequence}`, ...overrides });

/** Posts a body (an object as JSON, or raw text with its content type) and checks the door's promise. */
async function post(body: unknown, type = 'application/json'): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
  const before = { stored: tables.rowsOf(NOMINATIONS).length, rejected: tables.rowsOf(REJECTIONS).length };
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': type, ...auth }, body: typeof body === 'string' ? body : serialize(body) });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const after = { stored: tables.rowsOf(NOMINATIONS).length, rejected: tables.rowsOf(REJECTIONS).length };
  expect(res.status, text.slice(0, 500)).toBeLessThan(500);
  expect([200, 201, 400, 413]).toContain(res.status);
  if (res.status === 201) expect(after).toEqual({ stored: before.stored + 1, rejected: before.rejected });
  if (res.status === 200) expect(after).toEqual(before);
  if (res.status === 413) expect(after).toEqual({ stored: before.stored, rejected: before.rejected + 1 });
  if (res.status === 400 && json?.outcome === 'rejected') {
    // our own refusal: findings naming each field, nothing stored, the rejection recorded
    const findings = json.findings as Array<{ code: string; field: string; message: string }>;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.code).toMatch(/^[A-Z_]+$/);
      expect(typeof f.field).toBe('string');
      expect(f.message.length).toBeGreaterThan(0);
    }
    expect(after).toEqual({ stored: before.stored, rejected: before.rejected + 1 });
  } else if (res.status === 400) {
    // the framework's refusal of a body that is not JSON: before our code, nothing stored nor recorded
    expect(after).toEqual(before);
  }
  return { status: res.status, json };
}

// ---- properties ----

describe('intake with hostile and broken input (fast-check)', () => {
  test('any JSON value: a 4xx or a 2xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await post(value);
      }),
      { numRuns: RUNS },
    );
  });

  test('a nomination with fields replaced by wrong types, huge values, deep nesting, odd dates, scores as text, unknown campaign or award: a 2xx, or a 400 naming the fields, recorded', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (overrides) => {
        const { status, json } = await post(fresh(overrides));
        if (status === 201) {
          // taken in: its text is stored NFC-normalised, without zero-width characters
          const row = tables.rowsOf(NOMINATIONS).at(-1)!;
          for (const key of ['name', 'unit', 'position']) {
            const cell = row[key];
            if (typeof cell === 'string') {
              expect(cell).toBe(cell.normalize('NFC'));
              expect(cell).not.toMatch(ZERO_WIDTH);
            }
          }
        }
        if (status === 400) expect(json?.outcome).toBe('rejected');
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('raw bodies that are not JSON, or JSON with NaN, sent as text or as JSON: a 400, never a 5xx', async () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{"responseId": NaN}', '{"selfScores": {"1": Infinity}}', '{', '{"a":1,}', 'null', '"chuỗi"', '[]', '\uFEFF{}', '{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"x": 1}}}'),
      fc.integer({ min: 2_000, max: 20_000 }).map((d) => `{"name":${'['.repeat(d)}${']'.repeat(d)}}`),
      fc.integer({ min: 2_000, max: 100_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
    );
    await fc.assert(
      fc.asyncProperty(raw, fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'), async (body, type) => {
        const { status } = await post(body, type);
        expect([400, 413]).toContain(status);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  test('a body over 256 KB is refused with 413 and a Vietnamese message; nothing stored, the refusal recorded', async () => {
    const { status, json } = await post(fresh({ evidence: { 1: 'Minh chứng '.repeat(30_000) } }));
    expect(status).toBe(413);
    expect(String(json?.error)).toContain('Hồ sơ quá lớn');
    expect(rt.lines.find((l) => l.message === 'Từ chối hồ sơ quá lớn')).toMatchObject({ severity: 'NOTICE', function: 'intake', limit: 262_144 });
    expect(tables.rowsOf(REJECTIONS).at(-1)).toMatchObject({ findingCodes: 'PAYLOAD_TOO_LARGE@' });
    // just under the limit, the same door judges it as usual: evidence over 5,000 characters is a bad field
    const under = await post(fresh({ evidence: { 1: 'Minh chứng '.repeat(20_000) } }));
    expect(under.status).toBe(400);
  });

  test('a bad value of any length is recorded in the rejections tab within one cell', async () => {
    const huge = 'x'.repeat(120_000);
    const { status } = await post(fresh({ responseId: 'dai-qua', birthDate: huge, selfScores: { 1: huge.slice(0, 60_000), [huge.slice(0, 40_000)]: 1 } }));
    expect(status).toBe(400);
    const row = tables.rowsOf(REJECTIONS).at(-1)!;
    expect(row.responseId).toBe('dai-qua');
    for (const value of Object.values(row)) if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(5_001);
    expect(JSON.stringify(rt.lines.at(-1)).length).toBeLessThan(2_000);
  });

  test('the same nominee spelled NFD, with Ð for Đ, zero-width characters or other spacing is the same nominee', async () => {
    await fc.assert(
      fc.asyncProperty(vietnamese.chain((name) => fc.tuple(fc.constant(name), spelling(name))), async ([name, variant]) => {
        const unit = `Đơn vị thử ${++sequence}`;
        const first = await post(fresh({ name, unit }));
        const second = await post(fresh({ name: variant, unit }));
        expect(first.status).toBe(201);
        expect(second.status).toBe(201);
        expect(second.json).toMatchObject({ status: 'duplicate' });
        expect((second.json?.findings as Array<{ code: string }>).map((f) => f.code)).toContain('DUPLICATE_NOMINEE');
      }),
      { numRuns: 25 },
    );
  });

  test.each([
    ['a date that does not exist (31/02/2024)', { birthDate: '31/02/2024' }, 'birthDate', 'DATE_INVALID'],
    ['a score as words', { selfScores: { ...rawIndividual().selfScores as object, 1: 'mười lăm' } }, 'selfScores.1', 'SCORE_NOT_NUMBER'],
    ['a negative score', { selfScores: { ...rawIndividual().selfScores as object, 2: -1 } }, 'selfScores.2', 'SCORE_NEGATIVE'],
    ['"NaN" as a score', { selfScores: { ...rawIndividual().selfScores as object, 3: 'NaN' } }, 'selfScores.3', 'SCORE_NOT_NUMBER'],
    ['an unknown campaign', { campaign: 'phong-trao-khac' }, 'campaign', 'CAMPAIGN_MISMATCH'],
    ['an unknown award', { award: 'huan-chuong-lao-dong' }, 'award', 'AWARD_UNKNOWN'],
    ['a kind that is neither', { kind: 'robot' }, 'kind', 'FIELD_INVALID'],
  ])('%s is refused naming the field', async (_, overrides, field, code) => {
    const { status, json } = await post(fresh(overrides));
    expect(status).toBe(400);
    expect(json?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
  });

  test('a fractional score in half points is taken as a number', async () => {
    const { status, json } = await post(fresh({ selfScores: { ...(rawIndividual().selfScores as object), 1: '14,5' } }));
    expect(status).toBe(201);
    expect(Number(json?.total) % 1).toBe(0.5);
  });
});
