import type { CloudEventFunction } from '@google-cloud/functions-framework';
import { reportFailure } from './runtime/failure.js';
import { FormsNotification, publishedAt, runFormSync, syncFields } from './runtime/form-sync-job.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'formSyncEvent';

/**
 * Pub/Sub (Eventarc) → the form changed: catch up with its responses. Throws only for a transient fault, so the
 * platform redelivers (deploy with --retry); a message that cannot be read, is about another form or event type, or
 * is older than the cut-off is acknowledged with a log line; a permanent fault is logged as ERROR and acknowledged
 * (the Scheduler catch-up takes over once it is fixed).
 */
export const formSyncEvent =
  (rt: Runtime): CloudEventFunction<unknown> =>
  async (event) => {
    const parsed = FormsNotification.safeParse(event);
    if (!parsed.success) {
      rt.log('WARNING', 'Bỏ qua thông báo không đọc được', { function: FN, eventId: event.id, problem: parsed.error.issues[0]?.message });
      return;
    }
    const { formId, eventType } = parsed.data.data.message.attributes;
    const at = publishedAt(parsed.data);
    try {
      const config = rt.config();
      if (at && rt.now().getTime() - at.getTime() > config.eventMaxAgeMs) {
        rt.log('NOTICE', 'Bỏ qua thông báo quá cũ', { function: FN, eventId: event.id, publishedAt: at.toISOString() });
        return;
      }
      if (eventType !== 'RESPONSES' || formId !== config.formId) {
        rt.log('INFO', 'Bỏ qua thông báo không thuộc biểu mẫu này', { function: FN, eventId: event.id, eventType, formId });
        return;
      }
      const synced = await runFormSync(rt);
      if (!synced.ok) {
        rt.log('ERROR', 'Không đồng bộ được: bỏ qua thông báo', { function: FN, eventId: event.id, problem: synced.problem.code, detail: synced.problem.message });
        return;
      }
      const report = synced.value;
      rt.log('INFO', `Đồng bộ biểu mẫu theo thông báo: ${report.listed} câu trả lời`, { function: FN, eventId: event.id, ...syncFields(report) });
    } catch (error) {
      const { transient } = reportFailure(rt, FN, error, { eventId: event.id }, { transient: 'Lỗi tạm thời: trả lỗi để được gửi lại', permanent: 'Lỗi không tự hết: bỏ qua thông báo' });
      if (transient) throw error;
    }
  };
