import { AwardMode, DeadlineKind, Level, NOMINEE_KIND_LABEL, NomineeKind, TieBreaker } from '../vocabulary.js';

/**
 * The Vietnamese labels of every closed set the campaign tab ("Kế hoạch") offers as a dropdown, written once: the
 * writer turns enums into these labels, the reader turns them back, and the tab's "Lựa chọn" column offers their union.
 */

export const LEVEL_LABEL: Record<Level, string> = {
  commune: 'Cấp xã',
  district: 'Cấp huyện',
  'district-agency': 'Cơ quan, đơn vị cấp huyện',
  province: 'Cấp tỉnh',
  central: 'Trung ương',
};

export const MODE_LABEL: Record<AwardMode, string> = {
  periodic: 'Định kỳ (hằng năm)',
  thematic: 'Theo chuyên đề',
  adhoc: 'Đột xuất',
};

export const DEADLINE_KIND_LABEL: Record<DeadlineKind, string> = {
  registration: 'Đăng ký thi đua',
  dossier: 'Nộp hồ sơ khen thưởng',
  review: 'Xét khen thưởng',
  report: 'Báo cáo',
};

export const TIE_BREAKER_LABEL: Record<TieBreaker, string> = {
  'total-score': 'Tổng điểm cao hơn',
  'women-priority': 'Ưu tiên nữ (Nghị định 152/2025)',
};

export const PrerequisiteType = ['registered-model', 'prior-recognition', 'minimum-age', 'quiz-participation'] as const;
export type PrerequisiteType = (typeof PrerequisiteType)[number];

/** The rules the engine knows how to check (shared/domain/prerequisites.ts): the only ones a plan can choose. */
export const PREREQUISITE_LABEL: Record<PrerequisiteType, string> = {
  'registered-model': 'Đã đăng ký mô hình, điển hình',
  'prior-recognition': 'Đã được khen liên tục trước đó',
  'minimum-age': 'Đủ tuổi tối thiểu',
  'quiz-participation': 'Tham gia cuộc thi trực tuyến',
};

export const REGISTRATION_STATUS_LABEL = { registered: 'Đã đăng ký', checked: 'Đã kiểm tra', recognised: 'Đã công nhận' } as const;
export const LIST_KIND_LABEL = { proposal: 'Danh sách đề nghị cấp trên khen', decision: 'Danh sách kèm quyết định khen' } as const;
export const EVIDENCE_LABEL = { 'each-criterion': 'Bắt buộc cho từng tiêu chí', none: 'Không bắt buộc' } as const;
export const YES_NO_LABEL = { yes: 'Có', no: 'Không' } as const;
export const DUE_LABEL = { everyYearBefore: 'Hằng năm', before: 'Một lần' } as const;
export const AGREE_BASE_LABEL = { members: 'Tổng số thành viên Hội đồng', voters: 'Số thành viên tham gia biểu quyết' } as const;
export const KIND_LABEL: Record<NomineeKind, string> = NOMINEE_KIND_LABEL;

/** A closed set of the tab: enum value → label. */
export type ChoiceSet = Readonly<Record<string, string>>;

export const CHOICE_SETS = {
  level: LEVEL_LABEL,
  mode: MODE_LABEL,
  kind: KIND_LABEL,
  deadlineKind: DEADLINE_KIND_LABEL,
  tieBreaker: TIE_BREAKER_LABEL,
  prerequisite: PREREQUISITE_LABEL,
  registrationStatus: REGISTRATION_STATUS_LABEL,
  listKind: LIST_KIND_LABEL,
  evidence: EVIDENCE_LABEL,
  yesNo: YES_NO_LABEL,
  due: DUE_LABEL,
  agreeBase: AGREE_BASE_LABEL,
} as const satisfies Record<string, ChoiceSet>;
export type ChoiceSetId = keyof typeof CHOICE_SETS;

/** What each set is called in a message ("… không phải một cấp: chọn Cấp xã, Cấp huyện, …"). */
export const CHOICE_SET_NAME: Record<ChoiceSetId, string> = {
  level: 'một cấp',
  mode: 'một loại khen thưởng',
  kind: 'một đối tượng',
  deadlineKind: 'một loại hạn',
  tieBreaker: 'một cách xét khi bằng điểm',
  prerequisite: 'một điều kiện phần mềm kiểm tra được',
  registrationStatus: 'một mức đăng ký',
  listKind: 'một loại danh sách',
  evidence: 'một yêu cầu tài liệu kiểm chứng',
  yesNo: '"Có" hoặc "Không"',
  due: '"Hằng năm" hoặc "Một lần"',
  agreeBase: 'một cách tính tỷ lệ đồng ý',
};

/** Every label of every set, once, in a stable order: the dropdown of the "Lựa chọn" column. */
export const ALL_CHOICE_LABELS: readonly string[] = [...new Set(Object.values(CHOICE_SETS).flatMap((s) => Object.values(s)))];

/** The enum value of a label in a set (case and spacing forgiven), or undefined. */
export function choiceValue(set: ChoiceSetId, label: string): string | undefined {
  const wanted = label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return Object.entries(CHOICE_SETS[set] as ChoiceSet).find(([, l]) => l.toLocaleLowerCase('vi') === wanted)?.[0];
}
