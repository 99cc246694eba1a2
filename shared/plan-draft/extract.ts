import { authorityExistsOn } from '../domain/authority.js';
import type { CampaignDraft, DraftField } from '../domain/campaign-draft.js';
import type { DeadlineKind, Level, NomineeKind } from '../domain/vocabulary.js';
import { firstOfNextMonth, isoOf, monthDayOf, parseDate, type PlanDate } from './dates.js';
import { outline, sentences, type Paragraph } from './outline.js';
import { preparePlanText } from './plan-text.js';

/**
 * A first draft of a campaign read from its plan. The rules follow how Vietnamese plans are drafted (NĐ 30/2020's
 * layout and the usual phrasings of emulation plans under Luật Thi đua, khen thưởng 2022 and NĐ 98/2023, NĐ 152/2025),
 * never a particular plan: every field carries the sentence it came from; what no rule finds is listed as missing and
 * left blank, never guessed. Pure: the caller reads the file.
 */

/** End of a word: JavaScript's \b knows only ASCII letters, Vietnamese words end in ư, ơ, ệ … */
const END = '(?![\\p{L}\\d])';
const re = (source: string, flags = 'u') => new RegExp(source, flags);

/** The levels of local government a plan names, as written after "UBND" / "Ủy ban nhân dân" and "cấp". */
const UNIT_LEVEL: ReadonlyArray<readonly [RegExp, Level]> = [
  [/^(cấp xã|xã|phường|thị trấn|đặc khu)$/iu, 'commune'],
  [/^(cấp huyện|huyện|quận|thị xã)$/iu, 'district'],
  [/^(cấp tỉnh|tỉnh)$/iu, 'province'],
];
const levelOf = (unit: string): Level | undefined => UNIT_LEVEL.find(([r]) => r.test(unit))?.[1];

const UNIT = '(cấp xã|cấp huyện|cấp tỉnh|thị trấn|thị xã|thành phố|đặc khu|xã|phường|huyện|quận|tỉnh)';
const COMMITTEE = '(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)';
/** A proper name of a place: capitalised words ("Vạn Ninh", "Lạng Sơn"), up to four. */
const PROPER = '(\\p{Lu}[\\p{Ll}\\p{M}]*(?:\\s\\p{Lu}[\\p{Ll}\\p{M}]*){0,3})';
const AWARD_FORM = '(Giấy khen|Bằng khen|Cờ thi đua)';
/** A chairman of a people's committee: "Chủ tịch UBND huyện", "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn", "… cấp xã". */
const CHAIRMAN = `(Chủ tịch ${COMMITTEE} ${UNIT}(?:\\s${PROPER})?)`;

const KIND_WORD: Record<NomineeKind, RegExp> = { collective: re(`tập thể${END}`, 'iu'), individual: re(`cá nhân${END}`, 'iu') };

interface FoundAward {
  name: string;
  source: string;
  authority: { title?: string; level?: Level; source: string };
  kinds?: { value: NomineeKind[]; source: string };
  quota?: { value: Partial<Record<NomineeKind, number>>; source: string };
  adhoc: boolean;
}

