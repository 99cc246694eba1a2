/**
 * A faithful in-memory fake of the Google Forms API v1 REST surface this project uses, served through msw so the real
 * `@googleapis/forms` client is exercised end to end: forms.create / get / batchUpdate / setPublishSettings,
 * responses.list (timestamp filter, paging), watches.create / list / renew / delete. Call counts, every call recorded,
 * switchable faults.
 *
 * As Google does since 2026-06-30, a form made with `forms.create` is unpublished (publishSettings.publishState
 * isPublished and isAcceptingResponses false) and takes no responses until `forms.setPublishSettings` publishes it
 * (https://developers.google.com/workspace/forms/api/reference/rest/v1/forms/setPublishSettings). A form added with
 * `addForm` stands for one published by hand, unless `{ published: false }`.
 *
 * ```ts
 * const fake = new FakeForms({ now: () => clock });
 * server.use(...fake.handlers);
 * const formId = fake.addForm({ title: 'Hồ sơ' });
 * fake.addResponse(formId, { responseId: 'r1', lastSubmittedTime: '2024-08-12T03:00:00Z', answers: {} });
 * fake.fail('responses.list', { status: 503 });
 * ```
 */
import type { forms_v1 } from '@googleapis/forms';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { applyBatch, FormsApiError, parseFilter, WATCH_LIFETIME_MS, type FormState } from './forms-fake-model.js';

export const FORMS_METHODS = ['forms.create', 'forms.get', 'forms.batchUpdate', 'forms.setPublishSettings', 'responses.list', 'watches.create', 'watches.list', 'watches.renew', 'watches.delete'] as const;
export type FormsMethod = (typeof FORMS_METHODS)[number];

/** One planned fault: a Google error status, or a dropped connection. */
export type FormsFault = { status: number } | { drop: true };

export interface FormsCall {
  method: FormsMethod;
  formId?: string;
  query: Record<string, string>;
  body?: unknown;
  outcome: number | 'dropped';
}

export interface FakeFormsOptions {
  now?: () => Date;
  /** Largest page responses.list returns, whatever is asked (Google's is 5000). */
  maxPageSize?: number;
}

export class FakeForms {
  readonly handlers: HttpHandler[];
  readonly counts = Object.fromEntries(FORMS_METHODS.map((m) => [m, 0])) as Record<FormsMethod, number>;
  readonly calls: FormsCall[] = [];
  private readonly forms = new Map<string, FormState>();
  private readonly faults: Array<{ method: FormsMethod; fault: FormsFault }> = [];
  private ids = 0;
  /** Suspended watches whose cause remains. */
  private readonly unfixed = new Set<string>();
  private readonly now: () => Date;
  private readonly maxPageSize: number;

  constructor(options: FakeFormsOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.maxPageSize = options.maxPageSize ?? 5000;
    this.handlers = [http.all('https://forms.googleapis.com/v1/*', ({ request }) => this.handle(request))];
  }

  /** Creates a form directly (no API call, not counted); returns its id. */
  addForm(info: { title: string }, items: forms_v1.Schema$Item[] = [], options: { published?: boolean; accepting?: boolean } = {}): string {
    const formId = `1FAKE${String(++this.ids).padStart(8, '0')}formId`;
    const isPublished = options.published ?? true;
    const publishState = { isPublished, isAcceptingResponses: isPublished && (options.accepting ?? true) };
    this.forms.set(formId, {
      form: { formId, info: { ...info, documentTitle: info.title }, items: structuredClone(items), responderUri: `https://docs.google.com/forms/d/e/${formId}/viewform`, revisionId: 'r1', publishSettings: { publishState } },
      responses: [],
      watches: new Map(),
      revision: 1,
    });
    return formId;
  }

  /**
   * Adds a response, or replaces the one with the same responseId (an edit). A form that is not published and
   * accepting responses takes none: this throws, as a responder would find the form closed.
   */
  addResponse(formId: string, response: forms_v1.Schema$FormResponse): void {
    const state = this.state(formId);
    const publishState = state.form.publishSettings?.publishState;
    if (publishState && !(publishState.isPublished && publishState.isAcceptingResponses)) {
      throw new FormsApiError(403, `[forms-fake] form ${formId} is ${publishState.isPublished ? 'not accepting responses' : 'not published'}: no response can be submitted`);
    }
    const i = state.responses.findIndex((r) => r.responseId === response.responseId);
    if (i >= 0) state.responses[i] = structuredClone(response);
    else state.responses.push(structuredClone(response));
  }

  /**
   * Adds a watch directly, e.g. one about to expire or already expired. A SUSPENDED one keeps its cause (Google
   * refuses to renew it) unless `{ causeRemains: false }` — its cause was fixed — or until `fixCause`.
   */
  addWatch(formId: string, watch: forms_v1.Schema$Watch & { id: string }, options: { causeRemains?: boolean } = {}): void {
    this.state(formId).watches.set(watch.id, structuredClone(watch));
    if (watch.state === 'SUSPENDED' && options.causeRemains !== false) this.unfixed.add(watch.id);
  }

