import { describe, expect, test } from 'vitest';
import { deadlineReport as deadlineDoor } from '../../functions/deadline-report.js';
import { recompute } from '../../functions/recompute.js';
import { deadlineReport, deadlineState, occurrence, unitDeadlines } from '../../shared/domain/deadline-report.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, DISTRICT, rawIndividual, vanNinh } from '../support/builders.js';
import { bearer, certsHandler, env, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw } from './harness.js';
import { intake } from '../../shared/jobs/intake.js';

useMsw();

const at = (iso: string) => new Date(iso);

describe('deadline states (pure, Vietnam calendar days)', () => {
  const due = at('2024-08-31T17:00:00Z'); // 00:00 on 01/09/2024 in Vietnam: "trước ngày 01/9"
  test.each([
    ['a week before', '2024-08-25T03:00:00Z', 'chưa nộp – còn 7 ngày'],
    ['on the last day, late in the evening', '2024-08-31T16:59:00Z', 'chưa nộp – còn 1 ngày'],
    ['on the deadline day itself', '2024-08-31T17:00:00Z', 'quá hạn 1 ngày'],
    ['ten days after', '2024-09-10T02:00:00Z', 'quá hạn 10 ngày'],
  ])('a unit that has not submitted, %s (%s), reads "%s"', (_, now, text) => {
    expect(deadlineState(false, due, at(now)).text).toBe(text);
  });

  test('a unit that has submitted reads "đã nộp", late or not', () => {
    expect(deadlineState(true, due, at('2024-09-10T02:00:00Z'))).toEqual({ state: 'submitted', text: 'đã nộp' });
  });

  test('a yearly deadline is the one of the current Vietnam year; a one-off keeps its date', () => {
    const [registration, dossier] = unitDeadlines(vanNinh());
    expect(registration!.id).toBe('dang-ky-mo-hinh');
    expect(occurrence(dossier!, at('2025-03-01T00:00:00Z'))).toEqual({ due: at('2025-08-31T17:00:00Z'), year: 2025 });
    expect(occurrence({ ...dossier!, due: { before: '2026-10-01' } }, at('2025-03-01T00:00:00Z'))).toEqual({ due: at('2026-09-30T17:00:00Z'), year: undefined });
  });

  test('counts a nomination for an award the dossier deadline governs, in the deadline year, matching units by canonical name', () => {
    const report = deadlineReport(
      vanNinh(),
      [{ unit: 'UBND xã Vạn Thắng' }, { unit: 'UBND xã Vạn Hưng' }, { unit: 'UBND xã Vạn Phước' }],
      {
        nominations: [
          { unit: 'ubnd  xã vạn thắng', award: DISTRICT, submittedAt: at('2024-08-10T02:00:00Z') },
          { unit: 'UBND xã Vạn Hưng', award: 'giay-khen-chu-tich-xa', submittedAt: at('2024-08-10T02:00:00Z') }, // not governed by ho-so-cap-huyen
          { unit: 'UBND xã Vạn Phước', award: DISTRICT, submittedAt: at('2023-08-10T02:00:00Z') }, // last year's
          { unit: 'Hội Cựu chiến binh', award: DISTRICT, submittedAt: at('2024-08-10T02:00:00Z') },
        ],
        registrations: [{ unit: 'UBND xã Vạn Hưng', year: 2024 }],
      },
      at('2024-08-25T03:00:00Z'),
    );
    expect(report.rows.map((r) => [r.unit, r.deadlines['dang-ky-mo-hinh']!.text, r.deadlines['ho-so-cap-huyen']!.text])).toEqual([
      ['UBND xã Vạn Thắng', 'quá hạn 193 ngày', 'đã nộp'],
      ['UBND xã Vạn Hưng', 'đã nộp', 'chưa nộp – còn 7 ngày'],
      ['UBND xã Vạn Phước', 'quá hạn 193 ngày', 'chưa nộp – còn 7 ngày'],
    ]);
    expect(report.unlisted).toEqual(['Hội Cựu chiến binh']);
  });
});

describe('the recompute and deadline report functions', () => {
  async function setup() {
    server.use(certsHandler());
    const workbook = await newWorkbook();
    const tables = SqliteStore.forWorkbook(workbook);
    const store = await CampaignRepository.open(tables, campaigns);
    await intake(store, 
      [
        { payload: rawIndividual({ responseId: 'a', unit: 'UBND xã Vạn Thắng', submittedAt: '2024-08-10T09:00:00+07:00' }), source: 'test' },
        { payload: rawIndividual({ responseId: 'b', unit: 'UBND xã Vạn Hưng', submittedAt: '2024-08-11T09:00:00+07:00' }), source: 'test' },
      ],
      at('2024-08-11T03:00:00Z'),
    );
    return { workbook, tables, store };
  }

  test('recompute writes statuses and ranks into the workbook and the results tab', async () => {
    const { workbook, tables, store } = await setup();
    const rt = testRuntime(env(workbook));
    const res = await postJson(await serveHttp(recompute(rt)), {}, bearer());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ campaign: 'van-ninh-dan-van-kheo', nominations: 2, byStatus: { proposed: 2 }, problems: [] });
    const results = (await tables.readTabs([store.tab('results')])).get('results') ?? [];
    expect(results.map((r) => [r.responseId, r.rank, r.status])).toEqual([
      ['a', 1, 'Đề nghị khen thưởng'],
      ['b', 1, 'Đề nghị khen thưởng'],
    ]);
  });

  test('deadline report, with a fixed clock, fills each roster unit\'s state per deadline in the units tab', async () => {
    // GIVEN the council's roster typed into the units tab, and two units that have submitted
    const { workbook, tables, store } = await setup();
    const units = store.tab('units');
    await tables.write([{ tab: units, append: ['UBND xã Vạn Thắng', 'UBND xã Vạn Hưng', 'UBND xã Vạn Long'].map((unit) => ({ unit, block: 'Khối xã', email: null })) }]);
    const rt = testRuntime(env(workbook), () => at('2024-08-25T03:00:00Z'));

    // WHEN Scheduler calls the report a week before the dossier deadline
    const res = await postJson(await serveHttp(deadlineDoor(rt)), {}, bearer());

    // THEN the units tab says who has submitted and how many days are left
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ units: 3, deadlines: { 'ho-so-cap-huyen': { submitted: 2, open: 1, overdue: 0 }, 'dang-ky-mo-hinh': { overdue: 3 } } });
    expect(units.columns.map((c) => c.header)).toEqual(['Đơn vị', 'Khối thi đua', 'Thư điện tử', 'Đường dẫn trạng thái', 'Đăng ký xây dựng điển hình, mô hình “Dân vận khéo”', 'Hồ sơ đề nghị Chủ tịch UBND huyện khen thưởng', 'Cập nhật lúc']);
    const rows = (await tables.readTabs([units])).get('units') ?? [];
    expect(rows.map((r) => [r.unit, r['deadline.ho-so-cap-huyen'], r['deadline.dang-ky-mo-hinh'], r.reportedAt])).toEqual([
      ['UBND xã Vạn Thắng', 'đã nộp', 'quá hạn 193 ngày', '2024-08-25T10:00:00+07:00'],
      ['UBND xã Vạn Hưng', 'đã nộp', 'quá hạn 193 ngày', '2024-08-25T10:00:00+07:00'],
      ['UBND xã Vạn Long', 'chưa nộp – còn 7 ngày', 'quá hạn 193 ngày', '2024-08-25T10:00:00+07:00'],
    ]);
    expect(rows.map((r) => r.block)).toEqual(['Khối xã', 'Khối xã', 'Khối xã']);
  });
});
