import { sheets_v4 } from '@googleapis/sheets';
import { columnLetters, quoteTitle } from './a1.js';
import { callSettings, DEFAULT_TIMEOUT_MS, type RequestOptions } from '../call.js';
import type { SheetsAuth } from '../credentials.js';
import { faultOf } from '../fault.js';
import { spreadsheetUrl } from '../messages.js';
import type { RetryPolicy } from '../retry.js';
import { SheetsCaller } from './caller.js';
import { chunkBySize } from './chunks.js';
import { lockHolder, type LockHolder } from './lock-holder.js';
import { DEFAULT_LOCK_POLICY, outcomeUnknown, SheetLock, SheetLockError, type Lease, type LockPolicy } from './lock.js';
import { planRequests } from './lock-fence.js';
import { newSheetId, provisionRequests, repairRequests } from './provision.js';
import { columnPosition, columnsSnapshotOf, countSnapshotOf, rowsOf, snapshotOf, type TableSnapshot } from './table.js';
import { wholeAnswer } from './truncated-answer.js';
import { planWrites, type WritePlan } from './write-plan.js';
import type { TabLayout } from '../../store/layouts.js';
import { StoreError, type ReadOptions, type Row, type TableStore, type TableWrite } from '../../store/table-store.js';

export interface GoogleSheetsStoreOptions {
  /** The id in the sheet's address: `https://docs.google.com/spreadsheets/d/<id>/edit`. */
  spreadsheetId: string;
  /** Credentials: `sheetsAuth()` (ADC or a key file), or in tests an OAuth2Client holding a token. */
  auth: SheetsAuth;
  /** The service account's email: kept an editor of protected ranges, and named in "share the sheet" messages. */
  editorEmail?: string;
  /**
   * Further accounts that must edit the protected computed columns (the functions' service account and the CLI's
   * identity): named as editors of new protections, and added to existing ones when tabs are ensured.
   */
  editorEmails?: readonly string[];
  retry?: Partial<RetryPolicy>;
  /** How to wait between attempts (tests pass one that returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Per-request timeout; a request that times out is retried (default DEFAULT_TIMEOUT_MS, 60 s). */
  timeoutMs?: number;
  /** Largest JSON body of one values.batchUpdate (default 1.8 MB: Google advises ≤ 2 MB a request). */
  maxRequestBytes?: number;
  /** Where the API is served (default Google's): a local emulator or fake in benchmarks and tests. */
  rootUrl?: string;
  /**
   * Take the spreadsheet's write lock around every job and write, so that several processes (function instances,
   * services, the CLI) may write the same sheet (docs/decisions/002). Off: only this process's jobs are serialised.
   */
  lock?: boolean | Partial<LockPolicy>;
  /** Clock of the lock's leases, in ms (default `Date.now`). */
  now?: () => number;
  /**
   * Told (in Vietnamese) when a write takes the spreadsheet past CELL_WARNING_SHARE of Google's cell limit: the
   * functions log it, the CLI prints it. The write itself goes on.
   */
  onWarning?: (message: string) => void;
}

/** Google's limits: cells of a spreadsheet (every tab's grid, empty cells included) and characters of one cell. */
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;
/** The share of MAX_CELLS from which the council is warned. */
export const CELL_WARNING_SHARE = 0.8;

/** The Vietnamese warning for a spreadsheet using `cells` of its MAX_CELLS. */
export function cellBudgetWarning(spreadsheetId: string, cells: number): string {
  const percent = Math.floor((cells / MAX_CELLS) * 100);
  return `Bảng tính ${spreadsheetUrl(spreadsheetId)} đã dùng ${cells.toLocaleString('vi-VN')} trong giới hạn ${MAX_CELLS.toLocaleString('vi-VN')} ô của Google (${percent} %). Hãy chuyển các phong trào đã kết thúc sang bảng tính khác hoặc xóa các trang tính không dùng, trước khi bảng tính đầy và không ghi thêm được hồ sơ.`;
}

