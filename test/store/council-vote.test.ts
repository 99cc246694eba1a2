import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MeetingMemberRow, VoteRow, type Located } from '../../shared/domain/council-vote.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { meetingMinutes } from '../../shared/jobs/meeting-minutes.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { recordCouncilVote } from '../../shared/jobs/record-council-vote.js';
import type { CampaignRepository } from '../../shared/store/campaign-repository.js';
import type { TableStore } from '../../shared/store/table-store.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { rawIndividual, scoresTotalling, tempDir, vanNinh } from '../support/builders.js';
import { googleStore, newFake, rawClient, serveFakeSheets } from './google-sheets-contract-harness.js';

serveFakeSheets();

const T1 = new Date('2024-08-20T02:00:00Z');
const T2 = new Date('2024-09-25T03:00:00Z');
const MEETING = 'HĐ-2024-01';

const members = (present: number, size = 9): Array<Located<MeetingMemberRow>> =>
  Array.from({ length: size }, (_, i) => ({
    at: `Tệp bien-ban.json, "members" mục ${i + 1}`,
    value: MeetingMemberRow.parse({
      meeting: MEETING,
      meetingAt: '25/09/2024 08:00',
      place: 'Phòng họp UBND huyện Vạn Ninh',
      member: `Ủy viên ${i + 1}`,
      role: i === 0 ? 'Chủ tịch UBND huyện, Chủ tịch Hội đồng' : 'Ủy viên Hội đồng',
      duty: i === 0 ? 'Chủ trì' : i === 1 ? 'Thư ký' : 'Thành viên',
      attendance: i < present ? 'Có mặt' : 'Vắng mặt, có phiếu bằng văn bản',
      ...(i === 0 ? { agenda: 'Xét đề nghị Chủ tịch UBND huyện tặng Giấy khen năm 2024' } : {}),
    }),
  }));
const votes = (rows: Array<Record<string, unknown>>): Array<Located<VoteRow>> => rows.map((r, i) => ({ at: `Tệp bien-ban.json, "votes" mục ${i + 1}`, value: VoteRow.parse({ meeting: MEETING, ...r }) }));