  /** The cause of a suspended watch is gone (e.g. the topic's publish grant was restored): it may be renewed. */
  fixCause(watchId: string): void {
    this.unfixed.delete(watchId);
  }

  form(formId: string): forms_v1.Schema$Form & { items: forms_v1.Schema$Item[] } {
    return structuredClone(this.state(formId).form);
  }

  watches(formId: string): forms_v1.Schema$Watch[] {
    return [...this.state(formId).watches.values()].map((w) => structuredClone(w));
  }

  /** The next call of `method` fails this way (queued: several calls fail in turn). */
  fail(method: FormsMethod, fault: FormsFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ method, fault });
  }

  private state(formId: string): FormState {
    const state = this.forms.get(formId);
    if (!state) throw new FormsApiError(404, `Requested entity was not found. (form ${formId})`);
    return state;
  }

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = routeOf(request.method, url.pathname);
    if (!route) return new FormsApiError(404, `[forms-fake] no endpoint for ${request.method} ${url.pathname}`).toResponse();
    const body = request.method === 'GET' || request.method === 'DELETE' ? undefined : await request.json().catch(() => undefined);
    const call: FormsCall = { method: route.method, ...(route.formId ? { formId: route.formId } : {}), query: Object.fromEntries(url.searchParams), ...(body === undefined ? {} : { body }), outcome: 200 };
    this.calls.push(call);
    this.counts[route.method] += 1;
    const planned = this.faults.findIndex((f) => f.method === route.method);
    if (planned >= 0) {
      const { fault } = this.faults.splice(planned, 1)[0]!;
      if ('drop' in fault) {
        call.outcome = 'dropped';
        return HttpResponse.error();
      }
      call.outcome = fault.status;
      return new FormsApiError(fault.status, `[forms-fake] planned fault ${fault.status}`).toResponse();
    }
    try {
      if (!request.headers.get('authorization')) throw new FormsApiError(401, 'Request is missing required authentication credential.');
      return Response.json(this.dispatch(route, url.searchParams, body));
    } catch (error) {
      if (!(error instanceof FormsApiError)) throw error;
      call.outcome = error.status;
      return error.toResponse();
    }
  }

  private dispatch(route: Route, query: URLSearchParams, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, any>;
    switch (route.method) {
      case 'forms.create': {
        const info = b.info ?? {};
        if (!info.title) throw new FormsApiError(400, 'info.title is required');
        if (b.items || b.settings || info.description) throw new FormsApiError(400, 'Only info.title and info.document_title may be set when creating a form.');
        // Since 2026-06-30 a form created through the API starts unpublished.
        const formId = this.addForm({ title: info.title }, [], { published: false });
        return this.state(formId).form;
      }
      case 'forms.get':
        return this.state(route.formId!).form;
      case 'forms.batchUpdate': {
        const state = this.state(route.formId!);
        const replies = applyBatch(state, b.requests ?? [], () => (0x10000000 + ++this.ids * 7919).toString(16));
        return { replies, writeControl: { requiredRevisionId: state.form.revisionId } };
      }
      case 'forms.setPublishSettings': {
        const state = this.state(route.formId!);
        const current = state.form.publishSettings;
        if (!current) throw new FormsApiError(400, "Legacy forms aren't supported because they don't have the publishSettings field.");
        const mask = b.updateMask ?? '*';
        if (mask !== '*' && mask !== 'publishState') throw new FormsApiError(400, `Invalid update mask: ${String(mask)}`);
        const wanted = b.publishSettings?.publishState;
        if (typeof wanted?.isPublished !== 'boolean') throw new FormsApiError(400, 'publish_settings.publish_state.is_published is required.');
        if (wanted.isPublished && typeof wanted.isAcceptingResponses !== 'boolean') throw new FormsApiError(400, 'publish_settings.publish_state.is_accepting_responses is required.');
        // "If is_published is set to false, this field is forced to false."
        const publishState = { isPublished: wanted.isPublished, isAcceptingResponses: wanted.isPublished && wanted.isAcceptingResponses === true };
        state.form.publishSettings = { publishState };
        return { formId: route.formId, publishSettings: { publishState } };
      }
      case 'responses.list': {
        const state = this.state(route.formId!);
        const filter = query.get('filter');
        const keep = parseFilter(filter);
        const size = Math.min(Number(query.get('pageSize') ?? this.maxPageSize) || this.maxPageSize, this.maxPageSize);
        const token = query.get('pageToken');
        const start = token ? decodeToken(token, filter) : 0;
        const matching = state.responses.filter((r) => !keep || keep(r));
        const page = matching.slice(start, start + size).map(({ formId: _, ...r }) => r);
        const next = start + size < matching.length ? encodeToken(start + size, filter) : undefined;
        return { ...(page.length ? { responses: page } : {}), ...(next ? { nextPageToken: next } : {}) };
      }
      case 'watches.create': {
        const state = this.state(route.formId!);
        const watch = b.watch ?? {};
        const topic = watch.target?.topic?.topicName;
        if (!['RESPONSES', 'SCHEMA'].includes(watch.eventType)) throw new FormsApiError(400, 'watch.eventType must be RESPONSES or SCHEMA');
        if (typeof topic !== 'string' || !/^projects\/[^/]+\/topics\/[^/]+$/.test(topic)) throw new FormsApiError(400, 'watch.target.topic.topicName is invalid');
        // One watch per event type per form for the calling project (https://developers.google.com/workspace/forms/api/guides/push-notifications).
        if ([...state.watches.values()].some((w) => w.eventType === watch.eventType)) throw new FormsApiError(409, `A watch of event type ${String(watch.eventType)} already exists on this form for this project.`);
        const id = b.watchId ?? `watch-${++this.ids}`;
        if (state.watches.has(id)) throw new FormsApiError(409, `Watch ${id} already exists.`);
        const now = this.now();
        const created = { id, target: { topic: { topicName: topic } }, eventType: watch.eventType, createTime: now.toISOString(), expireTime: new Date(now.getTime() + WATCH_LIFETIME_MS).toISOString(), state: 'ACTIVE' };
        state.watches.set(id, created);
        return created;
      }
      case 'watches.list':
        return { watches: [...this.state(route.formId!).watches.values()] };
      case 'watches.renew': {
        const watch = this.state(route.formId!).watches.get(route.watchId!);
        const now = this.now();
        if (!watch || Date.parse(watch.expireTime ?? '') <= now.getTime()) throw new FormsApiError(404, `Watch ${route.watchId} not found or expired.`);
        // A suspended watch is renewed only once its cause is gone; else it must be deleted and created again.
        if (watch.state === 'SUSPENDED' && this.unfixed.has(route.watchId!)) throw new FormsApiError(400, `Watch ${route.watchId} is suspended (${watch.errorType ?? 'unknown cause'}) and cannot be renewed until the cause is resolved.`);
        Object.assign(watch, { expireTime: new Date(now.getTime() + WATCH_LIFETIME_MS).toISOString(), state: 'ACTIVE' });
        delete watch.errorType;
        return watch;
      }
      case 'watches.delete': {
        if (!this.state(route.formId!).watches.delete(route.watchId!)) throw new FormsApiError(404, `Watch ${route.watchId} not found.`);
        this.unfixed.delete(route.watchId!);
        return {};
      }
    }
  }
}

