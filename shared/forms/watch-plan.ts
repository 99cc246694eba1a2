import { z } from 'zod';

/** A watch lasts seven days; renew it when it has less than this left (the renewal job runs daily). */
export const RENEW_WITHIN_MS = 3 * 24 * 60 * 60 * 1000;

/** A watch as `forms.watches.list` returns it, parsed: only what the plan needs. */
export const WatchInfo = z.object({
  id: z.string().min(1),
  eventType: z.string().optional(),
  state: z.string().optional(),
  expireTime: z.string().optional(),
  target: z.object({ topic: z.object({ topicName: z.string().optional() }).optional() }).optional(),
});
export type WatchInfo = z.infer<typeof WatchInfo>;

export interface WatchPlan {
  /** Watches on our topic with time left: renewed (which also clears a suspended watch's error). */
  renew: string[];
  /** Expired watches on our topic: deleted, as they can no longer be renewed. */
  remove: string[];
  /** Watches on our topic with more than RENEW_WITHIN_MS left and no error. */
  keep: string[];
  /** True when no live watch of RESPONSES on our topic is left: one is created. */
  create: boolean;
}

/**
 * Decides what to do with the form's watches: keep the healthy ones, renew those near expiry or suspended, remove the
 * expired ones and create one if none is left. Watches of other topics or event types are not ours: left alone. Pure.
 */
export function planWatches(raw: readonly unknown[], topicName: string, now: Date, renewWithinMs = RENEW_WITHIN_MS): WatchPlan {
  const plan: WatchPlan = { renew: [], remove: [], keep: [], create: false };
  for (const item of raw) {
    const parsed = WatchInfo.safeParse(item);
    if (!parsed.success) continue;
    const w = parsed.data;
    if (w.eventType !== 'RESPONSES' || w.target?.topic?.topicName !== topicName) continue;
    const expires = w.expireTime ? new Date(w.expireTime).getTime() : Number.NaN;
    if (!Number.isFinite(expires) || expires <= now.getTime()) plan.remove.push(w.id);
    else if (w.state !== 'ACTIVE' || expires - now.getTime() < renewWithinMs) plan.renew.push(w.id);
    else plan.keep.push(w.id);
  }
  plan.create = plan.renew.length === 0 && plan.keep.length === 0;
  return plan;
}
