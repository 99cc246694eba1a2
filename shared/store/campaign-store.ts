import { auditChanges, lastKnown, setField, type AuditEntry, type FieldValues } from '../domain/audit.js';
import type { Campaign } from '../domain/campaign.js';
import type { CouncilScoreEntry } from '../domain/council.js';
import { indexDatasets, type AwardHistoryRow, type Datasets, type DatasetId, type ModelRegistrationRow, type QuizLogRow } from '../domain/datasets.js';
import { toVietnamIso } from '../domain/dates.js';
import { decide, type Decision } from '../domain/decide.js';
import type { Finding } from '../domain/findings.js';
import { IntakeSession, type IntakeOutcome } from '../domain/intake.js';
import { parseNomination, type Nomination } from '../domain/nomination.js';
import type { Review } from '../domain/review.js';
import { APPRAISAL_LABEL, CHOICE_LABEL, STATUS_LABEL } from '../domain/vocabulary.js';
import { councilRow, datasetRow, readCouncilRow, readDatasetRows } from './dataset-rows.js';
import { criterionNumbers, layoutsFor, type TabId, type TabLayout } from './layouts.js';
import { decisionRow, findingsText, nominationRow, readNominationRow, readReviewRow, resultRows } from './nomination-rows.js';
import { StoreError, type Row, type TableStore, type TableWrite } from './table-store.js';

/** One submission as it arrived at a door, with where it came from ("cli:file.json#3", "http"). */
export interface Submission {
  payload: unknown;
  source: string;
}

/** `update`: an edited form response (stored responseId, later submittedAt) rewrites its row; default: ignored. */
export interface IntakeOptions {
  edits?: 'ignore' | 'update';
}

/** What became of one submission; `edited` when it rewrote the row of an earlier version of the same response. */
export type IntakeResult = IntakeOutcome & { edited?: true };

/** Everything the engine needs, as read from the store, with the rows that could not be read. */
export interface Snapshot {
  nominations: Nomination[];
  reviews: Map<string, Review>;
  councilScores: CouncilScoreEntry[];
  datasets: Datasets;
  /** The computed columns as the sheet holds them now, by responseId (for the audit and awarded rows). */
  stored: Map<string, Row>;
  /** The audit tab as it stands (what was last recorded of each field). */
  audit: Row[];
  /** The results tab as it stands. */
  results: Row[];
  problems: string[];
}

const SETTINGS_CAMPAIGN = 'Mã phong trào';
const DATASET_TAB: Record<DatasetId, TabId> = { 'quiz-log': 'quizLog', 'award-history': 'awardHistory', 'model-registrations': 'registrations' };
/** Fields the engine owns whose changes are audited on every recompute: status and score (rank and stage follow from them). */
const ENGINE_FIELDS = [['status', 'Trạng thái'], ['total', 'Điểm xét']] as const;
/** Fields the council owns, audited when they change (by CLI or by hand in the sheet). */
const COUNCIL_FIELDS = [['appraisal', 'Thẩm định'], ['reason', 'Lý do'], ['choice', 'Hội đồng chọn'], ['decisionNumber', 'Số quyết định khen thưởng']] as const;

/**
 * The council's workbook for one campaign, over any TableStore. Each job reads once and writes once.
 */
export class CampaignStore {
  private readonly tabs: Map<TabId, TabLayout>;

  private constructor(
    private readonly tables: TableStore,
    readonly campaign: Campaign,
  ) {
    this.tabs = layoutsFor(campaign);
  }

  /**
   * Creates (or completes) the campaign's tabs and records which campaign the workbook belongs to. Idempotent:
   * settings the council has already filled in (document numbers, signer, …) are kept.
   */
  static async init(tables: TableStore, campaign: Campaign): Promise<CampaignStore> {
    const store = new CampaignStore(tables, campaign);
    await tables.ensureTabs([...store.tabs.values()]);
    const existing = await store.settings();
    const defaults: Array<[string, string]> = [
      [SETTINGS_CAMPAIGN, campaign.id],
      ['Tên phong trào', campaign.title],
      ['Cơ quan ban hành', campaign.issuer.name],
      ['Thời gian', `${campaign.term.from} – ${campaign.term.to}`],
    ];
    const missing = defaults.filter(([key]) => !existing.has(key)).map(([key, value]): Row => ({ key, value }));
    if (missing.length) await tables.write([{ tab: store.tab('settings'), append: missing }]);
    return store;
  }

