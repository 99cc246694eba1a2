/**
 * Protected computed columns on a real deployment: the person who runs `thidua init` is not the account the functions
 * run as. Google refuses an edit of a protected range from anyone not among its editors (service accounts included),
 * so `init` must name the functions' service account, and a re-run must repair a sheet made without it.
 */
import { sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { describe, expect, test } from 'vitest';
import { openTables } from '../../shared/cli/open-tables.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { campaigns, rawIndividual, vanNinh } from '../support/builders.js';
import { PROTECTED_MESSAGE } from '../fakes/sheets-fake-protection.js';
import { newFake, serveFakeSheets } from './google-sheets-contract-harness.js';

serveFakeSheets();

const PERSON = 'thu-ky@vanninh.gov.vn';
const FUNCTIONS = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';
const STRANGER = 'someone-else@example.com';
const NOW = new Date('2024-08-20T02:00:00Z');

const auth = (token: string) => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token });
  return client;
};

/** A spreadsheet owned by the council's secretary, and the fake told who holds which token. */
function sheetOfThePerson() {
  const fake = newFake();
  fake.identify('person-token', PERSON);
  fake.identify('functions-token', FUNCTIONS);
  fake.identify('stranger-token', STRANGER);
  const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  fake.setOwner(id, PERSON);
  return { fake, id };
}

/** `thidua init --spreadsheet` as the person, optionally naming the functions' service account. */
async function initAsPerson(id: string, serviceAccount?: string) {
  const { tables } = await openTables({ spreadsheet: id, ...(serviceAccount ? { serviceAccount } : {}) }, {}, { auth: auth('person-token'), sleep: async () => {} });
  await initCampaign(tables, vanNinh());
}

/** One nomination taken in by the functions (as their service account): the row carries computed columns. */
async function intakeAsFunctions(id: string) {
  const tables = new GoogleSheetsStore({ spreadsheetId: id, auth: auth('functions-token'), editorEmail: FUNCTIONS, sleep: async () => {} });
  const repo = await CampaignRepository.open(tables, campaigns);
  return intake(repo, [{ payload: rawIndividual({ responseId: 'g-001' }), source: 'test' }], NOW);
}

const nominations = layoutsFor(vanNinh()).get('nominations')!.title;

describe('the Sheets fake enforces protected ranges as Google does', () => {
  test('a writer not among the editors of a protection gets 400 "You are trying to edit a protected cell or object"; the owner and editors write', async () => {
    const { id } = sheetOfThePerson();
    const as = (token: string) => new sheets_v4.Sheets({ auth: auth(token) });
    await as('person-token').spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 2 }, editors: { users: [FUNCTIONS] } } } }] },
    });
    const write = (token: string, range: string, values = [['x']]) => as(token).spreadsheets.values.update({ spreadsheetId: id, range, valueInputOption: 'RAW', requestBody: { values } });
    await expect(write('stranger-token', 'Sheet1!B2')).rejects.toMatchObject({ status: 400, message: PROTECTED_MESSAGE });
    await expect(write('stranger-token', 'Sheet1!A1:C1', [['x', 'y', 'z']])).rejects.toMatchObject({ status: 400 });
    await write('stranger-token', 'Sheet1!A2');
    await write('functions-token', 'Sheet1!B2');
    await write('person-token', 'Sheet1!B3');
  });

  test('a sheet protected whole refuses rows added, and its deletion, from a writer not among its editors', async () => {
    const { id } = sheetOfThePerson();
    const as = (token: string) => new sheets_v4.Sheets({ auth: auth(token) });
    await as('person-token').spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ addSheet: { properties: { sheetId: 7, title: 'Khóa' } } }, { addProtectedRange: { protectedRange: { range: { sheetId: 7 } } } }] } });
    const batch = (token: string, request: sheets_v4.Schema$Request) => as(token).spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [request] } });
    await expect(batch('stranger-token', { appendDimension: { sheetId: 7, dimension: 'ROWS', length: 10 } })).rejects.toMatchObject({ status: 400, message: expect.stringContaining(PROTECTED_MESSAGE) });
    await expect(batch('stranger-token', { deleteSheet: { sheetId: 7 } })).rejects.toMatchObject({ status: 400 });
    await batch('person-token', { appendDimension: { sheetId: 7, dimension: 'ROWS', length: 10 } });
  });

  test('a warning-only protection takes no editors, and blocks nobody through the API', async () => {
    const { id } = sheetOfThePerson();
    const api = new sheets_v4.Sheets({ auth: auth('person-token') });
    await expect(
      api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 }, warningOnly: true, editors: { users: [FUNCTIONS] } } } }] } }),
    ).rejects.toMatchObject({ status: 400 });
  });

  test('the owner and the account that adds a protection are always its editors', async () => {
    const { fake, id } = sheetOfThePerson();
    await new sheets_v4.Sheets({ auth: auth('functions-token') }).spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 } } } }] },
    });
    expect(fake.sheet(id, 'Sheet1').protectedRanges[0]!.editors!.users!.sort()).toEqual([FUNCTIONS, PERSON].sort());
  });
});

