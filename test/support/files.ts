import { saveFile } from '../../shared/cli/files.js';
import type { AwardListContent } from '../../shared/exports/award-list-content.js';
import type { AwardListDocument } from '../../shared/exports/award-list-document.js';
import { writeAwardListXlsx } from '../../shared/exports/award-list-xlsx.js';
import type { ScoreSheet } from '../../shared/exports/score-sheet-content.js';
import { writeScoreSheetsXlsx } from '../../shared/exports/score-sheet-xlsx.js';

/** Writes an award list to a file through the writer's stream, as the CLI does; resolves once the file is whole. */
export const writeAwardListFile = (content: AwardListContent, doc: AwardListDocument, path: string): Promise<string> =>
  saveFile({ name: path, write: (out) => writeAwardListXlsx(content, doc, out) }, path);

/** Writes score sheets as one workbook file; returns the file, as a one-element list. */
export async function writeScoreSheets(sheets: readonly ScoreSheet[], target: { oneWorkbook: string }): Promise<string[]> {
  return [await saveFile({ name: target.oneWorkbook, write: (out) => writeScoreSheetsXlsx(sheets, out) }, target.oneWorkbook)];
}
