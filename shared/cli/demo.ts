import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { STATUS_LABEL } from '../domain/vocabulary.js';
import { CampaignStore } from '../store/campaign-store.js';
import { WorkbookStore } from '../store/workbook-store.js';
import { templatesDir } from '../templates/paths.js';
import { exportAwardList } from './commands.js';
import type { CliContext } from './context.js';
import { EXIT, table } from './io.js';
import { readSubmissions } from './read-submissions.js';

export const DEMO_CAMPAIGN = 'van-ninh-dan-van-kheo';

/**
 * The main job for a newcomer: a fresh workbook for the Vạn Ninh campaign, the sample nominations taken in
 * (some invalid, some tied, one delivered twice), scored, every award list exported into out/, and a summary.
 */
export async function demoCommand(ctx: CliContext, options: { outDir?: string } = {}): Promise<number> {
  const outDir = options.outDir ?? 'out';
  const campaign = ctx.campaigns.get(DEMO_CAMPAIGN)!;
  const storePath = join(outDir, `${campaign.id}.xlsx`);
  await mkdir(outDir, { recursive: true });
  await rm(storePath, { force: true });
  const say = (text: string) => ctx.io.stdout.write(text);

  say(`Phong trào: ${campaign.title}\n\n1. Tạo sổ làm việc ${storePath}\n`);
  const store = await CampaignStore.init(new WorkbookStore(storePath), campaign);

  const samples = join(templatesDir(), 'samples', `${campaign.id}.json`);
  const submissions = await readSubmissions(samples);
  const outcomes = await store.intake(submissions, ctx.now());
  const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
  say(`2. Tiếp nhận ${submissions.length} hồ sơ mẫu: ${count('accepted')} tiếp nhận, ${count('rejected')} bị từ chối, ${count('duplicate')} gửi lặp (bỏ qua)\n`);
  for (const o of outcomes) {
    if (o.kind === 'rejected') say(`   ✘ ${o.responseId ?? '?'}: ${o.findings.map((f) => f.message).join(' ')}\n`);
  }

  const { decisions, nominations } = await store.recompute(ctx.now());
  const byId = new Map(nominations.map((n) => [n.responseId, n]));
  say('3. Chấm điểm, xếp hạng, áp chỉ tiêu:\n\n');
  const rows = decisions
    .filter((d) => d.status !== 'eligible')
    .sort((a, b) => campaign.awards.findIndex((x) => x.id === a.award) - campaign.awards.findIndex((x) => x.id === b.award) || a.kind.localeCompare(b.kind) || (a.rank ?? 99) - (b.rank ?? 99))
    .map((d) => [d.award, d.kind === 'collective' ? 'Tập thể' : 'Cá nhân', d.rank ?? '', byId.get(d.responseId)!.name, d.total, STATUS_LABEL[d.status]]);
  say(table(['Hình thức', 'Đối tượng', 'Hạng', 'Họ và tên / Tên tập thể', 'Điểm', 'Trạng thái'], rows));

  say('\n4. Xuất danh sách khen thưởng:\n');
  for (const award of campaign.awards) {
    const file = await exportAwardList(store, award.id, { out: join(outDir, campaign.id, `${award.id}.xlsx`) });
    say(`   ${file}\n`);
  }
  say(`\nMở ${storePath} để xem các trang tính của Hội đồng; danh sách nằm trong ${join(outDir, campaign.id)}/.\n`);
  return EXIT.ok;
}
