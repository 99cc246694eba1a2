/**
 * Tests of the Sheets fake, driven through the real `@googleapis/sheets` client.
 */
import { sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSheets, Faults } from './sheets-fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let fake: FakeSheets;
let api: sheets_v4.Sheets;
beforeEach(() => {
  fake = new FakeSheets({ seed: 42 });
  server.use(...fake.handlers);
  api = client();
});

/**
 * A real client with a static token, so nothing calls Google's token endpoint. The cast bridges
 * google-auth-library 10.9 (ours) and the 10.5 copy nested under googleapis-common: same runtime
 * class, but TypeScript sees two declarations.
 */
function client(): sheets_v4.Sheets {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test' });
  return new sheets_v4.Sheets({ auth: auth as unknown as sheets_v4.Options['auth'] });
}

/** What the client throws: a GaxiosError with the HTTP status and Google's error body. */
interface ClientError {
  status?: number;
  message: string;
  response?: { data?: { error?: { code: number; message: string; status: string } } };
}

async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (e) {
    return e as ClientError;
  }
  throw new Error('expected the call to fail');
}

const NO_RETRY = { retry: false } as const;

describe('A1 ranges and sheet names', () => {
  it('reads and writes a sheet whose quoted name has Vietnamese diacritics and spaces', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Hồ sơ đề nghị' }] });
    const put = await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'Hồ sơ đề nghị'!A1:B2",
      valueInputOption: 'RAW',
      requestBody: { values: [['Họ và tên', 'Đơn vị'], ['Nguyễn Thị Ánh', 'Phòng Đào tạo']] },
    });
    expect(put.data).toMatchObject({ updatedRange: "'Hồ sơ đề nghị'!A1:B2", updatedRows: 2, updatedColumns: 2, updatedCells: 4 });
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'Hồ sơ đề nghị'!A2:B2" });
    expect(got.data).toEqual({ range: "'Hồ sơ đề nghị'!A2:B2", majorDimension: 'ROWS', values: [['Nguyễn Thị Ánh', 'Phòng Đào tạo']] });
  });

  it("unescapes doubled apostrophes in quoted sheet names ('It''s'!A:C)", async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: "It's", rows: [['a', 'b', 'c', 'd']] }] });
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'It''s'!A:C" });
    expect(got.data.range).toBe("'It''s'!A1:C1000");
    expect(got.data.values).toEqual([['a', 'b', 'c']]);
  });

  it('treats a bare or quoted sheet name as the whole sheet', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['x']] }, { title: 'Kết quả', rows: [['', 'y']] }] });
    const bare = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(bare.data).toMatchObject({ range: 'Sheet1!A1:Z1000', values: [['x']] });
    const quoted = await api.spreadsheets.values.get({ spreadsheetId: id, range: "'Kết quả'" });
    expect(quoted.data).toMatchObject({ range: "'Kết quả'!A1:Z1000", values: [['', 'y']] });
  });

  it('reads open-ended ranges (A2:F) down to the last row and single cells', async () => {
    const rows = [['h1', 'h2'], ['r2'], [], ['r4', '', '', '', '', '', 'beyond F']];
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows }] });
    const open = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A2:F' });
    expect(open.data).toMatchObject({ range: 'Sheet1!A2:F1000', values: [['r2'], [], ['r4']] });
    const single = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'B1' });
    expect(single.data).toMatchObject({ range: 'Sheet1!B1', values: [['h2']] });
  });

  it('routes sheet names containing "/" and ":" through the percent-encoded path', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Đợt 1/2024: Kết quả' }] });
    await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: "'Đợt 1/2024: Kết quả'!A:B",
      valueInputOption: 'RAW',
      requestBody: { values: [['ok']] },
    });
    expect(fake.values(id, "'Đợt 1/2024: Kết quả'")).toEqual([['ok']]);
  });

  it('rejects an unknown sheet name with "Unable to parse range"', async () => {
    const id = fake.createSpreadsheet();
    const err = await failure(api.spreadsheets.values.get({ spreadsheetId: id, range: "'Không có'!A1" }));
    expect(err.status).toBe(400);
    expect(err.response?.data?.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: "Unable to parse range: 'Không có'!A1" });
  });

  it('rejects ranges outside the grid like Google ("exceeds grid limits")', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rowCount: 10, columnCount: 3 }] });
    const err = await failure(api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:D2' }));
    expect(err.message).toBe('Range (Sheet1!A1:D2) exceeds grid limits. Max rows: 10, max columns: 3');
  });
});

