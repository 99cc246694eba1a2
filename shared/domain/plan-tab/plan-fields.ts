import type { ChoiceSetId } from './plan-labels.js';

/**
 * The campaign tab ("Kế hoạch") field by field: one row of the tab is one field of the campaign template, found by its
 * section ("Phần"), the item it belongs to ("Mã": an award id, a criterion number, …) and its label ("Mục"). This
 * table is the one mapping between the tab and the template's schema (shared/domain/campaign.ts): the writer and the
 * reader both walk it, and a drift test checks that every field of the four templates has a row.
 */

/** The sections of the tab, in the order they are written. */
export const SECTION = {
  general: 'Thông tin chung',
  legal: 'Căn cứ pháp lý',
  criteriaCollective: 'Tiêu chí – Tập thể',
  criteriaIndividual: 'Tiêu chí – Cá nhân',
  scales: 'Thang đánh giá',
  awards: 'Khen thưởng',
  prerequisites: 'Điều kiện khen thưởng',
  lists: 'Danh sách khen thưởng',
  deadlines: 'Thời hạn',
  dossier: 'Hồ sơ khen thưởng',
  ties: 'Xét khi bằng điểm',
  blocks: 'Khối thi đua',
  equivalences: 'Tương đương cấp khen',
  council: 'Hội đồng',
  vote: 'Biểu quyết của Hội đồng',
} as const;
export type SectionId = keyof typeof SECTION;
export const SECTION_LABELS: readonly string[] = Object.values(SECTION);

/**
 * The collections whose items a row names in its "Mã" column. `path` is where the array sits (under the parent's
 * item for `parent`); `idField` is the item's field the "Mã" sets ("id", "number"); a child's "Mã" is
 * "<parent's Mã>/<n>" (the prerequisite n of an award, the level n of a rating scale).
 */
export interface Collection {
  path: readonly string[];
  idField?: string;
  /** A CollectionId (typed as text here: the table refers to itself). */
  parent?: string;
}
export const COLLECTIONS = {
  award: { path: ['awards'], idField: 'id' },
  criterionCollective: { path: ['rubrics', 'collective', 'criteria'], idField: 'number' },
  criterionIndividual: { path: ['rubrics', 'individual', 'criteria'], idField: 'number' },
  scale: { path: ['ratingScales'], idField: 'id' },
  scaleLevel: { path: ['levels'], parent: 'scale' },
  prerequisite: { path: ['prerequisites'], parent: 'award' },
  deadline: { path: ['deadlines'], idField: 'id' },
  document: { path: ['dossier', 'documents'], idField: 'id' },
  copies: { path: ['dossier', 'copies'], idField: 'award' },
  equivalence: { path: ['levelEquivalences'] },
  reportForm: { path: ['dossier', 'reportForms'] },
} as const satisfies Record<string, Collection>;
export type CollectionId = keyof typeof COLLECTIONS;

/**
 * How a field's cells become its value. `choice`: a label of a set in "Lựa chọn"; `quota`: the kind in "Lựa chọn",
 * the number in "Giá trị" (the kind is the last key of the path); `due`: "Hằng năm" (day/month) or "Một lần"
 * (a date) in "Lựa chọn", the date in "Giá trị"; `marker`: "Có" makes the object exist (blocks without names).
 */
export type FieldType = 'text' | 'lines' | 'number' | 'integer' | 'percent' | 'date' | 'choice' | 'bool' | 'quota' | 'due' | 'marker';

export interface FieldSpec {
  section: SectionId;
  /** The "Mục" label, unique within its section. */
  label: string;
  /** The path under the item (or the root), "/"-separated; a last segment "-" appends (one row per value). */
  path: string;
  type: FieldType;
  choices?: ChoiceSetId;
  collection?: CollectionId;
  /** A blank "Giá trị" means the empty text, not a missing field (an issuing body the council names later). */
  blankIsEmpty?: boolean;
  /** What the secretary writes, shown in the guide and in messages. */
  hint?: string;
  /** Not asked for by the schema (or defaulted): left out of the tab when the template has none. */
  optional?: boolean;
  /** Left out, when blank, for an item that has this field instead (a rated criterion has a scale, not a maximum). */
  unlessItemHas?: string;
}

const f = (section: SectionId, label: string, path: string, type: FieldType, more: Partial<FieldSpec> = {}): FieldSpec => ({ section, label, path, type, ...more });
const award = { collection: 'award' } as const;

