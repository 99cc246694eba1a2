/** One field of a campaign template found in a plan's text: where in the template (JSON Pointer into the template
 * object as the zod schema of sheets-templates defines it, e.g. "/title", "/awards/0/quota/individual"), its value,
 * and the sentence of the plan it came from (so the secretary can check it). */
export interface DraftField {
  path: string;
  value: unknown;
  source: string;
}
/** A first draft of a campaign read from its plan: the fields found, the template fields not found (JSON Pointers),
 * and warnings about the text itself (legacy encoding converted, text without diacritics, …) in Vietnamese. */
export interface CampaignDraft {
  fields: DraftField[];
  missing: string[];
  warnings: string[];
}
