import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { MeetingMemberRow, VoteRow } from '../../shared/domain/council-vote.js';
import { AwardHistoryRow } from '../../shared/domain/datasets.js';
import { Review } from '../../shared/domain/review.js';
import { ProposalManifest } from '../../shared/domain/proposal-manifest.js';
import { packProposal } from '../../shared/exports/proposal-package.js';
import { exportProposalPackage, type ProposalPackage } from '../../shared/jobs/export-proposal-package.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { intakeProposalPackage } from '../../shared/jobs/intake-package.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { recordCouncilVote } from '../../shared/jobs/record-council-vote.js';
import { recordReviews } from '../../shared/jobs/record-reviews.js';
import { exportAwardListFile } from '../../shared/cli/document-commands.js';
import type { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { DISTRICT, PROVINCE, rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';
import { readBack, texts } from './read-back.js';

const T_2023 = new Date('2023-09-20T02:00:00Z');
const NOW = new Date('2024-09-26T02:00:00Z');
const HOA = { name: 'Trần Thị Hoa', unit: 'UBND xã Vạn Thắng', position: 'Chủ tịch Hội Phụ nữ xã', birthDate: '1979-03-02', gender: 'nữ' };

/**
 * The Vạn Ninh district's workbook: Trần Thị Hoa, the district's "Dân vận khéo" model in 2022 (award history) and in
 * 2023 (awarded in this workbook, Quyết định số 12/QĐ-UBND, and in its history), proposed in 2024 for the province's Bằng khen and passed
 * by the district council's vote; a second nominee without the two years of district awards stays off the package.
 */
async function districtWorkbook(dir: string): Promise<CampaignRepository> {
  const repo = await initCampaign(new WorkbookStore(join(dir, 'huyen-van-ninh.xlsx')), vanNinh());
  await repo.importDataset({ id: 'award-history', rows: [
    AwardHistoryRow.parse({ year: 2021, ...HOA, award: 'Giấy khen của Chủ tịch UBND xã', level: 'xã', mode: 'định kỳ', decisionNumber: '05/QĐ-UBND', decisionDate: '10/09/2021' }),
    AwardHistoryRow.parse({ year: 2022, ...HOA, award: 'Giấy khen của Chủ tịch UBND huyện', level: 'huyện', mode: 'định kỳ', decisionNumber: '30/QĐ-UBND', decisionDate: '20/09/2022' }),
    // the 2023 award this workbook recorded, as its history tab also holds it (the prerequisite reads the history)
    AwardHistoryRow.parse({ year: 2023, ...HOA, award: 'Giấy khen của Chủ tịch UBND huyện', level: 'huyện', mode: 'định kỳ', decisionNumber: '12/QĐ-UBND', decisionDate: '25/09/2023' }),
  ] });
  await intake(repo, [{ payload: rawIndividual({ responseId: 'hoa-2023', ...HOA, award: DISTRICT, submittedAt: '2023-08-10T09:00:00+07:00' }), source: 'test' }], T_2023);
  await recordReviews(repo, [Review.parse({ responseId: 'hoa-2023', decisionNumber: '12/QĐ-UBND', decisionDate: '25/09/2023' })], 'Thư ký', T_2023);
  await intake(repo, [
    { payload: rawIndividual({ responseId: 'hoa-2024', ...HOA, award: PROVINCE, submittedAt: '2024-08-12T09:00:00+07:00' }), source: 'test' },
    { payload: rawIndividual({ responseId: 'nam-2024', name: 'Lê Văn Nam', award: PROVINCE, submittedAt: '2024-08-12T10:00:00+07:00' }), source: 'test' },
  ], NOW);
  await recordCouncilVote(repo, {
    members: Array.from({ length: 9 }, (_, i) => ({ at: `thành phần ${i + 1}`, value: MeetingMemberRow.parse({ meeting: 'HĐ-2024-02', meetingAt: '2024-09-24T08:00', place: 'Phòng họp UBND huyện Vạn Ninh', member: `Ủy viên ${i + 1}`, duty: i === 0 ? 'Chủ trì' : 'Thành viên', attendance: 'Có mặt' }) })),
    votes: [{ at: 'phiếu 1', value: VoteRow.parse({ meeting: 'HĐ-2024-02', responseId: 'hoa-2024', votesFor: 9 }) }],
  }, NOW);
  await repo.write([{ kind: 'settings', mode: 'add', entries: [[`Số văn bản (${PROVINCE})`, '45/TTr-UBND'], [`Ngày ký (${PROVINCE})`, '26/09/2024']] }]);
  const { decisions } = await recompute(repo, NOW);
  expect(Object.fromEntries(decisions.map((d) => [d.responseId, d.status]))).toMatchObject({ 'hoa-2023': 'awarded', 'hoa-2024': 'proposed', 'nam-2024': 'ineligible' });
  return repo;
}

/** Every tab of a workbook as rows of text: what "changes nothing" is checked against. */
async function allRows(path: string): Promise<Record<string, string[][]>> {
  const wb = await readBack(path);
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, texts(ws)]));
}