describe('reading values', () => {
  it('omits trailing empty cells and trailing empty rows but keeps inner blanks', async () => {
    const rows = [['a', '', 'c', ''], [], ['', 'x'], [''], []];
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows }] });
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:E10' });
    expect(got.data.values).toEqual([['a', '', 'c'], [], ['', 'x']]);
  });

  it('leaves out `values` entirely for an empty range', async () => {
    const id = fake.createSpreadsheet();
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1:C3' });
    expect(got.data).toEqual({ range: 'Sheet1!A1:C3', majorDimension: 'ROWS' });
  });

  it('returns numbers as strings by default and as numbers with UNFORMATTED_VALUE', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [[9.5, 'text', true, 1234567]] }] });
    const formatted = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:D1' });
    expect(formatted.data.values).toEqual([['9.5', 'text', 'TRUE', '1234567']]);
    const raw = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:D1', valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(raw.data.values).toEqual([[9.5, 'text', true, 1234567]]);
  });

  it('parses USER_ENTERED dates, percentages, grouped numbers and booleans like Sheets does', async () => {
    const id = fake.createSpreadsheet();
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['2024-01-15', '12%', '1,234', 'true', '2024-01-15T08:00:00Z']] },
    });
    const formatted = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(formatted.data.values).toEqual([['2024-01-15', '12%', '1,234', 'TRUE', '2024-01-15T08:00:00Z']]);
    const raw = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1', valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(raw.data.values).toEqual([[45306, 0.12, 1234, true, '2024-01-15T08:00:00Z']]);
  });

  it('drops the leading zero of a phone number written USER_ENTERED but keeps it when RAW', async () => {
    const id = fake.createSpreadsheet();
    const write = (range: string, valueInputOption: string) =>
      api.spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption, requestBody: { values: [['0912345678']] } });
    await write('A1', 'USER_ENTERED');
    await write('B1', 'RAW');
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:B1', valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(got.data.values).toEqual([[912345678, '0912345678']]);
  });

  it('returns columns when majorDimension is COLUMNS', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['a', 'b'], ['c']] }] });
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1:B2', majorDimension: 'COLUMNS' });
    expect(got.data.values).toEqual([['a', 'c'], ['b']]);
  });
});

