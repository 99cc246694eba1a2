/** Closed sets of the domain, written once: types and zod enums derive from these. */

export const NomineeKind = ['collective', 'individual'] as const;
export type NomineeKind = (typeof NomineeKind)[number];

export const NOMINEE_KIND_LABEL: Record<NomineeKind, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

export const Gender = ['nam', 'nữ'] as const;
export type Gender = (typeof Gender)[number];

/**
 * Administrative level of a body or an authority. `district-agency`: the heads of a district's departments, its
 * Fatherland Front and mass organisations, who grant their own Giấy khen (Vạn Ninh plan 3.3b); never the district
 * chairman's recognition.
 */
export const Level = ['commune', 'district', 'district-agency', 'province', 'central'] as const;
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
export const NominationStatus = ['eligible', 'ineligible', 'duplicate', 'awaiting-council', 'needs-documents', 'proposed', 'over-quota', 'council-decides', 'awarded', 'awaiting-vote', 'vote-failed'] as const;
export type NominationStatus = (typeof NominationStatus)[number];

export const STATUS_LABEL: Record<NominationStatus, string> = {
  eligible: 'Đủ điều kiện',
  ineligible: 'Không đủ điều kiện',
  duplicate: 'Trùng đề nghị',
  proposed: 'Đề nghị khen thưởng',
  'over-quota': 'Ngoài chỉ tiêu',
  'council-decides': 'Chờ Hội đồng quyết định',
  'awaiting-council': 'Chờ Hội đồng đánh giá',
  'needs-documents': 'Cần bổ sung hồ sơ',
  awarded: 'Đã khen thưởng',
  'awaiting-vote': 'Chờ Hội đồng biểu quyết',
  'vote-failed': 'Không được Hội đồng thông qua',
};

/**
 * Labels a status showed before it was reworded: still read from sheets written before, never written again
 * (docs/decisions/003). Add the old wording here whenever a label above changes.
 */
export const FORMER_STATUS_LABEL: Partial<Record<NominationStatus, readonly string[]>> = {};

/** Where a nomination is in the review: submitted → appraised → proposed → awarded. */
export const Stage = ['submitted', 'appraised', 'proposed', 'awarded'] as const;
export type Stage = (typeof Stage)[number];

export const STAGE_LABEL: Record<Stage, string> = {
  submitted: 'Đã nộp',
  appraised: 'Đã thẩm định',
  proposed: 'Đã đề nghị',
  awarded: 'Đã khen thưởng',
};

/** The council's appraisal (thẩm định) of a nomination; the last two need a reason. */
export const AppraisalVerdict = ['eligible', 'needs-documents', 'not-eligible'] as const;
export type AppraisalVerdict = (typeof AppraisalVerdict)[number];

export const APPRAISAL_LABEL: Record<AppraisalVerdict, string> = {
  eligible: 'Đủ điều kiện',
  'needs-documents': 'Cần bổ sung hồ sơ',
  'not-eligible': 'Không đủ điều kiện',
};

/** The council's choice among nominations tied at the quota line. */
export const CouncilChoice = ['select', 'reject'] as const;
export type CouncilChoice = (typeof CouncilChoice)[number];

export const CHOICE_LABEL: Record<CouncilChoice, string> = { select: 'Chọn', reject: 'Không chọn' };

/** What a member does at the council's meeting: chairs it, keeps its minutes, or sits as a member. */
export const MeetingDuty = ['chair', 'secretary', 'member'] as const;
export type MeetingDuty = (typeof MeetingDuty)[number];

export const MEETING_DUTY_LABEL: Record<MeetingDuty, string> = { chair: 'Chủ trì', secretary: 'Thư ký', member: 'Thành viên' };

/** Whether a member of the council attended its meeting; an absent member may vote in writing where the rules allow. */
export const Attendance = ['present', 'absent', 'written'] as const;
export type Attendance = (typeof Attendance)[number];

export const ATTENDANCE_LABEL: Record<Attendance, string> = { present: 'Có mặt', absent: 'Vắng mặt', written: 'Vắng mặt, có phiếu bằng văn bản' };

/** One member's vote on one nomination. */
export const BallotChoice = ['for', 'against', 'abstain'] as const;
export type BallotChoice = (typeof BallotChoice)[number];

export const BALLOT_LABEL: Record<BallotChoice, string> = { for: 'Đồng ý', against: 'Không đồng ý', abstain: 'Không biểu quyết' };
