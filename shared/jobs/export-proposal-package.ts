import { findAward, type Award, type Campaign } from '../domain/campaign.js';
import { AwardHistoryRow, nomineeRecordKey } from '../domain/datasets.js';
import type { Decision } from '../domain/decide.js';
import type { Nomination } from '../domain/nomination.js';
import { historyEntry, manifestBody, PACKAGE_FORMAT, PACKAGE_VERSION, type PackageNominee, type ProposalManifest } from '../domain/proposal-manifest.js';
import type { Review } from '../domain/review.js';
import { calendarDateOf, toVietnamIso } from '../domain/dates.js';
import { compareVi } from '../domain/text.js';
import type { Level } from '../domain/vocabulary.js';
import { parseDocumentSettings } from '../exports/document-settings.js';
import { packProposal, sha256Hex } from '../exports/proposal-package.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { PACKAGE_DOCUMENT_WRITERS, type PackageDocument } from './package-documents.js';
import { done, problem, type JobResult } from './problem.js';
import { ENGINE_PARTS, evaluateSnapshot } from './read-decisions.js';

/** How high a level sits: a package goes to an award granted above the campaign's own level. */
const LEVEL_RANK: Record<Level, number> = { commune: 0, 'district-agency': 1, district: 1, province: 2, central: 3 };

export interface ProposalPackage {
  name: string;
  bytes: Uint8Array;
  manifest: ProposalManifest;
}

/**
 * The proposal package a lower level (a commune, or a district before 1 July 2025) sends up for an award granted
 * above it: a .zip with the manifest (each nominee proposed for the award and year: the nomination, scores,
 * findings, vote, status, award history and the lower level's own decision) and the files of
 * PACKAGE_DOCUMENT_WRITERS (the award list, then the dossier's documents). One read; nothing written back.
 */
export async function exportProposalPackage(repo: CampaignRepository, awardId: string, options: { now: Date; year?: number }): Promise<JobResult<ProposalPackage>> {
  const campaign = repo.campaign;
  const award = findAward(campaign, awardId);
  if (!award) return problem('UNKNOWN_AWARD', `Phong trào không có hình thức khen thưởng "${awardId}". Các mã có: ${campaign.awards.map((a) => a.id).join(', ')}.`);
  if (LEVEL_RANK[award.authority.level] <= LEVEL_RANK[campaign.issuer.level])
    return problem('NOT_UPWARD', `"${award.name}" do ${award.authority.title} quyết định, không cao hơn cấp của ${campaign.issuer.name}: không có gì gửi lên cấp trên. Gói đề nghị dành cho hình thức của cấp trên (${upward(campaign).join(', ') || 'phong trào không có'}).`);
  const snap = await repo.read([...ENGINE_PARTS, 'settings']);
  const evaluated = evaluateSnapshot(repo, snap);
  const year = options.year ?? [...new Set(evaluated.decisions.filter((d) => d.award === award.id).map((d) => d.year))].sort((a, b) => b - a)[0];
  const nominations = new Map(evaluated.nominations.map((n) => [n.responseId, n]));
  const nominees = evaluated.decisions
    .filter((d) => d.award === award.id && d.year === year && d.status === 'proposed')
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) || (a.rank ?? 0) - (b.rank ?? 0) || compareVi(nominations.get(a.responseId)!.name, nominations.get(b.responseId)!.name));
  if (year === undefined || nominees.length === 0) return problem('EMPTY_LIST', `Chưa có hồ sơ nào được đề nghị "${award.name}"${year ? ` năm ${year}` : ''}: chạy "thidua score" và kiểm tra trạng thái các hồ sơ.`);

  const files: PackageDocument[] = [];
  for (const writer of PACKAGE_DOCUMENT_WRITERS) {
    const written = await writer({ repo, campaign, award, year, evaluated, settings: snap.settings, nominees, now: options.now });
    if (!written.ok) return written;
    files.push(...written.value);
  }
  const settings = parseDocumentSettings(snap.settings, award.id);
  const number = settings.ok ? settings.settings.number : undefined;
  const date = settings.ok && settings.settings.signedOn ? calendarDateOf(settings.settings.signedOn) : undefined;
  const manifest: Omit<ProposalManifest, 'digest'> = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    campaign: campaign.id,
    award: { id: award.id, name: award.name },
    year,
    from: { body: campaign.issuer.name, level: campaign.issuer.level },
    proposal: { ...(number ? { number } : {}), ...(date ? { date } : {}), body: campaign.issuer.name },
    createdAt: toVietnamIso(options.now),
    files: files.map((f) => ({ path: f.path, role: f.role, ...(f.responseId ? { responseId: f.responseId } : {}), sha256: sha256Hex(f.bytes), bytes: f.bytes.length })),
    nominees: nominees.map((d) => nomineeEntry(campaign, d, nominations.get(d.responseId)!, evaluated.datasets.awardHistory, evaluated.decisions, nominations, evaluated.reviews)),
  };
  const bytes = packProposal(manifest, new Map(files.map((f) => [f.path, f.bytes])));
  return done({ name: `goi-de-nghi-${award.id}-${year}.zip`, bytes, manifest: { ...manifest, digest: sha256Hex(manifestBody(manifest)) } });
}