describe('writing values', () => {
  const FORMULA = '=IMPORTXML("https://evil.example/x", "//a")';

  it('keeps a formula-looking name as text when written RAW', async () => {
    const id = fake.createSpreadsheet();
    await api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [[FORMULA]] } });
    expect(fake.cell(id, 'Sheet1!A1')).toEqual({ kind: 'text', text: FORMULA });
    const got = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(got.data.values).toEqual([[FORMULA]]);
  });

  it('turns the same value into a formula when written USER_ENTERED', async () => {
    const id = fake.createSpreadsheet();
    await api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', valueInputOption: 'USER_ENTERED', requestBody: { values: [[FORMULA]] } });
    expect(fake.values(id, 'Sheet1')).toEqual([[{ formula: FORMULA }]]);
    const shown = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(shown.data.values).toEqual([['#N/A']]);
    const formula = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1', valueRenderOption: 'FORMULA' });
    expect(formula.data.values).toEqual([[FORMULA]]);
  });

  it('strips the leading apostrophe of USER_ENTERED text but stores it verbatim when RAW', async () => {
    const id = fake.createSpreadsheet();
    await api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', valueInputOption: 'USER_ENTERED', requestBody: { values: [["'=1+1"]] } });
    await api.spreadsheets.values.update({ spreadsheetId: id, range: 'B1', valueInputOption: 'RAW', requestBody: { values: [["'=1+1"]] } });
    expect(fake.values(id, 'A1:B1')).toEqual([['=1+1', "'=1+1"]]);
  });

  it('rejects a write without valueInputOption like the real API', async () => {
    const id = fake.createSpreadsheet();
    const err = await failure(api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', requestBody: { values: [['x']] } }));
    expect(err.status).toBe(400);
    expect(err.message).toBe("'valueInputOption' is required but not specified");
    expect(fake.values(id, 'Sheet1')).toEqual([]);
  });

  it('rejects data that does not fit an explicit range, writing nothing', async () => {
    const id = fake.createSpreadsheet();
    const err = await failure(
      api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1:B1', valueInputOption: 'RAW', requestBody: { values: [['a', 'b'], ['c']] } }),
    );
    expect(err.message).toBe('Requested writing within range [Sheet1!A1:B1], but tried writing to row [2]');
    expect(fake.values(id, 'Sheet1')).toEqual([]);
  });

  it('skips null cells and empties cells written as ""', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['keep', 'erase', 'old']] }] });
    await api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [[null, '', 'new']] } });
    expect(fake.values(id, 'Sheet1')).toEqual([['keep', null, 'new']]);
  });

  it('clears a range and reports the cleared range', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['a', 'b'], ['c', 'd']] }] });
    const res = await api.spreadsheets.values.clear({ spreadsheetId: id, range: 'Sheet1!B1:B2' });
    expect(res.data).toEqual({ spreadsheetId: id, clearedRange: 'Sheet1!B1:B2' });
    expect(fake.values(id, 'Sheet1')).toEqual([['a'], ['c']]);
  });
});

describe('values.append', () => {
  const seeded = (rows: unknown[][], rowCount?: number): string =>
    fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows, ...(rowCount ? { rowCount } : {}) }] });
  const append = (spreadsheetId: string, range: string, values: unknown[][], insertDataOption?: string) =>
    api.spreadsheets.values.append({ spreadsheetId, range, valueInputOption: 'RAW', insertDataOption, requestBody: { values } });

  it('writes after the last row of the table and reports updatedRange and tableRange', async () => {
    const id = seeded([['Họ tên', 'Đơn vị', 'Điểm'], ['An', 'K1', 9], ['Bình', 'K2', 8]]);
    const res = await append(id, 'Sheet1!A:C', [['Chi', 'K3', 7]]);
    expect(res.data).toEqual({
      spreadsheetId: id,
      tableRange: 'Sheet1!A1:C3',
      updates: { spreadsheetId: id, updatedRange: 'Sheet1!A4:C4', updatedRows: 1, updatedColumns: 3, updatedCells: 3 },
    });
    expect(fake.values(id, 'A4:C4')).toEqual([['Chi', 'K3', 7]]);
  });

  it("starts at the table's first column and finds the table beyond a one-cell range", async () => {
    const id = seeded([[], ['', 'h1', 'h2'], ['', 'v1', 'v2']]);
    const res = await append(id, 'Sheet1!B2', [['w1', 'w2']]);
    expect(res.data.tableRange).toBe('Sheet1!B2:C3');
    expect(res.data.updates?.updatedRange).toBe('Sheet1!B4:C4');
  });

  it('appends after the first table when an empty row separates two tables', async () => {
    const id = seeded([['a'], ['b'], [], ['c']]);
    const res = await append(id, 'Sheet1!A:A', [['new']]);
    expect(res.data.updates?.updatedRange).toBe('Sheet1!A3');
    expect(fake.values(id, 'A1:A4')).toEqual([['a'], ['b'], ['new'], ['c']]);
  });

  it('writes at the top of the range when the range holds no table', async () => {
    const id = seeded([]);
    const res = await append(id, 'Sheet1!B5:D', [['x', 'y']]);
    expect(res.data.tableRange).toBeUndefined();
    expect(res.data.updates?.updatedRange).toBe('Sheet1!B5:C5');
  });

  it('adds rows when the table already fills the grid', async () => {
    const id = seeded([['h'], ['1'], ['2']], 3);
    const res = await append(id, 'Sheet1', [['3'], ['4']]);
    expect(res.data.updates?.updatedRange).toBe('Sheet1!A4:A5');
    expect(fake.sheet(id, 'Sheet1').properties.gridProperties.rowCount).toBe(5);
  });

  it('shifts the rows below down with INSERT_ROWS instead of overwriting them', async () => {
    const id = seeded([['a'], [], ['below']]);
    await append(id, 'Sheet1!A1', [['new']], 'INSERT_ROWS');
    expect(fake.values(id, 'A1:A4')).toEqual([['a'], ['new'], [], ['below']]);
    expect(fake.sheet(id, 'Sheet1').properties.gridProperties.rowCount).toBe(1001);
  });
});

