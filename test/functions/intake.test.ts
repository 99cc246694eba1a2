import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { signBody } from '../../shared/auth/hmac-signature.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { campaigns, rawIndividual } from '../support/builders.js';
import { bearer, certsHandler, env, foreignKey, HMAC_SECRET, idToken, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw, COUNCIL, json } from './harness.js';
import { snapshotOf } from '../support/campaign.js';

useMsw();

async function setup(extra: Record<string, string> = {}) {
  server.use(certsHandler());
  const workbook = await newWorkbook();
  const rt = testRuntime(env(workbook, extra));
  const url = `${await serveHttp(intake(rt))}/`;
  const stored = async () => snapshotOf(await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns));
  const rejections = async () => {
    const store = await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns);
    return (await SqliteStore.forWorkbook(workbook).readTabs([store.tab('rejections')])).get('rejections') ?? [];
  };
  return { rt, url, stored, rejections };
}

describe('the intake function', () => {
  test('takes in a valid nomination from Cloud Scheduler-style identity token: 201 with its findings, stored once', async () => {
    const { url, stored, rt } = await setup();
    const nomination = rawIndividual({ responseId: 'form-001' });
    const res = await postJson(url, nomination, bearer());
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ outcome: 'accepted', responseId: 'form-001', status: 'eligible', statusLabel: 'Đủ điều kiện' });
    expect(Array.isArray(body.findings)).toBe(true);
    expect((await stored()).nominations.map((n) => n.responseId)).toEqual(['form-001']);
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'INFO', function: 'intake', responseId: 'form-001', campaign: 'van-ninh-dan-van-kheo', outcome: 'accepted' });
  });

  test('answers a repeated delivery 200 "already stored" and stores nothing twice', async () => {
    const { url, stored } = await setup();
    const nomination = rawIndividual({ responseId: 'form-002' });
    expect((await postJson(url, nomination, bearer())).status).toBe(201);
    const again = await postJson(url, nomination, bearer());
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate', responseId: 'form-002', message: expect.stringContaining('already stored') });
    expect((await stored()).nominations).toHaveLength(1);
  });

  test('rejects an invalid nomination with 400 and findings naming each bad field, and records it in the rejections tab', async () => {
    const { url, stored, rejections } = await setup();
    const bad = rawIndividual({ responseId: 'form-003', birthDate: '31/02/1980', selfScores: { 1: 'mười lăm' }, name: '' });
    const res = await postJson(url, bad, bearer());
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.outcome).toBe('rejected');
    expect(body.findings.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['birthDate', 'name']));
    expect(body.findings.every((f: { message: string }) => f.message.length > 0)).toBe(true);
    expect((await stored()).nominations).toHaveLength(0);
    expect((await rejections()).map((r) => r.responseId)).toEqual(['form-003']);
  });

  test.each([
    ['plain text that is not JSON', 'xin chào', 'text/plain'],
    ['a JSON array', '[1, 2]', 'application/json'],
  ])('answers %s with 400 PAYLOAD_NOT_OBJECT, never 500', async (_, body, type) => {
    const { url } = await setup();
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': type, ...bearer() } });
    expect(res.status).toBe(400);
    expect((await json(res)).findings[0].code).toBe('PAYLOAD_NOT_OBJECT');
  });

  test('takes a request signed with the shared secret (X-Thidua-Signature)', async () => {
    const { url, rt } = await setup();
    const body = JSON.stringify(rawIndividual({ responseId: 'form-004' }));
    const res = await postJson(url, body, { 'x-thidua-signature': signBody(HMAC_SECRET, body, rt.now()) });
    expect(res.status).toBe(201);
  });

  test.each([
    ['no credential at all', 401, 'missing-credential', () => ({})],
    ['a token signed by another key', 401, 'bad-token', () => bearer(idToken({}, foreignKey()))],
    ['a token for another audience', 401, 'bad-token', () => bearer(idToken({ aud: 'https://someone-else.example' }))],
    ['an expired token', 401, 'bad-token', () => bearer(idToken({ expiresIn: -3600 }))],
    ['a token without a verified email', 401, 'bad-token', () => bearer(idToken({ email_verified: false }))],
    ['a good token of a caller not allowed', 403, 'caller-not-allowed', () => bearer(idToken({ email: 'stranger@gmail.com' }))],
    ['a signature made with another secret', 401, 'bad-signature', () => ({ 'x-thidua-signature': signBody('another-secret-that-is-long-enough-000', '{}', new Date('2024-08-20T03:00:00Z')) })],
    ['a signature older than five minutes', 401, 'stale-signature', () => ({ 'x-thidua-signature': signBody(HMAC_SECRET, '{}', new Date('2024-08-20T02:50:00Z')) })],
  ])('turns away %s with %i and nothing else', async (_, status, reason, headers) => {
    const { url, stored, rt } = await setup();
    const res = await postJson(url, '{}', headers());
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: status === 401 ? 'Chưa xác thực.' : 'Không có quyền.' });
    expect((await stored()).nominations).toHaveLength(0);
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'WARNING', reason, status });
    expect(JSON.stringify(rt.lines)).not.toContain('eyJ');
  });

  test('the council list is not a caller list: a council member cannot post nominations unless allowed', async () => {
    const { url } = await setup();
    expect((await postJson(url, rawIndividual(), bearer(idToken({ email: COUNCIL })))).status).toBe(403);
  });

  test('answers 405 to anything but POST', async () => {
    const { url } = await setup();
    expect((await fetch(url, { headers: bearer() })).status).toBe(405);
  });

  test('with THIDUA_AUTH=off-local-only takes a loopback request without credentials', async () => {
    const { url } = await setup({ THIDUA_AUTH: 'off-local-only' });
    expect((await postJson(url, rawIndividual())).status).toBe(201);
  });

  test('a broken configuration answers 500 without detail to the caller and names every bad variable in the log', async () => {
    server.use(certsHandler());
    const rt = testRuntime({ THIDUA_STORE: 'google', THIDUA_HMAC_SECRET: 'short', THIDUA_PUBSUB_TOPIC: 'not-a-topic' });
    const url = await serveHttp(intake(rt));
    const res = await postJson(url, rawIndividual(), bearer());
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('THIDUA');
    const detail = String(rt.lines.at(-1)?.detail);
    for (const name of ['THIDUA_HMAC_SECRET', 'THIDUA_PUBSUB_TOPIC']) expect(detail).toContain(name);
  });
});
