/**
 * State and request application of the Forms fake: forms with items, responses, watches; `batchUpdate` applied
 * atomically on a copy, with the checks Google makes (create only takes a title; item locations in range; ids unique;
 * a section jump must name an existing section).
 */
import type { forms_v1 } from '@googleapis/forms';

export class FormsApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  toResponse(): Response {
    const status = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' }[this.status] ?? 'UNKNOWN';
    return Response.json({ error: { code: this.status, message: this.message, status } }, { status: this.status });
  }
}

export interface FormState {
  form: forms_v1.Schema$Form & { formId: string; items: forms_v1.Schema$Item[] };
  responses: forms_v1.Schema$FormResponse[];
  watches: Map<string, forms_v1.Schema$Watch>;
  revision: number;
}

export const WATCH_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Applies a batch to a copy of the form; the copy replaces the form only if every request succeeded. */
export function applyBatch(state: FormState, requests: forms_v1.Schema$Request[], newId: () => string): forms_v1.Schema$Response[] {
  const items = structuredClone(state.form.items);
  let info = structuredClone(state.form.info ?? {});
  const replies = requests.map((r, i): forms_v1.Schema$Response => {
    const where = `requests[${i}]`;
    if (r.updateFormInfo) {
      const mask = r.updateFormInfo.updateMask;
      if (!mask) throw new FormsApiError(400, `${where}: updateMask is required`);
      const fields = mask === '*' ? ['title', 'description'] : mask.split(',');
      for (const f of fields) {
        if (f !== 'title' && f !== 'description') throw new FormsApiError(400, `${where}: cannot update info.${f}`);
        info = { ...info, [f]: r.updateFormInfo.info?.[f] ?? null };
      }
      return {};
    }
    if (r.createItem) return { createItem: createItem(items, r.createItem, where, newId) };
    if (r.updateSettings) return {};
    throw new FormsApiError(400, `${where}: [forms-fake] unsupported request ${Object.keys(r).join(',')}`);
  });
  state.form.items = items;
  state.form.info = info;
  state.revision += 1;
  state.form.revisionId = `r${state.revision}`;
  return replies;
}

function createItem(items: forms_v1.Schema$Item[], req: forms_v1.Schema$CreateItemRequest, where: string, newId: () => string): forms_v1.Schema$CreateItemResponse {
  const index = req.location?.index;
  if (index === undefined || index === null || index < 0 || index > items.length) throw new FormsApiError(400, `${where}: location.index ${String(index)} is out of range [0, ${items.length}]`);
  const item = structuredClone(req.item ?? {});
  const kinds = ['questionItem', 'pageBreakItem', 'textItem', 'questionGroupItem', 'imageItem', 'videoItem'].filter((k) => k in item);
  if (kinds.length !== 1) throw new FormsApiError(400, `${where}: an item must have exactly one kind`);
  const ids = new Set(items.flatMap((it) => [it.itemId, it.questionItem?.question?.questionId]).filter(Boolean));
  if (item.itemId && ids.has(item.itemId)) throw new FormsApiError(400, `${where}: item id ${item.itemId} is already used`);
  item.itemId ||= newId();
  const question = item.questionItem?.question;
  if (question) {
    if (question.questionId && ids.has(question.questionId)) throw new FormsApiError(400, `${where}: question id ${question.questionId} is already used`);
    question.questionId ||= newId();
    const choice = question.choiceQuestion;
    if (choice) {
      if (!choice.type || !choice.options?.length) throw new FormsApiError(400, `${where}: a choice question needs a type and options`);
      for (const option of choice.options) {
        const target = option.goToSectionId;
        if (target && !items.some((it) => it.itemId === target && it.pageBreakItem)) throw new FormsApiError(400, `${where}: goToSectionId ${target} is not a section of the form`);
        if ((target || option.goToAction) && choice.type !== 'RADIO' && choice.type !== 'DROP_DOWN') throw new FormsApiError(400, `${where}: navigation only on RADIO or DROP_DOWN`);
      }
    }
  }
  items.splice(index, 0, item);
  return { itemId: item.itemId, ...(question ? { questionId: [question.questionId!] } : {}) };
}

const FILTER = /^timestamp\s*(>=|>)\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)$/;

/** `timestamp > T` or `timestamp >= T`, T in RFC 3339 UTC ("Zulu"); anything else is refused as Google does. */
export function parseFilter(filter: string | null): ((r: forms_v1.Schema$FormResponse) => boolean) | undefined {
  if (filter === null || filter === '') return undefined;
  const m = FILTER.exec(filter.trim());
  if (!m) throw new FormsApiError(400, `Invalid filter: ${filter}`);
  const at = Date.parse(m[2]!);
  return (r) => {
    const t = Date.parse(r.lastSubmittedTime ?? '');
    return m[1] === '>=' ? t >= at : t > at;
  };
}