describe('a Vạn Ninh district proposal package for the province', () => {
  let dir: string;
  let pkg: ProposalPackage;
  let zip: string;

  beforeAll(async () => {
    dir = tempDir();
    const district = await districtWorkbook(dir);
    const exported = await exportProposalPackage(district, PROVINCE, { now: NOW, year: 2024 });
    if (!exported.ok) throw new Error(exported.problem.message);
    pkg = exported.value;
    zip = join(dir, pkg.name);
    writeFileSync(zip, pkg.bytes);
  });

  test('carries the list and, per nominee, the nomination, scores, vote, history and the district decision, in a checked manifest', () => {
    const entries = unzipSync(readFileSync(zip));
    expect(Object.keys(entries).sort()).toEqual(['danh-sach/bang-khen-chu-tich-tinh-2024.xlsx', 'manifest.json']);
    const manifest = ProposalManifest.parse(JSON.parse(strFromU8(entries['manifest.json']!)));
    expect(manifest).toMatchObject({ campaign: 'van-ninh-dan-van-kheo', award: { id: PROVINCE }, year: 2024, from: { body: 'Ủy ban nhân dân huyện Vạn Ninh', level: 'district' }, proposal: { number: '45/TTr-UBND', date: '2024-09-26' } });
    expect(manifest.nominees.map((n) => n.responseId)).toEqual(['hoa-2024']);
    const hoa = manifest.nominees[0]!;
    expect(hoa).toMatchObject({ status: 'proposed', total: 100, rank: 1, vote: { votesFor: 9, members: 9, passed: true }, lowerDecision: { number: '12/QĐ-UBND', date: '2023-09-25', body: 'Ủy ban nhân dân huyện Vạn Ninh' } });
    expect(hoa.nomination).toMatchObject({ name: 'Trần Thị Hoa', award: PROVINCE, selfScores: expect.any(Object) });
    expect(hoa.history.map((h) => [h.year, h.level, h.decisionNumber])).toEqual([[2021, 'commune', '05/QĐ-UBND'], [2022, 'district', '30/QĐ-UBND'], [2023, 'district', '12/QĐ-UBND']]);
    expect(manifest.files).toEqual([{ path: 'danh-sach/bang-khen-chu-tich-tinh-2024.xlsx', role: 'award-list', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: entries['danh-sach/bang-khen-chu-tich-tinh-2024.xlsx']!.length }]);
  });

  test('is taken in by the province workbook, appears on the province list with its district decision, and taking it in twice changes nothing', async () => {
    // GIVEN a second workbook, the province's, for the same campaign
    const provincePath = join(dir, 'tinh-khanh-hoa.xlsx');
    const province = await initCampaign(new WorkbookStore(provincePath), vanNinh());
    // WHEN it takes the package in through the CLI
    const thidua = thiduaAt(NOW.toISOString());
    const first = await thidua('intake', 'package', zip, '--store', provincePath);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✔ uy-ban-nhan-dan-huyen-van-ninh/hoa-2024  Trần Thị Hoa: đã tiếp nhận');
    expect(first.stdout).toContain('Tiếp nhận 1, đã có 0, từ chối 0; lịch sử khen thưởng: thêm 3, đã có 0.');
    const { decisions } = await recompute(province, NOW);
    expect(decisions.map((d) => [d.responseId, d.status])).toEqual([['uy-ban-nhan-dan-huyen-van-ninh/hoa-2024', 'proposed']]);
    // THEN the province's list names her with the district's decision
    const list = await exportAwardListFile(province, PROVINCE, { now: NOW, year: 2024, out: join(dir, 'tinh.xlsx') });
    const rows = texts((await readBack(list)).worksheets[0]!);
    expect(rows.find((r) => r.includes('Trần Thị Hoa'))).toContain('Giấy khen của Chủ tịch UBND huyện năm 2023 (Quyết định số 12/QĐ-UBND ngày 25/9/2023)');
    // AND the audit keeps the district's proposal for the province council
    const audit = (await allRows(provincePath))['Nhật ký thay đổi']!;
    expect(audit.find((r) => r.includes('Đề nghị của cấp dưới'))!.at(-1)).toBe(
      'Ủy ban nhân dân huyện Vạn Ninh đề nghị Bằng khen của Chủ tịch UBND tỉnh năm 2024; văn bản số 45/TTr-UBND ngày 26/9/2024; đã được khen: Quyết định số 12/QĐ-UBND ngày 25/9/2023 của Ủy ban nhân dân huyện Vạn Ninh; điểm xét 100, xếp hạng 1; Hội đồng biểu quyết 9/9 đồng ý (phiên họp HĐ-2024-02).',
    );
    // AND taking it in again changes nothing
    const before = await allRows(provincePath);
    const second = await thidua('intake', 'package', zip, '--store', provincePath);
    expect(second.stdout).toContain('Tiếp nhận 0, đã có 1, từ chối 0; lịch sử khen thưởng: thêm 0, đã có 3.');
    expect(await allRows(provincePath)).toEqual(before);
  });
});

