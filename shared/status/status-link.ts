import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Status links: unguessable, signed tokens that open one nomination's status page (`status`) or one unit's list of
 * nominations (`unit`) without a login, and nothing else. Pure: the secret and the clock come in as arguments.
 *
 * A token is `<payload>.<signature>`, both base64url: the payload is the JSON array
 * `[version, kind, campaign, responseId | unit, expiry in unix seconds]`, the signature HMAC-SHA256 with the secret
 * over `thidua-link.` + the encoded payload. The kind is inside what is signed, so a unit token never opens a
 * nomination (nor the other way round), and a token of another campaign never opens this one's workbook.
 */

export const LinkKind = ['status', 'unit'] as const;
export type LinkKind = (typeof LinkKind)[number];

/** What a link grants: one nomination of a campaign, or one unit's nominations in a campaign, until `expiresAt`. */
export type LinkClaim =
  | { kind: 'status'; campaign: string; responseId: string; expiresAt: Date }
  | { kind: 'unit'; campaign: string; unit: string; expiresAt: Date };

/** Why a token is refused; a page shows the same words for each, the log keeps the reason. */
export type LinkCheck = { ok: true; claim: LinkClaim } | { ok: false; reason: 'malformed' | 'mismatch' | 'wrong-kind' | 'expired' };

const VERSION = 1;
/** Longest token looked at: a 300-character unit name, base64url, with room to spare. */
export const MAX_TOKEN_LENGTH = 2048;
const B64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 32;

const Payload = z.tuple([z.literal(VERSION), z.enum(LinkKind), z.string().min(1).max(100), z.string().min(1).max(300), z.number().int().positive()]);

const mac = (secret: string, payload: string): Buffer => createHmac('sha256', secret).update(`thidua-link.${payload}`).digest();

/**
 * Signs a claim into a token for a URL's query (`?t=…`). The same claim and secret always give the same token.
 *
 * @example signLink(secret, { kind: 'status', campaign: 'van-ninh-dan-van-kheo', responseId: '2_ABaOnud', expiresAt })
 */
export function signLink(secret: string, claim: LinkClaim): string {
  const subject = claim.kind === 'status' ? claim.responseId : claim.unit;
  const payload = Buffer.from(JSON.stringify([VERSION, claim.kind, claim.campaign, subject, Math.floor(claim.expiresAt.getTime() / 1000)])).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Checks a token: well-formed, signed with the secret (compared in constant time, before anything inside is read),
 * of the kind the page serves, and not expired at `now`.
 */
export function verifyLink(secret: string, token: unknown, kind: LinkKind, now: Date): LinkCheck {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const [payload, signature, extra] = token.split('.');
  if (extra !== undefined || !payload || !signature || !B64URL.test(payload) || !B64URL.test(signature)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== signature) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(given, mac(secret, payload))) return { ok: false, reason: 'mismatch' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = Payload.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const [, tokenKind, campaign, subject, expiry] = parsed.data;
  if (tokenKind !== kind) return { ok: false, reason: 'wrong-kind' };
  const expiresAt = new Date(expiry * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: tokenKind === 'status' ? { kind: 'status', campaign, responseId: subject, expiresAt } : { kind: 'unit', campaign, unit: subject, expiresAt } };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Links stay open this long after the campaign's term ends, so a unit can still see the final decision. */
export const VALID_AFTER_TERM_DAYS = 365;
/** … and at least this long from when they are made, for a campaign already long over. */
export const MIN_VALID_DAYS = 30;

/**
 * When the links of a campaign expire: 365 days after its term ends (start of that Vietnam day), so that the same
 * nomination always gets the same link; for a campaign over for longer, 30 days from `now`.
 *
 * @example linkExpiry('2026-09-30', new Date('2024-08-20T03:00:00Z')) // 2027-09-30T17:00:00Z (01/10/2027 00:00 +07:00)
 */
export function linkExpiry(termTo: string, now: Date): Date {
  const [y, m, d] = termTo.split('-').map(Number) as [number, number, number];
  const afterTerm = Date.UTC(y, m - 1, d + 1) - 7 * 60 * 60 * 1000 + VALID_AFTER_TERM_DAYS * DAY_MS;
  return new Date(Math.max(afterTerm, now.getTime() + MIN_VALID_DAYS * DAY_MS));
}
