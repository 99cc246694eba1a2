import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { canonicalKey } from '../../domain/text.js';
import { DATASET_TAB } from '../codecs/datasets.js';
import { rowKey } from '../codecs/rows.js';
import type { TabLayout } from '../layouts.js';
import { StoreError, type Cell, type Row } from '../table-store.js';

/** The tabs that hold datasets: in the database only, never in the council's view. */
export const DATASET_TABS: ReadonlySet<string> = new Set(Object.values(DATASET_TAB));

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tabs (id TEXT PRIMARY KEY, layout TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rows (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tab TEXT NOT NULL,
  key TEXT,
  cells TEXT NOT NULL,
  shown TEXT,
  shown_row INTEGER,
  changed INTEGER NOT NULL DEFAULT 0,
  k1 TEXT,
  k2 TEXT,
  digest TEXT
);
CREATE INDEX IF NOT EXISTS rows_tab ON rows (tab, seq);
CREATE INDEX IF NOT EXISTS rows_key ON rows (tab, key) WHERE key IS NOT NULL;
CREATE INDEX IF NOT EXISTS rows_k1 ON rows (tab, k1) WHERE k1 IS NOT NULL;
CREATE INDEX IF NOT EXISTS rows_k2 ON rows (tab, k2) WHERE k2 IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS rows_digest ON rows (tab, digest) WHERE digest IS NOT NULL;
CREATE TABLE IF NOT EXISTS conflicts (at TEXT NOT NULL, tab TEXT NOT NULL, row INTEGER, column TEXT NOT NULL, hand TEXT, kept TEXT);
CREATE TABLE IF NOT EXISTS legacy_workbook (id INTEGER PRIMARY KEY CHECK (id = 1), bytes BLOB NOT NULL);
`;

/** Creates the tables (idempotent). */
export function createSchema(db: DatabaseSync): void {
  db.exec(SCHEMA);
}

/** A stored row: its cells (column key → value), and what the council's view showed of it when last written. */
export interface StoredRow {
  seq: number;
  key: string | null;
  cells: Row;
  shown: Row | null;
  shownRow: number | null;
  changed: number;
}

const parseRow = (text: string): Row => JSON.parse(text) as Row;

/** A row's cells for a layout: every column's value (absent → empty), nothing else (no `__row`). */
export function cellsOf(tab: TabLayout, row: Row): Row {
  const cells: Row = {};
  for (const c of tab.columns) {
    const value: Cell | undefined = row[c.key];
    cells[c.key] = value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
  }
  return cells;
}

const keyOf = (tab: TabLayout, cells: Row): string | null => {
  if (!tab.key) return null;
  const value = cells[tab.key];
  return value === null || value === undefined || value === '' ? null : String(value);
};

/** Index columns of a dataset row: for the quiz log, the account and its referrer as the engine matches them. */
function indexKeys(tab: TabLayout, cells: Row): [string | null, string | null, string | null] {
  if (!DATASET_TABS.has(tab.id)) return [null, null, null];
  const digest = createHash('sha256').update(rowKey(tab, cells)).digest('base64');
  if (tab.id !== 'quizLog') return [null, null, digest];
  const text = (v: Cell | undefined) => (typeof v === 'string' && v.trim() ? canonicalKey(v) : typeof v === 'number' ? canonicalKey(String(v)) : null);
  return [text(cells.account), text(cells.referredBy), digest];
}

/** The row operations of the store, on an open database, inside the caller's transaction. */
export class Tables {
  constructor(private readonly db: DatabaseSync) {}

  layout(id: string): TabLayout | undefined {
    const row = this.db.prepare('SELECT layout FROM tabs WHERE id = ?').get(id) as { layout: string } | undefined;
    return row ? (JSON.parse(row.layout) as TabLayout) : undefined;
  }

  layouts(): TabLayout[] {
    return (this.db.prepare('SELECT layout FROM tabs ORDER BY position').all() as Array<{ layout: string }>).map((r) => JSON.parse(r.layout) as TabLayout);
  }

  saveLayout(tab: TabLayout): void {
    const position = (this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM tabs').get() as { p: number }).p;
    this.db.prepare('INSERT INTO tabs (id, layout, position) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET layout = excluded.layout').run(tab.id, JSON.stringify(tab), position);
  }

  rows(tab: string): StoredRow[] {
    const found = this.db.prepare('SELECT seq, key, cells, shown, shown_row, changed FROM rows WHERE tab = ? ORDER BY seq').all(tab) as Array<{ seq: number; key: string | null; cells: string; shown: string | null; shown_row: number | null; changed: number }>;
    return found.map((r) => ({ seq: r.seq, key: r.key, cells: parseRow(r.cells), shown: r.shown === null ? null : parseRow(r.shown), shownRow: r.shown_row, changed: r.changed }));
  }

  /** A tab's rows one at a time, as stored (the view's writer: never the whole tab in memory twice). */
  *iterate(tab: string): Generator<{ seq: number; cells: Row; shown: string | null; shownRow: number | null }> {
    const rows = this.db.prepare('SELECT seq, cells, shown, shown_row FROM rows WHERE tab = ? ORDER BY seq').iterate(tab) as Iterable<{ seq: number; cells: string; shown: string | null; shown_row: number | null }>;
    for (const r of rows) yield { seq: r.seq, cells: parseRow(r.cells), shown: r.shown, shownRow: r.shown_row };
  }

  /** A tab's rows as the store port reads them: every column, and the row number the view gives them. */
  read(tab: TabLayout): Row[] {
    const found = this.db.prepare('SELECT cells FROM rows WHERE tab = ? ORDER BY seq').all(tab.id) as Array<{ cells: string }>;
    return found.map((r, i) => ({ ...cellsOf(tab, parseRow(r.cells)), __row: i + 2 }));
  }

  /** Quiz-log rows of the given accounts, of the accounts they recruited, and of those recruits (canonical keys). */
  readQuizLogFor(tab: TabLayout, accounts: readonly string[]): Row[] {
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS wanted (k TEXT PRIMARY KEY); DELETE FROM wanted;');
    const add = this.db.prepare('INSERT OR IGNORE INTO wanted (k) VALUES (?)');
    for (const a of accounts) add.run(a);
    const found = this.db
      .prepare(
        `SELECT cells FROM rows WHERE tab = ?1 AND (k1 IN (SELECT k FROM wanted) OR k2 IN (SELECT k FROM wanted)
           OR k1 IN (SELECT r.k1 FROM rows r WHERE r.tab = ?1 AND r.k2 IN (SELECT k FROM wanted))) ORDER BY seq`,
      )
      .all(tab.id) as Array<{ cells: string }>;
    this.db.exec('DELETE FROM wanted');
    return found.map((r, i) => ({ ...cellsOf(tab, parseRow(r.cells)), __row: i + 2 }));
  }

  count(tab: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM rows WHERE tab = ?').get(tab) as { n: number }).n;
  }

  /** Appends rows; a dataset row already stored (same cells) is skipped. Returns how many were added. */
  append(tab: TabLayout, rows: Iterable<Row>, changed: number, shown?: (row: Row) => { shown: Row; row: number } | undefined): number {
    const insert = this.db.prepare(`INSERT ${DATASET_TABS.has(tab.id) ? 'OR IGNORE ' : ''}INTO rows (tab, key, cells, shown, shown_row, changed, k1, k2, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    let added = 0;
    for (const row of rows) {
      const cells = cellsOf(tab, row);
      const view = shown?.(row);
      const [k1, k2, digest] = indexKeys(tab, cells);
      added += Number(insert.run(tab.id, keyOf(tab, cells), JSON.stringify(cells), view ? JSON.stringify(view.shown) : null, view?.row ?? null, changed, k1, k2, digest).changes);
    }
    return added;
  }

  replaceAll(tab: TabLayout, rows: readonly Row[], changed: number): void {
    this.db.prepare('DELETE FROM rows WHERE tab = ?').run(tab.id);
    this.append(tab, rows, changed);
  }

  /** Updates the last row of each key with the columns given; a key not stored is appended. */
  updateByKey(tab: TabLayout, rows: readonly Row[], changed: number): void {
    if (!tab.key) throw new StoreError(`Trang tính "${tab.title}" không có cột khóa.`, { tab: tab.title });
    const find = this.db.prepare('SELECT seq, cells FROM rows WHERE tab = ? AND key = ? ORDER BY seq DESC LIMIT 1');
    const update = this.db.prepare('UPDATE rows SET cells = ?, changed = ? WHERE seq = ?');
    const columns = new Set(tab.columns.map((c) => c.key));
    for (const row of rows) {
      const key = row[tab.key];
      const found = find.get(tab.id, String(key)) as { seq: number; cells: string } | undefined;
      if (!found) {
        this.append(tab, [row], changed);
        continue;
      }
      const cells = parseRow(found.cells);
      for (const [k, v] of Object.entries(row)) if (columns.has(k)) cells[k] = v ?? null;
      update.run(JSON.stringify(cells), changed, found.seq);
    }
  }

  /** Sets a row's cells as the council changed them in the view, and what the view shows of it. */
  setFromView(seq: number, key: string | null, cells: Row, shown: Row, shownRow: number): void {
    this.db.prepare('UPDATE rows SET cells = ?, key = ?, shown = ?, shown_row = ? WHERE seq = ?').run(JSON.stringify(cells), key, JSON.stringify(shown), shownRow, seq);
  }

  setShown(seq: number, shown: Row | string, shownRow: number): void {
    this.db.prepare('UPDATE rows SET shown = ?, shown_row = ? WHERE seq = ?').run(typeof shown === 'string' ? shown : JSON.stringify(shown), shownRow, seq);
  }

  delete(seq: number): void {
    this.db.prepare('DELETE FROM rows WHERE seq = ?').run(seq);
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  recordConflict(at: string, tab: string, row: number, column: string, hand: Cell, kept: Cell): void {
    this.db.prepare('INSERT INTO conflicts (at, tab, row, column, hand, kept) VALUES (?, ?, ?, ?, ?, ?)').run(at, tab, row, column, hand === null ? null : String(hand), kept === null ? null : String(kept));
  }

  legacyWorkbook(): Uint8Array | undefined {
    return (this.db.prepare('SELECT bytes FROM legacy_workbook WHERE id = 1').get() as { bytes: Uint8Array } | undefined)?.bytes;
  }

  saveLegacyWorkbook(bytes: Uint8Array): void {
    this.db.prepare('INSERT OR REPLACE INTO legacy_workbook (id, bytes) VALUES (1, ?)').run(bytes);
  }
}