const criterionFields = (section: 'criteriaCollective' | 'criteriaIndividual', collection: 'criterionCollective' | 'criterionIndividual', kind: string): FieldSpec[] => [
  f(section, 'Ngưỡng tổng điểm', `rubrics/${kind}/totalThreshold`, 'number', { hint: 'để trống nếu kế hoạch không đặt' }),
  f(section, 'Tài liệu kiểm chứng', `rubrics/${kind}/evidence`, 'choice', { choices: 'evidence' }),
  f(section, 'Nội dung tiêu chí', 'text', 'text', { collection }),
  f(section, 'Điểm tối đa', 'maxPoints', 'number', { collection, hint: 'hoặc ghi thang đánh giá', unlessItemHas: 'scale' }),
  f(section, 'Thang đánh giá', 'scale', 'text', { collection, hint: 'mã một thang ở phần Thang đánh giá' }),
  f(section, 'Tỷ lệ điểm tối thiểu (%)', 'minShare', 'percent', { collection, hint: '90 nghĩa là đạt 90% điểm tối đa (hoặc phân số, 9/10); 0 nếu không đặt' }),
  f(section, 'Gợi ý tài liệu kiểm chứng', 'evidenceHint', 'text', { collection }),
];

/** Fields the writer leaves out when the template has no value (a secretary adds the row when the plan has one). */
const OPTIONAL = new Set([
  'general:plan/seed', 'general:nominationPeriod/from', 'general:nominationPeriod/to', 'general:awardGuidance/by', 'general:awardGuidance/planSays',
  'criteriaCollective:rubrics/collective/totalThreshold', 'criteriaIndividual:rubrics/individual/totalThreshold',
  'criteriaCollective:scale', 'criteriaIndividual:scale', 'criteriaCollective:evidenceHint', 'criteriaIndividual:evidenceHint',
  'awards:authority/validFrom', 'awards:authority/validUntil', 'awards:authority/successor', 'awards:authority/ofIssuer', 'awards:scored',
  'awards:quotaPerYear', 'awards:quotaPerBlockPerYear', 'awards:successorAward', 'awards:deadlines/-',
  'prerequisites:deadline', 'prerequisites:status', 'prerequisites:level', 'prerequisites:consecutiveYears', 'prerequisites:modes/-',
  'prerequisites:years', 'prerequisites:referenceDate', 'prerequisites:district', 'prerequisites:recognisedBy',
  'prerequisites:minReferrals', 'prerequisites:consecutiveWeeks', 'prerequisites:kinds/-',
  'lists:list/header/governingBody', 'lists:list/header/validUntil', 'lists:list/header/successor/governingBody',
  'lists:list/header/successor/issuingBody', 'lists:list/header/successor/issuerName', 'lists:list/header/successor/place',
  'lists:list/header/successor/signer/-', 'lists:list/header/successor/note', 'deadlines:submitTo', 'dossier:sets',
  'ties:tieBreakers/-', 'blocks:blocks', 'blocks:blocks/names/-', 'equivalences:level', 'equivalences:from', 'equivalences:countsAs',
  'council:council/outlierPoints', 'dossier:from', 'dossier:until', 'dossier:title',
  'vote:council/vote/quorumShare', 'vote:council/vote/agreeShare', 'vote:council/vote/agreeAbove', 'vote:council/vote/agreeOf', 'vote:council/vote/writtenVotes',
]);

