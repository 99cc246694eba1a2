import type { Request, Response } from '@google-cloud/functions-framework';
import { SIGNATURE_HEADER, type Audience, type Caller } from '../../shared/auth/authorize.js';
import { ConfigError } from '../../shared/config.js';
import { FormsError } from '../../shared/google/forms/forms-api.js';
import type { JobProblem, ProblemCode } from '../../shared/jobs/problem.js';
import { StoreError } from '../../shared/store/table-store.js';
import { refuseMalformed, refuseTooLarge } from './body-limit.js';
import { reportFailure } from './failure.js';
import { bodyProblemOf } from './framework-body.js';
import type { Runtime } from './runtime.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** True when the request came over a loopback connection (the socket itself, not X-Forwarded-For). */
export const isLoopback = (req: Request): boolean => LOOPBACK.has(req.socket?.remoteAddress ?? '') && LOOPBACK.has(req.socket?.localAddress ?? '');

/**
 * Lets a request in, or answers it: 401 (no or bad credential), 403 (a verified caller not allowed here), 503 (Google's
 * keys out of reach), 500 (bad configuration) — and nothing more, whatever the door. Returns the caller when admitted.
 * A body the framework could not read (framework-body.ts) is answered after the credentials are checked: 400 when it
 * is malformed, 413 when it is over 256 KB (recorded for an admitted caller). A body over the limit cannot be signed
 * over, so without a bearer token it is answered 413 at once, before anything else.
 */
export async function admit(rt: Runtime, req: Request, res: Response, fn: string, audience: Audience = 'callers'): Promise<Caller | undefined> {
  const problem = bodyProblemOf(req);
  try {
    if (problem?.kind === 'too-large' && !/^bearer\s/i.test(req.get('authorization') ?? '')) {
      await refuseTooLarge(rt, res, fn, problem.bytes);
      return undefined;
    }
    const decision = await rt.auth().authorize(
      { authorization: req.get('authorization'), signature: req.get(SIGNATURE_HEADER), rawBody: req.rawBody ?? Buffer.alloc(0), loopback: isLoopback(req) },
      audience,
    );
    if (decision.ok && problem?.kind === 'malformed') refuseMalformed(rt, res, fn, req);
    else if (decision.ok && problem?.kind === 'too-large') await refuseTooLarge(rt, res, fn, problem.bytes, `hàm ${fn} (${decision.caller.kind})`);
    else if (decision.ok) return decision.caller;
    if (decision.ok) return undefined;
    rt.log('WARNING', 'Từ chối yêu cầu chưa xác thực hoặc không có quyền', { function: fn, status: decision.status, reason: decision.reason });
    if (decision.status === 401) res.set('WWW-Authenticate', 'Bearer');
    res.status(decision.status).json({ error: decision.status === 401 ? 'Chưa xác thực.' : 'Không có quyền.' });
  } catch (error) {
    fail(rt, res, fn, error);
  }
  return undefined;
}

/**
 * Answers a failure: 503 with Retry-After for a transient fault (Scheduler and clients try again), 500 otherwise —
 * with the Vietnamese message of store and Forms errors (they name a tab or a sheet, never a secret), a generic one for the
 * rest; a response already under way (a streamed download) is cut off. Logged once by the failure reporter.
 */
export function fail(rt: Runtime, res: Response, fn: string, error: unknown, fields: Record<string, string | undefined> = {}): void {
  const { transient, message } = reportFailure(rt, fn, error, fields);
  if (res.headersSent) {
    // a download that broke half-way: cut the connection, so the client sees a failed transfer, not a short file
    if (!res.writableEnded) res.destroy();
    return;
  }
  if (transient) {
    res.set('Retry-After', '30').status(503).json({ error: 'Dịch vụ của Google tạm thời không trả lời; hãy thử lại sau ít phút.' });
    return;
  }
  // Configuration problems are for whoever deploys: in the log, not told to callers who may not be authenticated yet.
  if (error instanceof ConfigError) res.status(500).json({ error: 'Cấu hình máy chủ chưa đúng; xem nhật ký của hàm.' });
  else res.status(500).json({ error: error instanceof StoreError || error instanceof FormsError ? message : 'Lỗi ngoài dự kiến.' });
}

/** The HTTP status of each expected failure of a job. */
const PROBLEM_STATUS: Record<ProblemCode, number> = {
  UNKNOWN_CAMPAIGN: 404,
  WRONG_CAMPAIGN: 404,
  UNKNOWN_AWARD: 404,
  EMPTY_LIST: 422,
  BAD_SETTINGS: 422,
  BODY_CEASED: 422,
  // the deployment is incomplete (no form created for this workbook): nothing the caller can fix, as with bad config
  FORM_MAPPING_MISSING: 500,
  FORM_NOT_CREATED: 502,
  BAD_FILE: 400,
  YEAR_OUTSIDE_TERM: 422,
  CAMPAIGN_EXISTS: 409,
  NO_MINUTES: 422,
  UNKNOWN_NOMINATION: 404,
  BAD_PACKAGE: 400,
  NOT_UPWARD: 422,
};

/** Answers a job's expected failure with its status and its Vietnamese message; logged as a NOTICE (ERROR for a 5xx). */
export function answerProblem(rt: Runtime, res: Response, fn: string, problem: JobProblem): void {
  rt.log(PROBLEM_STATUS[problem.code] >= 500 ? 'ERROR' : 'NOTICE', problem.message, { function: fn, problem: problem.code });
  res.status(PROBLEM_STATUS[problem.code]).json({ error: problem.message, code: problem.code });
}

/** 405 with the Allow header, for a method a door does not take. */
export function wrongMethod(res: Response, allowed: string): void {
  res.set('Allow', allowed).status(405).json({ error: `Chỉ nhận ${allowed}.` });
}
