import type { CloudEventFunction, HttpFunction } from '@google-cloud/functions-framework';
import { createRuntime, type Runtime, type RuntimeOptions } from '../runtime/runtime.js';

/**
 * What every bundled function (dist/fn/<entry point>.js, see scripts/bundle-functions.mjs) shares: one runtime, built
 * on the first request — so that a test or benchmark may `configure` it first — and nothing loaded before then.
 */
let options: RuntimeOptions = {};
let runtime: Runtime | undefined;

/**
 * Sets the runtime's options before the first request: the fakes' address, a ready token (tests and benchmarks
 * only; a deployed function never calls it and reads its environment).
 */
export function configure(next: RuntimeOptions): void {
  if (runtime) throw new Error('configure() must come before the first request');
  options = next;
}

const rt = (): Runtime => (runtime ??= createRuntime(options));

/** A door made on its first request, over the shared runtime. */
export function lazyHttp(door: (rt: Runtime) => HttpFunction): HttpFunction {
  let made: HttpFunction | undefined;
  return (req, res) => (made ??= door(rt()))(req, res);
}

export function lazyEvent(door: (rt: Runtime) => CloudEventFunction): CloudEventFunction {
  let made: CloudEventFunction | undefined;
  return (event) => (made ??= door(rt()))(event);
}

/** An OAuth2 client holding `token`, from the bundle's own google-auth-library (tests and benchmarks). */
export async function tokenAuth(token: string): Promise<unknown> {
  const { OAuth2Client } = await import('google-auth-library');
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return auth;
}
