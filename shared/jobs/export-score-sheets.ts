import { councilResult } from '../domain/council.js';
import { scoreSheet, type ScoreSheet } from '../exports/score-sheet-content.js';
import { uniqueFileNames } from '../exports/sheet-names.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { readDecisions } from './read-decisions.js';
import type { XlsxFile } from './xlsx-file.js';

/**
 * The score sheet ("Bảng tự đánh giá, chấm điểm") of every stored nomination, from one read: one workbook with a tab
 * per nominee, or one file per nominee.
 */
export async function exportScoreSheets(repo: CampaignRepository, options: { oneWorkbook?: boolean } = {}): Promise<XlsxFile[]> {
  const campaign = repo.campaign;
  const { nominations, decisions, councilScores } = await readDecisions(repo);
  const byId = new Map(decisions.map((d) => [d.responseId, d]));
  const sheets = nominations.map((nomination) => {
    const entries = councilScores.filter((e) => e.responseId === nomination.responseId);
    const council = entries.length ? councilResult(campaign, nomination, entries).averages : undefined;
    return scoreSheet({ campaign, nomination, decision: byId.get(nomination.responseId), councilScores: council });
  });
  if (options.oneWorkbook) return [workbookOf(sheets, 'bang-cham-diem.xlsx')];
  const { scoreSheetFileName } = await import('../exports/score-sheet-xlsx.js');
  // one folder holds them all: names must differ even where the file system ignores case
  const names = uniqueFileNames(sheets.map(scoreSheetFileName));
  return sheets.map((sheet, i) => workbookOf([sheet], names[i]!));
}

const workbookOf = (sheets: readonly ScoreSheet[], name: string): XlsxFile => ({
  name,
  write: async (out) => {
    const { writeScoreSheetsXlsx } = await import('../exports/score-sheet-xlsx.js');
    await writeScoreSheetsXlsx(sheets, out);
  },
});
