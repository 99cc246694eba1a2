import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newCampaign } from '../jobs/new-campaign.js';
import type { CliContext } from './context.js';
import { EXIT, UsageError } from './io.js';
import { openTables } from './open-tables.js';

const ID = /^[a-z0-9-]+$/;

/**
 * `thidua campaign new <id> [--from <template id>]`: a campaign defined by its workbook's "Kế hoạch" tab, filled from
 * a template (a starting point, its id replaced) or blank. The tab, once valid, is the campaign (decision 013).
 */
export async function campaignNewCommand(ctx: CliContext, id: string, from: string | undefined, options: { store?: string; spreadsheet?: string; serviceAccount?: string; impersonate?: string }): Promise<number> {
  if (!ID.test(id)) throw new UsageError(`Mã phong trào "${id}" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ van-ninh-dan-van-kheo-2027.`);
  const template = from === undefined ? {} : ctx.campaigns.get(from);
  if (!template) throw new UsageError(`Không có mẫu phong trào mã "${from}". Các mẫu có: ${[...ctx.campaigns.keys()].join(', ')}.`);
  const { tables, where, kind } = await openTables({ ...options, campaign: id });
  if (kind === 'workbook') {
    if (existsSync(where)) throw new UsageError(`Đã có sổ ${where}: không ghi đè. Chọn tệp khác bằng --store, hoặc sửa trực tiếp trang "Kế hoạch" của sổ đó.`);
    await mkdir(dirname(where), { recursive: true });
  }
  const result = await newCampaign(tables, id, { ...template });
  if (!result.ok) {
    ctx.io.stderr.write(`Lỗi: ${result.problem.message}\n`);
    return EXIT.rejectedOrMisuse;
  }
  const { campaign, findings, rows } = result.value;
  ctx.io.stdout.write(`Đã ghi trang "Kế hoạch" (${rows} hàng) vào ${where}${from ? `, lấy mẫu "${from}" làm điểm xuất phát` : ''}.\n`);
  if (campaign) {
    ctx.io.stdout.write(`Phong trào "${campaign.title}" (mã ${campaign.id}) đã sẵn sàng: các trang tính đã được tạo. Sửa trang "Kế hoạch" khi cần; mọi lệnh dùng ngay kế hoạch đã sửa.\n`);
    return EXIT.ok;
  }
  ctx.io.stdout.write(`Trang "Kế hoạch" còn ${findings.length} mục cần điền hoặc sửa:\n${findings.map((f) => `  - ${f.message}\n`).join('')}Điền xong, chạy: thidua init ${id}${kind === 'workbook' ? ` --store ${where}` : ' --spreadsheet …'}\n`);
  return EXIT.ok;
}