describe('batchGet and values.batchUpdate', () => {
  it('returns one ValueRange per repeated `ranges` parameter, in order', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['a', 'b']] }, { title: 'Hồ sơ', rows: [['c']] }] });
    const res = await api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["'Hồ sơ'!A1", 'Sheet1!B1', 'Sheet1!A5:B6'] });
    expect(res.data.valueRanges).toEqual([
      { range: "'Hồ sơ'!A1", majorDimension: 'ROWS', values: [['c']] },
      { range: 'Sheet1!B1', majorDimension: 'ROWS', values: [['b']] },
      { range: 'Sheet1!A5:B6', majorDimension: 'ROWS' },
    ]);
  });

  it('writes several ranges and totals the counts', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1' }, { title: 'Hồ sơ' }] });
    const res = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1:B1', values: [['a', 'b']] }, { range: "'Hồ sơ'!C3", values: [['c'], ['d']] }] },
    });
    expect(res.data).toMatchObject({ totalUpdatedRows: 3, totalUpdatedColumns: 3, totalUpdatedCells: 4, totalUpdatedSheets: 2 });
    expect(res.data.responses?.map((r) => r.updatedRange)).toEqual(['Sheet1!A1:B1', "'Hồ sơ'!C3:C4"]);
  });

  it('applies none of a values.batchUpdate when one of its ranges is invalid', async () => {
    const id = fake.createSpreadsheet();
    const err = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1', values: [['a']] }, { range: 'Nope!A1', values: [['b']] }] },
      }),
    );
    expect(err.message).toBe('Invalid data[1]: Unable to parse range: Nope!A1');
    expect(fake.values(id, 'Sheet1')).toEqual([]);
  });
});

