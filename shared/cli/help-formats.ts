import type { Campaign } from '../domain/campaign.js';
import { FIELD_LABEL } from '../domain/nomination.js';
import { unitColumns } from '../forms/unit-workbook.js';
import { layoutsFor, type TabId } from '../store/layouts.js';

/**
 * `thidua help formats`: the files each command reads, with their columns (from the sheet layouts, so this text
 * follows the workbook) and an example row. Criterion columns are shown for the campaign given, or the first one.
 */
export function formatsHelp(campaign: Campaign): string {
  const layouts = layoutsFor(campaign);
  const headers = (tab: TabId, keys?: readonly string[]) => {
    const columns = layouts.get(tab)!.columns;
    const chosen = keys ? keys.map((k) => columns.find((c) => c.key === k)).filter((c) => c !== undefined) : columns.filter((c) => !c.computed);
    return chosen.map((c) => c.header);
  };
  const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  const criteria = layouts.get('councilScores')!.columns.filter((c) => c.key.startsWith('score.')).map((c) => c.header);
  const award = campaign.awards[0]!;
  const section = (title: string, lines: string[]) => `${title}\n${lines.map((l) => (l ? `  ${l}` : '')).join('\n')}\n`;
  return [
    `Các loại tệp thidua đọc (ví dụ theo phong trào "${campaign.id}"; phong trào khác: thidua help formats --campaign <mã>).`,
    'Tệp CSV: hàng đầu là tên cột; ngăn cách bằng dấu phẩy, dấu chấm phẩy hoặc tab; mã UTF-8 (Excel: Lưu thành → "CSV UTF-8").',
    'Tên cột viết như trong sổ (tiếng Việt) hoặc tên trường tiếng Anh; thứ tự cột tùy ý; ô trống là không có.',
    'Ngày ghi 20/09/2024 hoặc 2024-09-20; điểm ghi 13,5 hoặc 13.5.',
    '',
    section('1. thidua intake <tệp.json> — hồ sơ đề nghị (một hồ sơ hoặc một danh sách [ ... ])', [
      'Trường: responseId (mã hồ sơ, không trùng), submittedAt (thời điểm nộp), campaign, award (mã hình thức), kind',
      '(individual = cá nhân, collective = tập thể), name, unit, position, birthDate, gender (nam/nữ), year, email, block,',
      'selfScores {"số tiêu chí": điểm}, evidence {"số tiêu chí": "tài liệu kiểm chứng"}.',
      `Tên tiếng Việt của các trường: ${Object.values(FIELD_LABEL).join(', ')}.`,
      'Ví dụ:',
      `{"responseId": "2024-VT-001", "submittedAt": "2024-08-15T09:30:00+07:00", "campaign": "${campaign.id}", "award": "${award.id}",`,
      ` "kind": "individual", "name": "Nguyễn Thị Mai", "unit": "UBND xã Vạn Thắng", "position": "Chi hội trưởng", "birthDate": "02/09/1978",`,
      ` "gender": "nữ", "selfScores": {"1": 15, "2": 13.5}, "evidence": {"1": "Báo cáo thành tích năm 2024", "2": "https://..."}}`,
    ]),
    section('2. thidua intake <câu trả lời.csv> — câu trả lời biểu mẫu Google tải về (Tải xuống → .csv)', [
      'Cột đầu "Dấu thời gian", các cột sau là câu hỏi của biểu mẫu đã tạo bằng "thidua form create" (ghi trong trang "Câu hỏi biểu mẫu").',
      'Tệp tải về giữ nguyên, không cần sửa; tiếp nhận lại cùng tệp không thêm gì.',
    ]),
    section('3. thidua intake <sổ đơn vị.xlsx|csv> — sổ đề nghị đơn vị đã điền (tạo bằng "thidua form workbook")', [
      `Cột: ${csvLine(unitColumns(campaign).map((c) => c.header))}`,
      `ví dụ: ${csvLine(unitExample(campaign))}`,
      'Mỗi người hoặc tập thể một dòng; "Mã hồ sơ" để trống thì phần mềm tự đặt; tiếp nhận lại cùng tệp không thêm gì.',
    ]),
    section('4. thidua import <bộ dữ liệu> <tệp.csv|json> — dữ liệu đối chiếu', [
      `award-history (lịch sử khen thưởng): ${csvLine(headers('awardHistory'))}`,
      `  ví dụ: ${csvLine(['2023', 'Trần Văn Phúc', 'UBND xã Vạn Hưng', 'Giấy khen của Chủ tịch UBND xã', 'xã', 'định kỳ', '11/QĐ-UBND', '15/09/2023'])}`,
      '  Cấp: xã, huyện, tỉnh, trung ương; Loại khen thưởng: định kỳ, chuyên đề, đột xuất.',
      `model-registrations (đăng ký mô hình): ${csvLine(headers('registrations'))}`,
      `  ví dụ: ${csvLine(['2024', 'Lý Thị Hoà', 'Thôn Tuần Lễ, xã Vạn Long', 'Mô hình vận động hiến đất mở đường', '10/01/2024', 'đã đăng ký'])}`,
      '  Tình trạng: đã đăng ký, đã kiểm tra, đã công nhận.',
      `quiz-log (nhật ký cuộc thi): ${csvLine(headers('quizLog'))}`,
      `  ví dụ: ${csvLine(['BS-0001', 'Hoàng Văn Minh', '12/05/1985', 'Bắc Sơn', '', '1', 'Tốt'])}`,
    ]),
    section('5. thidua council <tệp.csv|json> — điểm của thành viên Hội đồng (một dòng cho mỗi thành viên, mỗi hồ sơ)', [
      `Cột: ${csvLine([...headers('councilScores', ['responseId', 'member', 'memberUnit']), ...criteria, ...headers('councilScores', ['note'])])}`,
      `ví dụ: ${csvLine(['2024-VT-001', 'Phạm Thị Thu', 'Phòng Nội vụ', ...criteria.map((_, i) => (i === 1 ? '13,5' : '15')), ''])}`,
      'Điểm là số (hoặc mức đánh giá như "Tốt" nếu phong trào chấm theo mức).',
    ]),
    section('6. thidua review <tệp.csv|json> --by <người thực hiện> — kết luận của Hội đồng', [
      `Cột: ${csvLine(headers('nominations', ['responseId', 'appraisal', 'reason', 'choice', 'decisionNumber', 'decisionDate']))}`,
      `ví dụ: ${csvLine(['2024-VT-001', 'Cần bổ sung hồ sơ', 'Thiếu xác nhận của UBND xã', '', '', ''])}`,
      `ví dụ: ${csvLine(['2024-VT-002', 'Đủ điều kiện', '', 'Chọn', '125/QĐ-UBND', '20/09/2024'])}`,
      'Thẩm định: Đủ điều kiện, Cần bổ sung hồ sơ, Không đủ điều kiện (hai mức sau phải ghi Lý do).',
      'Hội đồng chọn (khi đồng hạng): Chọn, Không chọn. Chỉ ghi những cột cần ghi; ô trống giữ nguyên giá trị cũ.',
    ]),
    section('7. thidua council vote <tệp.xlsx|json|csv> — phiên họp xét và biểu quyết của Hội đồng', [
      `Thành phần họp xét (mỗi thành viên một dòng): ${csvLine(headers('councilMeeting'))}`,
      `  ví dụ: ${csvLine(['HĐ-2024-01', '25/09/2024 08:00', 'Phòng họp UBND huyện', 'Nguyễn Văn An', 'Chủ tịch UBND huyện, Chủ tịch Hội đồng', 'Chủ trì', 'Có mặt', 'Xét đề nghị tặng Giấy khen năm 2024'])}`,
      '  Nhiệm vụ tại phiên họp: Chủ trì, Thư ký, Thành viên; Tham dự: Có mặt, Vắng mặt, Vắng mặt, có phiếu bằng văn bản.',
      `Biểu quyết Hội đồng: ${csvLine(headers('councilVotes'))}`,
      `  phiếu của một thành viên (biểu quyết giơ tay): ${csvLine(['HĐ-2024-01', '2024-VT-001', 'Nguyễn Văn An', 'Đồng ý', '', '', '', ''])}`,
      `  kết quả kiểm phiếu (bỏ phiếu kín): ${csvLine(['HĐ-2024-01', '2024-VT-002', '', '', '8', '1', '0', ''])}`,
      '  Biểu quyết: Đồng ý, Không đồng ý, Không biểu quyết. Tệp .xlsx: hai trang "Thành phần họp xét" và "Biểu quyết Hội đồng";',
      '  .json: {"members": [...], "votes": [...]}; .csv: một trong hai (tệp có cột "Tham dự" là thành phần họp).',
    ]),
    section('8. thidua intake package <gói.zip> — gói đề nghị của cấp dưới (xuất bằng "thidua export package <mã hình thức>")', [
      'Tệp .zip giữ nguyên như cấp dưới gửi: manifest.json (dữ liệu từng hồ sơ, mã kiểm tra) và các tệp kèm theo; không mở ra sửa.',
    ]),
  ].join('\n');
}

/** An example row of the unit workbook: a first award, an individual, each score at its maximum, an evidence link. */
function unitExample(campaign: Campaign): string[] {
  const example: Record<string, string> = { award: campaign.awards[0]!.name, kind: 'Cá nhân', name: 'Nguyễn Thị Mai', unit: 'UBND xã Vạn Thắng', position: 'Chi hội trưởng', birthDate: '02/09/1978', gender: 'Nữ', year: '2024' };
  return unitColumns(campaign).map((c) => example[c.field] ?? (c.max !== undefined ? String(c.max).replace('.', ',') : c.field.startsWith('evidence.') ? 'https://drive.google.com/...' : ''));
}
