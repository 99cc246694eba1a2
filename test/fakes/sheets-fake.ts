/**
 * A faithful in-memory fake of the Google Sheets API v4 REST surface, served through msw so the
 * real `@googleapis/sheets` client is exercised end to end.
 *
 * ```ts
 * const fake = new FakeSheets({ seed: 7 });
 * const server = setupServer(...fake.handlers);
 * const id = fake.createSpreadsheet({ sheets: [{ title: 'Hồ sơ', rows: [['Họ tên', 'Điểm']] }] });
 * fake.faults.enqueue(Faults.rateLimited(), 'values.append');
 * ```
 *
 * Model and endpoint code lives in the `sheets-fake-*.ts` helpers; this file routes requests,
 * applies faults and quotas, counts calls and offers inspection helpers for assertions.
 */
import { type HttpHandler, HttpResponse, delay, http } from 'msw';
import type { Cell, FormulaEvaluator } from './sheets-fake-cells.js';
import { type DispatchServices, dispatch, readJson } from './sheets-fake-dispatch.js';
import { type CallInfo, type Fault, FaultPlan, METHODS, type MethodName, MinuteQuota, WRITE_METHODS, seededRandom } from './sheets-fake-faults.js';
import { getCell } from './sheets-fake-grid.js';
import { SheetsApiError, applyFieldMask, quotaExceeded } from './sheets-fake-http.js';
import { type AppliedRequest, type SheetState, type SpreadsheetState, resolveRange } from './sheets-fake-model.js';
import { parseRoute } from './sheets-fake-routes.js';
import { TimingFaults } from './sheets-fake-timing.js';
import { type InspectedValue, type SeedSpreadsheet, inspectRange, seededSpreadsheet } from './sheets-fake-seed.js';

export { Faults, type Fault, type FaultRule, type FaultDecider, type CallInfo, type MethodName } from './sheets-fake-faults.js';
export type { Cell } from './sheets-fake-cells.js';
export type { InspectedValue, SeedSheet, SeedSpreadsheet } from './sheets-fake-seed.js';
export type { AppliedRequest, SheetState, SpreadsheetState } from './sheets-fake-model.js';

/** Options for {@link FakeSheets}. */
export interface FakeSheetsOptions {
  /** Seed of the PRNGs behind probabilistic faults and generated ids (default 1). */
  seed?: number;
  /** API root (default `https://sheets.googleapis.com`). */
  baseUrl?: string;
  /** Answer 429 to writes beyond this many per clock minute (default: unlimited; Google's is 60/min/user). */
  writesPerMinute?: number;
  /** Answer 429 to reads beyond this many per clock minute (default: unlimited). */
  readsPerMinute?: number;
  /** Clock for the quotas, in ms (default `Date.now`). */
  now?: () => number;
  /** What formula cells show when read as values (default `#N/A`: the fake computes nothing). */
  evaluateFormula?: FormulaEvaluator;
}

/** One request received by the fake. */
export interface CallRecord extends CallInfo {
  fault: Fault['kind'] | undefined;
  /** HTTP status sent, or `dropped` when the connection was failed. */
  outcome: number | 'dropped';
  /** For a `late` request: the status of its late application, once applied. */
  lateOutcome?: number;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The fake Sheets backend. Register {@link FakeSheets.handlers} with msw's `setupServer`. */
export class FakeSheets {
  /** msw request handlers serving the API. */
  readonly handlers: HttpHandler[];
  /** Planned faults; see {@link FaultPlan}. */
  readonly faults: FaultPlan;
  /** Requests received per method, faulted ones and client retries included. */
  readonly counts: Record<MethodName, number> = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<MethodName, number>;
  /** Every request received, in order. */
  readonly calls: CallRecord[] = [];
  /** Requests held back and applied late (`late` faults): settle them, and what Google answered to each. */
  readonly timing = new TimingFaults();

