import type { z } from 'zod';
import { Campaign } from '../campaign.js';
import { formatVietnameseDate } from '../dates.js';
import { COLLECTIONS, FIELDS, SECTION, fieldSpec, type CollectionId, type FieldSpec } from './plan-fields.js';
import { KIND_LABEL } from './plan-labels.js';
import { convert } from './plan-cells.js';
import { planFinding, type PlanColumn, type PlanTabCode, type PlanTabFinding } from './plan-tab-findings.js';
import { fieldPath, fieldPattern, isRecord, pointer, repeats, valueAt, type Segments } from './plan-paths.js';

/** A row of the tab as a store reads it: cells by column key, and the row's number in the sheet when known. */
export type PlanTabInputRow = Readonly<Record<string, unknown>> & { readonly __row?: unknown };

export type PlanTabResult =
  | { ok: true; campaign: Campaign; sources: Record<string, string> }
  | { ok: false; findings: PlanTabFinding[] };

type Where = { row: number; column: PlanColumn };

/**
 * Reads the campaign tab ("Kế hoạch") back into a campaign, validated by the same schema as the JSON templates
 * (`Campaign` of shared/domain/campaign.ts), plus the checks a plan needs that the schema leaves to the engine (a quota
 * for a kind the award does not take, a one-time deadline outside the term). Everything wrong comes back at once, each
 * finding naming the tab, the row and the column. Pure.
 */
export function readPlanTab(rows: readonly PlanTabInputRow[]): PlanTabResult {
  const reader = new TabReader();
  rows.forEach((raw, i) => reader.row(raw, typeof raw.__row === 'number' ? raw.__row : i + 2));
  return reader.finish();
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).normalize('NFC').replace(/\r\n?/g, '\n').trim());

class TabReader {
  readonly root: Record<string, unknown> = {};
  readonly findings: PlanTabFinding[] = [];
  /** Pointer of every value placed → its cell; pointer of every item → its first row. */
  readonly cells = new Map<string, Where>();
  readonly items = new Map<string, number>();
  readonly indexes = new Map<string, Map<string, number>>();
  readonly sources: Record<string, string> = {};

  row(raw: PlanTabInputRow, n: number): void {
    const [section, field, code, choice] = [text(raw.section), text(raw.field), text(raw.item), text(raw.choice)];
    const value = typeof raw.value === 'number' ? raw.value : text(raw.value);
    const blank = value === '' && choice === '';
    const spec = fieldSpec(section, field);
    if (!spec) {
      if (section || field || !blank) this.find('FIELD_UNKNOWN', { row: n, column: section && SECTION_SET.has(section.toLocaleLowerCase('vi')) ? 'field' : 'section' }, { section, field });
      return;
    }
    if (blank && !spec.blankIsEmpty) return;
    let base: Segments = [];
    if (spec.collection) {
      if (!code) return this.find('ITEM_MISSING', { row: n, column: 'item' }, { field: spec.label, what: ITEM_WHAT[spec.collection] ?? 'mã' });
      const resolved = this.item(spec.collection, code, n);
      if (!resolved) return;
      base = resolved;
    }
    const converted = convert(spec, value, choice);
    if ('code' in converted) return this.find(converted.code, { row: n, column: converted.column }, converted.params);
    const path = [...base, ...fieldPath(spec), ...(converted.key ? [converted.key] : [])];
    if (spec.type === 'marker') {
      if (converted.value === true && valueAt(this.root, path) === undefined) setAt(this.root, path, {});
      this.cells.set(pointer(path), { row: n, column: 'choice' });
      return;
    }
    let at: Segments = path;
    if (repeats(spec)) {
      const list = valueAt(this.root, path);
      at = [...path, Array.isArray(list) ? list.length : 0];
    } else if (this.cells.has(pointer(path))) {
      return this.find('FIELD_REPEATED', { row: n, column: 'field' }, { field: spec.label, where: code ? `mã "${code}"` : `phần "${section}"`, first: this.cells.get(pointer(path))!.row });
    }
    setAt(this.root, at, converted.value);
    this.cells.set(pointer(at), { row: n, column: converted.column });
    const source = text(raw.source);
    if (source) this.sources[pointer(at)] = source;
  }

