import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { exportProposalPackage } from '../jobs/export-proposal-package.js';
import { intakeProposalPackage } from '../jobs/intake-package.js';
import type { StoreOptions } from './commands.js';
import type { CliContext } from './context.js';
import { orUsageError, saveFile } from './files.js';
import { EXIT, UsageError } from './io.js';
import { openRepository } from './open-repository.js';

/**
 * `thidua export package <award> [--year] [--out]`: the proposal package for an award of the level above (.zip,
 * default out/<campaign>/goi-de-nghi-<award>-<year>.zip); `thidua intake package <file.zip>`: takes one in.
 */
export async function exportPackageCommand(ctx: CliContext, awardId: string, options: StoreOptions & { out?: string; year?: number }): Promise<number> {
  const repo = await openRepository(ctx, options);
  const pkg = orUsageError(await exportProposalPackage(repo, awardId, { now: ctx.now(), ...(options.year ? { year: options.year } : {}) }));
  const path = await saveFile({ name: pkg.name, write: async (out) => void out.end(Buffer.from(pkg.bytes)) }, options.out ?? join('out', repo.campaign.id, pkg.name));
  const m = pkg.manifest;
  ctx.io.stdout.write(`Đã xuất gói đề nghị "${m.award.name}" năm ${m.year}: ${m.nominees.length} hồ sơ, ${m.files.length} tệp kèm theo → ${path}\n`);
  return EXIT.ok;
}

export async function intakePackageCommand(ctx: CliContext, file: string, options: StoreOptions): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (cause) {
    throw new UsageError(`Không đọc được tệp "${file}" (${(cause as NodeJS.ErrnoException).code ?? String(cause)}).`);
  }
  const repo = await openRepository(ctx, options);
  const result = orUsageError(await intakeProposalPackage(repo, bytes, basename(file), ctx.now()));
  const { manifest, outcomes, history } = result;
  ctx.io.stdout.write(`Gói đề nghị của ${manifest.from.body}: "${manifest.award.name}" năm ${manifest.year}, ${manifest.nominees.length} hồ sơ.\n`);
  for (const { responseId, name, outcome } of outcomes) {
    if (outcome.kind === 'accepted') ctx.io.stdout.write(`✔ ${responseId}  ${name}: đã tiếp nhận\n`);
    else if (outcome.kind === 'duplicate') ctx.io.stdout.write(`• ${responseId}  ${name}: đã có, bỏ qua\n`);
    else ctx.io.stderr.write(`✘ ${responseId}  ${name}: bị từ chối — ${outcome.findings.map((f) => f.message).join(' ')}\n`);
  }
  const count = (kind: string) => outcomes.filter((o) => o.outcome.kind === kind).length;
  ctx.io.stdout.write(`Tiếp nhận ${count('accepted')}, đã có ${count('duplicate')}, từ chối ${count('rejected')}; lịch sử khen thưởng: thêm ${history.added}, đã có ${history.skipped}. Chạy "thidua score" để tính lại.\n`);
  return count('rejected') > 0 ? EXIT.rejectedOrMisuse : EXIT.ok;
}
