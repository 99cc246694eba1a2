import { findAward, type Award } from '../domain/campaign.js';
import { awardListContent, yearsOf } from '../exports/award-list-content.js';
import { awardListDocument, type ListVariant } from '../exports/award-list-document.js';
import { vietnamDate } from '../domain/dates.js';
import { datedHeader } from '../exports/dated-header.js';
import { parseDocumentSettings } from '../exports/document-settings.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { done, problem, type JobResult } from './problem.js';
import { ENGINE_PARTS, evaluateSnapshot } from './read-decisions.js';
import type { XlsxFile } from './xlsx-file.js';

export interface AwardListOptions {
  /** Today: the document's date when the council has not set "Ngày ký". */
  now: Date;
  year?: number;
  /** Default: the template's list kind (a proposal to a higher authority, or the list attached to the decision). */
  variant?: ListVariant;
}

/**
 * One award list as an .xlsx, from one read of the campaign (decisions recomputed in memory, nothing written back):
 * the proposal or the decision variant, numbers, date and signer from the settings tab; the bodies it names follow the
 * document's date ("Ngày ký", else today). Problems: an award the campaign does not have, no nomination for it yet,
 * settings the council typed wrong, a date on which the authority or the issuing body no longer exists (BODY_CEASED).
 */
export async function exportAwardList(repo: CampaignRepository, awardId: string, options: AwardListOptions): Promise<JobResult<XlsxFile & { award: Award; year: number }>> {
  const campaign = repo.campaign;
  const award = findAward(campaign, awardId);
  if (!award) return problem('UNKNOWN_AWARD', `Phong trào không có hình thức khen thưởng "${awardId}". Các mã có: ${campaign.awards.map((a) => a.id).join(', ')}.`);
  const snap = await repo.read([...ENGINE_PARTS, 'settings']);
  const { decisions, nominations, indexed } = evaluateSnapshot(repo, snap);
  // a year outside the term is a typo, unless nominations were judged in it (a plan reviewed after its term ends)
  const [firstYear, lastYear] = [Number(campaign.term.from.slice(0, 4)), Number(campaign.term.to.slice(0, 4))];
  if (options.year !== undefined && (options.year < firstYear || options.year > lastYear) && !yearsOf(award, decisions).includes(options.year))
    return problem('YEAR_OUTSIDE_TERM', `Năm ${options.year} nằm ngoài thời gian phong trào (${firstYear === lastYear ? `năm ${firstYear}` : `${firstYear}–${lastYear}`}); hãy ghi --year trong khoảng đó.`);
  const year = options.year ?? yearsOf(award, decisions)[0];
  if (year === undefined) return problem('EMPTY_LIST', `Chưa có hồ sơ nào đề nghị "${award.name}".`);
  const settings = parseDocumentSettings(snap.settings, award.id);
  if (!settings.ok) return problem('BAD_SETTINGS', `Trang tính "Cài đặt" có giá trị không hợp lệ:\n${settings.problems.join('\n')}`);
  const content = awardListContent(campaign, award, year, decisions, new Map(nominations.map((n) => [n.responseId, n])), indexed.awardHistory);
  const dated = datedHeader(campaign, award, settings.settings, settings.settings.signedOn ?? vietnamDate(options.now));
  if (!dated.ok) return problem('BODY_CEASED', dated.message);
  const document = awardListDocument(content, settings.settings, options.variant ?? award.list.kind, dated.header);
  return done({
    award,
    year,
    name: `${award.id}-${year}.xlsx`,
    write: async (out) => {
      const { writeAwardListXlsx } = await import('../exports/award-list-xlsx.js');
      await writeAwardListXlsx(content, document, out);
    },
  });
}
