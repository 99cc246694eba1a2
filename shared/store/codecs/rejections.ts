import { toVietnamIso } from '../../domain/dates.js';
import type { Finding } from '../../domain/findings.js';
import { escapeUnsafe, stripUnsafe } from '../../domain/text.js';
import type { Row } from '../table-store.js';
import { findingsText } from './nominations.js';

/** A submission that was refused: what came in, from where, and why. */
export interface Rejection {
  payload: unknown;
  source: string;
  responseId: string | undefined;
  findings: readonly Finding[];
  receivedAt: Date;
}

/**
 * A rejection as a row of the rejections tab ("Hồ sơ bị từ chối"), every cell clipped to fit and safe to store: the
 * payload is kept as JSON with every character a store cannot hold written as an escape (`\u0000`, `\ufffe`), so it
 * reads back exactly; the other cells drop such characters.
 */
export function rejectionRow(r: Rejection): Row {
  const { payload } = r;
  const field = (key: string) => {
    const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? clip(value, 300, '') : null;
  };
  let text: string;
  try {
    text = escapeUnsafe(JSON.stringify(payload) ?? String(payload));
  } catch {
    // nested too deep to write out (String() of a deep array recurses as deep, and would throw again)
    text = typeof payload === 'object' && payload !== null ? '(dữ liệu lồng nhau quá sâu, không ghi lại được)' : String(payload);
  }
  return {
    receivedAt: toVietnamIso(r.receivedAt),
    responseId: r.responseId === undefined ? null : clip(r.responseId, 200, ''),
    source: clip(r.source, 300, ''),
    name: field('name'),
    unit: field('unit'),
    // findings echo what was sent (a 200 KB "date", a JSON key as a field name): clipped to fit a cell (Google
    // refuses over 50,000 characters, Excel over 32,767), else the whole write fails and the rejection is not recorded
    findings: clip(findingsText(r.findings), 5000),
    findingCodes: clip(r.findings.map((f) => `${f.code}@${f.field}`).join(', '), 2000),
    payload: clip(text, 2000),
  };
}

/** Clips a text to `max` UTF-16 units without cutting a surrogate pair in two, and drops what no store can keep. */
function clip(text: string, max: number, mark = '…'): string {
  const safe = stripUnsafe(text);
  if (safe.length <= max) return safe;
  const cut = /[\uD800-\uDBFF]/.test(safe[max - 1] ?? '') ? max - 1 : max;
  return `${safe.slice(0, cut)}${mark}`;
}
