import { CouncilScoreEntry } from '../domain/council.js';
import { DATASET_LABEL, DATASET_SCHEMA, DatasetId } from '../domain/datasets.js';
import { Review } from '../domain/review.js';
import type { TabId } from '../store/layouts.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import type { StoreOptions } from './commands.js';
import { openCampaignStore } from './commands.js';
import { progressBar, readRecords } from './read-records.js';
import type { z } from 'zod';

const DATASET_TAB: Record<DatasetId, TabId> = { 'quiz-log': 'quizLog', 'award-history': 'awardHistory', 'model-registrations': 'registrations' };

/**
 * `thidua import <dataset> <file.csv|json>`: loads a dataset. A bad row is reported with its line number and the rest
 * still load; rows already stored are skipped; a summary ends it (rows read, loaded, skipped, rejected).
 */
export async function importCommand(ctx: CliContext, dataset: string, file: string | undefined, options: StoreOptions): Promise<number> {
  const id = DatasetId.find((d) => d === dataset);
  if (!id) throw new UsageError(`Không có bộ dữ liệu "${dataset}". Các bộ dữ liệu: ${DatasetId.join(', ')}.`);
  if (!file) throw new UsageError(`Lệnh "import ${id}" cần tệp .csv hoặc .json.`);
  const store = await openCampaignStore(ctx, options);
  const tab = store.tab(DATASET_TAB[id]);
  const bar = progressBar(ctx.io.stderr, `Đọc ${DATASET_LABEL[id]}`);
  const records = await readRecords(file, headerMapper(tab.columns), (n) => bar.tick(n));
  bar.done();
  const { good, rejected } = parseAll(records, DATASET_SCHEMA[id], (i) => tab.columns.find((c) => c.key === i)?.header ?? i);
  for (const r of rejected) ctx.io.stderr.write(`✘ dòng ${r.line}: ${r.message}\n`);
  const { added, skipped } = await store.importDataset(id, good);
  ctx.io.stdout.write(`Đã đọc ${records.length} dòng ${DATASET_LABEL[id]}: nạp ${added}, bỏ qua ${skipped} dòng đã có, từ chối ${rejected.length}.\n`);
  return rejected.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** `thidua council <file.csv|json>`: records council members' scores or ratings. */
export async function councilCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  const store = await openCampaignStore(ctx, options);
  const tab = store.tab('councilScores');
  const records = await readRecords(file, headerMapper(tab.columns));
  // CSV rows carry one column per criterion ("score.3"); JSON carries a `scores` object.
  const shaped = records.map(({ line, record }) => ({ line, record: 'scores' in record ? record : { ...record, scores: criterionColumns(record) } }));
  const { good, rejected } = parseAll(shaped, CouncilScoreEntry, (i) => i);
  const { recorded, unknown } = await store.recordCouncilScores(good, ctx.now());
  for (const r of rejected) ctx.io.stderr.write(`✘ dòng ${r.line}: ${r.message}\n`);
  for (const id of unknown) ctx.io.stderr.write(`✘ không có hồ sơ mã "${id}"\n`);
  ctx.io.stdout.write(`Đã ghi ${recorded} lượt chấm của Hội đồng; từ chối ${rejected.length + unknown.length}. Chạy "thidua score" để tính lại.\n`);
  return rejected.length + unknown.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** `thidua review <file.csv|json> --by NAME`: records appraisals, tie choices and award decisions. */
export async function reviewCommand(ctx: CliContext, file: string, options: StoreOptions & { by?: string }): Promise<number> {
  if (!options.by) throw new UsageError('Lệnh "review" cần --by <người thực hiện> để ghi nhật ký thay đổi.');
  const store = await openCampaignStore(ctx, options);
  const records = await readRecords(file, headerMapper(store.tab('nominations').columns));
  const { good, rejected } = parseAll(records, Review, (i) => i);
  const { applied, unknown } = await store.applyReviews(good, options.by, ctx.now());
  for (const r of rejected) ctx.io.stderr.write(`✘ dòng ${r.line}: ${r.message}\n`);
  for (const id of unknown) ctx.io.stderr.write(`✘ không có hồ sơ mã "${id}"\n`);
  ctx.io.stdout.write(`Đã ghi ${applied} kết luận của Hội đồng; từ chối ${rejected.length + unknown.length}. Chạy "thidua score" để tính lại.\n`);
  return rejected.length + unknown.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** Maps a file's header to a row field: the sheet's Vietnamese header, or the field name itself. */
function headerMapper(columns: ReadonlyArray<{ key: string; header: string }>): (header: string) => string {
  const byHeader = new Map(columns.map((c) => [c.header.normalize('NFC').toLocaleLowerCase('vi'), c.key]));
  return (header) => byHeader.get(header.normalize('NFC').toLocaleLowerCase('vi')) ?? header;
}

function criterionColumns(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k.startsWith('score.')).map(([k, v]) => [k.slice(6), v]));
}

function parseAll<S extends z.ZodType>(records: ReadonlyArray<{ line: number; record: Record<string, unknown> }>, schema: S, header: (field: string) => string) {
  const good: Array<z.output<S>> = [];
  const rejected: Array<{ line: number; message: string }> = [];
  for (const { line, record } of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) good.push(parsed.data);
    else rejected.push({ line, message: parsed.error.issues.map((i) => `${header(i.path.map(String).join('.')) || 'dòng'}: ${i.message}`).join('; ') });
  }
  return { good, rejected };
}
