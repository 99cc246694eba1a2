/**
 * One submission, two doors (decision 006): the Apps Script trigger posts a response under `FormResponse.getId()`
 * (`2_ABaOnu…`), the Forms API sync lists the same response under its `responseId` (`ACYDBN…`). Whichever door comes
 * first, the response is stored once, under the first door's id, and an edit reaches that row.
 */
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { sameSubmissionByOtherDoor } from '../../shared/domain/form-doors.js';
import { parseNomination, type Nomination } from '../../shared/domain/nomination.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { googleFormsApi } from '../../shared/google/forms/forms-api.js';
import { recordForm } from '../../shared/jobs/create-form.js';
import { syncForm } from '../../shared/jobs/sync-form.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, rawIndividual, vanNinh } from '../support/builders.js';
import { snapshotOf } from '../support/campaign.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { bearer, certsHandler, env, newWorkbook, postJson, server, serveHttp, testRuntime, tokenAuth, useMsw } from '../functions/harness.js';
import { answerValues, apiResponse, type Answering } from './form-builders.js';

useMsw();

const APPS_SCRIPT_ID = '2_ABaOnudAbcXyz';
const API_ID = 'ACYDBNj1kqX';
const T = '2024-08-12T03:15:42.000Z';
const NOW = new Date('2024-08-20T02:00:00Z');

async function bothDoors() {
  server.use(certsHandler());
  const forms = new FakeForms({ now: () => NOW });
  server.use(...forms.handlers);
  const workbook = await newWorkbook();
  const questions = [...buildFormPlan(vanNinh()).questions.values()];
  const formId = forms.addForm({ title: 'Hồ sơ' });
  const repo = async () => CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns);
  await recordForm(await repo(), { formId, questions });
  const rt = testRuntime(env(workbook));
  const url = await serveHttp(intake(rt));
  const api = await googleFormsApi({ auth: tokenAuth(), sleep: async () => {} });
  return {
    /** The Apps Script trigger posting a response (as `sendResponseToThidua` does). */
    trigger: async (responseId: string, at: string, a: Answering = {}) => {
      const envelope = { formResponse: { formId, responseId, lastSubmittedTime: at, answers: answerValues(questions, a).map(({ q, value }) => ({ title: q.title, values: [value] })) } };
      const res = await postJson(url, envelope, bearer());
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    /** The Forms API holding the same response under its own id. */
    submitToApi: (responseId: string, at: string, a: Answering = {}) => forms.addResponse(formId, apiResponse(questions, responseId, at, a)),
    sync: async () => {
      const report = await syncForm({ forms: api, repo: await repo(), formId, now: () => NOW });
      if (!report.ok) throw new Error(report.problem.message);
      return report.value;
    },
    stored: async () => (await snapshotOf(await repo())).nominations.map((n) => ({ responseId: n.responseId, name: n.name, submittedAt: n.submittedAt.toISOString() })),
  };
}

describe('one form response reaching both doors is stored once', () => {
  test('trigger first (2_…), then the sync (ACYDBN…, a few hundred ms apart): one row, under the trigger\'s id', async () => {
    const doors = await bothDoors();
    expect((await doors.trigger(APPS_SCRIPT_ID, T)).status).toBe(201);
    doors.submitToApi(API_ID, '2024-08-12T03:15:42.481Z');
    const report = await doors.sync();
    expect(report).toMatchObject({ accepted: 0, duplicates: 1, outcomes: [{ responseId: APPS_SCRIPT_ID, outcome: 'duplicate' }] });
    expect(await doors.stored()).toEqual([{ responseId: APPS_SCRIPT_ID, name: 'Nguyễn Văn Bình', submittedAt: T }]);
  });

  test('sync first, then the trigger: one row, under the API id, and the trigger is told that id for its receipt', async () => {
    const doors = await bothDoors();
    doors.submitToApi(API_ID, T);
    expect(await doors.sync()).toMatchObject({ accepted: 1 });
    const answer = await doors.trigger(APPS_SCRIPT_ID, T);
    expect(answer).toMatchObject({ status: 200, body: { outcome: 'duplicate', responseId: API_ID } });
    expect((await doors.stored()).map((r) => r.responseId)).toEqual([API_ID]);
  });

  test('an edit the trigger missed reaches the trigger\'s row through the sync (same nominee, later time)', async () => {
    const doors = await bothDoors();
    await doors.trigger(APPS_SCRIPT_ID, T);
    doors.submitToApi(API_ID, '2024-08-13T08:00:00.000Z', { position: 'Bí thư chi bộ' });
    expect(await doors.sync()).toMatchObject({ updated: 1, accepted: 0 });
    expect(await doors.stored()).toEqual([{ responseId: APPS_SCRIPT_ID, name: 'Nguyễn Văn Bình', submittedAt: '2024-08-13T08:00:00.000Z' }]);
  });

  test('two responses of one unit for different nominees at different times stay two rows', async () => {
    const doors = await bothDoors();
    await doors.trigger(APPS_SCRIPT_ID, T, { name: 'Nguyễn Văn Bình' });
    doors.submitToApi(API_ID, '2024-08-12T05:00:00.000Z', { name: 'Lê Thị Hoa', birthDate: '1985-01-02' });
    expect(await doors.sync()).toMatchObject({ accepted: 1 });
    expect((await doors.stored()).map((r) => r.responseId).sort()).toEqual([API_ID, APPS_SCRIPT_ID].sort());
  });
});

describe('sameSubmissionByOtherDoor (pure)', () => {
  const nomination = (over: Record<string, unknown>): Nomination => {
    const parsed = parseNomination(rawIndividual({ name: 'Nguyễn Văn Bình', birthDate: '1980-03-04', ...over }));
    if (!parsed.ok) throw new Error('bad fixture');
    return parsed.nomination;
  };
  const stored = [nomination({ responseId: APPS_SCRIPT_ID, submittedAt: T }), nomination({ responseId: 'csv-0123456789abcdef0123', submittedAt: T })];

  test.each([
    ['the API copy submitted at the same instant', { responseId: API_ID, submittedAt: '2024-08-12T03:15:43.000Z' }, 'forms-api', APPS_SCRIPT_ID],
    ['the API copy of an edit (same nominee, later)', { responseId: API_ID, submittedAt: '2024-08-14T00:00:00.000Z' }, 'forms-api', APPS_SCRIPT_ID],
    ['another nominee submitted an hour later', { responseId: API_ID, name: 'Lê Thị Hoa', submittedAt: '2024-08-12T04:15:42.000Z' }, 'forms-api', undefined],
    ['the same instant for another award', { responseId: API_ID, award: 'bang-khen-ubnd-tinh', submittedAt: T }, 'forms-api', undefined],
    ['the same instant from another unit', { responseId: API_ID, unit: 'UBND xã Vạn Phước', submittedAt: T }, 'forms-api', undefined],
    ['an Apps Script id never matches a stored Apps Script row', { responseId: '2_ABaOnudOther', submittedAt: T }, 'apps-script', undefined],
    ['a stored response of its own id', { responseId: APPS_SCRIPT_ID, submittedAt: T }, 'forms-api', undefined],
  ] as const)('%s', (_name, over, door, expected) => {
    expect(sameSubmissionByOtherDoor(nomination(over), stored, door)?.responseId).toBe(expected);
  });
});
