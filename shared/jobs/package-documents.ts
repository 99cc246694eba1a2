import { PassThrough } from 'node:stream';
import type { Award, Campaign } from '../domain/campaign.js';
import type { Decision } from '../domain/decide.js';
import type { PackageFileRole } from '../domain/proposal-manifest.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { exportAwardList } from './export-award-list.js';
import { done, type JobResult } from './problem.js';
import type { Evaluated } from './read-decisions.js';

/** What a writer of a proposal package's files gets: the campaign as evaluated, and the nominees going up. */
export interface PackageInput {
  repo: CampaignRepository;
  campaign: Campaign;
  award: Award;
  year: number;
  evaluated: Evaluated;
  settings: ReadonlyMap<string, string>;
  /** The nominations proposed for the award and year, in list order. */
  nominees: readonly Decision[];
  now: Date;
}

/** A file of the package: its path in the .zip, what it is, the nominee it is about (if any) and its bytes. */
export interface PackageDocument {
  path: string;
  role: PackageFileRole;
  responseId?: string;
  bytes: Uint8Array;
}

/** Writes some of the package's files, or says why it cannot (the package is then not made). */
export type PackageDocumentWriter = (input: PackageInput) => Promise<JobResult<PackageDocument[]>>;

/** The award list (the existing .xlsx, proposal variant) in "danh-sach/". */
export const awardListWriter: PackageDocumentWriter = async ({ repo, award, year, now }) => {
  const list = await exportAwardList(repo, award.id, { now, year, variant: 'proposal' });
  if (!list.ok) return list;
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await list.value.write(sink);
  await ended;
  return done([{ path: `danh-sach/${list.value.name}`, role: 'award-list', bytes: new Uint8Array(Buffer.concat(chunks)) }]);
};

/**
 * The writers of a proposal package's files, in order: each adds its files (the manifest lists them with their
 * SHA-256). The Word documents of the dossier (Tờ trình, Báo cáo thành tích per nominee, …) are added by appending
 * their writers here; nothing else changes.
 */
export const PACKAGE_DOCUMENT_WRITERS: PackageDocumentWriter[] = [awardListWriter];
