import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftCampaign } from '../../shared/plan-draft/extract.js';
import { decodeText, htmlToPlanText, pdfLines, readPlanText } from '../../shared/plan-files/read-plan.js';

const PLANS = join(import.meta.dirname, '../fixtures/plans');

describe('reading a plan file', () => {
  test('reads the Word file and the PDF made from it into the same draft', async () => {
    const docx = draftCampaign(await readPlanText(join(PLANS, 'tan-lap-2025.docx')));
    const pdf = draftCampaign(await readPlanText(join(PLANS, 'tan-lap-2025.pdf')));
    const values = (d: typeof docx) => Object.fromEntries(d.fields.map((f) => [f.path, f.value]));
    expect(values(pdf)).toEqual(values(docx));
    expect(values(docx)).toMatchObject({
      '/title': 'Phong trào thi đua “Xã Tân Lập chung sức xây dựng nông thôn mới” giai đoạn 2025 - 2026',
      '/issuer/name': 'Ủy ban nhân dân xã Tân Lập',
      '/term/from': '2025-09-15',
      '/term/to': '2026-11-30',
      '/rubrics/collective/criteria/1/text': 'Tổ chức ngày công lao động làm đường, chỉnh trang khu dân cư',
      '/rubrics/collective/criteria/1/evidenceHint': 'Sổ theo dõi ngày công',
      '/awards/0/authority/title': 'Chủ tịch UBND xã Tân Lập',
      '/awards/0/quotaPerYear/individual': 10,
      '/deadlines/0/due': { everyYearBefore: '10-20' },
      '/dossier/copies/0/sets': 1,
    });
  });

  test.each([
    ['UTF-8', Buffer.from('Kế hoạch', 'utf8'), 'Kế hoạch'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kế hoạch', 'utf8')]), 'Kế hoạch'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kế hoạch', 'utf16le')]), 'Kế hoạch'],
    ['single-byte TCVN3', Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68]), 'K\u00d5 ho\u00b9ch'],
  ])('decodes %s text', (_, bytes, expected) => {
    expect(decodeText(bytes).replace(/^\uFEFF/, '')).toBe(expected);
  });

  test('turns a Word table into rows of tab-separated cells, one paragraph a line', () => {
    const html = '<p>PHỤ LỤC</p><table><tr><td><p>STT</p></td><td><p>Tiêu chí</p></td><td><p>Điểm chuẩn</p></td></tr><tr><td><p>1</p></td><td><p>Nắm vững &amp; tuyên</p><p>truyền</p></td><td><p>15</p></td></tr></table><p>Tổng</p>';
    expect(htmlToPlanText(html)).toBe('PHỤ LỤC\nSTT\tTiêu chí\tĐiểm chuẩn\n1\tNắm vững & tuyên truyền\t15\nTổng');
  });

  test('rebuilds a PDF paragraph broken over lines and a table row whose cell wraps', () => {
    const item = (str: string, x: number, y: number, width = str.length * 5) => ({ str, x, y, width, height: 12 });
    const text = pdfLines([
      item('Các đơn vị gửi hồ sơ đề nghị khen thưởng về Phòng Nội vụ trước ngày', 50, 700, 400),
      item('15 tháng 10 hằng năm.', 50, 686),
      item('1', 50, 650, 6),
      item('Vận động hiến đất', 80, 650, 200),
      item('40', 300, 650, 10),
      item('làm đường', 80, 636, 60),
    ]);
    expect(text).toBe('Các đơn vị gửi hồ sơ đề nghị khen thưởng về Phòng Nội vụ trước ngày 15 tháng 10 hằng năm.\n1\tVận động hiến đất làm đường\t40');
  });

  test.each([
    ['kehoach.doc', 'chỉ đọc được kế hoạch dạng .docx, .pdf hoặc .txt'],
    ['khong-co.txt', 'Không tìm thấy tệp'],
  ])('refuses %s with a message naming it', async (name, message) => {
    await expect(readPlanText(join(PLANS, name))).rejects.toThrow(message);
  });
});
