/** Profiles one intake cold start of the bundled function (for finding what to trim): `node dist-bench/bench/profile-cold-start.js` writes a .cpuprofile into out/profile/ (run `node scripts/bundle-functions.mjs` first). */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OAuth2Client } from 'google-auth-library';
import { signBody } from '../shared/auth/hmac-signature.js';
import { GoogleSheetsStore } from '../shared/google/sheets/sheets-store.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import { startGoogleFakeServer } from './google-fake-server.js';
import { initCampaign } from '../shared/jobs/init-campaign.js';

const here = dirname(fileURLToPath(import.meta.url));
const google = await startGoogleFakeServer();
const campaign = loadCampaigns().get('van-ninh-dan-van-kheo')!;
const spreadsheetId = google.sheets.createSpreadsheet({ spreadsheetId: '1BenchCouncilSheet000000000000000000000000', title: 'bench' });
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
await initCampaign(new GoogleSheetsStore({ spreadsheetId, auth, rootUrl: google.url }), campaign);
const SECRET = 'bench-shared-secret-of-at-least-32-characters';
const body = JSON.stringify({ responseId: 'P-1', submittedAt: '2024-08-15T09:00:00+07:00', campaign: campaign.id, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name: 'Nguyễn Văn Bình', unit: 'UBND xã Vạn Thắng', selfScores: { '1': 15, '2': 15, '3': 20, '4': 10, '5': 10, '6': 15, '7': 15 }, evidence: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e', '6': 'f', '7': 'g' } });
// the function as deployed: main (dist/fn/index.js) loading the intake's one-file bundle with the compile cache
const bundle = join(here, '..', '..', 'dist', 'fn', 'index.js');
const options = { bundle, env: { THIDUA_STORE: 'google', THIDUA_SPREADSHEET_ID: spreadsheetId, THIDUA_HMAC_SECRET: SECRET }, apiRoot: google.url, certsUrl: google.certsUrl, method: 'POST', path: '/', body, headers: { 'content-type': 'application/json', 'x-thidua-signature': signBody(SECRET, body, new Date()) } };
const proc = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', join(here, '..', '..', 'out', 'profile'), join(here, 'cold-start-child.js'), 'intake', JSON.stringify(options)], { stdio: 'inherit' });
await new Promise((resolve) => proc.on('close', resolve));
await google.close();
