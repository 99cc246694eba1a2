import { CampaignRepository } from '../store/campaign-repository.js';
import type { CliContext } from './context.js';
import { openTables, type TablesOptions } from './open-tables.js';

/** The campaign repository a command works on: the local workbook or the Google Sheet its options name. */
export async function openRepository(ctx: CliContext, options: TablesOptions): Promise<CampaignRepository> {
  const { tables, datasets } = await openTables(options);
  return CampaignRepository.open(tables, ctx.campaigns, datasets);
}
