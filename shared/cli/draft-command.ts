import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { draftCampaign } from '../plan-draft/extract.js';
import { fieldLabel, fieldValue } from '../plan-draft/labels.js';
import { PlanFileError, readPlanText } from '../plan-files/read-plan.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';

const shorten = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/** A long source sentence by its two ends: the clause a field comes from is often at the end ("…, UBND xã X ban hành"). */
const ends = (text: string, max: number) => {
  const chars = [...text];
  const head = Math.floor(max * 0.4);
  return chars.length <= max ? text : `${chars.slice(0, head).join('')} … ${chars.slice(chars.length - (max - head - 3)).join('')}`;
};

/**
 * `thidua campaign draft <kế hoạch.docx|.pdf|.txt> [--out bản-nháp.json]`: reads the plan, prints what was found (each
 * field with the sentence it came from), what was not, and the warnings about the text; writes the draft as JSON when
 * asked. Exit 1 when the file cannot be read or its text cannot be read safely (no field is filled from it).
 */
export async function campaignDraftCommand(ctx: CliContext, file: string, out: string | undefined): Promise<number> {
  const { io } = ctx;
  let text: string;
  try {
    text = await readPlanText(file);
  } catch (error) {
    if (error instanceof PlanFileError) throw new UsageError(error.message);
    throw error;
  }
  const draft = draftCampaign(text);
  io.stdout.write(`Bản nháp phong trào đọc từ kế hoạch "${file}"\n\n`);
  if (draft.fields.length > 0) {
    io.stdout.write(`Đã tìm thấy ${draft.fields.length} trường (mỗi trường kèm câu trong kế hoạch để đối chiếu):\n`);
    for (const f of draft.fields) {
      io.stdout.write(`  • ${fieldLabel(f.path)}: ${shorten(fieldValue(f.path, f.value), 160)}\n      ← “${ends(f.source, 240)}”\n`);
    }
  } else io.stdout.write('Không tìm thấy trường nào.\n');
  if (draft.missing.length > 0) {
    io.stdout.write(`\nChưa tìm thấy ${draft.missing.length} mục (để trống, thư ký điền trên trang Kế hoạch):\n`);
    for (const p of draft.missing) io.stdout.write(`  • ${fieldLabel(p)} (${p})\n`);
  }
  if (draft.warnings.length > 0) {
    io.stdout.write('\nCảnh báo:\n');
    for (const w of draft.warnings) io.stdout.write(`  ! ${w}\n`);
  }
  if (out) {
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, `${JSON.stringify(draft, null, 2)}\n`, 'utf8');
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new UsageError(`Không ghi được tệp "${out}" (${code ?? String(cause)}): hãy chọn nơi lưu khác bằng --out.`, { cause });
    }
    io.stdout.write(`\nĐã ghi bản nháp: ${out}\n`);
  }
  return draft.fields.length > 0 ? EXIT.ok : EXIT.rejectedOrMisuse;
}
