import { z } from 'zod';
import './zod-vietnamese.js';
import { parseInstant } from './dates.js';
import type { MeetingMinutes } from './meeting-minutes.js';
import { normalizeText } from './text.js';

/**
 * The minutes as the council's secretary gives them in a small JSON file (`thidua dossier --bien-ban <file.json>`),
 * until the council's vote is recorded in the workbook. The nominee's name, unit and award may be left out: they are
 * taken from the stored nomination. Parsed, never cast; every problem names its field in Vietnamese.
 */

const LABEL: Record<string, string> = {
  meetingAt: 'thời gian họp',
  place: 'địa điểm',
  chair: 'chủ trì',
  secretary: 'thư ký',
  members: 'thành viên',
  name: 'họ và tên',
  role: 'chức vụ',
  present: 'có mặt',
  writtenVote: 'có phiếu bằng văn bản',
  agenda: 'nội dung họp',
  rows: 'kết quả biểu quyết',
  responseId: 'mã hồ sơ',
  nominee: 'tên tập thể, cá nhân',
  unit: 'đơn vị',
  award: 'hình thức khen thưởng',
  votesFor: 'số phiếu đồng ý',
  votesAgainst: 'số phiếu không đồng ý',
  abstain: 'số phiếu không biểu quyết',
  total: 'tổng số phiếu',
  passed: 'kết quả (đạt)',
  note: 'ghi chú',
  quorum: 'số thành viên dự họp',
  reached: 'đủ số lượng',
};

const text = (max: number) => z.string().transform(normalizeText).pipe(z.string().min(1).max(max));
const count = z.number().int().min(0).max(1000);

const Row = z.object({
  responseId: text(200),
  nominee: text(300).optional(),
  unit: text(300).optional(),
  award: text(300).optional(),
  votesFor: count,
  votesAgainst: count,
  abstain: count,
  total: count.optional(),
  passed: z.boolean(),
  note: text(1000).optional(),
});

const Input = z
  .object({
    meetingAt: z.string().transform((value, ctx) => {
      const instant = parseInstant(value);
      if (!instant) ctx.addIssue({ code: 'custom', message: `không phải thời điểm hợp lệ ("${value}"); ghi dạng 2024-09-20T08:00:00+07:00` });
      return instant ?? new Date(0);
    }),
    place: text(300),
    chair: text(300),
    secretary: text(300),
    members: z.array(z.object({ name: text(200), role: text(300), present: z.boolean(), writtenVote: z.boolean().default(false) })).min(1).max(200),
    agenda: z.array(text(1000)).min(1).max(50),
    rows: z.array(Row).max(2000),
    quorum: z.object({ reached: z.boolean() }).optional(),
  })
  .superRefine((m, ctx) => {
    const voters = m.members.filter((x) => x.present || x.writtenVote).length;
    const seen = new Set<string>();
    m.rows.forEach((row, i) => {
      const sum = row.votesFor + row.votesAgainst + row.abstain;
      if (row.total !== undefined && row.total !== sum) ctx.addIssue({ code: 'custom', path: ['rows', i, 'total'], message: `là ${row.total} nhưng ${row.votesFor} + ${row.votesAgainst} + ${row.abstain} = ${sum}` });
      if (sum > voters) ctx.addIssue({ code: 'custom', path: ['rows', i, 'votesFor'], message: `có ${sum} phiếu, nhiều hơn ${voters} thành viên có mặt hoặc có phiếu bằng văn bản` });
      if (seen.has(row.responseId)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'responseId'], message: `hồ sơ "${row.responseId}" đã có ở một dòng trước` });
      seen.add(row.responseId);
    });
    m.members.forEach((x, i) => {
      if (x.present && x.writtenVote) ctx.addIssue({ code: 'custom', path: ['members', i, 'writtenVote'], message: 'thành viên có mặt biểu quyết tại cuộc họp, không gửi phiếu bằng văn bản' });
    });
  });

/** The minutes as read from the file: rows may lack the nominee's name, unit and award (filled from the store). */
export type MeetingMinutesInput = z.output<typeof Input>;

export type MinutesInputResult = { ok: true; input: MeetingMinutesInput } | { ok: false; problems: string[] };

/** Where a problem sits, in the secretary's words: `kết quả biểu quyết, dòng 2, số phiếu đồng ý ("rows[1].votesFor")`. */
function where(path: ReadonlyArray<PropertyKey>): string {
  const words: string[] = [];
  let json = '';
  for (const part of path) {
    if (typeof part === 'number') {
      words.push(`dòng ${part + 1}`);
      json += `[${part}]`;
    } else {
      words.push(LABEL[String(part)] ?? String(part));
      json += json ? `.${String(part)}` : String(part);
    }
  }
  return `${words.join(', ')} ("${json}")`;
}

/**
 * Reads the minutes file's JSON. Problems name the file's field: `Biên bản họp xét, kết quả biểu quyết, dòng 2, số
 * phiếu đồng ý ("rows[1].votesFor"): …`.
 */
export function parseMeetingMinutesInput(raw: unknown): MinutesInputResult {
  const parsed = Input.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `Biên bản họp xét${issue.path.length ? `, ${where(issue.path)}` : ''}: ${issue.message}.`) };
}

/**
 * The minutes to print, once each row's nominee is known (`lookup`: the stored nomination's name, unit and award name,
 * or undefined for an id the store does not hold — a problem naming the row). Quorum: the members present over all
 * members; reached when the file says so, else when at least two thirds are present (the default until the council's
 * own rules are recorded with its vote).
 */
export function completeMinutes(input: MeetingMinutesInput, lookup: (responseId: string) => { nominee: string; unit: string; award: string } | undefined): { ok: true; minutes: MeetingMinutes } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const rows = input.rows.map((row, i) => {
    const known = lookup(row.responseId);
    if (!known && !(row.nominee && row.unit && row.award)) problems.push(`Biên bản họp xét, ${where(['rows', i, 'responseId'])}: không có hồ sơ "${row.responseId}" trong sổ; kiểm tra mã hồ sơ.`);
    const total = row.votesFor + row.votesAgainst + row.abstain;
    return {
      responseId: row.responseId,
      nominee: row.nominee ?? known?.nominee ?? '',
      unit: row.unit ?? known?.unit ?? '',
      award: row.award ?? known?.award ?? '',
      votesFor: row.votesFor,
      votesAgainst: row.votesAgainst,
      abstain: row.abstain,
      total,
      passed: row.passed,
      ...(row.note ? { note: row.note } : {}),
    };
  });
  if (problems.length) return { ok: false, problems };
  const present = input.members.filter((m) => m.present).length;
  const members = input.members.length;
  return {
    ok: true,
    minutes: {
      meetingAt: input.meetingAt,
      place: input.place,
      chair: input.chair,
      secretary: input.secretary,
      members: input.members,
      agenda: input.agenda,
      rows,
      quorum: { present, members, reached: input.quorum?.reached ?? present * 3 >= members * 2 },
    },
  };
}