/** Reads a plan's text into a campaign draft. */
export function draftCampaign(raw: string): CampaignDraft {
  const prepared = preparePlanText(raw);
  const fields: DraftField[] = [];
  const warnings = [...prepared.warnings];
  const add = (path: string, value: unknown, source: string) => fields.push({ path, value, source });
  if (!prepared.readable) return { fields, missing: MISSING_WHEN_EMPTY, warnings };

  const paragraphs = outline(prepared.text).paragraphs;
  const body = paragraphs.filter((p) => p.part === 'body');
  const bodySentences = body.flatMap((p) => sentences(p.text).map((s) => ({ s, p })));
  const places = placeNames(prepared.text);

  // ---- title: the summary line under the kind of document (NĐ 30: "trích yếu nội dung"), as the movement's name
  const kindLine = paragraphs.findIndex((p) => /^KẾ HOẠCH$/iu.test(p.text));
  const summary = kindLine >= 0 ? paragraphs[kindLine + 1] : undefined;
  if (summary && summary.part === 'head' && !summary.cells) {
    const title = movementName(summary.text);
    if (title) add('/title', title, summary.text);
  }

  // ---- issuer: the committee that issues the plan ("UBND huyện X ban hành/xây dựng/phát động Kế hoạch …")
  const dateLine = paragraphs.find((p) => p.part === 'head' && re(`^([^,\\d]{2,40}),\\s*ngày${END}`).test(p.text));
  const datePlace = dateLine ? re(`^([^,\\d]{2,40}),`).exec(dateLine.text)![1]!.trim() : undefined;
  const front = paragraphs.filter((p) => p.part === 'head' || p.part === 'preamble');
  let issuer: { unit: string; name?: string; level?: Level; source: string } | undefined;
  for (const p of front) {
    for (const s of sentences(p.text)) {
      const r = re(`(?<!của\\s)(?<!với\\s)${COMMITTEE} ${UNIT}(?:\\s${PROPER})?\\s(?:ban hành|xây dựng|phát động|triển khai|tổ chức)${END}`, 'gu');
      for (const m of s.matchAll(r)) issuer = { unit: m[1]!.toLowerCase(), name: m[2], level: levelOf(m[1]!), source: s };
    }
  }
  let issuerPlace: string | undefined;
  if (issuer) {
    const name = issuer.name ?? placeWithoutUnit(datePlace) ?? uniquePlace(places, issuer.unit);
    if (name) {
      add('/issuer/name', `Ủy ban nhân dân ${issuer.unit} ${name}`, issuer.source);
      issuerPlace = name;
    }
    if (issuer.level) add('/issuer/level', issuer.level, issuer.source);
  }
  // NĐ 30/2020, Phụ lục I: the place in the date line is the name of the administrative unit the issuer belongs to.
  const place = placeWithoutUnit(datePlace);
  if (place && dateLine) add('/issuer/place', place, dateLine.text);
  else if (issuerPlace && issuer) add('/issuer/place', issuerPlace, issuer.source);

  // ---- legal bases: the documents the preamble cites ("Căn cứ …;", "Thực hiện … ngày … của …")
  let bases = 0;
  for (const p of front.filter((x) => x.part === 'preamble' && /^(Căn cứ|Thực hiện)\s/u.test(x.text))) {
    for (const item of p.text.replace(/^(Căn cứ|Thực hiện)\s+/u, '').split(/;\s*/u)) {
      const cited = re(`^((?:Luật|Bộ luật|Nghị định|Nghị quyết|Chỉ thị|Kế hoạch|Quyết định|Thông tư|Văn bản|Hướng dẫn|Kết luận|Công văn)${END}.*?)(?=\\s+(?:về|quy định|hướng dẫn|triển khai)${END}|$)`).exec(item.trim());
      if (cited) add(`/legalBasis/${bases++}`, cited[1]!.replace(/[.;,]+$/u, '').trim(), p.text);
    }
  }

  // ---- term: "Từ ngày … đến (hết) ngày …", in a "Thời gian" section or a sentence about the movement
  let term: { from?: string; to?: string } = {};
  for (const { s, p } of bodySentences) {
    const m = re(`(?:từ\\s+(?:ngày\\s+)?(.{1,40}?)\\s+)?đến\\s+(?:hết\\s+)?ngày\\s+(\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}|\\d{1,2} tháng \\d{1,2} năm \\d{4})`, 'iu').exec(s);
    if (!m) continue;
    const aboutTerm = p.path.some((h) => /thời gian/iu.test(h) && !/thời gian\s+(đề nghị|xét|nộp|gửi|tổ chức xét)/iu.test(h)) || /(phong trào|đợt thi đua|cuộc thi|thi đua).{0,60}(triển khai|thực hiện|phát động|diễn ra|từ)/iu.test(s);
    if (!aboutTerm || term.to) continue;
    const to = parseDate(m[2]!);
    if (!to?.year) continue;
    term = { to: isoOf({ ...to, year: to.year }) };
    add('/term/to', term.to, s);
    const from = m[1] ? parseDate(m[1]) : undefined;
    if (from?.year) {
      term.from = isoOf({ ...from, year: from.year });
      add('/term/from', term.from, s);
    } else if (m[1] && /^(?:nay|ngày\s+)?(?:ban hành|ký)(?![\p{L}])|^nay$/iu.test(m[1].trim()) && dateLine) {
      // "từ ngày ban hành Kế hoạch", "từ ngày ký", "từ nay": the plan's own date, when its date line gives day, month and year
      const issued = parseDate(re(`ngày\\s+(.+)$`).exec(dateLine.text)?.[1] ?? '');
      if (issued?.year) {
        term.from = isoOf({ ...issued, year: issued.year });
        add('/term/from', term.from, `${dateLine.text} … ${s}`);
      }
    }
  }

  // ---- rubrics: appendix tables "STT | Tiêu chí | Điểm chuẩn (| Tài liệu kiểm chứng)", else listed criteria
  const tables = rubricTables(paragraphs, warnings);
  const rubricKinds = new Set<NomineeKind>();
  for (const t of tables) {
    if (rubricKinds.has(t.kind)) continue;
    rubricKinds.add(t.kind);
    t.rows.forEach((row, i) => {
      const at = `/rubrics/${t.kind}/criteria/${i}`;
      add(`${at}/number`, row.number, row.source);
      add(`${at}/text`, row.text, row.source);
      add(`${at}/maxPoints`, row.maxPoints, row.source);
      if (row.evidence) add(`${at}/evidenceHint`, row.evidence, row.source);
    });
    if (t.evidenceColumn) add(`/rubrics/${t.kind}/evidence`, 'each-criterion', t.header);
  }
  for (const [kind, list] of listedCriteria(body)) {
    if (rubricKinds.has(kind) || list.length === 0) continue;
    rubricKinds.add(kind);
    list.forEach((c, i) => {
      add(`/rubrics/${kind}/criteria/${i}/number`, String(i + 1), c.source);
      add(`/rubrics/${kind}/criteria/${i}/text`, trimCriterion(c.text), c.source);
    });
  }
  // thresholds: "đạt 90% số điểm từng tiêu chí", "tổng số điểm phải đạt từ 90 điểm trở lên"
  const scored = tables.filter((t, i) => tables.findIndex((u) => u.kind === t.kind) === i);
  for (const { s } of bodySentences) {
    const share = re(`(\\d{1,3})\\s?%\\s+(?:số\\s+)?điểm\\s+(?:của\\s+)?(?:từng|mỗi)\\s+tiêu chí`, 'iu').exec(s);
    if (share && scored.length > 0 && !fields.some((f) => f.path.endsWith('/minShare'))) {
      for (const t of scored) t.rows.forEach((_, i) => add(`/rubrics/${t.kind}/criteria/${i}/minShare`, Number(share[1]) / 100, s));
    }
    const total = re(`tổng\\s+(?:số\\s+)?điểm\\s+(?:phải\\s+)?(?:đạt\\s+)?(?:từ\\s+)?(\\d{1,3})\\s+điểm\\s+trở lên`, 'iu').exec(s);
    if (total && scored.length > 0 && !fields.some((f) => f.path.endsWith('/totalThreshold'))) {
      for (const t of scored) add(`/rubrics/${t.kind}/totalThreshold`, Number(total[1]), s);
    }
  }

  // ---- nominee kinds: who is commended ("các tập thể, cá nhân"), from the rubrics and the award sentences
  const kinds = new Map<NomineeKind, string>();
  for (const t of tables) kinds.set(t.kind, t.header);
  for (const { s } of bodySentences) {
    if (!/khen thưởng|khen|tặng/iu.test(s)) continue;
    for (const k of ['collective', 'individual'] as const) if (KIND_WORD[k].test(s) && !kinds.has(k)) kinds.set(k, s);
  }
  const nomineeKinds = (['collective', 'individual'] as const).filter((k) => kinds.has(k) || rubricKinds.has(k));
  if (nomineeKinds.length > 0) add('/nomineeKinds', nomineeKinds, [...new Set(nomineeKinds.map((k) => kinds.get(k) ?? ''))].filter(Boolean).join(' … '));

  // ---- a plan with no rubric and no listed criteria: its contents ("II. NỘI DUNG THI ĐUA", items 1., 2. … or a), b) …)
  // are what the council appraises, each a qualitative criterion, quoted verbatim for every kind the plan commends
  if (rubricKinds.size === 0) {
    const contents = contentItems(body);
    for (const kind of contents.length > 0 ? nomineeKinds : []) {
      rubricKinds.add(kind);
      contents.forEach((c, i) => {
        add(`/rubrics/${kind}/criteria/${i}/number`, c.number, c.source);
        add(`/rubrics/${kind}/criteria/${i}/text`, c.text, c.source);
      });
    }
  }

  /** Who a chairman is: level, and title naming the place (the issuer's, or the one the text gives that unit). */
  const grantor = (unit: string, placeName: string | undefined): { level?: Level; title?: string } => {
    const level = levelOf(unit);
    const generic = /^cấp /iu.test(unit);
    const named = placeName ?? (generic ? undefined : level && level === issuer?.level && issuerPlace ? issuerPlace : uniquePlace(places, unit.toLowerCase()));
    const title = generic ? `Chủ tịch UBND ${unit}` : named ? `Chủ tịch UBND ${unit} ${named}` : undefined;
    return { ...(level ? { level } : {}), ...(title ? { title } : {}) };
  };

  // ---- awards: "<form> của Chủ tịch UBND <cấp>" or "Chủ tịch UBND <cấp> (tặng) <form>", in the commendation sections
  const awardSection = (p: Paragraph) => p.path.some((h) => /khen thưởng|hình thức/iu.test(h)) || /khen thưởng/iu.test(p.text);
  const awards: FoundAward[] = [];
  for (const { s, p } of bodySentences) {
    if (!awardSection(p)) continue;
    for (const found of awardsIn(s)) {
      const { level, title } = grantor(found.unit, found.placeName);
      const name = `${found.form}${found.adhoc ? ' đột xuất' : ''} của Chủ tịch UBND ${found.unit}${found.placeName ? ` ${found.placeName}` : ''}`;
      let award = awards.find((a) => a.name.toLowerCase() === name.toLowerCase());
      if (!award) {
        award = { name, source: s, authority: { ...(title ? { title } : {}), ...(level ? { level } : {}), source: s }, adhoc: found.adhoc };
        awards.push(award);
      }
      const sentenceKinds = (['collective', 'individual'] as const).filter((k) => KIND_WORD[k].test(s));
      if (!award.kinds && sentenceKinds.length > 0) award.kinds = { value: sentenceKinds, source: s };
      const quota: Partial<Record<NomineeKind, number>> = {};
      for (const k of ['collective', 'individual'] as const) {
        const q = re(`(?<![\\d/])(\\d{1,3})\\s+${k === 'collective' ? 'tập thể' : 'cá nhân'}${END}`, 'iu').exec(s);
        if (q) quota[k] = Number(q[1]);
      }
      if (!award.quota && Object.keys(quota).length > 0) award.quota = { value: quota, source: s };
    }
  }
  // an award the plan implies: "(đề nghị|tham mưu|trình) Chủ tịch UBND <cấp> (tặng|khen thưởng) [01 tập thể và 02 cá nhân]"
  // without writing its form; the Law on emulation and commendation 2022 fixes the form a chairman of a people's
  // committee gives (province → Bằng khen, district and commune → Giấy khen). Only such grantors, and only
  // when the plan names no award of the same grantor.
  const explicit = [...awards];
  for (const { s, p } of bodySentences) {
    if (!awardSection(p)) continue;
    for (const found of impliedAwardsIn(s)) {
      const { level, title } = grantor(found.unit, found.placeName);
      const form = level ? IMPLIED_FORM[level] : undefined;
      if (!level || !form) continue;
      const sameGrantor = (a: FoundAward) => a.authority.level === level && (!a.authority.title || !title || comparableTitle(a.authority.title) === comparableTitle(title));
      if (explicit.some(sameGrantor)) continue;
      const name = `${form} của Chủ tịch UBND ${found.unit}${found.placeName ? ` ${found.placeName}` : ''}`;
      let award = awards.find((a) => a.name.toLowerCase() === name.toLowerCase());
      if (!award) {
        award = { name, source: s, authority: { ...(title ? { title } : {}), level, source: s }, adhoc: false };
        awards.push(award);
      }
      if (!award.kinds && found.kinds.length > 0) award.kinds = { value: found.kinds, source: s };
      if (!award.quota && Object.keys(found.quota).length > 0) award.quota = { value: found.quota, source: s };
    }
  }
  // heads of agencies who grant their own Giấy khen: "Thủ trưởng cơ quan, đơn vị … cấp huyện … tặng Giấy khen cho …"
  for (const p of body.filter(awardSection)) {
    const m = re(`^(?:[a-zđ\\d]{1,2}[.)]\\s+)?(Thủ trưởng\\s.+?)\\s+tặng\\s+${AWARD_FORM}(?:\\s|$)`, 'u').exec(p.text);
    if (!m) continue;
    const subject = m[1]!.trim();
    const level: Level | undefined = /(cấp|thuộc)\s+huyện|của huyện/iu.test(subject) ? 'district-agency' : undefined;
    const title = /huyện$/u.test(subject) && issuer?.level === 'district' && issuerPlace ? `${subject} ${issuerPlace}` : subject;
    const name = `${m[2]!} của ${subject}`;
    if (awards.some((a) => a.name === name)) continue;
    const kindsHere = (['collective', 'individual'] as const).filter((k) => KIND_WORD[k].test(p.text));
    awards.push({ name, source: p.text, authority: { title, ...(level ? { level } : {}), source: p.text }, adhoc: false, ...(kindsHere.length > 0 ? { kinds: { value: [...kindsHere], source: p.text } } : {}) });
  }
  const commendationText = body.filter(awardSection).map((p) => p.text).join('\n');
  const yearly = re(`(hằng|hàng)\\s+năm${END}|định kỳ`, 'iu').exec(commendationText);
  awards.forEach((a, i) => {
    const at = `/awards/${i}`;
    add(`${at}/id`, slug(a.name), a.source);
    add(`${at}/name`, a.name, a.source);
    if (a.authority.title) add(`${at}/authority/title`, a.authority.title, a.authority.source);
    if (a.authority.level) add(`${at}/authority/level`, a.authority.level, a.authority.source);
    if (a.adhoc) add(`${at}/mode`, 'adhoc', a.source);
    else if (yearly) add(`${at}/mode`, 'periodic', sentenceAround(commendationText, yearly.index));
    else if (term.to) add(`${at}/mode`, 'thematic', a.source);
    if (a.kinds) add(`${at}/kinds`, a.kinds.value, a.kinds.source);
    else if (nomineeKinds.length > 0) add(`${at}/kinds`, nomineeKinds, a.source);
    if (a.quota) for (const [k, n] of Object.entries(a.quota.value)) add(`${at}/quotaPerYear/${k}`, n, a.quota.source);
  });

  // ---- participants' minimum age: "(Cá nhân) từ 16 tuổi trở lên"
  for (const { s } of bodySentences) {
    const age = re(`từ\\s+(\\d{1,2})\\s+tuổi\\s+trở lên`, 'iu').exec(s);
    if (!age) continue;
    awards.forEach((_, i) => {
      const at = `/awards/${i}/prerequisites/0`;
      add(`${at}/type`, 'minimum-age', s);
      add(`${at}/years`, Number(age[1]), s);
      add(`${at}/description`, s.replace(/^[-–•]\s*/u, ''), s);
      if (KIND_WORD.individual.test(s)) add(`${at}/kinds`, ['individual'], s);
    });
    break;
  }

  // ---- deadlines: "gửi … trước ngày 15 tháng 02 (hằng năm)", "vào tháng 9 năm 2026", "vào Quý III hằng năm"
  const deadlines = findDeadlines(bodySentences.map((x) => x.s), term);
  deadlines.forEach((d, i) => {
    add(`/deadlines/${i}/due`, d.due, d.source);
    if (d.kind) add(`/deadlines/${i}/kind`, d.kind, d.source);
    if (d.submitTo) add(`/deadlines/${i}/submitTo`, d.submitTo, d.source);
  });

  // ---- dossier: the documents listed under "Hồ sơ đề nghị khen thưởng", and "… 01 bộ" sets per level
  const documents = dossierDocuments(body);
  documents.forEach((d, i) => add(`/dossier/documents/${i}/name`, d.name, d.source));
  let copies = 0;
  for (const { s, p } of bodySentences) {
    if (!/hồ sơ/iu.test(p.text)) continue;
    for (const m of s.matchAll(re(`cấp\\s+(xã|huyện|tỉnh)\\s+(?:là\\s+)?(\\d{1,2})\\s+bộ${END}`, 'giu'))) {
      const level = levelOf(m[1]!);
      const candidates = awards.map((a, i) => ({ a, i })).filter(({ a }) => a.authority.level === level && !a.adhoc);
      if (candidates.length !== 1) continue;
      add(`/dossier/copies/${copies}/award`, slug(candidates[0]!.a.name), s);
      add(`/dossier/copies/${copies}/sets`, Number(m[2]), s);
      copies++;
    }
  }

  // ---- the law of the date: an authority that does not exist on the plan's dates
  const planDates = [term.from, term.to, ...deadlines.map((d) => ('before' in d.due ? d.due.before : undefined))].filter((d): d is string => !!d);
  for (const a of awards) {
    const level = a.authority.level;
    if (level !== 'district' && level !== 'district-agency') continue;
    const ceased = planDates.filter((d) => !authorityExistsOn({ title: a.authority.title ?? a.name, level, validUntil: TWO_TIER_FROM }, d)).sort();
    if (ceased.length > 0) {
      warnings.push(
        `"${a.name}": thẩm quyền ${level === 'district' ? 'của Chủ tịch UBND cấp huyện' : 'của thủ trưởng cơ quan, đơn vị cấp huyện'} chấm dứt từ 01/7/2025 (chính quyền địa phương hai cấp), nhưng kế hoạch có ngày ${ceased.map(viDate).join(', ')}. ` +
          'Hãy khai báo hình thức khen thưởng kế nhiệm (Chủ tịch UBND cấp xã) cho các hồ sơ, quyết định từ ngày đó.',
      );
    }
  }

  const missing = missingPaths(fields, nomineeKinds, awards.length);
  return { fields, missing, warnings };
}

