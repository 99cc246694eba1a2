import { z } from 'zod';
import './zod-vietnamese.js';

/** Whose share the agreeing votes are counted against: every member of the council, or the members who voted. */
export const AgreeBase = ['members', 'voters'] as const;
export type AgreeBase = (typeof AgreeBase)[number];

/**
 * How the council's vote is judged (docs/decisions/012-council-vote.md). The defaults follow the common provincial and
 * ministerial Quy chế hoạt động of a Hội đồng Thi đua - Khen thưởng: a meeting is valid with at least two thirds of its
 * members present; a proposal passes with more than half of all members agreeing (absent members may give a written
 * ballot, as NĐ 91/2017 Điều 45 khoản 8 provided for the titles that needed a secret ballot). A template sets its own.
 */
export const VoteRules = z.object({
  /** The share of the council's members who must be present (in person) for the meeting to be valid. */
  quorumShare: z.number().gt(0).max(1).default(2 / 3),
  /** The share of agreeing votes a nomination needs. */
  agreeShare: z.number().gt(0).max(1).default(0.5),
  /** `true`: strictly more than the share ("trên 50%"); `false`: at least it ("từ 90% trở lên"). */
  agreeAbove: z.boolean().default(true),
  /** Counted against all members of the council (the usual rule) or only the members who voted. */
  agreeOf: z.enum(AgreeBase).default('members'),
  /** Whether an absent member may vote with a written ballot (phiếu bằng văn bản). */
  writtenVotes: z.boolean().default(true),
});
export type VoteRules = z.output<typeof VoteRules>;

export const DEFAULT_VOTE_RULES: VoteRules = VoteRules.parse({});
