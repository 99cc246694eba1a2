import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a non-Google client signs its request with: `X-Thidua-Signature: t=<unix seconds>,v1=<hex>`. */
export const SIGNATURE_HEADER = 'x-thidua-signature';

/** How far the signed time may be from ours, either way. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

const hmac = (secret: string, t: string, body: Buffer | string) => createHmac('sha256', secret).update(`${t}.`).update(body).digest();

/**
 * Signs a request body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 *
 * @example fetch(url, { method: 'POST', body, headers: { 'X-Thidua-Signature': signBody(secret, body, new Date()) } })
 */
export function signBody(secret: string, body: Buffer | string, at: Date): string {
  const t = String(Math.floor(at.getTime() / 1000));
  return `t=${t},v1=${hmac(secret, t, body).toString('hex')}`;
}

/**
 * Checks a signature header against the raw body: well-formed, within five minutes of `now`, and equal to what the
 * secret gives, compared in constant time. Several `v1=` values are allowed (a client rotating secrets).
 */
export function verifySignature(secret: string, header: string, body: Buffer, now: Date): SignatureCheck {
  const parts = header.split(',').map((p) => p.trim());
  const t = parts.find((p) => p.startsWith('t='))?.slice(2);
  const candidates = parts.filter((p) => p.startsWith('v1=')).map((p) => p.slice(3));
  if (!t || !/^\d{1,12}$/.test(t) || candidates.length === 0 || candidates.some((c) => !/^[0-9a-f]{64}$/i.test(c))) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - Number(t)) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = hmac(secret, t, body);
  const match = candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