/** The first day of two-tier local government: district committees and their chairmen cease (decision 007). */
export const TWO_TIER_FROM = '2025-07-01';

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const MISSING_WHEN_EMPTY = ['/title', '/issuer/name', '/issuer/level', '/issuer/place', '/legalBasis', '/plan/reference', '/term/from', '/term/to', '/nomineeKinds', '/rubrics', '/awards', '/deadlines', '/dossier/documents'];

/** The template fields a plan should state and the draft did not find. */
function missingPaths(fields: DraftField[], kinds: NomineeKind[], awards: number): string[] {
  const has = (prefix: string) => fields.some((f) => f.path === prefix || f.path.startsWith(`${prefix}/`));
  const wanted = ['/title', '/issuer/name', '/issuer/level', '/issuer/place', '/legalBasis', '/plan/reference', '/term/from', '/term/to', '/nomineeKinds'];
  const missing = wanted.filter((p) => !has(p));
  if (kinds.length === 0) missing.push('/rubrics');
  for (const k of kinds) if (!has(`/rubrics/${k}/criteria`)) missing.push(`/rubrics/${k}/criteria`);
  if (awards === 0) missing.push('/awards');
  for (let i = 0; i < awards; i++) {
    for (const p of ['authority/title', 'authority/level', 'mode', 'kinds']) if (!has(`/awards/${i}/${p}`)) missing.push(`/awards/${i}/${p}`);
  }
  for (const p of ['/deadlines', '/dossier/documents', '/dossier/copies']) if (!has(p)) missing.push(p);
  return missing;
}

