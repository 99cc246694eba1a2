import type { IntakeOutcome } from '../domain/intake.js';
import { STATUS_LABEL } from '../domain/vocabulary.js';

/** How `thidua intake` tells what became of each submission, and the closing count. */

const details = (findings: ReadonlyArray<{ message: string; field: string }>) => findings.map((f) => `    • ${f.message}${f.field ? ` [${f.field}]` : ''}\n`).join('');

/** One line (and its findings) per outcome of a JSON file's nominations. */
export function describeOutcome(o: IntakeOutcome, source: string): string {
  switch (o.kind) {
    case 'accepted':
      return `✔ ${o.nomination.responseId}  ${o.nomination.name} (${o.nomination.unit}): đã tiếp nhận — ${STATUS_LABEL[o.status]}\n${details(o.findings.filter((f) => f.severity !== 'info'))}`;
    case 'duplicate':
      return `↺ ${o.responseId}: đã tiếp nhận trước đó, không thay đổi gì\n`;
    case 'rejected':
      return `✘ ${o.responseId ?? source}: bị từ chối\n${details(o.findings)}`;
  }
}

/** One line per outcome of a CSV's rows, named by file and line (a CSV row has no id of its sender's). */
export function describeOutcomeBySource(o: IntakeOutcome, source: string): string {
  switch (o.kind) {
    case 'accepted':
      return `✔ ${source}: ${o.nomination.name} (${o.nomination.unit}) đã tiếp nhận\n`;
    case 'duplicate':
      return `↺ ${source}: đã tiếp nhận trước đó\n`;
    case 'rejected':
      return `✘ ${source}: bị từ chối\n${details(o.findings)}`;
  }
}

export function intakeSummary(outcomes: readonly IntakeOutcome[]): string {
  const count = (kind: IntakeOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  return `\nTiếp nhận ${count('accepted')}, đã có từ trước ${count('duplicate')}, bị từ chối ${count('rejected')} (tổng ${outcomes.length}).\n`;
}
