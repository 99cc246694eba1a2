import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { GcsDatasetStore } from '../../shared/google/storage/gcs-datasets.js';
import { importDataset } from '../../shared/jobs/import-dataset.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { FakeStorage } from '../fakes/gcs-fake.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { quiz } from '../support/campaign-builders.js';
import { rawIndividual, vanNinh } from '../support/builders.js';
import { AUDIENCE, bearer, captureLog, certsHandler, CERTS_URL, postJson, SCHEDULER, server, tokenAuth, useMsw } from './harness.js';

/**
 * The functions as deployed: the one-file bundles of dist/fn/ (scripts/bundle-functions.mjs), loaded through the
 * package's main as the platform loads them (FUNCTION_TARGET), served by the real Functions Framework server.
 */
useMsw();

const ROOT = resolve(import.meta.dirname, '../..');
const BUCKET = 'thidua-datasets';
/** Bundled apart from dist/fn/ (a benchmark may be loading those), the same way. */
const OUT = 'out/test-bundles';
interface Bundle {
  configure(options: unknown): void;
  tokenAuth(token: string): Promise<unknown>;
}
const open: Array<{ close: () => void }> = [];
afterAll(() => open.forEach((s) => s.close()));

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle-functions.mjs'), '--no-warm', `--out=${OUT}`], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

async function serve(name: string): Promise<string> {
  const srv = getTestServer(name);
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  open.push(srv);
  return `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
}

const environment = (spreadsheetId: string, extra: Record<string, string> = {}) => ({ THIDUA_STORE: 'google', THIDUA_SPREADSHEET_ID: spreadsheetId, THIDUA_OIDC_AUDIENCES: AUDIENCE, THIDUA_ALLOWED_CALLERS: SCHEDULER, ...extra });

describe('the bundled functions behind the real Functions Framework', () => {
  test('main loads only the bundle FUNCTION_TARGET names, and its intake stores a nomination on the Google Sheet once', async () => {
    const sheets = new FakeSheets({ seed: 7 });
    server.use(certsHandler(), ...sheets.handlers);
    const spreadsheetId = sheets.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    await initCampaign(new GoogleSheetsStore({ spreadsheetId, auth: tokenAuth() }), vanNinh());
    process.env.FUNCTION_TARGET = 'intake';
    const main = (await import(pathToFileURL(join(ROOT, OUT, 'index.js')).href)) as { loaded: Bundle };
    delete process.env.FUNCTION_TARGET;
    main.loaded.configure({ env: environment(spreadsheetId), certsUrl: CERTS_URL, googleAuth: await main.loaded.tokenAuth('test-token'), log: captureLog().log, now: () => new Date('2024-08-20T03:00:00Z') });
    const url = await serve('intake');
    const nomination = rawIndividual({ responseId: 'bundle-001' });
    expect((await postJson(url, nomination, bearer())).status).toBe(201);
    expect((await postJson(url, nomination, bearer())).status).toBe(200);
    expect(sheets.values(spreadsheetId, "'Hồ sơ đề nghị'!A2:A")).toEqual([['bundle-001']]);
    expect(() => main.loaded.configure({})).toThrow(/before the first request/);
  });

  test('the bundled recompute decides against the quiz log streamed from Cloud Storage, with no dataset in the sheet', async () => {
    const sheets = new FakeSheets({ seed: 7 });
    const gcs = new FakeStorage();
    gcs.createBucket(BUCKET);
    server.use(certsHandler(), ...sheets.handlers, ...gcs.handlers);
    const spreadsheetId = sheets.createSpreadsheet({ title: 'Bắc Sơn' });
    const datasets = new GcsDatasetStore({ bucket: BUCKET, prefix: `datasets/${spreadsheetId}/`, auth: tokenAuth() });
    const repo = await initCampaign(new GoogleSheetsStore({ spreadsheetId, auth: tokenAuth() }), quiz(), datasets);
    await importDataset(repo, { id: 'quiz-log', rows: [1, 2, 3, 4, 5, 6].map((week) => ({ account: 'A1', ownerName: 'Hà Văn A', district: 'Bắc Sơn', week, result: 'Được công nhận' })) });
    const nominee = (id: string, account: string) => ({ payload: { responseId: id, submittedAt: '2024-05-06T09:00:00+07:00', campaign: quiz().id, award: quiz().awards[0]!.id, kind: 'individual', name: `Người ${id}`, unit: 'UBND xã Bắc Sơn', birthDate: '1980-01-01', quizAccount: account, selfScores: {}, evidence: {} }, source: 'test' });
    await intake(repo, [nominee('q-1', 'A1'), nominee('q-2', 'KHONG-CO')], new Date('2024-05-07T00:00:00Z'));
    const recompute = (await import(pathToFileURL(join(ROOT, OUT, 'recompute.js')).href)) as Bundle;
    recompute.configure({ env: environment(spreadsheetId, { THIDUA_DATASET_BUCKET: BUCKET }), certsUrl: CERTS_URL, googleAuth: await recompute.tokenAuth('test-token'), log: captureLog().log, now: () => new Date('2024-05-08T03:00:00Z') });
    const res = await postJson(await serve('recompute'), {}, bearer());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ nominations: 2, problems: [] });
    expect(gcs.counts['objects.media']).toBeGreaterThan(0);
    const titles = sheets.spreadsheet(spreadsheetId).sheets.map((s) => s.properties.title);
    expect(titles).not.toContain(layoutsFor(quiz()).get('quizLog')!.title);
    // the unknown account's finding is in the sheet: the log was read, not reported "not checked"
    const findings = sheets.values(spreadsheetId, "'Hồ sơ đề nghị'!A2:AI3").map((row) => row.join(' '));
    expect(findings.find((r) => r.includes('q-2'))).toMatch(/KHONG-CO/);
  });
});