/** The movement's name from the plan's summary line: "Phát động đợt thi đua …" → "Đợt thi đua …". */
export function movementName(summary: string): string | undefined {
  let text = summary.replace(/^(kế hoạch\s+)?/iu, '').trim();
  text = text.replace(/^(phát động|tổ chức thực hiện|triển khai thực hiện|tổ chức triển khai|triển khai|tổ chức|thực hiện|hưởng ứng)\s+/iu, '');
  // Only a summary that names the movement (a noun: phong trào, đợt thi đua, cuộc thi) gives its name; one that names an
  // action only ("Phát động thi đua thực hiện …") leaves the name to the secretary.
  if (/^(phong trào|đợt thi đua|cuộc thi|cuộc vận động)/iu.test(text)) return capitalise(text);
  return undefined;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const stripNumber = (heading: string) => heading.replace(/^[\dIVXa-zđ.)]+\s+/u, '');

/** "Thị trấn Bắc Sơn" → "Bắc Sơn" (NĐ 30: the unit's name), "Phường 1" kept; undefined for no place. */
function placeWithoutUnit(place: string | undefined): string | undefined {
  if (!place) return undefined;
  const m = re(`^(?:thị trấn|thị xã|thành phố|xã|phường|huyện|quận|tỉnh|đặc khu)\\s+(.+)$`, 'iu').exec(place);
  if (m && !/^\d/u.test(m[1]!)) return m[1]!.trim();
  return place;
}

