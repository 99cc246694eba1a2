import type { AuditEntry } from '../domain/audit.js';
import type { Campaign } from '../domain/campaign.js';
import type { CouncilScoreEntry } from '../domain/council.js';
import type { Located, MeetingMemberRow, VoteRow } from '../domain/council-vote.js';
import { AwardHistoryRow, ClearanceRow, ModelRegistrationRow, QuizLogRow } from '../domain/datasets.js';
import type { Decision } from '../domain/decide.js';
import type { NomineeIdentity } from '../domain/intake.js';
import type { Nomination } from '../domain/nomination.js';
import type { Review } from '../domain/review.js';
import type { FormQuestion } from '../forms/form-question.js';
import { auditRow, readAuditRow } from './codecs/audit.js';
import { councilRow, readCouncilRow } from './codecs/council-scores.js';
import { meetingMemberRow, readMeetingRows, readVoteRows, voteRow } from './codecs/council-vote.js';
import { DATASET_TAB, datasetRows, readDatasetRows, type DatasetRecords } from './codecs/datasets.js';
import { isDatasetTab, readDatasetTabs } from './dataset-relevance.js';
import type { DatasetStore } from './dataset-store.js';
import { formQuestionRow, readFormQuestions } from './codecs/form-questions.js';
import { decisionRow, IDENTITY_COLUMNS, nominationRow, readNomineeIdentityRow, readStoredNomination, resultRows, reviewRow, show, type DecisionState, type StoredNomination } from './codecs/nominations.js';
import { rejectionRow, type Rejection } from './codecs/rejections.js';
import { rowKey } from './codecs/rows.js';
import { CAMPAIGN_KEY, readSettings, settingRow } from './codecs/settings.js';
import { readUnits, unitDeadlineRow, type ListedUnit } from './codecs/units.js';
import { campaignFreeLayout, criterionNumbers, layoutsFor, type TabId, type TabLayout } from './layouts.js';
import { planTabLayout } from './plan-tab-layout.js';
import { PLAN_SOURCE_KEY, PLAN_SOURCE_TAB, planCampaign } from './plan-tab-store.js';
import { StoreError, type ReadOptions, type Row, type TableStore, type TableWrite } from './table-store.js';
import { canonicalKey } from '../domain/text.js';

/** What a job can read of a campaign, typed: each part comes from its tab(s) through that tab's codec. */
export interface CampaignSnapshot {
  nominations: StoredNomination[];
  /**
   * The nominations tab's compact index for intake: each row's responseId and nominee (IDENTITY_COLUMNS), read — in
   * Google mode — from those columns only, so an intake's read stays small as the campaign grows. Asked for with
   * `nominations`, it is read from the whole rows.
   */
  nomineeIndex: NomineeIdentity[];
  /** Rejections are only appended: a job reads the tab so that its write places rows without reading again. */
  rejections: number;
  councilScores: CouncilScoreEntry[];
  /** The members listed for each of the council's meetings, with where each row is and its record key. */
  councilMeeting: Array<Located<MeetingMemberRow> & { key: string }>;
  /** The council's votes (ballots or counts), with where each row is and its record key. */
  councilVotes: Array<Located<VoteRow> & { key: string }>;
  quizLog: QuizLogRow[];
  awardHistory: AwardHistoryRow[];
  registrations: ModelRegistrationRow[];
  clearance: ClearanceRow[];
  audit: AuditEntry[];
  /** The results tab is rewritten whole, only when it changes (compared by the repository). */
  results: number;
  settings: Map<string, string>;
  units: ListedUnit[];
  formQuestions: FormQuestion[];
}
export type Part = keyof CampaignSnapshot;
/**
 * The parts a job asked for, and every row that could not be read (tab, row, column), never dropped silently: all of
 * them, and by part.
 */
export type Snapshot<P extends Part> = Pick<CampaignSnapshot, P> & {
  problems: string[];
  problemsOf: Partial<Record<Part, string[]>>;
  /**
   * Rows of the whole quiz log, when the store read only the rows the nominations join (`quizLog` then holds those):
   * a loaded log without a row for a nominee is still a loaded log.
   */
  quizLogTotal?: number;
};

