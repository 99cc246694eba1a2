import { isRated, type Award, type Campaign, type Criterion } from '../domain/campaign.js';
import { nomineeRecordKey, type AwardHistoryRow } from '../domain/datasets.js';
import type { Decision } from '../domain/decide.js';
import type { MeetingMinutes } from '../domain/meeting-minutes.js';
import type { Nomination } from '../domain/nomination.js';
import type { Level, NomineeKind } from '../domain/vocabulary.js';
import type { AwardListContent } from './award-list-content.js';
import { officialDate } from './official-date.js';

/**
 * What the council's dossier says besides the layout: the legal bases as they read on the document's date, the counts
 * per kind, each nominee's self-assessment, and the checklist of the template's dossier documents showing what is
 * missing. Pure: the writers (dossier-docx.ts) lay these out.
 */

/**
 * A legal basis as it reads on a date: the template may write a replacement in brackets, "Nghị định số 98/2023/NĐ-CP
 * (thay thế từ 01/7/2025 bởi Nghị định số 152/2025/NĐ-CP)"; before that day the first decree is cited, from it the second.
 *
 * @example basisOn('Nghị định số 98/2023/NĐ-CP (thay thế từ 01/7/2025 bởi Nghị định số 152/2025/NĐ-CP)', '2025-09-25') === 'Nghị định số 152/2025/NĐ-CP'
 */
export function basisOn(basis: string, isoDate: string): string {
  const replaced = /^(.*?)\s*\(thay thế từ (\d{1,2})\/(\d{1,2})\/(\d{4}) bởi (.+)\)$/u.exec(basis);
  if (!replaced) return basis;
  const from = `${replaced[4]}-${replaced[3]!.padStart(2, '0')}-${replaced[2]!.padStart(2, '0')}`;
  return isoDate >= from ? replaced[5]! : replaced[1]!;
}

/** "Căn cứ …;" lines: the template's legal bases on the date, then the plan itself. */
export function legalBases(campaign: Campaign, isoDate: string | undefined): string[] {
  const date = isoDate ?? campaign.term.to;
  return [...campaign.legalBasis.map((b) => basisOn(b, date)), campaign.plan.reference].map((b) => `Căn cứ ${b};`);
}

/** Counts of an award's list per kind: "02 tập thể và 05 cá nhân". */
export function countsOf(content: AwardListContent): Record<NomineeKind, number> {
  const count = (kind: NomineeKind) => content.sections.find((s) => s.kind === kind)?.entries.length ?? 0;
  return { collective: count('collective'), individual: count('individual') };
}

export function countsPhrase(counts: Record<NomineeKind, number>): string {
  const parts = [counts.collective ? `${String(counts.collective).padStart(2, '0')} tập thể` : '', counts.individual ? `${String(counts.individual).padStart(2, '0')} cá nhân` : ''].filter(Boolean);
  return parts.join(' và ') || '00 tập thể, cá nhân';
}

/** One criterion of a nominee's self-assessment, as the achievement report prints it. */
export interface SelfAssessmentRow {
  number: string;
  text: string;
  /** "15", or the scale's words for a rated criterion. */
  max: string;
  self: string;
  evidence: string;
}

/** The nominee's self-assessed points and tài liệu kiểm chứng per criterion of the rubric for its kind. */
export function selfAssessment(campaign: Campaign, nomination: Nomination): { rows: SelfAssessmentRow[]; total: string; missingEvidence: string[] } {
  const criteria: Criterion[] = campaign.rubrics[nomination.kind]?.criteria ?? [];
  const requireEvidence = campaign.rubrics[nomination.kind]?.evidence === 'each-criterion';
  let total = 0;
  const rows = criteria.map((c) => {
    const raw = nomination.selfScores[c.number];
    const points = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw.replace(',', '.'))) ? Number(raw.replace(',', '.')) : undefined;
    if (points !== undefined && !isRated(c)) total += points;
    const self = points !== undefined ? formatPoints(points) : raw === undefined || raw === null || raw === '' ? '' : String(raw);
    return { number: c.number, text: c.text, max: isRated(c) ? 'Theo thang đánh giá' : formatPoints(c.maxPoints), self, evidence: nomination.evidence[c.number] ?? '' };
  });
  const missingEvidence = requireEvidence ? rows.filter((r) => !r.evidence).map((r) => r.number) : [];
  return { rows, total: criteria.some((c) => !isRated(c)) ? formatPoints(total) : '', missingEvidence };
}

const formatPoints = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

/** The nominee's earlier awards, newest first: "Giấy khen của Chủ tịch UBND xã năm 2023 (Quyết định số 12/QĐ-UBND ngày 05/02/2024)". */
export function earlierAwards(nomination: Nomination, year: number, history: ReadonlyMap<string, readonly AwardHistoryRow[]> | undefined): string[] {
  return (history?.get(nomineeRecordKey(nomination.name, nomination.unit)) ?? [])
    .filter((h) => h.year <= year)
    .sort((a, b) => b.year - a.year)
    .map((h) => `${h.award} năm ${h.year} (Quyết định số ${h.decisionNumber} ngày ${officialDate(h.decisionDate, 'slashes')})`);
}

// ── The checklist ────────────────────────────────────────────────────────────────────────────────────────────────