/** Proper names the text gives each kind of unit ("huyện" → {"Vạn Ninh"}), written in lowercase after the unit. */
function placeNames(text: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const m of text.matchAll(re(`(?<![\\p{L}])(thị trấn|thị xã|xã|phường|huyện|quận|tỉnh)\\s${PROPER}`, 'gu'))) {
    const set = names.get(m[1]!) ?? new Set<string>();
    set.add(m[2]!);
    names.set(m[1]!, set);
  }
  return names;
}

/** The one name the text gives a kind of unit, or undefined when it gives none or several. */
function uniquePlace(places: Map<string, Set<string>>, unit: string): string | undefined {
  const set = places.get(unit);
  return set && set.size === 1 ? [...set][0] : undefined;
}

/** Awards named in a sentence: the form and the chairman who grants it. */
function awardsIn(sentence: string): Array<{ form: string; unit: string; placeName?: string; adhoc: boolean }> {
  const found: Array<{ form: string; unit: string; placeName?: string; adhoc: boolean; at: number }> = [];
  for (const m of sentence.matchAll(re(`${AWARD_FORM}(\\s+đột xuất)?\\s+của\\s+${CHAIRMAN}`, 'gu'))) {
    found.push({ form: m[1]!, adhoc: !!m[2], unit: m[4]!, ...(m[5] ? { placeName: m[5] } : {}), at: m.index });
  }
  for (const m of sentence.matchAll(re(`${CHAIRMAN}\\s+(?:tặng\\s+|tặng thưởng\\s+)?${AWARD_FORM}(\\s+đột xuất)?`, 'gu'))) {
    found.push({ form: m[4]!, adhoc: !!m[5], unit: m[2]!, ...(m[3] ? { placeName: m[3] } : {}), at: m.index });
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ at: _, ...a }) => ({ ...a, placeName: a.placeName && !/^(Giấy|Bằng|Cờ)$/u.test(a.placeName) ? a.placeName : undefined }))
    .map((a) => (a.placeName === undefined ? { form: a.form, unit: a.unit, adhoc: a.adhoc } : a));
}

