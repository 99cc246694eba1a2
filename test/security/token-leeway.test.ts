/**
 * The clock allowance for Google identity tokens is ours (30 s, TOKEN_CLOCK_LEEWAY_SECONDS), not the five minutes
 * google-auth-library would inherit: a token expired just beyond it is refused, one just within it still verifies.
 * The verifier's clock is set relative to the token's own times, so nothing depends on when the test runs.
 */
import { describe, expect, test } from 'vitest';
import { BadTokenError, GoogleIdTokenVerifier, TOKEN_CLOCK_LEEWAY_SECONDS } from '../../shared/auth/id-token-verifier.js';
import { AUDIENCE, bearer, certsHandler, CERTS_URL, env, idToken, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { intake } from '../../functions/intake.js';
import { rawIndividual } from '../support/builders.js';

useMsw();

const timesOf = (token: string): { iat: number; exp: number } => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };

/** Verifies `token` with our clock at `at` seconds (Unix time). */
function verifyAt(token: string, at: number) {
  server.use(certsHandler());
  return new GoogleIdTokenVerifier({ certsUrl: CERTS_URL, now: () => at * 1000 }).verify(token, [AUDIENCE]);
}

describe('the clock allowance of identity tokens', () => {
  test('is 30 seconds, stated', () => {
    expect(TOKEN_CLOCK_LEEWAY_SECONDS).toBe(30);
  });

  test.each([
    ['expired 29 s ago', 'accepted', (t: { exp: number }) => t.exp + 29],
    ['expired 31 s ago', 'refused', (t: { exp: number }) => t.exp + 31],
    ['expired 4 min 59 s ago (the library alone would take it)', 'refused', (t: { exp: number }) => t.exp + 299],
    ['issued 29 s ahead of our clock', 'accepted', (t: { iat: number }) => t.iat - 29],
    ['issued 45 s ahead of our clock (the library alone would take it)', 'refused', (t: { iat: number }) => t.iat - 45],
  ] as const)('a token %s is %s', async (_, expected, clock) => {
    const token = idToken({ expiresIn: 600 });
    const verified = verifyAt(token, clock(timesOf(token)));
    if (expected === 'accepted') await expect(verified).resolves.toMatchObject({ audience: AUDIENCE });
    else await expect(verified).rejects.toBeInstanceOf(BadTokenError);
  });

  test('at the door: a token expired 45 s ago gets 401', async () => {
    server.use(certsHandler());
    const url = await serveHttp(intake(testRuntime(env(await newWorkbook()))));
    const res = await postJson(url, rawIndividual(), bearer(idToken({ expiresIn: -45 })));
    expect(res.status).toBe(401);
  });
});