const PART_TABS: Record<Part, TabId[]> = {
  nominations: ['nominations'],
  nomineeIndex: ['nominations'],
  rejections: ['rejections'],
  councilScores: ['councilScores'],
  councilMeeting: ['councilMeeting'],
  councilVotes: ['councilVotes'],
  quizLog: ['quizLog'],
  awardHistory: ['awardHistory'],
  registrations: ['registrations'],
  clearance: ['clearance'],
  audit: ['audit'],
  results: ['results'],
  settings: ['settings'],
  units: ['units'],
  formQuestions: ['formQuestions'],
};

/** Tabs added after workbooks were first made: read as empty where they are missing (see `readTabs`). */
const LATE_TABS: readonly TabId[] = ['councilMeeting', 'councilVotes'];

/** Tabs a job only counts and appends to (a rejection's payload is never read back by a job): see ReadOptions. */
const COUNT_ONLY = { countOnly: ['rejections'] };

/**
 * How the parts' tabs are read: the nominations tab as its IDENTITY_COLUMNS when only its compact index is asked for
 * (see ReadOptions.columns), rejections counted.
 */
function readOptions(parts: readonly Part[]): ReadOptions {
  const compact = parts.includes('nomineeIndex') && !parts.includes('nominations');
  return compact ? { ...COUNT_ONLY, columns: { nominations: IDENTITY_COLUMNS } } : COUNT_ONLY;
}

/** A nomination to store: the nomination, when it came in, and the engine's first word on it. */
export interface NominationRecord {
  nomination: Nomination;
  receivedAt: Date;
  state: DecisionState;
}

/** A typed write of a job. The repository turns each into rows of its tab through the tab's codec. */
export type Change =
  | { kind: 'add-nominations'; records: NominationRecord[] }
  /** An edited form response: its nominee cells and computed cells rewritten, the council's cells kept. */
  | { kind: 'edit-nominations'; records: NominationRecord[] }
  /**
   * The engine's computed cells; rows whose cells would not change are not written. A `frozen` state (an awarded
   * nomination) writes only its status and stage: its score and rank are never rewritten.
   */
  | { kind: 'nomination-states'; states: Array<DecisionState & { frozen?: boolean }> }
  | { kind: 'reviews'; reviews: Review[]; by: string }
  | { kind: 'rejections'; rejections: Rejection[] }
  | { kind: 'audit'; entries: AuditEntry[] }
  /** The results tab rebuilt from the decisions; not written when it would hold the same rows. */
  | { kind: 'results'; decisions: readonly Decision[]; nominations: ReadonlyMap<string, Nomination> }
  | { kind: 'council-scores'; entries: CouncilScoreEntry[]; at: Date }
  /** A meeting's members and the council's votes, appended. */
  | { kind: 'council-vote'; members: MeetingMemberRow[]; votes: VoteRow[]; at: Date }
  /** `add` appends settings (an existing key is the council's: init never overwrites it); `set` writes keys in place. */
  | { kind: 'settings'; mode: 'add' | 'set'; entries: Array<[key: string, value: string]> }
  | { kind: 'unit-deadlines'; rows: Array<{ listed: ListedUnit; report: Parameters<typeof unitDeadlineRow>[1]; statusLink?: string }>; at: Date }
  | { kind: 'form-questions'; formId: string; questions: readonly FormQuestion[] };

/** What a job returns to `transact`: its value, and the changes to write in one batch. */
export interface JobOutcome<T> {
  value: T;
  changes: Change[];
}

/**
 * The campaign's records over any TableStore (the local workbook, the Google Sheet): a typed snapshot in, typed
 * changes out, each tab through its codec (shared/store/codecs/). It decides nothing; jobs do (shared/jobs/).
 * `transact` is the one read and the one write of a job, under the store's exclusive lock.
 */
export class CampaignRepository {
  private readonly tabs: Map<TabId, TabLayout>;
  private readonly criteria: string[];

