import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportAwardListFile } from '../../shared/cli/document-commands.js';
import { decide } from '../../shared/domain/decide.js';
import { Review } from '../../shared/domain/review.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recordReviews } from '../../shared/jobs/record-reviews.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { readBack, texts } from '../exports/read-back.js';
import { COMMUNE, DISTRICT, nomination, PROVINCE, rawIndividual, tempDir, vanNinh } from '../support/builders.js';

/** Luật Thi đua, khen thưởng 06/2022/QH15: "không khen thưởng nhiều lần, nhiều hình thức cho một thành tích đạt được". */
const NOW = new Date('2024-08-30T02:00:00Z');
const of = (responseId: string, award: string, extra: Record<string, unknown> = {}) => nomination(rawIndividual({ responseId, award, name: 'Đặng Thị Mai', birthDate: '1980-03-04', ...extra }));
const reviews = (...rows: Array<Record<string, unknown>>) => new Map(rows.map((r) => [String(r.responseId), Review.parse(r)]));

describe('one achievement, one award', () => {
  test.each([
    // [case, nominations, council review, expected status per nomination]
    ['the same nominee for the commune and the district Giấy khen in 2024 waits for the council', [of('a', COMMUNE), of('b', DISTRICT)], reviews(), { a: 'awaiting-council', b: 'awaiting-council' }],
    ['the council chooses the district one: the commune one is off every list', [of('a', COMMUNE), of('b', DISTRICT)], reviews({ responseId: 'b', choice: 'Chọn' }), { a: 'ineligible', b: 'proposed' }],
    ['a decision recorded for one is the choice', [of('a', COMMUNE), of('b', DISTRICT)], reviews({ responseId: 'a', decisionNumber: '05/QĐ-UBND', decisionDate: '20/08/2024' }), { a: 'awarded', b: 'ineligible' }],
    ['two choices are no choice', [of('a', COMMUNE), of('b', DISTRICT)], reviews({ responseId: 'a', choice: 'Chọn' }, { responseId: 'b', choice: 'Chọn' }), { a: 'awaiting-council', b: 'awaiting-council' }],
    ['different years are different achievements', [of('a', COMMUNE, { year: 2023 }), of('b', DISTRICT)], reviews(), { a: 'proposed', b: 'proposed' }],
    ['an ad-hoc award is for another achievement', [of('a', 'giay-khen-dot-xuat-chu-tich-xa'), of('b', DISTRICT)], reviews({ responseId: 'a', appraisal: 'Đủ điều kiện' }), { a: 'proposed', b: 'proposed' }],
    ['three forms: the council chooses the Bằng khen', [of('a', COMMUNE), of('b', DISTRICT), of('c', PROVINCE)], reviews({ responseId: 'c', choice: 'Chọn' }), { a: 'ineligible', b: 'ineligible', c: 'proposed' }],
  ])('%s', (_, nominations, council, expected) => {
    const statuses = Object.fromEntries(decide(vanNinh(), nominations, { reviews: council }).map((d) => [d.responseId, d.status]));
    expect(statuses).toEqual(expected);
  });

  test('through the printed list: neither is printed until the council chooses, then only the chosen one', async () => {
    const repo = await initCampaign(SqliteStore.forWorkbook(join(tempDir(), 'one.xlsx')), vanNinh());
    await intake(repo, [
      { payload: rawIndividual({ responseId: 'x-1', award: COMMUNE, name: 'Đặng Thị Mai', birthDate: '1980-03-04' }), source: 'x-1' },
      { payload: rawIndividual({ responseId: 'x-2', award: DISTRICT, name: 'Đặng Thị Mai', birthDate: '1980-03-04' }), source: 'x-2' },
      { payload: rawIndividual({ responseId: 'x-3', award: DISTRICT, name: 'Võ Văn Khánh' }), source: 'x-3' },
    ], NOW);
    const printed = async (award: string) => texts((await readBack(await exportAwardListFile(repo, award, { now: NOW, out: join(tempDir(), `${award}.xlsx`) }))).getWorksheet('Danh sách')!).flat();
    expect(await printed(DISTRICT)).not.toContain('Đặng Thị Mai');
    await recordReviews(repo, [Review.parse({ responseId: 'x-2', choice: 'Chọn' })], 'Thư ký', NOW);
    expect(await printed(DISTRICT)).toContain('Đặng Thị Mai');
    expect(await printed(COMMUNE)).not.toContain('Đặng Thị Mai');
  });
});
