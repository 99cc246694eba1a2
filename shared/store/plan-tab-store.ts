import type { Campaign } from '../domain/campaign.js';
import { PLAN_TAB_TITLE } from '../domain/plan-tab/plan-tab-findings.js';
import { structureChanges, structureText } from '../domain/plan-tab/plan-structure.js';
import { readPlanTab, type PlanTabResult } from '../domain/plan-tab/read-plan-tab.js';
import { settingRow } from './codecs/settings.js';
import { campaignFreeLayout } from './layouts.js';
import { planTabLayout } from './plan-tab-layout.js';
import { StoreError, type TableStore } from './table-store.js';

/** The settings key saying where the campaign is defined, and its value for a campaign defined by its tab. */
export const PLAN_SOURCE_KEY = 'Nguồn phong trào';
export const PLAN_SOURCE_TAB = `Trang "${PLAN_TAB_TITLE}"`;
/** The settings key holding the plan's structure as nominations were first taken against it (decision 013). */
export const PLAN_STRUCTURE_KEY = 'Cấu trúc kế hoạch';

/** Reads the campaign tab and validates it (the same schema as the JSON templates). */
export async function readPlanCampaign(tables: TableStore): Promise<PlanTabResult> {
  const rows = (await tables.readTabs([planTabLayout()])).get('plan') ?? [];
  return readPlanTab(rows);
}

/** A campaign tab that does not validate, as one StoreError listing every finding (tab, row, column). */
export function planTabError(findings: ReadonlyArray<{ message: string }>): StoreError {
  return new StoreError(`Trang "${PLAN_TAB_TITLE}" chưa dùng được:\n${findings.map((f) => `  - ${f.message}`).join('\n')}`, { tab: PLAN_TAB_TITLE });
}

/**
 * The campaign a workbook defines in its tab, checked against the structure recorded in its settings (decision 013):
 * once nominations exist, an edit that changes who can be nominated, the criteria or the awards is refused, naming
 * what changed; while none exist, the new structure is recorded. Other edits take effect at once.
 */
export async function planCampaign(tables: TableStore, id: string, settings: ReadonlyMap<string, string>): Promise<Campaign> {
  const read = await readPlanCampaign(tables);
  if (!read.ok) throw planTabError(read.findings);
  const campaign = read.campaign;
  if (campaign.id !== id) throw new StoreError(`Trang "${PLAN_TAB_TITLE}" ghi mã phong trào "${campaign.id}", nhưng trang Cài đặt ghi "${id}": sửa cho trùng nhau.`, { tab: PLAN_TAB_TITLE });
  const recorded = settings.get(PLAN_STRUCTURE_KEY);
  const now = structureText(campaign);
  if (recorded === now) return campaign;
  const nominations = campaignFreeLayout('nominations', ['responseId']);
  const taken = recorded === undefined ? 0 : ((await tables.readTabs([nominations])).get('nominations') ?? []).length;
  if (taken > 0) {
    const { added, removed } = structureChanges(recorded!, now);
    throw new StoreError(
      `Trang "${PLAN_TAB_TITLE}" đã bị sửa cấu trúc sau khi đã nhận ${taken} hồ sơ đề nghị; phần mềm không dùng kế hoạch đã sửa để khỏi chấm lại các hồ sơ đã nhận theo một kế hoạch khác.\n` +
        `  Trước: ${removed.join('; ') || '(không)'}\n  Nay: ${added.join('; ') || '(không)'}\n` +
        `Hãy sửa lại trang "${PLAN_TAB_TITLE}" như trước. Nếu kế hoạch thật sự đã được sửa đổi bằng văn bản, tạo một phong trào mới (thidua campaign new <mã mới>) theo kế hoạch sửa đổi và tiếp nhận lại hồ sơ vào đó.`,
      { tab: PLAN_TAB_TITLE },
    );
  }
  const settingsTab = campaignFreeLayout('settings');
  await tables.write([{ tab: settingsTab, updateByKey: [settingRow(PLAN_STRUCTURE_KEY, now)] }]);
  return campaign;
}
