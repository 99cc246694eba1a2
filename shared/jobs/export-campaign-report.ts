import { campaignReport } from '../exports/campaign-report-content.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { readDecisions } from './read-decisions.js';
import type { XlsxFile } from './xlsx-file.js';

/** The campaign report from one read: counts, late submissions, rankings with the quota line, scores per unit as a chart. */
export async function exportCampaignReport(repo: CampaignRepository, now: Date): Promise<XlsxFile> {
  const { nominations, decisions } = await readDecisions(repo);
  const report = campaignReport(repo.campaign, nominations, decisions, now);
  return {
    name: 'bao-cao-phong-trao.xlsx',
    write: async (out) => {
      const { writeCampaignReportXlsx } = await import('../exports/campaign-report-xlsx.js');
      await writeCampaignReportXlsx(report, out);
    },
  };
}
