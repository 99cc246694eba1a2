/**
 * `thidua doctor` against the fakes: what a first deployment gets wrong, one Vietnamese line per problem with its fix.
 */
import { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, test } from 'vitest';
import { doctorCommand } from '../../shared/cli/doctor-command.js';
import { openTables } from '../../shared/cli/open-tables.js';
import { googleFormsApi } from '../../shared/google/forms/forms-api.js';
import { googleSheetInspector } from '../../shared/google/sheets/inspect.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { campaigns, vanNinh } from '../support/builders.js';
import { FakeDrive } from '../fakes/drive-fake.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { newFake, server, serveFakeSheets, tokenAuth } from '../store/google-sheets-contract-harness.js';

serveFakeSheets();

const OWNER = 'owner@example.com';
const FUNCTIONS = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';
const NOW = new Date('2024-08-20T02:00:00Z');
const TOPIC = 'projects/van-ninh-thi-dua/topics/thidua-forms';

async function deployment(o: { namedAccount: boolean; shared: boolean; published: boolean; watch?: 'ACTIVE' | 'SUSPENDED' }) {
  const sheets = newFake();
  const forms = new FakeForms({ now: () => NOW });
  const drive = new FakeDrive();
  server.use(...forms.handlers, ...drive.handlers);
  const id = sheets.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  drive.share(id, { emailAddress: OWNER, role: 'owner' }, ...(o.shared ? [{ emailAddress: FUNCTIONS, role: 'writer' as const }] : [{ emailAddress: FUNCTIONS, role: 'reader' as const }]));
  const { tables } = await openTables({ spreadsheet: id, ...(o.namedAccount ? { serviceAccount: FUNCTIONS } : {}) }, {}, { auth: tokenAuth(), sleep: async () => {} });
  await initCampaign(tables, vanNinh());
  const formId = forms.addForm({ title: 'Hồ sơ' }, [], { published: o.published });
  if (o.watch) forms.addWatch(formId, { id: 'w1', eventType: 'RESPONSES', state: o.watch, expireTime: '2024-08-25T00:00:00Z', target: { topic: { topicName: TOPIC } }, ...(o.watch === 'SUSPENDED' ? { errorType: 'PROJECT_NOT_AUTHORIZED' } : {}) });
  const out: string[] = [];
  const run = async () => {
    const code = await doctorCommand(
      { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } }, now: () => NOW, campaigns },
      'van-ninh-dan-van-kheo',
      { spreadsheet: id, form: formId, serviceAccount: FUNCTIONS },
      { env: {}, sheet: googleSheetInspector({ spreadsheetId: id, auth: tokenAuth() }), forms: await googleFormsApi({ auth: tokenAuth() }) },
    );
    return { code, lines: out.join('').trim().split('\n') };
  };
  return { sheets, id, run };
}

describe('thidua doctor', () => {
  test('a deployment done right: no problem, the cell budget left, exit 0', async () => {
    const { run } = await deployment({ namedAccount: true, shared: true, published: true, watch: 'ACTIVE' });
    const { code, lines } = await run();
    expect(lines.filter((l) => l.startsWith('✘'))).toEqual([]);
    expect(lines.at(-2)).toMatch(/^Dung lượng: [\d.]+ \/ 10\.000\.000 ô \(\d+ %\), còn [\d.]+ ô\.$/);
    expect(lines.at(-1)).toBe('✔ Không thấy vấn đề nào.');
    expect(code).toBe(0);
  });

  test('a first deployment done wrong: one line per problem, each with its fix, exit 1', async () => {
    const { sheets, id, run } = await deployment({ namedAccount: false, shared: false, published: false });
    const nominations = layoutsFor(vanNinh()).get('nominations')!;
    const results = layoutsFor(vanNinh()).get('results')!;
    const api = new sheets_v4.Sheets({ auth: tokenAuth() });
    await api.spreadsheets.values.update({ spreadsheetId: id, range: `'${nominations.title}'!B1`, valueInputOption: 'RAW', requestBody: { values: [['Tên']] } });
    await api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ deleteSheet: { sheetId: sheets.sheet(id, results.title).properties.sheetId } }] } });
    const { code, lines } = await run();
    const problems = lines.filter((l) => l.startsWith('✘'));
    expect(code).toBe(1);
    const expectLine = (re: RegExp) => expect(problems.some((l) => re.test(l)), `${re} in\n${problems.join('\n')}`).toBe(true);
    expectLine(new RegExp(`Bảng tính chưa chia sẻ quyền Người chỉnh sửa cho ${FUNCTIONS}: .*bấm "Chia sẻ"`));
    expectLine(new RegExp(`Trang "${nominations.title}": ${FUNCTIONS} không được sửa 1 vùng được bảo vệ.*--service-account ${FUNCTIONS}`));
    expectLine(new RegExp(`Thiếu trang tính "${results.title}": chạy "thidua init`));
    expectLine(new RegExp(`Trang "${nominations.title}": cột 2 phải có tiêu đề "${nominations.columns[1]!.header}" nhưng đang là "Tên"`));
    expectLine(/Biểu mẫu chưa được xuất bản.*bấm "Xuất bản"/);
    expectLine(/Chưa có theo dõi \(watch\).*thidua-watch-renewal/);
    expect(problems.every((l) => l.length < 400)).toBe(true);
  });

  test('a form published but closed, and a suspended watch', async () => {
    const { run } = await deployment({ namedAccount: true, shared: true, published: true, watch: 'SUSPENDED' });
    const { lines } = await run();
    expect(lines.filter((l) => l.startsWith('✘'))).toEqual([expect.stringMatching(/Theo dõi câu trả lời đang ở trạng thái SUSPENDED \(PROJECT_NOT_AUTHORIZED\).*forms-notifications@system\.gserviceaccount\.com/)]);
  });

  test('run as an account that may not see who edits the protections, it says so instead of guessing', async () => {
    const { sheets, run } = await deployment({ namedAccount: false, shared: true, published: true, watch: 'ACTIVE' });
    sheets.identify('test-token', FUNCTIONS); // the doctor calls as the functions' account, which is no editor
    const problems = (await run()).lines.filter((l) => l.startsWith('✘'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((l) => /không xem được ai được sửa \d+ vùng được bảo vệ; hãy để người tạo bảng tính chạy lại "thidua init/.test(l))).toBe(true);
  });

  test('a spreadsheet past 80 % of its cells is reported with what to do', async () => {
    const { sheets, id, run } = await deployment({ namedAccount: true, shared: true, published: true, watch: 'ACTIVE' });
    await new sheets_v4.Sheets({ auth: tokenAuth() }).spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Phong trào 2023', gridProperties: { rowCount: 8_500_000, columnCount: 1 } } } }] },
    });
    expect(sheets.spreadsheet(id).sheets.length).toBeGreaterThan(1);
    const { lines } = await run();
    expect(lines.filter((l) => l.startsWith('✘'))).toEqual([expect.stringMatching(/Bảng tính đã dùng [\d.]+ trong 10\.000\.000 ô cho phép \(8\d %\): chuyển phong trào/)]);
  });
});
