/** Closed sets of the domain, written once: types and zod enums derive from these. */

export const NomineeKind = ['collective', 'individual'] as const;
export type NomineeKind = (typeof NomineeKind)[number];

export const NOMINEE_KIND_LABEL: Record<NomineeKind, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

export const Gender = ['nam', 'nữ'] as const;
export type Gender = (typeof Gender)[number];

/** Administrative level of a body or an authority. */
export const Level = ['commune', 'district', 'province', 'central'] as const;
export type Level = (typeof Level)[number];

/** NĐ 152/2025: periodic (định kỳ), thematic (chuyên đề), ad-hoc (đột xuất). */
export const AwardMode = ['periodic', 'thematic', 'adhoc'] as const;
export type AwardMode = (typeof AwardMode)[number];

export const DeadlineKind = ['registration', 'dossier', 'review', 'report'] as const;
export type DeadlineKind = (typeof DeadlineKind)[number];

export const TieBreaker = ['total-score', 'women-priority'] as const;
export type TieBreaker = (typeof TieBreaker)[number];

/**
 * Where a nomination stands after the engine has looked at it.
 * `eligible` is the state after intake; `score` turns eligible ones into proposed / over-quota / council-decides.
 */
export const NominationStatus = ['eligible', 'ineligible', 'duplicate', 'proposed', 'over-quota', 'council-decides'] as const;
export type NominationStatus = (typeof NominationStatus)[number];

export const STATUS_LABEL: Record<NominationStatus, string> = {
  eligible: 'Đủ điều kiện',
  ineligible: 'Không đủ điều kiện',
  duplicate: 'Trùng đề nghị',
  proposed: 'Đề nghị khen thưởng',
  'over-quota': 'Ngoài chỉ tiêu',
  'council-decides': 'Chờ Hội đồng quyết định',
};
