import { PassThrough } from 'node:stream';
import type { Award, Campaign } from '../domain/campaign.js';
import type { Decision } from '../domain/decide.js';
import type { PackageFileRole } from '../domain/proposal-manifest.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { exportAwardList } from './export-award-list.js';
import { dossierOf, type DossierDocument } from './export-dossier.js';
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

/** The role in the manifest of each dossier document a package carries. */
const DOSSIER_ROLE: Partial<Record<DossierDocument, PackageFileRole>> = { 'to-trinh': 'to-trinh', 'bien-ban': 'bien-ban-hop-xet', 'bao-cao-thanh-tich': 'bao-cao-thanh-tich' };

/**
 * The council's Word documents in "ho-so/" (`dossierOf`, from the same read as the manifest): the Tờ trình to the
 * next level, each nominee's Báo cáo thành tích (only the nominees going up), and the Biên bản họp xét of the
 * meeting that voted on them when the council's vote is recorded. A document that cannot be made (a body that had
 * ceased on the document's date) stops the package with the dossier's reason.
 */
export const dossierWriter: PackageDocumentWriter = async ({ repo, award, year, evaluated, settings, nominees, now }) => {
  const dossier = await dossierOf(repo, evaluated, settings, { now, year, award: award.id, documents: ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban'] });
  if (!dossier.ok) return dossier;
  const going = new Set(nominees.map((d) => d.responseId));
  return done(
    dossier.value.files
      .filter((f) => f.document !== 'bao-cao-thanh-tich' || (f.responseId !== undefined && going.has(f.responseId)))
      .map((f) => ({ path: `ho-so/${f.name}`, role: DOSSIER_ROLE[f.document] ?? 'other', ...(f.responseId ? { responseId: f.responseId } : {}), bytes: new Uint8Array(f.buffer) })),
  );
};

/**
 * The writers of a proposal package's files, in order: each adds its files (the manifest lists them with their
 * SHA-256): the award list, then the council's Word documents.
 */
export const PACKAGE_DOCUMENT_WRITERS: PackageDocumentWriter[] = [awardListWriter, dossierWriter];
