import { nomineeRecordKey } from '../domain/datasets.js';
import type { Nomination } from '../domain/nomination.js';
import { canonicalKey } from '../domain/text.js';
import type { DatasetStore, DatasetVersion } from './dataset-store.js';
import type { TabId, TabLayout } from './layouts.js';
import type { Row } from './table-store.js';

/** The dataset tabs kept in a DatasetStore, not in the council's sheet, when the repository is given one. */
export const DATASET_TABS = ['quizLog', 'awardHistory', 'registrations', 'clearance'] as const satisfies readonly TabId[];
export type DatasetTab = (typeof DATASET_TABS)[number];
export const isDatasetTab = (id: TabId): id is DatasetTab => (DATASET_TABS as readonly TabId[]).includes(id);

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * The records of a stored dataset that the nominations' rules can join against, streamed from `version` — the
 * decisions over them are those over the whole dataset (prerequisites.ts reads nothing else):
 *
 * - quiz log: every row of a nominee's account, every row naming a nominee's account as referrer, and every row of
 *   the accounts so recruited (a second pass over the same version, once the recruits are known);
 * - award history, registrations, clearance: the rows of a nominee (canonical name and unit).
 *
 * A dataset that holds rows none of which concern the nominations keeps its first row, so it still counts as loaded
 * (its rules are checked and fail, rather than being reported "not checked"); that row joins with no nominee.
 * Memory: the rows kept, whatever the size of the dataset.
 */
export async function relevantRows(id: DatasetTab, version: DatasetVersion, nominations: readonly Nomination[]): Promise<Row[]> {
  const kept: Row[] = [];
  let first: Row | undefined;
  if (id === 'quizLog') {
    const accounts = new Set(nominations.flatMap((n) => (n.quizAccount ? [canonicalKey(n.quizAccount)] : [])));
    const recruits = new Set<string>();
    for await (const batch of version.batches()) for (const row of batch) {
      first ??= row;
      const account = canonicalKey(text(row.account));
      const referrer = row.referredBy === null || row.referredBy === undefined ? undefined : canonicalKey(text(row.referredBy));
      if (accounts.has(account) || (referrer !== undefined && accounts.has(referrer))) {
        kept.push(row);
        if (referrer !== undefined && accounts.has(referrer)) recruits.add(account);
      }
    }
    for (const account of accounts) recruits.delete(account);
    if (recruits.size > 0) {
      for await (const batch of version.batches()) for (const row of batch) {
        const account = canonicalKey(text(row.account));
        const referrer = row.referredBy === null || row.referredBy === undefined ? undefined : canonicalKey(text(row.referredBy));
        // rows kept by the first pass are not taken twice
        if (recruits.has(account) && !(referrer !== undefined && accounts.has(referrer))) kept.push(row);
      }
    }
  } else {
    const nominees = new Set(nominations.map((n) => nomineeRecordKey(n.name, n.unit)));
    for await (const batch of version.batches()) for (const row of batch) {
      first ??= row;
      if (nominees.has(nomineeRecordKey(text(row.name), text(row.unit)))) kept.push(row);
    }
  }
  return kept.length === 0 && first ? [first] : kept;
}

/**
 * The dataset tabs asked for, read from the DatasetStore: the rows relevant to `nominations` (all rows when the job
 * reads no nominations), by tab id, as the repository's codecs read them. The datasets are streamed one after another.
 */
export async function readDatasetTabs(store: DatasetStore, tabs: readonly TabLayout[], nominations: readonly Nomination[] | undefined): Promise<Map<string, Row[]>> {
  const read = new Map<string, Row[]>();
  for (const tab of tabs) {
    const version = await store.current(tab);
    if (!version) read.set(tab.id, []);
    else if (nominations && isDatasetTab(tab.id)) read.set(tab.id, await relevantRows(tab.id, version, nominations));
    else {
      const rows: Row[] = [];
      for await (const batch of version.batches()) rows.push(...batch);
      read.set(tab.id, rows);
    }
  }
  return read;
}
