import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type ExcelJS from 'exceljs';
import type { SaveIo } from './atomic-file.js';
import type { TabLayout } from './layouts.js';
import { loadSqlite } from './sqlite/load-sqlite.js';
import { createSchema, DATASET_TABS, Tables } from './sqlite/tables.js';
import { mergeTab, shownOf } from './sqlite/view-sync.js';
import { StoreError, type Row, type TableStore, type TableWrite } from './table-store.js';
import { readTable } from './workbook-store.js';
import { loadWorkbookBytes, readView, stampOf, unchangedSince, writeView, type FileStamp } from './workbook-view.js';

/** The embedded database of a workbook: beside it, same name, `.thidua.sqlite` instead of `.xlsx`. */
export const databasePathFor = (workbook: string): string => `${workbook.replace(/\.xlsx$/i, '')}.thidua.sqlite`;

export interface SqliteStoreOptions {
  /** The council's workbook: written from the database after each command that changes it, read back before the next. */
  workbook?: string;
  /** How long a command waits for another process's command to finish (default 2 minutes). */
  busyTimeoutMs?: number;
  /** Where the store says what the council should know (edits in conflict, a view it could not write). */
  onWarning?: (message: string) => void;
  /** The file-system calls of a view's save (a test passes failing ones). */
  io?: SaveIo;
}

interface Job {
  tables: Tables;
  /** The generation the view will carry after this job. */
  generation: number;
  viewChanged: boolean;
  /** Tabs of the view the council deleted or whose header changed: named on any use, and the view is not rewritten. */
  broken: Map<string, StoreError>;
}

/**
 * The embedded default store: SQLite through Node's built-in `node:sqlite`, one file beside the workbook. Every job
 * runs in one `BEGIN IMMEDIATE` transaction, so `exclusive` is one writer across processes (other commands wait up to
 * `busyTimeoutMs`); a failed job leaves nothing behind. With `workbook`, the council's .xlsx is a view of the database:
 * read back (the council's edits taken in, see `mergeTab`) at the start of a job when it was saved since, rewritten at
 * the end of a job that changed it. Datasets stay in the database only. See docs/decisions/009-embedded-database.md.
 */
/**
 * One connection and one queue per database file and process: two stores of one file in a process (a door and a test,
 * two requests) take turns instead of one waiting on the other's lock while holding the event loop.
 */
interface Connection {
  db: DatabaseSync;
  queue: Promise<unknown>;
  current: AsyncLocalStorage<Job>;
}
const connections = new Map<string, Connection>();

export class SqliteStore implements TableStore {
  private connection: Connection | undefined;
  private adopted: TabLayout[] = [];
  private legacy: Promise<ExcelJS.Workbook> | undefined;

  constructor(
    readonly path: string,
    private readonly options: SqliteStoreOptions = {},
  ) {}

  /** The store of a workbook: its database beside it (`databasePathFor`), the workbook kept as the council's view. */
  static forWorkbook(workbook: string, options: Omit<SqliteStoreOptions, 'workbook'> = {}): SqliteStore {
    return new SqliteStore(databasePathFor(workbook), { ...options, workbook });
  }

  /** Every tab of the campaign: tabs an older workbook-only campaign holds are imported from it before any view is written. */
  adopt(tabs: readonly TabLayout[]): void {
    this.adopted = [...tabs];
  }

  ensureTabs(tabs: TabLayout[]): Promise<void> {
    return this.inJob(async (job) => {
      await this.fromLegacy(job, tabs);
      for (const tab of tabs) {
        const stored = job.tables.layout(tab.id);
        if (!stored) {
          job.tables.saveLayout(tab);
          if (!DATASET_TABS.has(tab.id)) job.viewChanged = true;
          continue;
        }
        // columns the layout gained are added; the ones stored keep their headers
        const missing = tab.columns.filter((c) => !stored.columns.some((s) => s.key === c.key));
        if (missing.length) {
          job.tables.saveLayout({ ...stored, columns: [...stored.columns, ...missing] });
          if (!DATASET_TABS.has(tab.id)) job.viewChanged = true;
        }
      }
    }, true);
  }

