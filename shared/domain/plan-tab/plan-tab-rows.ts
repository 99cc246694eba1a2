import { formatVietnameseDate } from '../dates.js';
import { COLLECTIONS, FIELDS, SECTION, type CollectionId, type FieldSpec, type SectionId } from './plan-fields.js';
import { CHOICE_SETS, DUE_LABEL, YES_NO_LABEL, type ChoiceSet } from './plan-labels.js';
import { fieldPath, isRecord, itemsOf, pointer, repeats, valueAt, type Item, type Segments } from './plan-paths.js';

/**
 * One row of the campaign tab ("Kế hoạch"): its section, the item it belongs to, the field, the value (text, number
 * or date as the secretary reads it), the label chosen for a closed set, and the sentence of the plan it came from.
 */
// a type, not an interface: a row is also a store's Row (cells by column key)
export type PlanRow = {
  section: string;
  item: string;
  field: string;
  value: string | number | null;
  choice: string | null;
  source: string | null;
};

/** A JSON Pointer into the template → the sentence of the plan the value came from (from a draft). */
export type PlanSources = Readonly<Record<string, string>>;

/**
 * The campaign tab's rows for a template, complete or partial (a draft: whatever is missing is written as a blank
 * row for the fields the schema requires, so the secretary sees what is left to fill in). Pure.
 *
 * @example planTabRows(campaign)                                   // a JSON template put in the tab
 * @example planTabRows({ title: '…' }, { '/title': 'Kế hoạch …' })  // a draft, each value with its sentence
 */
export function planTabRows(template: unknown, sources: PlanSources = {}): PlanRow[] {
  const rows: PlanRow[] = [];
  const claimed = new Set<string>();
  const sourceOf = (p: string, itemPointer?: string): string | null => {
    const hit = sources[p] ?? Object.entries(sources).find(([k]) => k.startsWith(p + '/'))?.[1];
    return hit ?? (itemPointer !== undefined ? (sources[itemPointer] ?? null) : null);
  };
  for (const section of Object.keys(SECTION) as SectionId[]) {
    const specs = FIELDS.filter((s) => s.section === section);
    for (const spec of specs.filter((s) => !s.collection)) rows.push(...fieldRows(spec, template, [], '', sourceOf));
    const colls = [...new Set(specs.flatMap((s) => (s.collection ? [s.collection] : [])))];
    const tops = colls.filter((c) => !colls.includes((COLLECTIONS[c] as { parent?: CollectionId }).parent as CollectionId));
    for (const top of tops) {
      const items = itemsOf(template, top);
      const skeleton = items.length === 0 ? skeletonItem(template, top) : undefined;
      for (const item of skeleton ? [skeleton] : items) {
        rows.push(...itemRows(specs, item, template, sourceOf, claimed));
        for (const child of colls.filter((c) => (COLLECTIONS[c] as { parent?: CollectionId }).parent === top)) {
          for (const sub of itemsOf(template, child).filter((s) => s.path.slice(0, item.path.length).join('/') === item.path.join('/'))) rows.push(...itemRows(specs, sub, template, sourceOf, claimed));
        }
      }
    }
  }
  return rows;
}

/** The blank item written for a collection the schema requires when the template has none (a blank campaign). */
function skeletonItem(template: unknown, id: CollectionId): Item | undefined {
  if (id === 'award' || id === 'document') return { collection: id, path: [...COLLECTIONS[id].path, 0], code: '', value: {} };
  if (id === 'criterionIndividual' && !isRecord(valueAt(template, ['rubrics']))) return { collection: id, path: [...COLLECTIONS[id].path, 0], code: '1', value: {} };
  return undefined;
}

