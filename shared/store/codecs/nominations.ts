import { findAward, type Campaign } from '../../domain/campaign.js';
import { formatOfficialDate, formatVietnameseDate, toVietnamIso } from '../../domain/dates.js';
import type { Decision } from '../../domain/decide.js';
import type { Finding, FindingCode } from '../../domain/findings.js';
import type { NomineeIdentity } from '../../domain/intake.js';
import { FIELD_LABEL, parseNomination, type Nomination } from '../../domain/nomination.js';
import { Review } from '../../domain/review.js';
import { APPRAISAL_LABEL, CHOICE_LABEL, FORMER_STATUS_LABEL, NOMINEE_KIND_LABEL, NomineeKind, STAGE_LABEL, STATUS_LABEL, type NominationStatus } from '../../domain/vocabulary.js';
import type { Column, TabLayout } from '../layouts.js';
import type { Row } from '../table-store.js';
import { enumOfLabel } from './labels.js';
import { numberCell } from './rows.js';

/**
 * The nominations tab ("Hồ sơ đề nghị"): one row per nomination — the nominee's fields as submitted, the engine's
 * computed columns and the council's review columns. Labels become enums here and enums labels; nothing else reads
 * or writes the tab's cells.
 */

/** The engine's computed columns of a row: what a decision writes. */
export type DecisionState = Pick<Decision, 'responseId' | 'total' | 'selfTotal' | 'rank' | 'status' | 'stage' | 'findings' | 'council'>;

/** Fields whose changes the audit records, by their label in the audit tab. */
export const AUDITED_ENGINE_FIELDS = { status: 'Trạng thái', total: 'Điểm xét' } as const;
export const AUDITED_COUNCIL_FIELDS = { appraisal: 'Thẩm định', reason: 'Lý do', choice: 'Hội đồng chọn', decisionNumber: 'Số quyết định khen thưởng' } as const;
type AuditedField = keyof typeof AUDITED_ENGINE_FIELDS | keyof typeof AUDITED_COUNCIL_FIELDS;

/** A nomination as stored: the nomination, the engine's status as last written, the council's review, and the audited cells as shown. */
export interface StoredNomination {
  nomination: Nomination;
  /** The status the sheet shows, as a value of the closed set (undefined when a hand edit left a word the set does not know). */
  status: NominationStatus | undefined;
  review: Review | undefined;
  /** The audited cells as the sheet shows them: the audit records old and new values as the council saw them. */
  shown: Record<AuditedField, string>;
  /** The row of the sheet it was read from (2 for the first nomination), to name it in a message. */
  row?: number;
}

/** Reads a row into a stored nomination, or says why it cannot (tab, row, column); a bad review is reported but keeps the nomination. */
export function readStoredNomination(row: Row, tab: TabLayout, campaign: Campaign): { ok: true; stored: StoredNomination; problem?: string } | { ok: false; problem: string } {
  const read = readNominationRow(row, tab, campaign);
  if (!read.ok) return read;
  const review = readReviewRow(row, tab);
  const shown = { status: show(row.status), total: show(row.total), appraisal: show(row.appraisal), reason: show(row.reason), choice: show(row.choice), decisionNumber: show(row.decisionNumber) };
  const stored: StoredNomination = { nomination: read.nomination, status: enumOfLabel(STATUS_LABEL, row.status, FORMER_STATUS_LABEL), review: review.ok ? review.review : undefined, shown, ...(typeof row.__row === 'number' ? { row: row.__row } : {}) };
  return review.ok ? { ok: true, stored } : { ok: true, stored, problem: `Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: ${review.problem}` };
}

/** The audited engine fields of a decision, as the sheet will show them. */
export function shownDecision(d: Pick<Decision, 'status' | 'total'>): Record<keyof typeof AUDITED_ENGINE_FIELDS, string> {
  return { status: STATUS_LABEL[d.status], total: String(d.total) };
}

/** A review as the cells it writes on its nomination's row (only what it says), with who wrote it. */
export function reviewRow(review: Review, by: string): Row {
  const row: Row = { responseId: review.responseId, updatedBy: by };
  if (review.appraisal !== undefined) row.appraisal = APPRAISAL_LABEL[review.appraisal];
  if (review.reason !== undefined) row.reason = review.reason;
  if (review.choice !== undefined) row.choice = CHOICE_LABEL[review.choice];
  if (review.decisionNumber !== undefined) row.decisionNumber = review.decisionNumber;
  if (review.decisionDate !== undefined) row.decisionDate = formatOfficialDate(review.decisionDate);
  return row;
}

