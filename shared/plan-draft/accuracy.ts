import type { Campaign } from '../domain/campaign.js';
import type { CampaignDraft } from '../domain/campaign-draft.js';

/**
 * How far a draft read from a plan agrees with the campaign template made by hand from the same plan, field by field:
 * precision = fields filled correctly ÷ fields filled, recall = fields filled correctly ÷ fields of the template the
 * plan states (given the plan's text, `statedByPlan`). Only the kinds of field a plan states are compared (the list in docs/campaigns.md: title, issuer, term, participants, minimum
 * age, awards and their authorities, quotas, deadlines, thresholds, rubric rows, dossier documents and sets); names the
 * template invents (ids, list headers, labels) are not. Pure.
 */

export interface FieldVerdict {
  /** What is compared, in words that name the template's thing: "award «Giấy khen của Chủ tịch UBND huyện» kinds". */
  field: string;
  /** The draft's JSON Pointer, when the draft filled it. */
  path?: string;
  draft?: unknown;
  template?: unknown;
  /** 'not-stated': the template holds it but the plan does not say it (see `statedByPlan`); not counted. */
  verdict: 'correct' | 'wrong' | 'not-found' | 'not-stated';
}

export interface DraftScore {
  filled: number;
  correct: number;
  /** The template's fields compared: those its plan states when the plan's text was given, else all. */
  inTemplate: number;
  precision: number;
  recall: number;
  verdicts: FieldVerdict[];
}