/** An item's rows; its first row of the tab also carries the sentence its id came from (`claimed`: items already given theirs). */
function itemRows(specs: readonly FieldSpec[], item: Item, template: unknown, sourceOf: (p: string, item?: string) => string | null, claimed: Set<string>): PlanRow[] {
  const rows = specs.filter((s) => s.collection === item.collection).flatMap((spec) => fieldRows(spec, template, item.path, item.code, sourceOf));
  const idField = (COLLECTIONS[item.collection] as { idField?: string }).idField;
  const first = rows[0];
  if (!first || claimed.has(pointer(item.path))) return rows;
  claimed.add(pointer(item.path));
  if (first.source === null) first.source = sourceOf(pointer([...item.path, ...(idField ? [idField] : [])]), pointer(item.path));
  return rows;
}

function fieldRows(spec: FieldSpec, template: unknown, base: Segments, code: string, sourceOf: (p: string) => string | null): PlanRow[] {
  const path = [...base, ...fieldPath(spec)];
  const value = valueAt(template, path);
  const row = (at: Segments, cells: Pick<PlanRow, 'value' | 'choice'>): PlanRow => ({ section: SECTION[spec.section], item: code, field: spec.label, ...cells, source: sourceOf(pointer(at)) });
  if (repeats(spec)) {
    if (Array.isArray(value) && value.length > 0) return value.map((v, i) => row([...path, i], cellsOf(spec, v)));
    return spec.optional ? [] : [row(path, { value: null, choice: null })];
  }
  if (spec.type === 'quota') {
    if (!isRecord(value)) return [];
    return Object.entries(value).map(([kind, n]) => row([...path, kind], { value: typeof n === 'number' ? n : n === undefined ? null : String(n), choice: label(spec, kind) }));
  }
  if (spec.type === 'marker') return value === undefined ? [] : [row(path, { value: null, choice: YES_NO_LABEL.yes })];
  if (value === undefined && (spec.optional || (spec.unlessItemHas && valueAt(template, [...base, spec.unlessItemHas]) !== undefined))) return [];
  return [row(path, cellsOf(spec, value))];
}

/** A value as its cells: numbers as numbers, dates as dd/mm/yyyy, enums as their labels; anything odd as text. */
function cellsOf(spec: FieldSpec, value: unknown): Pick<PlanRow, 'value' | 'choice'> {
  if (value === undefined || value === null) return { value: null, choice: null };
  switch (spec.type) {
    case 'choice':
      return { value: null, choice: label(spec, String(value)) };
    case 'bool':
      return { value: null, choice: value === true ? YES_NO_LABEL.yes : value === false ? YES_NO_LABEL.no : String(value) };
    case 'percent':
      return { value: typeof value === 'number' ? shareCell(value) : String(value), choice: null };
    case 'number':
    case 'integer':
      return { value: typeof value === 'number' ? value : String(value), choice: null };
    case 'date':
      return { value: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatVietnameseDate(value) : String(value), choice: null };
    case 'due': {
      if (isRecord(value) && typeof value.everyYearBefore === 'string') {
        const [m, d] = value.everyYearBefore.split('-');
        return { value: `${d}/${m}`, choice: DUE_LABEL.everyYearBefore };
      }
      if (isRecord(value) && typeof value.before === 'string') return { value: cellsOf({ ...spec, type: 'date' }, value.before).value, choice: DUE_LABEL.before };
      return { value: JSON.stringify(value), choice: null };
    }
    default:
      return { value: typeof value === 'string' ? value : JSON.stringify(value), choice: null };
  }
}

const label = (spec: FieldSpec, value: string): string => (spec.choices ? ((CHOICE_SETS[spec.choices] as ChoiceSet)[value] ?? value) : value);

/**
 * A share as the secretary writes it: a percentage when it is a short one (0.9 → 90), else the fraction it is (2/3 →
 * "2/3", which reads back as exactly 2/3).
 */
function shareCell(share: number): number | string {
  const percent = share * 100;
  if (Math.abs(percent - Math.round(percent * 100) / 100) < 1e-9) return Math.round(percent * 100) / 100;
  for (let d = 2; d <= 20; d++) {
    const n = Math.round(share * d);
    if (n / d === share) return `${n}/${d}`;
  }
  return percent;
}
