import type { Campaign } from '../domain/campaign.js';
import { toVietnamIso } from '../domain/dates.js';
import { decide, type Decision } from '../domain/decide.js';
import { IntakeSession, type IntakeOutcome } from '../domain/intake.js';
import type { Nomination } from '../domain/nomination.js';
import { criterionNumbers, layoutsFor, type TabId, type TabLayout } from './layouts.js';
import { decisionRow, findingsText, nominationRow, readNominationRow, resultRows } from './nomination-rows.js';
import { StoreError, type Row, type TableStore } from './table-store.js';

/** One submission as it arrived at a door, with where it came from ("cli:file.json#3", "http"). */
export interface Submission {
  payload: unknown;
  source: string;
}

/** The campaign's nominations as read from the store, with the rows that could not be read. */
export interface Snapshot {
  nominations: Nomination[];
  problems: string[];
}

const SETTINGS_CAMPAIGN = 'Mã phong trào';

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

  /** The settings tab as key → value (values as text). */
  async settings(): Promise<Map<string, string>> {
    const rows = (await this.tables.readTabs([this.tab('settings')])).get('settings') ?? [];
    return new Map(rows.filter((r) => r.key !== null).map((r) => [String(r.key), r.value === null ? '' : String(r.value)]));
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

  /** Reads every nomination; rows edited into something unreadable are reported, never dropped silently or overwritten. */
  async snapshot(): Promise<Snapshot> {
    const rows = (await this.tables.readTabs([this.tab('nominations')])).get('nominations') ?? [];
    const nominations: Nomination[] = [];
    const problems: string[] = [];
    for (const row of rows) {
      const read = readNominationRow(row, this.tab('nominations'), this.campaign);
      if (read.ok) nominations.push(read.nomination);
      else problems.push(read.problem);
    }
    return { nominations, problems };
  }

  /**
   * Takes submissions in, one by one, in one read and one write: accepted ones are stored with their findings,
   * rejected ones recorded in the rejections tab, repeated deliveries of a stored responseId change nothing.
   */
  intake(submissions: readonly Submission[], now: Date): Promise<IntakeOutcome[]> {
    return this.tables.exclusive(() => this.intakeNow(submissions, now));
  }

  private async intakeNow(submissions: readonly Submission[], now: Date): Promise<IntakeOutcome[]> {
    const { nominations } = await this.snapshot();
    const session = new IntakeSession(this.campaign, nominations);
    const criteria = criterionNumbers(this.campaign);
    const accepted: Row[] = [];
    const rejected: Row[] = [];
    const outcomes = submissions.map(({ payload, source }) => {
      const outcome = session.take(payload);
      if (outcome.kind === 'accepted') {
        accepted.push({
          ...nominationRow(outcome.nomination, now, criteria),
          ...decisionRow({ responseId: outcome.nomination.responseId, status: outcome.status, findings: outcome.findings, total: outcome.total }),
        });
      } else if (outcome.kind === 'rejected') {
        rejected.push(rejectionRow(payload, source, outcome.responseId, outcome, now));
      }
      return outcome;
    });
    const writes = [];
    if (accepted.length) writes.push({ tab: this.tab('nominations'), append: accepted });
    if (rejected.length) writes.push({ tab: this.tab('rejections'), append: rejected });
    if (writes.length) await this.tables.write(writes);
    return outcomes;
  }

  /** Recomputes statuses, ranks and quotas for every nomination and rewrites the results tab, in one write. */
  recompute(): Promise<{ decisions: Decision[]; nominations: Nomination[]; problems: string[] }> {
    return this.tables.exclusive(() => this.recomputeNow());
  }

  private async recomputeNow(): Promise<{ decisions: Decision[]; nominations: Nomination[]; problems: string[] }> {
    const { nominations, problems } = await this.snapshot();
    const decisions = decide(this.campaign, nominations);
    const byId = new Map(nominations.map((n) => [n.responseId, n]));
    await this.tables.write([
      { tab: this.tab('nominations'), updateByKey: decisions.map(decisionRow) },
      { tab: this.tab('results'), replaceAll: resultRows(this.campaign, decisions, byId) },
    ]);
    return { decisions, nominations, problems };
  }
}

function rejectionRow(payload: unknown, source: string, responseId: string | undefined, outcome: Extract<IntakeOutcome, { kind: 'rejected' }>, now: Date): Row {
  const field = (key: string) => {
    const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value.slice(0, 300) : null;
  };
  let text: string;
  try {
    text = JSON.stringify(payload) ?? String(payload);
  } catch {
    text = String(payload);
  }
  return {
    receivedAt: toVietnamIso(now),
    responseId: responseId ?? null,
    source,
    name: field('name'),
    unit: field('unit'),
    findings: findingsText(outcome.findings),
    findingCodes: outcome.findings.map((f) => `${f.code}@${f.field}`).join(', '),
    payload: text.length > 2000 ? `${text.slice(0, 2000)}…` : text,
  };
}
