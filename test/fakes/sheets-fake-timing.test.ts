/**
 * The Sheets fake's `updateCells` and its timing faults, through the real client: what the fenced writes of the store
 * (decision 008) and the reliability suites rely on.
 */
import { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, test } from 'vitest';
import { FakeSheets } from './sheets-fake.js';
import { server, tokenAuth, useMsw } from '../functions/harness.js';

useMsw();

function setup() {
  const fake = new FakeSheets({ seed: 3 });
  server.use(...fake.handlers);
  const id = fake.createSpreadsheet({ sheets: [{ title: 'Hồ sơ', rows: [['a', 'b', 'c'], ['x', 'y', 'z']] }] });
  const sheetId = fake.sheet(id, 'Hồ sơ').properties.sheetId;
  const api = new sheets_v4.Sheets({ auth: tokenAuth() });
  const update = (rowIndex: number, values: sheets_v4.Schema$CellData[]): sheets_v4.Schema$Request => ({
    updateCells: { start: { sheetId, rowIndex, columnIndex: 0 }, rows: [{ values }], fields: 'userEnteredValue' },
  });
  const batch = (requests: sheets_v4.Schema$Request[]) => api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }, { retry: false });
  return { fake, id, sheetId, update, batch };
}

describe('updateCells in the Sheets fake', () => {
  test('writes text as text (a formula sign included), numbers as numbers, and clears a cell sent without a value', async () => {
    const { fake, id, update, batch } = setup();
    await batch([update(1, [{ userEnteredValue: { stringValue: '=IMPORTXML("x")' } }, { userEnteredValue: { numberValue: 7 } }, {}])]);
    expect(fake.values(id, "'Hồ sơ'!A2:C2")).toEqual([['=IMPORTXML("x")', 7]]);
    expect(fake.cell(id, "'Hồ sơ'!A2")).toEqual({ kind: 'text', text: '=IMPORTXML("x")' });
  });

  test('refuses cells past the grid, and with them the whole batch', async () => {
    const { fake, id, sheetId, update, batch } = setup();
    const rows = fake.sheet(id, 'Hồ sơ').properties.gridProperties.rowCount;
    await expect(batch([update(1, [{ userEnteredValue: { stringValue: 'changed' } }]), update(rows, [{ userEnteredValue: { stringValue: 'out' } }])])).rejects.toThrow(/exceeds grid limits/);
    expect(fake.values(id, "'Hồ sơ'!A2")).toEqual([['x']]);
    await batch([{ appendDimension: { sheetId, dimension: 'ROWS', length: 1 } }, update(rows, [{ userEnteredValue: { stringValue: 'in' } }])]);
    expect(fake.values(id, `'Hồ sơ'!A${rows + 1}`)).toEqual([['in']]);
  });
});

describe('timing faults', () => {
  test('a late request gets no answer, and is applied (or refused) only when its gate opens, against the sheet as it is then', async () => {
    const { fake, id, sheetId, update, batch } = setup();
    let open!: () => void;
    const until = new Promise<void>((r) => (open = r));
    fake.faults.enqueue({ kind: 'late', until }, 'spreadsheets.batchUpdate');
    await expect(batch([{ deleteSheet: { sheetId: 999 } }, update(1, [{ userEnteredValue: { stringValue: 'late' } }])])).rejects.toThrow();
    fake.faults.enqueue({ kind: 'late', until }, 'spreadsheets.batchUpdate');
    await expect(batch([update(1, [{ userEnteredValue: { stringValue: 'late too' } }])])).rejects.toThrow();
    expect(fake.values(id, "'Hồ sơ'!A2")).toEqual([['x']]);
    open();
    await fake.timing.settled();
    expect(fake.timing.late).toEqual({ applied: 1, refused: 1 });
    expect(fake.values(id, "'Hồ sơ'!A2")).toEqual([['late too']]);
  });

  test('a truncated answer is a 200 whose body is cut short, after the request was applied', async () => {
    const { fake, id, update, batch } = setup();
    fake.faults.enqueue({ kind: 'truncated' }, 'spreadsheets.batchUpdate');
    const answer = await batch([update(1, [{ userEnteredValue: { stringValue: 'kept' } }])]);
    expect(answer.status).toBe(200);
    expect(typeof answer.data).toBe('string');
    expect(fake.values(id, "'Hồ sơ'!A2")).toEqual([['kept']]);
  });
});
