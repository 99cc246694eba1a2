/**
 * What `thidua <command> --help` prints: each command's usage, what it does, its options and an example, in
 * Vietnamese. The options listed here are the only ones a command accepts (main.ts refuses the others).
 */

export interface CommandHelp {
  usage: string;
  does: string;
  options: ReadonlyArray<readonly [flag: OptionName, text: string]>;
  example: string;
}

export type OptionName = 'store' | 'campaign' | 'spreadsheet' | 'service-account' | 'impersonate' | 'form' | 'out' | 'year' | 'variant' | 'one-workbook' | 'by' | 'award' | 'bien-ban' | 'from' | 'draft' | 'help';

const STORE: CommandHelp['options'] = [
  ['store', '--store TỆP          sổ làm việc .xlsx (mặc định data/<mã phong trào>.xlsx)'],
  ['campaign', '--campaign MÃ        chọn sổ data/<mã>.xlsx khi không có --store'],
  ['spreadsheet', '--spreadsheet MÃ     làm việc trên Google Sheet (mã hoặc địa chỉ) thay cho sổ .xlsx'],
  ['service-account', '--service-account EMAIL  email tài khoản dịch vụ của các hàm (giữ quyền sửa các cột tự tính)'],
  ['impersonate', '--impersonate EMAIL  mượn quyền tài khoản dịch vụ này, không cần tệp khóa (cần vai trò Service Account Token Creator)'],
];