/** The form of award the Law gives each chairman of a people's committee (Luật Thi đua, khen thưởng 2022). */
const IMPLIED_FORM: Partial<Record<Level, string>> = { province: 'Bằng khen', district: 'Giấy khen', commune: 'Giấy khen' };

const comparableTitle = (title: string) => title.toLowerCase().replace(/\s+/gu, ' ').trim();

/** The kinds and quotas right after an implied award: "01 tập thể và 02 cá nhân", "cho các tập thể, cá nhân". */
const QUOTA_ITEM = '(?:(?:\\d{1,3}|các|những)\\s+)?(?:tập thể|cá nhân)';
const QUOTA_PHRASE = `^\\s*(?:cho\\s+)?(${QUOTA_ITEM}(?:\\s*(?:,|và|hoặc)\\s*${QUOTA_ITEM})?)${END}`;

/**
 * Awards a sentence implies: a chairman someone proposes or advises to commend, "đề nghị Chủ tịch UBND tỉnh khen thưởng
 * 01 tập thể và 02 cá nhân", "tham mưu Chủ tịch UBND huyện tặng thưởng cho các tập thể", with no form written after.
 */
function impliedAwardsIn(sentence: string): Array<{ unit: string; placeName?: string; kinds: NomineeKind[]; quota: Partial<Record<NomineeKind, number>> }> {
  const found: Array<{ unit: string; placeName?: string; kinds: NomineeKind[]; quota: Partial<Record<NomineeKind, number>> }> = [];
  const r = re(`(?<![\\p{L}])(?:[đĐ]ề nghị|[tT]ham mưu|[tT]rình)\\s+(?:cho\\s+)?${CHAIRMAN}\\s+(?:tặng thưởng|tặng|khen thưởng)${END}(?!\\s+(?:thưởng\\s+)?${AWARD_FORM})`, 'gu');
  for (const m of sentence.matchAll(r)) {
    const phrase = re(QUOTA_PHRASE, 'iu').exec(sentence.slice(m.index + m[0].length))?.[1] ?? '';
    const kinds = (['collective', 'individual'] as const).filter((k) => KIND_WORD[k].test(phrase));
    const quota: Partial<Record<NomineeKind, number>> = {};
    for (const k of kinds) {
      const q = re(`(?<![\\d/])(\\d{1,3})\\s+${k === 'collective' ? 'tập thể' : 'cá nhân'}${END}`, 'iu').exec(phrase);
      if (q) quota[k] = Number(q[1]);
    }
    const placeName = m[3] && !/^(Giấy|Bằng|Cờ)$/u.test(m[3]) ? m[3] : undefined;
    found.push({ unit: m[2]!, ...(placeName ? { placeName } : {}), kinds, quota });
  }
  return found;
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\b(cua|ubnd|uy ban nhan dan)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const sentenceAround = (text: string, at: number) => {
  const start = Math.max(text.lastIndexOf('\n', at) + 1, 0);
  const end = text.indexOf('\n', at);
  return text.slice(start, end === -1 ? undefined : end);
};

interface RubricTable {
  kind: NomineeKind;
  header: string;
  evidenceColumn: boolean;
  rows: Array<{ number: string; text: string; maxPoints: number; evidence?: string; source: string }>;
}

/** Tables whose header names a number, a criterion and its points; the kind from the heading above the table. */
function rubricTables(paragraphs: Paragraph[], warnings: string[]): RubricTable[] {
  const tables: RubricTable[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const cells = paragraphs[i]!.cells;
    if (!cells) continue;
    const col = (r: RegExp) => cells.findIndex((c) => r.test(c));
    const numberCol = col(/^(STT|TT|Số TT)$/iu);
    const textCol = col(/tiêu chí|tiêu chuẩn|nội dung/iu);
    const pointsCol = col(/điểm (chuẩn|tối đa)|thang điểm|^điểm$/iu);
    if (numberCol < 0 || textCol < 0 || pointsCol < 0) continue;
    const header = paragraphs[i]!.text.replace(/\t+/g, ' | ');
    // read, never written: plans head the evidence column "Tài liệu kiểm chứng" or, informally, "Minh chứng"
    const evidenceCol = col(/tài liệu kiểm chứng|minh\s+chứng/iu);
    const above = paragraphs.slice(Math.max(0, i - 4), i).reverse().find((p) => !p.cells && (KIND_WORD.collective.test(p.text) || KIND_WORD.individual.test(p.text)));
    const kind = above ? (KIND_WORD.individual.test(above.text) && !KIND_WORD.collective.test(above.text) ? 'individual' : KIND_WORD.collective.test(above.text) && !KIND_WORD.individual.test(above.text) ? 'collective' : undefined) : undefined;
    const rows: RubricTable['rows'] = [];
    let total: number | undefined;
    let j = i + 1;
    for (; j < paragraphs.length && paragraphs[j]!.cells; j++) {
      const row = paragraphs[j]!.cells!;
      if (row.some((c) => /^tổng( điểm| cộng)?$/iu.test(c))) {
        total = Number(row[pointsCol]?.replace(',', '.'));
        j++;
        break;
      }
      const number = (row[numberCol] ?? '').replace(/^0+(?=\d)/u, '').replace(/[.)]$/u, '');
      const points = Number((row[pointsCol] ?? '').replace(',', '.'));
      const text = (row[textCol] ?? '').trim();
      if (!/^[1-9]\d*$/u.test(number) || !Number.isFinite(points) || points <= 0 || !text) continue;
      const evidence = evidenceCol >= 0 ? row[evidenceCol]?.trim() : undefined;
      rows.push({ number, text, maxPoints: points, ...(evidence ? { evidence } : {}), source: paragraphs[j]!.text.replace(/\t+/g, ' | ') });
    }
    i = j - 1;
    if (rows.length > 0 && !kind) {
      warnings.push(`Bảng chấm điểm "${header}" không có tiêu đề cho biết của tập thể hay cá nhân (ví dụ "1. Đối với tập thể") ngay trên bảng: chưa đọc bảng này.`);
    }
    if (!kind || rows.length === 0) continue;
    const sum = rows.reduce((s, r) => s + r.maxPoints, 0);
    if (total !== undefined && Number.isFinite(total) && total !== sum) {
      warnings.push(`Bảng chấm điểm (${kind === 'collective' ? 'tập thể' : 'cá nhân'}): dòng Tổng điểm ghi ${total} nhưng cộng các tiêu chí được ${sum}; hãy kiểm tra lại điểm chuẩn.`);
    }
    tables.push({ kind, header: `${above!.text} — ${header}`, evidenceColumn: evidenceCol >= 0, rows });
  }
  return tables;
}

