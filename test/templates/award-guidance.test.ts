import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { appraise } from '../../shared/domain/appraise.js';
import { parseAwardGuidance } from '../../shared/domain/award-guidance.js';
import { decide } from '../../shared/domain/decide.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { tempDir } from '../support/builders.js';
import { nominationFor, tongTuyenCu } from '../support/campaign-builders.js';

/**
 * TT Bắc Sơn's plan (seed 001, mục III.2.c) does not open a nomination period: "Kết thúc đợt thi đua, UBND huyện sẽ ban
 * hành hướng dẫn khen thưởng", and units select nominees "trên cơ sở văn bản hướng dẫn". Nominations are kept and wait
 * for that guidance; the council records it in the settings tab and the nomination period opens on its date.
 */

const GUIDANCE = 'Hướng dẫn số 03/HD-UBND ngày 12/01/2026 của UBND xã Bắc Sơn';
const codes = (findings: ReadonlyArray<{ code: string }>) => findings.map((f) => f.code);

describe('the template, faithful to the plan', () => {
  test('declares the pending guidance in the plan’s words, and no nomination period of its own', () => {
    const plan = readFileSync(join('/work/shared/seeds', tongTuyenCu().plan.seed!), 'utf8');
    expect(plan).toContain(tongTuyenCu().awardGuidance!.planSays);
    expect(tongTuyenCu().nominationPeriod).toBeUndefined();
  });
});

describe('the guidance as the council records it ("Hướng dẫn khen thưởng" in the settings tab)', () => {
  test.each([
    ['nothing recorded', [], { ok: true }],
    ['a blank cell', [['Hướng dẫn khen thưởng', '  ']], { ok: true }],
    ['a reference with its date', [['Hướng dẫn khen thưởng', GUIDANCE]], { ok: true, guidance: { reference: GUIDANCE, date: '2026-01-12' } }],
    ['a date typed 5/2/2026', [['hướng dẫn khen thưởng', 'Hướng dẫn số 7/HD-UBND ngày 5/2/2026']], { ok: true, guidance: { reference: 'Hướng dẫn số 7/HD-UBND ngày 5/2/2026', date: '2026-02-05' } }],
  ] as const)('%s', (_, rows, expected) => {
    expect(parseAwardGuidance(new Map(rows as ReadonlyArray<[string, string]>))).toEqual(expected);
  });

  test.each([
    ['no date', 'Hướng dẫn số 03/HD-UBND của UBND xã Bắc Sơn'],
    ['a day that does not exist', 'Hướng dẫn số 03/HD-UBND ngày 31/02/2026'],
  ])('refuses a reference with %s, naming the key and showing an example', (_, value) => {
    const result = parseAwardGuidance(new Map([['Hướng dẫn khen thưởng', value]]));
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/^Cài đặt "Hướng dẫn khen thưởng": không thấy ngày ban hành hợp lệ.*ví dụ "Hướng dẫn số/) });
  });
});

describe('through the engine', () => {
  const guidance = { reference: GUIDANCE, date: '2026-01-12' };
  test.each([
    // [case, submitted, guidance recorded, findings expected, findings not expected]
    ['before any guidance, even during the campaign', '2024-06-15T09:00:00+07:00', undefined, ['GUIDANCE_PENDING'], ['OUTSIDE_TERM']],
    ['before any guidance, after the campaign', '2026-01-05T09:00:00+07:00', undefined, ['GUIDANCE_PENDING'], ['OUTSIDE_TERM']],
    ['after the guidance', '2026-01-15T09:00:00+07:00', guidance, [], ['GUIDANCE_PENDING', 'OUTSIDE_TERM']],
    ['on the day of the guidance', '2026-01-12T07:30:00+07:00', guidance, [], ['GUIDANCE_PENDING', 'OUTSIDE_TERM']],
    ['before the guidance it did not follow', '2026-01-05T09:00:00+07:00', guidance, ['OUTSIDE_TERM'], ['GUIDANCE_PENDING']],
  ] as const)('a nomination submitted %s', (_, submittedAt, recorded, present, absent) => {
    const n = nominationFor(tongTuyenCu(), { award: 'bang-khen-chu-tich-tinh', submittedAt });
    const found = codes(appraise(n, tongTuyenCu(), recorded ? { guidance: recorded } : {}).findings);
    for (const code of present) expect(found).toContain(code);
    for (const code of absent) expect(found).not.toContain(code);
  });

  test('a nomination waiting for the guidance waits for the council, never proposed', () => {
    const n = nominationFor(tongTuyenCu(), { award: 'bang-khen-chu-tich-tinh', submittedAt: '2026-01-05T09:00:00+07:00', kind: 'collective' });
    expect(decide(tongTuyenCu(), [n])[0]).toMatchObject({ status: 'awaiting-council' });
  });
});

describe('through intake and the workbook', () => {
  test('keeps the nomination and says in Vietnamese that it waits for the guidance; once recorded, it is judged', async () => {
    // GIVEN the TT Bắc Sơn workbook, with no guidance recorded
    const repo = await initCampaign(new WorkbookStore(join(tempDir(), 'tt.xlsx')), tongTuyenCu());
    const payload = { responseId: 'g-1', submittedAt: '2026-01-20T09:00:00+07:00', campaign: tongTuyenCu().id, award: 'bang-khen-chu-tich-tinh', kind: 'individual', name: 'Hoàng Văn Sơn', unit: 'Khối phố Hòa Bình', selfScores: {}, evidence: {} };
    // WHEN a unit submits
    const [outcome] = await intake(repo, [{ payload, source: 'g-1' }], new Date('2026-01-20T03:00:00Z'));
    // THEN it is kept, waiting, and the message says why in the plan's words
    expect(outcome).toMatchObject({ kind: 'accepted', status: 'awaiting-council' });
    const message = outcome!.kind === 'accepted' ? outcome!.findings.find((f) => f.code === 'GUIDANCE_PENDING')!.message : '';
    expect(message).toContain('Kết thúc đợt thi đua, UBND huyện sẽ ban hành hướng dẫn khen thưởng.');
    expect(message).toMatch(/chờ hướng dẫn khen thưởng.*"Hướng dẫn khen thưởng" trong trang tính "Cài đặt"/);
    expect((await repo.read(['nominations'])).nominations.map((s) => s.nomination.responseId)).toEqual(['g-1']);

    // WHEN the council records the guidance and recomputes
    await repo.write([{ kind: 'settings', mode: 'add', entries: [['Hướng dẫn khen thưởng', GUIDANCE]] }]);
    const { decisions, problems } = await recompute(repo, new Date('2026-01-21T03:00:00Z'));
    // THEN the nomination no longer waits for it (it now waits for the council's rating, as any rated nomination)
    expect(problems).toEqual([]);
    expect(codes(decisions[0]!.findings)).not.toContain('GUIDANCE_PENDING');
    expect(codes(decisions[0]!.findings)).toContain('RATING_PENDING');

    // AND a guidance typed without its date is reported, naming the key
    await repo.write([{ kind: 'settings', mode: 'set', entries: [['Hướng dẫn khen thưởng', 'Hướng dẫn số 03/HD-UBND']] }]);
    expect((await recompute(repo, new Date('2026-01-22T03:00:00Z'))).problems).toEqual([expect.stringContaining('Cài đặt "Hướng dẫn khen thưởng"')]);
  });
});
