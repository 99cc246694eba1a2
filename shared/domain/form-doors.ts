import { canonicalKey } from './text.js';
import type { Nomination } from './nomination.js';

/**
 * The two doors a Google Form response comes in by, and how their ids look. Apps Script's `FormResponse.getId()` is
 * shaped `2_ABaOnu…`; the Forms API's `responseId` is another string for the same response (`ACYDBN…`). Neither door
 * can learn the other's id, so the same submission would be stored twice (decision 006).
 */
export const FormDoor = ['apps-script', 'forms-api'] as const;
export type FormDoor = (typeof FormDoor)[number];

/** An id from Apps Script's `FormResponse.getId()`. */
export const isAppsScriptId = (responseId: string): boolean => responseId.startsWith('2_');

/** How far apart the two doors' submission times of one response may be (they are the same instant, give or take rounding). */
export const SAME_SUBMISSION_MS = 2_000;

/** Could a stored row have come in by the other door? Apps Script ids by their shape; any other form id for the API. */
function fromOtherDoor(responseId: string, door: FormDoor): boolean {
  if (responseId.startsWith('csv-')) return false;
  return door === 'forms-api' ? isAppsScriptId(responseId) : !isAppsScriptId(responseId);
}

const sameEntry = (a: Nomination, b: Nomination): boolean => a.campaign === b.campaign && a.award === b.award && a.kind === b.kind && canonicalKey(a.unit) === canonicalKey(b.unit);

/**
 * The stored nomination that `incoming`, arriving by `door`, is another door's copy of — or undefined. A stored row
 * from the other door is the same submission when it is for the same campaign, award, nominee kind and unit and
 * either was submitted at the same instant (within SAME_SUBMISSION_MS: a first delivery by each door) or names the
 * same nominee (an edit, whose time moved on while the other door missed it). The closest in time wins; a row of the
 * incoming door itself is never taken (its own id already says whether it is stored).
 *
 * @example sameSubmissionByOtherDoor(apiCopy, stored, 'forms-api')?.responseId === '2_ABaOnu…'
 */
export function sameSubmissionByOtherDoor(incoming: Nomination, stored: readonly Nomination[], door: FormDoor): Nomination | undefined {
  if (stored.some((s) => s.responseId === incoming.responseId)) return undefined;
  const at = incoming.submittedAt.getTime();
  const candidates = stored
    .filter((s) => fromOtherDoor(s.responseId, door) && sameEntry(s, incoming))
    .map((s) => ({ s, gap: Math.abs(s.submittedAt.getTime() - at) }))
    .filter(({ s, gap }) => gap <= SAME_SUBMISSION_MS || canonicalKey(s.name) === canonicalKey(incoming.name))
    .sort((a, b) => a.gap - b.gap || (a.s.responseId < b.s.responseId ? -1 : 1));
  return candidates[0]?.s;
}
