/**
 * The Sheets fake served through msw, and GoogleSheetsStores talking to it through the real `@googleapis/sheets`
 * client with a ready token (nothing calls Google's token endpoint; an unexpected request fails the test).
 */
import { sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cellA1 } from '../../shared/google/sheets/a1.js';
import { GoogleSheetsStore, type GoogleSheetsStoreOptions } from '../../shared/google/sheets/sheets-store.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import type { ContractHarness } from './table-store.contract.js';

export const SERVICE_ACCOUNT = 'thidua@van-ninh-thi-dua.iam.gserviceaccount.com';

export const server = setupServer();

/** Starts msw for the test file (strict: any request the fake does not serve is an error). */
export function serveFakeSheets(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/** A fresh fake, answering from now until the end of the test. */
export function newFake(): FakeSheets {
  const fake = new FakeSheets({ seed: 7 });
  server.use(...fake.handlers);
  return fake;
}

export function tokenAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  return auth;
}

/** A raw client, for what a council member does in the browser (rename a header, delete a tab). */
export const rawClient = (): sheets_v4.Sheets => new sheets_v4.Sheets({ auth: tokenAuth() });

/** A store on the fake whose waits between attempts are recorded instead of slept. */
export function googleStore(spreadsheetId: string, options: Partial<GoogleSheetsStoreOptions> = {}): { store: GoogleSheetsStore; waits: number[] } {
  const waits: number[] = [];
  const store = new GoogleSheetsStore({
    spreadsheetId,
    auth: tokenAuth(),
    editorEmail: SERVICE_ACCOUNT,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { store, waits };
}

/** The contract harness: an empty spreadsheet (just "Sheet1") on a fresh fake. */
export async function googleHarness(): Promise<ContractHarness> {
  const fake = newFake();
  const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  const api = rawClient();
  return {
    store: googleStore(id).store,
    setHeader: async (title, column, text) => {
      await api.spreadsheets.values.update({ spreadsheetId: id, range: cellA1(title, column - 1, 1), valueInputOption: 'RAW', requestBody: { values: [[text]] } });
    },
    deleteTab: async (title) => {
      const sheetId = fake.sheet(id, title).properties.sheetId;
      await api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ deleteSheet: { sheetId } }] } });
    },
  };
}