  private readonly docs = new Map<string, SpreadsheetState>();
  private readonly identities = new Map<string, string>();
  /** Separate stream from the fault PRNG, so creating sheets does not shift fault outcomes. */
  private readonly idRandom: () => number;
  private readonly writeQuota: MinuteQuota | undefined;
  private readonly readQuota: MinuteQuota | undefined;
  private readonly evaluate: FormulaEvaluator;
  private readonly services: DispatchServices = {
    docs: this.docs,
    evaluate: (formula) => this.evaluate(formula),
    newId: () => this.newId(),
    newSpreadsheetId: () => this.newSpreadsheetId(),
  };

  constructor(options: FakeSheetsOptions = {}) {
    const seed = options.seed ?? 1;
    this.faults = new FaultPlan(seededRandom(seed));
    this.idRandom = seededRandom(seed ^ 0x5bd1e995);
    const now = options.now ?? Date.now;
    if (options.writesPerMinute !== undefined) this.writeQuota = new MinuteQuota(options.writesPerMinute, now);
    if (options.readsPerMinute !== undefined) this.readQuota = new MinuteQuota(options.readsPerMinute, now);
    this.evaluate = options.evaluateFormula ?? (() => '#N/A');
    const base = (options.baseUrl ?? 'https://sheets.googleapis.com').replace(/\/$/, '');
    this.handlers = [http.all(`${base}/v4/*`, ({ request }) => this.handle(request))];
  }

  /** Creates a spreadsheet directly (no API call, not counted); returns its id. */
  createSpreadsheet(seed: SeedSpreadsheet = {}): string {
    const ss = seededSpreadsheet(seed.spreadsheetId ?? this.newSpreadsheetId(), seed, () => this.newId());
    this.docs.set(ss.spreadsheetId, ss);
    return ss.spreadsheetId;
  }

  /** The stored cell at an A1 address such as `'Hồ sơ'!B2` (undefined when empty). */
  cell(spreadsheetId: string, a1: string): Cell | undefined {
    const { sheet, ref } = resolveRange(this.doc(spreadsheetId), a1);
    const cell = getCell(sheet, ref.startRow, ref.startCol);
    return cell && structuredClone(cell);
  }

  /** Stored contents of a range, trailing empties trimmed; formulas come back as `{ formula }`, empty cells as null. */
  values(spreadsheetId: string, range: string): InspectedValue[][] {
    return inspectRange(this.doc(spreadsheetId), range);
  }

  /** A copy of one sheet's state: properties, protected ranges, validations, conditional formats, metadata. */
  sheet(spreadsheetId: string, title: string): SheetState {
    const sheet = this.doc(spreadsheetId).sheets.find((s) => s.properties.title === title);
    if (!sheet) throw new Error(`[sheets-fake] no sheet "${title}" in ${spreadsheetId}`);
    return structuredClone(sheet);
  }

  /** A copy of a whole spreadsheet's state. */
  spreadsheet(spreadsheetId: string): SpreadsheetState {
    return structuredClone(this.doc(spreadsheetId));
  }

  /** `spreadsheets.batchUpdate` requests applied so far (only from batches that succeeded), optionally of one kind. */
  appliedRequests(spreadsheetId: string, kind?: AppliedRequest['kind']): AppliedRequest[] {
    return structuredClone(this.doc(spreadsheetId).applied.filter((a) => kind === undefined || a.kind === kind));
  }

  /** Changes what the caller may do with a spreadsheet (simulates sharing settings). */
  setAccess(spreadsheetId: string, access: SpreadsheetState['access']): void {
    this.doc(spreadsheetId).access = access;
  }

  /**
   * Tells the fake who calls with an access token (e.g. `identify('test-token', 'thidua-fn@p.iam.gserviceaccount.com')`);
   * a token it was not told about calls as the spreadsheet's owner. Protected ranges are enforced by this identity.
   */
  identify(token: string, email: string): void {
    this.identities.set(token, email);
  }