  readTabs(tabs: TabLayout[]): Promise<Map<string, Row[]>> {
    return this.inJob(async (job) => {
      await this.fromLegacy(job, tabs);
      for (const tab of tabs) this.check(job, tab);
      return new Map(tabs.map((tab) => [tab.id, job.tables.read(tab)]));
    });
  }

  /**
   * The quiz-log rows the engine needs for these accounts (canonical keys): theirs, their recruits' and their recruits'
   * rows, read through the database's indexes instead of the whole log.
   */
  readQuizLogFor(tab: TabLayout, accounts: readonly string[]): Promise<{ rows: Row[]; total: number }> {
    return this.inJob(async (job) => {
      await this.fromLegacy(job, [tab]);
      this.check(job, tab);
      return { rows: job.tables.readQuizLogFor(tab, accounts), total: job.tables.count(tab.id) };
    });
  }

  write(batch: TableWrite[]): Promise<void> {
    return this.inJob(async (job) => {
      await this.fromLegacy(job, batch.map((w) => w.tab));
      for (const w of batch) this.check(job, w.tab);
      this.connection!.db.exec('SAVEPOINT batch');
      try {
        for (const w of batch) {
          if ('append' in w) job.tables.append(w.tab, w.append, job.generation);
          else if ('replaceAll' in w) job.tables.replaceAll(w.tab, w.replaceAll, job.generation);
          else job.tables.updateByKey(w.tab, w.updateByKey, job.generation);
          if (!DATASET_TABS.has(w.tab.id)) job.viewChanged = true;
        }
        this.connection!.db.exec('RELEASE batch');
      } catch (error) {
        this.connection!.db.exec('ROLLBACK TO batch; RELEASE batch');
        throw error;
      }
    });
  }

  /**
   * Appends dataset rows as they stream in, in batches, inside the current job's transaction: a row already stored is
   * skipped (an import run twice adds nothing). Returns how many were added.
   */
  appendDataset(tab: TabLayout, rows: Iterable<Row>): Promise<number> {
    return this.inJob(async (job) => {
      await this.fromLegacy(job, [tab]);
      this.check(job, tab);
      return job.tables.append(tab, rows, job.generation);
    });
  }

  exclusive<T>(job: () => Promise<T>, create = false): Promise<T> {
    if (this.connection?.current.getStore()) return job();
    return this.open(create).then((connection) => {
      if (connection.current.getStore()) return job();
      const run = connection.queue.then(
        () => this.transaction(connection, job),
        () => this.transaction(connection, job),
      );
      connection.queue = run.catch(() => undefined);
      return run;
    });
  }

  private inJob<T>(work: (job: Job) => T | Promise<T>, create = false): Promise<T> {
    const job = this.connection?.current.getStore();
    if (job) return Promise.resolve().then(() => work(job));
    return this.exclusive(async () => work(this.connection!.current.getStore()!), create);
  }

