import type { TabLayout } from '../../shared/store/layouts.js';
import { StoreError, type Row, type TableStore, type TableWrite } from '../../shared/store/table-store.js';

/** Google Sheets refuses a cell over 50,000 characters; Excel will not open one over 32,767. The stricter one holds. */
export const MAX_CELL_CHARS = 32_767;

/**
 * A strict in-memory TableStore, for property tests that send hundreds of requests: the same port as the workbook
 * and the Google Sheet, no I/O. It refuses what a real sheet refuses — a text cell over the limit, a value that is
 * not text, a number or empty — so a door that would fail on Google fails here too.
 */
export class MemoryTables implements TableStore {
  readonly tabs = new Map<string, Row[]>();
  private jobs: Promise<unknown> = Promise.resolve();

  async ensureTabs(tabs: TabLayout[]): Promise<void> {
    for (const tab of tabs) if (!this.tabs.has(tab.title)) this.tabs.set(tab.title, []);
  }

  async readTabs(tabs: TabLayout[]): Promise<Map<string, Row[]>> {
    return new Map(tabs.map((tab) => [tab.id, this.rows(tab).map((r, i) => ({ ...r, __row: i + 2 }))]));
  }

  async write(batch: TableWrite[]): Promise<void> {
    for (const w of batch) for (const row of 'append' in w ? w.append : 'replaceAll' in w ? w.replaceAll : w.updateByKey) check(w.tab, row);
    for (const w of batch) {
      const rows = this.rows(w.tab);
      if ('append' in w) rows.push(...w.append.map((r) => ({ ...r })));
      else if ('replaceAll' in w) rows.splice(0, rows.length, ...w.replaceAll.map((r) => ({ ...r })));
      else
        for (const row of w.updateByKey) {
          const at = rows.find((r) => r[w.tab.key!] === row[w.tab.key!]);
          if (at) Object.assign(at, row);
          else rows.push({ ...row });
        }
    }
  }

  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.jobs.then(job, job);
    this.jobs = run.catch(() => undefined);
    return run;
  }

  /** The rows of a tab by its title. */
  rowsOf(title: string): Row[] {
    return this.tabs.get(title) ?? [];
  }

  private rows(tab: TabLayout): Row[] {
    const rows = this.tabs.get(tab.title);
    if (!rows) throw new StoreError(`Không tìm thấy trang tính "${tab.title}".`, { tab: tab.title });
    return rows;
  }
}

function check(tab: TabLayout, row: Row): void {
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new StoreError(`"${tab.title}".${key}: not a cell value`, { tab: tab.title });
    if (typeof value === 'number' && !Number.isFinite(value)) throw new StoreError(`"${tab.title}".${key}: ${value} is not a number a sheet can hold`, { tab: tab.title });
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new StoreError(`"${tab.title}".${key}: ${value.length} characters in one cell`, { tab: tab.title });
  }
}
