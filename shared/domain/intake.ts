import { appraise, evaluationYear } from './appraise.js';
import type { AwardGuidance } from './award-guidance.js';
import type { Campaign } from './campaign.js';
import { toVietnamIso } from './dates.js';
import { nomineeKey } from './decide.js';
import { finding, hasRejection, type Finding } from './findings.js';
import { parseNomination, type Nomination } from './nomination.js';
import { statusOf } from './status.js';
import { stripUnsafe } from './text.js';
import type { NominationStatus } from './vocabulary.js';

/** What became of one submission. */
export type IntakeOutcome =
  | { kind: 'accepted'; nomination: Nomination; status: NominationStatus; total: number; findings: Finding[] }
  | { kind: 'duplicate'; responseId: string }
  | { kind: 'rejected'; responseId?: string; findings: Finding[] };

/**
 * What intake needs of a stored nomination: its responseId, and what its nominee key and evaluation year are made of
 * (`nomineeKey`, `evaluationYear`). A whole Nomination is one; so is the compact index the store reads for intake.
 */
export type NomineeIdentity = Pick<Nomination, 'responseId' | 'submittedAt' | 'campaign' | 'award' | 'kind' | 'name' | 'unit' | 'birthDate' | 'year'>;

/** How far a `submittedAt` may run ahead of the moment of intake: the sender's clock may be a little fast. */
export const CLOCK_ALLOWANCE_MS = 5 * 60_000;

/**
 * Takes submissions in one by one, as they arrive, against what the store already holds. Pure: the caller reads the
 * store once, feeds every submission, and writes the accepted and rejected ones back in one batch.
 * A `responseId` already stored (or already taken in this session) is a repeated delivery: it changes nothing.
 * `now` is the moment of intake: a `submittedAt` later than `now` plus {@link CLOCK_ALLOWANCE_MS} is refused.
 */

export class IntakeSession {
  private readonly ids: Set<string>;
  private readonly nominees = new Map<string, string>();

  constructor(
    private readonly campaign: Campaign,
    stored: readonly NomineeIdentity[],
    private readonly now: Date,
    private readonly guidance?: AwardGuidance,
  ) {
    this.ids = new Set(stored.map((n) => n.responseId));
    for (const n of [...stored].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())) {
      // the year appraise(n, campaign) gives a stored nomination: its evaluation year
      const key = nomineeKey(n, evaluationYear(n));
      if (!this.nominees.has(key)) this.nominees.set(key, n.responseId);
    }
  }

  take(raw: unknown): IntakeOutcome {
    const parsed = parseNomination(raw);
    if (!parsed.ok) return { kind: 'rejected', responseId: responseIdOf(raw), findings: parsed.findings };
    const nomination = parsed.nomination;
    if (this.ids.has(nomination.responseId)) return { kind: 'duplicate', responseId: nomination.responseId };
    if (nomination.submittedAt.getTime() > this.now.getTime() + CLOCK_ALLOWANCE_MS) {
      const params = { submitted: toVietnamIso(nomination.submittedAt), received: toVietnamIso(this.now), allowance: CLOCK_ALLOWANCE_MS / 60_000 };
      return { kind: 'rejected', responseId: nomination.responseId, findings: [finding('SUBMITTED_IN_FUTURE', 'submittedAt', params)] };
    }
    if (nomination.campaign !== this.campaign.id) {
      return { kind: 'rejected', responseId: nomination.responseId, findings: [finding('CAMPAIGN_MISMATCH', 'campaign', { value: nomination.campaign, expected: this.campaign.id })] };
    }
    const appraisal = appraise(nomination, this.campaign, this.guidance ? { guidance: this.guidance } : {});
    if (hasRejection(appraisal.findings)) {
      return { kind: 'rejected', responseId: nomination.responseId, findings: appraisal.findings.filter((f) => f.severity === 'rejected') };
    }
    const findings = [...appraisal.findings];
    const key = nomineeKey(nomination, appraisal.year);
    const first = this.nominees.get(key);
    if (first) findings.push(finding('DUPLICATE_NOMINEE', 'name', { other: first, year: appraisal.year }));
    else this.nominees.set(key, nomination.responseId);
    this.ids.add(nomination.responseId);
    const status = statusOf(findings, { duplicate: first !== undefined });
    return { kind: 'accepted', nomination, status, total: appraisal.total, findings };
  }
}

function responseIdOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).responseId;
  const shown = typeof id === 'string' ? stripUnsafe(id).trim() : '';
  return shown ? shown.slice(0, 200) : undefined;
}
