/**
 * The functions on the council's Google Sheet (the Sheets fake, through the real client), with time made virtual:
 * every wait of the store (retries, the write lock's polls) advances a clock instead of sleeping, so a run with
 * thousands of faults takes seconds. Identity tokens are signed with the test key of test/functions/harness.ts.
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { vi } from 'vitest';
import { createRuntime, type Runtime } from '../../functions/runtime/runtime.js';
import type { Logger } from '../../functions/runtime/log.js';
import type { LockPolicy } from '../../shared/google/sheets/lock.js';
import type { RetryPolicy } from '../../shared/google/retry.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { recordForm } from '../../shared/jobs/create-form.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { FakeSheets, type Fault } from '../fakes/sheets-fake.js';
import { seededRandom } from '../fakes/sheets-fake-faults.js';
import { AUDIENCE, captureLog, certsHandler, CERTS_URL, SCHEDULER, server, tokenAuth } from '../functions/harness.js';
import { vanNinh } from '../support/builders.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';

export const NOMINATIONS = 'Hồ sơ đề nghị';
export const REJECTIONS = 'Hồ sơ bị từ chối';
const SA = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';

/** A clock that only moves when someone waits on it. */
export class VirtualClock {
  constructor(public ms = Date.parse('2024-08-20T03:00:00Z')) {}
  now = (): number => this.ms;
  sleep = async (ms: number): Promise<void> => {
    this.ms += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };
}

/**
 * A sheet set up by `thidua init`, and a runtime whose functions use it with the write lock on. Waiting for the lock
 * polls every 5 s of virtual time (not 0.5 s): the same waits, a tenth of the calls.
 */
export async function googleSetup(
  options: { seed?: number; lock?: Partial<LockPolicy>; timeoutMs?: number; retry?: Partial<RetryPolicy>; sheets?: FakeSheets; formId?: string; now?: () => Date } = {},
) {
  // One fake per test: its handler answers every spreadsheet id, so a second fake would never be reached.
  const sheets = options.sheets ?? new FakeSheets({ seed: options.seed ?? 11 });
  if (!options.sheets) server.use(certsHandler(), ...sheets.handlers);
  const spreadsheetId = sheets.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  const tables = new GoogleSheetsStore({ spreadsheetId, auth: tokenAuth(), editorEmail: SA });
  const store = await initCampaign(tables, vanNinh());
  const questions = [...buildFormPlan(vanNinh()).questions.values()];
  if (options.formId) await recordForm(store, { formId: options.formId, questions });
  sheets.resetCounts();
  const clock = new VirtualClock();
  const { log, lines } = captureLog();
  const rt: Runtime = runtimeOn(createRuntime, spreadsheetId, clock, log, { ...options, skewMs: 0 });
  return { sheets, spreadsheetId, rt, clock, lines, store, questions, options };
}

type RuntimeOptions = { seed?: number; lock?: Partial<LockPolicy>; timeoutMs?: number; retry?: Partial<RetryPolicy>; formId?: string; now?: () => Date; skewMs: number };

/** The functions' runtime on the sheet, its waits on `clock`, its lock's clock `skewMs` off the others'. */
function runtimeOn(create: typeof createRuntime, spreadsheetId: string, clock: VirtualClock, log: Logger, options: RuntimeOptions): Runtime {
  return create({
    env: { THIDUA_SPREADSHEET_ID: spreadsheetId, THIDUA_SERVICE_ACCOUNT: SA, THIDUA_OIDC_AUDIENCES: AUDIENCE, THIDUA_ALLOWED_CALLERS: SCHEDULER, ...(options.formId ? { THIDUA_FORM_ID: options.formId } : {}) },
    now: options.now ?? (() => new Date('2024-08-20T03:00:00Z')),
    log,
    certsUrl: CERTS_URL,
    googleAuth: tokenAuth(),
    forms: { sleep: clock.sleep, random: seededRandom((options.seed ?? 11) + 1) },
    sheets: {
      sleep: clock.sleep,
      now: () => clock.now() + options.skewMs,
      random: seededRandom((options.seed ?? 11) + options.skewMs),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      lock: { pollMs: 5_000, ...options.lock },
    },
  });
}

/**
 * Another instance of the functions on a set-up sheet — another process: a fresh copy of the modules, so its own
 * queues and lock holder — whose clock is `skewMs` off the first one's (its waits still advance the shared clock).
 * Returns its intake door.
 */
export async function otherInstance(setup: Awaited<ReturnType<typeof googleSetup>>, skewMs: number): Promise<{ rt: Runtime; intake: HttpFunction }> {
  vi.resetModules();
  const [{ createRuntime: create }, { intake }] = await Promise.all([import('../../functions/runtime/runtime.js'), import('../../functions/intake.js')]);
  const { log } = captureLog();
  const rt = runtimeOn(create, setup.spreadsheetId, setup.clock, log, { ...setup.options, skewMs });
  return { rt, intake: intake(rt) };
}

/**
 * Gates for `late` faults: each opens once the fake has seen `after` more calls (`tick` on every call), so a request
 * is applied late among the others' — or all at once with `openAll`.
 */
export class LateGates {
  private calls = 0;
  private readonly waiting: Array<{ at: number; open: () => void }> = [];

  gate(after: number): Promise<void> {
    return new Promise<void>((open) => this.waiting.push({ at: this.calls + after, open }));
  }

  tick(): void {
    this.calls += 1;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (this.waiting[i]!.at <= this.calls) this.waiting.splice(i, 1)[0]!.open();
    }
  }

  openAll(): void {
    for (const w of this.waiting.splice(0)) w.open();
  }
}

/** Rows per responseId in a tab's first column (the key), as the sheet holds them. */
export function keyCounts(sheets: FakeSheets, spreadsheetId: string, tab = NOMINATIONS): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [key] of sheets.values(spreadsheetId, `'${tab}'!A2:A`)) {
    if (key === null || key === undefined || key === '') continue;
    counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
  }
  return counts;
}

/** The faults of the issue, one of them drawn for a faulty call. */
export const FAULT_MIX = (random: () => number): Fault => {
  const mix: Fault[] = [
    { kind: 'error', status: 429 },
    { kind: 'error', status: 500 },
    { kind: 'error', status: 503 },
    { kind: 'drop' },
    { kind: 'delay', ms: 1 + Math.floor(random() * 4) },
    { kind: 'error', status: 503, applyFirst: true },
    { kind: 'drop', applyFirst: true },
  ];
  return mix[Math.floor(random() * mix.length)]!;
};

/** A fault as the suites' summaries name it. */
export function faultLabel(fault: Fault): string {
  switch (fault.kind) {
    case 'delay':
      return 'slow';
    case 'drop':
      return fault.applyFirst ? 'applied, connection reset' : 'connection reset';
    case 'error':
      return fault.applyFirst ? `applied, ${fault.status}` : String(fault.status);
    case 'held':
      return 'overtaken';
    case 'late':
      return 'applied late';
    case 'truncated':
      return 'applied, 200 cut short';
  }
}

/** stored / duplicated / lost for the responseIds a stream sent, from the rows the sheet ends with. */
export function tally(sent: readonly string[], rows: ReadonlyMap<string, number>): { stored: number; duplicated: number; lost: number } {
  const distinct = [...new Set(sent)];
  return {
    stored: distinct.filter((id) => (rows.get(id) ?? 0) >= 1).length,
    duplicated: distinct.reduce((n, id) => n + Math.max(0, (rows.get(id) ?? 0) - 1), 0),
    lost: distinct.filter((id) => (rows.get(id) ?? 0) === 0).length,
  };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
