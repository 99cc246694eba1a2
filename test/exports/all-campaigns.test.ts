import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoCommand } from '../../shared/cli/demo.js';
import { campaigns, tempDir } from '../support/builders.js';
import { readBack, texts } from './read-back.js';
import { readDocx } from './read-docx.js';

/** The demo runs every seed campaign end to end; each must come out with its documents: the Excel ones and the council's dossier in Word. */
describe.each([...campaigns.values()].map((c) => [c.id, c] as const))('the documents of %s', (id, campaign) => {
  let outDir: string;

  beforeAll(async () => {
    outDir = tempDir();
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    // the clock stands after every sample's submission (the latest are January 2026): none is in the future
    expect(await demoCommand({ io, now: () => new Date('2026-03-02T02:00:00Z'), campaigns }, { outDir, campaigns: [id] })).toBe(0);
  }, 60_000);

  test('an award list with the official header, a section per kind and the signature', async () => {
    const lists = campaign.awards.map((a) => join(outDir, id, `${a.id}.xlsx`)).filter((f) => existsSync(f));
    expect(lists.length).toBeGreaterThan(0);
    for (const file of lists) {
      const rows = texts((await readBack(file)).getWorksheet('Danh sách')!);
      const flat = rows.flat();
      expect(flat, file).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(flat, file).toContain('DANH SÁCH');
      expect(flat.some((t) => /^(I|II)\. (TẬP THỂ|CÁ NHÂN) \(\d{2} (tập thể|cá nhân)\)$/.test(t)) || flat.includes('(Chưa có tập thể, cá nhân nào trong danh sách.)'), file).toBe(true);
      expect(flat, file).toContain('Nơi nhận:');
      expect(flat.some((t) => /CHỦ TỊCH$/.test(t)), file).toBe(true);
    }
  });

  test('a score sheet tab per nomination', async () => {
    const wb = await readBack(join(outDir, id, 'bang-cham-diem.xlsx'));
    expect(wb.worksheets.length).toBeGreaterThan(0);
    for (const ws of wb.worksheets) expect(texts(ws).flat()).toContain('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM');
  });

  test('a report with counts, late submissions, rankings and the chart', async () => {
    const wb = await readBack(join(outDir, id, 'bao-cao-phong-trao.xlsx'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Biểu đồ', 'Nộp muộn', 'Xếp hạng']);
    expect(wb.getWorksheet('Biểu đồ')!.getImages()).toHaveLength(1);
  });

  test.each([
    ['to-trinh', /^to-trinh-.+\.docx$/, ['TỜ TRÌNH', 'Nơi nhận:', 'DANH SÁCH']],
    ['bien-ban', /^bien-ban-hop-xet-\d{4}\.docx$/, ['BIÊN BẢN', 'III. KẾT QUẢ BIỂU QUYẾT', 'THƯ KÝ', 'CHỦ TRÌ']],
    ['quyet-dinh', /^quyet-dinh-.+\.docx$/, ['QUYẾT ĐỊNH', 'QUYẾT ĐỊNH:', 'DANH SÁCH']],
    ['danh-muc', /^danh-muc-ho-so-\d{4}\.docx$/, ['DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', 'Thành phần hồ sơ theo kế hoạch:']],
  ])('the council’s dossier has its %s, with the header and the number line', (_, pattern, expected) => {
    const dir = join(outDir, id, 'ho-so');
    const files = readdirSync(dir).filter((f) => pattern.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const paragraphs = readDocx(join(dir, file)).paragraphs;
      for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...expected]) expect(paragraphs, `${file}: ${text}`).toContain(text);
      if (!file.startsWith('danh-muc')) expect(paragraphs.some((p) => /^Số: (\d{2,}|……)\/(TTr|QĐ|BB)-/.test(p)), file).toBe(true);
    }
  });

  test('the council’s dossier has a Báo cáo thành tích for each nominee proposed, naming its form', () => {
    const dir = join(outDir, id, 'ho-so');
    const reports = readdirSync(join(dir, 'bao-cao-thanh-tich'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.docx'));
    expect(reports.length).toBeGreaterThan(0);
    for (const file of reports) {
      const paragraphs = readDocx(join(dir, 'bao-cao-thanh-tich', file)).paragraphs;
      expect(paragraphs, file).toContain('BÁO CÁO THÀNH TÍCH');
      expect(paragraphs.some((p) => /^(Mẫu số \d{2}|Theo mẫu) ban hành kèm theo Nghị định số \d+\/\d{4}\/NĐ-CP$/.test(p)), file).toBe(true);
    }
  });
});