export const MAX_REQUEST_BYTES = 1_800_000;

/** Per spreadsheet within the process: the queue of exclusive jobs and the queue of single operations. */
const lanes = new Map<string, { jobs: Promise<unknown>; ops: Promise<unknown> }>();

function enqueue<T>(spreadsheetId: string, queue: 'jobs' | 'ops', job: () => Promise<T>): Promise<T> {
  let lane = lanes.get(spreadsheetId);
  if (!lane) lanes.set(spreadsheetId, (lane = { jobs: Promise.resolve(), ops: Promise.resolve() }));
  const run = lane[queue].then(job, job);
  lane[queue] = run.catch(() => undefined);
  return run;
}

/** Refuses, before anything is sent, a text longer than a Google Sheets cell takes, naming its tab, column and row. */
function assertCellTexts(batch: readonly TableWrite[]): void {
  for (const write of batch) {
    const rows = 'append' in write ? write.append : 'replaceAll' in write ? write.replaceAll : write.updateByKey;
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        if (typeof value !== 'string' || value.length <= MAX_CELL_CHARS) continue;
        const header = write.tab.columns.find((c) => c.key === key)?.header ?? key;
        throw new StoreError(
          `Không ghi được vào trang "${write.tab.title}": cột "${header}" của hàng thứ ${i + 1} trong lần ghi này dài ${value.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự một ô của Google Sheets. Chưa ghi gì cả; hãy rút gọn nội dung đó rồi gửi lại.`,
          { tab: write.tab.title, cell: header },
        );
      }
    });
  }
}

const uniqueTabs = (tabs: readonly TabLayout[]): TabLayout[] => [...new Map(tabs.map((t) => [t.title, t])).values()];

/**
 * The council's Google Sheet as a TableStore, through `@googleapis/sheets`. Every job is a constant number of calls:
 * reads are one `values.batchGet`, writes one `values.batchUpdate` (chunked under ~2 MB) at explicit row positions
 * after one read that locates headers and keys, values always RAW. Transient faults are retried with backoff,
 * writes included, which is safe because a repeated write lands on the same cells (docs/decisions/001).
 */
export class GoogleSheetsStore implements TableStore {
  readonly spreadsheetId: string;
  private readonly api: sheets_v4.Sheets;
  private readonly caller: SheetsCaller;
  private readonly editors: readonly string[];
  private readonly maxRequestBytes: number;
  private readonly sheetIds = new Map<string, number>();
  /** What the current exclusive job has read, by tab title; undefined outside a job. */
  private jobSnapshots: Map<string, TableSnapshot> | undefined;
  private readonly lock: { lock: SheetLock; holder: LockHolder } | undefined;
  private readonly onWarning: ((message: string) => void) | undefined;

