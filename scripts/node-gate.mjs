#!/usr/bin/env node
// Runs an npm script's command on a Node the project supports. Plain JavaScript, so that it runs on an old Node too.
//
//   node scripts/node-gate.mjs '<shell command>' [extra args…]
//
// If this Node satisfies package.json's engines.node (">=X.Y[.Z]"), the command runs here, in a shell, with the extra
// arguments (what `npm run <script> -- …` appends) quoted onto its end. Otherwise it prints one line saying so, has
// `npx -y -p node@24` fetch Node 24 from the npm registry, and runs this gate again on that Node, first on the PATH;
// the second gate prints the Node it runs on and runs the command. Either way stdio is inherited, SIGINT/SIGTERM/SIGHUP are passed on,
// and the command's exit code (or signal) becomes the gate's.
//
// THIDUA_NODE_MIN overrides the minimum version (the gate's own tests use it).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

const FALLBACK = '24';
const FROM = 'THIDUA_NODE_GATE_FROM'; // set on the re-run: the version of the Node that was too old

/** "22.13" → [22, 13, 0]; what follows the third number (a pre-release tag) is ignored. */
export function parseVersion(text) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(text).trim());
  if (!m) throw new Error(`node-gate: not a version: ${text}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** Whether `version` is at least `minimum` (both as parseVersion reads them). */
export function atLeast(version, minimum) {
  const [a, b] = [parseVersion(version), parseVersion(minimum)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** The lower bound of package.json's engines.node, which must read ">=X.Y[.Z]". */
export function engineMinimum(packageJson) {
  const range = JSON.parse(readFileSync(packageJson, 'utf8')).engines?.node ?? '';
  const m = /^\s*>=\s*(\d+(?:\.\d+){0,2})\s*$/.exec(range);
  if (!m) throw new Error(`node-gate: engines.node must read ">=X.Y.Z", not ${JSON.stringify(range)}`);
  return m[1];
}

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/** The ids of the processes below `root` (children, theirs, …), deepest first; empty where `ps` cannot list them. */
function descendants(root) {
  if (root === undefined) return [];
  const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (listed.status !== 0) return [];
  const children = new Map();
  for (const line of listed.stdout.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const found = [];
  const visit = (pid) => {
    for (const c of children.get(pid) ?? []) {
      visit(c);
      found.push(c);
    }
  };
  visit(root);
  return found;
}

/** Runs a child with inherited stdio; passes signals on (to the child and every process below it); exits as the child exits. */
function runAndExit(file, args, options) {
  const child = spawn(file, args, { stdio: 'inherit', ...options });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  // A shell running "a && b" does not pass a signal on to b: send it to every process below the child, by id.
  const forward = (signal) => {
    for (const pid of descendants(child.pid)) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
    child.kill(signal);
  };
  for (const s of signals) process.on(s, forward);
  child.on('error', (error) => {
    console.error(`node-gate: cannot run ${file}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) {
      process.kill(process.pid, signal);
      setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 1000).unref();
      return;
    }
    process.exit(code ?? 1);
  });
}

function main(argv) {
  const [command, ...extra] = argv;
  if (!command) {
    console.error("usage: node scripts/node-gate.mjs '<shell command>' [extra args…]");
    process.exit(2);
  }
  const here = fileURLToPath(import.meta.url);
  const minimum = process.env.THIDUA_NODE_MIN || engineMinimum(new URL('../package.json', import.meta.url));
  const current = process.versions.node;
  const from = process.env[FROM];
  const env = { ...process.env };
  delete env[FROM];

  if (atLeast(current, minimum)) {
    if (from) console.error(`node-gate: running on Node v${current} from the npm registry (this machine has Node v${from})`);
    runAndExit([command, ...extra.map(quote)].join(' '), [], { shell: true, env });
    return;
  }
  if (from) {
    console.error(`node-gate: npx gave Node v${current}, still older than ${minimum}; giving up`);
    process.exit(1);
  }
  console.error(`node-gate: Node v${current} is older than this project needs (>=${minimum}); running through Node ${FALLBACK} from the npm registry (npx -y -p node@${FALLBACK})`);
  // npx fetches Node once (then it comes from npm's cache) and says where it is; the gate then runs that Node itself, so
  // that no shell stands between the two gates to swallow a signal.
  const found = spawnSync('npx', ['-y', '-p', `node@${FALLBACK}`, '--', 'node', '-p', 'process.execPath'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const node = found.status === 0 ? found.stdout.trim().split('\n').at(-1) : '';
  if (!node || !isAbsolute(node)) {
    console.error(`node-gate: npx could not fetch Node ${FALLBACK} from the npm registry${found.error ? `: ${found.error.message}` : ''}`);
    process.exit(1);
  }
  runAndExit(node, [here, command, ...extra], { env: { ...env, PATH: `${dirname(node)}${delimiter}${env.PATH ?? ''}`, [FROM]: current } });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
