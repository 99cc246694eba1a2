/**
 * Property (fast-check) against every real store — the local workbook and the Google Sheet (on the Sheets fake,
 * through the real client, the write lock and the fence) — never an in-memory stand-in: bodies whose text holds
 * characters no store can keep (control characters, U+FFFE, U+FFFF, lone surrogates), in free text and in the
 * responseId, posted to the intake door twice each. Never a 5xx; a nomination taken in is stored once (the repeat is a
 * duplicate); the store reads back whole afterwards, and no cell keeps such a character.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { AUDIENCE, bearer, certsHandler, env, newWorkbook, postJson, SCHEDULER, server, serveHttp, testRuntime, tokenAuth, useMsw } from '../functions/harness.js';
import { allEvidence, campaigns, rawIndividual, vanNinh } from '../support/builders.js';

useMsw();

const RUNS = Number(process.env.THIDUA_PROPERTY_RUNS ?? (process.env.CI ? 40 : 15));
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;
const TITLES = [...layoutsFor(vanNinh()).values()].map((t) => t.title);

const unsafeChar = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0xfffe, 0xffff),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((c) => String.fromCharCode(c));
const tainted = fc
  .array(fc.oneof(unsafeChar, fc.constantFrom('Nguyễn', ' ', 'Thị', 'Hoa', '😀', 'x')), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''))
  .filter((s) => UNSAFE.test(s));

interface Backend {
  /** The intake door over this store, and how to read every cell and every nomination back. */
  open(): Promise<{ url: string; cells: () => Promise<string[]>; reread: () => Promise<{ ids: string[]; problems: string[] }> }>;
}

const BACKENDS: Record<string, Backend> = {
  'the local workbook': {
    async open() {
      const workbook = await newWorkbook();
      server.use(certsHandler());
      const url = await serveHttp(intake(testRuntime(env(workbook))));
      return {
        url,
        cells: async () => {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(workbook);
          const cells: string[] = [];
          wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
          return cells;
        },
        reread: async () => rereadFrom(new WorkbookStore(workbook)),
      };
    },
  },
  'the Google Sheet': {
    async open() {
      const sheets = new FakeSheets({ seed: 11 });
      server.use(certsHandler(), ...sheets.handlers);
      const spreadsheetId = sheets.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
      await initCampaign(new GoogleSheetsStore({ spreadsheetId, auth: tokenAuth() }), vanNinh());
      const rt = testRuntime({ THIDUA_SPREADSHEET_ID: spreadsheetId, THIDUA_OIDC_AUDIENCES: AUDIENCE, THIDUA_ALLOWED_CALLERS: SCHEDULER });
      const url = await serveHttp(intake(rt));
      return {
        url,
        cells: async () => TITLES.flatMap((title) => sheets.values(spreadsheetId, `'${title}'`).flat().map((v) => String(v ?? ''))),
        reread: async () => rereadFrom(new GoogleSheetsStore({ spreadsheetId, auth: tokenAuth() })),
      };
    },
  },
};

async function rereadFrom(tables: WorkbookStore | GoogleSheetsStore): Promise<{ ids: string[]; problems: string[] }> {
  const repo = await CampaignRepository.open(tables, campaigns);
  const read = await repo.read(['nominations']);
  return { ids: read.nominations.map((s) => s.nomination.responseId), problems: read.problems };
}

describe.each(Object.keys(BACKENDS))('hostile bytes through the intake door, on %s', (backend) => {
  test('never a 5xx, each nomination stored once, the store readable, no such character kept', async () => {
    const { url, cells, reread } = await BACKENDS[backend]!.open();
    const taken: string[] = [];
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(tainted, tainted, fc.boolean(), async (text, idPart, taintId) => {
        // GIVEN a nomination whose free text (and, half the time, whose responseId) holds such characters
        const responseId = taintId ? `h${++sequence}${idPart}` : `h${++sequence}`;
        const body = rawIndividual({ responseId, name: `A ${text}`, unit: `Đơn vị ${text}`, position: text, evidence: { ...allEvidence('individual'), '2': text } });
        // WHEN it is delivered twice
        const first = await postJson(url, body, bearer());
        const second = await postJson(url, body, bearer());
        // THEN no 5xx; a tainted id is refused naming the field, a clean one taken in once
        expect(first.status, await first.clone().text()).toBeLessThan(500);
        expect(second.status).toBeLessThan(500);
        if (taintId) {
          expect(first.status).toBe(400);
          expect(JSON.stringify(await first.json())).toContain('FIELD_UNSAFE_CHARACTERS');
        } else {
          expect([first.status, second.status]).toEqual([201, 200]);
          taken.push(responseId);
        }
      }),
      { numRuns: RUNS },
    );
    const { ids, problems } = await reread();
    expect(taken.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(ids.sort()).toEqual([...taken].sort());
    const all = await cells();
    expect(all.filter((c) => taken.includes(c))).toHaveLength(taken.length); // the cells were read: each stored id once
    expect(all.filter((c) => UNSAFE.test(c))).toEqual([]);
  }, 240_000);
});
