import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Campaign } from '../domain/campaign.js';
import { templatesDir } from './paths.js';
import { TemplateError } from './template-error.js';

/**
 * Parses one campaign template (already read as text). The file name, without `.json`, must equal the campaign id.
 * @throws TemplateError naming the file and each bad path.
 */
export function parseCampaignTemplate(file: string, text: string): Campaign {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new TemplateError(file, [`không phải JSON hợp lệ: ${(cause as Error).message}`], { cause });
  }
  const result = Campaign.safeParse(json);
  if (!result.success) throw TemplateError.fromZod(file, result.error);
  const expected = basename(file).replace(/\.json$/, '');
  if (result.data.id !== expected) throw new TemplateError(file, [`id: mã "${result.data.id}" phải trùng tên tệp "${expected}"`]);
  return result.data;
}

/** Every campaign template under `sheets-templates/campaigns/`, by id. */
export function loadCampaigns(dir = join(templatesDir(), 'campaigns')): Map<string, Campaign> {
  const campaigns = new Map<string, Campaign>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const campaign = parseCampaignTemplate(name, readFileSync(join(dir, name), 'utf8'));
    campaigns.set(campaign.id, campaign);
  }
  return campaigns;
}