const TABLE: readonly FieldSpec[] = [
  f('general', 'Mã phong trào', 'id', 'text', { hint: 'chữ thường không dấu, số, dấu gạch ngang' }),
  f('general', 'Tên phong trào', 'title', 'text'),
  f('general', 'Cơ quan ban hành', 'issuer/name', 'text'),
  f('general', 'Cấp cơ quan ban hành', 'issuer/level', 'choice', { choices: 'level' }),
  f('general', 'Địa danh', 'issuer/place', 'text'),
  f('general', 'Kế hoạch (số, ngày)', 'plan/reference', 'text'),
  f('general', 'Tệp kế hoạch gốc', 'plan/seed', 'text'),
  f('general', 'Thời gian từ ngày', 'term/from', 'date'),
  f('general', 'Thời gian đến ngày', 'term/to', 'date'),
  f('general', 'Nhận hồ sơ từ ngày', 'nominationPeriod/from', 'date'),
  f('general', 'Nhận hồ sơ đến ngày', 'nominationPeriod/to', 'date'),
  f('general', 'Hướng dẫn khen thưởng do', 'awardGuidance/by', 'text', { hint: 'cơ quan sẽ ban hành hướng dẫn khen thưởng sau đợt thi đua' }),
  f('general', 'Hướng dẫn khen thưởng: kế hoạch ghi', 'awardGuidance/planSays', 'text', { hint: 'câu của kế hoạch hẹn hướng dẫn đó' }),
  f('general', 'Đối tượng', 'nomineeKinds/-', 'choice', { choices: 'kind' }),
  f('legal', 'Căn cứ', 'legalBasis/-', 'text'),
  ...criterionFields('criteriaCollective', 'criterionCollective', 'collective'),
  ...criterionFields('criteriaIndividual', 'criterionIndividual', 'individual'),
  f('scales', 'Điểm đạt', 'passPoints', 'number', { collection: 'scale' }),
  f('scales', 'Tên mức', 'label', 'text', { collection: 'scaleLevel' }),
  f('scales', 'Điểm của mức', 'points', 'number', { collection: 'scaleLevel' }),
  f('awards', 'Tên hình thức khen thưởng', 'name', 'text', award),
  f('awards', 'Thẩm quyền khen thưởng', 'authority/title', 'text', award),
  f('awards', 'Cấp thẩm quyền', 'authority/level', 'choice', { ...award, choices: 'level' }),
  f('awards', 'Thẩm quyền có từ ngày', 'authority/validFrom', 'date', award),
  f('awards', 'Thẩm quyền hết từ ngày', 'authority/validUntil', 'date', { ...award, hint: 'ngày đầu tiên thẩm quyền không còn' }),
  f('awards', 'Thẩm quyền kế nhiệm', 'authority/successor', 'text', award),
  f('awards', 'Chủ tịch cơ quan ban hành danh sách', 'authority/ofIssuer', 'bool', award),
  f('awards', 'Loại khen thưởng', 'mode', 'choice', { ...award, choices: 'mode' }),
  f('awards', 'Chấm điểm theo tiêu chí', 'scored', 'bool', award),
  f('awards', 'Đối tượng', 'kinds/-', 'choice', { ...award, choices: 'kind' }),
  f('awards', 'Chỉ tiêu mỗi năm', 'quotaPerYear', 'quota', { ...award, choices: 'kind' }),
  f('awards', 'Chỉ tiêu mỗi khối mỗi năm', 'quotaPerBlockPerYear', 'quota', { ...award, choices: 'kind' }),
  f('awards', 'Hình thức kế nhiệm', 'successorAward', 'text', award),
  f('awards', 'Hạn nộp hồ sơ', 'deadlines/-', 'text', { ...award, hint: 'mã một hạn ở phần Thời hạn' }),
  f('prerequisites', 'Loại điều kiện', 'type', 'choice', { collection: 'prerequisite', choices: 'prerequisite' }),
  f('prerequisites', 'Mô tả', 'description', 'text', { collection: 'prerequisite' }),
  f('prerequisites', 'Hạn đăng ký', 'deadline', 'text', { collection: 'prerequisite' }),
  f('prerequisites', 'Mức đăng ký', 'status', 'choice', { collection: 'prerequisite', choices: 'registrationStatus' }),
  f('prerequisites', 'Cấp đã khen', 'level', 'choice', { collection: 'prerequisite', choices: 'level' }),
  f('prerequisites', 'Số năm liên tục', 'consecutiveYears', 'integer', { collection: 'prerequisite' }),
  f('prerequisites', 'Loại khen thưởng được tính', 'modes/-', 'choice', { collection: 'prerequisite', choices: 'mode' }),
  f('prerequisites', 'Số tuổi', 'years', 'integer', { collection: 'prerequisite' }),
  f('prerequisites', 'Tính tuổi đến ngày', 'referenceDate', 'date', { collection: 'prerequisite' }),
  f('prerequisites', 'Địa bàn cuộc thi', 'district', 'text', { collection: 'prerequisite' }),
  f('prerequisites', 'Kết quả tốt do ai công nhận', 'recognisedBy', 'text', { collection: 'prerequisite', hint: 'như kế hoạch ghi: Ban Tổ chức cuộc thi' }),
  f('prerequisites', 'Số người giới thiệu tối thiểu', 'minReferrals', 'integer', { collection: 'prerequisite' }),
  f('prerequisites', 'Số tuần liên tục', 'consecutiveWeeks', 'integer', { collection: 'prerequisite' }),
  f('prerequisites', 'Áp dụng cho đối tượng', 'kinds/-', 'choice', { collection: 'prerequisite', choices: 'kind' }),
  f('lists', 'Loại danh sách', 'list/kind', 'choice', { ...award, choices: 'listKind' }),
  f('lists', 'Tiêu đề danh sách', 'list/title', 'text', award),
  f('lists', 'Cơ quan chủ quản', 'list/header/governingBody', 'text', { ...award, blankIsEmpty: true }),
  f('lists', 'Cơ quan ban hành', 'list/header/issuingBody', 'lines', { ...award, blankIsEmpty: true }),
  f('lists', 'Địa danh', 'list/header/place', 'text', { ...award, blankIsEmpty: true }),
  f('lists', 'Người ký', 'list/header/signer/-', 'text', award),
  f('lists', 'Phần đầu dùng đến trước ngày', 'list/header/validUntil', 'date', award),
  f('lists', 'Kế nhiệm: cơ quan chủ quản', 'list/header/successor/governingBody', 'text', award),
  f('lists', 'Kế nhiệm: cơ quan ban hành', 'list/header/successor/issuingBody', 'lines', award),
  f('lists', 'Kế nhiệm: tên trong văn bản', 'list/header/successor/issuerName', 'text', award),
  f('lists', 'Kế nhiệm: địa danh', 'list/header/successor/place', 'text', award),
  f('lists', 'Kế nhiệm: người ký', 'list/header/successor/signer/-', 'text', award),
  f('lists', 'Kế nhiệm: ghi chú', 'list/header/successor/note', 'text', award),
  f('deadlines', 'Tên hạn', 'label', 'text', { collection: 'deadline' }),
  f('deadlines', 'Loại hạn', 'kind', 'choice', { collection: 'deadline', choices: 'deadlineKind' }),
  f('deadlines', 'Nộp cho', 'submitTo', 'text', { collection: 'deadline' }),
  f('deadlines', 'Trước ngày', 'due', 'due', { collection: 'deadline', choices: 'due', hint: 'Hằng năm: ngày/tháng; Một lần: ngày/tháng/năm' }),
  f('dossier', 'Tên tài liệu', 'name', 'text', { collection: 'document' }),
  f('dossier', 'Số bộ hồ sơ', 'sets', 'integer', { collection: 'copies', hint: 'Mã là mã hình thức khen thưởng' }),
  f('dossier', 'Mẫu báo cáo: áp dụng từ ngày', 'from', 'date', { collection: 'reportForm' }),
  f('dossier', 'Mẫu báo cáo: áp dụng đến trước ngày', 'until', 'date', { collection: 'reportForm' }),
  f('dossier', 'Mẫu báo cáo: nghị định', 'decree', 'text', { collection: 'reportForm' }),
  f('dossier', 'Mẫu báo cáo: mẫu số', 'form', 'text', { collection: 'reportForm' }),
  f('dossier', 'Mẫu báo cáo: tên mẫu', 'title', 'text', { collection: 'reportForm' }),
  f('ties', 'Xét theo', 'tieBreakers/-', 'choice', { choices: 'tieBreaker' }),
  f('blocks', 'Có khối thi đua', 'blocks', 'marker', { choices: 'yesNo' }),
  f('blocks', 'Tên khối', 'blocks/names/-', 'text'),
  f('equivalences', 'Cấp khen', 'level', 'choice', { collection: 'equivalence', choices: 'level' }),
  f('equivalences', 'Từ ngày', 'from', 'date', { collection: 'equivalence' }),
  f('equivalences', 'Được tính như', 'countsAs', 'choice', { collection: 'equivalence', choices: 'level' }),
  f('council', 'Điểm lệch cần xem lại', 'council/outlierPoints', 'number'),
  f('vote', 'Tỷ lệ thành viên có mặt tối thiểu', 'council/vote/quorumShare', 'percent', { hint: 'phần trăm (67) hoặc phân số (2/3)' }),
  f('vote', 'Tỷ lệ đồng ý cần đạt', 'council/vote/agreeShare', 'percent', { hint: 'phần trăm (50) hoặc phân số (1/2)' }),
  f('vote', 'Phải trên tỷ lệ đó', 'council/vote/agreeAbove', 'bool', { hint: 'Có: trên 50%; Không: từ 50% trở lên' }),
  f('vote', 'Tỷ lệ đồng ý tính trên', 'council/vote/agreeOf', 'choice', { choices: 'agreeBase' }),
  f('vote', 'Thành viên vắng được gửi phiếu', 'council/vote/writtenVotes', 'bool'),
];

export const FIELDS: readonly FieldSpec[] = TABLE.map((s) => (OPTIONAL.has(`${s.section}:${s.path}`) ? { ...s, optional: true } : s));

/** Every "Mục" label of the tab, once: the dropdown of the "Mục" column. */
export const FIELD_LABELS: readonly string[] = [...new Set(FIELDS.map((s) => s.label))];

/** The spec of a row, by its section and field labels; undefined when the pair is not a field of the tab. */
export function fieldSpec(section: string, label: string): FieldSpec | undefined {
  return BY_LABELS.get(`${norm(section)}|${norm(label)}`);
}

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
const BY_LABELS = new Map(FIELDS.map((s) => [`${norm(SECTION[s.section])}|${norm(s.label)}`, s]));
