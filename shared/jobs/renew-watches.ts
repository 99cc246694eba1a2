import { planWatches, WatchInfo } from '../forms/watch-plan.js';

/** The part of the Forms API the renewal needs (the Google adapter implements it). */
export interface WatchKeeper {
  listWatches(formId: string): Promise<unknown[]>;
  createWatch(formId: string, topicName: string): Promise<{ id?: string | null; expireTime?: string | null }>;
  renewWatch(formId: string, watchId: string): Promise<{ expireTime?: string | null }>;
  deleteWatch(formId: string, watchId: string): Promise<void>;
}

export interface WatchRenewal {
  formId: string;
  kept: string[];
  renewed: string[];
  removed: string[];
  /** Suspended watches Google would not renew (their cause remains): deleted, and one created in their place. */
  replaced: string[];
  created: string | null;
  expires: Array<string | null>;
}

/** True for a failure that trying again will not cure (a FormsError, or any error, marked `transient: false`). */
const lasting = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { transient?: unknown }).transient === false;

/**
 * Keeps one live Forms API watch of the form's responses on `topicName`: deletes expired ones, renews those near
 * expiry or suspended, and creates one when none is left. Google refuses to renew a SUSPENDED watch while its cause
 * remains: such a watch is deleted and created again (one watch per event type per form, so the old one must go
 * first). A transient failure is thrown, so the caller answers 503 and Scheduler tries again.
 */
export async function renewWatches(forms: WatchKeeper, formId: string, topicName: string, now: Date): Promise<WatchRenewal> {
  const listed = await forms.listWatches(formId);
  const plan = planWatches(listed, topicName, now);
  const suspended = new Set(listed.flatMap((w) => {
    const parsed = WatchInfo.safeParse(w);
    return parsed.success && parsed.data.state === 'SUSPENDED' ? [parsed.data.id] : [];
  }));
  for (const id of plan.remove) await forms.deleteWatch(formId, id);
  const renewed: Array<{ id: string; expireTime?: string | null }> = [];
  const replaced: string[] = [];
  for (const id of plan.renew) {
    try {
      renewed.push({ id, ...(await forms.renewWatch(formId, id)) });
    } catch (error) {
      if (!suspended.has(id) || !lasting(error)) throw error;
      await forms.deleteWatch(formId, id);
      replaced.push(id);
    }
  }
  const create = plan.create || (replaced.length > 0 && renewed.length === 0 && plan.keep.length === 0);
  const created = create ? await forms.createWatch(formId, topicName) : undefined;
  return {
    formId,
    kept: plan.keep,
    renewed: renewed.map((r) => r.id),
    removed: plan.remove,
    replaced,
    created: created?.id ?? null,
    expires: [...renewed.map((r) => r.expireTime ?? null), ...(created ? [created.expireTime ?? null] : [])],
  };
}
