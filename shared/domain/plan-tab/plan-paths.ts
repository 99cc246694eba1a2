import { COLLECTIONS, type CollectionId, type FieldSpec } from './plan-fields.js';

/** A path into the template: object keys and array indexes. */
export type Segments = ReadonlyArray<string | number>;

/** RFC 6901 JSON Pointer of a path: "/awards/0/quotaPerYear/individual". */
export function pointer(path: Segments): string {
  return path.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path of a loosely shaped (possibly partial) template, or undefined. */
export function valueAt(root: unknown, path: Segments): unknown {
  let at: unknown = root;
  for (const s of path) {
    if (Array.isArray(at) && typeof s === 'number') at = at[s];
    else if (isRecord(at) && typeof s === 'string') at = at[s];
    else return undefined;
  }
  return at;
}

/** One item of a collection in a template: where it is, its "Mã" in the tab, and its value. */
export interface Item {
  collection: CollectionId;
  path: Segments;
  code: string;
  value: Record<string, unknown>;
  /** For a child item (a prerequisite), the parent's index in its own array. */
  parentIndex?: number;
}

/** The items of a collection in a (possibly partial) template, in order; a child's under each parent in turn. */
export function itemsOf(template: unknown, id: CollectionId): Item[] {
  const coll = COLLECTIONS[id] as { path: readonly string[]; idField?: string; parent?: CollectionId };
  const parents: Array<{ path: Segments; code: string; index?: number }> = coll.parent
    ? itemsOf(template, coll.parent).map((p, index) => ({ path: p.path, code: p.code, index }))
    : [{ path: [], code: '' }];
  return parents.flatMap((parent) => {
    const base = [...parent.path, ...coll.path];
    const list = valueAt(template, base);
    if (!Array.isArray(list)) return [];
    return list.flatMap((value, i): Item[] => {
      if (!isRecord(value)) return [];
      const own = coll.idField ? String(value[coll.idField] ?? '') || placeholder(id, i) : String(i + 1);
      const code = coll.parent ? `${parent.code}/${i + 1}` : own;
      return [{ collection: id, path: [...base, i], code, value, ...(parent.index !== undefined ? { parentIndex: parent.index } : {}) }];
    });
  });
}

/**
 * The "Mã" of an item a draft found without its id (a deadline, an award): a technical key the secretary may rename,
 * never a value of the plan (an award's copies name their award, so they get none).
 */
function placeholder(id: CollectionId, index: number): string {
  const prefix: Partial<Record<CollectionId, string>> = { award: 'khen-thuong', deadline: 'han', document: 'tai-lieu', scale: 'thang' };
  if (id === 'criterionCollective' || id === 'criterionIndividual') return String(index + 1);
  return prefix[id] ? `${prefix[id]}-${index + 1}` : '';
}

/** The path of a field under its item (or the root), split; a trailing "-" (one row per value) dropped. */
export function fieldPath(spec: FieldSpec): string[] {
  const parts = spec.path.split('/');
  return parts[parts.length - 1] === '-' ? parts.slice(0, -1) : parts;
}

export const repeats = (spec: FieldSpec): boolean => spec.path.endsWith('/-');

/** The full path pattern of a field ("*" for any index or key), to name the field of a schema issue. */
export function fieldPattern(spec: FieldSpec): string[] {
  const collPattern = (id: CollectionId): string[] => {
    const c = COLLECTIONS[id] as { path: readonly string[]; parent?: CollectionId };
    return [...(c.parent ? collPattern(c.parent) : []), ...c.path, '*'];
  };
  const own = fieldPath(spec);
  const more = repeats(spec) || spec.type === 'quota' ? ['*'] : [];
  return [...(spec.collection ? collPattern(spec.collection) : []), ...own, ...more];
}
