import { describe, expect, test } from 'vitest';
import { Authenticator } from '../../shared/auth/authorize.js';
import { signBody, verifySignature } from '../../shared/auth/hmac-signature.js';
import { BadTokenError } from '../../shared/auth/id-token-verifier.js';

const SECRET = 'k'.repeat(40);
const NOW = new Date('2024-08-20T03:00:00Z');
const body = Buffer.from('{"responseId":"r1"}');

describe('request signatures (X-Thidua-Signature)', () => {
  test.each([
    ['signed just now', signBody(SECRET, body, NOW), { ok: true }],
    ['signed 4 minutes ago', signBody(SECRET, body, new Date(NOW.getTime() - 240_000)), { ok: true }],
    ['signed 6 minutes ago', signBody(SECRET, body, new Date(NOW.getTime() - 360_000)), { ok: false, reason: 'stale' }],
    ['signed 6 minutes in the future', signBody(SECRET, body, new Date(NOW.getTime() + 360_000)), { ok: false, reason: 'stale' }],
    ['signed over another body', signBody(SECRET, '{"responseId":"r2"}', NOW), { ok: false, reason: 'mismatch' }],
    ['signed with another secret', signBody('x'.repeat(40), body, NOW), { ok: false, reason: 'mismatch' }],
    ['without a time', `v1=${'0'.repeat(64)}`, { ok: false, reason: 'malformed' }],
    ['with a short digest', `t=${NOW.getTime() / 1000},v1=abc`, { ok: false, reason: 'malformed' }],
  ])('a request %s', (_, header, expected) => {
    expect(verifySignature(SECRET, header, body, NOW)).toEqual(expected);
  });

  test('accepts any of several v1 digests (a client rotating its secret)', () => {
    const good = signBody(SECRET, body, NOW);
    const t = good.split(',')[0];
    expect(verifySignature(SECRET, `${t},v1=${'f'.repeat(64)},${good.split(',')[1]}`, body, NOW)).toEqual({ ok: true });
  });
});

describe('the authenticator', () => {
  const config = { mode: 'required' as const, audiences: ['aud'], allowedCallers: ['scheduler@p.iam.gserviceaccount.com'], councilEmails: ['council@x.vn'], hmacSecret: SECRET };
  const verifyIdToken = async (token: string) => {
    if (token === 'good-scheduler') return { email: 'scheduler@p.iam.gserviceaccount.com', issuer: 'https://accounts.google.com', audience: 'aud' };
    if (token === 'good-council') return { email: 'council@x.vn', issuer: 'https://accounts.google.com', audience: 'aud' };
    throw new BadTokenError('bad');
  };
  const auth = (mode: 'required' | 'off-local-only' = 'required') => new Authenticator({ ...config, mode }, { verifyIdToken, now: () => NOW });
  const request = (headers: { authorization?: string; signature?: string }, loopback = false) => ({ ...headers, rawBody: body, loopback });

  test.each([
    ['callers', 'a scheduler token', request({ authorization: 'Bearer good-scheduler' }), { ok: true }],
    ['callers', 'a council token', request({ authorization: 'Bearer good-council' }), { ok: false, status: 403 }],
    ['council', 'a council token', request({ authorization: 'Bearer good-council' }), { ok: true }],
    ['council', 'a scheduler token', request({ authorization: 'Bearer good-scheduler' }), { ok: false, status: 403 }],
    ['callers', 'a signature', request({ signature: signBody(SECRET, body, NOW) }), { ok: true }],
    ['council', 'a signature', request({ signature: signBody(SECRET, body, NOW) }), { ok: false, status: 403 }],
    ['callers', 'a bad token', request({ authorization: 'Bearer nope' }), { ok: false, status: 401 }],
    ['callers', 'a Basic header', request({ authorization: 'Basic dXNlcjpwYXNz' }), { ok: false, status: 401 }],
    ['callers', 'nothing, even on loopback', request({}, true), { ok: false, status: 401 }],
  ] as const)('for %s, %s', async (audience, _, req, expected) => {
    expect(await auth().authorize(req, audience)).toMatchObject(expected);
  });

  test('off-local-only lets a loopback request in, and only a loopback one', async () => {
    expect(await auth('off-local-only').authorize(request({}, true), 'council')).toEqual({ ok: true, caller: { kind: 'local' } });
    expect(await auth('off-local-only').authorize(request({}, false), 'callers')).toMatchObject({ ok: false, status: 401 });
  });
});