describe('a bad package is refused, naming the file or the field', () => {
  let good: Uint8Array;
  let repo: CampaignRepository;

  beforeAll(async () => {
    const dir = tempDir();
    const exported = await exportProposalPackage(await districtWorkbook(dir), PROVINCE, { now: NOW, year: 2024 });
    if (!exported.ok) throw new Error(exported.problem.message);
    good = exported.value.bytes;
    repo = await initCampaign(new WorkbookStore(join(dir, 'tinh.xlsx')), vanNinh());
  });

  const rezip = (edit: (entries: Record<string, Uint8Array>) => void): Uint8Array => {
    const entries = unzipSync(good);
    edit(entries);
    return zipSync(entries);
  };
  const manifestOf = (entries: Record<string, Uint8Array>) => JSON.parse(strFromU8(entries['manifest.json']!)) as ProposalManifest;

  test.each<[string, () => Uint8Array, string, RegExp]>([
    ['not a zip', () => strToU8('không phải zip'), 'BAD_PACKAGE', /^Tệp "goi.zip" không phải gói đề nghị \(\.zip\) đọc được\.$/],
    ['a manifest edited after export', () => rezip((e) => { const m = manifestOf(e); m.nominees[0]!.total = 120; e['manifest.json'] = strToU8(JSON.stringify(m)); }), 'BAD_PACKAGE', /tệp manifest\.json đã bị sửa sau khi xuất/],
    ['a missing file', () => rezip((e) => { delete e['danh-sach/bang-khen-chu-tich-tinh-2024.xlsx']; }), 'BAD_PACKAGE', /thiếu tệp "danh-sach\/bang-khen-chu-tich-tinh-2024\.xlsx" mà manifest\.json liệt kê/],
    ['a changed file', () => rezip((e) => { e['danh-sach/bang-khen-chu-tich-tinh-2024.xlsx'] = strToU8('sửa'); }), 'BAD_PACKAGE', /tệp "danh-sach\/bang-khen-chu-tich-tinh-2024\.xlsx" đã bị thay đổi sau khi xuất/],
    ['no manifest', () => rezip((e) => { delete e['manifest.json']; }), 'BAD_PACKAGE', /không có tệp manifest\.json/],
    ['a field of the wrong type', () => rezip((e) => { const m = manifestOf(e) as unknown as Record<string, unknown>; m.year = 'năm nay'; e['manifest.json'] = strToU8(JSON.stringify(m)); }), 'BAD_PACKAGE', /manifest\.json, trường "year": /],
    ['another campaign', () => { const e = unzipSync(good); const { digest: _d, ...m } = manifestOf(e); return packProposal({ ...m, campaign: 'bac-son-quiz-2024' }, new Map([['danh-sach/bang-khen-chu-tich-tinh-2024.xlsx', e['danh-sach/bang-khen-chu-tich-tinh-2024.xlsx']!]])); }, 'WRONG_CAMPAIGN', /trường "campaign" là phong trào "bac-son-quiz-2024", nhưng sổ này dành cho phong trào "van-ninh-dan-van-kheo"/],
  ])('refuses %s and takes nothing in', async (_, bytes, code, message) => {
    const result = await intakeProposalPackage(repo, bytes(), 'goi.zip', NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.message).toMatch(message);
    const snap = await repo.read(['nominations', 'awardHistory']);
    expect([snap.nominations.length, snap.awardHistory.length]).toEqual([0, 0]);
  });

  test('refuses to package an award the district grants itself', async () => {
    const result = await exportProposalPackage(repo, DISTRICT, { now: NOW });
    expect(result.ok || result.problem.code).toBe('NOT_UPWARD');
    expect(result.ok || result.problem.message).toMatch(/^"Giấy khen của Chủ tịch UBND huyện" do Chủ tịch UBND huyện Vạn Ninh quyết định, không cao hơn cấp của Ủy ban nhân dân huyện Vạn Ninh/);
  });
});
