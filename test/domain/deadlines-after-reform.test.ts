import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Campaign } from '../../shared/domain/campaign.js';
import { deadlineReport } from '../../shared/domain/deadline-report.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { reportDeadlines } from '../../shared/jobs/report-deadlines.js';
import { nextDeadline } from '../../shared/status/next-deadline.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { COMMUNE, DISTRICT, tempDir, vanNinh } from '../support/builders.js';

/**
 * The deadline report after the reform of 01/7/2025: a district's dossier deadline no longer applies to a body that
 * ceased to exist; a post-reform commune's nomination counts under the successor award's deadline.
 */

const ROSTER = [{ unit: 'UBND xã Vạn Thắng' }, { unit: 'UBND xã Vạn Hưng' }];
const nomination = (unit: string, award: string, submittedAt: string) => ({ unit, award, submittedAt: new Date(submittedAt) });

/** Vạn Ninh as if the template gave the commune chairman's Giấy khen its own dossier deadline, before 15/9. */
function withCommuneDeadline(): Campaign {
  const base = vanNinh();
  return Campaign.parse({
    ...base,
    deadlines: [...base.deadlines, { id: 'ho-so-cap-xa', label: 'Hồ sơ đề nghị Chủ tịch UBND xã khen thưởng', kind: 'dossier', due: { everyYearBefore: '09-15' } }],
    awards: base.awards.map((a) => (a.id === COMMUNE ? { ...a, deadlines: ['ho-so-cap-xa'] } : a)),
  });
}

describe('Vạn Ninh’s dossier deadline (before 01/9, to the district chairman)', () => {
  test.each([
    // [case, today, nominations, Vạn Thắng's state, Vạn Hưng's state]
    ['in 2024 it applies: a district nomination meets it', '2024-08-25T03:00:00Z', [nomination('UBND xã Vạn Thắng', DISTRICT, '2024-08-20T09:00:00+07:00')], 'đã nộp', 'chưa nộp – còn 7 ngày'],
    [
      'in 2025 its last day is after the district ceased: it no longer applies, whatever was sent',
      '2025-08-25T03:00:00Z',
      [nomination('UBND xã Vạn Thắng', DISTRICT, '2025-08-20T09:00:00+07:00')],
      'không còn áp dụng: Chủ tịch UBND huyện Vạn Ninh không còn từ ngày 01/7/2025; hồ sơ gửi Chủ tịch UBND cấp xã (chính quyền địa phương hai cấp, từ 01/7/2025)',
      'không còn áp dụng: Chủ tịch UBND huyện Vạn Ninh không còn từ ngày 01/7/2025; hồ sơ gửi Chủ tịch UBND cấp xã (chính quyền địa phương hai cấp, từ 01/7/2025)',
    ],
  ])('%s', (_, now, nominations, vanThang, vanHung) => {
    const report = deadlineReport(vanNinh(), ROSTER, { nominations, registrations: [] }, new Date(now));
    expect(report.rows.map((r) => r.deadlines['ho-so-cap-huyen']!.text)).toEqual([vanThang, vanHung]);
  });

  test('the status page’s next deadline skips it after the reform', () => {
    expect(nextDeadline(vanNinh(), new Date('2024-08-20T03:00:00Z'))).toMatchObject({ label: 'Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng', before: '01/9/2024' });
    expect(nextDeadline(vanNinh(), new Date('2025-08-20T03:00:00Z'))?.label).not.toBe('Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng');
  });
});

describe('a post-reform commune’s nomination counts under the successor award’s deadline', () => {
  test.each([
    // [case, award named, submitted, state of the commune deadline, of the district one]
    ['the district Giấy khen asked for after 01/7/2025 is the commune chairman’s', DISTRICT, '2025-09-05T09:00:00+07:00', 'đã nộp'],
    ['the commune Giấy khen itself', COMMUNE, '2025-09-05T09:00:00+07:00', 'đã nộp'],
    ['the district Giấy khen asked for before 01/7/2025 stays the district’s', DISTRICT, '2025-06-20T09:00:00+07:00', 'chưa nộp – còn 6 ngày'],
  ])('%s', (_, award, submittedAt, communeState) => {
    const report = deadlineReport(withCommuneDeadline(), ROSTER, { nominations: [nomination('UBND xã Vạn Thắng', award, submittedAt)], registrations: [] }, new Date('2025-09-09T03:00:00Z'));
    expect(report.rows[0]!.deadlines['ho-so-cap-xa']!.text).toBe(communeState);
    expect(report.rows[0]!.deadlines['ho-so-cap-huyen']!.state).toBe('ceased');
  });
});

describe('through the job and the workbook', () => {
  test('the units tab reads "không còn áp dụng" for the district deadline in 2025, and counts no unit as late', async () => {
    const tables = new WorkbookStore(join(tempDir(), 'vn.xlsx'));
    const repo = await initCampaign(tables, vanNinh());
    await repo.provision(['units']);
    await tables.write([{ tab: repo.tab('units'), append: ROSTER.map(({ unit }) => ({ unit, block: null, email: null })) }]);
    const report = await reportDeadlines(repo, new Date('2025-08-25T03:00:00Z'));
    expect(report.deadlines['ho-so-cap-huyen']).toMatchObject({ submitted: 0, open: 0, overdue: 0 });
    const rows = (await tables.readTabs([repo.tab('units')])).get('units') ?? [];
    expect(rows.map((r) => String(r['deadline.ho-so-cap-huyen']))).toEqual(ROSTER.map(() => expect.stringMatching(/^không còn áp dụng: Chủ tịch UBND huyện Vạn Ninh không còn từ ngày 01\/7\/2025/)));
  });
});
