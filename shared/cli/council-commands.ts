import type { z } from 'zod';
import { CouncilScoreEntry } from '../domain/council.js';
import { AwardHistoryRow, ClearanceRow, DATASET_LABEL, DatasetId, ModelRegistrationRow, QuizLogRow } from '../domain/datasets.js';
import { Review } from '../domain/review.js';
import { importDatasetStream } from '../jobs/import-dataset.js';
import { recordCouncilScores } from '../jobs/record-council-scores.js';
import { recordReviews } from '../jobs/record-reviews.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { DATASET_TAB, type DatasetRecords } from '../store/codecs/datasets.js';
import type { StoreOptions } from './commands.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import { openRepository } from './open-repository.js';
import { progressBar, readRecords, streamRecords, type SourceRecord } from './read-records.js';

/**
 * `thidua import <dataset> <file.csv|json>`: loads a dataset. A bad row is reported with its line number and the rest
 * still load; rows already stored are skipped; a summary ends it (rows read, loaded, skipped, rejected).
 */
export async function importCommand(ctx: CliContext, dataset: string, file: string | undefined, options: StoreOptions): Promise<number> {
  const id = DatasetId.find((d) => d === dataset);
  if (!id) throw new UsageError(`Không có bộ dữ liệu "${dataset}". Các bộ dữ liệu: ${DatasetId.join(', ')}.`);
  if (!file) throw new UsageError(`Lệnh "import ${id}" cần tệp .csv hoặc .json.`);
  const repo = await openRepository(ctx, options);
  const tab = repo.tab(DATASET_TAB[id]);
  const bar = progressBar(ctx.io.stderr, `Đọc ${DATASET_LABEL[id]}`);
  const header = headerOfField(tab.columns);
  let read = 0;
  let rejected = 0;
  // one streaming pass: records are parsed and stored a batch at a time, so memory does not grow with the file
  async function* batches(): AsyncGenerator<DatasetRecords> {
    let batch: SourceRecord[] = [];
    const flush = () => {
      const { parsed, rejected: bad } = parseDataset(id!, batch, header);
      for (const r of bad) ctx.io.stderr.write(`✘ dòng ${r.line}: ${r.message}\n`);
      rejected += bad.length;
      batch = [];
      return parsed;
    };
    for await (const record of streamRecords(file!, headerMapper(tab.columns), { columns: tab.columns })) {
      batch.push(record);
      bar.tick(++read);
      if (batch.length >= IMPORT_BATCH) yield flush();
    }
    if (batch.length) yield flush();
  }
  const { added, skipped } = await importDatasetStream(repo, id, batches());
  bar.done();
  ctx.io.stdout.write(`Đã đọc ${read} dòng ${DATASET_LABEL[id]}: nạp ${added}, bỏ qua ${skipped} dòng đã có, từ chối ${rejected}.\n`);
  return rejected > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** Records parsed and stored at a time by an import. */
const IMPORT_BATCH = 5000;

type Records = ReadonlyArray<{ line: number; record: Record<string, unknown> }>;

/** A dataset file's records parsed with the dataset's own schema, tagged with which dataset they are. */
export function parseDataset(id: DatasetId, records: Records, header: (field: string) => string): { parsed: DatasetRecords; rejected: Array<{ line: number; message: string }> } {
  switch (id) {
    case 'quiz-log': {
      const { good, rejected } = parseAll(records, QuizLogRow, header);
      return { parsed: { id, rows: good }, rejected };
    }
    case 'award-history': {
      const { good, rejected } = parseAll(records, AwardHistoryRow, header);
      return { parsed: { id, rows: good }, rejected };
    }
    case 'model-registrations': {
      const { good, rejected } = parseAll(records, ModelRegistrationRow, header);
      return { parsed: { id, rows: good }, rejected };
    }
    case 'clearance': {
      const { good, rejected } = parseAll(records, ClearanceRow, header);
      return { parsed: { id, rows: good }, rejected };
    }
  }
}

/** `thidua council <file.csv|json>`: records council members' scores or ratings. */
export async function councilCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  const repo = await openRepository(ctx, options);
  const tab = repo.tab('councilScores');
  const records = await readRecords(file, headerMapper(tab.columns), undefined, { columns: tab.columns });
  // CSV rows carry one column per criterion ("score.3"); JSON carries a `scores` object.
  const shaped = records.map(({ line, record }) => ({ line, record: 'scores' in record ? record : { ...record, scores: criterionColumns(record) } }));
  const { good, rejected } = parseAll(shaped, CouncilScoreEntry, headerOfField(tab.columns));
  const { recorded, unknown } = await recordCouncilScores(repo, good, ctx.now());
  for (const r of rejected) ctx.io.stderr.write(`✘ dòng ${r.line}: ${r.message}\n`);
  for (const id of unknown) ctx.io.stderr.write(`✘ không có hồ sơ mã "${id}"\n`);
  ctx.io.stdout.write(`Đã ghi ${recorded} lượt chấm của Hội đồng; từ chối ${rejected.length + unknown.length}. Chạy "thidua score" để tính lại.\n`);
  return rejected.length + unknown.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** `thidua review <file.csv|json> --by NAME`: records appraisals, tie choices and award decisions. */
export async function reviewCommand(ctx: CliContext, file: string, options: StoreOptions & { by?: string }): Promise<number> {
  if (!options.by) throw new UsageError('Lệnh "review" cần --by <người thực hiện> để ghi nhật ký thay đổi.');
  const repo: CampaignRepository = await openRepository(ctx, options);
  const columns = repo.tab('nominations').columns;
  const records = await readRecords(file, headerMapper(columns), undefined, { columns: columns.filter((c) => REVIEW_FIELDS.has(c.key)) });
  const { good, rejected, lines } = parseAll(records, Review, headerOfField(columns));
  const lineOf = new Map(good.map((review, i) => [review.responseId, lines[i]]));
  const { applied, unknown, refused } = await recordReviews(repo, good, options.by, ctx.now());
  for (const r of rejected) ctx.io.stderr.write(`✘ dòng ${r.line}: ${r.message}\n`);
  for (const id of unknown) ctx.io.stderr.write(`✘ không có hồ sơ mã "${id}"\n`);
  for (const r of refused) ctx.io.stderr.write(`✘ dòng ${lineOf.get(r.responseId) ?? '?'}: ${r.message}\n`);
  const refusedCount = rejected.length + unknown.length + refused.length;
  ctx.io.stdout.write(`Đã ghi ${applied} kết luận của Hội đồng; từ chối ${refusedCount}. Chạy "thidua score" để tính lại.\n`);
  return refusedCount > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

/** The columns of the nominations tab a review file fills. */
const REVIEW_FIELDS = new Set(['responseId', 'appraisal', 'reason', 'choice', 'decisionNumber', 'decisionDate']);

/** Maps a file's header to a row field: the sheet's Vietnamese header, or the field name itself. */
export function headerMapper(columns: ReadonlyArray<{ key: string; header: string }>): (header: string) => string {
  const byHeader = new Map(columns.map((c) => [c.header.normalize('NFC').toLocaleLowerCase('vi'), c.key]));
  return (header) => byHeader.get(header.normalize('NFC').toLocaleLowerCase('vi')) ?? header;
}

/**
 * The Vietnamese header of a field a message is about ("decisionDate" → "Ngày quyết định"; "scores.3" → the header of
 * criterion 3's column); the field itself only when the tab has no such column.
 */
export function headerOfField(columns: ReadonlyArray<{ key: string; header: string }>): (field: string) => string {
  return (field) => {
    const [top, rest] = [field.split('.')[0] ?? '', field.split('.').slice(1).join('.')];
    const key = top === 'scores' || top === 'selfScores' ? `score.${rest}` : field;
    return columns.find((c) => c.key === key)?.header ?? columns.find((c) => c.key === top)?.header ?? field;
  };
}

function criterionColumns(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k.startsWith('score.')).map(([k, v]) => [k.slice(6), v]));
}

function parseAll<S extends z.ZodType>(records: ReadonlyArray<{ line: number; record: Record<string, unknown> }>, schema: S, header: (field: string) => string) {
  const good: Array<z.output<S>> = [];
  const lines: number[] = [];
  const rejected: Array<{ line: number; message: string }> = [];
  for (const { line, record } of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      good.push(parsed.data);
      lines.push(line);
    } else rejected.push({ line, message: parsed.error.issues.map((i) => `${header(i.path.map(String).join('.')) || 'dòng'}: ${i.message}`).join('; ') });
  }
  return { good, rejected, lines };
}
