#!/usr/bin/env node
/**
 * Bundles each Cloud Function into one file, dist/fn/<entry point>.js (esbuild, minified, ESM), and writes
 * dist/fn/index.js — the package's `main` — which enables Node's module compile cache and loads only the bundle of the
 * function the platform runs (FUNCTION_TARGET). Then warms the compile cache (dist/fn/.cache) by loading each bundle
 * once, so the deployed image starts from compiled code. Run by `npm run gcp-build` in the cloud build and by
 * `npm run build:functions` here (decision 010). The Functions Framework stays outside the bundles: it is the server
 * the platform starts, and the bundles register with it. exceljs stays outside too: only the local workbook and the
 * .xlsx writers load it, on their first use.
 *
 * Usage: node scripts/bundle-functions.mjs [--no-warm] [--out=dist/fn]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out=<dir> (inside the project, so the bundles find sheets-templates/ and node_modules/): tests bundle apart
const outArg = process.argv.find((a) => a.startsWith('--out='));
const out = outArg ? join(root, outArg.slice('--out='.length)) : join(root, 'dist', 'fn');
/** Entry point (as deployed with --entry-point) → its source in functions/entries/. */
export const ENTRIES = {
  intake: 'intake',
  formSync: 'form-sync',
  recompute: 'recompute',
  deadlineReport: 'deadline-report',
  exportList: 'export-list',
  watchRenewal: 'watch-renewal',
  formSyncEvent: 'form-sync-event',
  statusPages: 'status-pages',
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, 'functions', 'entries', `${file}.ts`)])),
  outdir: out,
  bundle: true,
  splitting: false,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['@google-cloud/functions-framework', '@google-cloud/functions-framework/*', 'exceljs'],
  // CommonJS packages inside an ES module bundle still call require() for Node's builtins
  banner: { js: "import { createRequire as __thiduaRequire } from 'node:module'; const require = __thiduaRequire(import.meta.url);" },
});

writeFileSync(
  join(out, 'index.js'),
  `// Written by scripts/bundle-functions.mjs: the deployed functions' main. Loads the one bundle the platform runs.
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
// compiled code from the build (warmed there), so a cold start does not compile the bundle again
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE || join(here, '.cache'));
const ENTRIES = ${JSON.stringify(Object.keys(ENTRIES))};
// set by the platform on Cloud Run functions; locally, \`functions-framework --target=<name>\` names it
const flag = process.argv.findIndex((a) => a === '--target' || a.startsWith('--target='));
const target = process.env.FUNCTION_TARGET || (flag < 0 ? undefined : process.argv[flag].includes('=') ? process.argv[flag].slice('--target='.length) : process.argv[flag + 1]);
if (!ENTRIES.includes(target)) throw new Error(\`FUNCTION_TARGET "\${target}" is not a thi-dua function (\${ENTRIES.join(', ')})\`);
/** The loaded function's module (its \`configure\` serves tests and benchmarks). */
export const loaded = await import(new URL(\`./\${target}.js\`, import.meta.url).href);
`,
);
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');

if (!process.argv.includes('--no-warm')) {
  // one fresh process per function: loads it through main as the platform does, writing the compile cache
  for (const target of Object.keys(ENTRIES)) {
    execFileSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(out, 'index.js'))}); (await import('node:module')).flushCompileCache?.();`], {
      cwd: root,
      env: { ...process.env, FUNCTION_TARGET: target, NODE_COMPILE_CACHE: '' },
      stdio: 'inherit',
    });
  }
}
process.stdout.write(`bundled ${Object.keys(ENTRIES).length} functions into ${out}\n`);
