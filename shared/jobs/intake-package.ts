import type { AuditEntry } from '../domain/audit.js';
import { findAward } from '../domain/campaign.js';
import { AwardHistoryRow } from '../domain/datasets.js';
import { formatOfficialDate, toVietnamIso } from '../domain/dates.js';
import { packageResponseId, type PackageNominee, type ProposalManifest } from '../domain/proposal-manifest.js';
import { unpackProposal } from '../exports/proposal-package.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { intake, type IntakeResult } from './intake.js';
import { done, problem, type JobResult } from './problem.js';

export interface PackageIntake {
  manifest: ProposalManifest;
  /** One outcome per nominee, in the manifest's order, with the id the nominee takes here. */
  outcomes: Array<{ responseId: string; name: string; outcome: IntakeResult }>;
  history: { added: number; skipped: number };
}

/** The audit field under which the lower level's proposal is recorded for each nominee taken in. */
export const LOWER_PROPOSAL_FIELD = 'Đề nghị của cấp dưới';

/**
 * Takes in a proposal package from the level below: checks it (a .zip of this format, manifest not edited, every file
 * present and unchanged, the same campaign, an award it has), then appends the nominees' award history (the lower
 * level's decisions among it: the list cites them), takes each nomination in under `<lower body>/<its id>` (the
 * engine appraises it again under this level's rules), and records in the audit tab, for each nominee taken in, the
 * lower level's proposal, decision, score and vote. Idempotent like every intake: taking the same package in again
 * finds the same history rows and the same ids, and changes nothing.
 */
export async function intakeProposalPackage(repo: CampaignRepository, bytes: Uint8Array, fileName: string, now: Date): Promise<JobResult<PackageIntake>> {
  const unpacked = unpackProposal(bytes, fileName);
  if (!unpacked.ok) return problem('BAD_PACKAGE', unpacked.problems.join('\n'));
  const { manifest } = unpacked;
  if (manifest.campaign !== repo.campaign.id)
    return problem('WRONG_CAMPAIGN', `Gói "${fileName}": manifest.json, trường "campaign" là phong trào "${manifest.campaign}", nhưng sổ này dành cho phong trào "${repo.campaign.id}".`);
  const award = findAward(repo.campaign, manifest.award.id);
  if (!award) return problem('UNKNOWN_AWARD', `Gói "${fileName}": manifest.json, trường "award.id": phong trào không có hình thức khen thưởng "${manifest.award.id}".`);

  const rows = manifest.nominees.flatMap((n) => n.history.map((h) => AwardHistoryRow.parse(h)));
  const history = rows.length ? await repo.importDataset({ id: 'award-history', rows }) : { added: 0, skipped: 0 };
  const submissions = manifest.nominees.map((n, i) => ({ payload: { ...n.nomination, responseId: packageResponseId(manifest, n.responseId) }, source: `package:${fileName}#${i + 1}` }));
  const results = await intake(repo, submissions, now);
  const outcomes = manifest.nominees.map((n, i) => ({ responseId: packageResponseId(manifest, n.responseId), name: String(n.nomination.name ?? ''), outcome: results[i]! }));
  const at = toVietnamIso(now);
  const audit: AuditEntry[] = outcomes.flatMap((o, i) => (o.outcome.kind === 'accepted' ? [{ at, by: `${manifest.from.body} (gói ${fileName})`, responseId: o.responseId, field: LOWER_PROPOSAL_FIELD, old: '', new: lowerProposalText(manifest, manifest.nominees[i]!) }] : []));
  if (audit.length) await repo.writeExclusive([{ kind: 'audit', entries: audit }]);
  return done({ manifest, outcomes, history });
}

/** What the upper council reads of the lower level's proposal for one nominee, in one line. */
export function lowerProposalText(manifest: ProposalManifest, n: PackageNominee): string {
  const parts = [
    `${manifest.from.body} đề nghị ${manifest.award.name} năm ${manifest.year}`,
    manifest.proposal.number ? `văn bản số ${manifest.proposal.number}${manifest.proposal.date ? ` ngày ${formatOfficialDate(manifest.proposal.date)}` : ''}` : '',
    n.lowerDecision ? `đã được khen: Quyết định số ${n.lowerDecision.number} ngày ${formatOfficialDate(n.lowerDecision.date)} của ${n.lowerDecision.body}` : '',
    `điểm xét ${String(n.total).replace('.', ',')}${n.rank ? `, xếp hạng ${n.rank}` : ''}`,
    n.vote ? `Hội đồng biểu quyết ${n.vote.votesFor}/${n.vote.members} đồng ý (phiên họp ${n.vote.meeting})` : '',
  ];
  return parts.filter(Boolean).join('; ') + '.';
}
