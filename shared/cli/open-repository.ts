import { existsSync } from 'node:fs';
import type { Campaign } from '../domain/campaign.js';
import { CampaignRepository } from '../store/campaign-repository.js';
import { CAMPAIGN_KEY, readSettings } from '../store/codecs/settings.js';
import { campaignFreeLayout } from '../store/layouts.js';
import { PLAN_SOURCE_KEY, PLAN_SOURCE_TAB, planCampaign } from '../store/plan-tab-store.js';
import { StoreError, type TableStore } from '../store/table-store.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { openTables, type TablesOptions } from './open-tables.js';
import { resolveStorePath } from './store-path.js';

/** The campaign repository a command works on: the local workbook or the Google Sheet its options name. */
export async function openRepository(ctx: CliContext, options: TablesOptions): Promise<CampaignRepository> {
  const { tables, datasets } = await openTables(options);
  return CampaignRepository.open(tables, ctx.campaigns, datasets);
}

/**
 * The campaign a command names by id: the "Kế hoạch" tab of its store when the store defines the campaign there
 * (it wins over a JSON template of the same id, decision 013), else the template of that id. `opened`: the store the
 * command has already opened (one Google client, one token).
 */
export async function campaignFor(ctx: CliContext, id: string, options: TablesOptions = {}, opened?: TableStore): Promise<Campaign> {
  const local = options.spreadsheet === undefined;
  if (opened || !local || existsSync(resolveStorePath({ ...options, campaign: options.campaign ?? id }))) {
    const tables = opened ?? (await openTables({ ...options, campaign: options.campaign ?? id })).tables;
    let settings: Map<string, string> | undefined;
    try {
      settings = readSettings((await tables.readTabs([campaignFreeLayout('settings')])).get('settings') ?? []);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
    }
    if (settings?.get(CAMPAIGN_KEY) === id && settings.get(PLAN_SOURCE_KEY) === PLAN_SOURCE_TAB) return planCampaign(tables, id, settings);
  }
  const campaign = ctx.campaigns.get(id);
  if (!campaign) throw new UsageError(`Không có phong trào mã "${id}". Các mã có: ${[...ctx.campaigns.keys()].join(', ')}; hoặc tạo phong trào mới: thidua campaign new ${id}.`);
  return campaign;
}