describe('thidua init names the functions\' service account as an editor of the protected columns', () => {
  test('without it, the functions cannot write computed columns: Google answers 400 and the intake fails (the day-one failure)', async () => {
    const { id } = sheetOfThePerson();
    await initAsPerson(id);
    await expect(intakeAsFunctions(id)).rejects.toThrow();
  });

  test('with --service-account, every hard protection names it, and the functions take a nomination in', async () => {
    const { fake, id } = sheetOfThePerson();
    await initAsPerson(id, FUNCTIONS);
    const locked = fake.sheet(id, nominations).protectedRanges.filter((p) => !p.warningOnly);
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((p) => p.editors?.users?.includes(FUNCTIONS))).toBe(true);
    const [outcome] = await intakeAsFunctions(id);
    expect(outcome).toMatchObject({ kind: 'accepted' });
    expect(fake.values(id, `'${nominations}'!A2:A`)).toEqual([['g-001']]);
  });

  test('THIDUA_SERVICE_ACCOUNT names it too', async () => {
    const { fake, id } = sheetOfThePerson();
    const { tables, google } = await openTables({ spreadsheet: id }, { THIDUA_SERVICE_ACCOUNT: FUNCTIONS }, { auth: auth('person-token') });
    expect(google?.editors).toContain(FUNCTIONS);
    await initCampaign(tables, vanNinh());
    expect(fake.sheet(id, nominations).protectedRanges.filter((p) => !p.warningOnly).every((p) => p.editors?.users?.includes(FUNCTIONS))).toBe(true);
  });

  test("with --impersonate, the CLI's identity is the borrowed service account, named an editor too", async () => {
    const { google } = await openTables({ spreadsheet: 'snUP9huPAx8Qqa-HLYV1UU0Qx4dkft', impersonate: FUNCTIONS, serviceAccount: FUNCTIONS }, {}, { auth: auth('person-token') });
    expect(google).toMatchObject({ credentials: { choice: { kind: 'impersonation', targetPrincipal: FUNCTIONS }, identity: FUNCTIONS }, editors: [FUNCTIONS] });
  });

  test('a re-run on a sheet made without it repairs the protections in one batch, and the functions then write', async () => {
    const { fake, id } = sheetOfThePerson();
    await initAsPerson(id);
    fake.resetCounts();
    await initAsPerson(id, FUNCTIONS);
    expect(fake.counts['spreadsheets.batchUpdate']).toBe(1);
    expect(fake.appliedRequests(id, 'updateProtectedRange').length).toBeGreaterThan(0);
    for (const tab of fake.spreadsheet(id).sheets) {
      for (const p of tab.protectedRanges.filter((r) => !r.warningOnly)) expect(p.editors?.users).toContain(FUNCTIONS);
    }
    const [outcome] = await intakeAsFunctions(id);
    expect(outcome).toMatchObject({ kind: 'accepted' });
    fake.resetCounts();
    await initAsPerson(id, FUNCTIONS);
    expect(fake.counts['spreadsheets.batchUpdate']).toBe(0);
  });
});

describe('who sees a protection\'s editors', () => {
  test('only its editors and the owner see who may edit it; a caller who may not cannot repair it, and init still completes', async () => {
    const { fake, id } = sheetOfThePerson();
    await initAsPerson(id);
    const seen = async (token: string) =>
      (await new sheets_v4.Sheets({ auth: auth(token) }).spreadsheets.get({ spreadsheetId: id, fields: 'sheets.protectedRanges(editors,requestingUserCanEdit,warningOnly)' })).data.sheets!.flatMap((s) => s.protectedRanges ?? []).filter((p) => !p.warningOnly);
    expect((await seen('person-token')).every((p) => p.requestingUserCanEdit === true && p.editors?.users?.includes(PERSON))).toBe(true);
    expect((await seen('functions-token')).every((p) => p.requestingUserCanEdit === false && p.editors === undefined)).toBe(true);
    // the functions' account, not an editor, runs init: it cannot see the editors, so it repairs nothing (the doctor says so)
    fake.resetCounts();
    const { tables } = await openTables({ spreadsheet: id, serviceAccount: FUNCTIONS }, {}, { auth: auth('functions-token'), sleep: async () => {} });
    await initCampaign(tables, vanNinh());
    expect(fake.counts['spreadsheets.batchUpdate']).toBe(0);
  });
});
