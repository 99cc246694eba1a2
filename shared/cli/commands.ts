import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Campaign } from '../domain/campaign.js';
import { decide } from '../domain/decide.js';
import type { IntakeOutcome } from '../domain/intake.js';
import { NOMINEE_KIND_LABEL, STATUS_LABEL, type NominationStatus } from '../domain/vocabulary.js';
import { CampaignStore, type Submission } from '../store/campaign-store.js';
import { WorkbookStore } from '../store/workbook-store.js';
import type { CliContext } from './context.js';
import { exportAwardListFile, type AwardListOptions } from './document-commands.js';
import { EXIT, table, UsageError } from './io.js';
import { openTables } from './open-tables.js';
import { readSubmissions } from './read-submissions.js';
import { resolveStorePath } from './store-path.js';

export interface StoreOptions {
  store?: string;
  campaign?: string;
  /** A Google Sheet's id or address: the command works on the sheet instead of a local workbook. */
  spreadsheet?: string;
  serviceAccount?: string;
}

function campaignById(ctx: CliContext, id: string): Campaign {
  const campaign = ctx.campaigns.get(id);
  if (!campaign) throw new UsageError(`Không có phong trào mã "${id}". Các mã có: ${[...ctx.campaigns.keys()].join(', ')}.`);
  return campaign;
}

const openStore = async (ctx: CliContext, options: StoreOptions) => CampaignStore.open((await openTables(options)).tables, ctx.campaigns);

/** Opens the campaign store a command works on. */
export const openCampaignStore = openStore;

/** `thidua init <campaign> [--store FILE]`: creates (or completes) the campaign's workbook. */
export async function initCommand(ctx: CliContext, campaignId: string, options: StoreOptions): Promise<number> {
  const campaign = campaignById(ctx, campaignId);
  if (options.spreadsheet !== undefined) {
    const { tables, where } = await openTables(options);
    await CampaignStore.init(tables, campaign);
    ctx.io.stdout.write(`Đã chuẩn bị bảng tính ${where} cho phong trào "${campaign.title}".\n`);
    return EXIT.ok;
  }
  const path = resolveStorePath({ ...options, campaign: campaign.id });
  await mkdir(dirname(path), { recursive: true });
  await CampaignStore.init(new WorkbookStore(path), campaign);
  ctx.io.stdout.write(`Đã tạo sổ làm việc ${path} cho phong trào "${campaign.title}".\n`);
  return EXIT.ok;
}

/** `thidua intake <file.json> [--store FILE]`: takes nominations in, one by one, and reports each outcome. */
export async function intakeCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  const submissions = await readSubmissions(file);
  const store = await openStore(ctx, options);
  const outcomes = await store.intake(submissions, ctx.now());
  ctx.io.stdout.write(outcomes.map((o, i) => describeOutcome(o, submissions[i]!)).join(''));
  const count = (kind: IntakeOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  ctx.io.stdout.write(`\nTiếp nhận ${count('accepted')}, đã có từ trước ${count('duplicate')}, bị từ chối ${count('rejected')} (tổng ${outcomes.length}).\n`);
  return count('rejected') > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

function describeOutcome(o: IntakeOutcome, s: Submission): string {
  const details = (findings: { message: string; field: string }[]) => findings.map((f) => `    • ${f.message}${f.field ? ` [${f.field}]` : ''}\n`).join('');
  switch (o.kind) {
    case 'accepted':
      return `✔ ${o.nomination.responseId}  ${o.nomination.name} (${o.nomination.unit}): đã tiếp nhận — ${STATUS_LABEL[o.status]}\n${details(o.findings.filter((f) => f.severity !== 'info'))}`;
    case 'duplicate':
      return `↺ ${o.responseId}: đã tiếp nhận trước đó, không thay đổi gì\n`;
    case 'rejected':
      return `✘ ${o.responseId ?? s.source}: bị từ chối\n${details(o.findings)}`;
  }
}

/** `thidua score [--store FILE]`: recomputes statuses, rankings and quotas; prints a summary per award. */
export async function scoreCommand(ctx: CliContext, options: StoreOptions): Promise<number> {
  const store = await openStore(ctx, options);
  const { decisions, problems } = await store.recompute(ctx.now());
  for (const p of problems) ctx.io.stderr.write(`Không đọc được: ${p}\n`);
  ctx.io.stdout.write(summaryTable(store.campaign, decisions));
  return problems.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

function summaryTable(campaign: Campaign, decisions: ReturnType<typeof decide>): string {
  const statuses: NominationStatus[] = ['proposed', 'council-decides', 'over-quota', 'ineligible', 'duplicate'];
  const rows: Array<Array<string | number>> = [];
  for (const award of campaign.awards) {
    for (const kind of award.kinds) {
      const mine = decisions.filter((d) => d.award === award.id && d.kind === kind);
      if (mine.length === 0) continue;
      rows.push([award.name, NOMINEE_KIND_LABEL[kind], award.quotaPerYear[kind] ?? '—', mine.length, ...statuses.map((s) => mine.filter((d) => d.status === s).length)]);
    }
  }
  return table(['Hình thức', 'Đối tượng', 'Chỉ tiêu', 'Hồ sơ', ...statuses.map((s) => STATUS_LABEL[s])], rows);
}

export interface ExportOptions extends StoreOptions, AwardListOptions {}

/** `thidua export <award> [--year Y] [--out FILE]`: writes the award list as .xlsx. */
export async function exportCommand(ctx: CliContext, awardId: string, options: ExportOptions): Promise<number> {
  const store = await openStore(ctx, options);
  const file = await exportAwardList(store, awardId, options);
  ctx.io.stdout.write(`Đã xuất danh sách: ${file}\n`);
  return EXIT.ok;
}

/**
 * Exports one award list from a store (recomputing decisions in memory, writing nothing to the store): the proposal
 * or the decision variant (default: the template's), numbers, date and signer from the settings tab.
 */
export async function exportAwardList(store: CampaignStore, awardId: string, options: AwardListOptions): Promise<string> {
  return exportAwardListFile(store, awardId, options);
}

