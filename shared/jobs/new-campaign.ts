import type { Campaign } from '../domain/campaign.js';
import type { PlanTabFinding } from '../domain/plan-tab/plan-tab-findings.js';
import { structureText } from '../domain/plan-tab/plan-structure.js';
import { planTabRows, type PlanSources } from '../domain/plan-tab/plan-tab-rows.js';
import { CAMPAIGN_KEY, readSettings, settingRow } from '../store/codecs/settings.js';
import { campaignFreeLayout } from '../store/layouts.js';
import { planTabLayout } from '../store/plan-tab-layout.js';
import { PLAN_SOURCE_KEY, PLAN_SOURCE_TAB, PLAN_STRUCTURE_KEY, readPlanCampaign } from '../store/plan-tab-store.js';
import type { TableStore } from '../store/table-store.js';
import { initCampaign } from './init-campaign.js';
import { done, problem, type JobResult } from './problem.js';

export interface NewCampaign {
  /** The campaign as read back from the tab, when the tab is complete: its workbook is then ready (all tabs made). */
  campaign?: Campaign;
  /** What is still to fill in (a blank or partial template, a draft), each naming its row and column. */
  findings: PlanTabFinding[];
  rows: number;
}

/**
 * Creates a campaign defined by its workbook: the "Kế hoạch" tab filled from a template (a JSON template as a
 * starting point, a draft read from a plan with each value's sentence in `sources`, or nothing), the settings naming
 * the campaign and its source, and — once the tab reads back as a valid campaign — every other tab, as `init` does.
 * Refused on a workbook that already names a campaign or holds a filled tab: nothing there is overwritten.
 */
export async function newCampaign(tables: TableStore, id: string, template: Record<string, unknown>, sources: PlanSources = {}): Promise<JobResult<NewCampaign>> {
  const [settingsTab, planTab] = [campaignFreeLayout('settings'), planTabLayout()];
  await tables.ensureTabs([settingsTab, planTab]);
  const existing = await tables.readTabs([settingsTab, planTab]);
  const named = readSettings(existing.get('settings') ?? []).get(CAMPAIGN_KEY);
  if (named || (existing.get('plan') ?? []).length > 0) {
    return problem('CAMPAIGN_EXISTS', `Sổ này đã có phong trào "${named ?? id}" (trang "${planTab.title}" hoặc Cài đặt đã có dữ liệu); không ghi đè. Sửa trực tiếp trang "${planTab.title}", hoặc tạo phong trào ở một sổ khác.`);
  }
  const rows = planTabRows({ ...template, id }, sources);
  await tables.write([
    { tab: planTab, replaceAll: rows.map((r) => ({ ...r })) },
    { tab: settingsTab, append: [settingRow(CAMPAIGN_KEY, id), settingRow(PLAN_SOURCE_KEY, PLAN_SOURCE_TAB)] },
  ]);
  const read = await readPlanCampaign(tables);
  if (!read.ok) return done({ findings: read.findings, rows: rows.length });
  await initCampaign(tables, read.campaign);
  await tables.write([{ tab: settingsTab, updateByKey: [settingRow(PLAN_STRUCTURE_KEY, structureText(read.campaign))] }]);
  return done({ campaign: read.campaign, findings: [], rows: rows.length });
}
