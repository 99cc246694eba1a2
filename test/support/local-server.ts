import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SERVER = join(ROOT, 'dist/functions/serve-local.js');

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).mtimeMs), 0);

/** `npm test` builds first; a lone run builds if dist/ is missing or older than the sources. */
export function ensureBuilt(): void {
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= Math.max(newest(join(ROOT, 'functions')), newest(join(ROOT, 'shared')))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, timeout: 180_000, stdio: 'inherit' });
}

/** package.json's `start` script (the command it hands to scripts/node-gate.mjs), split into its build step and what it serves once built. */
export function startScript(): { build: string; serve: string } {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const steps = (/^node scripts\/node-gate\.mjs '(.*)'$/.exec(script)?.[1] ?? script).split(' && ');
  return { build: steps.slice(0, -1).join(' && '), serve: steps.at(-1)! };
}

/**
 * `npm start`'s server, as its package.json script runs it after the build step, on a free loopback port (PORT=0) and
 * the given workbook. Spawned in its own process group, so that stopping it stops the shell and node alike.
 */
export async function startLocalServer(workbook: string): Promise<{ base: string; output: () => string; stop: () => Promise<void> }> {
  ensureBuilt();
  const serve = startScript().serve;
  const child = spawn('sh', ['-c', serve], { cwd: ROOT, detached: true, env: { ...process.env, PORT: '0', THIDUA_WORKBOOK: workbook, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  };
  const base = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const check = () => {
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) resolve(url);
      else if (child.exitCode !== null) reject(new Error(`npm start exited ${child.exitCode}:\n${output}`));
      else if (Date.now() > deadline) reject(new Error(`npm start did not come up in 20 s:\n${output}`));
      else setTimeout(check, 50);
    };
    check();
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { base, output: () => output, stop };
}
