import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findAward } from '../domain/campaign.js';
import { councilResult } from '../domain/council.js';
import { decide, type Decision } from '../domain/decide.js';
import { awardListContent, yearsOf } from '../exports/award-list-content.js';
import { awardListDocument, ListVariant } from '../exports/award-list-document.js';
import { writeAwardListXlsx } from '../exports/award-list-xlsx.js';
import { campaignReport } from '../exports/campaign-report-content.js';
import { writeCampaignReportXlsx } from '../exports/campaign-report-xlsx.js';
import { parseDocumentSettings } from '../exports/document-settings.js';
import { scoreSheet } from '../exports/score-sheet-content.js';
import { writeScoreSheets } from '../exports/score-sheet-xlsx.js';
import { CampaignStore, type Snapshot } from '../store/campaign-store.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import { openTables, type TablesOptions } from './open-tables.js';

/**
 * The documents the council prints: the award list (`thidua export`), the score sheets (`thidua scoresheet`) and the
 * campaign report (`thidua report`). Each reads the store once, recomputes decisions in memory and writes nothing back.
 */

export type DocumentStoreOptions = TablesOptions;

const openStore = async (ctx: CliContext, options: DocumentStoreOptions) => CampaignStore.open((await openTables(options)).tables, ctx.campaigns);

async function read(store: CampaignStore): Promise<{ snap: Snapshot; decisions: Decision[] }> {
  const snap = await store.snapshot();
  const decisions = decide(store.campaign, snap.nominations, { datasets: snap.datasets, councilScores: snap.councilScores, reviews: snap.reviews });
  return { snap, decisions };
}

/** `--variant proposal|decision`, checked. */
export function parseVariant(value: string | undefined): ListVariant | undefined {
  if (value === undefined) return undefined;
  const variant = ListVariant.find((v) => v === value);
  if (!variant) throw new UsageError(`--variant phải là ${ListVariant.join(' hoặc ')}, nhận được "${value}".`);
  return variant;
}

export interface AwardListOptions {
  out?: string;
  year?: number;
  /** Default: the template's list kind (a proposal to a higher authority, or the list attached to the decision). */
  variant?: ListVariant;
}

/** Writes one award list from a store; the document's numbers, date and signer come from the settings tab. */
export async function exportAwardListFile(store: CampaignStore, awardId: string, options: AwardListOptions): Promise<string> {
  const campaign = store.campaign;
  const award = findAward(campaign, awardId);
  if (!award) throw new UsageError(`Phong trào không có hình thức khen thưởng "${awardId}". Các mã có: ${campaign.awards.map((a) => a.id).join(', ')}.`);
  const { snap, decisions } = await read(store);
  const year = options.year ?? yearsOf(award, decisions)[0];
  if (year === undefined) throw new UsageError(`Chưa có hồ sơ nào đề nghị "${award.name}".`);
  const settings = parseDocumentSettings(await store.settings(), award.id);
  if (!settings.ok) throw new UsageError(`Trang tính "Cài đặt" có giá trị không hợp lệ:\n${settings.problems.join('\n')}`);
  const file = options.out ?? join('out', campaign.id, `${award.id}-${year}.xlsx`);
  await mkdir(dirname(file), { recursive: true });
  const content = awardListContent(campaign, award, year, decisions, new Map(snap.nominations.map((n) => [n.responseId, n])), snap.datasets.awardHistory);
  await writeAwardListXlsx(content, awardListDocument(content, settings.settings, options.variant ?? award.list.kind), file);
  return file;
}

export interface ScoreSheetOptions {
  /** One workbook with a tab per nominee (a file), or one file per nominee (a directory). */
  oneWorkbook?: boolean;
  out?: string;
}

/** Writes the score sheet of every stored nomination; returns the files written. */
export async function exportScoreSheets(store: CampaignStore, options: ScoreSheetOptions): Promise<string[]> {
  const campaign = store.campaign;
  const { snap, decisions } = await read(store);
  const byId = new Map(decisions.map((d) => [d.responseId, d]));
  const sheets = snap.nominations.map((nomination) => {
    const entries = snap.councilScores.filter((e) => e.responseId === nomination.responseId);
    const councilScores = entries.length ? councilResult(campaign, nomination, entries).averages : undefined;
    return scoreSheet({ campaign, nomination, decision: byId.get(nomination.responseId), councilScores });
  });
  const base = join('out', campaign.id);
  const target = options.oneWorkbook ? { oneWorkbook: options.out ?? join(base, 'bang-cham-diem.xlsx') } : { directory: options.out ?? join(base, 'bang-cham-diem') };
  return writeScoreSheets(sheets, target);
}

/** Writes the campaign report: counts, late submissions, rankings with the quota line, scores per unit as a chart. */
export async function exportCampaignReport(store: CampaignStore, options: { out?: string; now: Date }): Promise<string> {
  const { snap, decisions } = await read(store);
  const file = options.out ?? join('out', store.campaign.id, 'bao-cao-phong-trao.xlsx');
  await mkdir(dirname(file), { recursive: true });
  await writeCampaignReportXlsx(campaignReport(store.campaign, snap.nominations, decisions, options.now), file);
  return file;
}

/** `thidua scoresheet [--one-workbook] [--out DIR|FILE]`. */
export async function scoreSheetCommand(ctx: CliContext, options: DocumentStoreOptions & ScoreSheetOptions): Promise<number> {
  const files = await exportScoreSheets(await openStore(ctx, options), options);
  ctx.io.stdout.write(options.oneWorkbook ? `Đã xuất bảng chấm điểm (${files.length} tệp): ${files[0] ?? ''}\n` : `Đã xuất ${files.length} bảng chấm điểm vào ${files.length ? dirname(files[0]!) : '(không có hồ sơ)'}\n`);
  return EXIT.ok;
}

/** `thidua report [--out FILE]`. */
export async function reportCommand(ctx: CliContext, options: DocumentStoreOptions & { out?: string }): Promise<number> {
  const file = await exportCampaignReport(await openStore(ctx, options), { out: options.out, now: ctx.now() });
  ctx.io.stdout.write(`Đã xuất báo cáo phong trào: ${file}\n`);
  return EXIT.ok;
}
