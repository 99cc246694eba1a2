import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoCommand } from '../../shared/cli/demo.js';
import { campaigns, tempDir } from '../support/builders.js';
import { readBack, texts } from './read-back.js';

/** The demo runs every seed campaign end to end; each must come out with its three documents. */
describe.each([...campaigns.values()].map((c) => [c.id, c] as const))('the documents of %s', (id, campaign) => {
  let outDir: string;

  beforeAll(async () => {
    outDir = tempDir();
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    // the clock stands after every sample's submission (the latest are January 2026): none is in the future
    expect(await demoCommand({ io, now: () => new Date('2026-03-02T02:00:00Z'), campaigns }, { outDir, campaigns: [id] })).toBe(0);
  }, 60_000);

  test('an award list laid out as the attachment of its decision or submission: the issuing body, the title, the reference line, a section per kind', async () => {
    const lists = campaign.awards.map((a) => join(outDir, id, `${a.id}.xlsx`)).filter((f) => existsSync(f));
    expect(lists.length).toBeGreaterThan(0);
    for (const file of lists) {
      const rows = texts((await readBack(file)).getWorksheet('Danh sách')!);
      const flat = rows.flat();
      expect(flat, file).toContain('DANH SÁCH');
      expect(flat.some((t) => /^\(Kèm theo (Quyết định|Tờ trình) số .+ ngày .+ năm \d{4} của .+\)$/.test(t)), file).toBe(true);
      expect(flat.some((t) => /^(I|II)\. (TẬP THỂ|CÁ NHÂN) \(\d{2} (tập thể|cá nhân)\)$/.test(t)) || flat.includes('(Chưa có tập thể, cá nhân nào trong danh sách.)'), file).toBe(true);
      for (const own of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Nơi nhận:']) expect(flat, file).not.toContain(own);
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
});
