import type { TabLayout } from './layouts.js';
import type { Row } from './table-store.js';

/** One stored version of a dataset: its rows can be streamed as many times as a job needs, always the same rows. */
export interface DatasetVersion {
  /**
   * The rows in stored order, in the dataset tab's codec (`__row`: the record's position, from 1), a batch at a time:
   * streamed, never the whole dataset in memory. Batches, not single rows, because a request served by the Functions
   * Framework runs in a Node domain, where every awaited step costs async hooks: one per batch, not one per row.
   */
  batches(): AsyncIterable<readonly Row[]>;
}

/**
 * Where the datasets (quiz log, award history, registrations, clearance) live when they are kept out of the council's
 * sheet: an object per dataset in Cloud Storage in Google mode (shared/google/storage/). The repository streams from
 * it only the records the job's nominations join against (see dataset-relevance.ts), never the whole log into memory.
 */
export interface DatasetStore {
  /** The dataset's current version, or undefined when it was never imported. */
  current(tab: TabLayout): Promise<DatasetVersion | undefined>;
  /**
   * Appends the rows whose cells are not already stored (a row equal to a stored one is skipped: importing twice adds
   * nothing), in one streaming pass over what is stored; memory grows with the rows given, not with the dataset.
   * Nothing is written when nothing is new. Safe against a concurrent import (the later one is redone on top).
   */
  append(tab: TabLayout, rows: readonly Row[]): Promise<{ added: number; skipped: number }>;
}