  private constructor(
    private readonly tables: TableStore,
    readonly campaign: Campaign,
    /**
     * Where the datasets live when not in `tables` (Google mode: Cloud Storage, decision 010): their tabs are then
     * neither provisioned nor read in `tables`, and a job reads only the records its nominations join against.
     */
    private readonly datasets?: DatasetStore,
  ) {
    this.tabs = layoutsFor(campaign);
    this.criteria = criterionNumbers(campaign);
    tables.adopt?.([...this.tabs.values()]);
  }

  /** A repository for a campaign whose tabs may not exist yet (see `provision`). */
  static forCampaign(tables: TableStore, campaign: Campaign, datasets?: DatasetStore): CampaignRepository {
    return new CampaignRepository(tables, campaign, datasets);
  }

  /**
   * Opens an existing workbook: finds its campaign in the settings tab. A campaign defined in the workbook's own
   * "Kế hoạch" tab (settings "Nguồn phong trào", written by `thidua campaign new`), or one the registry does not know,
   * is read from that tab, and wins over a JSON template of the same id (decision 013).
   */
  static async open(tables: TableStore, campaigns: ReadonlyMap<string, Campaign>, datasets?: DatasetStore): Promise<CampaignRepository> {
    const settingsTab = campaignFreeLayout('settings');
    const settings = readSettings((await tables.readTabs([settingsTab])).get('settings') ?? []);
    const id = settings.get(CAMPAIGN_KEY);
    if (!id) throw new StoreError(`Trang tính "${settingsTab.title}" không ghi mã phong trào hợp lệ ("${id ?? ''}").`, { tab: settingsTab.title });
    const known = campaigns.get(id);
    if (known && settings.get(PLAN_SOURCE_KEY) !== PLAN_SOURCE_TAB) return new CampaignRepository(tables, known, datasets);
    if (!known && settings.get(PLAN_SOURCE_KEY) !== PLAN_SOURCE_TAB) {
      throw new StoreError(`Trang tính "${settingsTab.title}" ghi mã phong trào "${id}", nhưng không có mẫu phong trào nào mã này và sổ không có trang "${planTabLayout().title}" (mục "${PLAN_SOURCE_KEY}" trong Cài đặt).`, { tab: settingsTab.title });
    }
    return new CampaignRepository(tables, await planCampaign(tables, id, settings), datasets);
  }

  /** The layout of one of the campaign's tabs (title, columns). */
  tab(id: TabId): TabLayout {
    return this.tabs.get(id)!;
  }

  /** Creates the tabs that are missing (all of the campaign's by default), with headers; existing rows are kept. */
  provision(ids?: readonly TabId[]): Promise<void> {
    const tabs = ids ? ids.map((id) => this.tab(id)) : [...this.tabs.values()];
    return this.tables.ensureTabs(this.datasets ? tabs.filter((t) => !isDatasetTab(t.id)) : tabs);
  }

  /** Reads the parts asked for in one call. */
  async read<P extends Part>(parts: readonly P[]): Promise<Snapshot<P>> {
    const read = () => this.readRaw(parts).then((raw) => this.decode(parts, raw));
    // two reads when the quiz log is read for the nominations: one job, so they see the same state
    return this.joinsQuizLog(parts) ? this.tables.exclusive(read) : read();
  }

  /** The settings tab as key → value. */
  async settings(): Promise<Map<string, string>> {
    return (await this.read(['settings'])).settings;
  }

  /**
   * One job's read and write, with no other job of this store in between (and, on a shared Google Sheet, no other
   * process): reads the parts asked for, lets `work` decide, writes its changes in one batch, returns its value.
   */
  transact<P extends Part, T>(parts: readonly P[], work: (snapshot: Snapshot<P>) => JobOutcome<T> | Promise<JobOutcome<T>>): Promise<T> {
    return this.tables.exclusive(async () => {
      const raw = await this.readRaw(parts);
      const { value, changes } = await work(this.decode(parts, raw));
      const batch = changes.flatMap((c) => this.encode(c, raw));
      if (batch.length) await this.tables.write(batch);
      return value;
    });
  }

  /** Writes changes without reading first, as one job (no other job of this store in between). */
  writeExclusive(changes: readonly Change[]): Promise<void> {
    return this.tables.exclusive(() => this.write(changes));
  }

