import type { TabLayout } from './layouts.js';

/** What a cell holds as far as the store is concerned. */
export type Cell = string | number | null;
/** A row keyed by column key ("name", "score.3"). */
export type Row = Record<string, Cell>;

/** One write of a batch. `upsert` replaces the row whose key column matches, or appends it. */
export type TableWrite =
  | { tab: TabLayout; append: Row[] }
  | { tab: TabLayout; replaceAll: Row[] }
  | { tab: TabLayout; updateByKey: Row[] };

/** How a job reads: see `TableStore.readTabs`. */
export interface ReadOptions {
  countOnly?: readonly string[];
  /**
   * Tabs of which the job reads only some columns: tab id → column keys (the key column among them). A store may
   * answer with whole rows or with rows holding those columns (the Google Sheet then sends those columns only).
   */
  columns?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The store port: the council's workbook as named tables. Implemented by the local .xlsx workbook and (later) Google Sheets.
 * Reads and writes are batched: a job reads what it needs in one call and writes in one call.
 */
export interface TableStore {
  /** Creates the tabs that are missing, with headers and sheet set-up; existing tabs and their rows are kept. */
  ensureTabs(tabs: TabLayout[]): Promise<void>;
  /**
   * Reads whole tables; throws StoreError naming the tab and cell when a tab or a header is missing or changed.
   * `countOnly`: tabs whose rows the job only counts (and appends to): a store may answer them with rows holding only
   * their first column — the Google Sheet then sends one column, not every payload (a store may ignore it).
   * `columns`: tabs of which the job needs only some columns (a store may ignore it, and answer whole rows).
   */
  readTabs(tabs: TabLayout[], options?: ReadOptions): Promise<Map<string, Row[]>>;
  /** Applies the writes as one unit: all of them or, on failure, none. */
  write(batch: TableWrite[]): Promise<void>;
  /** Runs a read-then-write job so that no other job of this store interleaves with it (no lost or doubled rows). */
  exclusive<T>(job: () => Promise<T>): Promise<T>;
  /** Optional: learns every tab of the campaign (the embedded database imports them from an older workbook). */
  adopt?(tabs: readonly TabLayout[]): void;
  /**
   * Optional: the quiz-log rows of these accounts (canonical keys), of the accounts they recruited and of those
   * recruits, and how many rows the whole log has — a store with indexes reads what the engine joins, not the log.
   */
  readQuizLogFor?(tab: TabLayout, accounts: readonly string[]): Promise<{ rows: Row[]; total: number }>;
  /** Optional: appends a batch of dataset rows, skipping rows already stored; returns how many were added. */
  appendDataset?(tab: TabLayout, rows: Iterable<Row>): Promise<number>;
}

/**
 * An infrastructure fault of a store, with where it happened. `transient` when trying again later may work (Google's
 * 429 and 5xx, no answer): set by the Google kit from the fault, false otherwise.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly transient: boolean;
  constructor(
    message: string,
    readonly context: { location?: string; tab?: string; cell?: string } = {},
    options?: { cause?: unknown; transient?: boolean },
  ) {
    super(message, options);
    this.transient = options?.transient ?? false;
  }
}
