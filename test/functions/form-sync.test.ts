import { describe, expect, test } from 'vitest';
import { formSyncEvent } from '../../functions/form-sync-event.js';
import { formSync } from '../../functions/form-sync.js';
import { formCreateCommand } from '../../shared/cli/form-commands.js';
import { googleFormsApi } from '../../shared/google/forms/forms-api.js';
import { FORM_SETTING } from '../../shared/store/codecs/settings.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns } from '../support/builders.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { apiResponse } from '../forms/form-builders.js';
import { bearer, certsHandler, env, newWorkbook, postJson, server, serveCloudEvent, serveHttp, testRuntime, tokenAuth, useMsw } from './harness.js';
import { snapshotOf, formQuestionsOf } from '../support/campaign.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');

/** A workbook whose form was made by `thidua form create` on the Forms fake, and the functions over it. */
async function setup(options: { maxPageSize?: number; now?: () => Date } = {}) {
  const now = options.now ?? (() => NOW);
  const fake = new FakeForms({ now, ...(options.maxPageSize ? { maxPageSize: options.maxPageSize } : {}) });
  server.use(certsHandler(), ...fake.handlers);
  const workbook = await newWorkbook();
  const io = { stdout: { write: () => true }, stderr: { write: () => true } };
  await formCreateCommand({ io, now: () => NOW, campaigns }, 'van-ninh-dan-van-kheo', { store: workbook }, await googleFormsApi({ auth: tokenAuth() }));
  const formId = fake.calls.find((c) => c.method === 'forms.batchUpdate')!.formId!;
  const tables = SqliteStore.forWorkbook(workbook);
  const store = await CampaignRepository.open(tables, campaigns);
  const { questions } = await formQuestionsOf(store);
  const rt = testRuntime(env(workbook, { THIDUA_FORM_ID: formId }), now);
  fake.counts['responses.list'] = 0;
  const snapshot = async () => {
    const repo = await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns);
    const rows = (await SqliteStore.forWorkbook(workbook).readTabs([repo.tab('nominations')])).get('nominations') ?? [];
    return { ...(await snapshotOf(repo)), stored: new Map(rows.map((r) => [String(r.responseId), r])) };
  };
  const settings = async () => (await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns)).settings();
  return { fake, formId, questions, rt, snapshot, settings, workbook };
}

