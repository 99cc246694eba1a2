/**
 * Three `thidua intake` processes at once on one campaign, ten rounds: the embedded database's transaction is one
 * writer across processes, so every acknowledged nomination is stored once — none lost (the workbook-only store lost
 * 40 % of them), none doubled — and the workbook view holds them all.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, rawIndividual, tempDir, vanNinh } from '../support/builders.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'thidua.js');
const ROUNDS = Number(process.env.THIDUA_CONCURRENT_ROUNDS ?? 10);
const PROCESSES = 3;

function thidua(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent thidua intake processes on one embedded store', () => {
  test(`${ROUNDS} rounds of ${PROCESSES} processes at once: every acknowledged nomination stored exactly once`, async () => {
    const dir = tempDir();
    const workbook = join(dir, 'van-ninh.xlsx');
    await initCampaign(SqliteStore.forWorkbook(workbook), vanNinh());
    const sent: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const files = Array.from({ length: PROCESSES }, (_, p) => {
        const batch = [0, 1].map((i) => rawIndividual({ responseId: `v${round}-${p}-${i}`, name: `Người ${round}-${p}-${i}` }));
        sent.push(...batch.map((b) => String(b.responseId)));
        const file = join(dir, `ho-so-${round}-${p}.json`);
        writeFileSync(file, JSON.stringify(batch));
        return file;
      });
      const results = await Promise.all(files.map((file) => thidua(['intake', file, '--store', workbook])));
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
      // node:sqlite's ExperimentalWarning is held back: a secretary sees only thidua's own lines
      for (const r of results) expect(r.stderr).not.toContain('ExperimentalWarning');
    }
    const stored = (await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns).then((repo) => repo.read(['nominations']))).nominations.map((s) => s.nomination.responseId);
    expect(stored.length).toBe(sent.length);
    expect(new Set(stored)).toEqual(new Set(sent));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    expect(wb.getWorksheet('Hồ sơ đề nghị')!.rowCount - 1).toBe(sent.length);
  }, 180_000);
});
