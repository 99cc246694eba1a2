import type { CampaignRepository } from '../store/campaign-repository.js';
import type { DatasetRecords } from '../store/codecs/datasets.js';

/** Appends a dataset's parsed records (CSV/JSON import), skipping records already stored: importing twice adds nothing. */
export function importDataset(repo: CampaignRepository, records: DatasetRecords): Promise<{ added: number; skipped: number }> {
  return repo.importDataset(records);
}

/**
 * Appends a dataset as its records are read, batch by batch, in one job (one transaction on the embedded database),
 * skipping records already stored: importing twice adds nothing, and memory stays bounded by a batch.
 */
export function importDatasetStream(repo: CampaignRepository, id: DatasetRecords['id'], batches: AsyncIterable<DatasetRecords>): Promise<{ added: number; skipped: number }> {
  return repo.importDatasetStream(id, batches);
}
