import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../domain/campaign.js';
import { CouncilScoreEntry } from '../domain/council.js';
import { DatasetId } from '../domain/datasets.js';
import type { Decision } from '../domain/decide.js';
import { Review } from '../domain/review.js';
import { NOMINEE_KIND_LABEL, STAGE_LABEL, STATUS_LABEL } from '../domain/vocabulary.js';
import { importDataset } from '../jobs/import-dataset.js';
import { initCampaign } from '../jobs/init-campaign.js';
import { intake } from '../jobs/intake.js';
import { recompute } from '../jobs/recompute.js';
import { recordCouncilScores } from '../jobs/record-council-scores.js';
import { recordReviews } from '../jobs/record-reviews.js';
import { DATASET_TAB } from '../store/codecs/datasets.js';
import { WorkbookStore } from '../store/workbook-store.js';
import { templatesDir } from '../templates/paths.js';
import type { CliContext } from './context.js';
import { parseDataset } from './council-commands.js';
import { exportAwardListFile, exportCampaignReportFile, exportScoreSheetFiles } from './document-commands.js';
import { exportDossierFiles, missingSummary, readMinutesFile } from './dossier-command.js';
import { EXIT, table } from './io.js';
import { readRecords } from './read-records.js';
import { readSubmissions } from './read-submissions.js';

/** The campaigns the demo runs, in order: the richest first. */
export const DEMO_CAMPAIGNS = ['van-ninh-dan-van-kheo', 'bac-son-quiz-2024', 'tt-bac-son-80-nam-tong-tuyen-cu', 'tay-ninh-nam-dan-van-kheo-2020'];

/**
 * The runs of the demo: each campaign on its samples, then the Vạn Ninh 2025 cycle after the reform of 1 July 2025
 * (its own samples and workbook; nominations and decisions after the change go to the commune chairman's Giấy khen).
 */
export const DEMO_RUNS: ReadonlyArray<{ campaign: string; samples: string; heading?: string }> = [
  ...DEMO_CAMPAIGNS.map((id) => ({ campaign: id, samples: id })),
  { campaign: 'van-ninh-dan-van-kheo', samples: 'van-ninh-dan-van-kheo-2025', heading: 'chu kỳ 2025, sau khi sắp xếp chính quyền địa phương hai cấp (01/7/2025)' },
];
const DEMO_SECRETARY = 'Thư ký Hội đồng (chạy thử)';

/**
 * The main job for a newcomer: each of the four seed campaigns end to end on the embedded default — a fresh
 * workbook, its datasets imported, the sample nominations taken in (some invalid, some tied, one delivered twice),
 * scored, the council's scores and review recorded, scored again, and every award list exported into out/.
 */
export async function demoCommand(ctx: CliContext, options: { outDir?: string; campaigns?: string[] } = {}): Promise<number> {
  const outDir = options.outDir ?? 'out';
  await mkdir(outDir, { recursive: true });
  const wanted = options.campaigns ?? DEMO_CAMPAIGNS;
  for (const run of DEMO_RUNS.filter((r) => wanted.includes(r.campaign))) await runCampaign(ctx, ctx.campaigns.get(run.campaign)!, outDir, run);
  ctx.io.stdout.write(`Mở các sổ ${outDir}/<mã phong trào>.xlsx để xem các trang tính của Hội đồng; danh sách khen thưởng nằm trong ${outDir}/<mã phong trào>/.\n`);
  return EXIT.ok;
}

