import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseMeetingMinutesInput, type MeetingMinutesInput } from '../domain/meeting-minutes-input.js';
import { ITEM_STATUS_LABEL } from '../exports/dossier-content.js';
import { exportDossier, type Dossier } from '../jobs/export-dossier.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import type { CliContext } from './context.js';
import { orUsageError } from './files.js';
import { EXIT, UsageError } from './io.js';
import { openRepository } from './open-repository.js';
import type { TablesOptions } from './open-tables.js';
import { readText } from './read-records.js';

export interface DossierCommandOptions extends TablesOptions {
  award?: string;
  year?: number;
  /** The minutes file (JSON) the council's secretary wrote. */
  bienBan?: string;
  out?: string;
}

/** Reads the secretary's minutes file: bad JSON or a bad field is a UsageError naming the file and the field. */
export async function readMinutesFile(file: string): Promise<MeetingMinutesInput> {
  const text = await readText(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Tệp biên bản "${file}" không phải JSON hợp lệ: ${(error as Error).message}. Xem mẫu: thidua dossier --help`);
  }
  const parsed = parseMeetingMinutesInput(raw);
  if (!parsed.ok) throw new UsageError(`Tệp biên bản "${file}":\n${parsed.problems.join('\n')}`);
  return parsed.input;
}

/** Writes each document of the dossier under `dir`; a file that cannot be written is a UsageError naming it. */
export async function saveDossier(dossier: Dossier, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of dossier.files) {
    const path = join(dir, file.name);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.buffer);
    } catch (cause) {
      await rm(path, { force: true }).catch(() => undefined);
      throw new UsageError(`Không ghi được tệp "${path}" (${(cause as NodeJS.ErrnoException).code ?? 'lỗi'}): hãy chọn nơi lưu khác bằng --out, hoặc kiểm tra quyền ghi và chỗ trống trên đĩa.`, { cause });
    }
    written.push(path);
  }
  return written;
}

/** Exports the dossier of a campaign into `out` (default out/<campaign>/ho-so); the job's problem is a UsageError. */
export async function exportDossierFiles(repo: CampaignRepository, options: { now: Date; award?: string; year?: number; minutes?: MeetingMinutesInput; out?: string }): Promise<{ dossier: Dossier; dir: string; written: string[] }> {
  const dossier = orUsageError(await exportDossier(repo, { now: options.now, ...(options.award ? { award: options.award } : {}), ...(options.year ? { year: options.year } : {}), ...(options.minutes ? { minutes: options.minutes } : {}) }));
  const dir = options.out ?? join('out', repo.campaign.id, 'ho-so');
  return { dossier, dir, written: await saveDossier(dossier, dir) };
}

/** What is still missing, per level, for the terminal. */
export function missingSummary(dossier: Dossier): string[] {
  return dossier.checklist.flatMap((level) => [
    ...level.level.filter((i) => i.status === 'missing').map((i) => `${level.award.id}: ${i.document} — ${i.detail}`),
    ...level.nominees.flatMap((n) => n.items.filter((i) => i.status === 'missing').map((i) => `${level.award.id}: ${n.name} — ${i.document}: ${ITEM_STATUS_LABEL[i.status].toLocaleLowerCase('vi')}${i.detail ? ` (${i.detail})` : ''}`)),
  ]);
}

/** `thidua dossier <campaign> [--award MÃ] [--year NĂM] [--bien-ban TỆP] [--out THƯ_MỤC]`. */
export async function dossierCommand(ctx: CliContext, campaignId: string, options: DossierCommandOptions): Promise<number> {
  if (!ctx.campaigns.has(campaignId)) throw new UsageError(`Không có phong trào "${campaignId}". Xem danh sách: thidua campaigns`);
  const repo = await openRepository(ctx, { ...options, campaign: options.campaign ?? campaignId });
  if (repo.campaign.id !== campaignId) throw new UsageError(`Sổ làm việc thuộc phong trào "${repo.campaign.id}", không phải "${campaignId}".`);
  const minutes = options.bienBan ? await readMinutesFile(options.bienBan) : undefined;
  const { dossier, dir, written } = await exportDossierFiles(repo, { now: ctx.now(), ...(options.award ? { award: options.award } : {}), ...(options.year ? { year: options.year } : {}), ...(minutes ? { minutes } : {}), ...(options.out ? { out: options.out } : {}) });
  const say = (text: string) => ctx.io.stdout.write(text);
  say(`Đã xuất hồ sơ năm ${dossier.year}: ${written.length} văn bản vào ${dir}\n`);
  for (const path of written) say(`  ${path}\n`);
  for (const s of dossier.skipped) say(`  (chưa lập hồ sơ ${s.award}: ${s.message})\n`);
  if (!minutes) say('  Chưa có Biên bản họp xét: ghi tệp biên bản rồi chạy lại với --bien-ban <tệp.json> (xem thidua dossier --help).\n');
  const missing = missingSummary(dossier);
  say(missing.length ? `Hồ sơ còn thiếu (${missing.length}):\n${missing.map((m) => `  - ${m}`).join('\n')}\n` : 'Hồ sơ đủ thành phần theo kế hoạch.\n');
  return EXIT.ok;
}