  constructor(options: GoogleSheetsStoreOptions) {
    this.spreadsheetId = options.spreadsheetId;
    this.editors = [...new Map([options.editorEmail, ...(options.editorEmails ?? [])].filter((e): e is string => !!e).map((e) => [e.toLowerCase(), e])).values()];
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.onWarning = options.onWarning;
    this.api = new sheets_v4.Sheets({ auth: options.auth, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) });
    const settings = callSettings(options);
    // with a custom rootUrl (an emulator, the bench) its host is the API's: a refusal from it is not a bad key
    const apiHost = options.rootUrl ? new URL(options.rootUrl).host : undefined;
    this.caller = new SheetsCaller({ ...settings, spreadsheetId: options.spreadsheetId, editorEmail: options.editorEmail, ...(apiHost ? { apiHost } : {}) });
    if (options.lock) {
      const policy = { ...DEFAULT_LOCK_POLICY, ...(options.lock === true ? {} : options.lock) };
      const now = options.now ?? Date.now;
      const lock = new SheetLock({ api: this.api, caller: this.caller, spreadsheetId: this.spreadsheetId, policy, now, sleep: settings.sleep, random: settings.random });
      this.lock = { lock, holder: lockHolder(this.spreadsheetId, policy, now) };
    }
  }

  ensureTabs(tabs: TabLayout[]): Promise<void> {
    return enqueue(this.spreadsheetId, 'ops', () => this.provision(uniqueTabs(tabs)));
  }

  readTabs(tabs: TabLayout[], options: ReadOptions = {}): Promise<Map<string, Row[]>> {
    return enqueue(this.spreadsheetId, 'ops', async () => {
      const snapshots = await this.snapshots(uniqueTabs(tabs), new Set(options.countOnly), options.columns ?? {});
      // Inside an exclusive job nothing else of this process writes the sheet: the write that follows places its
      // rows from these snapshots instead of reading the tabs again (a read-then-write job is 2 calls, not 3).
      for (const [title, snapshot] of snapshots) this.jobSnapshots?.set(title, snapshot);
      return new Map(tabs.map((tab) => [tab.id, rowsOf(snapshots.get(tab.title)!)]));
    });
  }

  write(batch: TableWrite[]): Promise<void> {
    if (batch.length === 0) return Promise.resolve();
    return enqueue(this.spreadsheetId, 'ops', this.locked(false, async () => {
      assertCellTexts(batch);
      const tabs = uniqueTabs(batch.map((w) => w.tab));
      const known = this.jobSnapshots ?? new Map<string, TableSnapshot>();
      const missing = tabs.filter((t) => !known.has(t.title));
      const fetched = missing.length > 0 ? await this.snapshots(missing) : new Map<string, TableSnapshot>();
      const plan = planWrites(batch, new Map(tabs.map((t) => [t.title, known.get(t.title) ?? fetched.get(t.title)!])), Math.max(1, Math.floor(this.maxRequestBytes / 4)));
      this.jobSnapshots?.clear(); // positions change with this write: a later write in the job reads again
      const lease = this.lock?.holder.current();
      if (lease) return this.writeFenced(lease, plan);
      // under the lock, a write is never sent unfenced (it runs inside `locked`, which holds a lease)
      if (this.lock) throw new SheetLockError('Khóa ghi không còn được giữ; thử lại (chưa ghi gì).', 'lease-lost');
      if (plan.grow.length > 0) await this.grow(plan.grow);
      for (const data of chunkBySize(plan.data, this.maxRequestBytes)) {
        await this.send('ghi dữ liệu', (o) =>
          this.api.spreadsheets.values.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { valueInputOption: 'RAW', data } }, o),
        );
      }
    }));
  }

  /**
   * Serialises read-then-write jobs on this spreadsheet within the process, across store instances — and, with
   * `lock`, across processes: the job reads and writes while holding the spreadsheet's write lock.
   */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const locked = this.locked(true, job);
    return enqueue(this.spreadsheetId, 'jobs', async () => {
      this.jobSnapshots = new Map();
      try {
        return await locked();
      } finally {
        this.jobSnapshots = undefined;
      }
    });
  }

  /**
   * One `spreadsheets.get`; then, only if tabs are missing or existing protections lack an editor, one atomic
   * `spreadsheets.batchUpdate` creating the tabs and repairing the protections.
   */
  private async provision(tabs: TabLayout[]): Promise<void> {
    const { sheets: existing, protections } = await this.listSheetsWithProtections(tabs);
    const missing = tabs.filter((t) => !existing.has(t.title));
    const repairs = repairRequests(protections, this.editors);
    if (missing.length === 0 && repairs.length === 0) return;
    const taken = new Set(existing.values());
    const created = new Map<string, number>();
    const requests = missing.flatMap((tab) => {
      const id = newSheetId(tab.title, taken);
      taken.add(id);
      created.set(tab.title, id);
      return provisionRequests(tab, id, this.editors);
    });
    requests.push(...repairs);
    try {
      await this.caller.call('tạo các trang tính', (o) => this.api.spreadsheets.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { requests } }, o));
      for (const [title, id] of created) this.sheetIds.set(title, id);
    } catch (error) {
      const cause = error instanceof StoreError ? faultOf(error.cause) : undefined;
      if (cause?.kind !== 'http' || cause.status !== 400) throw error;
      const now = await this.listSheets();
      // A retry after a lost answer is refused because the first attempt went through: the tabs are there.
      if (missing.every((t) => now.has(t.title))) return;
      const clash = missing.find((t) => [...now.keys()].some((title) => title.toLocaleLowerCase() === t.title.toLocaleLowerCase()));
      if (clash) {
        throw new StoreError(`Bảng tính đã có một trang tên gần giống "${clash.title}" (chỉ khác chữ hoa, chữ thường). Hãy đổi lại đúng tên "${clash.title}"; chưa trang nào được tạo.`, { tab: clash.title }, { cause: error });
      }
      throw error;
    }
  }

  /** The tabs, and the protections of those among `tabs` (one `spreadsheets.get`). */
  private async listSheetsWithProtections(tabs: TabLayout[]): Promise<{ sheets: Map<string, number>; protections: sheets_v4.Schema$ProtectedRange[] }> {
    const answer = await this.caller.call('đọc danh sách trang tính', (o) =>
      this.api.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: 'sheets(properties(sheetId,title),protectedRanges(protectedRangeId,warningOnly,editors))' }, o),
    );
    const ours = new Set(tabs.map((t) => t.title));
    const sheets = new Map<string, number>();
    const protections: sheets_v4.Schema$ProtectedRange[] = [];
    for (const s of answer.sheets ?? []) {
      if (!s.properties?.title || typeof s.properties.sheetId !== 'number') continue;
      sheets.set(s.properties.title, s.properties.sheetId);
      this.sheetIds.set(s.properties.title, s.properties.sheetId);
      if (ours.has(s.properties.title)) protections.push(...(s.protectedRanges ?? []));
    }
    return { sheets, protections };
  }

  /** Every tab's grid (one `spreadsheets.get`), keeping the sheet ids. */
  private async gridSizes(): Promise<Map<string, { rows: number; columns: number }>> {
    const answer = await this.caller.call('đọc kích thước các trang tính', (o) =>
      this.api.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))' }, o),
    );
    const grids = new Map<string, { rows: number; columns: number }>();
    for (const s of answer.sheets ?? []) {
      const p = s.properties;
      if (!p?.title || typeof p.sheetId !== 'number') continue;
      this.sheetIds.set(p.title, p.sheetId);
      grids.set(p.title, { rows: p.gridProperties?.rowCount ?? 0, columns: p.gridProperties?.columnCount ?? 0 });
    }
    return grids;
  }

  private async listSheets(): Promise<Map<string, number>> {
    const answer = await this.caller.call('đọc danh sách trang tính', (o) =>
      this.api.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: 'sheets.properties(sheetId,title)' }, o),
    );
    const sheets = new Map<string, number>();
    for (const s of answer.sheets ?? []) if (s.properties?.title && typeof s.properties.sheetId === 'number') sheets.set(s.properties.title, s.properties.sheetId);
    for (const [title, id] of sheets) this.sheetIds.set(title, id);
    return sheets;
  }

  /**
   * Reads whole tabs in one `values.batchGet`: numbers as numbers, dates as shown, header rows checked. A tab in
   * `countOnly` is read as its header row and its first column (two ranges of the same call): enough to count its rows
   * and place an append, without its other cells (a rejection's payload can be 256 KB). A tab in `columns` is read as
   * its header row and those columns, where the layout puts them (ranges of the same call); should the header show one
   * of them moved, that tab is read whole in a second call.
   */
  private async snapshots(tabs: TabLayout[], countOnly: ReadonlySet<string> = new Set(), columns: Readonly<Record<string, readonly string[]>> = {}): Promise<Map<string, TableSnapshot>> {
    const compact = (t: TabLayout): readonly string[] | undefined => {
      const keys = countOnly.has(t.id) ? undefined : columns[t.id];
      return keys?.length && keys.every((k) => columnPosition(t, k) >= 0) ? keys : undefined;
    };
    const ranges = tabs.flatMap((t) => {
      const title = quoteTitle(t.title);
      if (countOnly.has(t.id)) return [`${title}!1:1`, `${title}!A:A`];
      const keys = compact(t);
      if (!keys) return [title];
      return [`${title}!1:1`, ...keys.map((k) => `${title}!${columnLetters(columnPosition(t, k))}:${columnLetters(columnPosition(t, k))}`)];
    });
    const answer = await this.batchGet(ranges, tabs);
    let at = 0;
    const moved: TabLayout[] = [];
    const read = new Map(
      tabs.map((tab): [string, TableSnapshot | undefined] => {
        if (countOnly.has(tab.id)) {
          const header = answer.valueRanges?.[at++];
          const first = answer.valueRanges?.[at++];
          return [tab.title, countSnapshotOf(tab, header, first)];
        }
        const keys = compact(tab);
        if (!keys) return [tab.title, snapshotOf(tab, answer.valueRanges?.[at++])];
        const header = answer.valueRanges?.[at++];
        const cells = keys.map(() => answer.valueRanges?.[at++]);
        const snap = columnsSnapshotOf(tab, header, keys, cells);
        if (!snap) moved.push(tab);
        return [tab.title, snap];
      }),
    );
    if (moved.length) for (const [title, snap] of await this.snapshots(moved)) read.set(title, snap);
    return read as Map<string, TableSnapshot>;
  }

  /** One `values.batchGet` of the ranges, numbers unformatted and dates as shown. */
  private async batchGet(ranges: string[], tabs: TabLayout[]): Promise<sheets_v4.Schema$BatchGetValuesResponse> {
    try {
      return await this.caller.call('đọc các trang tính', (o) =>
        this.api.spreadsheets.values.batchGet(
          {
            spreadsheetId: this.spreadsheetId,
            ranges,
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'FORMATTED_STRING',
            majorDimension: 'ROWS',
          },
          o,
        ),
      );
    } catch (error) {
      throw await this.explainMissingTab(error, tabs);
    }
  }

  /** A range naming a tab that is not there fails the whole batchGet with a 400: find which tab it was. */
  private async explainMissingTab(error: unknown, tabs: TabLayout[]): Promise<unknown> {
    const fault = error instanceof StoreError ? faultOf(error.cause) : undefined;
    if (fault?.kind !== 'http' || fault.status !== 400) return error;
    const sheets = await this.listSheets();
    const missing = tabs.find((t) => !sheets.has(t.title));
    if (!missing) return error;
    return new StoreError(`Không tìm thấy trang tính "${missing.title}" (có thể đã bị đổi tên hoặc xóa). Hãy đặt lại đúng tên, hoặc chạy lại "thidua init" để tạo trang còn thiếu.`, { tab: missing.title }, {
      cause: error instanceof StoreError ? (error.cause ?? error) : error,
    });
  }

  /**
   * Adds rows to tabs whose grid is too small for what is about to be written (values writes cannot grow a grid),
   * after one `spreadsheets.get` of every tab's grid: a growth past Google's MAX_CELLS is refused before anything is
   * written (a StoreError saying what to do), and one past CELL_WARNING_SHARE of it warns.
   */
  private async grow(grow: Array<{ title: string; rows: number }>): Promise<void> {
    await this.checkGrowth(grow);
    const requests = grow.map(({ title, rows }): sheets_v4.Schema$Request => {
      const sheetId = this.sheetIds.get(title);
      if (sheetId === undefined) throw new StoreError(`Không tìm thấy trang tính "${title}" (có thể đã bị đổi tên hoặc xóa).`, { tab: title });
      return { appendDimension: { sheetId, dimension: 'ROWS', length: rows } };
    });
    await this.send('thêm hàng cho trang tính', (o) => this.api.spreadsheets.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { requests } }, o));
  }

  /** Refuses, before anything is written, a growth past Google's cell budget; warns from 80 % of it. */
  private async checkGrowth(grow: Array<{ title: string; rows: number }>): Promise<void> {
    const grids = await this.gridSizes();
    const used = [...grids.values()].reduce((n, g) => n + g.rows * g.columns, 0);
    const after = used + grow.reduce((n, g) => n + g.rows * (grids.get(g.title)?.columns ?? 0), 0);
    if (after > MAX_CELLS) {
      const title = grow[0]!.title;
      throw new StoreError(
        `Bảng tính ${spreadsheetUrl(this.spreadsheetId)} đã đầy: ghi thêm sẽ vượt giới hạn ${MAX_CELLS.toLocaleString('vi-VN')} ô của Google (đang dùng ${used.toLocaleString('vi-VN')} ô). Chưa ghi gì cả. Hãy chuyển các phong trào đã kết thúc sang bảng tính khác hoặc xóa các trang tính, hàng, cột không dùng, rồi chạy lại.`,
        { tab: title, location: spreadsheetUrl(this.spreadsheetId) },
      );
    }
    if (after >= CELL_WARNING_SHARE * MAX_CELLS) this.onWarning?.(cellBudgetWarning(this.spreadsheetId, after));
  }

  /**
   * A write under the lock: the plan as `spreadsheets.batchUpdate` requests, each batch (cut under the size limit)
   * carrying the swap of our lock tab, so Google refuses it if the lease is no longer ours (decision 008). Tab ids
   * are read once per store (one `spreadsheets.get`), and again after a refused write.
   */
  private async writeFenced(lease: Lease, plan: WritePlan): Promise<void> {
    if (plan.grow.length > 0) await this.checkGrowth(plan.grow);
    const titles = [...plan.grow.map((g) => g.title), ...plan.spans.map((s) => s.title)];
    if (titles.some((t) => !this.sheetIds.has(t))) await this.listSheets();
    const requests = planRequests(plan, (title) => this.sheetIds.get(title));
    try {
      for (const chunk of chunkBySize(requests, this.maxRequestBytes)) {
        if (lease.uncertain) throw new SheetLockError('Một lần ghi trước chưa rõ kết quả; chờ hết hạn khóa rồi thử lại.', 'outcome-unknown');
        await this.lock!.lock.writeFenced(lease, 'ghi dữ liệu', chunk, (what, run) => this.sendFenced(lease, what, run));
      }
    } catch (error) {
      this.sheetIds.clear();
      throw error;
    }
  }

  /** One fenced call; a failure after an attempt whose outcome is unknown (no answer, 5xx) marks the lease uncertain. */
  private async sendFenced<T>(lease: Lease, what: string, run: (o: RequestOptions) => Promise<{ data: T }>): Promise<T> {
    let unknown = false;
    try {
      return await this.caller.call(what, async (o) => {
        try {
          return wholeAnswer(what, await run(o));
        } catch (error) {
          if (outcomeUnknown(error)) unknown = true;
          throw error;
        }
      });
    } catch (error) {
      const refused = error instanceof StoreError && faultOf(error.cause)?.kind === 'http' && (faultOf(error.cause) as { status: number }).status === 400;
      if (unknown && !refused) lease.uncertain = true;
      throw error;
    }
  }

  /** `run` under the spreadsheet's write lock when the store takes it (a job queued now, or a write), else `run` itself. */
  private locked<T>(job: boolean, run: () => Promise<T>): () => Promise<T> {
    const l = this.lock;
    if (!l) return run;
    if (job) l.holder.queue();
    return async () => {
      const lease = await l.holder.hold(l.lock, job);
      try {
        return await run();
      } finally {
        await l.holder.unhold(l.lock, lease);
      }
    };
  }

  /** One write call without the lock (with it, writes go through `writeFenced`). */
  private send<T>(what: string, run: (o: RequestOptions) => Promise<{ data: T }>): Promise<T> {
    return this.caller.call(what, async (o) => wholeAnswer(what, await run(o)));
  }
}
