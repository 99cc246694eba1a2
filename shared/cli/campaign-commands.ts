import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { templateFromDraft } from '../domain/plan-tab/draft-template.js';
import type { PlanSources } from '../domain/plan-tab/plan-tab-rows.js';
import { newCampaign } from '../jobs/new-campaign.js';
import { draftCampaign } from '../plan-draft/extract.js';
import { PlanFileError, readPlanText } from '../plan-files/read-plan.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import { openTables } from './open-tables.js';

const ID = /^[a-z0-9-]+$/;

/**
 * `thidua campaign new <id> [--from <template id> | --draft <plan file>]`: a campaign defined by its workbook's
 * "Kế hoạch" tab, filled from a template (a starting point, its id replaced), from a draft read from the plan's text
 * (each value with its sentence, `templateFromDraft`), or blank. The tab, once valid, is the campaign (decision 013).
 */
export async function campaignNewCommand(
  ctx: CliContext,
  id: string,
  from: string | undefined,
  options: { store?: string; spreadsheet?: string; serviceAccount?: string; impersonate?: string; draft?: string },
): Promise<number> {
  if (!ID.test(id)) throw new UsageError(`Mã phong trào "${id}" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ van-ninh-dan-van-kheo-2027.`);
  if (from !== undefined && options.draft !== undefined) throw new UsageError('Chỉ dùng một trong hai: --from (một mẫu có sẵn) hoặc --draft (văn bản kế hoạch).');
  const base = from === undefined ? {} : ctx.campaigns.get(from);
  if (!base) throw new UsageError(`Không có mẫu phong trào mã "${from}". Các mẫu có: ${[...ctx.campaigns.keys()].join(', ')}.`);
  let template: Record<string, unknown> = { ...base };
  let sources: PlanSources = {};
  let warnings: string[] = [];
  if (options.draft !== undefined) {
    let text: string;
    try {
      text = await readPlanText(options.draft);
    } catch (error) {
      if (error instanceof PlanFileError) throw new UsageError(error.message);
      throw error;
    }
    const draft = draftCampaign(text);
    if (draft.fields.length === 0) throw new UsageError(`Không đọc được trường nào từ kế hoạch "${options.draft}": không ghi sổ. Xem thidua campaign draft ${options.draft}.`);
    ({ template, sources } = templateFromDraft(draft));
    warnings = draft.warnings;
  }
  const { tables, where, kind } = await openTables({ ...options, campaign: id });
  if (kind === 'workbook') {
    if (existsSync(where)) throw new UsageError(`Đã có sổ ${where}: không ghi đè. Chọn tệp khác bằng --store, hoặc sửa trực tiếp trang "Kế hoạch" của sổ đó.`);
    await mkdir(dirname(where), { recursive: true });
  }
  const result = await newCampaign(tables, id, template, sources);
  if (!result.ok) {
    ctx.io.stderr.write(`Lỗi: ${result.problem.message}\n`);
    return EXIT.rejectedOrMisuse;
  }
  const { campaign, findings, rows } = result.value;
  const start = from ? `, lấy mẫu "${from}" làm điểm xuất phát` : options.draft ? `, lấy bản nháp đọc từ kế hoạch "${options.draft}" (${Object.keys(sources).length} giá trị, mỗi giá trị kèm câu trong kế hoạch ở cột "Nguồn trong kế hoạch": hãy đối chiếu)` : '';
  ctx.io.stdout.write(`Đã ghi trang "Kế hoạch" (${rows} hàng) vào ${where}${start}.\n`);
  if (warnings.length) ctx.io.stdout.write(`Cảnh báo khi đọc kế hoạch:\n${warnings.map((w) => `  ! ${w}\n`).join('')}`);
  if (campaign) {
    ctx.io.stdout.write(`Phong trào "${campaign.title}" (mã ${campaign.id}) đã sẵn sàng: các trang tính đã được tạo. Sửa trang "Kế hoạch" khi cần; mọi lệnh dùng ngay kế hoạch đã sửa.\n`);
    return EXIT.ok;
  }
  ctx.io.stdout.write(`Trang "Kế hoạch" còn ${findings.length} mục cần điền hoặc sửa:\n${findings.map((f) => `  - ${f.message}\n`).join('')}Điền xong, chạy: thidua init ${id}${kind === 'workbook' ? ` --store ${where}` : ' --spreadsheet …'}\n`);
  return EXIT.ok;
}
