import { describe, expect, test } from 'vitest';
import { watchRenewal } from '../../functions/watch-renewal.js';
import { planWatches } from '../../shared/forms/watch-plan.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { bearer, certsHandler, env, newWorkbook, postJson, server, serveHttp, testRuntime, TOPIC, useMsw } from './harness.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const watch = (id: string, expireTime: string, extra: Record<string, unknown> = {}) => ({ id, eventType: 'RESPONSES', target: { topic: { topicName: TOPIC } }, state: 'ACTIVE', createTime: days(-6), expireTime, ...extra });

describe('planning the watches (pure)', () => {
  test.each([
    ['a healthy watch with 5 days left', [watch('w', days(5))], { keep: ['w'], renew: [], remove: [], create: false }],
    ['a watch with 1 day left', [watch('w', days(1))], { keep: [], renew: ['w'], remove: [], create: false }],
    ['a suspended watch', [watch('w', days(6), { state: 'SUSPENDED', errorType: 'PROJECT_NOT_AUTHORIZED' })], { keep: [], renew: ['w'], remove: [], create: false }],
    ['an expired watch', [watch('w', days(-1))], { keep: [], renew: [], remove: ['w'], create: true }],
    ['no watch at all', [], { keep: [], renew: [], remove: [], create: true }],
    ['only watches of another topic or event type', [watch('a', days(5), { target: { topic: { topicName: 'projects/x/topics/y' } } }), watch('b', days(5), { eventType: 'SCHEMA' })], { keep: [], renew: [], remove: [], create: true }],
  ])('%s', (_, watches, plan) => {
    expect(planWatches(watches, TOPIC, NOW)).toEqual(plan);
  });
});

describe('the watch renewal function', () => {
  async function setup() {
    const fake = new FakeForms({ now: () => NOW });
    server.use(certsHandler(), ...fake.handlers);
    const formId = fake.addForm({ title: 'Hồ sơ đề nghị khen thưởng' });
    const rt = testRuntime(env(await newWorkbook(), { THIDUA_FORM_ID: formId }), () => NOW);
    return { fake, formId, url: await serveHttp(watchRenewal(rt)) };
  }

  test('renews a watch about to expire for seven more days', async () => {
    const { fake, formId, url } = await setup();
    fake.addWatch(formId, watch('w1', days(1)));
    const res = await postJson(url, {}, bearer());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ renewed: ['w1'], created: null, expires: [days(7)] });
    expect(fake.counts).toMatchObject({ 'watches.list': 1, 'watches.renew': 1, 'watches.create': 0 });
  });

  test('re-creates an expired watch: deletes it, creates a new one on the topic', async () => {
    const { fake, formId, url } = await setup();
    fake.addWatch(formId, watch('old', days(-2)));
    const res = await (await postJson(url, {}, bearer())).json();
    expect(res).toMatchObject({ removed: ['old'], created: expect.any(String) });
    expect(fake.watches(formId)).toEqual([expect.objectContaining({ eventType: 'RESPONSES', target: { topic: { topicName: TOPIC } }, expireTime: days(7), state: 'ACTIVE' })]);
  });

  test('leaves a healthy watch alone', async () => {
    const { fake, formId, url } = await setup();
    fake.addWatch(formId, watch('w1', days(6)));
    expect(await (await postJson(url, {}, bearer())).json()).toMatchObject({ kept: ['w1'], renewed: [], created: null });
    expect(fake.counts['watches.renew'] + fake.counts['watches.create']).toBe(0);
  });

  test('a suspended watch Google will not renew (its cause remains) is deleted and created again', async () => {
    const { fake, formId, url } = await setup();
    fake.addWatch(formId, watch('w1', days(5), { state: 'SUSPENDED', errorType: 'PROJECT_NOT_AUTHORIZED' }));
    const res = await postJson(url, {}, bearer());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ renewed: [], replaced: ['w1'], created: expect.any(String), expires: [days(7)] });
    expect(fake.calls.map((c) => c.method)).toEqual(['watches.list', 'watches.renew', 'watches.delete', 'watches.create']);
    expect(fake.watches(formId)).toEqual([expect.objectContaining({ state: 'ACTIVE', expireTime: days(7) })]);
  });

  test('a suspended watch whose cause is gone is renewed, not replaced', async () => {
    const { fake, formId, url } = await setup();
    fake.addWatch(formId, watch('w1', days(5), { state: 'SUSPENDED', errorType: 'PROJECT_NOT_AUTHORIZED' }), { causeRemains: false });
    expect(await (await postJson(url, {}, bearer())).json()).toMatchObject({ renewed: ['w1'], replaced: [], created: null });
    expect(fake.watches(formId)).toEqual([expect.objectContaining({ id: 'w1', state: 'ACTIVE' })]);
  });

  test('answers 503 when the renewal keeps failing, so Scheduler tries again', async () => {
    const { fake, formId, url } = await setup();
    fake.addWatch(formId, watch('w1', days(1)));
    fake.fail('watches.renew', { status: 500 }, 6);
    expect((await postJson(url, {}, bearer())).status).toBe(503);
  });
});
