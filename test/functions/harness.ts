/**
 * Drives the functions through the Functions Framework's own server (`getTestServer`), listening on 127.0.0.1:0 and
 * called with Node's fetch. Google is answered by msw: the Sheets and Forms fakes, and Google's identity-token
 * certificates — a locally generated RSA key, so tokens are signed here and verified by google-auth-library for real.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cloudEvent, http as ffHttp, type CloudEventFunction, type HttpFunction } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { OAuth2Client } from 'google-auth-library';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Logger, Severity } from '../../functions/runtime/log.js';
import { createRuntime, type Runtime } from '../../functions/runtime/runtime.js';
import type { Campaign } from '../../shared/domain/campaign.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { tempDir, vanNinh } from '../support/builders.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';

export const CERTS_URL = 'https://www.googleapis.com/oauth2/v1/certs';
export const AUDIENCE = 'https://intake-abc123-as.a.run.app';
export const SCHEDULER = 'scheduler@van-ninh-thi-dua.iam.gserviceaccount.com';
export const COUNCIL = 'chu-tich-hoi-dong@vanninh.khanhhoa.gov.vn';
export const HMAC_SECRET = 'a-shared-secret-of-at-least-32-characters!';
export const FORM_ID = '1FAKE00000001formId';
export const TOPIC = 'projects/van-ninh-thi-dua/topics/thidua-forms';

export const server = setupServer(http.all(/^http:\/\/127\.0\.0\.1[:/]/, () => passthrough()));

/** msw for the file: Google's certificates answered; our own test servers on 127.0.0.1 pass through; anything else fails. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'test-key-1';

/** Serves our public key where google-auth-library fetches Google's certificates. */
export const certsHandler = () =>
  http.get(CERTS_URL, () => HttpResponse.json({ [KID]: keys.publicKey.export({ type: 'spki', format: 'pem' }) }, { headers: { 'cache-control': 'public, max-age=3600' } }));

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A Google-style identity token (RS256), signed with the test key unless `signWith` says otherwise. */
export function idToken(claims: { email?: string; aud?: string; iss?: string; expiresIn?: number; email_verified?: boolean } = {}, signWith = keys.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: KID });
  const payload = b64({
    iss: claims.iss ?? 'https://accounts.google.com',
    aud: claims.aud ?? AUDIENCE,
    sub: '1234567890',
    email: claims.email ?? SCHEDULER,
    email_verified: claims.email_verified ?? true,
    iat: now,
    exp: now + (claims.expiresIn ?? 3600),
  });
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(signWith).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Another key, for tokens Google never signed. */
export const foreignKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

export const bearer = (token = idToken()) => ({ authorization: `Bearer ${token}` });

/** A token for the Google clients (Sheets, Forms): nothing calls Google's token endpoint. */
export function tokenAuth(): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  return auth;
}

/** Log lines captured as objects. */
export function captureLog(): { log: Logger; lines: Array<{ severity: Severity; message: string } & Record<string, unknown>> } {
  const lines: Array<{ severity: Severity; message: string } & Record<string, unknown>> = [];
  return {
    lines,
    log: (severity, message, fields = {}) => {
      lines.push({ severity, message, ...fields });
    },
  };
}

/** A fresh workbook for the campaign in a temporary folder. */
export async function newWorkbook(campaign: Campaign = vanNinh()): Promise<string> {
  const dir = tempDir('thidua-fn-');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${campaign.id}.xlsx`);
  await initCampaign(SqliteStore.forWorkbook(path), campaign);
  return path;
}

/** The environment of a deployed function on a local workbook, with every auth method configured. */
export function env(workbook: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    THIDUA_STORE: 'file',
    THIDUA_WORKBOOK: workbook,
    THIDUA_OIDC_AUDIENCES: AUDIENCE,
    THIDUA_ALLOWED_CALLERS: SCHEDULER,
    THIDUA_COUNCIL_EMAILS: COUNCIL,
    THIDUA_HMAC_SECRET: HMAC_SECRET,
    THIDUA_FORM_ID: FORM_ID,
    THIDUA_PUBSUB_TOPIC: TOPIC,
    ...extra,
  };
}

/** A runtime on that environment with a fixed clock, captured logs and test credentials. */
export function testRuntime(environment: Record<string, string>, now = () => new Date('2024-08-20T03:00:00Z')): Runtime & { lines: ReturnType<typeof captureLog>['lines'] } {
  const { log, lines } = captureLog();
  const rt = createRuntime({ env: environment, now, log, certsUrl: CERTS_URL, googleAuth: tokenAuth(), forms: { sleep: async () => {}, random: () => 0.5 } });
  return Object.assign(rt, { lines });
}

let registered = 0;
const open: Array<{ close: () => void }> = [];
afterAll(() => open.forEach((s) => s.close()));

/** Registers a door under a fresh name and serves it with the framework's test server: returns its base URL. */
export async function serveHttp(door: HttpFunction): Promise<string> {
  const name = `test-http-${++registered}`;
  ffHttp(name, door);
  return listen(name);
}

export async function serveCloudEvent(door: CloudEventFunction<unknown>): Promise<string> {
  const name = `test-event-${++registered}`;
  cloudEvent(name, door);
  return listen(name);
}

async function listen(name: string): Promise<string> {
  const srv = getTestServer(name);
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  open.push(srv);
  return `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
}

/** POSTs JSON with the given headers. */
export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A JSON answer, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();