function upward(campaign: Campaign): string[] {
  return campaign.awards.filter((a) => LEVEL_RANK[a.authority.level] > LEVEL_RANK[campaign.issuer.level]).map((a) => a.id);
}

/**
 * One nominee as the manifest carries it. Its history: the award history rows of the same nominee (name and unit),
 * and the awards this workbook itself recorded for them (a decision number on another nomination of the nominee).
 * The lower level's decision: the latest of those at the campaign's own level.
 */
function nomineeEntry(
  campaign: Campaign,
  d: Decision,
  n: Nomination,
  awardHistory: readonly AwardHistoryRow[],
  decisions: readonly Decision[],
  nominations: ReadonlyMap<string, Nomination>,
  reviews: ReadonlyMap<string, Review>,
): PackageNominee {
  const key = nomineeRecordKey(n.name, n.unit);
  const own = decisions
    .filter((o) => o.status === 'awarded' && o.responseId !== d.responseId && nomineeRecordKey(nominations.get(o.responseId)!.name, nominations.get(o.responseId)!.unit) === key)
    .flatMap((o) => {
      const review = reviews.get(o.responseId);
      const award = findAward(campaign, o.award);
      if (!review?.decisionNumber || !review.decisionDate || !award) return [];
      return [awardedRow(n, o.year, award, review.decisionNumber, review.decisionDate)];
    });
  const history = [...awardHistory.filter((h) => nomineeRecordKey(h.name, h.unit) === key), ...own]
    .map(historyEntry)
    .filter((h, i, all) => all.findIndex((o) => o.year === h.year && o.award === h.award && o.decisionNumber === h.decisionNumber) === i)
    .sort((a, b) => a.year - b.year || a.decisionDate.localeCompare(b.decisionDate));
  const lower = [...history].reverse().find((h) => h.level === campaign.issuer.level);
  return {
    responseId: d.responseId,
    nomination: JSON.parse(JSON.stringify(n)) as Record<string, unknown>,
    status: d.status,
    total: d.total,
    selfTotal: d.selfTotal,
    ...(d.rank !== undefined ? { rank: d.rank } : {}),
    scores: d.scores,
    findings: d.findings.map((f) => ({ code: f.code, message: f.message })),
    ...(d.vote ? { vote: { meeting: d.vote.meeting, votesFor: d.vote.votesFor, votesAgainst: d.vote.votesAgainst, abstain: d.vote.abstain, total: d.vote.total, members: d.vote.members, passed: d.vote.passed } } : {}),
    ...(lower ? { lowerDecision: { number: lower.decisionNumber, date: lower.decisionDate, body: campaign.issuer.name } } : {}),
    history,
  };
}

const awardedRow = (n: Nomination, year: number, award: Award, number: string, date: string): AwardHistoryRow =>
  AwardHistoryRow.parse({ year, name: n.name, unit: n.unit, award: award.name, level: award.authority.level, mode: award.mode, decisionNumber: number, decisionDate: date });
