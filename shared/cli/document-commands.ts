import { dirname, join } from 'node:path';
import { ListVariant } from '../exports/award-list-document.js';
import { exportAwardList, type AwardListOptions } from '../jobs/export-award-list.js';
import { exportCampaignReport } from '../jobs/export-campaign-report.js';
import { exportScoreSheets } from '../jobs/export-score-sheets.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import type { CliContext } from './context.js';
import { orUsageError, saveFile } from './files.js';
import { EXIT, UsageError } from './io.js';
import { openRepository } from './open-repository.js';
import type { TablesOptions } from './open-tables.js';

/**
 * The documents the council prints, as files: the award list (`thidua export`), the score sheets (`thidua
 * scoresheet`) and the campaign report (`thidua report`). The jobs read the store once and write nothing back; this
 * door picks the paths (default out/<campaign>/…) and writes the files.
 */

export type DocumentStoreOptions = TablesOptions;

/** `--variant proposal|decision`, checked. */
export function parseVariant(value: string | undefined): ListVariant | undefined {
  if (value === undefined) return undefined;
  const variant = ListVariant.find((v) => v === value);
  if (!variant) throw new UsageError(`--variant phải là ${ListVariant.join(' hoặc ')}, nhận được "${value}".`);
  return variant;
}

export interface AwardListFileOptions extends AwardListOptions {
  out?: string;
}

/** Writes one award list to a file (default out/<campaign>/<award>-<year>.xlsx); a job's problem is a UsageError. */
export async function exportAwardListFile(repo: CampaignRepository, awardId: string, options: AwardListFileOptions): Promise<string> {
  const list = orUsageError(await exportAwardList(repo, awardId, { now: options.now, ...(options.year ? { year: options.year } : {}), ...(options.variant ? { variant: options.variant } : {}) }));
  return saveFile(list, options.out ?? join('out', repo.campaign.id, list.name));
}

export interface ScoreSheetOptions {
  /** One workbook with a tab per nominee (a file), or one file per nominee (a directory). */
  oneWorkbook?: boolean;
  out?: string;
}

/** Writes the score sheet of every stored nomination; returns the files written. */
export async function exportScoreSheetFiles(repo: CampaignRepository, options: ScoreSheetOptions): Promise<string[]> {
  const files = await exportScoreSheets(repo, { oneWorkbook: options.oneWorkbook ?? false });
  const base = join('out', repo.campaign.id);
  if (options.oneWorkbook) return [await saveFile(files[0]!, options.out ?? join(base, files[0]!.name))];
  const directory = options.out ?? join(base, 'bang-cham-diem');
  const written: string[] = [];
  for (const file of files) written.push(await saveFile(file, join(directory, file.name)));
  return written;
}

/** Writes the campaign report (default out/<campaign>/bao-cao-phong-trao.xlsx). */
export async function exportCampaignReportFile(repo: CampaignRepository, options: { out?: string; now: Date }): Promise<string> {
  const report = await exportCampaignReport(repo, options.now);
  return saveFile(report, options.out ?? join('out', repo.campaign.id, report.name));
}

/** `thidua scoresheet [--one-workbook] [--out DIR|FILE]`. */
export async function scoreSheetCommand(ctx: CliContext, options: DocumentStoreOptions & ScoreSheetOptions): Promise<number> {
  const files = await exportScoreSheetFiles(await openRepository(ctx, options), options);
  ctx.io.stdout.write(options.oneWorkbook ? `Đã xuất bảng chấm điểm (${files.length} tệp): ${files[0] ?? ''}\n` : `Đã xuất ${files.length} bảng chấm điểm vào ${files.length ? dirname(files[0]!) : '(không có hồ sơ)'}\n`);
  return EXIT.ok;
}

/** `thidua report [--out FILE]`. */
export async function reportCommand(ctx: CliContext, options: DocumentStoreOptions & { out?: string }): Promise<number> {
  const file = await exportCampaignReportFile(await openRepository(ctx, options), { out: options.out, now: ctx.now() });
  ctx.io.stdout.write(`Đã xuất báo cáo phong trào: ${file}\n`);
  return EXIT.ok;
}