  /** Writes changes as one batch, outside any job (a single update that needs no read, such as a sync's watermark). */
  async write(changes: readonly Change[]): Promise<void> {
    const batch = changes.flatMap((c) => this.encode(c, new Map()));
    if (batch.length) await this.tables.write(batch);
  }

  /**
   * Appends a dataset as it is read, batch by batch, in one job: skipping records already stored (an import run twice
   * adds nothing). On a store that appends datasets itself (the embedded database) memory stays bounded by a batch;
   * elsewhere the batches are gathered and imported as one (`importDataset`).
   */
  importDatasetStream(id: DatasetRecords['id'], batches: AsyncIterable<DatasetRecords>): Promise<{ added: number; skipped: number }> {
    const tables = this.tables;
    if (!tables.appendDataset) {
      return (async () => {
        const rows: DatasetRecords['rows'][number][] = [];
        for await (const batch of batches) rows.push(...batch.rows);
        return this.importDataset({ id, rows } as DatasetRecords);
      })();
    }
    return tables.exclusive(async () => {
      const tab = this.tab(DATASET_TAB[id]);
      let added = 0;
      let read = 0;
      for await (const batch of batches) {
        const rows = datasetRows(batch);
        read += rows.length;
        added += await tables.appendDataset!(tab, rows);
      }
      return { added, skipped: read - added };
    });
  }

  /** Appends a dataset's records, skipping those already stored (an import run twice adds nothing). One read, one write. */
  importDataset(records: DatasetRecords): Promise<{ added: number; skipped: number }> {
    if (this.datasets) return this.datasets.append(this.tab(DATASET_TAB[records.id]), datasetRows(records));
    return this.tables.exclusive(async () => {
      const tab = this.tab(DATASET_TAB[records.id]);
      if (this.tables.appendDataset) {
        const added = await this.tables.appendDataset(tab, datasetRows(records));
        return { added, skipped: records.rows.length - added };
      }
      const existing = (await this.tables.readTabs([tab])).get(tab.id) ?? [];
      const seen = new Set(existing.map((r) => rowKey(tab, r)));
      const fresh: Row[] = [];
      for (const row of datasetRows(records)) {
        const key = rowKey(tab, row);
        if (seen.has(key)) continue;
        seen.add(key);
        fresh.push(row);
      }
      if (fresh.length) await this.tables.write([{ tab, append: fresh }]);
      return { added: fresh.length, skipped: records.rows.length - fresh.length };
    });
  }

  private joinsQuizLog(parts: readonly Part[]): boolean {
    return !!this.tables.readQuizLogFor && parts.includes('quizLog') && parts.includes('nominations');
  }

  /**
   * The tabs of the parts. In Google mode (`datasets`: the datasets' own store, decision 010) the dataset parts come
   * from it, filtered to what the nominations just read join against. With the nominations, a store that can
   * (`readQuizLogFor`: the embedded database, decision 009) reads only the quiz-log rows their accounts join — at a
   * million rows, what keeps `score` within its memory.
   */
  private async readRaw(parts: readonly Part[]): Promise<Map<string, Row[]>> {
    const ids = [...new Set(parts.flatMap((p) => PART_TABS[p]))];
    const options = readOptions(parts);
    if (this.datasets && ids.some(isDatasetTab)) {
      const raw = await this.readTabs(ids.filter((id) => !isDatasetTab(id)), options);
      const nominations = raw.get('nominations')?.flatMap((row) => {
        const read = readStoredNomination(row, this.tab('nominations'), this.campaign);
        return read.ok ? [read.stored.nomination] : [];
      });
      for (const [id, rows] of await readDatasetTabs(this.datasets, ids.filter(isDatasetTab).map((id) => this.tab(id)), nominations)) raw.set(id, rows);
      return raw;
    }
    if (!this.joinsQuizLog(parts)) return this.readTabs(ids, options);
    const raw = await this.readTabs(ids.filter((id) => id !== 'quizLog'), options);
    const accounts = new Set<string>();
    for (const row of raw.get('nominations') ?? []) {
      const account = row.quizAccount;
      if (account !== null && account !== undefined && String(account).trim()) accounts.add(canonicalKey(String(account)));
    }
    const { rows, total } = await this.tables.readQuizLogFor!(this.tab('quizLog'), [...accounts]);
    raw.set('quizLog', rows);
    this.quizLogTotals.set(raw, total);
    return raw;
  }

