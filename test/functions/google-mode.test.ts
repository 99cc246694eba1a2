import { describe, expect, test } from 'vitest';
import { formSync } from '../../functions/form-sync.js';
import { intake } from '../../functions/intake.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { FORM_SETTING } from '../../shared/store/codecs/settings.js';
import { recordForm } from '../../shared/jobs/create-form.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { rawIndividual, vanNinh } from '../support/builders.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { apiResponse } from '../forms/form-builders.js';
import { AUDIENCE, bearer, certsHandler, json, postJson, SCHEDULER, server, serveHttp, testRuntime, tokenAuth, useMsw } from './harness.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';

useMsw();

const SA = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';

/** The council's Google Sheet on the Sheets fake, set up by `thidua init`, and the functions configured for it. */
async function setup() {
  const sheets = new FakeSheets({ seed: 7 });
  const forms = new FakeForms({ now: () => new Date('2024-08-20T03:00:00Z') });
  server.use(certsHandler(), ...sheets.handlers, ...forms.handlers);
  const spreadsheetId = sheets.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  const tables = new GoogleSheetsStore({ spreadsheetId, auth: tokenAuth(), editorEmail: SA });
  const store = await initCampaign(tables, vanNinh());
  const formId = forms.addForm({ title: 'Hồ sơ' });
  const questions = [...buildFormPlan(vanNinh()).questions.values()];
  await recordForm(store, { formId, questions });
  sheets.resetCounts();
  const rt = testRuntime({ THIDUA_SPREADSHEET_ID: spreadsheetId, THIDUA_SERVICE_ACCOUNT: SA, THIDUA_OIDC_AUDIENCES: AUDIENCE, THIDUA_ALLOWED_CALLERS: SCHEDULER, THIDUA_FORM_ID: formId });
  return { sheets, forms, spreadsheetId, formId, questions, rt, store };
}

describe('the functions on the council\'s Google Sheet (THIDUA_STORE=google)', () => {
  test('intake stores a nomination once, in a fixed, small number of Sheets calls', async () => {
    const { sheets, spreadsheetId, rt } = await setup();
    const url = await serveHttp(intake(rt));
    const nomination = rawIndividual({ responseId: 'g-001' });
    expect((await postJson(url, nomination, bearer())).status).toBe(201);
    expect((await postJson(url, nomination, bearer())).status).toBe(200);
    expect(sheets.values(spreadsheetId, "'Hồ sơ đề nghị'!A2:A")).toEqual([['g-001']]);
    // settings once per instance (open); per intake one read, whose snapshot the write places its rows from; the
    // tab ids once per instance; per delivery the lock is taken and given back, and the write is one batch that
    // also swaps the lock's tab (the fence, decision 008): 1 read + 3 writes, 1 read + 2 for a repeated delivery
    expect(sheets.counts['values.batchGet']).toBe(3);
    expect(sheets.counts['values.batchUpdate']).toBe(0);
    expect(sheets.counts['spreadsheets.get']).toBe(1);
    expect(sheets.counts['spreadsheets.batchUpdate']).toBe(5);
  });

  test('formSync takes the form\'s responses into the sheet and keeps its watermark in "Cài đặt"', async () => {
    const { forms, formId, questions, rt, spreadsheetId, sheets, store } = await setup();
    forms.addResponse(formId, apiResponse(questions, 'ACYDBNg', '2024-08-12T01:00:00Z'));
    const res = await postJson(await serveHttp(formSync(rt)), {}, bearer());
    expect(await json(res)).toMatchObject({ accepted: 1, watermark: '2024-08-12T00:55:00Z' });
    expect(sheets.values(spreadsheetId, "'Hồ sơ đề nghị'!A2:A")).toEqual([['ACYDBNg']]);
    expect((await store.settings()).get(FORM_SETTING.watermark)).toBe('2024-08-12T00:55:00Z');
  });
});