  /** Opens an existing workbook: finds its campaign in the settings tab. */
  static async open(tables: TableStore, campaigns: ReadonlyMap<string, Campaign>): Promise<CampaignStore> {
    const any = campaigns.values().next().value;
    if (!any) throw new StoreError('Không có mẫu phong trào nào.');
    const settingsTab = layoutsFor(any).get('settings')!;
    const rows = (await tables.readTabs([settingsTab])).get('settings') ?? [];
    const id = rows.find((r) => r.key === SETTINGS_CAMPAIGN)?.value;
    const campaign = typeof id === 'string' ? campaigns.get(id) : undefined;
    if (!campaign) throw new StoreError(`Trang tính "${settingsTab.title}" không ghi mã phong trào hợp lệ ("${String(id ?? '')}").`, { tab: settingsTab.title });
    return new CampaignStore(tables, campaign);
  }

  tab(id: TabId): TabLayout {
    return this.tabs.get(id)!;
  }

  /** The settings tab as key → value (values as text). */
  async settings(): Promise<Map<string, string>> {
    const rows = (await this.tables.readTabs([this.tab('settings')])).get('settings') ?? [];
    return new Map(rows.filter((r) => r.key !== null).map((r) => [String(r.key), r.value === null ? '' : String(r.value)]));
  }

  /** Reads everything the engine needs in one call; unreadable rows are reported, never dropped silently or overwritten. */
  async snapshot(): Promise<Snapshot> {
    const ids: TabId[] = ['nominations', 'councilScores', 'awardHistory', 'registrations', 'quizLog', 'audit', 'results'];
    const tables = await this.tables.readTabs(ids.map((id) => this.tab(id)));
    const problems: string[] = [];
    const nominations: Nomination[] = [];
    const reviews = new Map<string, Review>();
    const stored = new Map<string, Row>();
    for (const row of tables.get('nominations') ?? []) {
      const read = readNominationRow(row, this.tab('nominations'), this.campaign);
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      nominations.push(read.nomination);
      stored.set(read.nomination.responseId, row);
      const review = readReviewRow(row);
      if (review.ok) reviews.set(read.nomination.responseId, review.review);
      else problems.push(`Trang tính "${this.tab('nominations').title}", hàng ${String(row.__row ?? '?')}: ${review.problem}`);
    }
    const councilScores: CouncilScoreEntry[] = [];
    for (const row of tables.get('councilScores') ?? []) {
      const read = readCouncilRow(row, this.tab('councilScores'));
      if (read.ok) councilScores.push(read.entry);
      else problems.push(read.problem);
    }
    const dataset = <T>(id: DatasetId): T[] => {
      const { rows, problems: p } = readDatasetRows(id, tables.get(DATASET_TAB[id]) ?? [], this.tab(DATASET_TAB[id]));
      problems.push(...p);
      return rows as T[];
    };
    const datasets = indexDatasets({
      quizLog: dataset<QuizLogRow>('quiz-log'),
      awardHistory: dataset<AwardHistoryRow>('award-history'),
      registrations: dataset<ModelRegistrationRow>('model-registrations'),
    });
    return { nominations, reviews, councilScores, datasets, stored, audit: tables.get('audit') ?? [], results: tables.get('results') ?? [], problems };
  }

  /** Decides on every nomination with everything the store holds (council, reviews, datasets), writing nothing. */
  async evaluate(): Promise<{ decisions: Decision[]; nominations: Nomination[]; problems: string[] }> {
    const snap = await this.snapshot();
    const decisions = decide(this.campaign, snap.nominations, { datasets: snap.datasets, councilScores: snap.councilScores, reviews: snap.reviews });
    return { decisions, nominations: snap.nominations, problems: snap.problems };
  }

