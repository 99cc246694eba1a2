import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../support/builders.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GATE = join(ROOT, 'scripts/node-gate.mjs');
const HERE = process.versions.node;
const [MAJOR, MINOR, PATCH] = HERE.split('.').map(Number) as [number, number, number];

/**
 * A fake `npx` first on the PATH, so that nothing is downloaded: it writes its arguments to `npx-args` and answers with
 * the path of a fake Node 24, which writes its arguments, THIDUA_NODE_GATE_FROM and PATH to `node-call` and exits 7.
 */
function fakeNpx() {
  const dir = tempDir('thidua-gate-');
  const bin = join(dir, 'bin');
  const node24 = join(dir, 'node-24');
  mkdirSync(bin);
  mkdirSync(node24);
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${dir}/npx-args'\necho '${node24}/node'\n`);
  writeFileSync(join(node24, 'node'), `#!/bin/sh\n{ printf '%s\\n' "$@"; echo "FROM=$THIDUA_NODE_GATE_FROM"; echo "PATH=$PATH"; } > '${dir}/node-call'\nexit 7\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(node24, 'node'), 0o755);
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8').trimEnd().split('\n') : null);
  return { path: `${bin}${delimiter}${process.env.PATH ?? ''}`, node24, npxArgs: () => read('npx-args'), nodeCall: () => read('node-call') };
}

function gate(args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.THIDUA_NODE_GATE_FROM;
  delete clean.THIDUA_NODE_MIN;
  const result = spawnSync(process.execPath, [GATE, ...args], { cwd: ROOT, env: { ...clean, ...env }, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter(Boolean) };
}

const printArgs = `node -e 'console.log(JSON.stringify(process.argv.slice(1)))'`;

describe('scripts/node-gate.mjs: the npm scripts run on a Node the project supports', () => {
  test('the user-facing npm scripts go through the gate, and engines.node asks for Node 22.13 or later', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
    expect(pkg.engines.node).toBe('>=22.13');
    for (const name of ['demo', 'test', 'start', 'bench', 'test:browser', 'load', 'faults', 'render:samples', 'draft:accuracy']) expect(pkg.scripts[name], name).toMatch(/^node scripts\/node-gate\.mjs '[^']+'$/);
  });

  test('on a Node that is new enough, runs the command here with the extra arguments quoted, says nothing, and exits as it does', () => {
    const fake = fakeNpx();
    const printed = gate([printArgs, 'a b', "it's", '$HOME'], { THIDUA_NODE_MIN: HERE, PATH: fake.path });
    expect([printed.status, printed.stderrLines]).toEqual([0, []]);
    expect(JSON.parse(printed.stdout)).toEqual(['a b', "it's", '$HOME']);
    expect(gate(['exit 3'], { THIDUA_NODE_MIN: HERE, PATH: fake.path }).status).toBe(3);
    expect(fake.npxArgs()).toBeNull();
  });

  test('on an older Node, says so in one line, has npx fetch Node 24, and runs itself on that Node, first on the PATH', () => {
    const fake = fakeNpx();
    const { status, stderrLines } = gate(['exit 3', 'a b'], { THIDUA_NODE_MIN: '999.1', PATH: fake.path });
    expect(status).toBe(7);
    expect(stderrLines).toEqual([`node-gate: Node v${HERE} is older than this project needs (>=999.1); running through Node 24 from the npm registry (npx -y -p node@24)`]);
    expect(fake.npxArgs()).toEqual(['-y', '-p', 'node@24', '--', 'node', '-p', 'process.execPath']);
    expect(fake.nodeCall()).toEqual([GATE, 'exit 3', 'a b', `FROM=${HERE}`, `PATH=${fake.node24}${delimiter}${fake.path}`]);
  });

  test.each([
    [HERE, 'here'],
    [`${MAJOR}.${MINOR}`, 'here'],
    [`${MAJOR - 1}.99.99`, 'here'],
    ['9.99.99', 'here'],
    [`${MAJOR}.${MINOR === 0 ? 0 : MINOR - 1}.${PATCH + 50}`, MINOR === 0 ? 'npx' : 'here'],
    [`${MAJOR}.${MINOR}.${PATCH + 1}`, 'npx'],
    [`${MAJOR}.${MINOR + 1}`, 'npx'],
    [`${MAJOR + 1}`, 'npx'],
    [`${MAJOR + 10}.0.0`, 'npx'],
  ])('compares versions as numbers: with a minimum of %s it runs %s', (minimum, where) => {
    const fake = fakeNpx();
    const { status } = gate(['exit 0'], { THIDUA_NODE_MIN: minimum, PATH: fake.path });
    expect(fake.npxArgs() === null ? 'here' : 'npx').toBe(where);
    expect(status).toBe(where === 'here' ? 0 : 7);
  });

  test('on the re-run, names the Node it runs on, and the command no longer sees the marker (nested npm scripts stay quiet)', () => {
    const { status, stdout, stderrLines } = gate(['echo "[$THIDUA_NODE_GATE_FROM]"'], { THIDUA_NODE_MIN: HERE, THIDUA_NODE_GATE_FROM: '20.20.2' });
    expect(status).toBe(0);
    expect(stderrLines).toEqual([`node-gate: running on Node v${HERE} from the npm registry (this machine has Node v20.20.2)`]);
    expect(stdout).toBe('[]\n');
  });

  test('gives up instead of looping when the Node it was re-run on is still too old', () => {
    const fake = fakeNpx();
    const { status, stderrLines } = gate(['exit 0'], { THIDUA_NODE_MIN: '999', THIDUA_NODE_GATE_FROM: '20.20.2', PATH: fake.path });
    expect(status).toBe(1);
    expect(stderrLines).toEqual([`node-gate: npx gave Node v${HERE}, still older than 999; giving up`]);
    expect(fake.npxArgs()).toBeNull();
  });

  test('passes SIGTERM on to the command and exits with its exit code', async () => {
    const command = `exec node -e 'process.on("SIGTERM", () => { console.log("got SIGTERM"); process.exit(5); }); console.log("ready"); setInterval(() => {}, 1000)'`;
    const child = spawn(process.execPath, [GATE, command], { cwd: ROOT, env: { ...process.env, THIDUA_NODE_MIN: HERE }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((output += d.toString()), output.includes('ready') && resolve())));
    child.kill('SIGTERM');
    expect(await exited).toBe(5);
    expect(output).toContain('got SIGTERM');
  });

  test('stops a command the shell runs after "&&" (as npm start does), not only the shell', async () => {
    // GIVEN a command the shell does not exec: the server is a child of the shell
    const command = `true && node -e 'console.log("pid " + process.pid); setInterval(() => {}, 1000)'`;
    const child = spawn(process.execPath, [GATE, command], { cwd: ROOT, env: { ...process.env, THIDUA_NODE_MIN: HERE }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((output += d.toString()), /pid \d+/.test(output) && resolve())));
    const server = Number(/pid (\d+)/.exec(output)![1]);
    // WHEN the gate is killed
    child.kill('SIGTERM');
    await exited;
    // THEN the server went with it (it had the signal before the gate exited; waiting is only for the kernel to reap it)
    const alive = () => {
      try {
        process.kill(server, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && alive(); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(alive()).toBe(false);
  });
});
