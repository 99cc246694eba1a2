import type { AuthConfig } from '../config.js';
import { SIGNATURE_HEADER, verifySignature } from './hmac-signature.js';
import { BadTokenError, type IdentityClaims } from './id-token-verifier.js';

/** Who made a request, once verified. `local` only under `THIDUA_AUTH=off-local-only` on a loopback connection. */
export type Caller = { kind: 'google'; email: string } | { kind: 'hmac' } | { kind: 'local' };

/** Why a request was turned away; logged as a code, never with the credential. */
export const AuthFailure = ['missing-credential', 'bad-token', 'bad-signature', 'stale-signature', 'caller-not-allowed', 'not-on-council', 'signature-not-accepted'] as const;
export type AuthFailure = (typeof AuthFailure)[number];

export type AuthDecision = { ok: true; caller: Caller } | { ok: false; status: 401 | 403; reason: AuthFailure };

/** What the guard looks at: two headers, the raw body, and whether the connection is a loopback one. */
export interface AuthRequest {
  authorization?: string;
  signature?: string;
  rawBody: Buffer;
  loopback: boolean;
}

/** Who may call a door: the configured callers (Scheduler, Pub/Sub, Apps Script, signed clients) or only the council. */
export const Audience = ['callers', 'council'] as const;
export type Audience = (typeof Audience)[number];

export interface AuthenticatorDeps {
  verifyIdToken: (token: string, audiences: readonly string[]) => Promise<IdentityClaims>;
  now: () => Date;
}

/**
 * Decides whether a request may go on. A Google identity token (`Authorization: Bearer …`) must verify against the
 * configured audiences and carry an allowed, verified email; a signed request (`X-Thidua-Signature`) must match the
 * shared secret within five minutes. The council's door (export) takes only tokens of the council's emails.
 * Missing or bad credential → 401; a good credential that is not allowed here → 403.
 * Throws VerifierUnavailableError when Google's keys cannot be fetched (the caller answers 503).
 */
export class Authenticator {
  constructor(
    private readonly config: AuthConfig,
    private readonly deps: AuthenticatorDeps,
  ) {}

  async authorize(request: AuthRequest, audience: Audience): Promise<AuthDecision> {
    if (this.config.mode === 'off-local-only' && request.loopback) return { ok: true, caller: { kind: 'local' } };
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization?.trim() ?? '')?.[1];
    if (bearer) return this.byToken(bearer, audience);
    if (request.signature) return this.bySignature(request.signature, request.rawBody, audience);
    return { ok: false, status: 401, reason: 'missing-credential' };
  }

  private async byToken(token: string, audience: Audience): Promise<AuthDecision> {
    if (this.config.audiences.length === 0) return { ok: false, status: 401, reason: 'bad-token' };
    let claims: IdentityClaims;
    try {
      claims = await this.deps.verifyIdToken(token, this.config.audiences);
    } catch (error) {
      if (error instanceof BadTokenError) return { ok: false, status: 401, reason: 'bad-token' };
      throw error;
    }
    const allowed = audience === 'council' ? this.config.councilEmails : this.config.allowedCallers;
    if (!allowed.includes(claims.email)) return { ok: false, status: 403, reason: audience === 'council' ? 'not-on-council' : 'caller-not-allowed' };
    return { ok: true, caller: { kind: 'google', email: claims.email } };
  }

  private bySignature(header: string, body: Buffer, audience: Audience): AuthDecision {
    if (!this.config.hmacSecret) return { ok: false, status: 401, reason: 'bad-signature' };
    const check = verifySignature(this.config.hmacSecret, header, body, this.deps.now());
    if (!check.ok) return { ok: false, status: 401, reason: check.reason === 'stale' ? 'stale-signature' : 'bad-signature' };
    // A shared secret names no person: the award list goes only to a council member's own identity.
    if (audience === 'council') return { ok: false, status: 403, reason: 'signature-not-accepted' };
    return { ok: true, caller: { kind: 'hmac' } };
  }
}

export { SIGNATURE_HEADER };