/** The audited council cells a review writes, as the sheet will show them (only those it says). */
export function shownReview(review: Review): Partial<Record<keyof typeof AUDITED_COUNCIL_FIELDS, string>> {
  const row = reviewRow(review, '');
  const shown: Partial<Record<keyof typeof AUDITED_COUNCIL_FIELDS, string>> = {};
  for (const key of ['appraisal', 'reason', 'choice', 'decisionNumber'] as const) if (row[key] !== undefined) shown[key] = show(row[key]);
  return shown;
}

/** A cell as text ('' for an empty one). */
export const show = (value: Row[string] | undefined): string => (value === null || value === undefined ? '' : String(value));

/** A nomination as a row of the nominations tab (computed columns left to `decisionRow`). */
export function nominationRow(n: Nomination, receivedAt: Date, criteria: readonly string[]): Row {
  const row: Row = {
    responseId: n.responseId,
    submittedAt: toVietnamIso(n.submittedAt),
    receivedAt: toVietnamIso(receivedAt),
    award: n.award,
    kind: NOMINEE_KIND_LABEL[n.kind],
    name: n.name,
    unit: n.unit,
    position: n.position ?? null,
    birthDate: n.birthDate ? formatVietnameseDate(n.birthDate) : null,
    gender: n.gender ?? null,
    womenShare: n.womenShare ?? null,
    year: n.year ?? null,
    email: n.email ?? null,
    block: n.block ?? null,
    quizAccount: n.quizAccount ?? null,
  };
  for (const c of criteria) {
    const score = n.selfScores[c];
    row[`score.${c}`] = numberCell(score);
    row[`evidence.${c}`] = n.evidence[c] ?? null;
  }
  return row;
}

/** The computed columns of a nomination's row after the engine has decided on it. */
export function decisionRow(d: DecisionState): Row {
  return {
    responseId: d.responseId,
    selfTotal: d.selfTotal,
    total: d.total,
    rank: d.rank ?? null,
    status: STATUS_LABEL[d.status],
    stage: STAGE_LABEL[d.stage],
    findings: findingsText(d.findings),
    findingCodes: d.findings.map((f) => f.code).join(', '),
    councilSpread: councilSpreadText(d.council),
  };
}

/** Each member's total and distance from the others, for the council to see at a glance. */
function councilSpreadText(members: Decision['council']): string | null {
  if (!members?.length) return null;
  const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return members
    .map((m) => `${m.member}: ${m.total}${m.recused ? ' (không chấm: cùng đơn vị)' : m.deviation !== undefined ? ` (lệch ${vi.format(m.deviation)}${m.outlier ? ', lệch nhiều' : ''})` : ''}`)
    .join('\n');
}

/** The council's review columns of a nominations-tab row (appraisal, reason, choice, decision), parsed. */
export function readReviewRow(row: Row, tab: TabLayout): { ok: true; review: Review } | { ok: false; problem: string } {
  const parsed = Review.safeParse({
    responseId: row.responseId === null ? undefined : String(row.responseId),
    appraisal: row.appraisal ?? undefined,
    reason: row.reason ?? undefined,
    choice: row.choice ?? undefined,
    decisionNumber: row.decisionNumber ?? undefined,
    decisionDate: row.decisionDate ?? undefined,
    updatedBy: row.updatedBy ?? undefined,
  });
  if (parsed.success) return { ok: true, review: parsed.data };
  return { ok: false, problem: parsed.error.issues.map((i) => `cột "${headerOf(tab, String(i.path[0] ?? ''))}": ${i.message}`).join('; ') };
}

export const findingsText = (findings: readonly Finding[]): string => findings.map((f) => `• ${f.message}`).join('\n');

/** A nomination read back from the sheet, or why a row could not be read (naming tab, row and column). */
export type RowRead = { ok: true; nomination: Nomination } | { ok: false; problem: string };

/** Reads a nominations-tab row back into the nomination contract, parsing it exactly as any other input. */
export function readNominationRow(row: Row, tab: TabLayout, campaign: Campaign): RowRead {
  const kind = enumOfLabel(NOMINEE_KIND_LABEL, row.kind) ?? row.kind;
  const selfScores: Record<string, unknown> = {};
  const evidence: Record<string, unknown> = {};
  for (const column of tab.columns) {
    const [field, number] = column.key.split('.');
    const value = row[column.key];
    if (number === undefined || value === null || value === '') continue;
    if (field === 'score') selfScores[number] = value;
    if (field === 'evidence') evidence[number] = value;
  }
  const raw = {
    responseId: row.responseId === null ? undefined : String(row.responseId),
    submittedAt: row.submittedAt,
    campaign: campaign.id,
    award: row.award,
    kind,
    name: row.name,
    unit: row.unit,
    position: row.position ?? undefined,
    birthDate: row.birthDate ?? undefined,
    gender: row.gender ?? undefined,
    womenShare: row.womenShare ?? undefined,
    year: row.year ?? undefined,
    email: row.email ?? undefined,
    block: row.block ?? undefined,
    quizAccount: row.quizAccount ?? undefined,
    selfScores: onlyRubricScores(selfScores, campaign, kind),
    evidence,
  };
  const parsed = parseNomination(raw);
  if (parsed.ok) return parsed;
  const where = parsed.findings.map((f) => `cột "${headerOf(tab, f.field)}": ${f.message}`).join('; ');
  return { ok: false, problem: `Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: ${where}` };
}