/**
 * Criteria listed in a "Tiêu chí"/"Tiêu chuẩn" section under "a) Đối với tập thể" / "b) Đối với cá nhân": each
 * paragraph (or "- " item) up to the next heading. Conditions with a count ("ít nhất 02 …", "… tuần liên tục", an
 * age) are eligibility rules the engine checks, not criteria a council rates: they are left out.
 */
function listedCriteria(body: Paragraph[]): Map<NomineeKind, Array<{ text: string; source: string }>> {
  const found = new Map<NomineeKind, Array<{ text: string; source: string }>>();
  let current: NomineeKind | undefined;
  let skipped = false;
  for (const p of body) {
    if (p.heading) {
      const own = stripNumber(p.text);
      const inCriteria = p.path.slice(0, -1).some((h) => /tiêu chí|tiêu chuẩn/iu.test(h));
      const m = re(`^(?:đối với\\s+)?(tập thể|cá nhân)[:.]?$`, 'iu').exec(own);
      current = inCriteria && m ? (m[1]!.toLowerCase() === 'tập thể' ? 'collective' : 'individual') : undefined;
      continue;
    }
    if (!current || p.cells) continue;
    const list = found.get(current) ?? [];
    if (continuesLine(p)) {
      // a line cut from the item before (page break): joined back, or left out with it
      const last = list[list.length - 1];
      if (!skipped && last) list[list.length - 1] = { text: `${last.text} ${p.text.trim()}`, source: `${last.source} … ${p.text.trim()}` };
      continue;
    }
    const text = p.text.replace(/^[-–•+]\s*/u, '');
    skipped = re(`(ít nhất|tối thiểu)\\s+\\d+|\\d+\\s+tuần\\s+liên tục|\\d+\\s+tuổi`, 'iu').test(text);
    if (skipped) continue;
    list.push({ text, source: p.text });
    found.set(current, list);
  }
  return found;
}

const trimCriterion = (text: string) => text.replace(/^[-–•+]\s*/u, '').trim();

/**
 * A line that goes on with the one before: it opens with a small letter (a sentence cut by a page or a column break,
 * "… sự đồng tâm, hiệp lực của" / "toàn xã hội …"); never a list item ("- …", "a) …").
 */
const continuesLine = (p: Paragraph) => !p.heading && !p.cells && /^\p{Ll}/u.test(p.text) && !/^[a-zđ]\)\s/u.test(p.text);

/** The heading of a plan's contents section (NĐ 30's "NỘI DUNG"): "II. NỘI DUNG THI ĐUA", "III. CÁC NỘI DUNG CHỦ YẾU". */
const CONTENTS_HEADING = /^(?:các\s+)?nội dung(?:\s+(?:thi đua|phong trào(?:\s+thi đua)?|chủ yếu|trọng tâm|cụ thể|thực hiện))*[:.]?$/iu;

/**
 * The items of the contents section: its first numbering under it (1., 2. … or a), b) …), each item's own text — the
 * heading line without its number, with lines cut from it joined back; its "- " sub-items say how, not what.
 */
function contentItems(body: Paragraph[]): Array<{ number: string; text: string; source: string }> {
  const section = body.find((p) => p.heading?.depth === 1 && CONTENTS_HEADING.test(stripNumber(p.text).trim()));
  if (!section) return [];
  const items: Array<{ number: string; text: string; source: string }> = [];
  let depth: number | undefined;
  let open: { number: string; text: string; source: string } | undefined;
  for (const p of body.slice(body.indexOf(section) + 1)) {
    if (p.heading?.depth === 1) break;
    if (p.heading && p.path.length === 2 && (depth === undefined || p.heading.depth === depth)) {
      depth = p.heading.depth;
      const text = p.text.replace(/^(?:\d{1,2}[.)]|[a-zđ]\))\s+/u, '').trim();
      open = { number: p.heading.number, text, source: p.text };
      items.push(open);
      continue;
    }
    if (open && continuesLine(p) && p.path.length === 2) {
      open.text = `${open.text} ${p.text.trim()}`;
      open.source = `${open.source} … ${p.text.trim()}`;
      continue;
    }
    open = undefined;
  }
  return items;
}

