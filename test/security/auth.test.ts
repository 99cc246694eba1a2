/**
 * Nobody without the right gets in: every HTTP door × every bad credential, one table. Tokens are signed with keys
 * generated for the test (Google's certificate endpoint answered by msw); signatures with the configured secret.
 * A refused request changes nothing and its log line names the reason, never the credential.
 */
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { deadlineReport } from '../../functions/deadline-report.js';
import { exportList } from '../../functions/export-list.js';
import { formSync } from '../../functions/form-sync.js';
import { intake } from '../../functions/intake.js';
import { recompute } from '../../functions/recompute.js';
import { watchRenewal } from '../../functions/watch-renewal.js';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { signBody } from '../../shared/auth/hmac-signature.js';
import { rawIndividual } from '../support/builders.js';
import { AUDIENCE, bearer, certsHandler, COUNCIL, env, foreignKey, HMAC_SECRET, idToken, newWorkbook, SCHEDULER, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';

useMsw();
beforeEach(() => server.use(certsHandler()));

const NOW = new Date('2024-08-20T03:00:00Z');
const BODY = JSON.stringify(rawIndividual({ responseId: 'auth-probe' }));
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

type Credential = () => Record<string, string>;

/** Bad credentials, with the status every door must answer (401: who are you; 403: not you, not here). */
const BAD: Array<[string, Credential, 401 | 403]> = [
  ['no credential', () => ({}), 401],
  ['an empty Bearer', () => ({ authorization: 'Bearer ' }), 401],
  ['a Bearer that is not a JWT', () => ({ authorization: 'Bearer khong-phai-jwt' }), 401],
  ['a JWT cut short', () => ({ authorization: `Bearer ${idToken().split('.').slice(0, 2).join('.')}` }), 401],
  ['a Basic header', () => ({ authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }), 401],
  ['an unsigned token (alg none)', () => ({ authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://accounts.google.com', aud: AUDIENCE, email: SCHEDULER, email_verified: true, exp: Math.floor(Date.now() / 1000) + 600 })}.` }), 401],
  ['a token signed with another key', () => bearer(idToken({}, foreignKey())), 401],
  ['an expired token', () => bearer(idToken({ expiresIn: -600 })), 401],
  ['a token for another audience', () => bearer(idToken({ aud: 'https://another-service.a.run.app' })), 401],
  ['a token from another issuer', () => bearer(idToken({ iss: 'https://issuer.attacker.example' })), 401],
  ['a token without a verified email', () => bearer(idToken({ email_verified: false })), 401],
  ['a token whose payload was edited after signing', () => {
    const [h, , s] = idToken().split('.');
    return { authorization: `Bearer ${h}.${b64({ iss: 'https://accounts.google.com', aud: AUDIENCE, email: SCHEDULER, email_verified: true, exp: Math.floor(Date.now() / 1000) + 600 })}.${s}` };
  }, 401],
  ['a signature made with another secret', () => ({ 'x-thidua-signature': signBody('mot-bi-mat-khac-du-dai-ba-muoi-hai-ky-tu', BODY, NOW) }), 401],
  ['a signature over another body', () => ({ 'x-thidua-signature': signBody(HMAC_SECRET, '{"responseId":"khac"}', NOW) }), 401],
  ['a signature replayed six minutes later', () => ({ 'x-thidua-signature': signBody(HMAC_SECRET, BODY, new Date(NOW.getTime() - 6 * 60_000)) }), 401],
  ['a signature dated six minutes ahead', () => ({ 'x-thidua-signature': signBody(HMAC_SECRET, BODY, new Date(NOW.getTime() + 6 * 60_000)) }), 401],
  ['a malformed signature header', () => ({ 'x-thidua-signature': 't=abc,v1=zz' }), 401],
  ['a good token of a caller not allowed', () => bearer(idToken({ email: 'nguoi-la@gmail.com' })), 403],
];

/** The doors, how they are called, and who is let in. */
const DOORS: Array<[string, (rt: ReturnType<typeof testRuntime>) => HttpFunction, 'POST' | 'GET', 'callers' | 'council']> = [
  ['intake', intake, 'POST', 'callers'],
  ['formSync', formSync, 'POST', 'callers'],
  ['recompute', recompute, 'POST', 'callers'],
  ['deadlineReport', deadlineReport, 'POST', 'callers'],
  ['watchRenewal', watchRenewal, 'POST', 'callers'],
  ['exportList', exportList, 'GET', 'council'],
];

/** For the council's door, a good credential of a non-member is a 403 too: the scheduler, the shared secret. */
const COUNCIL_ONLY: Array<[string, Credential]> = [
  ['the scheduler\'s good token', () => bearer(idToken({ email: SCHEDULER }))],
  ['a good signature (a shared secret names no person)', () => ({ 'x-thidua-signature': signBody(HMAC_SECRET, '', NOW) })],
  ['a good token of someone not on the council list', () => bearer(idToken({ email: 'can-bo@vanninh.khanhhoa.gov.vn' }))],
];

let workbook: string;
let rt: ReturnType<typeof testRuntime>;
const urls = new Map<string, string>();

beforeAll(async () => {
  workbook = await newWorkbook();
  rt = testRuntime(env(workbook), () => NOW);
  for (const [name, door] of DOORS) urls.set(name, await serveHttp(door(rt)));
});

async function call(door: string, method: 'POST' | 'GET', headers: Record<string, string>, body = BODY): Promise<Response> {
  const url = `${urls.get(door)!}/${method === 'GET' ? '?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&year=2024' : ''}`;
  return fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, ...(method === 'POST' ? { body } : {}) });
}

const cases = DOORS.flatMap(([door, , method, audience]) => [
  ...BAD.map(([what, credential, status]) => [door, method, what, credential, audience === 'council' && status === 403 ? 403 : status] as const),
  ...(audience === 'council' ? COUNCIL_ONLY.map(([what, credential]) => [door, method, what, credential, 403] as const) : []),
]);

describe('who may call the functions', () => {
  test.each(cases)('%s (%s) turns away %s with %i, changing nothing', async (door, method, _, credential, status) => {
    const before = readFileSync(workbook);
    const res = await call(door, method, credential());
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: status === 401 ? 'Chưa xác thực.' : 'Không có quyền.' });
    if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(readFileSync(workbook).equals(before)).toBe(true);
    const line = rt.lines.at(-1)!;
    expect(line).toMatchObject({ severity: 'WARNING', function: door, status });
    const logged = JSON.stringify(line);
    for (const secret of [HMAC_SECRET, 'eyJ', 'v1=', 'Basic ']) expect(logged).not.toContain(secret);
  });

  test('the same credentials let the right callers in (the table is not refusing everything)', async () => {
    expect((await call('intake', 'POST', bearer())).status).toBe(201);
    expect((await call('intake', 'POST', { 'x-thidua-signature': signBody(HMAC_SECRET, BODY, NOW) })).status).toBe(200);
    const list = await call('exportList', 'GET', bearer(idToken({ email: COUNCIL })));
    expect([200, 422]).toContain(list.status);
  });

  test('a signature within its five minutes may be replayed, and a replay stores nothing twice', async () => {
    const body = JSON.stringify(rawIndividual({ responseId: 'replay-1' }));
    const headers = { 'x-thidua-signature': signBody(HMAC_SECRET, body, new Date(NOW.getTime() - 60_000)) };
    expect((await call('intake', 'POST', headers, body)).status).toBe(201);
    const again = await call('intake', 'POST', headers, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
  });

  test('a token signed with RS256 by our key but naming an unknown key id is refused', async () => {
    const header = b64({ alg: 'RS256', typ: 'JWT', kid: 'khong-co-khoa-nay' });
    const payload = b64({ iss: 'https://accounts.google.com', aud: AUDIENCE, email: SCHEDULER, email_verified: true, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 });
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(foreignKey()).toString('base64url');
    expect((await call('intake', 'POST', { authorization: `Bearer ${header}.${payload}.${signature}` })).status).toBe(401);
  });
});