  private async open(create: boolean): Promise<Connection> {
    if (this.connection) return this.connection;
    const known = connections.get(resolve(this.path));
    if (known) return (this.connection = known);
    const fresh = !existsSync(this.path);
    const { workbook } = this.options;
    if (fresh && !create && !(workbook && existsSync(workbook))) {
      throw new StoreError(
        workbook ? `Chưa có sổ làm việc "${workbook}". Hãy tạo bằng lệnh: thidua init <mã phong trào> --store ${workbook}` : `Chưa có cơ sở dữ liệu "${this.path}".`,
        { location: workbook ?? this.path },
      );
    }
    // a workbook-only campaign: its workbook must read before it is kept in the new database
    const legacy = fresh && workbook && existsSync(workbook) ? await readFile(workbook) : undefined;
    if (legacy) {
      this.legacy = loadWorkbookBytes(legacy).catch((cause: unknown) => {
        throw new StoreError(`Tệp "${workbook}" không phải là sổ Excel (.xlsx) đọc được.`, { location: workbook }, { cause });
      });
      await this.legacy;
    }
    const { DatabaseSync } = await loadSqlite();
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(this.path);
      db.exec(`PRAGMA busy_timeout = ${this.options.busyTimeoutMs ?? 120_000}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;`);
      db.exec('BEGIN IMMEDIATE');
      try {
        createSchema(db);
        const tables = new Tables(db);
        // a campaign kept in its workbook alone until now: the workbook is kept whole in the database, its tabs imported from it
        if (legacy && tables.meta('generation') === undefined) {
          tables.saveLegacyWorkbook(legacy);
          tables.setMeta('migrated-from', workbook!);
        }
        if (tables.meta('generation') === undefined) tables.setMeta('generation', '0');
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(`Không mở được cơ sở dữ liệu "${this.path}": ${(cause as Error).message}`, { location: this.path }, { cause });
    }
    const connection: Connection = { db, queue: Promise.resolve(), current: new AsyncLocalStorage<Job>() };
    connections.set(resolve(this.path), connection);
    return (this.connection = connection);
  }

