import type { OAuth2Client } from 'google-auth-library';

/** What a verified Google identity token says about its caller. */
export interface IdentityClaims {
  email: string;
  issuer: string;
  audience: string;
}

/** The token itself is bad: wrong signature, audience, issuer, expired, or no verified email. Answer 401. */
export class BadTokenError extends Error {
  override readonly name = 'BadTokenError';
}

/** Google's public keys could not be fetched: nothing is known about the token yet. Answer 503, try again. */
export class VerifierUnavailableError extends Error {
  override readonly name = 'VerifierUnavailableError';
  readonly transient = true;
}

/**
 * How far the token's issuer's clock and ours may differ, in seconds: a token is refused once it expired more than this
 * long ago, or when it says it was issued more than this far in the future. google-auth-library allows five minutes
 * (`OAuth2Client.CLOCK_SKEW_SECS_`); the callers here (Cloud Scheduler, Eventarc, Apps Script, gcloud) get their
 * tokens from Google and the functions run on Google's NTP-synced machines, so 30 s is ample, and a token stolen from
 * a log or a proxy stays usable 30 s past its expiry rather than five minutes. See docs/functions.md.
 */
export const TOKEN_CLOCK_LEEWAY_SECONDS = 30;

export interface IdTokenVerifierOptions {
  /** Where Google's PEM certificates are fetched (tests answer it with msw; default Google's). */
  certsUrl?: string;
  /** Issuers accepted (default Google's two spellings). */
  issuers?: string[];
  /** Our clock, in ms (default `Date.now`). */
  now?: () => number;
}

/**
 * Verifies Google-signed identity tokens (Apps Script `ScriptApp.getIdentityToken()`, Cloud Scheduler and Pub/Sub push
 * OIDC tokens, `gcloud auth print-identity-token`) with google-auth-library, loaded on first use. Does what
 * `OAuth2Client.verifyIdToken` does — fetch and cache Google's certificates, then `verifySignedJwtWithCertsAsync` —
 * in two steps, so that failing to fetch the certificates (our problem, 503) is told apart from a bad token (401) —
 * and then holds the token's times to our own allowance, `TOKEN_CLOCK_LEEWAY_SECONDS`, not the library's five minutes.
 */
export class GoogleIdTokenVerifier {
  private client: Promise<OAuth2Client> | undefined;

  constructor(private readonly options: IdTokenVerifierOptions = {}) {}

  async verify(token: string, audiences: readonly string[]): Promise<IdentityClaims> {
    const client = await (this.client ??= this.load());
    let certs: Record<string, string>;
    try {
      certs = (await client.getFederatedSignonCertsAsync()).certs as Record<string, string>;
    } catch (cause) {
      throw new VerifierUnavailableError('Không tải được khóa công khai của Google để kiểm tra mã thông báo.', { cause });
    }
    let payload: Record<string, unknown> | undefined;
    try {
      const ticket = await client.verifySignedJwtWithCertsAsync(token, certs, [...audiences], this.options.issuers ?? ['accounts.google.com', 'https://accounts.google.com']);
      payload = ticket.getPayload() as Record<string, unknown> | undefined;
    } catch (cause) {
      throw new BadTokenError('Mã thông báo không hợp lệ.', { cause });
    }
    const now = (this.options.now ?? Date.now)() / 1000;
    const [exp, iat] = [Number(payload?.exp), Number(payload?.iat)];
    if (!(now <= exp + TOKEN_CLOCK_LEEWAY_SECONDS)) throw new BadTokenError('Mã thông báo đã hết hạn.');
    if (!(iat <= now + TOKEN_CLOCK_LEEWAY_SECONDS)) throw new BadTokenError('Mã thông báo ghi thời điểm cấp trong tương lai.');
    const email = payload?.email;
    if (typeof email !== 'string' || payload?.email_verified !== true) throw new BadTokenError('Mã thông báo không có email đã xác minh.');
    return { email: email.toLowerCase(), issuer: String(payload?.iss), audience: String(payload?.aud) };
  }

  private async load(): Promise<OAuth2Client> {
    const { OAuth2Client } = await import('google-auth-library');
    return new OAuth2Client(this.options.certsUrl ? { endpoints: { oauth2FederatedSignonPemCertsUrl: this.options.certsUrl } } : {});
  }
}
