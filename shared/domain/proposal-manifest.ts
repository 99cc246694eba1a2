import { z } from 'zod';
import './zod-vietnamese.js';
import { AwardHistoryRow } from './datasets.js';
import { AwardMode, Level, NominationStatus } from './vocabulary.js';

/**
 * The manifest of a proposal package sent up a level (docs/decisions/012-council-vote.md): what a lower level's
 * council proposes for one award and year, each nominee with its nomination as submitted, the lower level's scores,
 * findings, vote and status, the nominee's award history and the lower level's decision, and the list of files in the
 * package with their SHA-256. Versioned: `version` changes when a field changes meaning; an older reader refuses a
 * newer package by name. `digest` is the SHA-256 of the manifest without it (see `manifestBody`): a manifest edited
 * after export is refused.
 */
export const PACKAGE_FORMAT = 'thidua-goi-de-nghi';
export const PACKAGE_VERSION = 1;
/** The manifest's name inside the package. */
export const MANIFEST_FILE = 'manifest.json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'mã kiểm tra SHA-256 phải gồm 64 chữ số hệ 16');

/** What a file of the package is: the award list, or one of the documents the dossier needs. */
export const PackageFileRole = ['award-list', 'to-trinh', 'bien-ban-hop-xet', 'quyet-dinh', 'bao-cao-thanh-tich', 'danh-muc-ho-so', 'other'] as const;
export type PackageFileRole = (typeof PackageFileRole)[number];

export const PackageFile = z.object({
  /** The file's path in the package ("danh-sach/bang-khen-chu-tich-tinh-2024.xlsx"); no "..", no leading "/". */
  path: z.string().min(1).max(300).regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\:*?"<>|]+$/, 'đường dẫn tệp không hợp lệ'),
  role: z.enum(PackageFileRole),
  /** The nominee the file is about (an achievement report), if any. */
  responseId: z.string().max(200).optional(),
  sha256,
  bytes: z.number().int().min(0),
});
export type PackageFile = z.infer<typeof PackageFile>;

/** A decision of the lower level: its number, date and the body that signed it. */
export const LowerDecision = z.object({ number: z.string().min(1).max(100), date: isoDate, body: z.string().min(1).max(300) });
export type LowerDecision = z.infer<typeof LowerDecision>;

export const PackageNominee = z.object({
  /** The nominee's response id at the lower level. */
  responseId: z.string().min(1).max(200),
  /** The nomination as the contract takes it (re-parsed at intake, never trusted as is). */
  nomination: z.record(z.string(), z.unknown()),
  status: z.enum(NominationStatus),
  total: z.number(),
  selfTotal: z.number(),
  rank: z.number().int().positive().optional(),
  scores: z.record(z.string(), z.number()),
  findings: z.array(z.object({ code: z.string(), message: z.string() })),
  vote: z.object({ meeting: z.string(), votesFor: z.number().int(), votesAgainst: z.number().int(), abstain: z.number().int(), total: z.number().int(), members: z.number().int(), passed: z.boolean() }).optional(),
  /** The lower level's own decision on the nominee (its latest award at that level), when there is one. */
  lowerDecision: LowerDecision.optional(),
  /** Earlier awards of the nominee (the lower level's own decisions among them), as the award history tab holds them. */
  history: z.array(z.object({ year: z.number().int(), name: z.string(), unit: z.string(), award: z.string(), level: z.enum(Level), mode: z.enum(AwardMode), decisionNumber: z.string(), decisionDate: isoDate })),
});
export type PackageNominee = z.infer<typeof PackageNominee>;

export const ProposalManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  campaign: z.string().min(1),
  award: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  year: z.number().int().min(2000).max(2100),
  /** The lower level that proposes: its body and level. */
  from: z.object({ body: z.string().min(1), level: z.enum(Level) }),
  /** The lower level's proposal (Tờ trình, or its decision to propose): number and date, when set. */
  proposal: LowerDecision.partial({ number: true, date: true }),
  createdAt: z.string().min(1),
  files: z.array(PackageFile),
  nominees: z.array(PackageNominee).min(1),
  digest: sha256,
});
export type ProposalManifest = z.infer<typeof ProposalManifest>;

/** The manifest without its digest, in a stable text: what the digest is computed over. */
export function manifestBody(manifest: Omit<ProposalManifest, 'digest'> & { digest?: string }): string {
  const { digest: _digest, ...body } = manifest;
  return JSON.stringify(body, null, 2);
}

/** An award history row as the manifest carries it. */
export const historyEntry = (h: AwardHistoryRow): PackageNominee['history'][number] => ({ year: h.year, name: h.name, unit: h.unit, award: h.award, level: h.level, mode: h.mode, decisionNumber: h.decisionNumber, decisionDate: h.decisionDate });

/** A body's name as plain ASCII words joined by "-": "Ủy ban nhân dân huyện Vạn Ninh" → "uy-ban-nhan-dan-huyen-van-ninh". */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The id a nominee of a package takes at the upper level: the lower body's slug, then its own id there, so that two
 * lower levels' ids never collide and taking the same package in again finds the same rows.
 */
export const packageResponseId = (manifest: Pick<ProposalManifest, 'from'>, responseId: string): string => `${slugOf(manifest.from.body)}/${responseId}`.slice(0, 200);