describe('spreadsheets.get, create and batchUpdate', () => {
  it('returns sheet properties, omitting frozenRowCount when it is zero', async () => {
    const id = fake.createSpreadsheet({ title: 'Thi đua 2024', sheets: [{ title: 'Sheet1', frozenRowCount: 1 }, { title: 'Kết quả', sheetId: 7 }] });
    const res = await api.spreadsheets.get({ spreadsheetId: id });
    expect(res.data.properties?.title).toBe('Thi đua 2024');
    expect(res.data.sheets?.map((s) => s.properties)).toEqual([
      { sheetId: 0, title: 'Sheet1', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 } },
      { sheetId: 7, title: 'Kết quả', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } },
    ]);
  });

  it('honours a `fields` mask', async () => {
    const id = fake.createSpreadsheet();
    const res = await api.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties(sheetId,title)' });
    expect(res.data).toEqual({ sheets: [{ properties: { sheetId: 0, title: 'Sheet1' } }] });
  });

  it('creates a spreadsheet whose first sheet is Sheet1 with id 0', async () => {
    const res = await api.spreadsheets.create({ requestBody: { properties: { title: 'Mới' } } });
    expect(res.data.spreadsheetId).toHaveLength(44);
    expect(res.data.sheets?.[0]?.properties).toMatchObject({ sheetId: 0, title: 'Sheet1' });
    expect(fake.counts['spreadsheets.create']).toBe(1);
  });

  it('applies structural requests in order and replies in order', async () => {
    const id = fake.createSpreadsheet();
    const range = { sheetId: 0, startRowIndex: 1, endRowIndex: 100, startColumnIndex: 2, endColumnIndex: 3 };
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { addSheet: { properties: { title: 'Hồ sơ đề nghị', gridProperties: { rowCount: 50, columnCount: 8 } } } },
          { updateSheetProperties: { properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } }, fields: 'gridProperties.frozenRowCount' } },
          { setDataValidation: { range, rule: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Đạt' }] }, strict: true } } },
          { addProtectedRange: { protectedRange: { range: { sheetId: 0, endRowIndex: 1 }, description: 'Tiêu đề', warningOnly: true } } },
          { addConditionalFormatRule: { index: 0, rule: { ranges: [range], booleanRule: { condition: { type: 'BLANK' }, format: {} } } } },
          { repeatCell: { range: { sheetId: 0, endRowIndex: 1 }, cell: { userEnteredFormat: { textFormat: { bold: true } } }, fields: 'userEnteredFormat.textFormat.bold' } },
          { updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }, properties: { pixelSize: 240 }, fields: 'pixelSize' } },
          { createDeveloperMetadata: { developerMetadata: { metadataKey: 'schemaVersion', metadataValue: '3', location: { spreadsheet: true }, visibility: 'DOCUMENT' } } },
        ],
      },
    });
    const replies = res.data.replies ?? [];
    expect(replies).toHaveLength(8);
    expect(replies[0]?.addSheet?.properties).toMatchObject({ title: 'Hồ sơ đề nghị', index: 1, gridProperties: { rowCount: 50, columnCount: 8 } });
    expect(replies[0]?.addSheet?.properties?.sheetId).toEqual(expect.any(Number));
    expect(replies.slice(1, 3)).toEqual([{}, {}]);
    expect(replies[3]?.addProtectedRange?.protectedRange).toMatchObject({ description: 'Tiêu đề', protectedRangeId: expect.any(Number) });
    expect(replies[7]?.createDeveloperMetadata?.developerMetadata).toMatchObject({ metadataKey: 'schemaVersion', location: { locationType: 'SPREADSHEET' } });

    const sheet = fake.sheet(id, 'Sheet1');
    expect(sheet.properties.gridProperties.frozenRowCount).toBe(1);
    expect(sheet.dataValidations).toEqual([{ range, rule: expect.objectContaining({ strict: true }) }]);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(fake.appliedRequests(id, 'repeatCell')).toHaveLength(1);
    expect(fake.appliedRequests(id, 'updateDimensionProperties')[0]?.body).toMatchObject({ properties: { pixelSize: 240 } });

    const got = await api.spreadsheets.get({ spreadsheetId: id, ranges: ['Sheet1!C2:C3'], includeGridData: true });
    const first = got.data.sheets?.[0];
    expect(first?.protectedRanges?.[0]?.description).toBe('Tiêu đề');
    expect(first?.data?.[0]?.rowData?.[0]?.values?.[0]?.dataValidation?.condition?.type).toBe('ONE_OF_LIST');
    expect(got.data.developerMetadata?.[0]?.metadataValue).toBe('3');
  });

  it('is atomic: one invalid request fails the whole batch with 400 and applies nothing', async () => {
    const id = fake.createSpreadsheet();
    const err = await failure(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: 'Mới' } } },
            { updateSheetProperties: { properties: { sheetId: 999, title: 'X' }, fields: 'title' } },
          ],
        },
      }),
    );
    expect(err.status).toBe(400);
    expect(err.message).toBe('Invalid requests[1].updateSheetProperties: No grid with id: 999');
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).toEqual(['Sheet1']);
    expect(fake.appliedRequests(id)).toEqual([]);
  });

  it('rejects addSheet with a title that already exists (ignoring case)', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Kết quả' }] });
    const err = await failure(api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ addSheet: { properties: { title: 'kết quả' } } }] } }));
    expect(err.message).toBe('Invalid requests[0].addSheet: A sheet with the name "kết quả" already exists. Please enter another name.');
  });

  it('rejects an unknown request type as an invalid payload', async () => {
    const id = fake.createSpreadsheet();
    const requests = [{ addSheet: { properties: { title: 'A' } } }, { frobnicate: {} }] as sheets_v4.Schema$Request[];
    const err = await failure(api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }));
    expect(err.status).toBe(400);
    expect(err.message).toContain('Unknown name "frobnicate"');
    expect(fake.spreadsheet(id).sheets).toHaveLength(1);
  });

  it('answers 404 NOT_FOUND for an unknown spreadsheet id', async () => {
    const err = await failure(api.spreadsheets.get({ spreadsheetId: 'does-not-exist' }));
    expect(err.status).toBe(404);
    expect(err.response?.data?.error).toMatchObject({ code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' });
    const values = await failure(api.spreadsheets.values.get({ spreadsheetId: 'does-not-exist', range: 'A1' }));
    expect(values.status).toBe(404);
  });

  it('answers 403 to writes on a spreadsheet shared read-only', async () => {
    const id = fake.createSpreadsheet({ access: 'view' });
    await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    const err = await failure(api.spreadsheets.values.append({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['x']] } }));
    expect(err.response?.data?.error?.status).toBe('PERMISSION_DENIED');
  });
});