  /** Sets a spreadsheet's owner (default `owner@example.com`), who may always edit protected ranges. */
  setOwner(spreadsheetId: string, email: string): void {
    this.doc(spreadsheetId).owner = email;
  }

  /** Zeroes {@link counts} and empties {@link calls}. */
  resetCounts(): void {
    for (const m of METHODS) this.counts[m] = 0;
    this.calls.length = 0;
  }

  private doc(spreadsheetId: string): SpreadsheetState {
    const ss = this.docs.get(spreadsheetId);
    if (!ss) throw new Error(`[sheets-fake] no spreadsheet ${spreadsheetId}`);
    return ss;
  }

  private newId(): number {
    return 1 + Math.floor(this.idRandom() * 2_147_483_646);
  }

  private newSpreadsheetId(): string {
    let id = '';
    while (id.length < 44) id += ID_CHARS[Math.floor(this.idRandom() * ID_CHARS.length)];
    return this.docs.has(id) ? this.newSpreadsheetId() : id;
  }

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = parseRoute(request.method, url.pathname);
    if (!route) {
      return new SheetsApiError(404, `[sheets-fake] no endpoint for ${request.method} ${url.pathname}`).toResponse();
    }
    const info: CallInfo = { method: route.method, spreadsheetId: route.spreadsheetId, range: route.range, seq: this.calls.length + 1 };
    const record: CallRecord = { ...info, fault: undefined, outcome: 200 };
    this.calls.push(record);
    this.counts[route.method] += 1;

    const picked = this.faults.pick(info);
    record.fault = picked?.kind;
    if (picked?.kind === 'delay') await delay(picked.ms);
    if (picked?.kind === 'held') await picked.until.then(undefined, () => undefined);
    if (picked?.kind === 'late') {
      const copy = await TimingFaults.copyOf(request);
      return this.timing.lateRequest(picked.until, record, () => this.process(copy, url, route));
    }
    if (picked?.kind === 'truncated') return this.timing.truncated(await this.process(request, url, route), record);
    const fault = picked?.kind === 'held' ? undefined : picked;
    if (fault && fault.kind !== 'delay' && !fault.applyFirst) return this.faultResponse(fault, record);
    const response = await this.process(request, url, route);
    if (fault && fault.kind !== 'delay') return this.faultResponse(fault, record);
    record.outcome = response.status;
    return response;
  }

  /** Carries one request out (credentials, quotas, the endpoint) and returns Google's answer. */
  private async process(request: Request, url: URL, route: NonNullable<ReturnType<typeof parseRoute>>): Promise<Response> {
    let response: Response;
    try {
      if (!request.headers.get('authorization') && !url.searchParams.get('key')) throw new SheetsApiError(401);
      const quota = WRITE_METHODS.has(route.method) ? this.writeQuota : this.readQuota;
      if (quota && !quota.tryTake()) throw quotaExceeded(WRITE_METHODS.has(route.method) ? 'Write' : 'Read');
      const body = await readJson(request);
      const token = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      const result = dispatch(route, url.searchParams, body, this.services, token ? this.identities.get(token) : undefined);
      response = Response.json(applyFieldMask(result, url.searchParams.get('fields')));
    } catch (e) {
      if (!(e instanceof SheetsApiError)) throw e;
      response = e.toResponse();
    }
    return response;
  }

  private faultResponse(fault: Extract<Fault, { kind: 'error' | 'drop' }>, record: CallRecord): Response {
    if (fault.kind === 'drop') {
      record.outcome = 'dropped';
      return HttpResponse.error();
    }
    record.outcome = fault.status;
    const error =
      fault.status === 429
        ? quotaExceeded(WRITE_METHODS.has(record.method) ? 'Write' : 'Read', fault.message)
        : new SheetsApiError(fault.status, fault.message);
    return error.toResponse();
  }
}