export type ItemStatus = 'made' | 'present' | 'missing' | 'check';
export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = { made: 'Đã tạo (chờ ký, đóng dấu)', present: 'Đã có', missing: 'Còn thiếu', check: 'Thư ký kiểm tra bản giấy' };

export interface ChecklistItem {
  document: string;
  status: ItemStatus;
  detail: string;
}

export interface LevelChecklist {
  award: Award;
  /** Sets to submit (the template's copies), or undefined when the plan does not say. */
  sets?: number;
  /** The documents of the whole level (the submission, the minutes). */
  level: ChecklistItem[];
  nominees: Array<{ responseId: string; name: string; unit: string; items: ChecklistItem[] }>;
}

/** Documents made once per level; every other document of the template is made per nominee. */
const LEVEL_DOCUMENTS = /^(to-trinh|bien-ban)/;
const LEVEL_RANK: Record<Level, number> = { commune: 0, 'district-agency': 1, district: 1, province: 2, central: 3 };

/**
 * The dossier of one level (an award's list) against the template's documents and number of sets: the documents this
 * export makes, what the store shows present (an earlier decision of a lower level, in the award history), and what is
 * missing (no minutes yet, a criterion without tài liệu kiểm chứng, a nominee the council did not pass). Pure.
 */
export function levelChecklist(
  content: AwardListContent,
  nominations: ReadonlyMap<string, Nomination>,
  decisions: readonly Decision[],
  minutes: MeetingMinutes | undefined,
  history: ReadonlyMap<string, readonly AwardHistoryRow[]> | undefined,
  files: { toTrinh: string; minutes?: string; report: (responseId: string) => string },
): LevelChecklist {
  const { campaign, award, year } = content;
  const sets = campaign.dossier.copies.find((c) => c.award === award.id)?.sets;
  const level = campaign.dossier.documents
    .filter((d) => LEVEL_DOCUMENTS.test(d.id))
    .map((d): ChecklistItem => {
      if (d.id.startsWith('to-trinh')) return { document: d.name, status: 'made', detail: files.toTrinh };
      return minutes && files.minutes ? { document: d.name, status: 'made', detail: files.minutes } : { document: d.name, status: 'missing', detail: 'Chưa có biên bản họp xét: thư ký ghi tệp biên bản (--bien-ban) rồi xuất lại.' };
    });
  const listed = content.sections.flatMap((s) => s.entries.map((e) => e.name));
  const proposed = decisions.filter((d) => d.award === award.id && d.year === year && (d.status === 'proposed' || d.status === 'awarded'));
  const nominees = proposed
    .map((d) => nominations.get(d.responseId)!)
    .sort((a, b) => listed.indexOf(a.name) - listed.indexOf(b.name))
    .map((n) => ({ responseId: n.responseId, name: n.name, unit: n.unit, items: nomineeItems(campaign, award, year, n, minutes, history, files.report(n.responseId)) }));
  return { award, ...(sets ? { sets } : {}), level, nominees };
}

function nomineeItems(campaign: Campaign, award: Award, year: number, n: Nomination, minutes: MeetingMinutes | undefined, history: ReadonlyMap<string, readonly AwardHistoryRow[]> | undefined, reportFile: string): ChecklistItem[] {
  const items = campaign.dossier.documents
    .filter((d) => !LEVEL_DOCUMENTS.test(d.id))
    .map((d): ChecklistItem => {
      if (d.id.startsWith('bao-cao-thanh-tich')) {
        const { missingEvidence } = selfAssessment(campaign, n);
        return missingEvidence.length
          ? { document: d.name, status: 'missing', detail: `${reportFile}; thiếu tài liệu kiểm chứng tiêu chí ${missingEvidence.join(', ')}` }
          : { document: d.name, status: 'made', detail: reportFile };
      }
      if (d.id.startsWith('quyet-dinh')) {
        const lower = (history?.get(nomineeRecordKey(n.name, n.unit)) ?? []).filter((h) => LEVEL_RANK[h.level] < LEVEL_RANK[award.authority.level] && h.year <= year).sort((a, b) => b.year - a.year)[0];
        return lower
          ? { document: d.name, status: 'present', detail: `Quyết định số ${lower.decisionNumber} ngày ${officialDate(lower.decisionDate, 'slashes')} (${lower.award} năm ${lower.year})` }
          : { document: d.name, status: 'missing', detail: 'Sổ chưa có quyết định khen thưởng của cấp dưới cho tập thể, cá nhân này (trang tính lịch sử khen thưởng).' };
      }
      return { document: d.name, status: 'check', detail: '' };
    });
  if (minutes) {
    const row = minutes.rows.find((r) => r.responseId === n.responseId);
    items.push(
      !row
        ? { document: 'Kết quả biểu quyết của Hội đồng', status: 'missing', detail: 'Không có trong biên bản họp xét.' }
        : row.passed
          ? { document: 'Kết quả biểu quyết của Hội đồng', status: 'present', detail: `Đạt: ${row.votesFor}/${row.total} phiếu đồng ý` }
          : { document: 'Kết quả biểu quyết của Hội đồng', status: 'missing', detail: `Không đạt: ${row.votesFor}/${row.total} phiếu đồng ý` },
    );
  }
  return items;
}