const STORES: Array<[string, () => Promise<TableStore>]> = [
  ['the workbook', async () => new WorkbookStore(join(tempDir(), 'hd.xlsx'))],
  ['the Google Sheet', async () => {
    const fake = newFake();
    return googleStore(fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' })).store;
  }],
];

describe.each(STORES)('the council votes in %s', (_, makeStore) => {
  async function campaign(): Promise<CampaignRepository> {
    const repo = await initCampaign(await makeStore(), vanNinh());
    await intake(repo, [99, 98, 97].map((t, i) => ({ payload: rawIndividual({ responseId: `p${i}`, name: `Người ${i}`, selfScores: scoresTotalling('individual', t) }), source: 'test' })), T1);
    await recompute(repo, T1);
    return repo;
  }

  test('records the meeting and its votes, refuses a member voting twice, and proposes only the nominations whose vote passes', async () => {
    // GIVEN three nominations within the quota
    const repo = await campaign();
    // WHEN the council records its meeting: p0 by secret ballot (passes), p1 by secret ballot (fails), p2 by show of hands with a doubled ballot
    const record = {
      members: members(7),
      votes: votes([
        { responseId: 'p0', votesFor: 8, votesAgainst: 1 },
        { responseId: 'p1', votesFor: 3, votesAgainst: 5, abstain: 1 },
        ...Array.from({ length: 5 }, (_, i) => ({ responseId: 'p2', member: `Ủy viên ${i + 1}`, vote: 'Đồng ý' })),
        { responseId: 'p2', member: 'Ủy viên 1', vote: 'Không đồng ý' },
      ]),
    };
    const result = await recordCouncilVote(repo, record, T2);
    // THEN the doubled ballot is refused, naming its line and column, and the rest is recorded
    expect(result.recorded).toEqual({ members: 9, votes: 7 });
    expect(result.refused.map((f) => [f.code, f.message])).toEqual([
      ['VOTE_MEMBER_TWICE', 'Tệp bien-ban.json, "votes" mục 8, cột "Thành viên": Ủy viên 1 đã biểu quyết hồ sơ "p2" tại phiên họp "HĐ-2024-01" (Tệp bien-ban.json, "votes" mục 3); mỗi thành viên chỉ biểu quyết một lần.'],
    ]);
    expect(result.results.map((r) => [r.responseId, r.votesFor, r.total, r.passed])).toEqual([['p0', 8, 9, true], ['p1', 3, 9, false], ['p2', 5, 5, true]]);
    const { decisions } = await recompute(repo, T2);
    expect(Object.fromEntries(decisions.map((d) => [d.responseId, d.status]))).toEqual({ p0: 'proposed', p1: 'vote-failed', p2: 'proposed' });

    // AND taking the same record in again changes nothing
    const again = await recordCouncilVote(repo, record, T2);
    expect(again.recorded).toEqual({ members: 0, votes: 0 });
    expect(again.skipped).toEqual({ members: 9, votes: 7 });
    const snap = await repo.read(['councilMeeting', 'councilVotes']);
    expect([snap.councilMeeting.length, snap.councilVotes.length, snap.problems]).toEqual([9, 7, []]);

    // AND the minutes are built from the record
    const minutes = await meetingMinutes(repo);
    expect(minutes.chair).toBe('Ủy viên 1 – Chủ tịch UBND huyện, Chủ tịch Hội đồng');
    expect(minutes.meetingAt).toEqual(new Date('2024-09-25T01:00:00Z'));
    expect(minutes.agenda).toEqual(['Xét đề nghị Chủ tịch UBND huyện tặng Giấy khen năm 2024']);
    expect(minutes.quorum).toEqual({ present: 7, members: 9, reached: true });
    expect(minutes.members.filter((m) => m.writtenVote).map((m) => m.name)).toEqual(['Ủy viên 8', 'Ủy viên 9']);
    expect(minutes.rows.map((r) => [r.nominee, r.votesFor, r.votesAgainst, r.abstain, r.total, r.passed])).toEqual([
      ['Người 0', 8, 1, 0, 9, true],
      ['Người 1', 3, 5, 1, 9, false],
      ['Người 2', 5, 0, 0, 5, true],
    ]);
  });

  test('refuses every vote of a meeting without quorum and writes none of them', async () => {
    const repo = await campaign();
    const noQuorum = members(5).map((m) => (m.value.attendance === 'written' ? { ...m, value: { ...m.value, attendance: 'absent' as const } } : m));
    const result = await recordCouncilVote(repo, { members: noQuorum, votes: votes([{ responseId: 'p0', votesFor: 5 }]) }, T2);
    expect(result.refused.map((f) => f.code)).toEqual(['VOTE_NO_QUORUM']);
    expect(result.refused[0]!.message).toContain('chỉ có 5/9 thành viên có mặt, chưa đủ 6 thành viên (2/3)');
    expect((await repo.read(['councilVotes'])).councilVotes).toEqual([]);
    // the meeting is on record (who attended), the nominations are unchanged
    const { decisions } = await recompute(repo, T2);
    expect(decisions.every((d) => d.status === 'proposed')).toBe(true);
  });

  test('a vote edited by hand in the sheet into one that cannot count is reported, never counted', async () => {
    const repo = await campaign();
    await recordCouncilVote(repo, { members: members(9), votes: votes([{ responseId: 'p0', votesFor: 9 }]) }, T2);
    // a second count for p0 that would exceed the members present
    await repo.writeExclusive([{ kind: 'council-vote', members: [], votes: [VoteRow.parse({ meeting: MEETING, responseId: 'p0', votesFor: 3 })], at: T2 }]);
    const { problems, decisions } = await recompute(repo, T2);
    expect(problems).toEqual([expect.stringMatching(/^Trang tính "Biểu quyết Hội đồng", hàng 3, các cột "Số phiếu …": hồ sơ "p0" có 12 phiếu, nhiều hơn 9 thành viên/)]);
    expect(decisions.find((d) => d.responseId === 'p0')!.vote).toMatchObject({ votesFor: 9, passed: true });
  });
});

describe('a meeting typed in the workbook by hand', () => {
  test('is the same record as the file that records it again: nothing is written twice', async () => {
    // GIVEN the secretary typed the meeting's members in the workbook, in her own spelling
    const path = join(tempDir(), 'hd.xlsx');
    const repo = await initCampaign(new WorkbookStore(path), vanNinh());
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Thành phần họp xét')!;
    for (const m of members(9)) {
      const v = m.value;
      ws.addRow([v.meeting, '25/09/2024 8:00', v.place, v.member, v.role ?? '', v.duty === 'chair' ? 'chủ trì' : v.duty === 'secretary' ? 'thư ký' : 'thành viên', v.attendance === 'present' ? 'có mặt' : 'Vắng mặt, có phiếu bằng văn bản', v.agenda ?? '']);
    }
    await wb.xlsx.writeFile(path);
    // WHEN the same meeting is recorded from a file
    const result = await recordCouncilVote(repo, { members: members(9), votes: [] }, T2);
    // THEN nothing is refused and nothing is added
    expect(result).toMatchObject({ recorded: { members: 0, votes: 0 }, skipped: { members: 9, votes: 0 }, refused: [] });
    expect((await repo.read(['councilMeeting'])).councilMeeting).toHaveLength(9);
  });
});

describe('a sheet made before the vote tabs existed', () => {
  test('keeps working: the missing tabs read as empty, and recording a vote adds them', async () => {
    // GIVEN a Google Sheet provisioned, then the two vote tabs deleted (as a sheet made before them)
    const fake = newFake();
    const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    const repo = await initCampaign(googleStore(id).store, vanNinh());
    const api = rawClient();
    const sheets = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets ?? [];
    const ids = sheets.filter((s) => ['Thành phần họp xét', 'Biểu quyết Hội đồng'].includes(s.properties?.title ?? '')).map((s) => s.properties!.sheetId!);
    await api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: ids.map((sheetId) => ({ deleteSheet: { sheetId } })) } });
    await intake(repo, [{ payload: rawIndividual({ responseId: 'p0', selfScores: scoresTotalling('individual', 99) }), source: 'test' }], T1);
    // WHEN the engine recomputes
    const { decisions, problems } = await recompute(repo, T1);
    // THEN nothing fails and nothing waits for a vote
    expect([decisions.map((d) => d.status), problems]).toEqual([['proposed'], []]);
    // AND provisioning the vote tabs (as `thidua council vote` does) lets the council record its meeting
    await repo.provision(['councilMeeting', 'councilVotes']);
    const result = await recordCouncilVote(repo, { members: members(9), votes: votes([{ responseId: 'p0', votesFor: 9 }]) }, T2);
    expect(result.recorded).toEqual({ members: 9, votes: 1 });
  });
});