  /** The path of the item a row names ("Mã"), created on first sight in the order of the tab. */
  private item(id: CollectionId, code: string, n: number): Segments | undefined {
    const coll = COLLECTIONS[id] as { path: readonly string[]; idField?: string; parent?: CollectionId };
    let parent: Segments = [];
    let own = code;
    if (coll.parent) {
      const cut = code.lastIndexOf('/');
      if (cut <= 0 || !/^\d+$/.test(code.slice(cut + 1))) {
        this.find('ITEM_BAD', { row: n, column: 'item' }, { item: code, shape: `${ITEM_WHAT[coll.parent]}/số thứ tự, ví dụ ${id === 'prerequisite' ? 'giay-khen/1' : 'muc-do/1'}` });
        return undefined;
      }
      const resolved = this.item(coll.parent, code.slice(0, cut), n);
      if (!resolved) return undefined;
      parent = resolved;
      own = code.slice(cut + 1);
    }
    const list = [...parent, ...coll.path];
    const key = pointer(list);
    const known = this.indexes.get(key) ?? new Map<string, number>();
    this.indexes.set(key, known);
    let index = known.get(own);
    if (index === undefined) {
      index = known.size;
      known.set(own, index);
      setAt(this.root, [...list, index], coll.idField ? { [coll.idField]: own } : {});
      this.items.set(pointer([...list, index]), n);
    }
    return [...list, index];
  }

  private find(code: PlanTabCode, at: { row?: number; column: PlanColumn }, params: Record<string, string | number> = {}): void {
    this.findings.push(planFinding(code, at, params));
  }

  finish(): PlanTabResult {
    const skip = this.criteriaWithoutMaximum();
    const parsed = Campaign.safeParse(this.root);
    if (!parsed.success) for (const issue of flatIssues(parsed.error.issues, [])) this.schemaIssue(issue, skip);
    this.quotaKinds();
    this.deadlinesInTerm();
    if (this.findings.length > 0 || !parsed.success) return { ok: false, findings: this.findings };
    return { ok: true, campaign: parsed.data, sources: this.sources };
  }

  /** A criterion with neither a maximum nor a scale: said plainly, rather than as the schema's "one of two shapes". */
  private criteriaWithoutMaximum(): string[] {
    const skipped: string[] = [];
    for (const kind of ['collective', 'individual']) {
      const list = valueAt(this.root, ['rubrics', kind, 'criteria']);
      if (!Array.isArray(list)) continue;
      list.forEach((c, i) => {
        if (!isRecord(c) || c.maxPoints !== undefined || c.scale !== undefined) return;
        const p = pointer(['rubrics', kind, 'criteria', i]);
        skipped.push(p);
        this.find('CRITERION_NO_MAX', { row: this.items.get(p), column: 'field' }, { number: String(c.number ?? i + 1) });
      });
    }
    return skipped;
  }

  private schemaIssue(issue: { path: Segments; message: string }, skip: readonly string[]): void {
    const p = pointer(issue.path);
    if (skip.some((s) => p === s || p.startsWith(s + '/'))) return;
    const cell = this.nearest(issue.path);
    if (valueAt(this.root, issue.path) === undefined) {
      // a whole group missing is named by its required fields: every one of a plain group (the term: from and to), the
      // first one of a group of items (the dossier: its first document's name)
      const under = FIELDS.filter((f) => !f.optional && fieldPattern(f).length > issue.path.length && issue.path.every((seg, i) => fieldPattern(f)[i] === '*' || fieldPattern(f)[i] === String(seg)));
      const own = specOf(issue.path);
      const specs = own ? [own] : under.every((f) => !f.collection && !f.blankIsEmpty) ? under : under.slice(0, 1);
      for (const spec of specs) this.find('FIELD_MISSING', cell ? { row: cell.row, column: 'field' } : { column: 'field' }, { field: spec.label, section: SECTION[spec.section], item: this.codeOf(issue.path, spec) });
      if (specs.length) return;
    }
    this.find('SCHEMA', cell ?? { column: 'value' }, { message: issue.message });
  }

  /** The cell of a path, or of the nearest item or field above it (an authority: the dates that bound it). */
  private nearest(path: Segments): Where | undefined {
    if (path[path.length - 1] === 'authority') {
      for (const field of ['validUntil', 'validFrom']) {
        const cell = this.cells.get(pointer([...path, field]));
        if (cell) return cell;
      }
    }
    for (let n = path.length; n > 0; n--) {
      const p = pointer(path.slice(0, n));
      const cell = this.cells.get(p);
      if (cell) return cell;
      const row = this.items.get(p);
      if (row !== undefined) return { row, column: 'field' };
    }
    return undefined;
  }

  private codeOf(path: Segments, spec: FieldSpec): string {
    if (!spec.collection) return '';
    const coll = COLLECTIONS[spec.collection] as { path: readonly string[]; idField?: string };
    const item = valueAt(this.root, path.slice(0, coll.path.length + 1));
    return isRecord(item) && coll.idField ? String(item[coll.idField] ?? '') : '';
  }