  /** The whole log's size for a raw read of only the joined rows (see `readRaw`). */
  private readonly quizLogTotals = new WeakMap<object, number>();

  /**
   * Reads tabs; a tab added to the layouts after a workbook was made (LATE_TABS) and not there yet reads as empty, so
   * an older workbook or sheet keeps working until `thidua init` adds it. Any other missing tab is an error.
   */
  private async readTabs(ids: readonly TabId[], options: ReadOptions = COUNT_ONLY): Promise<Map<string, Row[]>> {
    try {
      return await this.tables.readTabs(ids.map((id) => this.tab(id)), options);
    } catch (error) {
      const late = error instanceof StoreError && !error.context.cell ? ids.find((id) => LATE_TABS.includes(id) && this.tab(id).title === error.context.tab) : undefined;
      if (!late) throw error;
      const rest = await this.readTabs(ids.filter((id) => id !== late), options);
      return rest.set(late, []);
    }
  }

  private decode<P extends Part>(parts: readonly P[], raw: ReadonlyMap<string, Row[]>): Snapshot<P> {
    const problemsOf: Partial<Record<Part, string[]>> = {};
    const snap: Partial<CampaignSnapshot> = {};
    const rows = (id: TabId) => raw.get(id) ?? [];
    const report = (part: Part, problems: readonly string[]) => {
      if (problems.length) (problemsOf[part] ??= []).push(...problems);
    };
    for (const part of new Set<Part>(parts)) {
      switch (part) {
        case 'nominations':
          snap.nominations = rows('nominations').flatMap((row) => {
            const read = readStoredNomination(row, this.tab('nominations'), this.campaign);
            if (read.problem) report(part, [read.problem]);
            return read.ok ? [read.stored] : [];
          });
          break;
        case 'nomineeIndex':
          snap.nomineeIndex = rows('nominations').flatMap((row) => {
            const read = readNomineeIdentityRow(row, this.tab('nominations'), this.campaign);
            if (!read.ok) report(part, [read.problem]);
            return read.ok ? [read.identity] : [];
          });
          break;
        case 'councilScores':
          snap.councilScores = rows('councilScores').flatMap((row) => {
            const read = readCouncilRow(row, this.tab('councilScores'));
            if (!read.ok) report(part, [read.problem]);
            return read.ok ? [read.entry] : [];
          });
          break;
        case 'councilMeeting': {
          const read = readMeetingRows(rows(part), this.tab(part));
          report(part, read.problems);
          snap.councilMeeting = read.rows;
          break;
        }
        case 'councilVotes': {
          const read = readVoteRows(rows(part), this.tab(part));
          report(part, read.problems);
          snap.councilVotes = read.rows;
          break;
        }
        case 'quizLog': {
          const read = readDatasetRows(QuizLogRow, rows(part), this.tab(part));
          report(part, read.problems);
          snap.quizLog = read.rows;
          break;
        }
        case 'awardHistory': {
          const read = readDatasetRows(AwardHistoryRow, rows(part), this.tab(part));
          report(part, read.problems);
          snap.awardHistory = read.rows;
          break;
        }
        case 'registrations': {
          const read = readDatasetRows(ModelRegistrationRow, rows(part), this.tab(part));
          report(part, read.problems);
          snap.registrations = read.rows;
          break;
        }
        case 'clearance': {
          const read = readDatasetRows(ClearanceRow, rows(part), this.tab(part));
          report(part, read.problems);
          snap.clearance = read.rows;
          break;
        }
        case 'audit':
          snap.audit = rows('audit').map(readAuditRow);
          break;
        case 'settings':
          snap.settings = readSettings(rows('settings'));
          break;
        case 'units': {
          const read = readUnits(rows('units'), this.tab('units'));
          report(part, read.problems);
          snap.units = read.units;
          break;
        }
        case 'formQuestions': {
          const read = readFormQuestions(rows('formQuestions'), this.tab('formQuestions'));
          report(part, read.problems);
          snap.formQuestions = read.questions;
          break;
        }
        case 'rejections':
        case 'results':
          snap[part] = rows(part).length;
          break;
      }
    }
    // in the order the parts were asked for, as a job reports them
    const problems = [...new Set<Part>(parts)].flatMap((p) => problemsOf[p] ?? []);
    const quizLogTotal = this.quizLogTotals.get(raw);
    return { ...(snap as Pick<CampaignSnapshot, P>), problems, problemsOf, ...(quizLogTotal === undefined ? {} : { quizLogTotal }) };
  }

