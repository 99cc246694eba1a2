import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportAwardListFile } from '../../shared/cli/document-commands.js';
import { CouncilScoreEntry } from '../../shared/domain/council.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recordCouncilScores } from '../../shared/jobs/record-council-scores.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { DISTRICT, PROVINCE, rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { tongTuyenCu, TT_GUIDANCE_SETTING } from '../support/campaign-builders.js';
import { readBack, texts } from './read-back.js';

/**
 * Documents are dated: the bodies a list names follow its date ("Ngày ký", else today). Each case builds a workbook,
 * exports through the CLI door and reads the printed file back.
 */

const TODAY = new Date('2026-03-02T02:00:00Z');

async function ttBacSon(settings: Array<[string, string]>): Promise<CampaignRepository> {
  const repo = await initCampaign(SqliteStore.forWorkbook(join(tempDir(), 'tt.xlsx')), tongTuyenCu());
  const nominee = (responseId: string, award: string, submittedAt: string, name: string) => ({
    payload: { responseId, submittedAt, campaign: 'tt-bac-son-80-nam-tong-tuyen-cu', award, kind: 'individual', name, unit: 'Khối phố Hòa Bình', selfScores: {}, evidence: {} },
    source: responseId,
  });
  await intake(repo, [
    nominee('bk-1', PROVINCE, '2026-01-12T09:00:00+07:00', 'Hoàng Văn Sơn'),
    nominee('gk-1', DISTRICT, '2025-08-12T09:00:00+07:00', 'Mai Văn Quyết'),
  ], TODAY);
  await recordCouncilScores(repo, ['bk-1', 'gk-1'].map((responseId) => CouncilScoreEntry.parse({ responseId, member: 'Lăng Văn Hợp', memberUnit: 'Văn phòng', scores: { '1': 'Tốt', '2': 'Tốt' } })), TODAY);
  await repo.write([{ kind: 'settings', mode: 'add', entries: [TT_GUIDANCE_SETTING, ...settings] }]);
  return repo;
}

const printed = async (file: string) => texts((await readBack(file)).getWorksheet('Danh sách')!).flat();

describe('TT Bắc Sơn reviewed in 2026: the list is headed by the successor body, never the dead one', () => {
  test('refuses a 2026 list while the council has not named the successor, naming the body and the setting', async () => {
    const repo = await ttBacSon([]);
    await expect(exportAwardListFile(repo, PROVINCE, { now: TODAY, out: join(tempDir(), 'x.xlsx') })).rejects.toThrow(
      /ngày 02\/3\/2026.*"ỦY BAN NHÂN DÂN THỊ TRẤN BẮC SƠN" \(UBND HUYỆN BẮC SƠN\) không còn từ ngày 01\/7\/2025.*"Cơ quan kế nhiệm"/s,
    );
  });

  describe('with "Cơ quan kế nhiệm" set', () => {
    let repo: CampaignRepository;
    beforeAll(async () => {
      repo = await ttBacSon([['Cơ quan kế nhiệm', 'Ủy ban nhân dân xã Bắc Sơn']]);
    });

    test.each([
      // [case, award, Ngày ký, lines that must be printed, words that must not]
      ['the Bằng khen proposal dated today', PROVINCE, undefined, ['UBND TỈNH LẠNG SƠN', 'ỦY BAN NHÂN DÂN\nXÃ BẮC SƠN', '(Kèm theo Tờ trình số ……/TTr-UBND ngày …… tháng …… năm 2026 của Ủy ban nhân dân xã Bắc Sơn)', 'Hoàng Văn Sơn'], ['HUYỆN BẮC SƠN', 'THỊ TRẤN']],
      ['the successor Giấy khen decided by the commune chairman', 'giay-khen-chu-tich-xa', undefined, ['UBND TỈNH LẠNG SƠN', 'ỦY BAN NHÂN DÂN\nXÃ BẮC SƠN', '(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm 2025 của Chủ tịch Ủy ban nhân dân xã Bắc Sơn)', 'Mai Văn Quyết'], ['HUYỆN', 'THỊ TRẤN', 'TM.']],
    ])('%s', async (_, award, signedOn, present, absent) => {
      if (signedOn) await repo.write([{ kind: 'settings', mode: 'add', entries: [['Ngày ký', signedOn]] }]);
      const lines = await printed(await exportAwardListFile(repo, award, { now: TODAY, out: join(tempDir(), `${award}.xlsx`) }));
      for (const line of present) expect(lines).toContain(line);
      for (const word of absent) expect(lines.filter((l) => l.includes(word)), word).toEqual([]);
    });
  });

  test('a list signed before the reform keeps the township and the district, even with the successor set', async () => {
    const repo = await ttBacSon([['Cơ quan kế nhiệm', 'Ủy ban nhân dân xã Bắc Sơn'], ['Ngày ký', '20/06/2025']]);
    // the Bằng khen nominee came in 2026; the list of 2025 has nobody, so look at the header only
    const lines = await printed(await exportAwardListFile(repo, PROVINCE, { now: TODAY, year: 2026, out: join(tempDir(), 'truoc.xlsx') }));
    expect(lines).toEqual(expect.arrayContaining(['UBND HUYỆN BẮC SƠN', 'ỦY BAN NHÂN DÂN\nTHỊ TRẤN BẮC SƠN', '(Kèm theo Tờ trình số ……/TTr-UBND ngày 20 tháng 6 năm 2025 của Ủy ban nhân dân thị trấn Bắc Sơn)']));
  });

  test('a setting that names the dead body again is refused', async () => {
    const repo = await ttBacSon([['Cơ quan kế nhiệm', 'Ủy ban nhân dân xã Bắc Sơn'], ['Cơ quan chủ quản', 'UBND HUYỆN BẮC SƠN']]);
    await expect(exportAwardListFile(repo, PROVINCE, { now: TODAY, out: join(tempDir(), 'y.xlsx') })).rejects.toThrow(/"UBND HUYỆN BẮC SƠN", cơ quan không còn/);
  });
});

describe('Vạn Ninh: a district chairman’s list is never dated after 30 June 2025', () => {
  let repo: CampaignRepository;
  beforeAll(async () => {
    repo = await initCampaign(SqliteStore.forWorkbook(join(tempDir(), 'vn.xlsx')), vanNinh());
    await intake(repo, [{ payload: rawIndividual({ responseId: 'h-1' }), source: 'h-1' }], new Date('2024-08-20T02:00:00Z'));
  });

  test.each([
    ['today, with no "Ngày ký"', [], /ghi ngày 02\/3\/2026.*"Chủ tịch UBND huyện Vạn Ninh" không còn từ ngày 01\/7\/2025.*"Giấy khen của Chủ tịch UBND cấp xã" \(mã giay-khen-chu-tich-xa\)/s],
  ])('refuses the list dated %s and names the successor award', async (_, settings, message) => {
    if (settings.length) await repo.write([{ kind: 'settings', mode: 'add', entries: settings }]);
    await expect(exportAwardListFile(repo, DISTRICT, { now: TODAY, out: join(tempDir(), 'z.xlsx') })).rejects.toThrow(message);
  });

  test('prints it when signed before the reform', async () => {
    const lines = await printed(await exportAwardListFile(repo, DISTRICT, { now: new Date('2024-09-25T02:00:00Z'), out: join(tempDir(), 'ok.xlsx') }));
    expect(lines).toContain('ỦY BAN NHÂN DÂN\nHUYỆN VẠN NINH');
  });
});

describe('a campaign rated by the council prints the council’s rating, never an invented "Tổng điểm"', () => {
  test.each([
    // [ratings of the two members for criteria 1 and 2, what the list prints]
    [[{ '1': 'Tốt', '2': 'Xuất sắc' }, { '1': 'Tốt', '2': 'Xuất sắc' }], 'TC1: Tốt; TC2: Xuất sắc'],
    [[{ '1': 'Đạt', '2': 'Tốt' }, { '1': 'Tốt', '2': 'Tốt' }], 'TC1: Tốt; TC2: Tốt'],
  ])('ratings %j are printed "%s"', async (ratings, printedRating) => {
    const repo = await initCampaign(SqliteStore.forWorkbook(join(tempDir(), 'r.xlsx')), tongTuyenCu());
    await repo.write([{ kind: 'settings', mode: 'add', entries: [TT_GUIDANCE_SETTING] }]);
    await intake(repo, [{ payload: { responseId: 'r-1', submittedAt: '2025-05-20T09:00:00+07:00', campaign: 'tt-bac-son-80-nam-tong-tuyen-cu', award: DISTRICT, kind: 'individual', name: 'Nguyễn Thị Thanh Thủy', unit: 'UBND thị trấn Bắc Sơn', selfScores: {}, evidence: {} }, source: 'r-1' }], TODAY);
    await recordCouncilScores(repo, ratings.map((scores, i) => CouncilScoreEntry.parse({ responseId: 'r-1', member: `Thành viên ${i}`, memberUnit: `Đơn vị ${i}`, scores })), TODAY);
    const lines = await printed(await exportAwardListFile(repo, DISTRICT, { now: new Date('2025-05-30T02:00:00Z'), variant: 'proposal', out: join(tempDir(), 'r.xlsx') }));
    expect(lines).toContain('Kết quả Hội đồng đánh giá');
    expect(lines).toContain(printedRating);
    expect(lines).not.toContain('Tổng điểm');
  });
});
