import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoCommand } from '../../shared/cli/demo.js';
import { exportAwardListFile } from '../../shared/cli/document-commands.js';
import { readMinutesFile, saveDossier } from '../../shared/cli/dossier-command.js';
import { exportAwardList } from '../../shared/jobs/export-award-list.js';
import { exportDossier, type Dossier } from '../../shared/jobs/export-dossier.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { templatesDir } from '../../shared/templates/paths.js';
import { campaigns, tempDir } from '../support/builders.js';
import { readBack, texts } from './read-back.js';
import { CAN_RENDER, pdfPages, pdfPageText, readDocx, renderPdf } from './read-docx.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** The Bắc Sơn quiz campaign run end to end by the demo, its workbook opened, with extra "Cài đặt" keys set. */
async function bacSon(settings: Array<[string, string]> = []): Promise<{ repo: CampaignRepository; dir: string }> {
  const dir = tempDir();
  expect(await demoCommand({ io: quiet, now: () => NOW, campaigns }, { outDir: dir, campaigns: ['bac-son-quiz-2024'] })).toBe(0);
  const repo = await CampaignRepository.open(new WorkbookStore(join(dir, 'bac-son-quiz-2024.xlsx')), campaigns);
  if (settings.length) await repo.write([{ kind: 'settings', mode: 'set', entries: settings }]);
  return { repo, dir };
}

const minutesOf = (campaign: string) => readMinutesFile(join(templatesDir(), 'samples', campaign, 'bien-ban.json'));

async function dossierFiles(repo: CampaignRepository, dir: string, withMinutes: boolean): Promise<{ dossier: Dossier; path: (name: string) => string }> {
  const result = await exportDossier(repo, { now: NOW, ...(withMinutes ? { minutes: await minutesOf('bac-son-quiz-2024') } : {}) });
  if (!result.ok) throw new Error(result.problem.message);
  const out = join(dir, withMinutes ? 'ho-so' : 'ho-so-chua-bien-ban');
  await saveDossier(result.value, out);
  return { dossier: result.value, path: (name) => join(out, name) };
}

