import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Campaign } from '../domain/campaign.js';
import type { Decision } from '../domain/decide.js';
import { NOMINEE_KIND_LABEL, STATUS_LABEL, type NominationStatus } from '../domain/vocabulary.js';
import { initCampaign } from '../jobs/init-campaign.js';
import { intake } from '../jobs/intake.js';
import { recompute } from '../jobs/recompute.js';
import { embeddedStore } from '../store/embedded-store.js';
import type { CliContext } from './context.js';
import { describeOutcome, intakeSummary } from './intake-report.js';
import { exportAwardListFile, type AwardListFileOptions } from './document-commands.js';
import { EXIT, table, UsageError } from './io.js';
import { campaignFor, openRepository } from './open-repository.js';
import { openTables } from './open-tables.js';
import { readSubmissions } from './read-submissions.js';
import { resolveStorePath } from './store-path.js';

export interface StoreOptions {
  store?: string;
  campaign?: string;
  /** A Google Sheet's id or address: the command works on the sheet instead of a local workbook. */
  spreadsheet?: string;
  serviceAccount?: string;
  impersonate?: string;
}

/** `thidua init <campaign> [--store FILE]`: creates (or completes) the campaign's workbook. */
export async function initCommand(ctx: CliContext, campaignId: string, options: StoreOptions): Promise<number> {
  if (options.spreadsheet !== undefined) {
    const { tables, where, google, datasets } = await openTables(options);
    const campaign = await campaignFor(ctx, campaignId, options, tables);
    await initCampaign(tables, campaign, datasets);
    ctx.io.stdout.write(`Đã chuẩn bị bảng tính ${where} cho phong trào "${campaign.title}".\n`);
    if (google) {
      const { describeCredentials } = await import('../google/cli-credentials.js');
      ctx.io.stdout.write(`${describeCredentials(google.credentials)}\n`);
      ctx.io.stdout.write(`Các cột do công cụ tính chỉ sửa được bởi chủ bảng tính, người chạy lệnh này${google.editors.length ? ` và ${google.editors.join(', ')}` : ''}.\n`);
      if (!options.serviceAccount && !process.env.THIDUA_SERVICE_ACCOUNT) {
        ctx.io.stdout.write('Chú ý: chưa nêu tài khoản dịch vụ của các hàm (--service-account hoặc THIDUA_SERVICE_ACCOUNT): các hàm sẽ không ghi được cột được bảo vệ. Chạy lại lệnh này với --service-account <email> để sửa.\n');
      }
    }
    return EXIT.ok;
  }
  const campaign = await campaignFor(ctx, campaignId, options);
  const path = resolveStorePath({ ...options, campaign: campaign.id });
  const existed = existsSync(path);
  await mkdir(dirname(path), { recursive: true });
  await initCampaign(embeddedStore(path), campaign);
  ctx.io.stdout.write(
    existed
      ? `Sổ làm việc ${path} đã có từ trước: giữ nguyên mọi dữ liệu, chỉ bổ sung trang tính hoặc mục Cài đặt còn thiếu (nếu có).\n`
      : `Đã tạo sổ làm việc ${path} cho phong trào "${campaign.title}".\n`,
  );
  return EXIT.ok;
}

/** `thidua intake <file.json> [--store FILE]`: takes nominations in, one by one, and reports each outcome. */
export async function intakeCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  const submissions = await readSubmissions(file);
  const outcomes = await intake(await openRepository(ctx, options), submissions, ctx.now());
  ctx.io.stdout.write(outcomes.map((o, i) => describeOutcome(o, submissions[i]!.source, submissions[i]!.payload)).join(''));
  ctx.io.stdout.write(intakeSummary(outcomes));
  return outcomes.some((o) => o.kind === 'rejected') ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** `thidua score [--store FILE]`: recomputes statuses, rankings and quotas; prints a summary per award. */
export async function scoreCommand(ctx: CliContext, options: StoreOptions): Promise<number> {
  const repo = await openRepository(ctx, options);
  const { decisions, problems, handEdits } = await recompute(repo, ctx.now());
  for (const p of problems) ctx.io.stderr.write(`Không đọc được: ${p}\n`);
  const tab = repo.tab('nominations').title;
  for (const h of handEdits)
    ctx.io.stderr.write(
      `⚠ Trang tính "${tab}", hàng ${h.row ?? '?'} (${h.responseId}, ${h.name}), cột "${h.column}": đã bị sửa tay từ "${h.old}" thành "${h.new}"` +
        `${h.by ? ` (người cập nhật: ${h.by})` : ''}. Cột này do phần mềm tính; đã ghi vào "Nhật ký thay đổi" và tính lại thành "${h.recomputed}". ` +
        'Muốn thay đổi kết quả, hãy ghi kết luận của Hội đồng (thidua review).\n',
    );
  ctx.io.stdout.write(summaryTable(repo.campaign, decisions));
  return problems.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** Per award and kind: the quota, the nominations, and how many have each status (every status that occurs). */
function summaryTable(campaign: Campaign, decisions: readonly Decision[]): string {
  const order: readonly NominationStatus[] = ['awarded', 'proposed', 'awaiting-vote', 'council-decides', 'over-quota', 'needs-documents', 'awaiting-council', 'eligible', 'vote-failed', 'ineligible', 'duplicate'];
  const statuses = order.filter((s) => decisions.some((d) => d.status === s));
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

export interface ExportOptions extends StoreOptions, Omit<AwardListFileOptions, 'now'> {}

/** `thidua export <award> [--year Y] [--out FILE]`: writes the award list as .xlsx. */
export async function exportCommand(ctx: CliContext, awardId: string, options: ExportOptions): Promise<number> {
  const file = await exportAwardListFile(await openRepository(ctx, options), awardId, { ...options, now: ctx.now() });
  ctx.io.stdout.write(`Đã xuất danh sách: ${file}\n`);
  return EXIT.ok;
}