  private encode(change: Change, raw: ReadonlyMap<string, Row[]>): TableWrite[] {
    switch (change.kind) {
      case 'add-nominations':
      case 'edit-nominations': {
        if (!change.records.length) return [];
        const rows = change.records.map((r) => ({ ...nominationRow(r.nomination, r.receivedAt, this.criteria), ...decisionRow(r.state) }));
        return [change.kind === 'add-nominations' ? { tab: this.tab('nominations'), append: rows } : { tab: this.tab('nominations'), updateByKey: rows }];
      }
      case 'nomination-states': {
        const before = new Map((raw.get('nominations') ?? []).map((r) => [String(r.responseId), r]));
        // only rows whose computed cells differ are written: a quiet recompute sends (almost) nothing
        const rows = change.states
          .map((state) => {
            const row = decisionRow(state);
            return state.frozen ? { responseId: row.responseId ?? null, status: row.status ?? null, stage: row.stage ?? null } : row;
          })
          .filter((row) => Object.entries(row).some(([key, value]) => key !== 'responseId' && show(value) !== show(before.get(String(row.responseId))?.[key] ?? null)));
        return rows.length ? [{ tab: this.tab('nominations'), updateByKey: rows }] : [];
      }
      case 'reviews':
        return change.reviews.length ? [{ tab: this.tab('nominations'), updateByKey: change.reviews.map((r) => reviewRow(r, change.by)) }] : [];
      case 'rejections':
        return change.rejections.length ? [{ tab: this.tab('rejections'), append: change.rejections.map(rejectionRow) }] : [];
      case 'audit':
        return change.entries.length ? [{ tab: this.tab('audit'), append: change.entries.map(auditRow) }] : [];
      case 'results': {
        const tab = this.tab('results');
        const rows = resultRows(this.campaign, change.decisions, change.nominations);
        const stored = raw.get('results');
        const same = stored !== undefined && rows.length === stored.length && rows.every((r, i) => tab.columns.every((c) => show(r[c.key] ?? null) === show(stored[i]![c.key] ?? null)));
        return same ? [] : [{ tab, replaceAll: rows }];
      }
      case 'council-scores':
        return change.entries.length ? [{ tab: this.tab('councilScores'), append: change.entries.map((e) => councilRow(e, this.criteria, change.at)) }] : [];
      case 'council-vote':
        return [
          ...(change.members.length ? [{ tab: this.tab('councilMeeting'), append: change.members.map(meetingMemberRow) }] : []),
          ...(change.votes.length ? [{ tab: this.tab('councilVotes'), append: change.votes.map((v) => voteRow(v, change.at)) }] : []),
        ];
      case 'settings': {
        if (!change.entries.length) return [];
        const rows = change.entries.map(([key, value]) => settingRow(key, value));
        return [change.mode === 'add' ? { tab: this.tab('settings'), append: rows } : { tab: this.tab('settings'), updateByKey: rows }];
      }
      case 'unit-deadlines':
        return change.rows.length ? [{ tab: this.tab('units'), updateByKey: change.rows.map((r) => unitDeadlineRow(r.listed, r.report, change.at, r.statusLink)) }] : [];
      case 'form-questions':
        return [{ tab: this.tab('formQuestions'), replaceAll: change.questions.map((q) => formQuestionRow(q, change.formId)) }];
    }
  }
}