describe('the form sync function (Cloud Scheduler catch-up)', () => {
  test('catches up two pages of responses after a missed notification, then moves the watermark', async () => {
    // GIVEN three responses and no notification ever delivered, Google listing two per page
    const { fake, formId, questions, rt, snapshot, settings } = await setup({ maxPageSize: 2 });
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNa', '2024-08-12T01:00:00Z', { name: 'Trần Văn An' }));
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNb', '2024-08-13T02:00:00Z', { name: 'Lê Thị Bích', gender: 'Nữ' }));
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNc', '2024-08-14T03:00:00Z', { kind: 'collective', name: 'Hội Nông dân xã Vạn Hưng' }));
    const url = await serveHttp(formSync(rt));

    // WHEN Scheduler calls the sync
    const res = await postJson(url, {}, bearer());

    // THEN both pages are listed with no filter (first sync), all three stored, the watermark written after them
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ pages: 2, listed: 3, accepted: 3, duplicates: 0, rejected: 0, watermark: '2024-08-14T02:55:00Z' });
    const lists = fake.calls.filter((c) => c.method === 'responses.list');
    expect(lists.map((c) => c.query.filter)).toEqual([undefined, undefined]);
    expect(lists[1]!.query.pageToken).toBeTruthy();
    expect((await snapshot()).nominations.map((n) => [n.responseId, n.kind, n.name]).sort()).toEqual([
      ['ACYDBNa', 'individual', 'Trần Văn An'],
      ['ACYDBNb', 'individual', 'Lê Thị Bích'],
      ['ACYDBNc', 'collective', 'Hội Nông dân xã Vạn Hưng'],
    ]);
    expect((await settings()).get(FORM_SETTING.watermark)).toBe('2024-08-14T02:55:00Z');

    // AND the next run asks only for what came since, and stores nothing twice
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNd', '2024-08-15T04:00:00Z', { name: 'Phạm Văn Dũng' }));
    const again = await (await postJson(url, {}, bearer())).json();
    expect(fake.calls.filter((c) => c.method === 'responses.list').at(-1)!.query.filter).toBe('timestamp >= 2024-08-14T02:55:00Z');
    expect(again).toMatchObject({ listed: 2, accepted: 1, duplicates: 1 });
    expect((await snapshot()).nominations).toHaveLength(4);
  });

  test('an edited response (same responseId, newer lastSubmittedTime) updates its row instead of adding one', async () => {
    const { fake, formId, questions, rt, snapshot } = await setup();
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNe', '2024-08-12T01:00:00Z', { unit: 'UBND xã Vạn Thắng', selfScores: { 1: 13, 2: 15, 3: 20, 4: 10, 5: 10, 6: 15, 7: 15 } }));
    const url = await serveHttp(formSync(rt));
    await postJson(url, {}, bearer());
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNe', '2024-08-16T08:30:00Z', { unit: 'UBND xã Vạn Phước' }));

    const res = await (await postJson(url, {}, bearer())).json();

    expect(res).toMatchObject({ updated: 1, accepted: 0 });
    const { nominations, stored } = await snapshot();
    expect(nominations).toHaveLength(1);
    expect(nominations[0]).toMatchObject({ responseId: 'ACYDBNe', unit: 'UBND xã Vạn Phước' });
    expect(nominations[0]!.submittedAt.toISOString()).toBe('2024-08-16T08:30:00.000Z');
    expect(stored.get('ACYDBNe')?.['score.1']).toBe(15);
  });

  test('a response whose answers break the contract is recorded as rejected, and the sync goes on', async () => {
    const { fake, formId, questions, rt, snapshot } = await setup();
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNf', '2024-08-12T01:00:00Z', { birthDate: '1980-02-31' }));
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNg', '2024-08-12T02:00:00Z'));
    const res = await (await postJson(await serveHttp(formSync(rt)), {}, bearer())).json();
    expect(res).toMatchObject({ accepted: 1, rejected: 1 });
    expect((await snapshot()).nominations.map((n) => n.responseId)).toEqual(['ACYDBNg']);
    expect(rt.lines.at(-1)).toMatchObject({ function: 'formSync', rejectedIds: ['ACYDBNf'] });
  });

  test('answers 503 when Google keeps failing, so Scheduler tries again; the watermark does not move', async () => {
    const { fake, formId, questions, rt, settings } = await setup();
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNh', '2024-08-12T01:00:00Z'));
    fake.fail('responses.list', { status: 503 }, 6);
    const res = await postJson(await serveHttp(formSync(rt)), {}, bearer());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(fake.counts['responses.list']).toBe(6);
    expect((await settings()).get(FORM_SETTING.watermark)).toBeUndefined();
  });
});

describe('responses Google lists late', () => {
  const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
  const iso = (n: number) => minutes(n).toISOString();

  test('a response listed 15 minutes after its timestamp, after newer ones were synced, is stored by the next run, once', async () => {
    // GIVEN a sync every 5 minutes, and a response submitted at 03:00 that Google lists only at 03:15
    let clock = minutes(0);
    const { fake, formId, questions, rt, snapshot } = await setup({ now: () => clock });
    const url = await serveHttp(formSync(rt));
    const run = async (at: number) => {
      clock = minutes(at);
      const res = await postJson(url, {}, bearer());
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };
    fake.addResponse(formId, apiResponse(questions, 'ACYDBL-early', iso(-30)));
    await run(0);
    for (const at of [5, 10]) {
      fake.addResponse(formId, apiResponse(questions, `ACYDBL-${at}`, iso(at - 1)));
      await run(at);
    }

    // WHEN it appears in the listing at 03:15, and the syncs go on
    fake.addResponse(formId, apiResponse(questions, 'ACYDBL-late', iso(0)));
    const reports = [await run(15), await run(20)];

    // THEN it is stored, once, by the first run after it was listed; nothing else is stored twice
    expect(reports.map((r) => r.accepted)).toEqual([1, 0]);
    const ids = (await snapshot()).nominations.map((n) => n.responseId).sort();
    expect(ids).toEqual(['ACYDBL-10', 'ACYDBL-5', 'ACYDBL-early', 'ACYDBL-late']);
  });

  test('the first run of each day lists every response: one listed hours late is stored then, and nothing twice', async () => {
    let clock = minutes(0);
    const { fake, formId, questions, rt, snapshot, settings } = await setup({ now: () => clock });
    const url = await serveHttp(formSync(rt));
    const run = async (at: number) => {
      clock = minutes(at);
      return (await (await postJson(url, {}, bearer())).json()) as Record<string, unknown>;
    };
    fake.addResponse(formId, apiResponse(questions, 'ACYDBD-1', iso(-10)));
    expect(await run(0)).toMatchObject({ fullPass: true, accepted: 1 });
    fake.addResponse(formId, apiResponse(questions, 'ACYDBD-2', iso(170)));
    expect(await run(180)).toMatchObject({ fullPass: false, accepted: 1 });
    // listed 3 hours after its timestamp: beyond the hour of the catch-up window
    fake.addResponse(formId, apiResponse(questions, 'ACYDBD-late', iso(60)));
    expect(await run(240)).toMatchObject({ fullPass: false, accepted: 0 });
    const daily = await run(24 * 60);
    expect(daily).toMatchObject({ fullPass: true, listed: 3, accepted: 1, duplicates: 2 });
    expect(daily).not.toHaveProperty('filter');
    expect((await snapshot()).nominations.map((n) => n.responseId).sort()).toEqual(['ACYDBD-1', 'ACYDBD-2', 'ACYDBD-late']);
    expect((await settings()).get(FORM_SETTING.fullPass)).toBe(iso(24 * 60).replace('.000Z', 'Z'));
  });
});