/**
 * The columns of the nominations tab intake reads in Google mode (its compact index): the key, and what a nominee key
 * and its evaluation year are made of (`nomineeKey`, `evaluationYear`) — not the scores, evidence or computed columns.
 */
export const IDENTITY_COLUMNS = ['responseId', 'submittedAt', 'award', 'kind', 'name', 'unit', 'birthDate', 'year'] as const;

/**
 * Reads a row of the nominations tab, whole or holding only IDENTITY_COLUMNS, into what intake needs of it: its cells
 * read as `readNominationRow` reads them (the same nominee, the same key), the other cells left out whatever they hold.
 */
export function readNomineeIdentityRow(row: Row, tab: TabLayout, campaign: Campaign): { ok: true; identity: NomineeIdentity } | { ok: false; problem: string } {
  const only: Row = Object.fromEntries(IDENTITY_COLUMNS.map((key) => [key, row[key] ?? null]));
  if (row.__row !== undefined) only.__row = row.__row;
  const read = readNominationRow(only, tab, campaign);
  if (!read.ok) return read;
  const { responseId, submittedAt, award, kind, name, unit, birthDate, year } = read.nomination;
  return { ok: true, identity: { responseId, submittedAt, campaign: read.nomination.campaign, award, kind, name, unit, ...(birthDate === undefined ? {} : { birthDate }), ...(year === undefined ? {} : { year }) } };
}

/** Per-criterion columns are the union of all kinds' rubrics: keep only those of this nominee's kind. */
function onlyRubricScores(scores: Record<string, unknown>, campaign: Campaign, kind: unknown): Record<string, unknown> {
  const rubric = typeof kind === 'string' ? campaign.rubrics[kind as NomineeKind] : undefined;
  if (!rubric) return scores;
  return Object.fromEntries(rubric.criteria.filter((c) => c.number in scores).map((c) => [c.number, scores[c.number]]));
}

function headerOf(tab: TabLayout, field: string): string {
  const [top, number] = field.split('.');
  const key = top === 'selfScores' ? `score.${number}` : top === 'evidence' ? `evidence.${number}` : (top ?? '');
  return tab.columns.find((c: Column) => c.key === key)?.header ?? FIELD_LABEL[key] ?? field;
}

/** The findings the results tab notes: the quota line, the council's choice, a tie settled by its vote, a pending vote. */
const RESULT_NOTE_CODES: readonly FindingCode[] = ['QUOTA_TIE', 'QUOTA_EXCEEDED', 'COUNCIL_SELECTION_EXCEEDS', 'QUOTA_TIE_SETTLED_BY_VOTE', 'QUOTA_TIE_LOST_BY_VOTE', 'VOTE_PENDING'];

/** The results tab: per award (in template order), kind and year, the eligible nominations by rank, with the quota. */
export function resultRows(campaign: Campaign, decisions: readonly Decision[], nominations: ReadonlyMap<string, Nomination>): Row[] {
  const ranked = decisions.filter((d) => d.rank !== undefined);
  const awardOrder = (id: string) => campaign.awards.findIndex((a) => a.id === id);
  ranked.sort((a, b) => awardOrder(a.award) - awardOrder(b.award) || NomineeKind.indexOf(a.kind) - NomineeKind.indexOf(b.kind) || a.year - b.year || (a.block ?? '').localeCompare(b.block ?? '', 'vi') || a.rank! - b.rank!);
  return ranked.map((d) => {
    const n = nominations.get(d.responseId)!;
    const award = findAward(campaign, d.award);
    return {
      award: award?.name ?? d.award,
      kind: NOMINEE_KIND_LABEL[d.kind],
      year: d.year,
      block: d.block ?? null,
      rank: d.rank ?? null,
      name: n.name,
      unit: n.unit,
      total: d.total,
      quota: (campaign.blocks ? award?.quotaPerBlockPerYear?.[d.kind] : award?.quotaPerYear[d.kind]) ?? null,
      status: STATUS_LABEL[d.status],
      note: findingsText(d.findings.filter((f) => RESULT_NOTE_CODES.includes(f.code))),
      responseId: d.responseId,
    };
  });
}
