import { z } from 'zod';
import { requireSettings } from '../../shared/config.js';
import type { JobResult } from '../../shared/jobs/problem.js';
import { syncForm, type SyncReport } from '../../shared/jobs/sync-form.js';
import type { LogFields } from './log.js';
import type { Runtime } from './runtime.js';

/** The sync job with the runtime's form, workbook and clock (see `syncForm`). */
export async function runFormSync(rt: Runtime): Promise<JobResult<SyncReport & { campaign: string }>> {
  const config = rt.config();
  requireSettings(config, ['formId'], 'formSync');
  const [{ repo }, forms] = await Promise.all([rt.workbook(), rt.forms()]);
  const report = await syncForm({ forms, repo, formId: config.formId!, now: () => rt.now() });
  return report.ok ? { ok: true, value: { ...report.value, campaign: repo.campaign.id } } : report;
}

/** A sync's counts for the log: ids of rejected responses, no content. */
export function syncFields(report: SyncReport & { campaign: string }): LogFields {
  const { outcomes, ...counts } = report;
  return { ...counts, rejectedIds: outcomes.filter((o) => o.outcome === 'rejected').map((o) => o.responseId ?? '?') };
}

/**
 * A Forms watch notification as delivered by Eventarc from Pub/Sub (`google.cloud.pubsub.topic.v1.messagePublished`):
 * the message's attributes carry formId, watchId and eventType; no answers.
 */
export const FormsNotification = z.object({
  id: z.string().optional(),
  time: z.string().optional(),
  data: z.object({
    message: z.object({
      messageId: z.string().optional(),
      publishTime: z.string().optional(),
      attributes: z.object({ formId: z.string().min(1), eventType: z.string().min(1), watchId: z.string().optional() }),
    }),
  }),
});
export type FormsNotification = z.infer<typeof FormsNotification>;

/** When a notification was published (the message's publishTime, else the event's time), if it says. */
export function publishedAt(n: FormsNotification): Date | undefined {
  const at = new Date(n.data.message.publishTime ?? n.time ?? '');
  return Number.isNaN(at.getTime()) ? undefined : at;
}
