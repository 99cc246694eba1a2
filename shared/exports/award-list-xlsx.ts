import type ExcelJS from 'exceljs';
import type { AwardListContent } from './award-list-content.js';

const FONT = 'Times New Roman';
const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Họ và tên / Tên tập thể', width: 30 },
  { header: 'Chức vụ, đơn vị công tác', width: 40 },
  { header: 'Điểm', width: 8 },
  { header: 'Ghi chú', width: 14 },
];
const LAST = COLUMNS.length;
const DOTS = '……';
const SECTION = { collective: { roman: 'I', label: 'TẬP THỂ', unit: 'tập thể' }, individual: { roman: 'II', label: 'CÁ NHÂN', unit: 'cá nhân' } } as const;
const mm = (millimetres: number) => millimetres / 25.4;

/**
 * Writes an award list (danh sách) in the layout of NĐ 30/2020: two-column header, title block, sections
 * "I. TẬP THỂ" / "II. CÁ NHÂN" with numbering restarting per section, signature block, A4 with print titles.
 * Blanks the issuer fills by hand (numbers, dates, signer's name) are dotted lines.
 */
export async function writeAwardListXlsx(content: AwardListContent, file: string): Promise<void> {
  const Excel = (await import('exceljs')).default;
  const wb = new Excel.Workbook();
  wb.creator = 'thi-dua';
  const ws = wb.addWorksheet('Danh sách', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: mm(30), right: mm(15), top: mm(20), bottom: mm(20), header: mm(10), footer: mm(10) },
    },
    headerFooter: { differentFirst: true, oddHeader: '&C&"Times New Roman"&13&P', firstHeader: '' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.properties.defaultRowHeight = 18;

  const { header } = content.award.list;
  const left = [header.governingBody ?? '', header.issuingBody, `Số: ${DOTS}/DS-UBND`];
  const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `${header.place}, ngày ${DOTS} tháng ${DOTS} năm ${content.year}`];
  for (let i = 0; i < 3; i++) {
    const row = ws.addRow([]);
    block(ws, row.number, 1, 2, left[i] ?? '', { bold: i === 1, size: 13 });
    block(ws, row.number, 3, LAST, right[i] ?? '', { bold: i < 2, italic: i === 2, size: i === 2 ? 14 : 13 });
    row.height = i === 1 ? 36 : 20;
  }
  ws.getCell(2, 1).border = { bottom: { style: 'thin' } };
  ws.getCell(2, 3).border = { bottom: { style: 'thin' } };
  ws.addRow([]);

  const kind = content.award.list.kind;
  title(ws, 'DANH SÁCH', { bold: true, size: 14 });
  title(ws, content.award.list.title, { bold: true, size: 14 }, 36);
  title(ws, `Năm ${content.year}`, { bold: true, size: 13 });
  const attached = kind === 'proposal' ? `(Kèm theo Tờ trình số ${DOTS} ngày ${DOTS} của ${content.campaign.issuer.name})` : `(Kèm theo Quyết định số ${DOTS}/QĐ-UBND ngày ${DOTS} của ${content.award.authority.title})`;
  title(ws, attached, { italic: true, size: 13 }, 34);
  ws.addRow([]);

  const headerRow = ws.addRow(COLUMNS.map((c) => c.header));
  headerRow.eachCell((cell) => {
    cell.font = { name: FONT, size: 13, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = box;
  });
  headerRow.height = 34;
  ws.pageSetup.printTitlesRow = `${headerRow.number}:${headerRow.number}`;

  for (const section of content.sections) {
    const s = SECTION[section.kind];
    const sectionRow = ws.addRow([`${s.roman}. ${s.label} (${String(section.entries.length).padStart(2, '0')} ${s.unit})`]);
    ws.mergeCells(sectionRow.number, 1, sectionRow.number, LAST);
    sectionRow.getCell(1).font = { name: FONT, size: 13, bold: true };
    sectionRow.getCell(1).border = box;
    section.entries.forEach((e, i) => {
      const row = ws.addRow([i + 1, e.name, e.positionAndUnit, e.total, e.note]);
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.font = { name: FONT, size: 13 };
        cell.border = box;
        cell.alignment = { vertical: 'middle', wrapText: true, horizontal: col === 1 || col === 4 ? 'center' : 'left' };
      });
      row.getCell(4).numFmt = '0.##';
      row.height = 18 * Math.max(1, Math.ceil(e.positionAndUnit.length / 38), Math.ceil(e.name.length / 28));
    });
  }

  ws.addRow([]);
  const signer = [...header.signer, '', '', '', DOTS + DOTS + DOTS];
  const receivers = ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'];
  for (let i = 0; i < Math.max(signer.length, receivers.length); i++) {
    const row = ws.addRow([]);
    block(ws, row.number, 1, 2, receivers[i] ?? '', { bold: i === 0, italic: i === 0, size: i === 0 ? 12 : 11 }, 'left');
    block(ws, row.number, 3, LAST, signer[i] ?? '', { bold: true, size: 14 });
  }
  await wb.xlsx.writeFile(file);
}

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function block(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'left' = 'center'): void {
  ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { horizontal, vertical: 'top', wrapText: true };
}

function title(ws: ExcelJS.Worksheet, text: string, font: Partial<ExcelJS.Font>, height = 20): void {
  const row = ws.addRow([]);
  block(ws, row.number, 1, LAST, text, font);
  row.height = height;
}
