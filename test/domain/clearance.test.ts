import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDataset } from '../../shared/cli/council-commands.js';
import { exportAwardListFile } from '../../shared/cli/document-commands.js';
import { indexDatasets, type ClearanceRow } from '../../shared/domain/datasets.js';
import { decide } from '../../shared/domain/decide.js';
import { Review } from '../../shared/domain/review.js';
import { importDataset } from '../../shared/jobs/import-dataset.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { readBack, texts } from '../exports/read-back.js';
import { DISTRICT, nomination, rawIndividual, tempDir, vanNinh } from '../support/builders.js';

/** NĐ 152/2025 Điều 4: an award is held while the nominee is under discipline, investigation or an open complaint. */
const NOW = new Date('2024-08-30T02:00:00Z');
const row = (extra: Partial<ClearanceRow> = {}): ClearanceRow => ({ name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Thắng', reason: 'investigation', source: 'Công an huyện', from: '2024-07-01', ...extra });

describe('the clearance list holds an award', () => {
  test.each([
    // [case, list rows, decision recorded, expected status]
    ['under investigation: held, off every list', [row()], undefined, 'awaiting-council'],
    ['an open complaint: held', [row({ reason: 'complaint', source: 'Thanh tra huyện' })], undefined, 'awaiting-council'],
    ['discipline settled on 15/8/2024: not held', [row({ reason: 'discipline', until: '2024-08-15' })], undefined, 'proposed'],
    ['someone else on the list: not held', [row({ name: 'Lê Thị Hoa' })], undefined, 'proposed'],
    ['a decision number does not override the hold', [row()], { decisionNumber: '05/QĐ-UBND', decisionDate: '20/09/2024' }, 'awaiting-council'],
  ])('%s', (_, rows, decision, status) => {
    const n = nomination(rawIndividual({ responseId: 'c-1', name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Thắng' }));
    const reviews = decision ? new Map([['c-1', Review.parse({ responseId: 'c-1', ...decision })]]) : undefined;
    const [d] = decide(vanNinh(), [n], { datasets: indexDatasets({ clearance: rows }), ...(reviews ? { reviews } : {}) });
    expect(d!.status).toBe(status);
  });

  test('imported as the council receives it, the held nominee is not printed', async () => {
    const repo = await initCampaign(SqliteStore.forWorkbook(join(tempDir(), 'cl.xlsx')), vanNinh());
    await intake(repo, [
      { payload: rawIndividual({ responseId: 'a', name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Thắng' }), source: 'a' },
      { payload: rawIndividual({ responseId: 'b', name: 'Lê Thị Hoa', unit: 'UBND xã Vạn Thắng' }), source: 'b' },
    ], NOW);
    const records = [{ line: 2, record: { name: 'Trần Văn Phúc', unit: 'UBND xã Vạn Thắng', reason: 'Đang bị điều tra', source: 'Công an huyện', from: '01/07/2024' } }];
    const { parsed, rejected } = parseDataset('clearance', records, (f) => f);
    expect(rejected).toEqual([]);
    await importDataset(repo, parsed);
    const lines = texts((await readBack(await exportAwardListFile(repo, DISTRICT, { now: NOW, out: join(tempDir(), 'l.xlsx') }))).getWorksheet('Danh sách')!).flat();
    expect(lines).toContain('Lê Thị Hoa');
    expect(lines).not.toContain('Trần Văn Phúc');
  });

  test('a reason the list does not know is refused naming the row', () => {
    const { rejected } = parseDataset('clearance', [{ line: 3, record: { name: 'X', unit: 'Y', reason: 'nghỉ phép', from: '01/07/2024' } }], (f) => f);
    expect(rejected[0]!.line).toBe(3);
  });
});
