/**
 * Google-style error bodies and `fields` partial-response masks for the Sheets fake.
 */
import { HttpResponse } from 'msw';

/** Canonical status names Google puts next to the HTTP code. */
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  500: 'Internal error encountered.',
  502: 'Bad Gateway',
  503: 'The service is currently unavailable.',
  504: 'The request timed out. Please try again.',
};

/** An API failure, rendered as `{ error: { code, message, status } }`. Throw it from any handler. */
export class SheetsApiError extends Error {
  constructor(
    readonly code: number,
    message: string = DEFAULT_MESSAGES[code] ?? 'Error',
    readonly details?: readonly unknown[],
  ) {
    super(message);
  }

  /** The JSON body Google would send. */
  toBody(): GoogleErrorBody {
    const error: GoogleErrorBody['error'] = { code: this.code, message: this.message, status: STATUS_NAMES[this.code] ?? 'UNKNOWN' };
    if (this.details) error.details = [...this.details];
    return { error };
  }

  toResponse(): Response {
    return HttpResponse.json(this.toBody(), { status: this.code });
  }
}

/** Shape of every error body the fake sends. */
export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    status: string;
    details?: unknown[];
  };
}

/** 400 INVALID_ARGUMENT with the given message. */
export function invalid(message: string): SheetsApiError {
  return new SheetsApiError(400, message);
}

/** 429 as sent when a per-minute quota is exhausted (`message` overrides Google's text). */
export function quotaExceeded(kind: 'Read' | 'Write', message?: string): SheetsApiError {
  const limit = `${kind}RequestsPerMinutePerUser`;
  return new SheetsApiError(
    429,
    message ??
      `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          service: 'sheets.googleapis.com',
          quota_metric: `sheets.googleapis.com/${kind.toLowerCase()}_requests`,
          quota_limit: limit,
          consumer: 'projects/000000000000',
        },
      },
    ],
  );
}

/** Validates an enum query/body parameter the way Google reports a bad value. */
export function checkEnum<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
  wireName: string,
  typeName: string,
): T | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(`Invalid value at '${wireName}' (type.googleapis.com/google.apps.sheets.v4.${typeName}), "${value}"`);
}

type MaskTree = Map<string, MaskTree>;

/** Parses `sheets.properties(sheetId,title),spreadsheetId` into a tree; `*` marks "whole value". */
function parseMask(fields: string): MaskTree {
  const text = fields.replace(/\s+/g, '');
  let i = 0;
  const parseList = (): MaskTree => {
    const tree: MaskTree = new Map();
    while (i < text.length && text[i] !== ')') {
      let path = '';
      while (i < text.length && !',()'.includes(text[i] ?? '')) path += text[i++];
      let node = tree;
      for (const part of path.split('.').filter(Boolean)) {
        const next = node.get(part) ?? new Map();
        node.set(part, next);
        node = next;
      }
      if (text[i] === '(') {
        i += 1;
        for (const [key, sub] of parseList()) node.set(key, sub);
        i += 1; // the closing ')'
      } else {
        node.set('*', new Map());
      }
      if (text[i] === ',') i += 1;
    }
    return tree;
  };
  return parseList();
}

function applyTree(value: unknown, tree: MaskTree): unknown {
  if (tree.size === 0 || tree.has('*') || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => applyTree(item, tree));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) out[key] = applyTree(child, sub);
  }
  return out;
}

/** Applies a `fields` partial-response mask (unknown names are silently dropped). */
export function applyFieldMask<T>(body: T, fields: string | null): T {
  if (!fields || fields.trim() === '*') return body;
  return applyTree(body, parseMask(fields)) as T;
}
