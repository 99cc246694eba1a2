import type { CampaignRepository } from '../store/campaign-repository.js';
import type { DatasetRecords } from '../store/codecs/datasets.js';

/** Appends a dataset's parsed records (CSV/JSON import), skipping records already stored: importing twice adds nothing. */
export function importDataset(repo: CampaignRepository, records: DatasetRecords): Promise<{ added: number; skipped: number }> {
  return repo.importDataset(records);
}