/**
 * A text as compared: NFC, lowercase, "UBND" spelled out, remarks in parentheses and punctuation (quotes, dashes,
 * final stops) dropped, spaces folded. Templates rewrite these freely; the words are what the secretary checks.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/\bubnd\b/gu, 'ủy ban nhân dân')
    .replace(/uỷ/gu, 'ủy')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return comparable(a) === comparable(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].map(String).sort().join('\u0000') === [...b].map(String).sort().join('\u0000');
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** A dossier document matches when the names are the same or one is the other with qualifiers added after it. */
function sameDocument(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** Sets a value at a JSON Pointer in a plain object, making objects and arrays as the path needs them. */
function setPointer(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Record<string, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

/** The draft's fields as one object shaped like a template (only what was filled). */
export function draftObject(draft: CampaignDraft): Record<string, any> {
  const root: Record<string, unknown> = {};
  for (const f of draft.fields) setPointer(root, f.path, f.value);
  return root;
}

interface Fact {
  key: string;
  field: string;
  value: unknown;
  path?: string;
  document?: boolean;
}

/** The compared facts of a template, each under a key that aligns it with the draft's. */
function templateFacts(t: Campaign): Fact[] {
  const facts: Fact[] = [];
  const put = (key: string, field: string, value: unknown, extra: Partial<Fact> = {}) => {
    if (value !== undefined) facts.push({ key, field, value, ...extra });
  };
  put('title', 'tên phong trào', t.title);
  put('issuer.name', 'cơ quan ban hành', t.issuer.name);
  put('issuer.level', 'cấp cơ quan ban hành', t.issuer.level);
  put('issuer.place', 'địa danh', t.issuer.place);
  put('term.from', 'ngày bắt đầu', t.term.from);
  put('term.to', 'ngày kết thúc', t.term.to);
  put('nomineeKinds', 'đối tượng', t.nomineeKinds);
  for (const [kind, rubric] of Object.entries(t.rubrics)) {
    if (!rubric) continue;
    for (const c of rubric.criteria) {
      const k = `rubric.${kind}.${c.number}`;
      put(`${k}.text`, `tiêu chí ${kind} ${c.number}: nội dung`, c.text);
      if ('maxPoints' in c) {
        put(`${k}.maxPoints`, `tiêu chí ${kind} ${c.number}: điểm chuẩn`, c.maxPoints);
        if (c.minShare > 0) put(`${k}.minShare`, `tiêu chí ${kind} ${c.number}: tỷ lệ điểm tối thiểu`, c.minShare);
      }
      put(`${k}.evidenceHint`, `tiêu chí ${kind} ${c.number}: tài liệu kiểm chứng`, c.evidenceHint);
    }
    put(`rubric.${kind}.totalThreshold`, `ngưỡng tổng điểm ${kind}`, rubric.totalThreshold);
  }
  for (const a of t.awards) {
    const k = `award.${a.id}`;
    const f = (what: string) => `khen thưởng «${a.name}»: ${what}`;
    put(`${k}.name`, f('tên'), a.name);
    put(`${k}.authority.title`, f('thẩm quyền'), a.authority.title);
    put(`${k}.authority.level`, f('cấp thẩm quyền'), a.authority.level);
    put(`${k}.mode`, f('loại khen thưởng'), a.mode);
    put(`${k}.kinds`, f('đối tượng'), a.kinds);
    for (const [kind, n] of Object.entries(a.quotaPerYear)) put(`${k}.quota.${kind}`, f(`chỉ tiêu ${kind}`), n);
    const age = a.prerequisites.find((p) => p.type === 'minimum-age');
    if (age && age.type === 'minimum-age') put(`${k}.minimumAge`, f('tuổi tối thiểu'), age.years);
  }
  for (const d of t.deadlines) {
    const k = `deadline.${d.id}`;
    put(`${k}.due`, `hạn «${d.label}»: ngày`, d.due);
    put(`${k}.kind`, `hạn «${d.label}»: loại`, d.kind);
    put(`${k}.submitTo`, `hạn «${d.label}»: nơi nhận`, d.submitTo);
  }
  t.dossier.documents.forEach((doc) => put(`document.${doc.id}`, `hồ sơ: ${doc.name}`, doc.name, { document: true }));
  for (const c of t.dossier.copies) put(`copies.${c.award}`, `số bộ hồ sơ «${c.award}»`, c.sets);
  return facts;
}

/** The draft's compared facts, keyed like the template's: awards by name, criteria by number, deadlines by date. */
function draftFacts(draft: CampaignDraft, t: Campaign): Fact[] {
  const d = draftObject(draft);
  const pathOf = (pointer: string) => draft.fields.find((f) => f.path === pointer)?.path;
  const facts: Fact[] = [];
  const put = (key: string, field: string, value: unknown, pointer: string, extra: Partial<Fact> = {}) => {
    if (value !== undefined) facts.push({ key, field, value, ...(pathOf(pointer) ? { path: pointer } : {}), ...extra });
  };
  put('title', 'tên phong trào', d.title, '/title');
  put('issuer.name', 'cơ quan ban hành', d.issuer?.name, '/issuer/name');
  put('issuer.level', 'cấp cơ quan ban hành', d.issuer?.level, '/issuer/level');
  put('issuer.place', 'địa danh', d.issuer?.place, '/issuer/place');
  put('term.from', 'ngày bắt đầu', d.term?.from, '/term/from');
  put('term.to', 'ngày kết thúc', d.term?.to, '/term/to');
  put('nomineeKinds', 'đối tượng', d.nomineeKinds, '/nomineeKinds');
  for (const [kind, rubric] of Object.entries<any>(d.rubrics ?? {})) {
    (rubric.criteria ?? []).forEach((c: any, i: number) => {
      const k = `rubric.${kind}.${c?.number}`;
      const at = `/rubrics/${kind}/criteria/${i}`;
      put(`${k}.text`, `tiêu chí ${kind} ${c?.number}: nội dung`, c?.text, `${at}/text`);
      put(`${k}.maxPoints`, `tiêu chí ${kind} ${c?.number}: điểm chuẩn`, c?.maxPoints, `${at}/maxPoints`);
      put(`${k}.minShare`, `tiêu chí ${kind} ${c?.number}: tỷ lệ điểm tối thiểu`, c?.minShare, `${at}/minShare`);
      put(`${k}.evidenceHint`, `tiêu chí ${kind} ${c?.number}: tài liệu kiểm chứng`, c?.evidenceHint, `${at}/evidenceHint`);
    });
    put(`rubric.${kind}.totalThreshold`, `ngưỡng tổng điểm ${kind}`, rubric.totalThreshold, `/rubrics/${kind}/totalThreshold`);
  }
  const awardIds = new Map<string, string>();
  (d.awards ?? []).forEach((a: any, i: number) => {
    // awards align by name, else by who grants them (the template may word the name its own way)
    const match = t.awards.find((x) => same(x.name, a?.name ?? '')) ?? (a?.authority?.title ? t.awards.find((x) => same(x.authority.title, a.authority.title)) : undefined);
    const id = match?.id ?? `(bản nháp) ${a?.name}`;
    if (a?.id) awardIds.set(a.id, id);
    const k = `award.${id}`;
    const f = (what: string) => `khen thưởng «${a?.name}»: ${what}`;
    const at = `/awards/${i}`;
    put(`${k}.name`, f('tên'), a?.name, `${at}/name`);
    put(`${k}.authority.title`, f('thẩm quyền'), a?.authority?.title, `${at}/authority/title`);
    put(`${k}.authority.level`, f('cấp thẩm quyền'), a?.authority?.level, `${at}/authority/level`);
    put(`${k}.mode`, f('loại khen thưởng'), a?.mode, `${at}/mode`);
    put(`${k}.kinds`, f('đối tượng'), a?.kinds, `${at}/kinds`);
    for (const [kind, n] of Object.entries(a?.quotaPerYear ?? {})) put(`${k}.quota.${kind}`, f(`chỉ tiêu ${kind}`), n, `${at}/quotaPerYear/${kind}`);
    (a?.prerequisites ?? []).forEach((p: any, j: number) => {
      if (p?.type === 'minimum-age') put(`${k}.minimumAge`, f('tuổi tối thiểu'), p.years, `${at}/prerequisites/${j}/years`);
    });
  });
  const usedDeadlines = new Set<string>();
  (d.deadlines ?? []).forEach((x: any, i: number) => {
    const candidates = t.deadlines.filter((y) => !usedDeadlines.has(y.id) && same(y.due, x?.due));
    const match = candidates.find((y) => y.kind === x?.kind) ?? candidates[0];
    if (match) usedDeadlines.add(match.id);
    const k = `deadline.${match?.id ?? `(bản nháp) ${i}`}`;
    const label = match?.label ?? `hạn ${JSON.stringify(x?.due)}`;
    put(`${k}.due`, `hạn «${label}»: ngày`, x?.due, `/deadlines/${i}/due`);
    put(`${k}.kind`, `hạn «${label}»: loại`, x?.kind, `/deadlines/${i}/kind`);
    put(`${k}.submitTo`, `hạn «${label}»: nơi nhận`, x?.submitTo, `/deadlines/${i}/submitTo`);
  });
  const usedDocuments = new Set<string>();
  (d.dossier?.documents ?? []).forEach((doc: any, i: number) => {
    const match = t.dossier.documents.find((y) => !usedDocuments.has(y.id) && sameDocument(y.name, doc?.name ?? ''));
    if (match) usedDocuments.add(match.id);
    put(`document.${match?.id ?? `(bản nháp) ${i}`}`, `hồ sơ: ${doc?.name}`, doc?.name, `/dossier/documents/${i}/name`, { document: true });
  });
  (d.dossier?.copies ?? []).forEach((c: any, i: number) => {
    const award = awardIds.get(c?.award) ?? `(bản nháp) ${c?.award}`;
    put(`copies.${award}`, `số bộ hồ sơ «${award}»`, c?.sets, `/dossier/copies/${i}/sets`);
  });
  return facts;
}

/** A date as plans write it: 31/12/2025, 01/6/2024, 1/6/2024, 01-6-2024, ngày 01 tháng 6 năm 2024. */
function writtenDate(iso: string, text: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const num = (n: number) => `0?${n}`;
  return new RegExp(`(?<!\\d)${num(d)}\\s*[/.-]\\s*${num(m)}\\s*[/.-]\\s*${y}(?!\\d)|ngày\\s+${num(d)}\\s+tháng\\s+${num(m)}\\s+năm\\s+${y}(?!\\d)`, 'iu').test(text);
}

/**
 * The keys of the template's facts its plan states, given the plan's text. A template also holds what the plan
 * leaves to the law or to the secretary; the draft is scored only on what the plan says:
 * - an award counts when the plan names both its form and its grantor: the words of its name before "của" (the form:
 *   Giấy khen, Bằng khen đột xuất …) and after it (the grantor) each occur in the plan. An award the law adds (the successor of a district
 *   chairman after 1 July 2025) is not compared, nor are its sets of the dossier; an award whose grantor the plan names
 *   but whose form it only implies is compared on everything but its name and sets;
 * - a dossier document counts when the plan names its kind: its name up to "của" or "(" occurs in the plan;
 * - a date of the term counts when the plan writes it (a plan "from its launch" whose own date is blank does not);
 * - everything else counts.
 * Without the text, every fact counts.
 */
export function statedByPlan(template: Campaign, planText: string | undefined): (key: string) => boolean {
  if (planText === undefined) return () => true;
  // line by line: a remark in parentheses is dropped within its line, never across lines
  const text = ` ${planText.split('\n').map(comparable).join(' \n ')} `;
  const occurs = (words: string) => {
    const w = comparable(words);
    return w.length > 0 && text.includes(` ${w} `);
  };
  const split = (name: string) => /^(.+?)\s+của\s+(.+)$/u.exec(name) ?? [];
  // an award whose grantor the plan never names (one the law adds) is not compared at all
  const unstatedAwards = new Set(
    template.awards
      .filter((a) => {
        const [, form, grantor] = split(a.name);
        return !form || !grantor || !occurs(grantor);
      })
      .map((a) => a.id),
  );
  // an award the plan implies ("đề nghị Chủ tịch UBND tỉnh khen thưởng 01 tập thể"): its grantor, kinds and quotas
  // are stated and compared; only its name (the form the plan does not write) is not
  const impliedForms = new Set(template.awards.filter((a) => !unstatedAwards.has(a.id) && !occurs(split(a.name)[1]!)).map((a) => a.id));
  const unstatedDocuments = new Set(template.dossier.documents.filter((d) => !occurs(d.name.split(/\s+của\s+|\s*\(/u)[0]!)).map((d) => d.id));
  return (key) => {
    const award = /^(?:award|copies)\.([^.]+)/u.exec(key)?.[1];
    if (award && unstatedAwards.has(award)) return false;
    if (award && impliedForms.has(award) && (key === `award.${award}.name` || key.startsWith('copies.'))) return false;
    const document = /^document\.(.+)$/u.exec(key)?.[1];
    if (document && unstatedDocuments.has(document)) return false;
    if (key === 'term.from' || key === 'term.to') return writtenDate(key === 'term.from' ? template.term.from : template.term.to, planText);
    return true;
  };
}

/**
 * Scores a draft against the template made by hand from the same plan; given the plan's text, only the facts the
 * plan states count (`statedByPlan`), the others are listed as not stated.
 */
export function scoreDraft(draft: CampaignDraft, template: Campaign, planText?: string): DraftScore {
  const stated = statedByPlan(template, planText);
  const all = templateFacts(template);
  const expected = new Map(all.filter((f) => stated(f.key)).map((f) => [f.key, f]));
  const verdicts: FieldVerdict[] = all.filter((f) => !stated(f.key)).map((f) => ({ field: f.field, template: f.value, verdict: 'not-stated' as const }));
  const seen = new Set<string>();
  for (const f of draftFacts(draft, template)) {
    if (!stated(f.key)) continue;
    const t = expected.get(f.key);
    seen.add(f.key);
    const ok = !!t && (f.document ? sameDocument(String(t.value), String(f.value)) : same(f.value, t.value));
    verdicts.push({ field: t?.field ?? f.field, ...(f.path ? { path: f.path } : {}), draft: f.value, ...(t ? { template: t.value } : {}), verdict: ok ? 'correct' : 'wrong' });
  }
  for (const t of expected.values()) if (!seen.has(t.key)) verdicts.push({ field: t.field, template: t.value, verdict: 'not-found' });
  const filled = verdicts.filter((v) => v.verdict === 'correct' || v.verdict === 'wrong').length;
  const correct = verdicts.filter((v) => v.verdict === 'correct').length;
  const inTemplate = expected.size;
  return { filled, correct, inTemplate, precision: filled === 0 ? 1 : correct / filled, recall: inTemplate === 0 ? 1 : correct / inTemplate, verdicts };
}
