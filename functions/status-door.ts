/** What both page doors share: the method check, the link check, the workbook read, the HTML answer and its failures. */
import type { Request, Response } from '@google-cloud/functions-framework';
import { readDecisions as readCampaign, type Evaluated } from '../shared/jobs/read-decisions.js';
import { PAGE_HEADERS } from '../shared/status/page.js';
import { REFUSAL_STATUS, refusalPageHtml, type Refusal } from '../shared/status/refusal-page-html.js';
import { verifyLink, type LinkClaim, type LinkKind } from '../shared/status/status-link.js';
import { reportFailure } from './runtime/failure.js';
import type { Runtime, Workbook } from './runtime/runtime.js';
import { linkSecret } from './status-links.js';

/** Sends a whole HTML page with the pages' headers (no caching, no referrer, no script). */
export function sendPage(res: Response, status: number, body: string): void {
  res.status(status).set(PAGE_HEADERS).send(body);
}

/** Answers with a refusal page; the log keeps the reason, never the token. */
export function refuse(rt: Runtime, res: Response, fn: string, why: Refusal, reason: string): void {
  rt.log('NOTICE', 'Từ chối mở trang trạng thái', { function: fn, status: REFUSAL_STATUS[why], reason });
  sendPage(res, REFUSAL_STATUS[why], refusalPageHtml(why));
}

/**
 * The claim of a GET's `?t=` link, or undefined after answering: 405 for another method, 403 for a tampered, expired,
 * foreign or wrong-kind link (all the same page).
 */
export function admitLink<K extends LinkKind>(rt: Runtime, req: Request, res: Response, fn: string, kind: K): Extract<LinkClaim, { kind: K }> | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', 'GET, HEAD');
    sendPage(res, 405, refusalPageHtml('forbidden'));
    return undefined;
  }
  const check = verifyLink(linkSecret(rt), req.query.t, kind, rt.now());
  if (!check.ok) {
    refuse(rt, res, fn, 'forbidden', check.reason);
    return undefined;
  }
  return check.claim as Extract<LinkClaim, { kind: K }>;
}

/** The campaign as the engine sees it, with its decisions, if the link's campaign is this workbook's. */
export async function readDecisions(workbook: Workbook, campaign: string): Promise<Evaluated | undefined> {
  if (workbook.repo.campaign.id !== campaign) return undefined;
  return readCampaign(workbook.repo);
}

/** A failure while building a page: 503 when Google is briefly unavailable, 500 otherwise (details in the log only). */
export function pageFailure(rt: Runtime, res: Response, fn: string, error: unknown): void {
  const { transient } = reportFailure(rt, fn, error);
  if (res.headersSent) return;
  const why: Refusal = transient ? 'unavailable' : 'error';
  if (transient) res.set('Retry-After', '30');
  sendPage(res, REFUSAL_STATUS[why], refusalPageHtml(why));
}