  /**
   * Takes submissions in, one by one, in one read and one write: accepted ones are stored with their findings,
   * rejected ones recorded in the rejections tab, repeated deliveries of a stored responseId change nothing.
   * Rules that need datasets are checked at the next recompute.
   *
   * With `{ edits: 'update' }` (form sync), a stored responseId arriving with a later `submittedAt` — an edited form
   * response: same id, newer lastSubmittedTime — is taken in again and rewrites its row (nominee fields, scores,
   * computed columns; the council's columns are kept); its outcome says `edited: true`. An awarded row never changes.
   */
  intake(submissions: readonly Submission[], now: Date, options: IntakeOptions = {}): Promise<IntakeResult[]> {
    return this.tables.exclusive(async () => {
      // the rejections tab is read too, so the write places its rows without reading again (one read, one write)
      const rows = (await this.tables.readTabs([this.tab('nominations'), this.tab('rejections')])).get('nominations') ?? [];
      const stored = new Map<string, { nomination: Nomination; row: Row }>();
      for (const row of rows) {
        const read = readNominationRow(row, this.tab('nominations'), this.campaign);
        if (read.ok) stored.set(read.nomination.responseId, { nomination: read.nomination, row });
      }
      const parsed = submissions.map(({ payload }) => {
        const p = parseNomination(payload);
        return p.ok ? p.nomination : undefined;
      });
      const edits = options.edits === 'update' ? latestEdits(parsed, stored) : new Map<string, number>();
      const session = new IntakeSession(this.campaign, [...stored.values()].map((s) => s.nomination).filter((n) => !edits.has(n.responseId)));
      const criteria = criterionNumbers(this.campaign);
      const accepted: Row[] = [];
      const updated: Row[] = [];
      const rejected: Row[] = [];
      const audit: AuditEntry[] = [];
      const at = toVietnamIso(now);
      const outcomes = submissions.map(({ payload, source }, index): IntakeResult => {
        const id = parsed[index]?.responseId;
        if (id !== undefined && edits.has(id) && edits.get(id) !== index) return { kind: 'duplicate', responseId: id };
        const outcome = session.take(payload);
        if (outcome.kind === 'accepted') {
          const row = {
            ...nominationRow(outcome.nomination, now, criteria),
            ...decisionRow({ responseId: outcome.nomination.responseId, status: outcome.status, stage: 'submitted', findings: outcome.findings, total: outcome.total, selfTotal: outcome.total, council: undefined }),
          };
          const before = id === undefined ? undefined : stored.get(id);
          if (before && edits.get(outcome.nomination.responseId) === index) {
            updated.push(row);
            audit.push({ at, by: `sửa hồ sơ (${source})`, responseId: before.nomination.responseId, field: 'Thời điểm nộp', old: toVietnamIso(before.nomination.submittedAt), new: toVietnamIso(outcome.nomination.submittedAt) });
            if (show(before.row.status ?? null) !== row.status) audit.push({ at, by: `sửa hồ sơ (${source})`, responseId: before.nomination.responseId, field: 'Trạng thái', old: show(before.row.status ?? null), new: show(row.status) });
            return { ...outcome, edited: true };
          }
          // the new row itself records when it came in and its first status; the audit records changes from there
          accepted.push(row);
        } else if (outcome.kind === 'rejected') {
          rejected.push(rejectionRow(payload, source, outcome.responseId, outcome, now));
        }
        return outcome;
      });
      const writes: TableWrite[] = [];
      if (accepted.length) writes.push({ tab: this.tab('nominations'), append: accepted });
      if (updated.length) writes.push({ tab: this.tab('nominations'), updateByKey: updated });
      if (rejected.length) writes.push({ tab: this.tab('rejections'), append: rejected });
      if (audit.length) writes.push({ tab: this.tab('audit'), append: audit.map(auditRow) });
      if (writes.length) await this.tables.write(writes);
      return outcomes;
    });
  }

  /**
   * Recomputes statuses, ranks and quotas for every nomination and rewrites the results tab, in one read and one
   * write. An awarded nomination's score and rank are never rewritten. Every change of an engine or council field
   * since the last run is appended to the audit tab.
   */
  recompute(now: Date, by = 'thidua score'): Promise<{ decisions: Decision[]; nominations: Nomination[]; problems: string[] }> {
    return this.tables.exclusive(async () => {
      const snap = await this.snapshot();
      const decisions = decide(this.campaign, snap.nominations, { datasets: snap.datasets, councilScores: snap.councilScores, reviews: snap.reviews });
      const byId = new Map(snap.nominations.map((n) => [n.responseId, n]));
      const updates = decisions.map((d) => {
        const row = decisionRow(d);
        const before = snap.stored.get(d.responseId);
        if (d.status === 'awarded' && before?.status === STATUS_LABEL.awarded) return null;
        const changed = d.status === 'awarded' ? { responseId: d.responseId, status: row.status, stage: row.stage } : row;
        // only rows whose computed cells differ are written: a quiet recompute sends (almost) nothing
        return Object.entries(changed).some(([key, value]) => key !== 'responseId' && show(value) !== show(before?.[key] ?? null)) ? changed : null;
      });
      const results = resultRows(this.campaign, decisions, byId);
      const resultsTab = this.tab('results');
      const sameResults = results.length === snap.results.length && results.every((r, i) => resultsTab.columns.every((c) => show(r[c.key] ?? null) === show(snap.results[i]![c.key] ?? null)));
      const audit = this.auditOf(decisions, snap, now, by);
      const writes: TableWrite[] = [];
      const changedRows = updates.filter((r): r is Row => r !== null);
      if (changedRows.length) writes.push({ tab: this.tab('nominations'), updateByKey: changedRows });
      if (!sameResults) writes.push({ tab: resultsTab, replaceAll: results });
      if (audit.length) writes.push({ tab: this.tab('audit'), append: audit.map(auditRow) });
      if (writes.length) await this.tables.write(writes);
      return { decisions, nominations: snap.nominations, problems: snap.problems };
    });
  }

