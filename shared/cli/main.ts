import { doctorCommand } from './doctor-command.js';
import { campaignDraftCommand } from './draft-command.js';
import { parseArgs } from 'node:util';
import { TemplateError } from '../templates/template-error.js';
import type { Campaign } from '../domain/campaign.js';
import { loadCampaigns } from '../templates/campaign-registry.js';
import { campaignNewCommand } from './campaign-commands.js';
import { StoreError } from '../store/table-store.js';
import { exportCommand, initCommand, intakeCommand, scoreCommand } from './commands.js';
import type { CliContext } from './context.js';
import { councilCommand, importCommand, reviewCommand } from './council-commands.js';
import { councilVoteCommand } from './vote-commands.js';
import { exportPackageCommand, intakePackageCommand } from './package-commands.js';
import { demoCommand } from './demo.js';
import { dossierCommand } from './dossier-command.js';
import { parseVariant, reportCommand, scoreSheetCommand } from './document-commands.js';
import { formCreateCommand, intakeCsvCommand } from './form-commands.js';
import { formatsHelp } from './help-formats.js';
import { COMMAND_HELP, commandHelp, optionsOf, type OptionName } from './help.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { readText } from './read-records.js';
import { formWorkbookCommand, intakeUnitFileCommand } from './unit-workbook-commands.js';

const USAGE = `Cách dùng: thidua <lệnh> [tùy chọn]

  init <mã phong trào> [--store TỆP]        tạo sổ làm việc (mặc định data/<mã phong trào>.xlsx)
  intake <hồ sơ.json> [--store TỆP]         tiếp nhận một hồ sơ hoặc một mảng hồ sơ
  intake <câu trả lời.csv> [--store TỆP]    tiếp nhận câu trả lời biểu mẫu tải về dạng CSV (theo câu hỏi đã ghi)
  intake <sổ đơn vị.xlsx|csv> [--store TỆP] tiếp nhận sổ đề nghị đơn vị đã điền (tạo bằng form workbook)
  intake package <gói.zip> [--store TỆP]    tiếp nhận gói đề nghị của cấp dưới (xuất bằng export package)
  form create <mã phong trào> [--spreadsheet MÃ]
                                            tạo biểu mẫu Google Forms đề nghị khen thưởng, ghi ánh xạ câu hỏi
  form workbook <mã phong trào> [--out TỆP] tạo sổ đề nghị (.xlsx) cho đơn vị điền khi không dùng Google Forms
  score [--store TỆP]                       tính lại trạng thái, xếp hạng, chỉ tiêu
  export <mã hình thức> [--store TỆP] [--out TỆP] [--year NĂM] [--variant proposal|decision]
                                            xuất danh sách khen thưởng (.xlsx): proposal = danh sách đề nghị
                                            (điểm, hình thức đề nghị, khen thưởng đã đạt), decision = kèm quyết định
  export package <mã hình thức> [--year NĂM] [--out TỆP]
                                            xuất gói đề nghị gửi cấp trên (.zip): danh sách, dữ liệu từng hồ sơ,
                                            lịch sử khen thưởng, quyết định của cấp mình
  scoresheet [--one-workbook] [--out THƯ_MỤC|TỆP]
                                            xuất bảng tự đánh giá, chấm điểm của từng hồ sơ (mỗi hồ sơ một tệp,
                                            hoặc một tệp với mỗi hồ sơ một trang tính)
  report [--out TỆP]                        xuất báo cáo phong trào: số liệu, nộp muộn, xếp hạng, biểu đồ điểm
  dossier <mã phong trào> [--award MÃ] [--year NĂM] [--bien-ban TỆP.json] [--out THƯ_MỤC]
                                            xuất hồ sơ Hội đồng (.docx): tờ trình, biên bản họp xét, quyết định,
                                            báo cáo thành tích từng hồ sơ, danh mục hồ sơ còn thiếu
  import <bộ dữ liệu> <tệp.csv|json>         nạp dữ liệu đối chiếu: quiz-log, award-history, model-registrations, clearance
  council <tệp.csv|json>                    ghi điểm / mức đánh giá của thành viên Hội đồng
  council vote <tệp.xlsx|json|csv>          ghi phiên họp xét và kết quả biểu quyết của Hội đồng
  review <tệp.csv|json> --by <người>        ghi kết luận thẩm định, lựa chọn khi đồng hạng, quyết định khen thưởng
  demo                                      chạy thử trọn vẹn bốn phong trào mẫu
  campaigns                                 liệt kê các phong trào có mẫu
  campaign new <mã> [--from <mã mẫu> | --draft <kế hoạch>]  tạo phong trào mới từ trang "Kế hoạch" thư ký tự sửa (không cần mẫu JSON)
  campaign draft <kế hoạch.docx|pdf|txt> [--out TỆP]
                                            đọc bản nháp phong trào từ văn bản kế hoạch (mỗi trường kèm câu gốc)
  doctor <mã phong trào> --spreadsheet MÃ [--form MÃ]
                                            kiểm tra bản triển khai: chia sẻ, vùng bảo vệ, biểu mẫu, theo dõi,
                                            các trang và tiêu đề, dung lượng bảng tính
  help formats                              các loại tệp mỗi lệnh đọc: cột và dòng ví dụ
  <lệnh> --help                             cách dùng, tùy chọn và ví dụ của một lệnh

  --campaign <mã>  chọn sổ data/<mã>.xlsx khi không có --store
  --spreadsheet <mã hoặc địa chỉ>   làm việc trên Google Sheet thay cho sổ .xlsx (init, intake, score, export…);
                   thông tin xác thực, theo thứ tự: --impersonate / THIDUA_IMPERSONATE_SERVICE_ACCOUNT (mượn quyền
                   tài khoản dịch vụ, không cần tệp khóa), GOOGLE_APPLICATION_CREDENTIALS, tệp ADC của gcloud,
                   máy chủ metadata (xem docs/google-sheets.md)
  --impersonate <email>             mượn quyền tài khoản dịch vụ này (tài khoản của bạn cần vai trò Service Account Token Creator)
  --service-account <email>         tài khoản dịch vụ của các hàm (mặc định THIDUA_SERVICE_ACCOUNT): được quyền sửa các cột được bảo vệ

Mã thoát: 0 thành công; 1 có hồ sơ bị từ chối hoặc dùng sai lệnh; 2 lỗi ngoài dự kiến.
`;