interface Route {
  method: FormsMethod;
  formId?: string;
  watchId?: string;
}

function routeOf(verb: string, path: string): Route | undefined {
  const p = decodeURIComponent(path).replace(/^\/v1\/forms/, '');
  const m = /^(?:\/([^/:]+))?(:batchUpdate|:setPublishSettings)?(?:\/(responses|watches))?(?:\/([^/:]+))?(:renew)?$/.exec(p);
  if (!m) return undefined;
  const [, formId, action, collection, watchId, renew] = m;
  const route = (method: FormsMethod): Route => ({ method, ...(formId ? { formId } : {}), ...(watchId ? { watchId } : {}) });
  if (!formId) return verb === 'POST' && !collection ? route('forms.create') : undefined;
  if (action) return verb === 'POST' && !collection ? route(action === ':batchUpdate' ? 'forms.batchUpdate' : 'forms.setPublishSettings') : undefined;
  if (!collection) return verb === 'GET' ? route('forms.get') : undefined;
  if (collection === 'responses') return verb === 'GET' && !watchId ? route('responses.list') : undefined;
  if (renew) return verb === 'POST' && watchId ? route('watches.renew') : undefined;
  if (watchId) return verb === 'DELETE' ? route('watches.delete') : undefined;
  return verb === 'POST' ? route('watches.create') : verb === 'GET' ? route('watches.list') : undefined;
}

/** Page tokens are opaque to clients; this one remembers the offset and the filter it belongs to. */
const encodeToken = (offset: number, filter: string | null) => Buffer.from(JSON.stringify({ offset, filter })).toString('base64url');

function decodeToken(token: string, filter: string | null): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset: number; filter: string | null };
    if (t.filter !== filter) throw new FormsApiError(400, 'The page token does not match the filter of the first request.');
    return t.offset;
  } catch (error) {
    if (error instanceof FormsApiError) throw error;
    throw new FormsApiError(400, 'Invalid page token.');
  }
}
