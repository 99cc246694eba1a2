import { parseArgs } from 'node:util';
import { TemplateError } from '../templates/template-error.js';
import { loadCampaigns } from '../templates/campaign-registry.js';
import { StoreError } from '../store/table-store.js';
import { exportCommand, initCommand, intakeCommand, scoreCommand } from './commands.js';
import type { CliContext } from './context.js';
import { demoCommand } from './demo.js';
import { EXIT, UsageError, type CliIO } from './io.js';

const USAGE = `Cách dùng: thidua <lệnh> [tùy chọn]

  init <mã phong trào> [--store TỆP]        tạo sổ làm việc (mặc định data/<mã phong trào>.xlsx)
  intake <hồ sơ.json> [--store TỆP]         tiếp nhận một hồ sơ hoặc một mảng hồ sơ
  score [--store TỆP]                       tính lại trạng thái, xếp hạng, chỉ tiêu
  export <mã hình thức> [--store TỆP] [--out TỆP] [--year NĂM]
                                            xuất danh sách khen thưởng (.xlsx)
  demo                                      chạy thử trọn vẹn với phong trào mẫu Vạn Ninh
  campaigns                                 liệt kê các phong trào có mẫu

  --campaign <mã>  chọn sổ data/<mã>.xlsx khi không có --store

Mã thoát: 0 thành công; 1 có hồ sơ bị từ chối hoặc dùng sai lệnh; 2 lỗi ngoài dự kiến.
`;

/**
 * Runs `thidua` with its arguments; returns the exit code. Never throws: user mistakes are reported with exit 1,
 * anything unexpected with exit 2.
 */
export async function run(argv: string[], io: CliIO, now: () => Date = () => new Date()): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string' },
        campaign: { type: 'string' },
        out: { type: 'string' },
        year: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, arg, ...rest] = positionals;
    if (values.help || !command) {
      io.stdout.write(USAGE);
      return command || values.help ? EXIT.ok : EXIT.rejectedOrMisuse;
    }
    if (rest.length > 0) throw new UsageError(`Thừa tham số: ${rest.join(' ')}`);
    const ctx: CliContext = { io, now, campaigns: loadCampaigns() };
    const options = { store: values.store, campaign: values.campaign };
    const need = (what: string) => {
      if (!arg) throw new UsageError(`Lệnh "${command}" cần ${what}.`);
      return arg;
    };
    switch (command) {
      case 'init':
        return await initCommand(ctx, need('mã phong trào'), options);
      case 'intake':
        return await intakeCommand(ctx, need('tệp hồ sơ (.json)'), options);
      case 'score':
        return await scoreCommand(ctx, options);
      case 'export':
        return await exportCommand(ctx, need('mã hình thức khen thưởng'), { ...options, out: values.out, year: parseYear(values.year) });
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
      io.stderr.write(`Lỗi: ${error.message}\n\n${USAGE}`);
      return EXIT.rejectedOrMisuse;
    }
    io.stderr.write(`Lỗi ngoài dự kiến: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.unexpected;
  }
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year phải là năm có 4 chữ số, nhận được "${value}".`);
  return Number(value);
}