  private async transaction<T>(connection: Connection, work: () => Promise<T>): Promise<T> {
    const { db, current } = connection;
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (cause) {
      throw new StoreError(`Cơ sở dữ liệu "${this.path}" đang bận (một lệnh khác chưa xong): hãy chạy lại sau.`, { location: this.path }, { cause, transient: true });
    }
    try {
      const tables = new Tables(db);
      const job: Job = { tables, generation: Number(tables.meta('generation') ?? 0) + 1, viewChanged: false, broken: new Map() };
      await current.run(job, async () => {
        await this.fromLegacy(job, []);
        if (this.options.workbook) await this.readBack(job, this.options.workbook);
      });
      const value = await current.run(job, work);
      if (this.options.workbook && job.viewChanged) await this.writeBack(job, this.options.workbook);
      db.exec('COMMIT');
      return value;
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // no transaction left to roll back
      }
      if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_SQLITE')) {
        throw new StoreError(`Lỗi cơ sở dữ liệu "${this.path}": ${error.message}`, { location: this.path }, { cause: error, transient: /busy|locked/i.test(error.message) });
      }
      throw error;
    }
  }

  private check(job: Job, tab: TabLayout): void {
    const broken = job.broken.get(tab.id);
    if (broken) throw broken;
    const stored = job.tables.layout(tab.id);
    if (!stored) throw new StoreError(`Không tìm thấy trang tính "${tab.title}" (có thể đã bị đổi tên hoặc xóa).`, { tab: tab.title });
    for (const c of tab.columns) {
      const have = stored.columns.find((s) => s.key === c.key);
      if (have?.header !== c.header) throw new StoreError(`Trang tính "${tab.title}" thiếu cột "${c.header}" ở hàng tiêu đề (hàng 1).`, { tab: tab.title, cell: '1' });
    }
  }

  /**
   * Tabs of a workbook-only campaign not yet in the database (those asked for, and every tab of the campaign once the
   * repository has named them): imported from the workbook as it was at migration, kept whole in the database.
   */
  private async fromLegacy(job: Job, tabs: readonly TabLayout[]): Promise<void> {
    const wanted = [...tabs, ...this.adopted].filter((t, i, all) => all.findIndex((x) => x.id === t.id) === i && !job.tables.layout(t.id));
    if (!wanted.length) return;
    const bytes = job.tables.legacyWorkbook();
    if (!bytes) return;
    this.legacy ??= loadWorkbookBytes(bytes);
    const wb = await this.legacy;
    for (const tab of wanted) {
      let rows: Row[];
      try {
        rows = readTable(wb, tab);
      } catch (error) {
        if (error instanceof StoreError) continue;
        throw error;
      }
      job.tables.saveLayout(tab);
      const dataset = DATASET_TABS.has(tab.id);
      job.tables.append(tab, rows, 0, dataset ? undefined : (row) => ({ shown: shownOf(tab, row), row: Number(row.__row) }));
      // the view is written again without the datasets
      if (dataset && rows.length) job.viewChanged = true;
    }
  }

  /** Takes the council's edits in, when the workbook was saved since the database last wrote it. */
  private async readBack(job: Job, workbook: string): Promise<void> {
    const layouts = job.tables.layouts().filter((t) => !DATASET_TABS.has(t.id));
    if (!existsSync(workbook)) {
      // the view is only a view: a deleted workbook is written again
      if (layouts.length) job.viewChanged = true;
      return;
    }
    const stamp = job.tables.meta('view-stamp');
    if (await unchangedSince(workbook, stamp ? (JSON.parse(stamp) as FileStamp) : undefined)) return;
    if (!layouts.length) return;
    const view = await readView(workbook, layouts);
    const latest = job.generation - 1;
    const generation = view.generation ?? latest;
    const at = new Date().toISOString();
    for (const tab of layouts) {
      const rows = view.tabs.get(tab.id);
      if (rows instanceof StoreError) {
        job.broken.set(tab.id, rows);
        continue;
      }
      const merged = mergeTab(job.tables, tab, rows ?? [], generation, latest);
      for (const c of merged.conflicts) {
        job.tables.recordConflict(at, tab.title, c.row, c.column, c.hand, c.kept);
        this.options.onWarning?.(
          `Trang tính "${tab.title}", hàng ${c.row}, cột "${c.column}": sổ được lưu từ một bản cũ hơn lần ghi gần nhất của phần mềm, và ô này đã được một lệnh đổi sau đó. Giữ giá trị của lệnh "${String(c.kept ?? '')}"; giá trị sửa tay "${String(c.hand ?? '')}" chưa được áp dụng — hãy nhập lại nếu vẫn muốn.`,
        );
      }
      if (merged.conflicts.length || generation < latest) job.viewChanged = true;
    }
    if (!job.broken.size) job.tables.setMeta('view-stamp', JSON.stringify(await stampOf(workbook)));
  }

  /** Rewrites the council's workbook from the database (not while a tab of it is broken: the council's file is left as is). */
  private async writeBack(job: Job, workbook: string): Promise<void> {
    if (job.broken.size) {
      const titles = [...job.broken.values()].map((e) => `"${e.context.tab ?? ''}"`).join(', ');
      this.options.onWarning?.(`Chưa ghi lại sổ "${workbook}" vì trang tính ${titles} bị xóa hoặc đổi hàng tiêu đề; dữ liệu đã được lưu trong cơ sở dữ liệu. Sửa lại trang tính rồi chạy lại lệnh.`);
      return;
    }
    const layouts = job.tables.layouts().filter((t) => !DATASET_TABS.has(t.id));
    // rows are streamed from the database into the sheet; what the view now shows is noted for the rows it changed
    const shownNow: Array<[seq: number, shown: string, row: number]> = [];
    const { tables } = job;
    function* rowsOf(layout: TabLayout): Generator<Row> {
      let row = 2;
      for (const r of tables.iterate(layout.id)) {
        const shown = JSON.stringify(shownOf(layout, r.cells));
        if (r.shown !== shown || r.shownRow !== row) shownNow.push([r.seq, shown, row]);
        row++;
        yield r.cells;
      }
    }
    await writeView(workbook, layouts.map((layout) => ({ layout, rows: rowsOf(layout) })), job.generation, this.options.io);
    for (const [seq, shown, row] of shownNow) tables.setShown(seq, shown, row);
    job.tables.setMeta('generation', String(job.generation));
    job.tables.setMeta('view-stamp', JSON.stringify(await stampOf(workbook)));
  }
}