describe('fault injection', () => {
  const appendRow = (spreadsheetId: string, row: unknown[], options: object = NO_RETRY) =>
    api.spreadsheets.values.append(
      { spreadsheetId, range: 'Sheet1!A:C', valueInputOption: 'RAW', requestBody: { values: [row] } },
      options,
    );

  it('answers 429 RESOURCE_EXHAUSTED and applies nothing', async () => {
    const id = fake.createSpreadsheet();
    fake.faults.enqueue(Faults.rateLimited(), 'values.append');
    const err = await failure(appendRow(id, ['a']));
    expect(err.status).toBe(429);
    expect(err.response?.data?.error?.status).toBe('RESOURCE_EXHAUSTED');
    expect(fake.values(id, 'Sheet1')).toEqual([]);
    await appendRow(id, ['b']); // the queued fault was used up
    expect(fake.values(id, 'Sheet1')).toEqual([['b']]);
  });

  it.each([
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
  ])('surfaces a %i (%s) to a caller that does not retry', async (status, name) => {
    const id = fake.createSpreadsheet();
    fake.faults.enqueue({ kind: 'error', status });
    const err = await failure(api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' }, NO_RETRY));
    expect(err.status).toBe(status);
    expect(err.response?.data?.error?.status).toBe(name);
  });

  it('lets the client retry a GET after a 503 (gaxios retries GET/PUT by default, not POST)', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['ok']] }] });
    fake.faults.enqueue(Faults.unavailable(), 'values.get');
    const res = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    expect(res.data.values).toEqual([['ok']]);
    expect(fake.counts['values.get']).toBe(2);

    fake.faults.enqueue(Faults.unavailable(), 'values.append');
    await failure(appendRow(id, ['x'], {}));
    expect(fake.counts['values.append']).toBe(1);
  });

  it('drops the connection without an HTTP answer and applies nothing', async () => {
    const id = fake.createSpreadsheet();
    fake.faults.enqueue(Faults.drop());
    const err = await failure(appendRow(id, ['a']));
    expect(err.status).toBeUndefined();
    expect(err.response).toBeUndefined();
    expect(fake.values(id, 'Sheet1')).toEqual([]);
    expect(fake.calls.at(-1)).toMatchObject({ method: 'values.append', fault: 'drop', outcome: 'dropped' });
  });

  it('answers slowly, and a client that times out meanwhile still gets its write applied', async () => {
    const id = fake.createSpreadsheet();
    fake.faults.enqueue(Faults.slow(120));
    const started = Date.now();
    await appendRow(id, ['slow but fine']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);

    fake.faults.enqueue(Faults.slow(150));
    const err = await failure(appendRow(id, ['timed out'], { ...NO_RETRY, timeout: 30 }));
    expect(err.status).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.values(id, 'Sheet1')).toEqual([['slow but fine'], ['timed out']]);
  });

  it('applies the write and then answers an error: the answer is lost and a blind retry duplicates the row', async () => {
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1', rows: [['Họ tên']] }] });
    fake.faults.enqueue(Faults.appliedThenError(503), 'values.append');
    const err = await failure(appendRow(id, ['An']));
    expect(err.status).toBe(503);
    expect(fake.values(id, 'Sheet1')).toEqual([['Họ tên'], ['An']]);
    await appendRow(id, ['An']);
    expect(fake.values(id, 'Sheet1')).toEqual([['Họ tên'], ['An'], ['An']]);
  });

  it('applies the write and then drops the connection', async () => {
    const id = fake.createSpreadsheet();
    fake.faults.enqueue(Faults.appliedThenDrop(), 'spreadsheets.batchUpdate');
    const err = await failure(
      api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ addSheet: { properties: { title: 'Mới' } } }] } }, NO_RETRY),
    );
    expect(err.response).toBeUndefined();
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).toEqual(['Sheet1', 'Mới']);
  });

  it('selects faults by method and probability, reproducibly for a given seed', async () => {
    const outcomes = async (seed: number): Promise<string> => {
      fake = new FakeSheets({ seed });
      server.use(...fake.handlers);
      const id = fake.createSpreadsheet();
      fake.faults.addRule({ methods: ['values.get'], probability: 0.5, fault: [Faults.internal(), Faults.unavailable()] });
      let trace = '';
      for (let i = 0; i < 16; i++) {
        const res = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' }, NO_RETRY).catch((e: ClientError) => e);
        trace += 'status' in res && res.status !== 200 ? String(res.status) : '.';
      }
      await appendRow(id, ['never faulted']); // values.append is not covered by the rule
      return trace;
    };
    const first = await outcomes(7);
    expect(first).toMatch(/\./);
    expect(first).toMatch(/500|503/);
    expect(await outcomes(7)).toBe(first);
    expect(await outcomes(8)).not.toBe(first);
  });

  it('lets a decider function fail chosen calls', async () => {
    const id = fake.createSpreadsheet();
    fake.faults.setDecider((call) => (call.method === 'values.update' && call.range === 'B2' ? Faults.internal() : undefined));
    await api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['a']] } }, NO_RETRY);
    const err = await failure(
      api.spreadsheets.values.update({ spreadsheetId: id, range: 'B2', valueInputOption: 'RAW', requestBody: { values: [['b']] } }, NO_RETRY),
    );
    expect(err.status).toBe(500);
    expect(fake.faults.fired.map((f) => f.call.range)).toEqual(['B2']);
  });

  it('enforces a per-minute write quota with 429 and refills it when the clock moves on', async () => {
    let now = Date.UTC(2024, 0, 1, 8, 0, 0);
    fake = new FakeSheets({ writesPerMinute: 3, now: () => now });
    server.use(...fake.handlers);
    const id = fake.createSpreadsheet();
    for (const n of [1, 2, 3]) await appendRow(id, [n]);
    const err = await failure(appendRow(id, [4]));
    expect(err.status).toBe(429);
    expect(err.message).toContain("'Write requests per minute per user'");
    await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' }); // reads are not limited
    now += 60_000;
    await appendRow(id, [5]);
    expect(fake.values(id, 'A:A')).toEqual([[1], [2], [3], [5]]);
  });
});

describe('call counting', () => {
  it('counts calls per method, including faulted calls and client retries, and resets', async () => {
    const id = fake.createSpreadsheet();
    fake.faults.enqueue(Faults.internal(), 'values.get');
    await api.spreadsheets.values.get({ spreadsheetId: id, range: 'A1' });
    await api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['A1', 'B1'] });
    await api.spreadsheets.values.append({ spreadsheetId: id, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['x']] } });
    expect(fake.counts).toMatchObject({ 'values.get': 2, 'values.batchGet': 1, 'values.append': 1, 'spreadsheets.get': 0 });
    expect(fake.calls.map((c) => c.outcome)).toEqual([500, 200, 200, 200]);
    fake.resetCounts();
    expect(fake.counts['values.get']).toBe(0);
    expect(fake.calls).toEqual([]);
  });
});