  private quotaKinds(): void {
    const awards = valueAt(this.root, ['awards']);
    if (!Array.isArray(awards)) return;
    awards.forEach((a, i) => {
      if (!isRecord(a)) return;
      const kinds = Array.isArray(a.kinds) ? a.kinds.map(String) : [];
      for (const field of ['quotaPerYear', 'quotaPerBlockPerYear']) {
        const quota = a[field];
        if (!isRecord(quota)) continue;
        for (const kind of Object.keys(quota)) {
          if (kinds.includes(kind)) continue;
          const cell = this.cells.get(pointer(['awards', i, field, kind]));
          this.find('QUOTA_KIND', { ...(cell ? { row: cell.row } : {}), column: 'choice' }, { kind: KIND_LABEL[kind as keyof typeof KIND_LABEL] ?? kind, award: String(a.id), kinds: kinds.map((k) => KIND_LABEL[k as keyof typeof KIND_LABEL] ?? k).join(', ') || 'chưa ghi' });
        }
      }
    });
  }

  /** A one-time deadline is due within the term: after its first day, and at the latest the day after its last. */
  private deadlinesInTerm(): void {
    const [from, to] = [valueAt(this.root, ['term', 'from']), valueAt(this.root, ['term', 'to'])];
    const deadlines = valueAt(this.root, ['deadlines']);
    if (typeof from !== 'string' || typeof to !== 'string' || !Array.isArray(deadlines)) return;
    const dayAfter = new Date(Date.parse(to + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    deadlines.forEach((d, i) => {
      const before = isRecord(d) && isRecord(d.due) ? d.due.before : undefined;
      if (typeof before !== 'string' || (before > from && before <= dayAfter)) return;
      const cell = this.cells.get(pointer(['deadlines', i, 'due']));
      this.find('DEADLINE_OUTSIDE_TERM', cell ?? { column: 'value' }, { deadline: String(isRecord(d) ? (d.label ?? d.id) : i), due: formatVietnameseDate(before), from: formatVietnameseDate(from), to: formatVietnameseDate(to) });
    });
  }
}

const SECTION_SET = new Set(Object.values(SECTION).map((s) => s.toLocaleLowerCase('vi')));

const ITEM_WHAT: Record<string, string> = {
  award: 'mã hình thức khen thưởng',
  criterionCollective: 'số tiêu chí',
  criterionIndividual: 'số tiêu chí',
  scale: 'mã thang đánh giá',
  scaleLevel: 'mã thang/số thứ tự mức',
  prerequisite: 'mã hình thức khen thưởng/số thứ tự điều kiện',
  deadline: 'mã hạn',
  document: 'mã tài liệu',
  copies: 'mã hình thức khen thưởng',
  equivalence: 'số thứ tự',
  reportForm: 'số thứ tự mẫu báo cáo',
};

/** The field a schema path belongs to (longest pattern that matches its start). */
function specOf(path: Segments): FieldSpec | undefined {
  let best: FieldSpec | undefined;
  let bestLength = -1;
  for (const spec of FIELDS) {
    const pattern = fieldPattern(spec);
    // a list or a quota missing as a whole is named by its field too
    const trimmed = repeats(spec) || spec.type === 'quota' ? pattern.slice(0, -1) : pattern;
    for (const candidate of [pattern, trimmed]) {
      if (candidate.length > path.length || candidate.length <= bestLength) continue;
      if (candidate.every((s, i) => s === '*' || s === String(path[i]))) {
        best = spec;
        bestLength = candidate.length;
      }
    }
  }
  return best;
}

/** zod's issues with the branches of a union flattened (the branch with the fewest problems speaks). */
function flatIssues(issues: readonly z.core.$ZodIssue[], prefix: Segments): Array<{ path: Segments; message: string }> {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as Array<string | number>)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      return flatIssues(branch, path);
    }
    return [{ path, message: issue.message }];
  });
}

function setAt(root: Record<string, unknown>, path: Segments, value: unknown): void {
  let at: Record<string, unknown> | unknown[] = root;
  path.forEach((s, i) => {
    const last = i === path.length - 1;
    const container = at as Record<string | number, unknown>;
    if (last) {
      container[s] = value;
      return;
    }
    if (container[s] === undefined || typeof container[s] !== 'object' || container[s] === null) container[s] = typeof path[i + 1] === 'number' ? [] : {};
    at = container[s] as Record<string, unknown>;
  });
}