  private auditOf(decisions: readonly Decision[], snap: Snapshot, now: Date, by: string): AuditEntry[] {
    const known = lastKnown(snap.audit.map((r) => ({ responseId: String(r.responseId ?? ''), field: String(r.field ?? ''), new: r.new === null ? '' : String(r.new) })));
    const engineNow: FieldValues = new Map();
    const engineBefore: FieldValues = new Map();
    for (const d of decisions) {
      const row = decisionRow(d);
      const stored = snap.stored.get(d.responseId);
      if (d.status === 'awarded' && stored?.status === STATUS_LABEL.awarded) continue;
      for (const [key, label] of ENGINE_FIELDS) {
        if (d.status === 'awarded' && key === 'total') continue;
        setField(engineNow, d.responseId, label, show(row[key]));
        setField(engineBefore, d.responseId, label, show(stored?.[key] ?? null));
      }
    }
    const councilNow: FieldValues = new Map();
    for (const [id, review] of snap.reviews) for (const [key, label] of COUNCIL_FIELDS) setField(councilNow, id, label, show(snap.stored.get(id)?.[key] ?? null) || (review[key] ?? ''));
    for (const d of decisions) for (const m of d.council ?? []) setField(councilNow, d.responseId, `Điểm Hội đồng: ${m.member}`, String(m.total));
    const at = toVietnamIso(now);
    return [
      ...auditChanges(engineBefore, engineNow, () => by, at),
      ...auditChanges(known, councilNow, (id, field) => (field.startsWith('Điểm Hội đồng: ') ? field.slice('Điểm Hội đồng: '.length) : (snap.reviews.get(id)?.updatedBy ?? '(sửa trên trang tính)')), at),
    ];
  }

  /** Records a submission refused before it could be read (over the size limit): the council sees it like any other. */
  recordRefusal(start: string, source: string, finding: Finding, now: Date): Promise<void> {
    const row = rejectionRow(start, source, undefined, { kind: 'rejected', findings: [finding] }, now);
    return this.tables.exclusive(() => this.tables.write([{ tab: this.tab('rejections'), append: [row] }]));
  }

  /** Appends dataset rows (CSV/JSON import), skipping rows identical to ones already stored. */
  importDataset(id: DatasetId, rows: ReadonlyArray<Record<string, unknown>>): Promise<{ added: number; skipped: number }> {
    return this.tables.exclusive(async () => {
      const tab = this.tab(DATASET_TAB[id]);
      const existing = (await this.tables.readTabs([tab])).get(DATASET_TAB[id]) ?? [];
      const seen = new Set(existing.map((r) => rowKey(tab, r)));
      const fresh: Row[] = [];
      for (const row of rows.map((r) => datasetRow(id, r as never))) {
        const key = rowKey(tab, row);
        if (seen.has(key)) continue;
        seen.add(key);
        fresh.push(row);
      }
      if (fresh.length) await this.tables.write([{ tab, append: fresh }]);
      return { added: fresh.length, skipped: rows.length - fresh.length };
    });
  }

  /** Records council members' scores or ratings (appended; a member's latest entry counts). */
  recordCouncilScores(entries: readonly CouncilScoreEntry[], now: Date): Promise<{ recorded: number; unknown: string[] }> {
    return this.tables.exclusive(async () => {
      const ids = await this.responseIds();
      const unknown = entries.filter((e) => !ids.has(e.responseId)).map((e) => e.responseId);
      const known = entries.filter((e) => ids.has(e.responseId));
      const criteria = criterionNumbers(this.campaign);
      if (known.length) await this.tables.write([{ tab: this.tab('councilScores'), append: known.map((e) => councilRow(e, criteria, now)) }]);
      return { recorded: known.length, unknown };
    });
  }

