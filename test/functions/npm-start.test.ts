import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawCollective, rawIndividual, tempDir } from '../support/builders.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'dist/functions/serve-local.js');

/** Newest modification time under a folder's .ts files. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
}

/** `npm test` builds before running; a lone run of this file builds if the output is missing or older than the sources. */
function ensureBuilt(): void {
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= Math.max(newest(join(ROOT, 'functions')), newest(join(ROOT, 'shared')))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, timeout: 120_000, stdio: 'inherit' });
}

/**
 * What `npm start` runs once it has built: the package.json script after its build step, run by the shell as npm
 * would, with a temporary workbook and a free port (PORT=0). Rebuilding here could rewrite dist/ under other test
 * files running in parallel, so the build step itself is left to `npm test`.
 */
function startCommand(): string {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const [build, serve] = script.split(' && ');
  expect(build).toBe('npm run build --silent');
  return serve!;
}

describe('npm start: every function on one loopback port, on the embedded workbook', () => {
  let child: ChildProcess;
  let base: string;
  let output = '';
  const workbook = join(tempDir('thidua-start-'), 'van-ninh.xlsx');

  beforeAll(async () => {
    ensureBuilt();
    const command = startCommand();
    expect(command).toContain('THIDUA_AUTH=off-local-only');
    // detached: its own process group, so the server node starts under `sh` is stopped with it
    child = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, PORT: '0', THIDUA_WORKBOOK: workbook, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not come up in 20 s:\n${output}`)), 20_000);
      const check = () => {
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`npm start exited ${child.exitCode}:\n${output}`));
        } else setTimeout(check, 50);
      };
      check();
    });
  }, 150_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    group('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    group('SIGKILL');
  });

  test('warns loudly that callers are not checked, and listens on 127.0.0.1 only', () => {
    expect(output).toContain('THIDUA_AUTH=off-local-only');
    expect(base.startsWith('http://127.0.0.1:')).toBe(true);
  });

  test('a newcomer can curl nominations in, recompute, and download the list, each at its own path', async () => {
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const valid = rawIndividual({ responseId: 'start-1', submittedAt: '2024-08-12T09:00:00+07:00' });
    expect((await post('/intake', valid)).status).toBe(201);
    expect((await post('/intake', rawCollective({ responseId: 'start-2', submittedAt: '2024-08-12T10:00:00+07:00' }))).status).toBe(201);
    expect((await post('/intake', valid)).status).toBe(200);
    const bad = await post('/intake', { ...valid, responseId: 'start-3', kind: 'robot' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { findings: Array<{ field: string }> }).findings[0]!.field).toBe('kind');
    expect((await post('/recompute', {})).status).toBe(200);
    expect((await post('/deadlineReport', {})).status).toBe(200);

    const list = await fetch(`${base}/exportList?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&year=2024`);
    expect(list.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await list.arrayBuffer()) as ExcelJS.Buffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);

    expect(await (await fetch(`${base}/`)).json()).toEqual({ functions: ['/intake', '/formSync', '/recompute', '/deadlineReport', '/exportList', '/watchRenewal', '/status', '/unit'] });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  test('logs one JSON line per request that Cloud Logging understands, without names', () => {
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const intake = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.function === 'intake');
    expect(intake.map((l) => [l.severity, l.responseId, l.outcome])).toEqual([
      ['INFO', 'start-1', 'accepted'],
      ['INFO', 'start-2', 'accepted'],
      ['INFO', 'start-1', 'duplicate'],
      ['NOTICE', 'start-3', 'rejected'],
    ]);
    expect(output).not.toContain('Nguyễn Văn');
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