async function runCampaign(ctx: CliContext, campaign: Campaign, outDir: string, run: (typeof DEMO_RUNS)[number]): Promise<void> {
  const say = (text: string) => ctx.io.stdout.write(text);
  const samples = join(templatesDir(), 'samples', run.samples);
  const storePath = join(outDir, `${run.samples}.xlsx`);
  await rm(storePath, { force: true });
  say(`\n══ ${campaign.title}${run.heading ? ` — ${run.heading}` : ''}\n   sổ làm việc: ${storePath}\n`);
  const repo = await initCampaign(new WorkbookStore(storePath), campaign);
  // What the council's secretary types in "Cài đặt" for the documents: signing dates, the successor body.
  const settingsFile = join(samples, 'settings.json');
  if (existsSync(settingsFile)) {
    const entries = Object.entries(JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, string>);
    await repo.write([{ kind: 'settings', mode: 'add', entries }]);
    say(`   cài đặt văn bản: ${entries.map(([k, v]) => `${k} = ${v}`).join('; ')}\n`);
  }

  for (const id of DatasetId) {
    const file = join(samples, `${id}.csv`);
    if (!existsSync(file)) continue;
    const tab = repo.tab(DATASET_TAB[id]);
    const records = await readRecords(file, (header) => tab.columns.find((c) => c.header === header)?.key ?? header);
    const { parsed, rejected } = parseDataset(id, records, (field) => field);
    if (rejected.length) throw new Error(`Dữ liệu mẫu ${file} có dòng sai: ${rejected.map((r) => `dòng ${r.line}: ${r.message}`).join('; ')}`);
    const { added } = await importDataset(repo, parsed);
    say(`   nạp ${added} dòng ${id}\n`);
  }

  const submissions = await readSubmissions(join(samples, 'nominations.json'));
  const outcomes = await intake(repo, submissions, ctx.now());
  const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
  say(`   tiếp nhận ${submissions.length} hồ sơ: ${count('accepted')} tiếp nhận, ${count('rejected')} bị từ chối, ${count('duplicate')} gửi lặp (bỏ qua)\n`);
  for (const o of outcomes) if (o.kind === 'rejected') say(`     ✘ ${o.responseId ?? '?'}: ${o.findings.map((f) => f.message).join(' ')}\n`);
  await recompute(repo, ctx.now(), 'thidua demo');

  const council = (await readSubmissions(join(samples, 'council.json'))).map((s) => CouncilScoreEntry.parse(s.payload));
  await recordCouncilScores(repo, council, ctx.now());
  const reviews = (await readSubmissions(join(samples, 'review.json'))).map((s) => Review.parse(s.payload));
  await recordReviews(repo, reviews, DEMO_SECRETARY, ctx.now());
  say(`   Hội đồng: ${council.length} lượt chấm, ${reviews.length} kết luận\n\n`);

  const { decisions, nominations } = await recompute(repo, ctx.now(), 'thidua demo');
  const names = new Map(nominations.map((n) => [n.responseId, n.name]));
  say(indent(table(['Hình thức', 'Đối tượng', 'Khối', 'Hạng', 'Họ và tên / Tên tập thể', 'Điểm', 'Trạng thái', 'Giai đoạn', 'Lý do chính'], ordered(campaign, decisions).map((d) => [
    d.award, NOMINEE_KIND_LABEL[d.kind], d.block ?? '', d.rank ?? '', names.get(d.responseId) ?? '', String(d.total).replace('.', ','), STATUS_LABEL[d.status], STAGE_LABEL[d.stage], mainReason(d),
  ]))));
  for (const award of campaign.awards) {
    try {
      const file = await exportAwardListFile(repo, award.id, { out: join(outDir, run.samples, `${award.id}.xlsx`), now: ctx.now() });
      say(`   danh sách: ${file}\n`);
    } catch (error) {
      say(`   (chưa xuất ${award.id}: ${(error as Error).message})\n`);
    }
  }
  const [sheets] = await exportScoreSheetFiles(repo, { oneWorkbook: true, out: join(outDir, run.samples, 'bang-cham-diem.xlsx') });
  say(`   bảng chấm điểm: ${sheets ?? ''}\n`);
  say(`   báo cáo phong trào: ${await exportCampaignReportFile(repo, { out: join(outDir, run.samples, 'bao-cao-phong-trao.xlsx'), now: ctx.now() })}\n`);
  // the council's dossier in Word; the minutes from the secretary's file until the vote is recorded in the workbook
  const minutesFile = join(samples, 'bien-ban.json');
  const minutes = existsSync(minutesFile) ? await readMinutesFile(minutesFile) : undefined;
  try {
    const { dossier, dir, written } = await exportDossierFiles(repo, { now: ctx.now(), ...(minutes ? { minutes } : {}), out: join(outDir, run.samples, 'ho-so') });
    say(`   hồ sơ Hội đồng (.docx): ${written.length} văn bản năm ${dossier.year} trong ${dir}; còn thiếu ${missingSummary(dossier).length} thành phần\n`);
  } catch (error) {
    say(`   (chưa xuất hồ sơ Hội đồng: ${(error as Error).message})\n`);
  }
}

function ordered(campaign: Campaign, decisions: Decision[]): Decision[] {
  const awardIndex = (id: string) => campaign.awards.findIndex((a) => a.id === id);
  return [...decisions].sort((a, b) => awardIndex(a.award) - awardIndex(b.award) || a.kind.localeCompare(b.kind) || (a.block ?? '').localeCompare(b.block ?? '', 'vi') || (a.rank ?? 99) - (b.rank ?? 99));
}

/** The first finding that explains a status other than proposed, shortened for the terminal. */
function mainReason(d: Decision): string {
  if (d.status === 'proposed' || d.status === 'awarded' || d.status === 'eligible') return '';
  const f = d.findings.find((x) => x.severity === 'ineligible' || x.severity === 'pending') ?? d.findings.find((x) => x.code.startsWith('QUOTA') || x.code.startsWith('COUNCIL'));
  if (!f) return '';
  return f.message.length > 70 ? `${f.message.slice(0, 69)}…` : f.message;
}

const indent = (text: string) => text.split('\n').map((l) => (l ? `   ${l}` : l)).join('\n');
