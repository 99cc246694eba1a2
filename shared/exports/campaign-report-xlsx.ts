import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { toVietnamIso } from '../domain/dates.js';
import { NOMINEE_KIND_LABEL } from '../domain/vocabulary.js';
import { barChartPng } from './bar-chart.js';
import type { CampaignReport, CountRow, RankingGroup } from './campaign-report-content.js';
import { formatOfficialDateTime, formatOfficialDateWords } from '../domain/dates.js';
import { rowHeightFor } from './text-fit.js';
import { a4PageSetup, BOX, FONT, PAGE_NUMBERS } from './xlsx-layout.js';

const SIZE = 12;
const RED = 'FFC00000';
type Cell = string | number | null;

/**
 * Writes the campaign report: "Tổng hợp" (counts by kind, status, award, emulation block and unit), "Biểu đồ" (the
 * average score per unit as a bar chart image, its labels and scale in the cells beside it), "Nộp muộn" (late
 * submissions per deadline) and "Xếp hạng" (the ranking per award with the quota line drawn across it). Writes to `out`.
 */
export async function writeCampaignReportXlsx(report: CampaignReport, out: Writable): Promise<void> {
  const Excel = (await import('exceljs')).default;
  const wb = new Excel.Workbook();
  wb.creator = 'thi-dua';
  const sheet = (name: string, widths: number[], orientation: 'portrait' | 'landscape' = 'portrait') => {
    const ws = wb.addWorksheet(name, { headerFooter: PAGE_NUMBERS, views: [{ showGridLines: false }] });
    Object.assign(ws.pageSetup, a4PageSetup(orientation));
    ws.columns = widths.map((width) => ({ width }));
    return ws;
  };

  const summary = sheet('Tổng hợp', [48, 12, 16]);
  let row = heading(summary, 1, 'BÁO CÁO TỔNG HỢP PHONG TRÀO THI ĐUA', { size: 14, bold: true });
  row = heading(summary, row, report.campaign.title, { size: 13, bold: true });
  row = heading(summary, row, `(Số liệu tính đến ${formatOfficialDateWords(report.asOf)})`, { size: SIZE, italic: true }) + 1;
  const counts: Array<[string, string, CountRow[]]> = [
    ['Theo đối tượng', 'Đối tượng', report.counts.byKind],
    ['Theo trạng thái', 'Trạng thái', report.counts.byStatus],
    ['Theo hình thức khen thưởng', 'Hình thức khen thưởng', report.counts.byAward],
    ['Theo khối thi đua', 'Khối thi đua', report.counts.byBlock],
    ['Theo đơn vị', 'Đơn vị', report.counts.byUnit],
  ];
  counts
    .filter(([, , rows]) => rows.length > 0)
    .forEach(([title, label, rows], i) => {
      row = heading(summary, row, `${i + 1}. ${title}`, { size: 13, bold: true }, 'left');
      const total = rows.reduce((s, r) => s + r.count, 0);
      const proposed = rows.reduce((s, r) => s + r.proposed, 0);
      row = table(summary, row, [label, 'Số hồ sơ', 'Được đề nghị khen thưởng'], [...rows.map((r): Cell[] => [r.label, r.count, r.proposed]), ['Tổng cộng', total, proposed]]) + 1;
    });

  const divisions = [5, 4, 6, 3, 8, 10].find((d) => Number.isInteger(report.scaleMax / d)) ?? 5;
  writeChart(wb, sheet('Biểu đồ', [34, 8, 10, ...Array<number>(divisions).fill(Math.round(60 / divisions)), 6], 'landscape'), report, divisions);

  const late = sheet('Nộp muộn', [5, 16, 28, 30, 16, 9], 'landscape');
  row = heading(late, 1, 'HỒ SƠ NỘP SAU HẠN', { size: 14, bold: true });
  if (report.late.length === 0) heading(late, row, 'Không có hồ sơ nào nộp sau hạn.', { size: SIZE, italic: true }, 'left');
  for (const group of report.late) {
    row = heading(late, row, `${group.deadline}: hạn trước ${formatOfficialDateWords(group.due)} (${group.entries.length} hồ sơ nộp sau hạn)`, { size: 13, bold: true }, 'left');
    const rows = group.entries.map((e, i): Cell[] => [i + 1, e.responseId, e.name, e.unit, when(e.submittedAt), e.daysLate]);
    row = table(late, row, ['STT', 'Mã hồ sơ', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Thời điểm nộp', 'Số ngày muộn'], rows) + 1;
  }

  const ranking = sheet('Xếp hạng', [6, 25, 27, 7, 21]);
  row = heading(ranking, 1, 'XẾP HẠNG THEO HÌNH THỨC KHEN THƯỞNG', { size: 14, bold: true });
  for (const group of report.rankings) row = rankingTable(ranking, row, group) + 1;

  await wb.xlsx.write(out);
}

function writeChart(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, report: CampaignReport, divisions: number): void {
  let row = heading(ws, 1, 'ĐIỂM BÌNH QUÂN THEO ĐƠN VỊ', { size: 14, bold: true });
  const step = report.scaleMax / divisions;
  const scale = Array.from({ length: divisions + 1 }, (_, k) => Math.round(k * step * 100) / 100);
  ws.pageSetup.printTitlesRow = `${row}:${row}`;
  row = tableHeader(ws, row, ['Đơn vị', 'Số hồ sơ', 'Điểm bình quân', ...scale.map(String)], 4);
  const first = row;
  const units = report.unitScores;
  const height = Math.max(20, ...units.map((u) => rowHeightFor([{ text: u.unit, widthChars: 34, font: { size: SIZE } }])));
  units.forEach((u) => {
    const r = ws.getRow(row++);
    r.values = [u.unit, u.count, u.average];
    r.height = height;
    r.eachCell((cell, col) => {
      cell.font = { name: FONT, size: SIZE };
      cell.border = BOX;
      cell.alignment = { vertical: 'middle', horizontal: col === 1 ? 'left' : 'center', wrapText: true };
    });
  });
  if (units.length > 0) {
    const png = barChartPng({ values: units.map((u) => u.average), max: report.scaleMax, divisions, threshold: report.threshold, widthPx: 720, bandPx: 40 });
    const image = wb.addImage({ base64: png.toString('base64'), extension: 'png' });
    // Anchored to whole cells (one column per scale step, one row per unit), so every bar sits beside its unit's row.
    const lastColumn = String.fromCharCode('D'.charCodeAt(0) + divisions - 1);
    ws.addImage(image, `D${first}:${lastColumn}${first + units.length - 1}`);
  }
  const legend = report.threshold !== undefined ? `Thanh màu xanh: đạt ngưỡng ${report.threshold} điểm; thanh màu cam: dưới ngưỡng; đường đỏ đứt nét: ngưỡng ${report.threshold} điểm.` : 'Mỗi thanh là điểm bình quân các hồ sơ của đơn vị.';
  heading(ws, row + 1, legend, { size: 11, italic: true }, 'left');
}

function rankingTable(ws: ExcelJS.Worksheet, row: number, g: RankingGroup): number {
  const kind = NOMINEE_KIND_LABEL[g.kind];
  const quota = g.quota !== undefined ? `chỉ tiêu ${String(g.quota).padStart(2, '0')} ${kind.toLowerCase()}` : 'không giới hạn chỉ tiêu';
  row = heading(ws, row, `${g.award} — ${kind} — năm ${g.year}${g.block ? ` — ${g.block}` : ''} (${quota})`, { size: 13, bold: true }, 'left');
  const rows = g.rows.map((r): Cell[] => [r.rank ?? '—', r.name, r.unit, r.total, r.status]);
  row = tableHeader(ws, row, ['Hạng', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Điểm', 'Trạng thái']);
  row = tableRows(ws, row, rows.slice(0, g.aboveLine));
  if (g.quota !== undefined || g.aboveLine < g.rows.length) {
    ws.mergeCells(row, 1, row, 5);
    const cell = ws.getCell(row, 1);
    cell.value = g.quota !== undefined ? `▲ Trong danh sách đề nghị: ${g.aboveLine}/${g.quota} — ranh giới chỉ tiêu — ngoài danh sách ▼` : `▲ Trong danh sách đề nghị: ${g.aboveLine} — ngoài danh sách ▼`;
    cell.font = { name: FONT, size: 11, bold: true, italic: true, color: { argb: RED } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    const edge: Partial<ExcelJS.Border> = { style: 'medium', color: { argb: RED } };
    for (let c = 1; c <= 5; c++) ws.getCell(row, c).border = { top: edge, bottom: edge, ...(c === 1 ? { left: edge } : {}), ...(c === 5 ? { right: edge } : {}) };
    ws.getRow(row++).height = 18;
  }
  return tableRows(ws, row, rows.slice(g.aboveLine));
}

/** A full-width line of text (merged over the used columns); returns the next row. */
function heading(ws: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'left' = 'center'): number {
  const last = ws.columns.length;
  ws.mergeCells(row, 1, row, last);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  const width = ws.columns.reduce((s, c) => s + (c.width ?? 10), 0);
  ws.getRow(row).height = rowHeightFor([{ text, widthChars: width, font: { size: font.size ?? SIZE, bold: font.bold ?? false } }], 18);
  return row + 1;
}

/** A bordered table: a bold header row and the rows; returns the next row. */
function table(ws: ExcelJS.Worksheet, row: number, headers: string[], rows: Cell[][]): number {
  return tableRows(ws, tableHeader(ws, row, headers), rows);
}

/** A table's bold header row; from column `scaleFrom` on, the cells are the chart's scale (upright, left, ruled below). */
function tableHeader(ws: ExcelJS.Worksheet, row: number, headers: string[], scaleFrom = Infinity): number {
  const widths = ws.columns.map((c) => c.width ?? 10);
  const head = ws.getRow(row);
  head.values = headers;
  head.eachCell((cell, col) => {
    const scale = col >= scaleFrom;
    cell.font = { name: FONT, size: SIZE, bold: !scale };
    cell.border = scale ? {} : BOX;
    cell.alignment = { horizontal: scale ? 'left' : 'center', vertical: scale ? 'bottom' : 'middle', wrapText: !scale };
  });
  head.height = rowHeightFor(headers.map((h, i) => ({ text: h, widthChars: widths[i] ?? 10, font: { size: SIZE, bold: true } })), 20);
  return row + 1;
}

/** Bordered rows, numbers centred; a first cell "Tổng cộng" makes a bold total row. Returns the next row. */
function tableRows(ws: ExcelJS.Worksheet, row: number, rows: Cell[][]): number {
  const widths = ws.columns.map((c) => c.width ?? 10);
  for (const values of rows) {
    const r = ws.getRow(row++);
    r.values = values;
    const total = values[0] === 'Tổng cộng';
    for (let c = 1; c <= values.length; c++) {
      const cell = r.getCell(c);
      cell.font = { name: FONT, size: SIZE, bold: total };
      cell.border = BOX;
      cell.alignment = { horizontal: typeof values[c - 1] === 'number' || values[c - 1] === '—' ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
    r.height = rowHeightFor(values.map((v, i) => ({ text: String(v ?? ''), widthChars: widths[i] ?? 10, font: { size: SIZE } })), 18);
  }
  return row;
}

/** "09 giờ 15 ngày 05/8/2024", Vietnam time. */
const when = formatOfficialDateTime;
