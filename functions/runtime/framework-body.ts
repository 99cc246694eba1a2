import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from './body-limit.js';

/**
 * The Functions Framework reads every request body before any door runs, with body-parser limited to 1 GB, and hands a
 * body it cannot parse to Express's default error handler — which writes the error, the first kilobytes of the body in
 * its message, to stderr, before any credential is checked. The framework has no setting for either, so this module
 * wraps the body-parser factories it calls when it builds its server (loaded before that, with the doors):
 *
 * - every body is read up to `MAX_BODY_BYTES` (256 KB), never more;
 * - a body that cannot be read — over the limit, not JSON, a charset it does not know — is not an error passed to
 *   Express: the request goes on to the door with no body, and `bodyProblemOf(req)` says what was wrong (the raw
 *   bytes of a body under the limit stay in `req.rawBody`, for a signature). The door checks the credentials first,
 *   then answers 400 or 413 in JSON, echoing nothing (`admit` in http.ts).
 */
export type BodyProblem = { kind: 'too-large'; bytes: number } | { kind: 'malformed' };

const problems = new WeakMap<IncomingMessage, BodyProblem>();

/** What was wrong with the request's body, if the framework could not read it. */
export function bodyProblemOf(req: IncomingMessage): BodyProblem | undefined {
  return problems.get(req);
}

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: Next) => void;
type Factory = (options?: Record<string, unknown>) => Middleware;

interface ParserError {
  type?: unknown;
  length?: unknown;
  expected?: unknown;
}

/** A body-parser factory whose parsers read at most `limit` bytes and never pass a body's error on to Express. */
export function bounded(factory: Factory, limit = MAX_BODY_BYTES): Factory {
  return (options = {}) => {
    const parse = factory({ ...options, limit });
    return (req, res, next) =>
      parse(req, res, (error?: unknown) => {
        if (error === undefined || error === null) return next();
        const e = error as ParserError;
        const declared = Number(e.length ?? e.expected ?? req.headers['content-length'] ?? 0);
        problems.set(req, e.type === 'entity.too.large' ? { kind: 'too-large', bytes: Number.isFinite(declared) ? declared : limit + 1 } : { kind: 'malformed' });
        req.body = undefined;
        next();
      });
  };
}

const PARSERS = ['json', 'text', 'urlencoded', 'raw'] as const;
const INSTALLED = Symbol.for('thidua.bounded-body-parser');

/** Wraps the body-parser the framework uses (its own copy, resolved from it); idempotent. */
function install(): void {
  const fromFramework = createRequire(createRequire(import.meta.url).resolve('@google-cloud/functions-framework'));
  const bodyParser = fromFramework('body-parser') as Record<(typeof PARSERS)[number], Factory> & { [INSTALLED]?: true };
  if (bodyParser[INSTALLED]) return;
  for (const name of PARSERS) bodyParser[name] = bounded(bodyParser[name]);
  bodyParser[INSTALLED] = true;
}

install();
