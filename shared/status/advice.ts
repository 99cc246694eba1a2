import type { FindingCode, Severity } from '../domain/findings.js';

/**
 * What a unit clerk should do about each finding, in plain Vietnamese, for the status page and the receipt. Keyed by
 * finding code, so a code without advice is a compile error (and a test failure).
 *
 * `council`: a note for the council's own deliberation (who recused, one member's score) — not shown to the unit.
 * `says`: replaces the engine's message on the unit's page where that message names another unit's submission.
 */
export interface Advice {
  todo: string;
  audience: 'unit' | 'council';
  says?: string;
}

const unit = (todo: string, says?: string): Advice => ({ todo, audience: 'unit', ...(says ? { says } : {}) });
const council = (todo: string): Advice => ({ todo, audience: 'council' });

const RESUBMIT = 'rồi gửi lại biểu mẫu (hoặc sửa câu trả lời đã gửi).';

export const ADVICE: Record<FindingCode, Advice> = {
  PAYLOAD_TOO_LARGE: unit('Rút gọn phần tài liệu kiểm chứng, hoặc gửi đường liên kết tới tài liệu thay cho nội dung, rồi gửi lại.'),
  PAYLOAD_NOT_OBJECT: unit('Nộp hồ sơ bằng biểu mẫu của Hội đồng; không gửi tệp hay văn bản khác thay cho biểu mẫu.'),
  FIELD_REQUIRED: unit(`Điền thông tin còn thiếu ${RESUBMIT}`),
  FIELD_INVALID: unit(`Sửa thông tin này theo hướng dẫn trên biểu mẫu ${RESUBMIT}`),
  FIELD_UNSAFE_CHARACTERS: unit(`Gõ lại thông tin này bằng bàn phím (không dán từ tệp hay phần mềm khác) ${RESUBMIT}`),
  SUBMITTED_IN_FUTURE: unit('Kiểm tra ngày giờ trên máy gửi hồ sơ (đặt đúng giờ Việt Nam), rồi gửi lại; nếu vẫn bị từ chối, liên hệ thư ký Hội đồng.'),
  DATE_INVALID: unit(`Ghi ngày theo dạng ngày/tháng/năm có thật, ví dụ 02/09/1978, ${RESUBMIT}`),
  CAMPAIGN_UNKNOWN: unit('Dùng đúng biểu mẫu của phong trào do Hội đồng gửi; nếu chưa rõ, hỏi thư ký Hội đồng.'),
  CAMPAIGN_MISMATCH: unit('Hồ sơ gửi nhầm phong trào: nộp lại bằng biểu mẫu của đúng phong trào.'),
  AWARD_UNKNOWN: unit(`Chọn hình thức khen thưởng trong danh sách của biểu mẫu ${RESUBMIT}`),
  KIND_NOT_ALLOWED: unit(`Chọn hình thức khen thưởng dành cho đối tượng này (tập thể hay cá nhân), hoặc sửa lại đối tượng, ${RESUBMIT}`),
  CRITERION_UNKNOWN: unit(`Chỉ chấm các tiêu chí có trong bảng chấm điểm của kế hoạch; bỏ tiêu chí thừa ${RESUBMIT}`),
  SCORE_MISSING: unit(`Tự chấm điểm tiêu chí này ${RESUBMIT}`),
  SCORE_NOT_NUMBER: unit(`Ghi điểm bằng chữ số, ví dụ 13,5 (không ghi bằng chữ), ${RESUBMIT}`),
  SCORE_NEGATIVE: unit(`Ghi điểm từ 0 trở lên ${RESUBMIT}`),
  SCORE_ABOVE_MAX: unit(`Ghi điểm không quá điểm chuẩn của tiêu chí ${RESUBMIT}`),
  EVIDENCE_MISSING: unit(`Bổ sung tài liệu kiểm chứng cho tiêu chí này (số liệu, văn bản, hình ảnh hoặc đường dẫn) ${RESUBMIT}`),
  CRITERION_BELOW_MIN: unit('Mỗi tiêu chí phải đạt mức tối thiểu. Nếu chấm nhầm, sửa điểm và bổ sung tài liệu kiểm chứng; nếu đúng là chưa đạt, hồ sơ chưa đủ điều kiện đợt này.'),
  TOTAL_BELOW_THRESHOLD: unit('Tổng điểm phải đạt ngưỡng của kế hoạch: kiểm tra lại điểm từng tiêu chí và tài liệu kiểm chứng kèm theo.'),
  SUBMITTED_LATE: unit('Hồ sơ nộp sau hạn không được xét đợt này; nếu có lý do chính đáng, liên hệ thư ký Hội đồng.'),
  OUTSIDE_TERM: unit('Hồ sơ nộp ngoài thời gian nhận hồ sơ; chờ đợt xét sau hoặc liên hệ thư ký Hội đồng.'),
  ADHOC_COUNCIL_JUDGES: unit('Không cần làm gì thêm nếu báo cáo thành tích đã nêu rõ nhiệm vụ đột xuất và kết quả; Hội đồng sẽ xem xét.'),
  ONE_ACHIEVEMENT_SEVERAL_AWARDS: unit('Không cần làm gì: Hội đồng sẽ chọn một hình thức khen thưởng cho thành tích này (Luật Thi đua, khen thưởng: không khen nhiều hình thức cho một thành tích).', 'Đối tượng này được đề nghị nhiều hình thức khen thưởng cho cùng một thành tích; Hội đồng sẽ chọn một hình thức.'),
  ONE_ACHIEVEMENT_OTHER_CHOSEN: unit('Không cần làm gì: thành tích này đã được xét theo hình thức khen thưởng khác mà Hội đồng chọn.', 'Thành tích này đã được Hội đồng xét theo một hình thức khen thưởng khác.'),
  AWARD_SUCCEEDED: unit('Không cần làm gì: hồ sơ được xét theo hình thức của cấp có thẩm quyền hiện nay.'),
  DECISION_AUTHORITY_CEASED: unit('Liên hệ thư ký Hội đồng: quyết định ký sau khi thẩm quyền chấm dứt phải do cấp kế nhiệm ban hành; Hội đồng sẽ ghi lại cho đúng hình thức, cấp đã ký.'),
  DECISION_WITHOUT_PROPOSAL: unit('Liên hệ thư ký Hội đồng: hình thức này không thể đề nghị cho hồ sơ, nên số quyết định đã ghi không được ghi nhận.'),
  AWARD_NOT_AVAILABLE: unit(`Chọn hình thức khen thưởng của cấp có thẩm quyền hiện nay (xem thông báo) ${RESUBMIT}`),
  DUPLICATE_NOMINEE: unit(
    'Không cần nộp thêm: hồ sơ nộp trước được xét. Nếu hồ sơ này thay thế hồ sơ trước, báo thư ký Hội đồng.',
    'Cùng đối tượng đã được đề nghị cùng hình thức khen thưởng trong năm này bằng một hồ sơ nộp trước; mỗi thành tích chỉ được đề nghị một lần.',
  ),
  BLOCK_NEEDED: unit(`Ghi khối thi đua của đơn vị ${RESUBMIT}`),
  BLOCK_UNKNOWN: unit(`Ghi đúng tên khối thi đua trong danh sách của Hội đồng ${RESUBMIT}`),
  BIRTH_DATE_NEEDED: unit(`Bổ sung ngày sinh của người được đề nghị ${RESUBMIT}`),
  UNDER_MINIMUM_AGE: unit('Người chưa đủ tuổi theo kế hoạch không thuộc đối tượng xét; nếu ghi nhầm ngày sinh, sửa lại.'),
  MODEL_NOT_REGISTERED: unit('Đăng ký mô hình, điển hình theo kế hoạch; nếu đã đăng ký, gửi bản đăng ký cho thư ký Hội đồng.'),
  MODEL_REGISTERED_LATE: unit('Đăng ký sau hạn không được tính năm nay; nếu ngày đăng ký ghi sai, liên hệ thư ký Hội đồng.'),
  MODEL_NOT_RECOGNISED: unit('Chờ cơ quan có thẩm quyền kiểm tra, công nhận mô hình; có quyết định công nhận thì gửi cho thư ký Hội đồng.'),
  PRIOR_RECOGNITION_AFTER_SUBMISSION: unit('Nộp lại hồ sơ sau ngày có quyết định khen thưởng của cấp dưới, kèm bản sao quyết định đó.'),
  PRIOR_RECOGNITION_MISSING: unit('Nếu đã được khen các năm trước, gửi bản sao quyết định khen thưởng cho thư ký Hội đồng.'),
  CLEARANCE_HOLD: unit('Khi đã có kết luận (kỷ luật, điều tra, khiếu nại, tố cáo), gửi văn bản kết luận cho thư ký Hội đồng để ghi ngày kết luận vào danh sách tạm chưa xét.'),
  QUIZ_ACCOUNT_NEEDED: unit(`Ghi tài khoản dự thi của người được đề nghị ${RESUBMIT}`),
  QUIZ_ACCOUNT_UNKNOWN: unit(`Kiểm tra lại tài khoản dự thi (đúng chính tả, đúng tài khoản đã thi) ${RESUBMIT}`),
  QUIZ_DISTRICT_MISMATCH: unit('Chỉ tài khoản đăng ký tại địa bàn của phong trào mới được xét; kiểm tra lại tài khoản đã ghi.'),
  QUIZ_RESULT_NOT_RECOGNISED: unit('Cần kết quả được Ban Tổ chức công nhận; nếu kết quả chưa được cập nhật, liên hệ Ban Tổ chức.'),
  QUIZ_REFERRALS_INSUFFICIENT: unit('Cần đủ số tài khoản được vận động tham gia liên tục; kiểm tra các tài khoản đó đã ghi đúng người giới thiệu chưa.'),
  RATING_BELOW_PASS: unit('Tiêu chí do Hội đồng đánh giá chưa đạt; đơn vị có thể gửi thêm tài liệu kiểm chứng cho thư ký Hội đồng trước khi xét lại.'),
  RATING_PENDING: unit('Không cần làm gì: chờ Hội đồng đánh giá tiêu chí này.'),
  APPRAISED_NOT_ELIGIBLE: unit('Xem lý do của Hội đồng; nếu có thông tin mới, liên hệ thư ký Hội đồng.'),
  APPRAISED_NEEDS_DOCUMENTS: unit('Bổ sung giấy tờ Hội đồng yêu cầu (xem lý do) và gửi cho thư ký Hội đồng trước hạn xét.'),
  APPRAISAL_REASON_MISSING: council('Ghi lý do của kết luận thẩm định trên trang tính.'),
  COUNCIL_MEMBER_RECUSED: council('Không cần làm gì: thành viên cùng đơn vị không chấm.'),
  COUNCIL_SCORE_OUTLIER: council('Hội đồng xem lại điểm lệch nhiều so với các thành viên khác.'),
  COUNCIL_SCORE_INVALID: council('Thành viên Hội đồng nhập lại điểm hợp lệ.'),
  COUNCIL_SELECTION_EXCEEDS: council('Hội đồng chọn lại cho vừa chỉ tiêu.'),
  PREREQUISITE_NOT_CHECKED: unit('Không cần làm gì lúc này: Hội đồng sẽ đối chiếu; chuẩn bị sẵn giấy tờ chứng minh điều kiện này.'),
  QUOTA_TIE: unit('Không cần làm gì: Hội đồng sẽ quyết định giữa các hồ sơ bằng điểm.'),
  VOTE_NOT_PASSED: unit('Không cần làm gì: Hội đồng đã biểu quyết, hồ sơ không được thông qua đợt này.'),
  VOTE_PENDING: unit('Không cần làm gì: hồ sơ trong chỉ tiêu, chờ Hội đồng biểu quyết.'),
  QUOTA_TIE_SETTLED_BY_VOTE: unit('Không cần làm gì: Hội đồng đã biểu quyết chọn hồ sơ khi bằng điểm tại chỉ tiêu.'),
  QUOTA_TIE_LOST_BY_VOTE: unit('Không cần làm gì: khi bằng điểm tại chỉ tiêu, Hội đồng biểu quyết chọn hồ sơ khác.'),
  // refusals of rows of the vote record: never on a nomination, read by the secretary who entered the record
  VOTE_NO_QUORUM: unit('Phiên họp chưa đủ số thành viên: họp lại khi đủ, hoặc sửa cột "Tham dự" nếu ghi nhầm.'),
  VOTE_COUNT_EXCEEDS: unit('Kiểm lại số phiếu: không quá số thành viên có mặt và số phiếu bằng văn bản.'),
  VOTE_MEMBER_TWICE: unit('Xóa phiếu ghi trùng; mỗi thành viên một phiếu cho mỗi hồ sơ.'),
  VOTE_MEMBER_UNKNOWN: unit('Ghi thành viên vào trang "Thành phần họp xét" (đúng họ tên), rồi ghi lại phiếu.'),
  VOTE_MEMBER_ABSENT: unit('Thành viên vắng mặt chỉ biểu quyết bằng phiếu văn bản: sửa cột "Tham dự" nếu đã có phiếu.'),
  VOTE_WRITTEN_NOT_ALLOWED: unit('Quy chế không nhận phiếu bằng văn bản: bỏ phiếu của thành viên vắng mặt.'),
  VOTE_MEETING_UNKNOWN: unit('Ghi phiên họp và thành phần vào trang "Thành phần họp xét" trước khi ghi phiếu.'),
  VOTE_MEETING_CONFLICT: unit('Mỗi phiên họp một thời gian và một địa điểm: sửa cho thống nhất.'),
  VOTE_MEMBER_LISTED_TWICE: unit('Mỗi thành viên ghi một dòng cho mỗi phiên họp.'),
  VOTE_NOMINATION_UNKNOWN: unit('Kiểm tra mã phản hồi của hồ sơ (trang "Hồ sơ đề nghị").'),
  VOTE_EMPTY: unit('Ghi phiếu của một thành viên (cột "Biểu quyết") hoặc kết quả kiểm phiếu (các cột số phiếu).'),
  QUOTA_EXCEEDED: unit('Không cần làm gì: hồ sơ đủ điều kiện nhưng xếp ngoài chỉ tiêu năm nay.'),
};

/** How each severity reads on the page. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  rejected: 'Bị từ chối',
  ineligible: 'Chưa đạt',
  pending: 'Đang chờ',
  info: 'Lưu ý',
};
