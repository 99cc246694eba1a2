import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';

const SCRIPT = readFileSync(new URL('../../sheets-templates/apps-script/onFormSubmit.gs', import.meta.url), 'utf8');
const MANIFEST = JSON.parse(readFileSync(new URL('../../sheets-templates/apps-script/appsscript.json', import.meta.url), 'utf8')) as { oauthScopes: string[] };

interface Mail {
  to: string;
  subject: string;
  body: string;
}

/**
 * Runs the shipped Apps Script in a sandbox with Google's services faked: the intake answers with `answers` in turn,
 * MailApp records what would be sent, the console what would be logged.
 */
function runTrigger(answers: Array<{ status: number; body: unknown }>, options: { respondentEmail?: string; contact?: string; quota?: number } = {}) {
  const mails: Mail[] = [];
  const logs: string[] = [];
  const log = (...args: unknown[]) => logs.push(args.map(String).join(' '));
  let call = 0;
  const items = [
    { getItem: () => ({ getTitle: () => 'Họ và tên' }), getResponse: () => 'Trần Văn Phúc' },
    ...(options.contact ? [{ getItem: () => ({ getTitle: () => 'Thư điện tử liên hệ' }), getResponse: () => options.contact }] : []),
  ];
  const sandbox = {
    console: { log, warn: log, error: log },
    PropertiesService: { getScriptProperties: () => ({ getProperty: () => 'https://intake.example/intake' }) },
    ScriptApp: { getIdentityToken: () => 'token' },
    Utilities: { sleep: () => undefined },
    UrlFetchApp: {
      fetch: () => {
        const a = answers[Math.min(call++, answers.length - 1)]!;
        return { getResponseCode: () => a.status, getContentText: () => JSON.stringify(a.body) };
      },
    },
    MailApp: { getRemainingDailyQuota: () => options.quota ?? 100, sendEmail: (m: Mail) => mails.push(m) },
  };
  runInNewContext(SCRIPT, sandbox);
  const e = {
    source: { getId: () => 'form-1' },
    response: {
      getId: () => '2_ABaOnud',
      getTimestamp: () => new Date('2024-08-12T03:15:00Z'),
      getRespondentEmail: () => options.respondentEmail ?? '',
      getItemResponses: () => items,
    },
  };
  (sandbox as unknown as { sendResponseToThidua: (e: unknown) => void }).sendResponseToThidua(e);
  return { mails, logs };
}

const accepted = { outcome: 'accepted', responseId: '2_ABaOnud', status: 'ineligible', statusLabel: 'Không đủ điều kiện', nominee: 'Trần Văn Phúc', statusUrl: 'https://trang-thai.example/status?t=abc.def' };

describe('the form\'s Apps Script emails a Vietnamese receipt', () => {
  test('a nomination taken in: the receipt names the nominee and carries the status link, to the collected email', () => {
    const { mails, logs } = runTrigger([{ status: 201, body: accepted }], { respondentEmail: 'vanthang@example.vn' });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'vanthang@example.vn', subject: 'Biên nhận hồ sơ đề nghị khen thưởng: Trần Văn Phúc' });
    expect(mails[0]!.body).toContain('https://trang-thai.example/status?t=abc.def');
    expect(mails[0]!.body).toContain('Tình trạng hiện nay: Không đủ điều kiện.');
    expect(logs.join('\n')).not.toContain('vanthang@example.vn');
  });

  test('without a collected email it writes to the answer of "Thư điện tử liên hệ"; with neither, it sends nothing', () => {
    expect(runTrigger([{ status: 201, body: accepted }], { contact: ' lienhe@example.vn ' }).mails[0]!.to).toBe('lienhe@example.vn');
    expect(runTrigger([{ status: 201, body: accepted }], { contact: 'không có' }).mails).toEqual([]);
  });

  test('a refused submission: the receipt lists why, point by point, and asks to send again', () => {
    const refused = { outcome: 'rejected', message: 'Hồ sơ bị từ chối.', findings: [{ message: 'Thiếu trường bắt buộc "Ngày sinh".' }, { message: 'Điểm tiêu chí 2 phải là một số, nhận được "mười lăm".' }] };
    const { mails } = runTrigger([{ status: 400, body: refused }], { respondentEmail: 'vanthang@example.vn' });
    expect(mails[0]!.subject).toBe('Hồ sơ đề nghị khen thưởng chưa được tiếp nhận');
    expect(mails[0]!.body).toContain('  - Thiếu trường bắt buộc "Ngày sinh".');
    expect(mails[0]!.body).toContain('gửi lại biểu mẫu');
  });

  test('a retry after a 503 that finds the nomination already stored still sends one receipt; a second run of the trigger sends none', () => {
    const duplicate = { outcome: 'duplicate', responseId: '2_ABaOnud', statusUrl: accepted.statusUrl };
    expect(runTrigger([{ status: 503, body: {} }, { status: 200, body: duplicate }], { respondentEmail: 'a@example.vn' }).mails).toHaveLength(1);
    expect(runTrigger([{ status: 200, body: duplicate }], { respondentEmail: 'a@example.vn' }).mails).toHaveLength(0);
  });

  test('no receipt when the intake refused the caller, or when the day\'s mail quota is spent', () => {
    expect(runTrigger([{ status: 403, body: { error: 'Không có quyền.' } }], { respondentEmail: 'a@example.vn' }).mails).toEqual([]);
    const spent = runTrigger([{ status: 201, body: accepted }], { respondentEmail: 'a@example.vn', quota: 0 });
    expect(spent.mails).toEqual([]);
    expect(spent.logs.join('\n')).toContain('hết hạn mức gửi thư');
  });

  test('the manifest grants MailApp its scope, and only the script sends mail (the functions need no mail permission)', () => {
    expect(MANIFEST.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
  });
});
