/**
 * A campaign defined by the "Kế hoạch" tab of a Google Sheet: `thidua campaign new --spreadsheet`, then every command
 * run with no JSON template of its id, through the real Sheets client against the strict fake.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { PLAN_TAB_TITLE } from '../../shared/domain/plan-tab/plan-tab-findings.js';
import { templatesDir } from '../../shared/templates/paths.js';
import type { FakeSheets } from '../fakes/sheets-fake.js';
import { newFake, serveFakeSheets, server, SERVICE_ACCOUNT } from '../store/google-sheets-contract-harness.js';
import { campaigns, tempDir } from '../support/builders.js';
import { thiduaAt } from '../support/cli.js';

serveFakeSheets();

const ID = 'van-ninh-dan-van-kheo';
const NOW = '2024-09-20T02:00:00Z';
const withJson = thiduaAt(NOW);
const tabOnly = thiduaAt(NOW, () => new Map([...campaigns].filter(([id]) => id !== ID)));
const samples = join(templatesDir(), 'samples', ID);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

describe('a campaign defined by the Kế hoạch tab of a Google Sheet', () => {
  let fake: FakeSheets;

  beforeEach(() => {
    fake = newFake();
    const dir = tempDir();
    const key = join(dir, 'sa.json');
    writeFileSync(key, JSON.stringify({ type: 'service_account', project_id: 'p', private_key_id: 'k1', private_key: privateKey, client_email: SERVICE_ACCOUNT, client_id: '1', token_uri: 'https://oauth2.googleapis.com/token' }));
    server.use(http.post('https://oauth2.googleapis.com/token', () => HttpResponse.json({ access_token: 'ya29.test', expires_in: 3600, token_type: 'Bearer' })));
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', key);
    return () => vi.unstubAllEnvs();
  });

  test('campaign new fills the tab with its dropdowns, and the sheet scores the sample season as the JSON template does', async () => {
    // GIVEN one sheet made from the JSON template and one whose campaign lives in its Kế hoạch tab
    const [json, tab] = [fake.createSpreadsheet({ title: 'Mẫu JSON' }), fake.createSpreadsheet({ title: 'Kế hoạch' })];
    expect((await withJson('init', ID, '--spreadsheet', json)).code).toBe(0);
    const created = await withJson('campaign', 'new', ID, '--from', ID, '--spreadsheet', tab);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const plan = fake.sheet(tab, PLAN_TAB_TITLE);
    const dropdowns = plan.dataValidations.map((v) => v.range.startColumnIndex);
    expect(dropdowns).toEqual(expect.arrayContaining([0, 2, 4]));
    expect(fake.values(tab, `'${PLAN_TAB_TITLE}'!A1:F2`)).toEqual([
      ['Phần', 'Mã', 'Mục', 'Giá trị', 'Lựa chọn', 'Nguồn trong kế hoạch'],
      ['Thông tin chung', null, 'Mã phong trào', ID],
    ]);
    // WHEN the season runs on both, the tab's sheet with no Vạn Ninh template in the registry
    const season = async (thidua: typeof withJson, id: string) => {
      const out: string[] = [];
      for (const argv of [['import', 'award-history', join(samples, 'award-history.csv')], ['import', 'model-registrations', join(samples, 'model-registrations.csv')], ['intake', join(samples, 'nominations.json')], ['score']]) {
        const r = await thidua(...argv, '--spreadsheet', id);
        out.push(`${r.code} ${r.stdout.replaceAll(id, '<id>')}${r.stderr.replaceAll(id, '<id>')}`);
      }
      return out;
    };
    const [fromJson, fromTab] = [await season(withJson, json), await season(tabOnly, tab)];
    // THEN they say the same, and the ranking tab holds the same rows
    expect(fromTab).toEqual(fromJson);
    expect(fromTab.at(-1)).toContain('Đề nghị khen thưởng');
    expect(fake.values(tab, `'Kết quả xét chọn'!A1:L200`)).toEqual(fake.values(json, `'Kết quả xét chọn'!A1:L200`));
  }, 120_000);
});
