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

export interface IdTokenVerifierOptions {
  /** Where Google's PEM certificates are fetched (tests answer it with msw; default Google's). */
  certsUrl?: string;
  /** Issuers accepted (default Google's two spellings). */
  issuers?: string[];
}

/**
 * Verifies Google-signed identity tokens (Apps Script `ScriptApp.getIdentityToken()`, Cloud Scheduler and Pub/Sub push
 * OIDC tokens, `gcloud auth print-identity-token`) with google-auth-library, loaded on first use. Does what
 * `OAuth2Client.verifyIdToken` does — fetch and cache Google's certificates, then `verifySignedJwtWithCertsAsync` —
 * in two steps, so that failing to fetch the certificates (our problem, 503) is told apart from a bad token (401).
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
    const email = payload?.email;
    if (typeof email !== 'string' || payload?.email_verified !== true) throw new BadTokenError('Mã thông báo không có email đã xác minh.');
    return { email: email.toLowerCase(), issuer: String(payload?.iss), audience: String(payload?.aud) };
  }

  private async load(): Promise<OAuth2Client> {
    const { OAuth2Client } = await import('google-auth-library');
    return new OAuth2Client(this.options.certsUrl ? { endpoints: { oauth2FederatedSignonPemCertsUrl: this.options.certsUrl } } : {});
  }
}