  /** Writes the council's appraisal, choice or award decision onto nominations, and records who changed what. */
  applyReviews(reviews: readonly Review[], by: string, now: Date): Promise<{ applied: number; unknown: string[] }> {
    return this.tables.exclusive(async () => {
      const rows = (await this.tables.readTabs([this.tab('nominations')])).get('nominations') ?? [];
      const byId = new Map(rows.map((r) => [String(r.responseId), r]));
      const unknown = reviews.filter((r) => !byId.has(r.responseId)).map((r) => r.responseId);
      const updates: Row[] = [];
      const audit: AuditEntry[] = [];
      for (const review of reviews.filter((r) => byId.has(r.responseId))) {
        const before = byId.get(review.responseId)!;
        const row: Row = { responseId: review.responseId, updatedBy: by };
        if (review.appraisal !== undefined) row.appraisal = APPRAISAL_LABEL[review.appraisal];
        if (review.reason !== undefined) row.reason = review.reason;
        if (review.choice !== undefined) row.choice = CHOICE_LABEL[review.choice];
        if (review.decisionNumber !== undefined) row.decisionNumber = review.decisionNumber;
        if (review.decisionDate !== undefined) row.decisionDate = review.decisionDate.split('-').reverse().join('/');
        updates.push(row);
        for (const [key, label] of COUNCIL_FIELDS) {
          if (row[key] !== undefined && show(row[key]) !== show(before[key] ?? null)) {
            audit.push({ at: toVietnamIso(now), by, responseId: review.responseId, field: label, old: show(before[key] ?? null), new: show(row[key]) });
          }
        }
      }
      if (updates.length) await this.tables.write([{ tab: this.tab('nominations'), updateByKey: updates }, ...(audit.length ? [{ tab: this.tab('audit'), append: audit.map(auditRow) }] : [])]);
      return { applied: updates.length, unknown };
    });
  }

  private async responseIds(): Promise<Set<string>> {
    const rows = (await this.tables.readTabs([this.tab('nominations')])).get('nominations') ?? [];
    return new Set(rows.map((r) => String(r.responseId)));
  }
}

const show = (value: Row[string] | undefined): string => (value === null || value === undefined ? '' : String(value));
const rowKey = (tab: TabLayout, row: Row) => tab.columns.map((c) => show(row[c.key])).join('\u001f');
const auditRow = (e: AuditEntry): Row => ({ at: e.at, by: e.by, responseId: e.responseId, field: e.field, old: e.old, new: e.new });

function rejectionRow(payload: unknown, source: string, responseId: string | undefined, outcome: Extract<IntakeOutcome, { kind: 'rejected' }>, now: Date): Row {
  const field = (key: string) => {
    const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value.slice(0, 300) : null;
  };
  let text: string;
  try {
    text = JSON.stringify(payload) ?? String(payload);
  } catch {
    // nested too deep to write out (String() of a deep array recurses as deep, and would throw again)
    text = typeof payload === 'object' && payload !== null ? '(dữ liệu lồng nhau quá sâu, không ghi lại được)' : String(payload);
  }
  return {
    receivedAt: toVietnamIso(now),
    responseId: responseId ?? null,
    source,
    name: field('name'),
    unit: field('unit'),
    // findings echo what was sent (a 200 KB "date", a JSON key as a field name): clipped to fit a cell (Google
    // refuses over 50,000 characters, Excel over 32,767), else the whole write fails and the rejection is not recorded
    findings: clip(findingsText(outcome.findings), 5000),
    findingCodes: clip(outcome.findings.map((f) => `${f.code}@${f.field}`).join(', '), 2000),
    payload: clip(text, 2000),
  };
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Which submissions are edits of stored responses: a parsed submission whose responseId is stored (and not awarded)
 * with a later submittedAt. Per responseId, the latest such submission wins: responseId → its index.
 */
function latestEdits(parsed: ReadonlyArray<Nomination | undefined>, stored: ReadonlyMap<string, { nomination: Nomination; row: Row }>): Map<string, number> {
  const winners = new Map<string, number>();
  parsed.forEach((n, index) => {
    const before = n && stored.get(n.responseId);
    if (!n || !before || before.row.status === STATUS_LABEL.awarded || n.submittedAt.getTime() <= before.nomination.submittedAt.getTime()) return;
    const best = winners.get(n.responseId);
    if (best === undefined || n.submittedAt.getTime() >= parsed[best]!.submittedAt.getTime()) winners.set(n.responseId, index);
  });
  return winners;
}