describe('the dossier of the Bắc Sơn quiz, signed by a deputy under a number', () => {
  let repo: CampaignRepository;
  let dir: string;
  let files: Awaited<ReturnType<typeof dossierFiles>>;
  beforeAll(async () => {
    ({ repo, dir } = await bacSon([['Số văn bản', '5'], ['Người ký', 'Hoàng Văn Thắng'], ['Ký thay (KT.)', 'có']]));
    files = await dossierFiles(repo, dir, true);
  }, 60_000);

  const nameOf = (document: string) => files.dossier.files.find((f) => f.document === document)!.name;

  test('prints the same number, date and signer as the Excel list', async () => {
    const decision = readDocx(files.path(nameOf('quyet-dinh'))).paragraphs;
    const list = texts((await readBack(await exportAwardListFile(repo, 'giay-khen-chu-tich-huyen', { now: NOW, out: join(dir, 'list.xlsx') }))).getWorksheet('Danh sách')!).flat();
    for (const text of ['Số: 05/QĐ-UBND', 'Bắc Sơn, ngày 10 tháng 5 năm 2024', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Hoàng Văn Thắng']) {
      expect(decision, text).toContain(text);
      expect(list, text).toContain(text);
    }
    expect(decision).toContain('(Kèm theo Quyết định số 05/QĐ-UBND ngày 10/5/2024 của Chủ tịch UBND huyện Bắc Sơn)');
  });

  test('lays the page out as NĐ 30/2020 asks: A4, the margins, Times New Roman, page numbers from page 2 at the top', () => {
    for (const file of files.dossier.files) {
      const doc = readDocx(files.path(file.name));
      expect(doc.xml, file.name).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(doc.xml, file.name).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(doc.xml, file.name).toContain('<w:titlePg/>');
      expect(doc.styles, file.name).toContain('w:ascii="Times New Roman"');
      // the first page's header is empty; the other pages' header holds the PAGE field, centred
      expect(doc.headers.filter((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h)), file.name).toHaveLength(1);
      expect(doc.paragraphs.slice(0, 12), file.name).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']));
    }
  });

  test.each([
    ['to-trinh', ['ỦY BAN NHÂN DÂN HUYỆN BẮC SƠN', 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'Số: ……/TTr-HĐTĐKT', 'TỜ TRÌNH', 'Kính gửi: Chủ tịch Ủy ban nhân dân huyện Bắc Sơn.', 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;', 'Nơi nhận:', 'TM. HỘI ĐỒNG', 'DANH SÁCH']],
    ['quyet-dinh', ['ỦY BAN NHÂN DÂN', 'HUYỆN BẮC SƠN', 'QUYẾT ĐỊNH', 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẮC SƠN', 'QUYẾT ĐỊNH:', 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', '- Như Điều 3;', 'I. TẬP THỂ (01 tập thể)', 'II. CÁ NHÂN (02 cá nhân)']],
    ['bien-ban', ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'Số: ……/BB-HĐTĐKT', 'Bắc Sơn, ngày 08 tháng 5 năm 2024', 'BIÊN BẢN', 'I. THÀNH PHẦN', '- Thư ký: Lương Thị Dung – Chuyên viên Phòng Nội vụ.', 'III. KẾT QUẢ BIỂU QUYẾT', 'THƯ KÝ', 'CHỦ TRÌ', 'Lương Thị Dung', 'Hoàng Văn Thắng']],
    ['danh-muc', ['DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', 'Thành phần hồ sơ theo kế hoạch:', 'Số bộ hồ sơ: kế hoạch không quy định. Số tập thể, cá nhân: 03. Còn thiếu: không.']],
  ])('the %s carries its header, numbering and signature', (document, expected) => {
    const paragraphs = readDocx(files.path(nameOf(document))).paragraphs;
    for (const text of expected) expect(paragraphs, text).toContain(text);
  });

  test('the Tờ trình counts each kind; Điều 1 of the decision gives the same counts', () => {
    const toTrinh = readDocx(files.path(nameOf('to-trinh'))).paragraphs;
    expect(toTrinh.join('\n')).toMatch(/kính trình Chủ tịch Ủy ban nhân dân huyện Bắc Sơn xem xét, tặng Giấy khen của Chủ tịch UBND huyện cho 01 tập thể và 02 cá nhân/);
    expect(toTrinh).toEqual(expect.arrayContaining(['Hình thức khen thưởng', 'Tập thể', 'Cá nhân', 'Cộng', 'Tổng cộng', '01', '02', '03']));
    expect(readDocx(files.path(nameOf('quyet-dinh'))).paragraphs.join('\n')).toMatch(/Điều 1\. Tặng Giấy khen của Chủ tịch UBND huyện cho 01 tập thể và 02 cá nhân .*\(có danh sách kèm theo\)/);
  });

  test('the minutes print every vote and its result', () => {
    const paragraphs = readDocx(files.path(nameOf('bien-ban'))).paragraphs;
    expect(paragraphs).toEqual(expect.arrayContaining(['Đồng ý', 'Không đồng ý', 'Không biểu quyết', 'Tổng số', 'Kết quả', 'Huyện đoàn Bắc Sơn', 'Hà Thị Nga', 'Đạt']));
    expect(paragraphs.join('\n')).toContain('Số thành viên dự họp 05/05: đủ số lượng');
  });

  test('each nominee’s achievement report is pre-filled from the nomination, in the NĐ 98/2023 form of its day', () => {
    const reports = files.dossier.files.filter((f) => f.document === 'bao-cao-thanh-tich');
    expect(reports).toHaveLength(3);
    const nga = readDocx(files.path(reports.find((f) => f.name.endsWith('ha-thi-nga.docx'))!.name)).paragraphs;
    expect(nga).toEqual(expect.arrayContaining(['Mẫu số 08 ban hành kèm theo Nghị định số 98/2023/NĐ-CP', 'BÁO CÁO THÀNH TÍCH', 'I. SƠ LƯỢC LÝ LỊCH', 'II. THÀNH TÍCH ĐẠT ĐƯỢC', 'NGƯỜI BÁO CÁO THÀNH TÍCH', 'Hà Thị Nga']));
    expect(nga.join('\n')).toMatch(/- Họ và tên: Hà Thị Nga/);
  });

  test.skipIf(!CAN_RENDER)('renders with LibreOffice: the decision on one page, its list from page 2 numbered "2"; a short report on one page', () => {
    const decision = renderPdf(files.path(nameOf('quyet-dinh')));
    expect(pdfPages(decision)).toBe(2);
    const first = pdfPageText(decision, 1);
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 05/QĐ-UBND', 'QUYẾT ĐỊNH', 'Điều 1.', 'Điều 3.', 'Nơi nhận:', 'KT. CHỦ TỊCH', 'Hoàng Văn Thắng']) expect(first, text).toContain(text);
    expect(first.trim().split('\n')[0]!.trim()).not.toBe('1');
    const second = pdfPageText(decision, 2).trim().split('\n');
    expect(second[0]!.trim()).toBe('2');
    expect(second.join('\n')).toContain('DANH SÁCH');
    const report = renderPdf(files.path(files.dossier.files.find((f) => f.name.endsWith('ha-thi-nga.docx'))!.name));
    expect(pdfPages(report)).toBe(1);
    expect(pdfPageText(report, 1)).toContain('BÁO CÁO THÀNH TÍCH');
  }, 120_000);
});

describe('the dossier checklist', () => {
  test('lists the plan’s documents made for a plan that asks no minutes (Bắc Sơn): nothing missing', async () => {
    const { repo, dir } = await bacSon();
    const without = await dossierFiles(repo, dir, false);
    expect(without.dossier.files.map((f) => f.document)).not.toContain('bien-ban');
    const level = without.dossier.checklist[0]!;
    expect(level.level).toEqual([{ document: 'Tờ trình đề nghị khen thưởng của Ban Dân vận Huyện ủy (qua Phòng Nội vụ)', status: 'made', detail: 'to-trinh-giay-khen-chu-tich-huyen-2024.docx' }]);
    expect(level.nominees.flatMap((n) => n.items.map((i) => i.status))).toEqual(['made', 'made', 'made']);
    expect(readDocx(without.path('danh-muc-ho-so-2024.docx')).paragraphs).toContain('Số bộ hồ sơ: kế hoạch không quy định. Số tập thể, cá nhân: 03. Còn thiếu: không.');
  }, 60_000);

  test('counts the province’s three sets, and a nominee the council voted down', async () => {
    const dir = tempDir();
    expect(await demoCommand({ io: quiet, now: () => NOW, campaigns }, { outDir: dir, campaigns: ['van-ninh-dan-van-kheo'] })).toBe(0);
    const repo = await CampaignRepository.open(new WorkbookStore(join(dir, 'van-ninh-dan-van-kheo.xlsx')), campaigns);
    const minutes = await minutesOf('van-ninh-dan-van-kheo');
    // before the minutes are given, the plan's Biên bản họp xét is missing at every level
    const before = await exportDossier(repo, { now: NOW });
    if (!before.ok) throw new Error(before.problem.message);
    for (const level of before.value.checklist) expect(level.level.find((i) => i.document.startsWith('Biên bản'))).toMatchObject({ status: 'missing' });
    // the council votes Đặng Thị Mai down
    const result = await exportDossier(repo, { now: NOW, minutes: { ...minutes, rows: minutes.rows.map((r) => (r.responseId === '2024-VN-015' ? { ...r, votesFor: 3, votesAgainst: 5, passed: false } : r)) } });
    if (!result.ok) throw new Error(result.problem.message);
    const province = result.value.checklist.find((l) => l.award.id === 'bang-khen-chu-tich-tinh')!;
    expect(province.sets).toBe(3);
    const district = result.value.checklist.find((l) => l.award.id === 'giay-khen-chu-tich-huyen')!;
    expect(district.sets).toBe(1);
    const mai = district.nominees.find((n) => n.name === 'Đặng Thị Mai')!;
    expect(mai.items).toContainEqual({ document: 'Kết quả biểu quyết của Hội đồng', status: 'missing', detail: 'Không đạt: 3/8 phiếu đồng ý' });
    await saveDossier(result.value, join(dir, 'ho-so'));
    const text = readDocx(join(dir, 'ho-so', 'danh-muc-ho-so-2024.docx')).paragraphs.join('\n');
    expect(text).toContain('Số bộ hồ sơ: 03 bộ');
    expect(text).toContain('Không đạt: 3/8 phiếu đồng ý');
  }, 90_000);
});

describe('a document dated after its body ceased', () => {
  test('is refused as the Excel list is, with the same message', async () => {
    const { repo } = await bacSon([['Ngày ký (giay-khen-chu-tich-huyen)', '01/08/2025']]);
    const list = await exportAwardList(repo, 'giay-khen-chu-tich-huyen', { now: NOW });
    const dossier = await exportDossier(repo, { now: NOW, award: 'giay-khen-chu-tich-huyen' });
    expect(list.ok || dossier.ok).toBe(false);
    if (list.ok || dossier.ok) return;
    expect(dossier.problem).toEqual(list.problem);
    expect(dossier.problem.code).toBe('BODY_CEASED');
    expect(dossier.problem.message).toContain('không còn từ ngày 01/7/2025');
  }, 60_000);
});

describe('bad minutes', () => {
  test('a nominee id the workbook does not hold is named by its row', async () => {
    const { repo } = await bacSon();
    const minutes = await minutesOf('bac-son-quiz-2024');
    const result = await exportDossier(repo, { now: NOW, minutes: { ...minutes, rows: [...minutes.rows, { responseId: 'BS-9999', votesFor: 1, votesAgainst: 0, abstain: 0, passed: true }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toEqual({ code: 'BAD_FILE', message: 'Biên bản họp xét, kết quả biểu quyết, dòng 4, mã hồ sơ ("rows[3].responseId"): không có hồ sơ "BS-9999" trong sổ; kiểm tra mã hồ sơ.' });
  }, 60_000);
});

test('the sample minutes of every seed campaign parse (the demo reads them)', async () => {
  for (const id of ['van-ninh-dan-van-kheo', 'van-ninh-dan-van-kheo-2025', 'bac-son-quiz-2024', 'tt-bac-son-80-nam-tong-tuyen-cu', 'tay-ninh-nam-dan-van-kheo-2020']) {
    await expect(minutesOf(id)).resolves.toMatchObject({ rows: expect.any(Array) });
  }
});
