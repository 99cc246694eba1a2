/**
 * `thidua … --spreadsheet <id>` end to end: the key file named by GOOGLE_APPLICATION_CREDENTIALS signs a token request
 * (answered by msw in place of Google's token endpoint), and the commands work on the Sheets fake.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { layoutsFor } from '../../shared/store/layouts.js';
import type { FakeSheets } from '../fakes/sheets-fake.js';
import { rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { newFake, serveFakeSheets, server, SERVICE_ACCOUNT } from './google-sheets-contract-harness.js';
import { thiduaAt } from '../support/cli.js';

serveFakeSheets();

const thidua = thiduaAt('2024-08-20T02:00:00Z');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

/** A service-account key file as downloaded from the Cloud console (with a key made for the test run). */
function keyFile(dir: string): string {
  const path = join(dir, 'thidua-sa.json');
  const key = { type: 'service_account', project_id: 'van-ninh-thi-dua', private_key_id: 'k1', private_key: privateKey, client_email: SERVICE_ACCOUNT, client_id: '1', token_uri: 'https://oauth2.googleapis.com/token' };
  writeFileSync(path, JSON.stringify(key));
  return path;
}

describe('thidua --spreadsheet', () => {
  let fake: FakeSheets;
  let dir: string;
  let tokens: number;

  beforeEach(() => {
    fake = newFake();
    dir = tempDir();
    tokens = 0;
    server.use(
      http.post('https://oauth2.googleapis.com/token', () => {
        tokens += 1;
        return HttpResponse.json({ access_token: 'ya29.test', expires_in: 3600, token_type: 'Bearer' });
      }),
    );
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', keyFile(dir));
    return () => vi.unstubAllEnvs();
  });

  test("provisions the sheet, keeping the key file's service account an editor of computed columns, then takes in and scores", async () => {
    const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    const init = await thidua('init', 'van-ninh-dan-van-kheo', '--spreadsheet', `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toContain(`https://docs.google.com/spreadsheets/d/${id}`);
    const nominations = layoutsFor(vanNinh()).get('nominations')!.title;
    const locked = fake.sheet(id, nominations).protectedRanges.filter((p) => !p.warningOnly);
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((p) => p.editors?.users?.includes(SERVICE_ACCOUNT))).toBe(true);
    expect(tokens).toBe(1);

    const file = join(dir, 'hs.json');
    writeFileSync(file, JSON.stringify([rawIndividual({ responseId: 'gs-1' }), rawIndividual({ responseId: 'gs-2' })]));
    const intake = await thidua('intake', file, '--spreadsheet', id);
    expect(intake.stdout).toContain('Tiếp nhận 2, đã có từ trước 0, bị từ chối 0 (tổng 2).');
    expect((await thidua('score', '--spreadsheet', id)).code).toBe(0);
    expect(fake.values(id, `'${nominations}'!A2:A3`)).toEqual([['gs-1'], ['gs-2']]);
  });

  test('exits 1 with the advice to share the sheet with the service account when it is not shared', async () => {
    const id = fake.createSpreadsheet({ access: 'none' });
    const result = await thidua('score', '--spreadsheet', id);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`thêm ${SERVICE_ACCOUNT} với quyền Người chỉnh sửa`);
  });

  test('says the key is refused when Google will not give a token for it', async () => {
    server.use(http.post('https://oauth2.googleapis.com/token', () => HttpResponse.json({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }, { status: 400 })));
    const result = await thidua('score', '--spreadsheet', fake.createSpreadsheet());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Google không cấp quyền truy cập (invalid_grant: Invalid JWT Signature.)');
  });

  test('names a key file that cannot be read', async () => {
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', join(dir, 'khong-co.json'));
    const result = await thidua('init', 'van-ninh-dan-van-kheo', '--spreadsheet', fake.createSpreadsheet());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('khong-co.json');
  });

  test('refuses --store and --spreadsheet together, and an id that is not one', async () => {
    expect((await thidua('score', '--store', join(dir, 'so.xlsx'), '--spreadsheet', fake.createSpreadsheet())).stderr).toContain('không dùng cả hai');
    expect((await thidua('score', '--spreadsheet', 'bảng tính của tôi')).stderr).toContain('--spreadsheet cần mã bảng tính');
  });
});
