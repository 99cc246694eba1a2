/** One recorded change: who changed what of which nomination, when, from what to what. */
export interface AuditEntry {
  at: string;
  by: string;
  responseId: string;
  field: string;
  old: string;
  new: string;
}

/** Values of watched fields per nomination: responseId → field label → value as shown. */
export type FieldValues = Map<string, Map<string, string>>;

/**
 * The changes between what was last known and what is now, one entry per field that differs. Fields absent from
 * `now` are not compared (a job only speaks for the fields it owns). Pure.
 */
export function auditChanges(before: FieldValues, now: FieldValues, by: (responseId: string, field: string) => string, at: string): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [responseId, fields] of now) {
    const old = before.get(responseId);
    for (const [field, value] of fields) {
      const previous = old?.get(field) ?? '';
      if (previous !== value) entries.push({ at, by: by(responseId, field), responseId, field, old: previous, new: value });
    }
  }
  return entries;
}

/** The last value recorded for each nomination and field in an audit log (entries in the order they were written). */
export function lastKnown(entries: Iterable<Pick<AuditEntry, 'responseId' | 'field' | 'new'>>): FieldValues {
  const values: FieldValues = new Map();
  for (const e of entries) {
    let fields = values.get(e.responseId);
    if (!fields) values.set(e.responseId, (fields = new Map()));
    fields.set(e.field, e.new);
  }
  return values;
}

export function setField(values: FieldValues, responseId: string, field: string, value: string): void {
  let fields = values.get(responseId);
  if (!fields) values.set(responseId, (fields = new Map()));
  fields.set(field, value);
}