export const COMMAND_HELP: Record<string, CommandHelp> = {
  init: {
    usage: 'thidua init <mã phong trào> [--store TỆP]',
    does: 'Tạo sổ làm việc của phong trào (các trang tính, trang Cài đặt). Chạy lại trên sổ đã có thì không xóa gì, chỉ bổ sung trang còn thiếu.',
    options: STORE,
    example: 'thidua init van-ninh-dan-van-kheo',
  },
  intake: {
    usage: 'thidua intake <tệp hồ sơ> [--store TỆP]\n           thidua intake package <gói đề nghị.zip> [--store TỆP]',
    does:
      'Tiếp nhận hồ sơ đề nghị khen thưởng, từng hồ sơ một, và báo kết quả từng hồ sơ (tiếp nhận, đã có, bị từ chối kèm tên và lý do).\n' +
      'Tệp có thể là: .xlsx sổ đề nghị đơn vị đã điền (tạo bằng "thidua form workbook"), hoặc .csv cùng các cột;\n' +
      '.csv câu trả lời biểu mẫu Google tải về (sau "thidua form create"); .json (một hồ sơ hoặc một danh sách).\n' +
      'Tiếp nhận lại cùng một tệp không thêm gì. Các cột và ví dụ của từng loại tệp: thidua help formats\n' +
      'package: tiếp nhận gói đề nghị của cấp dưới (thidua export package): kiểm tra gói (đúng phong trào, manifest không bị sửa,\n' +
      'đủ tệp), thêm lịch sử khen thưởng và từng hồ sơ (mã <cơ quan cấp dưới>/<mã hồ sơ>), ghi đề nghị của cấp dưới vào Nhật ký thay đổi.',
    options: STORE,
    example: 'thidua intake ho-so-xa-van-thang.xlsx --campaign van-ninh-dan-van-kheo',
  },
  form: {
    usage: 'thidua form create <mã phong trào> [--spreadsheet MÃ]\n           thidua form workbook <mã phong trào> [--out TỆP]',
    does:
      'create: tạo biểu mẫu Google Forms đề nghị khen thưởng và ghi ánh xạ câu hỏi vào sổ (trang "Câu hỏi biểu mẫu"); cần tài khoản Google.\n' +
      'workbook: tạo sổ đề nghị (.xlsx) cho các đơn vị không dùng Google Forms: hướng dẫn, danh sách chọn, điểm tối đa từng tiêu chí, cột tài liệu kiểm chứng.',
    options: [...STORE, ['out', '--out TỆP            nơi lưu sổ đề nghị (mặc định out/<mã phong trào>/ho-so-de-nghi-<mã>.xlsx)']],
    example: 'thidua form workbook van-ninh-dan-van-kheo',
  },
  score: {
    usage: 'thidua score [--store TỆP]',
    does: 'Tính lại điểm, trạng thái, xếp hạng và chỉ tiêu của mọi hồ sơ; in bảng tóm tắt theo hình thức khen thưởng.',
    options: STORE,
    example: 'thidua score --campaign van-ninh-dan-van-kheo',
  },
  export: {
    usage: 'thidua export <mã hình thức> [--year NĂM] [--variant proposal|decision] [--out TỆP]\n           thidua export package <mã hình thức của cấp trên> [--year NĂM] [--out TỆP]',
    does:
      'Xuất danh sách khen thưởng (.xlsx) theo mẫu văn bản hành chính: proposal = danh sách đề nghị; decision = danh sách kèm quyết định.\n' +
      'package: xuất gói đề nghị gửi cấp trên (.zip) cho hình thức do cấp trên quyết định: danh sách đề nghị, Tờ trình, Báo cáo thành tích\n' +
      'của mỗi tập thể, cá nhân, Biên bản họp xét (khi Hội đồng đã biểu quyết), và trong manifest.json\n' +
      'từng hồ sơ (nội dung đề nghị, điểm, kết quả kiểm tra, biểu quyết của Hội đồng, lịch sử khen thưởng, quyết định của cấp mình),\n' +
      'kèm mã kiểm tra từng tệp. Cấp trên tiếp nhận bằng: thidua intake package <gói.zip>',
    options: [
      ...STORE,
      ['year', '--year NĂM           năm xét (mặc định: năm có hồ sơ gần nhất)'],
      ['variant', '--variant proposal|decision   loại danh sách'],
      ['out', '--out TỆP            nơi lưu (mặc định out/<mã phong trào>/...)'],
    ],
    example: 'thidua export giay-khen-chu-tich-huyen --year 2024 --variant decision\n           thidua export package bang-khen-chu-tich-tinh --year 2024',
  },
  scoresheet: {
    usage: 'thidua scoresheet [--one-workbook] [--out THƯ_MỤC|TỆP]',
    does: 'Xuất bảng tự đánh giá, chấm điểm của từng hồ sơ: mỗi hồ sơ một tệp, hoặc một tệp với mỗi hồ sơ một trang tính.',
    options: [...STORE, ['one-workbook', '--one-workbook       gộp vào một tệp'], ['out', '--out THƯ_MỤC|TỆP    nơi lưu']],
    example: 'thidua scoresheet --one-workbook --out out/bang-cham-diem.xlsx',
  },
  report: {
    usage: 'thidua report [--out TỆP]',
    does: 'Xuất báo cáo phong trào: số liệu, hồ sơ nộp muộn, xếp hạng, biểu đồ điểm.',
    options: [...STORE, ['out', '--out TỆP            nơi lưu']],
    example: 'thidua report --out out/bao-cao.xlsx',
  },
  dossier: {
    usage: 'thidua dossier <mã phong trào> [--award MÃ] [--year NĂM] [--bien-ban TỆP.json] [--out THƯ_MỤC]',
    does:
      'Xuất hồ sơ của Hội đồng thành văn bản Word (.docx) theo thể thức Nghị định 30/2020/NĐ-CP: Tờ trình đề nghị khen thưởng và\n' +
      'Quyết định khen thưởng (mỗi hình thức, kèm danh sách), Báo cáo thành tích của từng tập thể, cá nhân được đề nghị (điền sẵn\n' +
      'từ hồ sơ: điểm tự chấm, tài liệu kiểm chứng), Biên bản họp xét (từ phiên họp Hội đồng đã ghi\n' +
      'bằng thidua council vote; --bien-ban thay bằng tệp của thư ký) và Danh mục hồ sơ theo kế hoạch (số bộ,\n' +
      'thành phần còn thiếu). Số, ngày ký, người ký lấy từ trang tính "Cài đặt" như danh sách .xlsx.\n' +
      'Tệp biên bản (JSON, không bắt buộc): {"meetingAt": "2024-09-20T08:00:00+07:00", "place": "Phòng họp UBND huyện", "chair": "Nguyễn Văn A – Chủ tịch UBND huyện",\n' +
      '  "secretary": "Trần Thị B – Chuyên viên Phòng Nội vụ", "members": [{"name": "…", "role": "…", "present": true, "writtenVote": false}],\n' +
      '  "agenda": ["Xét đề nghị khen thưởng …"], "rows": [{"responseId": "…", "votesFor": 7, "votesAgainst": 0, "abstain": 0, "passed": true}]}\n' +
      'Tên, đơn vị, hình thức của từng dòng lấy từ hồ sơ trong sổ; mỗi lỗi được báo kèm tên trường.',
    options: [
      ...STORE,
      ['award', '--award MÃ           chỉ một hình thức khen thưởng (mặc định: mọi hình thức có người được đề nghị)'],
      ['year', '--year NĂM           năm xét (mặc định: năm có hồ sơ gần nhất)'],
      ['bien-ban', '--bien-ban TỆP       tệp biên bản họp Hội đồng (JSON), thay cho phiên họp đã ghi trong sổ'],
      ['out', '--out THƯ_MỤC        nơi lưu (mặc định out/<mã phong trào>/ho-so)'],
    ],
    example: 'thidua dossier van-ninh-dan-van-kheo\n           thidua dossier van-ninh-dan-van-kheo --bien-ban bien-ban-hop.json',
  },
  import: {
    usage: 'thidua import <bộ dữ liệu> <tệp.csv|json> [--store TỆP]',
    does: 'Nạp dữ liệu đối chiếu: quiz-log (nhật ký cuộc thi), award-history (lịch sử khen thưởng), model-registrations (đăng ký mô hình). Dòng đã có thì bỏ qua; dòng sai được báo kèm số dòng, các dòng khác vẫn nạp. Các cột: thidua help formats',
    options: STORE,
    example: 'thidua import award-history lich-su-khen-thuong.csv',
  },
  council: {
    usage: 'thidua council <tệp.csv|json> [--store TỆP]\n           thidua council vote <tệp.xlsx|json|csv> [--store TỆP]',
    does:
      'Ghi điểm hoặc mức đánh giá của từng thành viên Hội đồng cho từng hồ sơ. Các cột: thidua help formats\n' +
      'vote: ghi phiên họp xét của Hội đồng (thành phần, có mặt/vắng mặt, phiếu bằng văn bản) và kết quả biểu quyết từng hồ sơ\n' +
      '(phiếu của từng thành viên, hoặc số phiếu đồng ý / không đồng ý / không biểu quyết khi bỏ phiếu kín). Tệp .xlsx có hai trang\n' +
      '"Thành phần họp xét" và "Biểu quyết Hội đồng" như sổ làm việc; .json { "members": [...], "votes": [...] }; .csv một trong hai.\n' +
      'Phiếu không hợp lệ bị từ chối kèm dòng và cột (chưa đủ số thành viên dự họp, thành viên biểu quyết hai lần, nhiều phiếu hơn\n' +
      'số thành viên, phiếu bằng văn bản khi quy chế không cho phép). Ghi lại cùng tệp không thêm gì. Khi Hội đồng đã biểu quyết,\n' +
      'hồ sơ chỉ được đề nghị khen thưởng khi đạt tỷ lệ đồng ý (mẫu phong trào, mục council.vote).',
    options: STORE,
    example: 'thidua council diem-hoi-dong.csv\n           thidua council vote bien-ban-hop-xet.xlsx',
  },
  review: {
    usage: 'thidua review <tệp.csv|json> --by <người thực hiện> [--store TỆP]',
    does: 'Ghi kết luận thẩm định (kèm lý do khi "Cần bổ sung hồ sơ" hoặc "Không đủ điều kiện"), lựa chọn khi đồng hạng, số và ngày quyết định khen thưởng. Các cột: thidua help formats',
    options: [...STORE, ['by', '--by TÊN             người thực hiện, ghi vào Nhật ký thay đổi (bắt buộc)']],
    example: 'thidua review ket-luan.csv --by "Nguyễn Thị Lan"',
  },
  doctor: {
    usage: 'thidua doctor <mã phong trào> --spreadsheet MÃ [--form MÃ] [--service-account EMAIL]',
    does:
      'Kiểm tra bản triển khai trên Google: bảng tính đã chia sẻ quyền sửa cho tài khoản của các hàm, các cột tự tính bảo vệ đúng tài khoản,\n' +
      'các trang và tiêu đề còn nguyên, dung lượng còn lại, biểu mẫu đã xuất bản và nhận câu trả lời, theo dõi biểu mẫu còn hoạt động.\n' +
      'Mỗi vấn đề một dòng kèm cách sửa; mã thoát 1 khi có vấn đề.',
    options: [
      ['spreadsheet', '--spreadsheet MÃ     Google Sheet cần kiểm tra (mã hoặc địa chỉ)'],
      ['form', '--form MÃ            mã biểu mẫu Google (mặc định THIDUA_FORM_ID)'],
      ['service-account', '--service-account EMAIL  tài khoản dịch vụ của các hàm (mặc định THIDUA_SERVICE_ACCOUNT)'],
      ['impersonate', '--impersonate EMAIL  mượn quyền tài khoản dịch vụ này, không cần tệp khóa'],
    ],
    example: 'thidua doctor van-ninh-dan-van-kheo --spreadsheet 1AbC…xyz --form 1FaIp…',
  },
  demo: { usage: 'thidua demo', does: 'Chạy thử trọn vẹn bốn phong trào mẫu, ghi sổ và danh sách vào thư mục out/.', options: [], example: 'thidua demo' },
  campaign: {
    usage: 'thidua campaign draft <kế hoạch.docx|.pdf|.txt> [--out TỆP]\n           thidua campaign new <mã phong trào> [--from <mã mẫu> | --draft <kế hoạch.docx|.pdf|.txt>] [--store TỆP | --spreadsheet MÃ]',
    does:
      'draft: đọc văn bản kế hoạch (Word .docx, PDF có lớp chữ, .txt; cả bảng mã cũ TCVN3, VNI) và lập bản nháp phong trào: tên, cơ quan ban hành,\n' +
      'thời gian, đối tượng, độ tuổi, hình thức và thẩm quyền khen thưởng, chỉ tiêu, các hạn, ngưỡng điểm, bảng tiêu chí của phụ lục, thành phần và số bộ hồ sơ.\n' +
      'Mỗi trường kèm câu trong kế hoạch để đối chiếu; mục không tìm thấy được để trống và liệt kê, không đoán. Xem docs/campaigns.md.\n' +
      'new: tạo phong trào mới không cần lập trình: sổ (hoặc Google Sheet) có trang "Kế hoạch" ghi toàn bộ kế hoạch — thông tin chung, tiêu chí, khen thưởng,\n' +
      'chỉ tiêu, điều kiện, thời hạn, hồ sơ — để thư ký sửa trực tiếp (danh sách chọn cho mọi mục có lựa chọn cố định). --from lấy một mẫu có sẵn làm điểm\n' +
      'xuất phát; --draft đọc văn bản kế hoạch như lệnh draft và ghi bản nháp vào trang, mỗi giá trị kèm câu trong kế hoạch, rồi liệt kê mục còn thiếu;\n' +
      'không có --from, --draft thì trang để trống để điền. Trang "Kế hoạch" hợp lệ là phong trào: mọi lệnh dùng nó, kể cả khi có mẫu JSON cùng mã.\n' +
      'Hướng dẫn điền: docs/huong-dan-thu-ky.md',
    options: [
      ['out', '--out TỆP            (draft) ghi bản nháp (JSON: các trường, mục còn thiếu, cảnh báo) vào tệp này'],
      ['from', '--from MÃ            (new) mẫu phong trào làm điểm xuất phát (xem: thidua campaigns)'],
      ['draft', '--draft TỆP          (new) văn bản kế hoạch (.docx, .pdf, .txt): bản nháp đọc từ đó được ghi vào trang "Kế hoạch"'],
      ['store', '--store TỆP          (new) sổ làm việc .xlsx mới (mặc định data/<mã phong trào>.xlsx)'],
      ...STORE.slice(2),
    ],
    example: 'thidua campaign draft ke-hoach-dan-van-kheo.docx --out out/ban-nhap.json\n  thidua campaign new van-ninh-2027 --from van-ninh-dan-van-kheo\n  thidua campaign new van-ninh-2027 --draft ke-hoach-dan-van-kheo.docx --store data/van-ninh-2027.xlsx',
  },
  campaigns: { usage: 'thidua campaigns', does: 'Liệt kê mã và tên các phong trào có mẫu.', options: [], example: 'thidua campaigns' },
  help: { usage: 'thidua help [formats | <lệnh>]', does: 'Hướng dẫn chung, các loại tệp (formats), hoặc hướng dẫn một lệnh.', options: [], example: 'thidua help formats' },
};

/** `thidua <command> --help`. */
export function commandHelp(command: string): string {
  const help = COMMAND_HELP[command]!;
  const options = [...help.options.map(([, text]) => text), '--help               hướng dẫn này'];
  return `Cách dùng: ${help.usage}\n\n${help.does}\n\nTùy chọn:\n${options.map((o) => `  ${o}`).join('\n')}\n\nVí dụ:\n  ${help.example}\n`;
}

/** The options a command accepts. */
export const optionsOf = (command: string): ReadonlySet<OptionName> => new Set<OptionName>([...(COMMAND_HELP[command]?.options ?? []).map(([flag]) => flag), 'help']);
