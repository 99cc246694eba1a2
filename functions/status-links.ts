import { randomBytes } from 'node:crypto';
import type { Request } from '@google-cloud/functions-framework';
import { ConfigError } from '../shared/config.js';
import type { Campaign } from '../shared/domain/campaign.js';
import { linkExpiry, signLink } from '../shared/status/status-link.js';
import { isLoopback } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

/** Builds the signed links of one campaign: a nomination's status page and a unit's page. */
export interface StatusLinks {
  status(responseId: string): string;
  unit(unit: string): string;
}

let localSecret: string | undefined;

/**
 * The secret that signs status links: `THIDUA_LINK_SECRET`. Under `npm start` (THIDUA_AUTH=off-local-only) without one,
 * a secret made for this process: links work until the server stops. Anywhere else a missing secret is a ConfigError —
 * never a silent default.
 */
export function linkSecret(rt: Runtime): string {
  const config = rt.config();
  if (config.links?.secret) return config.links.secret;
  if (config.auth.mode === 'off-local-only') return (localSecret ??= randomBytes(32).toString('base64url'));
  throw new ConfigError(['THIDUA_LINK_SECRET: thiếu (ký đường dẫn trạng thái; ≥ 32 ký tự, khác THIDUA_HMAC_SECRET)']);
}

/**
 * Where the status pages are served: `THIDUA_PUBLIC_URL`; under `npm start` without it, this very server as reached
 * over loopback (`http://127.0.0.1:<port>`).
 */
export function publicUrl(rt: Runtime, req: Request): string {
  const config = rt.config();
  if (config.links?.publicUrl) return config.links.publicUrl;
  if (config.auth.mode === 'off-local-only' && isLoopback(req)) {
    const host = req.socket.localAddress?.includes(':') && !req.socket.localAddress.startsWith('::ffff:') ? `[${req.socket.localAddress}]` : '127.0.0.1';
    return `http://${host}:${String(req.socket.localPort)}`;
  }
  throw new ConfigError(['THIDUA_PUBLIC_URL: thiếu (địa chỉ của hàm statusPages, để gửi đường dẫn trạng thái)']);
}

/**
 * The link builder for a campaign, or the ConfigError saying which variable is missing. Links expire a year after the
 * campaign's term (see linkExpiry), so a nomination's link is the same every time it is made.
 */
export function statusLinks(rt: Runtime, req: Request, campaign: Campaign): StatusLinks {
  const secret = linkSecret(rt);
  const base = publicUrl(rt, req);
  const expiresAt = linkExpiry(campaign.term.to, rt.now());
  return {
    status: (responseId) => `${base}/status?t=${signLink(secret, { kind: 'status', campaign: campaign.id, responseId, expiresAt })}`,
    unit: (unit) => `${base}/unit?t=${signLink(secret, { kind: 'unit', campaign: campaign.id, unit, expiresAt })}`,
  };
}

/**
 * The same, for a door whose main job must not fail for want of links (intake, the deadline report): undefined, with
 * a WARNING naming the missing variable, when links are not configured.
 */
export function optionalStatusLinks(rt: Runtime, req: Request, campaign: Campaign, fn: string): StatusLinks | undefined {
  try {
    return statusLinks(rt, req, campaign);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    rt.log('WARNING', 'Chưa cấu hình đường dẫn trạng thái; trả lời không kèm đường dẫn', { function: fn, missing: error.problems });
    return undefined;
  }
}
