import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { MeetingMemberRow, VoteRow, type Located } from '../domain/council-vote.js';
import { recordCouncilVote, type VoteRecord } from '../jobs/record-council-vote.js';
import type { Column } from '../store/layouts.js';
import type { StoreOptions } from './commands.js';
import { headerMapper, headerOfField } from './council-commands.js';
import type { CliContext } from './context.js';
import { EXIT, table, UsageError } from './io.js';
import { openRepository } from './open-repository.js';
import { readRecords, type SourceRecord } from './read-records.js';

type Raw = { at: string; record: Record<string, unknown> };

/**
 * `thidua council vote <file>`: records a meeting of the council and its votes. The file is a .xlsx with the two
 * sheets of the workbook ("Thành phần họp xét", "Biểu quyết Hội đồng"), a .json `{ "members": [...], "votes": [...] }`,
 * or a .csv holding one of the two (told apart by its "Tham dự" column). Refused rows are listed with their line and
 * column; a summary per nomination ends it (votes for, against, abstaining, passed or not).
 */
export async function councilVoteCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  const repo = await openRepository(ctx, options);
  await repo.provision(['councilMeeting', 'councilVotes']);
  const memberCols = repo.tab('councilMeeting').columns;
  const voteCols = repo.tab('councilVotes').columns;
  const raw = await readVoteFile(file, memberCols, voteCols, [repo.tab('councilMeeting').title, repo.tab('councilVotes').title]);
  const bad: string[] = [];
  const members = parseRows(raw.members, MeetingMemberRow, headerOfField(memberCols), bad);
  const votes = parseRows(raw.votes, VoteRow, headerOfField(voteCols), bad);
  if (members.length + votes.length + bad.length === 0) throw new UsageError(`Tệp "${file}" không có dòng thành phần họp hay phiếu biểu quyết nào.`);
  const result = await recordCouncilVote(repo, { members, votes } satisfies VoteRecord, ctx.now());
  for (const message of [...bad, ...result.refused.map((f) => f.message)]) ctx.io.stderr.write(`✘ ${message}\n`);
  const { recorded, skipped } = result;
  ctx.io.stdout.write(
    `Đã ghi ${recorded.members} dòng thành phần họp và ${recorded.votes} dòng biểu quyết; bỏ qua ${skipped.members + skipped.votes} dòng đã có; từ chối ${bad.length + result.refused.length}.\n`,
  );
  if (result.results.length > 0) {
    ctx.io.stdout.write(
      table(
        ['Phiên họp', 'Mã phản hồi', 'Đồng ý', 'Không đồng ý', 'Không biểu quyết', 'Số biểu quyết', 'Kết quả'],
        result.results.map((r) => [r.meeting, r.responseId, r.votesFor, r.votesAgainst, r.abstain, `${r.total}/${r.members}`, r.passed ? 'Thông qua' : 'Không thông qua']),
      ),
    );
    ctx.io.stdout.write('Chạy "thidua score" để tính lại danh sách đề nghị.\n');
  }
  return bad.length + result.refused.length > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}

function parseRows<T>(rows: readonly Raw[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } }, header: (field: string) => string, bad: string[]): Array<Located<T>> {
  const good: Array<Located<T>> = [];
  for (const { at, record } of rows) {
    const parsed = schema.safeParse(record);
    if (parsed.success) good.push({ value: parsed.data, at });
    else bad.push(`${at}: ${parsed.error.issues.map((i) => `cột "${header(i.path.map(String).join('.'))}": ${i.message}`).join('; ')}`);
  }
  return good;
}

async function readVoteFile(file: string, memberCols: readonly Column[], voteCols: readonly Column[], titles: readonly [string, string]): Promise<{ members: Raw[]; votes: Raw[] }> {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  const located = (what: string) => (r: SourceRecord): Raw => ({ at: `Tệp ${name}, ${what} ${r.line}`, record: r.record });
  if (ext === '.xlsx') return readVoteWorkbook(file, memberCols, voteCols, titles);
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (cause) {
      throw new UsageError(`Tệp "${file}" không đọc được: ${cause instanceof Error ? cause.message : String(cause)}.`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`Tệp "${file}" phải là một đối tượng JSON { "members": [...], "votes": [...] }.`);
    const part = (key: string, title: string, cols: readonly Column[]): Raw[] => {
      const items = (json as Record<string, unknown>)[key] ?? (json as Record<string, unknown>)[title] ?? [];
      if (!Array.isArray(items)) throw new UsageError(`Tệp "${file}": "${key}" phải là một danh sách.`);
      const map = headerMapper(cols);
      return items.map((item, i) => ({
        at: `Tệp ${name}, "${key}" mục ${i + 1}`,
        record: typeof item === 'object' && item !== null ? Object.fromEntries(Object.entries(item).map(([k, v]) => [map(k), v])) : { __notObject: item },
      }));
    };
    return { members: part('members', titles[0], memberCols), votes: part('votes', titles[1], voteCols) };
  }
  // a CSV holds one of the two: the meeting's members (it has "Tham dự") or the votes
  const records = await readRecords(file, headerMapper([...memberCols, ...voteCols]), undefined, { columns: [...memberCols, ...voteCols] });
  const isMembers = records.some((r) => 'attendance' in r.record);
  return isMembers ? { members: records.map(located('dòng')), votes: [] } : { members: [], votes: records.map(located('dòng')) };
}

async function readVoteWorkbook(file: string, memberCols: readonly Column[], voteCols: readonly Column[], titles: readonly [string, string]): Promise<{ members: Raw[]; votes: Raw[] }> {
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new UsageError(`Tệp "${file}" không phải sổ Excel (.xlsx) đọc được: ${cause instanceof Error ? cause.message : String(cause)}.`);
  }
  const sheet = (title: string, cols: readonly Column[]): Raw[] => {
    const ws = wb.worksheets.find((w) => w.name.normalize('NFC').toLocaleLowerCase('vi') === title.toLocaleLowerCase('vi'));
    if (!ws) return [];
    const map = headerMapper(cols);
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (v === null || v === undefined ? '' : map(String(v).trim())));
    const rows: Raw[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const record: Record<string, unknown> = {};
      (row.values as unknown[]).forEach((v, i) => {
        const key = headers[i];
        const value = v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v ? (v as { result: unknown }).result : v !== null && typeof v === 'object' && !(v instanceof Date) && 'text' in v ? (v as { text: unknown }).text : v;
        if (key && value !== null && value !== undefined && value !== '') record[key] = value;
      });
      if (Object.keys(record).length > 0) rows.push({ at: `Tệp ${basename(file)}, trang "${ws.name}", hàng ${n}`, record });
    });
    return rows;
  };
  const members = sheet(titles[0], memberCols);
  const votes = sheet(titles[1], voteCols);
  if (members.length + votes.length === 0) throw new UsageError(`Tệp "${file}" cần trang "${titles[0]}" và/hoặc "${titles[1]}" (cùng tên cột như sổ làm việc).`);
  return { members, votes };
}
