/**
 * `npm start`: every function on one port, each at its own path, on the embedded workbook, for trying things on one's
 * own machine. Listens on 127.0.0.1 only. Auth is relaxed only if THIDUA_AUTH=off-local-only says so, and then only
 * for connections that really are loopback ones (see Authenticator); never deploy this file's way of serving.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { parseConfig } from '../shared/config.js';
import { initCampaign } from '../shared/jobs/init-campaign.js';
import { embeddedStore } from '../shared/store/embedded-store.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import './index.js';

const HOST = '127.0.0.1';
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.error.message}\n`);
  process.exit(1);
}
const { store } = parsed.config;
if (store.kind === 'file' && !existsSync(store.workbook)) {
  const campaign = loadCampaigns().get(process.env.THIDUA_CAMPAIGN ?? '');
  if (!campaign) {
    process.stderr.write(`Chưa có sổ ${store.workbook}: đặt THIDUA_CAMPAIGN=<mã phong trào> để tạo, hoặc chạy "npx thidua init <mã> --store ${store.workbook}".\n`);
    process.exit(1);
  }
  await mkdir(dirname(store.workbook), { recursive: true });
  await initCampaign(embeddedStore(store.workbook), campaign);
}
const port = Number(process.env.PORT ?? 8080);
const server = getTestServer('app');
server.listen(port, HOST, () => {
  const address = server.address();
  const url = `http://${HOST}:${typeof address === 'object' && address ? address.port : port}`;
  const where = store.kind === 'file' ? store.workbook : `Google Sheet ${store.spreadsheetId}`;
  process.stdout.write(
    `thi-dua: các hàm đang chạy tại ${url} (/intake, /formSync, /recompute, /deadlineReport, /exportList, /watchRenewal) trên ${where}` +
      (parsed.config.auth.mode === 'off-local-only' ? '\nCẢNH BÁO: THIDUA_AUTH=off-local-only — không kiểm tra người gọi; chỉ nhận kết nối từ chính máy này.\n' : '\n'),
  );
});
