import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListVariant } from '../../shared/exports/award-list-document.js';
import type { CampaignStore } from '../../shared/store/campaign-store.js';

/**
 * The award list as .xlsx bytes: written by the documents' exporter (exceljs, loaded only now) into a private
 * temporary folder — the only writable place on Cloud Run — read back and removed.
 */
export async function awardListBytes(store: CampaignStore, awardId: string, options: { year?: number; variant?: ListVariant }): Promise<Buffer> {
  const { exportAwardListFile } = await import('../../shared/cli/document-commands.js');
  const dir = await mkdtemp(join(tmpdir(), 'thidua-export-'));
  try {
    const file = await exportAwardListFile(store, awardId, { out: join(dir, 'danh-sach.xlsx'), ...options });
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
