/**
 * One cold start, measured in a fresh Node process: import the function's module (and the Functions Framework, as the
 * platform does), answer one request, print JSON. `--monolith` first imports the `googleapis` monolith and makes its
 * Sheets client, as a build of the same function on that package would.
 * Usage: node dist-bench/bench/cold-start-child.js <door> <json-options>
 */
const started = performance.now();
const [door, raw] = process.argv.slice(2) as [string, string];
const options = JSON.parse(raw) as { env: Record<string, string>; apiRoot: string; certsUrl: string; method: string; path: string; body?: string; headers: Record<string, string>; monolith?: string };

if (options.monolith) {
  const { google } = (await import(options.monolith)) as { google: { sheets(o: { version: 'v4' }): unknown } };
  google.sheets({ version: 'v4' });
}
const [{ http }, { getTestServer }, runtime, doorModule, { OAuth2Client }] = await Promise.all([
  import('@google-cloud/functions-framework'),
  import('@google-cloud/functions-framework/testing'),
  import('../functions/runtime/runtime.js'),
  import(`../functions/${door}.js`) as Promise<Record<string, (rt: unknown) => Parameters<typeof import('@google-cloud/functions-framework').http>[1]>>,
  import('google-auth-library'),
]);
const imported = performance.now();
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
const rt = runtime.createRuntime({ env: options.env, googleAuth: auth, googleApiRoot: options.apiRoot, certsUrl: options.certsUrl, log: process.env.BENCH_DEBUG ? (...a: unknown[]) => console.error(JSON.stringify(a)) : () => undefined });
const name = Object.keys(doorModule).find((k) => typeof doorModule[k] === 'function')!;
http(name, doorModule[name]!(rt));
const server = getTestServer(name);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const response = await fetch(`http://127.0.0.1:${port}${options.path}`, { method: options.method, headers: options.headers, body: options.body });
await response.arrayBuffer();
const ms = performance.now() - started;
console.log(JSON.stringify({ door, monolith: Boolean(options.monolith), status: response.status, ms: Math.round(ms), importMs: Math.round(imported - started), sinceProcessStartMs: Math.round(performance.now()), rssMb: Math.round(process.memoryUsage().rss / 1048576) }));
server.close();
process.exit(0);
