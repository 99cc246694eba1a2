import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './io.js';

export const DATA_DIR = 'data';

/** The workbook a command works on: --store, else data/<campaign>.xlsx, else the only workbook in data/. */
export function resolveStorePath(options: { store?: string; campaign?: string }): string {
  if (options.store) return options.store;
  if (options.campaign) return join(DATA_DIR, `${options.campaign}.xlsx`);
  const found = existsSync(DATA_DIR) ? readdirSync(DATA_DIR).filter((f) => f.endsWith('.xlsx') && !f.startsWith('.')) : [];
  if (found.length === 1) return join(DATA_DIR, found[0]!);
  if (found.length === 0) throw new UsageError('Chưa có sổ làm việc nào trong data/. Tạo bằng: thidua init <mã phong trào>, hoặc chỉ rõ --store <tệp.xlsx>.');
  throw new UsageError(`Có nhiều sổ làm việc trong data/ (${found.join(', ')}): chỉ rõ --store <tệp.xlsx> hoặc --campaign <mã>.`);
}
