import type { CampaignDraft } from '../campaign-draft.js';
import type { PlanSources } from './plan-tab-rows.js';

/**
 * A draft read from a plan as a partial template and its sources, ready for `planTabRows`: each field's value put at
 * its JSON Pointer (arrays made where the next segment is an index), each sentence kept by pointer. Pure.
 *
 * @example const { template, sources } = templateFromDraft(draft); planTabRows(template, sources)
 */
export function templateFromDraft(draft: CampaignDraft): { template: Record<string, unknown>; sources: PlanSources } {
  const template: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const field of draft.fields) {
    const segments = field.path.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    if (segments.length === 0) continue;
    let at: Record<string, unknown> = template;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        at[segment] = field.value;
        return;
      }
      const next = segments[i + 1]!;
      if (typeof at[segment] !== 'object' || at[segment] === null) at[segment] = /^\d+$/.test(next) ? [] : {};
      at = at[segment] as Record<string, unknown>;
    });
    if (field.source) sources[field.path] = field.source;
  }
  return { template, sources };
}
