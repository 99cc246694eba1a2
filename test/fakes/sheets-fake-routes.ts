/**
 * URL routing for the Sheets fake. Path segments are split while still percent-encoded, so a
 * sheet title containing `/` or `:` (encoded by the client) cannot be mistaken for structure;
 * custom verbs (`:append`, `:clear`, `:batchUpdate`…) are the unencoded `:` suffix of a segment.
 */
import type { MethodName } from './sheets-fake-faults.js';

/** A recognised API call. */
export interface Route {
  method: MethodName;
  spreadsheetId: string | undefined;
  /** Decoded A1 range for the single-range values methods. */
  range: string | undefined;
}

const PREFIX = '/v4/spreadsheets';

function splitVerb(segment: string): [string, string | undefined] {
  const m = /^(.*):([A-Za-z]+)$/.exec(segment);
  return m ? [m[1] ?? '', m[2]] : [segment, undefined];
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Maps an HTTP method and URL path to an API method, or undefined when nothing matches. */
export function parseRoute(httpMethod: string, pathname: string): Route | undefined {
  if (!pathname.startsWith(PREFIX)) return undefined;
  const rest = pathname.slice(PREFIX.length);
  const route = (method: MethodName, spreadsheetId?: string, range?: string): Route => ({ method, spreadsheetId, range });

  if (rest === '' || rest === '/') return httpMethod === 'POST' ? route('spreadsheets.create') : undefined;
  const segments = rest.slice(1).split('/');
  const [first = '', second, third] = segments;
  if (segments.length > 3) return undefined;

  if (segments.length === 1) {
    const [rawId, verb] = splitVerb(first);
    const id = decode(rawId);
    if (id === undefined) return undefined;
    if (verb === undefined && httpMethod === 'GET') return route('spreadsheets.get', id);
    if (verb === 'batchUpdate' && httpMethod === 'POST') return route('spreadsheets.batchUpdate', id);
    return undefined;
  }

  const id = decode(first);
  if (id === undefined) return undefined;
  if (segments.length === 2) {
    const [name, verb] = splitVerb(second ?? '');
    if (name !== 'values') return undefined;
    if (verb === 'batchGet' && httpMethod === 'GET') return route('values.batchGet', id);
    if (verb === 'batchUpdate' && httpMethod === 'POST') return route('values.batchUpdate', id);
    if (verb === 'batchClear' && httpMethod === 'POST') return route('values.batchClear', id);
    return undefined;
  }

  if (second !== 'values') return undefined;
  let [rawRange, verb] = splitVerb(third ?? '');
  // An unencoded `A1:B2` also ends in `:<letters>`; only the known verbs count as verbs.
  if (verb !== undefined && verb !== 'append' && verb !== 'clear') [rawRange, verb] = [third ?? '', undefined];
  const range = decode(rawRange);
  if (range === undefined || range === '') return undefined;
  if (verb === 'append' && httpMethod === 'POST') return route('values.append', id, range);
  if (verb === 'clear' && httpMethod === 'POST') return route('values.clear', id, range);
  if (verb === undefined && httpMethod === 'GET') return route('values.get', id, range);
  if (verb === undefined && httpMethod === 'PUT') return route('values.update', id, range);
  return undefined;
}