/**
 * Runs `thidua` with its arguments; returns the exit code. Never throws: user mistakes are reported with exit 1,
 * anything unexpected with exit 2.
 */
export async function run(argv: string[], io: CliIO, now: () => Date = () => new Date(), registry: () => ReadonlyMap<string, Campaign> = loadCampaigns): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string' },
        campaign: { type: 'string' },
        out: { type: 'string' },
        year: { type: 'string' },
        variant: { type: 'string' },
        'one-workbook': { type: 'boolean' },
        by: { type: 'string' },
        spreadsheet: { type: 'string' },
        'service-account': { type: 'string' },
        impersonate: { type: 'string' },
        form: { type: 'string' },
        from: { type: 'string' },
        draft: { type: 'string' },
        award: { type: 'string' },
        'bien-ban': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, arg, arg2, ...more] = positionals;
    const rest = command === 'import' || command === 'form' || command === 'campaign' || (command === 'council' && arg === 'vote') || (command === 'intake' && arg === 'package') || (command === 'export' && arg === 'package') ? more : [arg2, ...more].filter((x): x is string => x !== undefined);
    if (!command) {
      io.stdout.write(USAGE);
      return values.help ? EXIT.ok : EXIT.rejectedOrMisuse;
    }
    if (command === 'help') {
      if (arg === 'formats') {
        const campaigns = loadCampaigns();
        // the example follows --campaign, else the first campaign whose units score themselves (points criteria)
        const scored = [...campaigns.values()].find((c) => Object.values(c.rubrics).some((r) => r?.criteria.some((k) => 'maxPoints' in k)));
        const campaign = (values.campaign ? campaigns.get(values.campaign) : undefined) ?? scored ?? [...campaigns.values()][0]!;
        io.stdout.write(formatsHelp(campaign));
      } else io.stdout.write(values.help ? commandHelp('help') : arg && COMMAND_HELP[arg] ? commandHelp(arg) : USAGE);
      return EXIT.ok;
    }
    if (!COMMAND_HELP[command]) throw new UsageError(`Không có lệnh "${command}".\n\n${USAGE}`);
    if (values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const accepted = optionsOf(command);
    const unused = Object.keys(values).filter((k) => !accepted.has(k as OptionName));
    if (unused.length > 0) throw new UsageError(`Lệnh "${command}" không dùng tùy chọn ${unused.map((k) => `--${k}`).join(', ')}.\n\n${commandHelp(command)}`);
    if (rest.length > 0) throw new UsageError(`Thừa tham số: ${rest.join(' ')}. Xem cách dùng: thidua ${command} --help`);
    const ctx: CliContext = { io, now, campaigns: registry() };
    const options = { store: values.store, campaign: values.campaign, spreadsheet: values.spreadsheet, serviceAccount: values['service-account'], impersonate: values.impersonate };
    const need = (what: string) => {
      if (!arg) throw new UsageError(`Lệnh "${command}" cần ${what}.\n\n${commandHelp(command)}`);
      return arg;
    };
    const needSecond = (what: string) => {
      if (!arg2) throw new UsageError(`Lệnh "${command} ${arg ?? ''}" cần ${what}.\n\n${commandHelp(command)}`);
      return arg2;
    };
    switch (command) {
      case 'init':
        return await initCommand(ctx, need('mã phong trào'), options);
      case 'intake': {
        const file = need('tệp hồ sơ (.json, .xlsx hoặc .csv)');
        if (file === 'package') return await intakePackageCommand(ctx, needSecond('tệp gói đề nghị (.zip)'), options);
        if (/\.xlsx$/i.test(file)) return await intakeUnitFileCommand(ctx, file, options);
        if (/\.(csv|txt)$/i.test(file)) return (await isFormResponses(file)) ? await intakeCsvCommand(ctx, file, options) : await intakeUnitFileCommand(ctx, file, options);
        return await intakeCommand(ctx, file, options);
      }
      case 'form': {
        const what = need('việc cần làm (create hoặc workbook)');
        if (what === 'workbook' && arg2) return await formWorkbookCommand(ctx, arg2, values.out);
        if (what !== 'create' || !arg2) throw new UsageError(`Cách dùng: thidua form create <mã phong trào> [--spreadsheet MÃ]\n       thidua form workbook <mã phong trào> [--out TỆP]\n\n${commandHelp('form')}`);
        return await formCreateCommand(ctx, arg2, options);
      }
      case 'score':
        return await scoreCommand(ctx, options);
      case 'export':
        if (arg === 'package') return await exportPackageCommand(ctx, needSecond('mã hình thức khen thưởng của cấp trên'), { ...options, out: values.out, year: parseYear(values.year) });
        return await exportCommand(ctx, need('mã hình thức khen thưởng'), { ...options, out: values.out, year: parseYear(values.year), variant: parseVariant(values.variant) });
      case 'scoresheet':
        return await scoreSheetCommand(ctx, { ...options, out: values.out, oneWorkbook: values['one-workbook'] });
      case 'report':
        return await reportCommand(ctx, { ...options, out: values.out });
      case 'dossier':
        return await dossierCommand(ctx, need('mã phong trào'), { ...options, award: values.award, year: parseYear(values.year), bienBan: values['bien-ban'], out: values.out });
      case 'import':
        return await importCommand(ctx, need('tên bộ dữ liệu (quiz-log, award-history, model-registrations, clearance)'), arg2, options);
      case 'council':
        if (arg === 'vote') {
          if (!arg2) throw new UsageError(`Lệnh "council vote" cần tệp biểu quyết (.xlsx, .json hoặc .csv).\n\n${commandHelp('council')}`);
          return await councilVoteCommand(ctx, arg2, options);
        }
        return await councilCommand(ctx, need('tệp điểm Hội đồng (.csv hoặc .json)'), options);
      case 'review':
        return await reviewCommand(ctx, need('tệp kết luận (.csv hoặc .json)'), { ...options, by: values.by });
      case 'doctor':
        return await doctorCommand(ctx, need('mã phong trào'), { ...options, ...(values.form ? { form: values.form } : {}) });
      case 'campaign': {
        const what = need('việc cần làm (draft hoặc new)');
        if (what === 'draft' && arg2) return await campaignDraftCommand(ctx, arg2, values.out);
        if (what === 'new' && arg2) return await campaignNewCommand(ctx, arg2, values.from, { ...options, draft: values.draft });
        throw new UsageError(`Cách dùng: ${COMMAND_HELP.campaign!.usage}\n\n${commandHelp('campaign')}`);
      }
      case 'demo':
        return await demoCommand(ctx);
      case 'campaigns':
        for (const c of ctx.campaigns.values()) io.stdout.write(`${c.id}\t${c.title}\n`);
        return EXIT.ok;
      default:
        throw new UsageError(`Không có lệnh "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof StoreError || error instanceof TemplateError) {
      io.stderr.write(`Lỗi: ${error.message}\n`);
      return EXIT.rejectedOrMisuse;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`Lỗi: ${parseArgsProblem(error)}\n\n${USAGE}`);
      return EXIT.rejectedOrMisuse;
    }
    io.stderr.write(
      `Lỗi ngoài dự kiến (không phải do dữ liệu nhập vào): ${error instanceof Error ? error.message : String(error)}\n` +
        'Sổ làm việc không bị ghi dở. Hãy chạy lại lệnh; nếu vẫn lỗi, gửi toàn bộ nội dung dưới đây cho người hỗ trợ kỹ thuật.\n' +
        `${error instanceof Error ? (error.stack ?? '') : ''}\n`,
    );
    return EXIT.unexpected;
  }
}

/** Node's parseArgs errors, in Vietnamese: which option, and what to write instead. */
function parseArgsProblem(error: NodeJS.ErrnoException): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Không có tùy chọn "${option}". Kiểm tra chính tả (tùy chọn viết sau hai dấu gạch, ví dụ --store), hoặc xem: thidua <lệnh> --help`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? `Tùy chọn "${option}" cần một giá trị ngay sau nó, ví dụ ${option} data/so.xlsx`
        : `Tùy chọn "${option}" không nhận giá trị; bỏ phần viết sau nó`;
    default:
      return `Dòng lệnh không đúng (${option || 'tham số'}). Xem: thidua <lệnh> --help`;
  }
}

/** A Google Forms responses CSV starts with its timestamp column; any other CSV is a unit's nomination file. */
async function isFormResponses(file: string): Promise<boolean> {
  const firstLine = (await readText(file)).replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return /^"?(dấu thời gian|timestamp)"?\s*[,;\t]/i.test(firstLine.normalize('NFC'));
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year phải là năm có 4 chữ số, nhận được "${value}".`);
  return Number(value);
}
