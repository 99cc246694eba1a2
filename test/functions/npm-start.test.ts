import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawCollective, rawIndividual, tempDir } from '../support/builders.js';
import { ensureBuilt, ROOT, startLocalServer, startScript } from '../support/local-server.js';

describe('npm start: every function on one loopback port, on the embedded workbook', () => {
  let base: string;
  let output: () => string = () => '';
  let stop: () => Promise<void> = async () => undefined;
  const workbook = join(tempDir('thidua-start-'), 'van-ninh.xlsx');

  beforeAll(async () => {
    const { build, serve } = startScript();
    expect(build).toBe('npm run build --silent');
    expect(serve).toContain('THIDUA_AUTH=off-local-only');
    ({ base, stop, output } = await startLocalServer(workbook));
  }, 150_000);

  afterAll(() => stop());

  test('warns loudly that callers are not checked, and listens on 127.0.0.1 only', () => {
    expect(output()).toContain('THIDUA_AUTH=off-local-only');
    expect(base.startsWith('http://127.0.0.1:')).toBe(true);
  });

  test('a newcomer can curl nominations in, recompute, and download the list, each at its own path', async () => {
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // the server's clock is today's: a district chairman's list dated today is refused (two-tier local government since
    // 01/7/2025), so the newcomer downloads the commune chairman's list, which prints under the province today
    const valid = rawIndividual({ responseId: 'start-1', award: 'giay-khen-chu-tich-xa', submittedAt: '2024-08-12T09:00:00+07:00' });
    expect((await post('/intake', valid)).status).toBe(201);
    expect((await post('/intake', rawCollective({ responseId: 'start-2', award: 'giay-khen-chu-tich-xa', submittedAt: '2024-08-12T10:00:00+07:00' }))).status).toBe(201);
    expect((await post('/intake', valid)).status).toBe(200);
    const bad = await post('/intake', { ...valid, responseId: 'start-3', kind: 'robot' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { findings: Array<{ field: string }> }).findings[0]!.field).toBe('kind');
    expect((await post('/recompute', {})).status).toBe(200);
    expect((await post('/deadlineReport', {})).status).toBe(200);

    const list = await fetch(`${base}/exportList?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-xa&year=2024`);
    expect(list.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await list.arrayBuffer()) as ExcelJS.Buffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);

    expect(await (await fetch(`${base}/`)).json()).toEqual({ functions: ['/intake', '/formSync', '/recompute', '/deadlineReport', '/exportList', '/watchRenewal', '/status', '/unit'] });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  test('logs one JSON line per request that Cloud Logging understands, without names', () => {
    const lines = output().split('\n').filter((l) => l.startsWith('{'));
    const intake = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.function === 'intake');
    expect(intake.map((l) => [l.severity, l.responseId, l.outcome])).toEqual([
      ['INFO', 'start-1', 'accepted'],
      ['INFO', 'start-2', 'accepted'],
      ['INFO', 'start-1', 'duplicate'],
      ['NOTICE', 'start-3', 'rejected'],
    ]);
    expect(output()).not.toContain('Nguyễn Văn');
  });
});

describe('cold start', () => {
  test('loading the functions loads neither exceljs nor a Google client', () => {
    ensureBuilt();
    const script = `
      import { createRequire } from 'node:module';
      await import(${JSON.stringify(join(ROOT, 'dist/functions/index.js'))});
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(['exceljs', 'googleapis', 'google-auth-library', 'gaxios'].filter((m) => loaded.some((k) => k.includes('/node_modules/' + m + '/') || k.includes('/node_modules/@' + m + '/')))));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 20_000 }).toString();
    expect(JSON.parse(out)).toEqual([]);
  });
});