/** A Pub/Sub message as Eventarc delivers it to a CloudEvent function (binary mode). */
function notification(url: string, attributes: Record<string, string>, publishTime: string) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'ce-specversion': '1.0',
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      'ce-source': '//pubsub.googleapis.com/projects/van-ninh-thi-dua/topics/thidua-forms',
      'ce-id': `msg-${publishTime}`,
      'ce-time': publishTime,
    },
    body: JSON.stringify({ message: { attributes, messageId: '767437830649', publishTime }, subscription: 'projects/van-ninh-thi-dua/subscriptions/eventarc' }),
  });
}

describe('the form sync event function (Forms watch → Pub/Sub)', () => {
  test('a RESPONSES notification for the form takes the new responses in', async () => {
    const { fake, formId, questions, rt, snapshot } = await setup();
    fake.addResponse(formId, apiResponse(questions, 'ACYDBNi', '2024-08-20T02:58:00Z'));
    const res = await notification(await serveCloudEvent(formSyncEvent(rt)), { formId, eventType: 'RESPONSES', watchId: 'w1' }, '2024-08-20T02:59:00Z');
    expect(res.status).toBe(204);
    expect((await snapshot()).nominations.map((n) => n.responseId)).toEqual(['ACYDBNi']);
  });

  test('throws on a transient fault so the platform redelivers', async () => {
    const { fake, formId, rt } = await setup();
    fake.fail('responses.list', { drop: true }, 6);
    const res = await notification(await serveCloudEvent(formSyncEvent(rt)), { formId, eventType: 'RESPONSES' }, '2024-08-20T02:59:00Z');
    expect(res.status).toBe(500);
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'WARNING', function: 'formSyncEvent', error: 'FormsError' });
  });

  test.each([
    ['older than the cut-off', (formId: string) => [{ formId, eventType: 'RESPONSES' }, '2024-08-20T01:00:00Z'] as const, 'NOTICE'],
    ['about another form', () => [{ formId: 'someone-elses-form', eventType: 'RESPONSES' }, '2024-08-20T02:59:00Z'] as const, 'INFO'],
    ['about a schema change', (formId: string) => [{ formId, eventType: 'SCHEMA' }, '2024-08-20T02:59:00Z'] as const, 'INFO'],
    ['unreadable (no attributes)', () => [{}, '2024-08-20T02:59:00Z'] as const, 'WARNING'],
  ])('acknowledges a notification %s with a log line, without listing responses', async (_, make, severity) => {
    const { fake, formId, rt } = await setup();
    const [attributes, at] = make(formId);
    const res = await notification(await serveCloudEvent(formSyncEvent(rt)), attributes as Record<string, string>, at);
    expect(res.status).toBe(204);
    expect(fake.counts['responses.list']).toBe(0);
    expect(rt.lines.at(-1)).toMatchObject({ severity, function: 'formSyncEvent' });
  });
});