describe('a quota tie settled by the council vote', () => {
  test('is recorded as such in the results tab', async () => {
    // GIVEN six individuals for five places, the last two tied at 94 points
    const path = join(tempDir(), 'hd.xlsx');
    const repo = await initCampaign(new WorkbookStore(path), vanNinh());
    const totals = [99, 98, 97, 96, 94, 94];
    await intake(repo, totals.map((t, i) => ({ payload: rawIndividual({ responseId: `p${i}`, name: `Người ${i}`, selfScores: scoresTotalling('individual', t) }), source: 'test' })), T1);
    // WHEN the council votes every one through, the tied two with 8 and 6 votes for
    await recordCouncilVote(repo, { members: members(9), votes: votes(totals.map((_, i) => ({ responseId: `p${i}`, votesFor: i === 5 ? 6 : i === 4 ? 8 : 9 }))) }, T2);
    await recompute(repo, T2);
    // THEN the results tab says the vote chose
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const rows: string[][] = [];
    wb.getWorksheet('Kết quả xét chọn')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const of = (name: string) => rows.find((r) => r.includes(name))!;
    expect(of('Người 4')).toEqual(expect.arrayContaining(['Đề nghị khen thưởng', '• Đồng hạng 5 tại ranh giới chỉ tiêu (5); Hội đồng biểu quyết chọn với 8 phiếu đồng ý.']));
    expect(of('Người 5')).toEqual(expect.arrayContaining(['Ngoài chỉ tiêu', '• Đồng hạng 5 tại ranh giới chỉ tiêu (5); Hội đồng biểu quyết chọn hồ sơ khác (6 phiếu đồng ý, ít hơn hồ sơ được chọn).']));
  });
});
