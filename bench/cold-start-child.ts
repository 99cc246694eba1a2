/**
 * One cold start, measured in a fresh Node process: load the function as the platform does, answer one request, print
 * JSON. Two builds:
 * - `bundle` (what is deployed): the Functions Framework, then the package's main dist/fn/index.js, which enables the
 *   compile cache and loads the one-file bundle of FUNCTION_TARGET (scripts/bundle-functions.mjs);
 * - otherwise the unbundled tsc build (dist/functions/<door>.js); with `monolith`, first importing the `googleapis`
 *   monolith and making its Sheets client, as a build of the same function on that package would — the reference.
 * Usage: node dist-bench/bench/cold-start-child.js <door> <json-options>
 */
const started = performance.now();
const [door, raw] = process.argv.slice(2) as [string, string];
const options = JSON.parse(raw) as { env: Record<string, string>; apiRoot: string; certsUrl: string; method: string; path: string; body?: string; headers: Record<string, string>; monolith?: string; bundle?: string };

/** Door file name → the entry point it is deployed as. */
const ENTRY: Record<string, string> = { intake: 'intake', 'form-sync': 'formSync', recompute: 'recompute', 'deadline-report': 'deadlineReport', 'export-list': 'exportList', 'watch-renewal': 'watchRenewal' };
type Framework = typeof import('@google-cloud/functions-framework');
type Server = ReturnType<typeof import('@google-cloud/functions-framework/testing').getTestServer>;
const log = process.env.BENCH_DEBUG ? (...a: unknown[]) => console.error(JSON.stringify(a)) : () => undefined;

let server: Server;
let imported: number;
if (options.bundle) {
  const name = ENTRY[door]!;
  process.env.FUNCTION_TARGET = name;
  for (const [k, v] of Object.entries(options.env)) process.env[k] = v;
  const [, { getTestServer }] = await Promise.all([import('@google-cloud/functions-framework'), import('@google-cloud/functions-framework/testing')]);
  const { loaded } = (await import(options.bundle)) as { loaded: { configure(o: unknown): void; tokenAuth(token: string): Promise<unknown> } };
  imported = performance.now();
  loaded.configure({ env: options.env, googleAuth: await loaded.tokenAuth('bench'), googleApiRoot: options.apiRoot, certsUrl: options.certsUrl, log });
  server = getTestServer(name);
} else {
  if (options.monolith) {
    const { google } = (await import(options.monolith)) as { google: { sheets(o: { version: 'v4' }): unknown } };
    google.sheets({ version: 'v4' });
  }
  const [{ http }, { getTestServer }, runtime, doorModule, { OAuth2Client }] = await Promise.all([
    import('@google-cloud/functions-framework'),
    import('@google-cloud/functions-framework/testing'),
    import('../functions/runtime/runtime.js'),
    import(`../functions/${door}.js`) as Promise<Record<string, (rt: unknown) => Parameters<Framework['http']>[1]>>,
    import('google-auth-library'),
  ]);
  imported = performance.now();
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
  const rt = runtime.createRuntime({ env: options.env, googleAuth: auth, googleApiRoot: options.apiRoot, certsUrl: options.certsUrl, log });
  const name = Object.keys(doorModule).find((k) => typeof doorModule[k] === 'function')!;
  http(name, doorModule[name]!(rt));
  server = getTestServer(name);
}
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const response = await fetch(`http://127.0.0.1:${port}${options.path}`, { method: options.method, headers: options.headers, body: options.body });
const text = await response.text();
const ms = performance.now() - started;
console.log(JSON.stringify({ door, monolith: Boolean(options.monolith), bundle: Boolean(options.bundle), status: response.status, ms: Math.round(ms), importMs: Math.round(imported - started), sinceProcessStartMs: Math.round(performance.now()), rssMb: Math.round(process.memoryUsage().rss / 1048576), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...(response.status >= 400 ? { answer: text.slice(0, 500) } : {}) }));
server.close();
process.exit(0);
