import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { run } from '../../shared/cli/main.js';
import { csvToAnswers } from '../../shared/forms/csv-responses.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { recordForm } from '../../shared/jobs/create-form.js';
import type { FormQuestion } from '../../shared/forms/form-question.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, tempDir, vanNinh } from '../support/builders.js';
import { bearer, certsHandler, env, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { answerValues, type Answering } from './form-builders.js';
import { snapshotOf } from '../support/campaign.js';

useMsw();

/** A workbook with the form's mapping recorded as `thidua form create` records it (ids as planned). */
async function withMapping(): Promise<{ workbook: string; questions: FormQuestion[] }> {
  const workbook = await newWorkbook();
  const tables = SqliteStore.forWorkbook(workbook);
  const questions = [...buildFormPlan(vanNinh()).questions.values()];
  await recordForm(await CampaignRepository.open(tables, campaigns), { formId: '1FormFromTheCouncil0001', questions });
  return { workbook, questions };
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The responses sheet as Google Sheets downloads it: timestamp first, then one column per question title. */
function responsesCsv(questions: readonly FormQuestion[], rows: Array<{ stamp: string; answers: Answering }>): string {
  const titles = questions.map((q) => q.title);
  const lines = [['Dấu thời gian', ...titles]];
  for (const { stamp, answers } of rows) {
    const byTitle = new Map(answerValues(questions, answers).map(({ q, value }) => [q.title, value]));
    lines.push([stamp, ...titles.map((t) => byTitle.get(t) ?? '')]);
  }
  return '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const cli = () => {
  const out: string[] = [];
  return { out, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } } };
};

describe('thidua intake <responses.csv> (Google Forms CSV export)', () => {
  test('takes each row in with the recorded mapping; importing the same file again adds nothing', async () => {
    // GIVEN the responses sheet downloaded as CSV, two nominees, one of them with a birth date in DD/MM/YYYY
    const { workbook, questions } = await withMapping();
    const file = join(tempDir(), 'cau-tra-loi.csv');
    writeFileSync(file, responsesCsv(questions, [
      { stamp: '15/08/2024 09:30:00', answers: { name: 'Trần Thị Mai', gender: 'Nữ', birthDate: '02/09/1978' } },
      { stamp: '16/08/2024 14:05:12', answers: { kind: 'collective', name: 'Chi hội Phụ nữ thôn Xuân Tự' } },
    ]));

    // WHEN it is taken in, twice
    const first = cli();
    expect(await run(['intake', file, '--store', workbook], first.io)).toBe(0);
    const second = cli();
    expect(await run(['intake', file, '--store', workbook], second.io)).toBe(0);

    // THEN two nominations, Vietnam time, the same ids the second time
    const { nominations } = await snapshotOf(await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns));
    expect(nominations.map((n) => [n.name, n.kind, n.birthDate, n.submittedAt.toISOString()])).toEqual([
      ['Trần Thị Mai', 'individual', '1978-09-02', '2024-08-15T02:30:00.000Z'],
      ['Chi hội Phụ nữ thôn Xuân Tự', 'collective', undefined, '2024-08-16T07:05:12.000Z'],
    ]);
    expect(nominations.every((n) => /^csv-[0-9a-f]{20}$/.test(n.responseId))).toBe(true);
    expect(first.out.join('')).toContain('Tiếp nhận 2');
    expect(second.out.join('')).toContain('đã có từ trước 2');
  });

  test('reads a sheet in a month-first locale when a timestamp says so', () => {
    const questions = [...buildFormPlan(vanNinh()).questions.values()];
    const csv = responsesCsv(questions, [
      { stamp: '8/15/2024 9:30:00', answers: { birthDate: '9/2/1978' } },
      { stamp: '8/3/2024 10:00:00', answers: {} },
    ]);
    const [a, b] = csvToAnswers(csv, questions);
    expect(a!.submittedAt).toBe('2024-08-15T09:30:00+07:00');
    expect(b!.submittedAt).toBe('2024-08-03T10:00:00+07:00');
    expect(a!.byTitle!['Ngày sinh']).toEqual(['1978-09-02']);
  });

  test('refuses a CSV that is not this form\'s responses, naming the problem', async () => {
    const { workbook } = await withMapping();
    const file = join(tempDir(), 'khac.csv');
    writeFileSync(file, 'Họ tên,Điểm\nA,1\n');
    const { io, out } = cli();
    expect(await run(['intake', file, '--store', workbook], io)).toBe(1);
    expect(out.join('')).toContain('Dấu thời gian');
  });
});

describe('the Apps Script trigger', () => {
  test('its posted form response is taken in by the intake function through the recorded titles', async () => {
    server.use(certsHandler());
    const { workbook, questions } = await withMapping();
    const rt = testRuntime(env(workbook));
    const envelope = {
      formResponse: {
        formId: '1FormFromTheCouncil0001',
        responseId: '2_ABaOnudAbc',
        lastSubmittedTime: '2024-08-12T03:15:00.000Z',
        answers: answerValues(questions, { name: 'Võ Văn Khánh' }).map(({ q, value }) => ({ title: q.title, values: [value] })),
      },
    };
    const res = await postJson(await serveHttp(intake(rt)), envelope, bearer());
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ outcome: 'accepted', responseId: '2_ABaOnudAbc' });
    const { nominations } = await snapshotOf(await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns));
    expect(nominations[0]).toMatchObject({ name: 'Võ Văn Khánh', award: 'giay-khen-chu-tich-huyen', kind: 'individual' });
  });

  test('the shipped snippet posts with an identity token, mutes HTTP exceptions and logs the answer', () => {
    const gs = readFileSync(new URL('../../sheets-templates/apps-script/onFormSubmit.gs', import.meta.url), 'utf8');
    for (const needle of ['ScriptApp.getIdentityToken()', 'UrlFetchApp.fetch', 'muteHttpExceptions: true', "method: 'post'", 'formResponse', 'getTimestamp()', 'installTrigger', 'console.']) expect(gs).toContain(needle);
  });
});
