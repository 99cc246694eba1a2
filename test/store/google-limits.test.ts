/**
 * Google's limits: 10,000,000 cells per spreadsheet (every tab's grid, empty cells included) and 50,000 characters per
 * cell. The Sheets fake enforces them as Google does; the store sizes tabs to their columns, warns the council from
 * 80 % of the cell budget, and refuses a write that would pass a limit before sending anything.
 */
import { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, test } from 'vitest';
import { CELL_WARNING_SHARE, MAX_CELLS } from '../../shared/google/sheets/sheets-store.js';
import { StoreError } from '../../shared/store/table-store.js';
import { cellsOf } from '../fakes/sheets-fake-limits.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { googleStore, newFake, server, serveFakeSheets, tokenAuth } from './google-sheets-contract-harness.js';
import { PEOPLE, person } from './table-store.contract.js';

serveFakeSheets();

const api = () => new sheets_v4.Sheets({ auth: tokenAuth() });
const SHEET1 = 1000 * 26;
const width = PEOPLE.columns.length;

/** A spreadsheet whose other tab (old campaigns) already takes `filler` cells, with PEOPLE provisioned (1,000 rows). */
async function nearlyFull(filler: number) {
  const fake = newFake();
  const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1' }, { title: 'Phong trào cũ', rowCount: filler, columnCount: 1 }] });
  const warnings: string[] = [];
  const { store } = googleStore(id, { onWarning: (m) => warnings.push(m) });
  await store.ensureTabs([PEOPLE]);
  return { fake, id, store, warnings };
}

describe('the Sheets fake enforces Google\'s limits', () => {
  test('a request that would take the spreadsheet past 10,000,000 cells is refused whole, and changes nothing', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rowCount: 9_990_000, columnCount: 1 }] });
    const requests = [{ addSheet: { properties: { title: 'a', gridProperties: { rowCount: 100, columnCount: 10 } } } }, { addSheet: { properties: { title: 'b', gridProperties: { rowCount: 1000, columnCount: 26 } } } }];
    await expect(api().spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('above the limit of 10000000 cells') });
    expect(fake.spreadsheet(id).sheets).toHaveLength(1);
    await expect(api().spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ appendDimension: { sheetId: fake.sheet(id, 'Sheet1').properties.sheetId, dimension: 'ROWS', length: 10_001 } }] } })).rejects.toMatchObject({ status: 400 });
    await api().spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [requests[0]!] } });
    expect(cellsOf(fake.spreadsheet(id))).toBe(9_991_000);
  });

  test('a cell takes 50,000 characters and no more, by values and by batchUpdate', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const put = (text: string) => api().spreadsheets.values.update({ spreadsheetId: id, range: 'Sheet1!A1', valueInputOption: 'RAW', requestBody: { values: [[text]] } });
    await put('x'.repeat(50_000));
    await expect(put('x'.repeat(50_001))).rejects.toMatchObject({ status: 400, message: expect.stringContaining('maximum of 50000 characters') });
    const repeat = { repeatCell: { range: { sheetId: 0, endRowIndex: 1, endColumnIndex: 1 }, cell: { userEnteredValue: { stringValue: 'y'.repeat(50_001) } }, fields: 'userEnteredValue' } };
    await expect(api().spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [repeat] } })).rejects.toMatchObject({ status: 400 });
    expect(fake.values(id, 'Sheet1!A1')[0]![0]).toHaveLength(50_000);
  });
});

describe('the store and the cell budget', () => {
  test('a new tab is sized to its columns, not to 26', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    await googleStore(id).store.ensureTabs([PEOPLE]);
    expect(fake.sheet(id, PEOPLE.title).properties.gridProperties).toMatchObject({ columnCount: width, rowCount: 1000 });
  });

  test('a growth taking the spreadsheet past 80 % of its cells warns the council in Vietnamese, and the write goes on', async () => {
    const threshold = CELL_WARNING_SHARE * MAX_CELLS;
    const { fake, id, store, warnings } = await nearlyFull(threshold - SHEET1 - 1000 * width - 10);
    await store.write([{ tab: PEOPLE, append: Array.from({ length: 999 }, (_, i) => person(`r${i}`)) }]);
    expect(warnings).toEqual([]);
    await store.write([{ tab: PEOPLE, append: [person('r999'), person('r1000')] }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/đã dùng .* trong giới hạn 10\.000\.000 ô của Google \(8\d %\)/);
    expect(fake.values(id, `'${PEOPLE.title}'!A1001:A1002`)).toEqual([['r999'], ['r1000']]);
  });

  test('a write whose growth would pass 10,000,000 cells is refused with a clear message, and nothing is written', async () => {
    const { fake, id, store } = await nearlyFull(MAX_CELLS - SHEET1 - 1000 * width - 100);
    await store.write([{ tab: PEOPLE, append: Array.from({ length: 999 }, (_, i) => person(`r${i}`)) }]);
    fake.resetCounts();
    const failing = store.write([{ tab: PEOPLE, append: [person('r999'), person('r1000')] }]);
    await expect(failing).rejects.toBeInstanceOf(StoreError);
    await expect(failing).rejects.toThrow(/đã đầy: ghi thêm sẽ vượt giới hạn 10\.000\.000 ô của Google .* Chưa ghi gì cả/);
    expect(fake.counts['values.batchUpdate']).toBe(0);
    expect(fake.counts['spreadsheets.batchUpdate']).toBe(0);
    expect(fake.values(id, `'${PEOPLE.title}'!A1000:A`)).toEqual([['r998']]);
  });

  test('a text longer than a cell takes is refused before anything is sent, naming the tab and the column', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id);
    await store.ensureTabs([PEOPLE]);
    fake.resetCounts();
    const failing = store.write([{ tab: PEOPLE, append: [person('a'), person('b', { name: 'x'.repeat(50_001) })] }]);
    await expect(failing).rejects.toThrow(/trang "Hồ sơ đề nghị": cột "Họ và tên" của hàng thứ 2 .* quá giới hạn 50\.000 ký tự/);
    expect(fake.calls).toEqual([]);
  });
});

describe('a store on an emulator (custom rootUrl)', () => {
  test('a refusal from the emulator is reported as the Sheets API\'s, not as a bad key', async () => {
    const fake = new FakeSheets({ seed: 3, baseUrl: 'http://127.0.0.1:8085' });
    server.use(...fake.handlers);
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id, { rootUrl: 'http://127.0.0.1:8085/' });
    await store.ensureTabs([PEOPLE]);
    await store.write([{ tab: PEOPLE, append: [person('a')] }]);
    fake.setAccess(id, 'view');
    const refused = store.write([{ tab: PEOPLE, append: [person('b')] }]);
    await expect(refused).rejects.toThrow(/Không có quyền ghi dữ liệu trên bảng tính/);
    await expect(refused).rejects.not.toThrow(/tệp khóa/);
  });
});
