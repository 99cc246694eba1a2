/**
 * Property (fast-check): whatever characters a nomination or a refused payload holds (control characters, U+FFFE,
 * U+FFFF, lone surrogates), taking it in never leaves the local workbook unreadable: it opens again, with every
 * nomination and every rejection row, and no cell holds such a character.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { allEvidence, rawIndividual, tempDir, vanNinh } from '../support/builders.js';

const NOW = new Date('2024-08-30T02:00:00Z');
const RUNS = Number(process.env.THIDUA_PROPERTY_RUNS ?? 12);
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;

/** One character no store can keep. */
const unsafeChar = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.constantFrom(0xfffe, 0xffff),
  fc.integer({ min: 0xd800, max: 0xdfff }),
).map((c) => String.fromCharCode(c));

/** Vietnamese text with such characters slipped in. */
const tainted = fc
  .array(fc.oneof(unsafeChar, fc.constantFrom('Nguyễn', ' ', 'Thị', 'Hoa', '😀', 'x')), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((s) => UNSAFE.test(s));

async function cellsOf(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
  return cells;
}

describe('text no store can keep, in the local workbook', () => {
  test('a nomination or a refused payload holding it never makes the workbook unreadable', async () => {
    await fc.assert(
      fc.asyncProperty(tainted, tainted, tainted, async (name, id, evidence) => {
        // GIVEN a workbook, a nomination with tainted free text and a submission with a tainted responseId
        const path = join(tempDir(), 'so.xlsx');
        const repo = await initCampaign(new WorkbookStore(path), vanNinh());
        const accepted = rawIndividual({ name: `A ${name}`, unit: `Đơn vị ${name}`, position: name, evidence: { ...allEvidence('individual'), '1': evidence } });
        const refused = rawIndividual({ responseId: `x${id}`, name: id, selfScores: { [id.slice(0, 5)]: id } });
        // WHEN both are taken in
        const outcomes = await intake(repo, [{ payload: accepted, source: `test ${id}` }, { payload: refused, source: 'test' }], NOW);
        expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'rejected']);
        // THEN the workbook opens again, holds both, and no cell keeps such a character
        const again = CampaignRepository.forCampaign(new WorkbookStore(path), vanNinh());
        const snapshot = await again.read(['nominations', 'rejections']);
        expect(snapshot.nominations).toHaveLength(1);
        const cells = await cellsOf(path);
        expect(cells.filter((c) => UNSAFE.test(c))).toEqual([]);
        expect(cells.some((c) => c.includes('FIELD_UNSAFE_CHARACTERS@responseId'))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