interface FoundDeadline {
  due: { everyYearBefore: string } | { before: string };
  kind?: DeadlineKind;
  submitTo?: string;
  source: string;
}

const QUARTER_END: Record<string, string> = { I: '04-01', II: '07-01', III: '10-01', IV: '01-01' };

/** Dates something is due by: "trước ngày …", "vào tháng M năm Y", "vào Quý III hằng năm", with what and to whom. */
function findDeadlines(all: string[], term: { from?: string; to?: string }): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  const termYear = term.from && term.to && term.from.slice(0, 4) === term.to.slice(0, 4) ? Number(term.to.slice(0, 4)) : term.to && !term.from ? undefined : undefined;
  for (const s of all) {
    const yearly = re(`(hằng|hàng)\\s+năm${END}`, 'iu').test(s);
    let due: FoundDeadline['due'] | undefined;
    const before = re(`trước\\s+ngày\\s+(\\d{1,2}\\s*(?:[/.-]|\\s+tháng\\s+)\\s*\\d{1,2}(?:\\s*(?:[/.-]|\\s+năm\\s+)\\s*\\d{4})?)`, 'iu').exec(s);
    const month = re(`vào\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})`, 'iu').exec(s);
    const quarter = re(`vào\\s+quý\\s+(I|II|III|IV)${END}`, 'iu').exec(s);
    if (before) {
      const d: PlanDate | undefined = parseDate(before[1]!);
      if (!d) continue;
      if (d.year) due = { before: isoOf({ ...d, year: d.year }) };
      else if (yearly) due = { everyYearBefore: monthDayOf(d) };
      else if (termYear) due = { before: isoOf({ ...d, year: termYear }) };
    } else if (month) {
      const m = Number(month[1]);
      if (m >= 1 && m <= 12) due = { before: firstOfNextMonth(m, Number(month[2])) };
    } else if (quarter && yearly) {
      due = { everyYearBefore: QUARTER_END[quarter[1]!.toUpperCase()]! };
    }
    if (!due) continue;
    if (!/gửi|nộp|báo cáo|đăng ký|hồ sơ|xét|kết quả|tổng kết|sơ kết/iu.test(s)) continue;
    const kind: DeadlineKind | undefined = /đăng ký/iu.test(s)
      ? 'registration'
      : /hồ sơ đề nghị|gửi hồ sơ|nộp hồ sơ/iu.test(s)
        ? 'dossier'
        : /xét khen thưởng|bình xét|họp xét/iu.test(s)
          ? 'review'
          : /báo cáo|kết quả|tổng kết|sơ kết/iu.test(s)
            ? 'report'
            : undefined;
    const to = re(`(?:gửi|nộp)(?:\\s[^,;.]*?)?\\s+về\\s+((?:[^,;.()]|\\([^)]*\\))+?)(?=\\s*(?:,|;|\\.|\\sđể${END}|\\strước${END}|\\svào${END}|\\sđể|$))`, 'iu').exec(s);
    const submitTo = to?.[1]?.trim();
    found.push({ due, ...(kind ? { kind } : {}), ...(submitTo ? { submitTo } : {}), source: s });
  }
  return found;
}

const DOCUMENT = /^(Tờ trình|Biên bản|Báo cáo thành tích|Báo cáo tóm tắt thành tích|Bản tóm tắt thành tích|Quyết định|Bản tự đánh giá|Bảng tự đánh giá|Danh sách|Bản sao|Giấy chứng nhận|Văn bản đề nghị|Bản đăng ký)/iu;

/** The documents of the award dossier: items under a "Hồ sơ đề nghị khen thưởng" heading, or "Hồ sơ gồm: …; …". */
function dossierDocuments(body: Paragraph[]): Array<{ name: string; head: string; source: string }> {
  const docs: Array<{ name: string; head: string; source: string }> = [];
  const push = (item: string, source: string) => {
    const text = item.replace(/^[-–•+]\s*/u, '').trim();
    const m = DOCUMENT.exec(text);
    if (!m) return;
    const name = text.split(/\s*[(;]|\.\s|\.$/u)[0]!.trim();
    const head = m[1]!.toLowerCase();
    if (docs.some((d) => d.head === head)) return;
    docs.push({ name, head, source });
  };
  for (const p of body) {
    const heading = p.path[p.path.length - 1] ?? '';
    const dossierHeading = /hồ sơ/iu.test(heading) && /khen thưởng/iu.test(heading) && !/đăng ký/iu.test(heading);
    if (dossierHeading && !p.heading) push(p.text, p.text);
    const list = re(`hồ sơ\\s+(?:đề nghị\\s+)?khen thưởng[^:]*\\s(?:gồm|bao gồm)(?:\\s+có)?\\s*:\\s*(.+)$`, 'iu').exec(p.text);
    if (list) for (const item of list[1]!.split(/;\s*|,\s+(?=\p{Lu})/u)) push(item, p.text);
    // a report of achievements the units must complete for the award dossier, named in running text
    if (/khen thưởng/iu.test(p.text)) {
      for (const m of p.text.matchAll(re(`(?:hoàn thiện|lập|gửi|nộp|kèm theo|kèm)\\s+(báo cáo thành tích(?:\\s+\\([^)]*\\))?)`, 'giu'))) push(capitalise(m[1]!), p.text);
    }
  }
  return docs;
}
