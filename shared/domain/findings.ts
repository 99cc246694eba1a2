/**
 * Findings: what the engine says about a nomination, each with a machine code, the field it concerns,
 * a severity and a Vietnamese message. Every code's message lives here, so a missing one is a compile error.
 */

/**
 * `rejected`: the submission cannot be taken in as it is; `ineligible`: taken in, but does not qualify;
 * `pending`: cannot be ranked until the council acts; `info`: for the council, never blocks.
 */
export const Severity = ['rejected', 'ineligible', 'pending', 'info'] as const;
export type Severity = (typeof Severity)[number];

export type FindingParams = Record<string, string | number>;

interface FindingSpec {
  severity: Severity;
  message: (p: FindingParams) => string;
}

const spec = (severity: Severity, message: (p: FindingParams) => string): FindingSpec => ({ severity, message });

export const FINDINGS = {
  PAYLOAD_NOT_OBJECT: spec('rejected', () => 'Dữ liệu gửi lên không phải là một hồ sơ đề nghị (cần một đối tượng JSON).'),
  PAYLOAD_TOO_LARGE: spec('rejected', (p) => `Hồ sơ quá lớn (${p.size} KB, tối đa ${p.limit} KB).`),
  FIELD_REQUIRED: spec('rejected', (p) => `Thiếu trường bắt buộc "${p.label}".`),
  FIELD_INVALID: spec('rejected', (p) => `Trường "${p.label}" không hợp lệ: ${p.detail}.`),
  FIELD_UNSAFE_CHARACTERS: spec('rejected', (p) => `Trường "${p.label}" chứa ký tự điều khiển hoặc ký tự không hợp lệ (${p.characters}); không thể lưu.`),
  SUBMITTED_IN_FUTURE: spec('rejected', (p) => `Thời điểm nộp ${p.submitted} ở sau thời điểm nhận hồ sơ ${p.received} (quá ${p.allowance} phút cho phép lệch đồng hồ).`),
  DATE_INVALID: spec('rejected', (p) => `Trường "${p.label}" không phải là ngày hợp lệ ("${p.value}"); dùng dạng ${p.format}.`),
  CAMPAIGN_UNKNOWN: spec('rejected', (p) => `Không có phong trào thi đua mã "${p.value}".`),
  CAMPAIGN_MISMATCH: spec('rejected', (p) => `Hồ sơ thuộc phong trào "${p.value}", nhưng sổ này dành cho phong trào "${p.expected}".`),
  AWARD_UNKNOWN: spec('rejected', (p) => `Phong trào không có hình thức khen thưởng mã "${p.value}"; các mã hợp lệ: ${p.allowed}.`),
  KIND_NOT_ALLOWED: spec('rejected', (p) => `Hình thức "${p.award}" không xét cho đối tượng ${p.kind}.`),
  CRITERION_UNKNOWN: spec('rejected', (p) => `Tiêu chí số ${p.criterion} không có trong bảng chấm điểm (các tiêu chí: ${p.allowed}).`),
  SCORE_MISSING: spec('rejected', (p) => `Chưa tự chấm điểm tiêu chí ${p.criterion}.`),
  SCORE_NOT_NUMBER: spec('rejected', (p) => `Điểm tiêu chí ${p.criterion} phải là một số, nhận được "${p.value}".`),
  SCORE_NEGATIVE: spec('rejected', (p) => `Điểm tiêu chí ${p.criterion} không được âm (${p.value}).`),
  SCORE_ABOVE_MAX: spec('rejected', (p) => `Điểm tiêu chí ${p.criterion} (${p.value}) vượt điểm chuẩn ${p.max}.`),
  EVIDENCE_MISSING: spec('ineligible', (p) => `Thiếu tài liệu kiểm chứng cho tiêu chí ${p.criterion}${p.hint ? ` (${p.hint})` : ''}.`),
  CRITERION_BELOW_MIN: spec('ineligible', (p) => `Tiêu chí ${p.criterion} đạt ${p.value}/${p.max} điểm, chưa đạt mức tối thiểu ${p.min} điểm (${p.share}% điểm chuẩn).`),
  TOTAL_BELOW_THRESHOLD: spec('ineligible', (p) => `Tổng điểm ${p.value} chưa đạt ngưỡng ${p.threshold} điểm.`),
  SUBMITTED_LATE: spec('ineligible', (p) => `Hồ sơ nộp lúc ${p.submitted}, sau hạn "${p.deadline}" (trước ${p.due}).`),
  OUTSIDE_TERM: spec('ineligible', (p) => `Hồ sơ nộp ngày ${p.submitted}, ngoài thời gian nhận hồ sơ của phong trào (${p.from} – ${p.to}).`),
  AWARD_NOT_AVAILABLE: spec('ineligible', (p) => `Ngày ${p.date} không còn thẩm quyền "${p.authority}" (hết hiệu lực từ ${p.until}); không thể đề nghị hình thức này.${p.successor ?? ''}`),
  AWARD_SUCCEEDED: spec('info', (p) => `Thẩm quyền "${p.authority}" chấm dứt từ ${p.until}: hồ sơ đề nghị "${p.from}" (ngày ${p.date}) được xét theo hình thức kế nhiệm "${p.to}".`),
  DECISION_AUTHORITY_CEASED: spec('ineligible', (p) => `Quyết định số ${p.number} ngày ${p.date} ghi cho "${p.award}", nhưng từ ${p.until} không còn thẩm quyền "${p.authority}"; quyết định này không được ghi nhận và hồ sơ không đưa vào danh sách.${p.successor ?? ''}`),
  DECISION_WITHOUT_PROPOSAL: spec('ineligible', (p) => `Đã ghi quyết định số ${p.number}, nhưng hồ sơ không đủ điều kiện đề nghị (${p.reason}); quyết định này không được ghi nhận.`),
  ADHOC_COUNCIL_JUDGES: spec('pending', (p) => `"${p.award}" là khen thưởng đột xuất, không chấm theo bảng điểm: chờ Hội đồng xem xét thành tích và kết luận thẩm định.`),
  ONE_ACHIEVEMENT_SEVERAL_AWARDS: spec('pending', (p) => `Cùng đối tượng được đề nghị nhiều hình thức khen thưởng cho một thành tích năm ${p.year} (cùng với ${p.others}); Hội đồng chọn một hình thức (cột "Chọn"), các hồ sơ còn lại không đưa vào danh sách.`),
  ONE_ACHIEVEMENT_OTHER_CHOSEN: spec('ineligible', (p) => `Một thành tích chỉ được một hình thức khen thưởng: năm ${p.year} Hội đồng đã chọn hồ sơ ${p.chosen} cho đối tượng này.`),
  DUPLICATE_NOMINEE: spec('ineligible', (p) => `Trùng với hồ sơ ${p.other} (cùng đối tượng, cùng hình thức khen thưởng, năm ${p.year}); mỗi thành tích chỉ được đề nghị một lần.`),
  BLOCK_NEEDED: spec('rejected', (p) => `Phong trào xét theo khối thi đua: cần ghi khối thi đua (${p.allowed}).`),
  BLOCK_UNKNOWN: spec('rejected', (p) => `Không có khối thi đua "${p.value}"; các khối: ${p.allowed}.`),
  BIRTH_DATE_NEEDED: spec('ineligible', (p) => `Cần ngày sinh để xét điều kiện: ${p.description}.`),
  UNDER_MINIMUM_AGE: spec('ineligible', (p) => `Chưa đủ ${p.years} tuổi vào ngày ${p.date} (mới ${p.age} tuổi).`),
  MODEL_NOT_REGISTERED: spec('ineligible', (p) => `Chưa có đăng ký mô hình, điển hình năm ${p.year} của đối tượng này.`),
  MODEL_REGISTERED_LATE: spec('ineligible', (p) => `Mô hình đăng ký ngày ${p.date}, sau hạn "${p.deadline}".`),
  MODEL_NOT_RECOGNISED: spec('ineligible', (p) => `Mô hình, điển hình chưa được ${p.status}.`),
  PRIOR_RECOGNITION_MISSING: spec('ineligible', (p) => `Chưa đủ điều kiện: ${p.description} (các năm đã được công nhận: ${p.years}).`),
  PRIOR_RECOGNITION_AFTER_SUBMISSION: spec('ineligible', (p) => `Chưa đủ điều kiện: ${p.description}; Quyết định số ${p.number} ngày ${p.date} ban hành sau ngày nộp hồ sơ ${p.submitted} nên chưa được tính (khen thưởng cấp dưới phải có trước khi đề nghị).`),
  CLEARANCE_HOLD: spec('pending', (p) => `Tạm chưa xét khen thưởng: đối tượng ${p.reason}${p.source} từ ngày ${p.from} (Nghị định số 152/2025/NĐ-CP, Điều 4); chờ kết luận.`),
  QUIZ_ACCOUNT_NEEDED: spec('ineligible', () => 'Cần ghi tài khoản dự thi để đối chiếu kết quả cuộc thi.'),
  QUIZ_ACCOUNT_UNKNOWN: spec('ineligible', (p) => `Không tìm thấy tài khoản dự thi "${p.account}" trong nhật ký cuộc thi.`),
  QUIZ_DISTRICT_MISMATCH: spec('ineligible', (p) => `Tài khoản dự thi đăng ký tại "${p.district}", không thuộc ${p.expected}.`),
  QUIZ_RESULT_NOT_RECOGNISED: spec('ineligible', (p) => `Chưa có kết quả được Ban Tổ chức công nhận (${p.results}).`),
  QUIZ_REFERRALS_INSUFFICIENT: spec('ineligible', (p) => `Mới có ${p.count} tài khoản được vận động tham gia đủ ${p.weeks} tuần liên tục; cần ít nhất ${p.needed}.`),
  RATING_BELOW_PASS: spec('ineligible', (p) => `Tiêu chí ${p.criterion} được Hội đồng đánh giá bình quân ${p.value} điểm, chưa đạt mức ${p.pass}.`),
  RATING_PENDING: spec('pending', (p) => `Tiêu chí ${p.criterion} chờ Hội đồng đánh giá.`),
  APPRAISED_NOT_ELIGIBLE: spec('ineligible', (p) => `Kết luận thẩm định: không đủ điều kiện — ${p.reason}.`),
  APPRAISED_NEEDS_DOCUMENTS: spec('pending', (p) => `Kết luận thẩm định: cần bổ sung hồ sơ — ${p.reason}.`),
  APPRAISAL_REASON_MISSING: spec('info', (p) => `Kết luận thẩm định "${p.appraisal}" cần ghi lý do; chưa áp dụng.`),
  COUNCIL_MEMBER_RECUSED: spec('info', (p) => `Thành viên ${p.member} cùng đơn vị với đối tượng nên không chấm; điểm của thành viên này không tính.`),
  COUNCIL_SCORE_OUTLIER: spec('info', (p) => `Điểm của thành viên ${p.member} (${p.total}) lệch ${p.deviation} điểm so với bình quân các thành viên khác (${p.others}).`),
  COUNCIL_SCORE_INVALID: spec('info', (p) => `Điểm của thành viên ${p.member} cho tiêu chí ${p.criterion} không hợp lệ ("${p.value}"); không tính.`),
  COUNCIL_SELECTION_EXCEEDS: spec('info', (p) => `Hội đồng chọn ${p.selected} hồ sơ cho ${p.places} chỉ tiêu còn lại; cần chọn lại.`),
  PREREQUISITE_NOT_CHECKED: spec('info', (p) => `Điều kiện chưa kiểm tra được tự động: ${p.description}. Hội đồng cần đối chiếu hồ sơ.`),
  VOTE_NOT_PASSED: spec('info', (p) => `Hội đồng biểu quyết (phiên họp ${p.meeting}): ${p.for}/${p.base} ${p.baseLabel} đồng ý (${p.share}%), chưa đạt tỷ lệ ${p.needed}; không đề nghị khen thưởng.`),
  VOTE_PENDING: spec('info', () => 'Trong chỉ tiêu; chờ Hội đồng biểu quyết (trang "Biểu quyết Hội đồng") trước khi đề nghị khen thưởng.'),
  QUOTA_TIE_SETTLED_BY_VOTE: spec('info', (p) => `Đồng hạng ${p.rank} tại ranh giới chỉ tiêu (${p.quota}); Hội đồng biểu quyết chọn với ${p.for} phiếu đồng ý.`),
  QUOTA_TIE_LOST_BY_VOTE: spec('info', (p) => `Đồng hạng ${p.rank} tại ranh giới chỉ tiêu (${p.quota}); Hội đồng biểu quyết chọn hồ sơ khác (${p.for} phiếu đồng ý, ít hơn hồ sơ được chọn).`),
  VOTE_NO_QUORUM: spec('rejected', (p) => `${p.at}: phiên họp "${p.meeting}" chỉ có ${p.present}/${p.members} thành viên có mặt, chưa đủ ${p.needed} thành viên (${p.share}) để biểu quyết; phiếu không được ghi nhận.`),
  VOTE_COUNT_EXCEEDS: spec('rejected', (p) => `${p.at}, các cột "Số phiếu …": hồ sơ "${p.responseId}" có ${p.count} phiếu, nhiều hơn ${p.voters} thành viên được biểu quyết tại phiên họp "${p.meeting}" (có mặt${p.written}); phiếu không được ghi nhận.`),
  VOTE_MEMBER_TWICE: spec('rejected', (p) => `${p.at}, cột "Thành viên": ${p.member} đã biểu quyết hồ sơ "${p.responseId}" tại phiên họp "${p.meeting}" (${p.first}); mỗi thành viên chỉ biểu quyết một lần.`),
  VOTE_MEMBER_UNKNOWN: spec('rejected', (p) => `${p.at}, cột "Thành viên": "${p.member}" không có trong thành phần phiên họp "${p.meeting}" (trang "Thành phần họp xét").`),
  VOTE_MEMBER_ABSENT: spec('rejected', (p) => `${p.at}, cột "Thành viên": ${p.member} vắng mặt tại phiên họp "${p.meeting}" và không có phiếu bằng văn bản; phiếu không được ghi nhận.`),
  VOTE_WRITTEN_NOT_ALLOWED: spec('rejected', (p) => `${p.at}, cột "${p.column}": quy chế của phong trào không cho thành viên vắng mặt biểu quyết bằng văn bản (${p.member}, phiên họp "${p.meeting}").`),
  VOTE_MEETING_UNKNOWN: spec('rejected', (p) => `${p.at}, cột "Phiên họp": không có phiên họp "${p.meeting}" trong trang "Thành phần họp xét".`),
  VOTE_MEETING_CONFLICT: spec('rejected', (p) => `${p.at}, cột "${p.column}": phiên họp "${p.meeting}" đã ghi "${p.first}", dòng này ghi "${p.value}".`),
  VOTE_MEMBER_LISTED_TWICE: spec('rejected', (p) => `${p.at}, cột "Thành viên": ${p.member} đã có trong thành phần phiên họp "${p.meeting}" (${p.first}).`),
  VOTE_NOMINATION_UNKNOWN: spec('rejected', (p) => `${p.at}, cột "Mã phản hồi": không có hồ sơ mã "${p.responseId}".`),
  VOTE_EMPTY: spec('rejected', (p) => `${p.at}: ghi hoặc cột "Biểu quyết" (phiếu của một thành viên), hoặc các cột số phiếu (kết quả kiểm phiếu), không ghi cả hai.`),
  QUOTA_TIE: spec('info', (p) => `Đồng hạng ${p.rank} với ${p.count} hồ sơ tại ranh giới chỉ tiêu (${p.quota}); Hội đồng quyết định.`),
  QUOTA_EXCEEDED: spec('info', (p) => `Xếp hạng ${p.rank}, ngoài chỉ tiêu ${p.quota} ${p.kind}.`),
} satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDINGS;
export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

export interface Finding {
  code: FindingCode;
  /** Dotted path of the field in the nomination contract ("selfScores.3"), or "" for the whole submission. */
  field: string;
  severity: Severity;
  message: string;
}

/** Builds a finding with its severity and Vietnamese message from the code. */
export function finding(code: FindingCode, field: string, params: FindingParams = {}): Finding {
  const { severity, message } = FINDINGS[code];
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? VI_NUMBER.format(v) : v]));
  return { code, field, severity, message: message(shown) };
}

/** Numbers as Vietnamese readers write them: decimal comma, no grouping ("13,5", "2024"). */
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { useGrouping: false, maximumFractionDigits: 2 });

export const hasRejection = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'rejected');
export const isIneligible = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'rejected' || f.severity === 'ineligible');
export const isPending = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'pending');
