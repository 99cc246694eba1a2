import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { exportList } from '../../functions/export-list.js';
import { contentDisposition } from '../../functions/runtime/content-disposition.js';
import { signBody } from '../../shared/auth/hmac-signature.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { campaigns, DISTRICT, rawIndividual, tempDir } from '../support/builders.js';
import { readDocx } from '../exports/read-docx.js';
import { bearer, certsHandler, COUNCIL, env, foreignKey, HMAC_SECRET, idToken, newWorkbook, SCHEDULER, server, serveHttp, testRuntime, useMsw, json } from './harness.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';

useMsw();

async function setup() {
  server.use(certsHandler());
  const workbook = await newWorkbook();
  const store = await CampaignRepository.open(new WorkbookStore(workbook), campaigns);
  await intake(store, [0, 1, 2].map((i) => ({ payload: rawIndividual({ responseId: `e${i}`, name: ['Trần Văn Phúc', 'Lê Thị Hoa', 'Đặng Văn Minh'][i] }), source: 'test' })), new Date('2024-08-16T00:00:00Z'));
  await recompute(store, new Date('2024-08-16T00:00:00Z'));
  const rt = testRuntime(env(workbook));
  return { url: await serveHttp(exportList(rt)), rt };
}

const query = '?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&year=2024&variant=decision';

describe('the export function', () => {
  test('gives a council member the award list as a valid .xlsx download with a Vietnamese file name', async () => {
    const { url, rt } = await setup();
    const res = await fetch(`${url}/${query}`, { headers: bearer(idToken({ email: COUNCIL })) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="Danh sach Giay khen cua Chu tich UBND huyen nam 2024.xlsx"`);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe('Danh sách Giấy khen của Chủ tịch UBND huyện năm 2024.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    for (const name of ['Trần Văn Phúc', 'Lê Thị Hoa', 'Đặng Văn Minh']) expect(cells.some((c) => c.includes(name))).toBe(true);
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'INFO', function: 'exportList', award: DISTRICT, year: 2024 });
    expect(JSON.stringify(rt.lines)).not.toContain('Trần Văn Phúc');
  });

  test.each([
    ['an identity not on the council list', 403, () => bearer(idToken({ email: SCHEDULER }))],
    ['a request signed with the shared secret (it names no person)', 403, () => ({ 'x-thidua-signature': signBody(HMAC_SECRET, '', new Date('2024-08-20T03:00:00Z')) })],
    ['a bad token', 401, () => bearer(idToken({ email: COUNCIL }, foreignKey()))],
    ['no credential', 401, () => ({})],
  ])('refuses %s with %i and no file', async (_, status, headers) => {
    const { url } = await setup();
    const res = await fetch(`${url}/${query}`, { headers: headers() });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-disposition')).toBeNull();
  });

  test.each([
    ['no award', '?campaign=van-ninh-dan-van-kheo', 400],
    ['a year that is not a year', '?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&year=24', 400],
    ['an unknown variant', '?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&variant=draft', 400],
    ['another campaign', '?campaign=bac-son-quiz-2024&award=giay-khen-chu-tich-huyen', 404],
    ['an unknown award', '?campaign=van-ninh-dan-van-kheo&award=huan-chuong', 404],
    ['a year with no nomination', '?campaign=van-ninh-dan-van-kheo&award=bang-khen-chu-tich-tinh', 422],
  ])('answers a query with %s with %i', async (_, q, status) => {
    const { url } = await setup();
    const res = await fetch(`${url}/${q}`, { headers: bearer(idToken({ email: COUNCIL })) });
    expect(res.status).toBe(status);
    expect((await json(res)).error).toBeTruthy();
  });
});

describe('the export function’s dossier documents (?document=)', () => {
  const base = '?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&year=2024';

  test.each([
    ['quyet-dinh', '', 'QUYẾT ĐỊNH', 'Quyết định giay-khen-chu-tich-huyen năm 2024.docx'],
    ['to-trinh', '', 'TỜ TRÌNH', 'Tờ trình giay-khen-chu-tich-huyen năm 2024.docx'],
    ['danh-muc', '', 'DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', 'Danh mục hồ sơ giay-khen-chu-tich-huyen năm 2024.docx'],
    ['bao-cao-thanh-tich', '&responseId=e1', 'BÁO CÁO THÀNH TÍCH', 'Báo cáo thành tích giay-khen-chu-tich-huyen năm 2024 e1.docx'],
  ])('gives a council member the %s as a .docx download', async (document, extra, heading, fileName) => {
    const { url, rt } = await setup();
    const res = await fetch(`${url}/${base}&document=${document}${extra}`, { headers: bearer(idToken({ email: COUNCIL })) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("filename*=UTF-8''")[1]!)).toBe(fileName);
    const file = join(tempDir(), 'doc.docx');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const paragraphs = readDocx(file).paragraphs;
    expect(paragraphs).toContain(heading);
    expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    if (document === 'bao-cao-thanh-tich') expect(paragraphs.join('\n')).toContain('Lê Thị Hoa');
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'INFO', function: 'exportList', document });
  });

  test.each([
    ['an unknown document', '&document=giay-moi', 400],
    ['a report without the nominee', '&document=bao-cao-thanh-tich', 400],
    ['a report of a nominee not on the list', '&document=bao-cao-thanh-tich&responseId=khong-co', 404],
    ['the minutes (they need the secretary’s file)', '&document=bien-ban', 422],
  ])('answers %s with %i and no file', async (_, extra, status) => {
    const { url } = await setup();
    const res = await fetch(`${url}/${base}${extra}`, { headers: bearer(idToken({ email: COUNCIL })) });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect((await json(res)).error).toBeTruthy();
  });
});

describe('Content-Disposition', () => {
  test('keeps a Vietnamese name in UTF-8 and an ASCII fallback, and cannot be broken by quotes or slashes', () => {
    expect(contentDisposition('Danh sách "Đặc biệt"/2024;.xlsx')).toBe(
      `attachment; filename="Danh sach _Dac biet_ 2024_.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20%22%C4%90%E1%BA%B7c%20bi%E1%BB%87t%22%202024%3B.xlsx`,
    );
  });
});
