/**
 * `thidua … --impersonate <service account>` end to end, without any key file: your own gcloud login (an
 * `authorized_user` ADC file, Cloud scope only) is refreshed at Google's token endpoint, then the IAM Credentials API
 * mints the service account's token (`generateAccessToken`) with the Sheets scope; the Sheets fake sees the service
 * account calling. Both Google endpoints are answered by msw.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { layoutsFor } from '../../shared/store/layouts.js';
import { tempDir, vanNinh } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';
import { newFake, server, serveFakeSheets } from './google-sheets-contract-harness.js';

serveFakeSheets();

const thidua = thiduaAt('2024-08-20T02:00:00Z');
const FUNCTIONS = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';

describe('thidua --impersonate', () => {
  let minted: Array<{ scope: string[] }>;

  beforeEach(() => {
    const dir = tempDir();
    const adc = join(dir, 'application_default_credentials.json');
    writeFileSync(adc, JSON.stringify({ type: 'authorized_user', client_id: 'gcloud-client', client_secret: 's', refresh_token: 'r' }));
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', adc);
    vi.stubEnv('GOOGLE_CLOUD_PROJECT', 'van-ninh-thi-dua'); // as gcloud config gives it; else the library asks the metadata server
    minted = [];
    server.use(
      http.post('https://oauth2.googleapis.com/token', () => HttpResponse.json({ access_token: 'user-token', expires_in: 3600, token_type: 'Bearer' })),
      http.post(`https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${FUNCTIONS}:generateAccessToken`, async ({ request }) => {
        if (request.headers.get('authorization') !== 'Bearer user-token') return HttpResponse.json({ error: { code: 401, message: 'no' } }, { status: 401 });
        minted.push((await request.json()) as { scope: string[] });
        return HttpResponse.json({ accessToken: 'sa-token', expireTime: '2099-01-01T00:00:00Z' });
      }),
    );
    return () => vi.unstubAllEnvs();
  });

  test('init acts as the service account, with no key file, and names it an editor of the protected columns', async () => {
    const fake = newFake();
    fake.identify('sa-token', FUNCTIONS);
    fake.identify('user-token', 'thu-ky@vanninh.gov.vn');
    const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    fake.setOwner(id, 'thu-ky@vanninh.gov.vn');
    const init = await thidua('init', 'van-ninh-dan-van-kheo', '--spreadsheet', id, '--impersonate', FUNCTIONS);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain(`Xác thực: mượn quyền tài khoản dịch vụ (${FUNCTIONS}) theo --impersonate.`);
    expect(minted[0]?.scope).toEqual(['https://www.googleapis.com/auth/spreadsheets']);
    const nominations = layoutsFor(vanNinh()).get('nominations')!.title;
    const locked = fake.sheet(id, nominations).protectedRanges.filter((p) => !p.warningOnly);
    expect(locked.every((p) => p.editors?.users?.includes(FUNCTIONS))).toBe(true);
    expect(fake.calls.length).toBeGreaterThan(0);
  });
});
