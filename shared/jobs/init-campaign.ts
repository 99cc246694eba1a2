import type { Campaign } from '../domain/campaign.js';
import { formatOfficialDate } from '../domain/dates.js';
import { CampaignRepository } from '../store/campaign-repository.js';
import { CAMPAIGN_KEY } from '../store/codecs/settings.js';
import type { DatasetStore } from '../store/dataset-store.js';
import type { TableStore } from '../store/table-store.js';

/**
 * Creates (or completes) a campaign's tabs and records which campaign the workbook belongs to. Idempotent: settings
 * the council has already filled in (document numbers, signer, …) are kept. Returns the campaign's repository.
 */
export async function initCampaign(tables: TableStore, campaign: Campaign, datasets?: DatasetStore): Promise<CampaignRepository> {
  const repo = CampaignRepository.forCampaign(tables, campaign, datasets);
  await repo.provision();
  const existing = await repo.settings();
  const defaults: Array<[string, string]> = [
    [CAMPAIGN_KEY, campaign.id],
    ['Tên phong trào', campaign.title],
    ['Cơ quan ban hành', campaign.issuer.name],
    ['Thời gian', `${formatOfficialDate(campaign.term.from)} – ${formatOfficialDate(campaign.term.to)}`],
  ];
  const missing = defaults.filter(([key]) => !existing.has(key));
  if (missing.length) await repo.write([{ kind: 'settings', mode: 'add', entries: missing }]);
  return repo;
}
