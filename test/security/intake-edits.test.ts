/**
 * Only the form paths edit a nomination (issue 18, point 5): the intake door lets an edit (same responseId, later
 * submittedAt) through only from the Apps Script's envelope, which carries the form's own edit signal; any other
 * caller re-sending a responseId gets "duplicate" and changes nothing, and a duplicate's answer hands out the status
 * link only to a sender of that very submission (a retry after a lost answer), not to one who merely names its id.
 */
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { recordForm } from '../../shared/jobs/create-form.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, rawIndividual, vanNinh } from '../support/builders.js';
import { answerValues } from '../forms/form-builders.js';
import { signBody } from '../../shared/auth/hmac-signature.js';
import { bearer, certsHandler, env, HMAC_SECRET, json, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { snapshotOf } from '../support/campaign.js';

useMsw();

const NOW = () => new Date('2024-08-20T03:00:00Z');

async function setup() {
  server.use(certsHandler());
  const workbook = await newWorkbook();
  const questions = [...buildFormPlan(vanNinh()).questions.values()];
  await recordForm(await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns), { formId: '1FormFromTheCouncil0001', questions });
  const rt = testRuntime(env(workbook, { THIDUA_LINK_SECRET: 'the-status-link-secret-of-32-characters+', THIDUA_PUBLIC_URL: 'https://trang-thai.vanninh.example' }), NOW);
  const url = await serveHttp(intake(rt));
  const stored = async () => (await snapshotOf(await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns))).nominations;
  const envelope = (responseId: string, lastSubmittedTime: string, name: string) => ({
    formResponse: { formId: '1FormFromTheCouncil0001', responseId, lastSubmittedTime, answers: answerValues(questions, { name }).map(({ q, value }) => ({ title: q.title, values: [value] })) },
  });
  return { url, stored, envelope };
}

describe('editing a stored nomination through the intake door', () => {
  test.each([
    ['an identity token', (_body: string) => bearer()],
    ['a signed request', (body: string) => ({ 'x-thidua-signature': signBody(HMAC_SECRET, body, NOW()) })],
  ])('a plain caller (%s) re-sending a responseId with a later submittedAt gets "duplicate", changes nothing, and gets no link', async (_, credentials) => {
    const { url, stored } = await setup();
    const first = await json(await postJson(url, rawIndividual({ responseId: 'edit-1', name: 'Trần Văn Thật', submittedAt: '2024-08-12T08:00:00+07:00' }), bearer()));
    expect(first).toMatchObject({ outcome: 'accepted', statusUrl: expect.any(String) });

    const forged = JSON.stringify(rawIndividual({ responseId: 'edit-1', name: 'Kẻ Giả Mạo', submittedAt: '2024-08-19T08:00:00+07:00' }));
    const res = await postJson(url, forged, credentials(forged));
    const answer = await json(res);

    expect(res.status).toBe(200);
    expect(answer).toMatchObject({ outcome: 'duplicate', responseId: 'edit-1' });
    expect(answer.statusUrl).toBeUndefined();
    expect((await stored()).map((n) => [n.responseId, n.name, n.submittedAt.toISOString()])).toEqual([['edit-1', 'Trần Văn Thật', '2024-08-12T01:00:00.000Z']]);
  });

  test('the Apps Script\'s edited response (same responseId, later lastSubmittedTime) updates the row', async () => {
    const { url, stored, envelope } = await setup();
    expect((await postJson(url, envelope('2_ABaOnudEdit', '2024-08-12T03:15:00.000Z', 'Võ Văn Khánh'), bearer())).status).toBe(201);
    const res = await postJson(url, envelope('2_ABaOnudEdit', '2024-08-13T03:15:00.000Z', 'Võ Văn Khánh Sửa'), bearer());
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ outcome: 'updated', statusUrl: expect.any(String) });
    expect((await stored()).map((n) => n.name)).toEqual(['Võ Văn Khánh Sửa']);
  });

  test('a duplicate that is the stored submission itself (a retry after a lost answer) gets its status link again; one naming only the id does not', async () => {
    const { url } = await setup();
    const original = rawIndividual({ responseId: 'edit-3', name: 'Lê Thị Gửi' });
    const first = await json(await postJson(url, original, bearer()));
    const retry = await json(await postJson(url, original, bearer()));
    expect(retry).toMatchObject({ outcome: 'duplicate', statusUrl: first.statusUrl });
    const probe = await json(await postJson(url, rawIndividual({ responseId: 'edit-3', name: 'Người Dò Hỏi' }), bearer()));
    expect(probe.outcome).toBe('duplicate');
    expect(probe.statusUrl).toBeUndefined();
  });
});
