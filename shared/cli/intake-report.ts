import type { IntakeOutcome } from '../domain/intake.js';
import { FIELD_LABEL } from '../domain/nomination.js';
import { STATUS_LABEL } from '../domain/vocabulary.js';

/** How `thidua intake` tells what became of each submission, and the closing count. */

/** A finding's field as the sender knows it ("Điểm tự chấm, tiêu chí 2"), never the contract's field id. */
export function fieldLabel(field: string): string {
  const [top = '', ...rest] = field.split('.');
  const label = FIELD_LABEL[top];
  if (!label) return '';
  return rest.length > 0 ? `${label}, tiêu chí ${rest.join('.')}` : label;
}

const details = (findings: ReadonlyArray<{ message: string; field: string }>) =>
  findings.map((f) => `    • ${f.message}${fieldLabel(f.field) && !f.message.includes(fieldLabel(f.field)) ? ` [${fieldLabel(f.field)}]` : ''}\n`).join('');

/** Who a refused submission was about, as far as its payload says: "Nguyễn Văn A (UBND xã Vạn Thắng)". */
export function nomineeOf(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const { name, unit } = payload as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 120) : '');
  return text(name) ? `${text(name)}${text(unit) ? ` (${text(unit)})` : ''}` : '';
}

/** One line (and its findings) per outcome of a JSON file's nominations. */
export function describeOutcome(o: IntakeOutcome, source: string, payload?: unknown): string {
  switch (o.kind) {
    case 'accepted':
      return `✔ ${o.nomination.responseId}  ${o.nomination.name} (${o.nomination.unit}): đã tiếp nhận — ${STATUS_LABEL[o.status]}\n${details(o.findings.filter((f) => f.severity !== 'info'))}`;
    case 'duplicate':
      return `↺ ${o.responseId}: đã tiếp nhận trước đó, không thay đổi gì\n`;
    case 'rejected':
      return `✘ ${o.responseId ?? source}${nomineeOf(payload) ? `  ${nomineeOf(payload)}` : ''}: bị từ chối\n${details(o.findings)}`;
  }
}

/** One line per outcome of a CSV's rows, named by file and line (a CSV row has no id of its sender's). */
export function describeOutcomeBySource(o: IntakeOutcome, source: string, payload?: unknown): string {
  switch (o.kind) {
    case 'accepted':
      return `✔ ${source}: ${o.nomination.name} (${o.nomination.unit}) đã tiếp nhận\n`;
    case 'duplicate':
      return `↺ ${source}: đã tiếp nhận trước đó\n`;
    case 'rejected':
      return `✘ ${source}${nomineeOf(payload) ? `: ${nomineeOf(payload)}` : ''}: bị từ chối\n${details(o.findings)}`;
  }
}

export function intakeSummary(outcomes: readonly IntakeOutcome[]): string {
  const count = (kind: IntakeOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  return `\nTiếp nhận ${count('accepted')}, đã có từ trước ${count('duplicate')}, bị từ chối ${count('rejected')} (tổng ${outcomes.length}).\n`;
}
