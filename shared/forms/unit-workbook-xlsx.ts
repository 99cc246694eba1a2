import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Campaign } from '../domain/campaign.js';
import { formatOfficialDate, formatOfficialMonthDay } from '../domain/dates.js';
import { CAMPAIGN_CELL_LABEL, GUIDE_SHEET, UNIT_SHEET, unitColumns } from './unit-workbook.js';

/** Rows of the unit workbook that offer dropdowns and checks: more than any unit nominates. */
export const UNIT_ROWS = 500;

/**
 * Writes the nomination workbook a unit fills offline (`thidua form workbook`): a "Hướng dẫn" sheet in Vietnamese (the
 * campaign, its awards and deadlines, each column and how to fill it, how to send it back) and a "Hồ sơ đề nghị" sheet,
 * one row per nominee, with dropdowns for award, kind and gender, each criterion's score checked between 0 and its
 * maximum, date cells for dates, and a column of evidence links per criterion.
 */
export async function writeUnitWorkbook(campaign: Campaign, out: Writable): Promise<void> {
  const ExcelJSModule = (await import('exceljs')).default;
  const wb = new ExcelJSModule.Workbook();
  wb.creator = 'thidua';
  const columns = unitColumns(campaign);

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 28 }, { width: 100 }];
  guide.addRow([CAMPAIGN_CELL_LABEL, campaign.id]);
  guide.addRow(['Phong trào', campaign.title]);
  guide.addRow([]);
  const lines: Array<[string, string]> = [
    ['Cách điền', `Mỗi người hoặc tập thể được đề nghị ghi một dòng ở trang "${UNIT_SHEET}", bắt đầu từ dòng 2. Không sửa hàng tiêu đề (hàng 1), không đổi tên trang.`],
    ['', 'Ô có danh sách chọn: bấm vào ô, chọn giá trị. Ngày ghi ngày/tháng/năm (ví dụ 02/09/1978). Điểm ghi số, dùng dấu phẩy thập phân nếu cần (13,5).'],
    ['', 'Tài liệu kiểm chứng: dán đường liên kết tới tài liệu (Google Drive, trang web của đơn vị…) hoặc ghi tên tài liệu gửi kèm.'],
    ['Gửi lại', 'Lưu tệp dạng .xlsx (giữ nguyên định dạng) và gửi cho thư ký Hội đồng. Có thể gửi lại tệp đã sửa: hồ sơ đã nhận không bị nhân đôi.'],
    ...campaign.deadlines.map((d): [string, string] => ['Hạn', `${d.label}: trước ngày ${'before' in d.due ? formatOfficialDate(d.due.before) : `${formatOfficialMonthDay(d.due.everyYearBefore)} hằng năm`}`]),
    ['', ''],
    ['Hình thức khen thưởng', campaign.awards.map((a) => a.name).join('; ')],
    ['', ''],
    ['Các cột', ''],
    ...columns.map((c): [string, string] => [c.header, c.note]),
  ];
  for (const line of lines) guide.addRow(line);
  guide.getColumn(1).font = { bold: true };
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const ws = wb.addWorksheet(UNIT_SHEET);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 45;
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    header.getCell(i + 1).note = c.note;
    const range = `${column.letter}2:${column.letter}${UNIT_ROWS + 1}`;
    const error = { showErrorMessage: true, errorTitle: 'Giá trị không hợp lệ' } as const;
    if (c.choices) validations.add(range, { type: 'list', allowBlank: true, formulae: [`"${c.choices.join(',')}"`], ...error, error: `Chọn trong danh sách: ${c.choices.join(', ')}.` });
    else if (c.max !== undefined) validations.add(range, { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, c.max], ...error, error: c.maxMessage ?? `Điểm từ 0 đến ${c.max}.` });
    else if (c.date) {
      validations.add(range, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], ...error, error: 'Ghi ngày/tháng/năm, ví dụ 02/09/1978.' });
      column.numFmt = 'dd/mm/yyyy';
    } else column.numFmt = '@';
  });
  await wb.xlsx.write(out);
}
