import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../shared/cli/main.js';
import { decide } from '../../shared/domain/decide.js';
import { parseNomination } from '../../shared/domain/nomination.js';
import { buildFormPlan, WOMEN_SHARE_TITLE } from '../../shared/forms/form-plan.js';
import { responseToNomination } from '../../shared/forms/response-to-nomination.js';
import { unitColumns, unitRowToPayload } from '../../shared/forms/unit-workbook.js';
import { recordForm } from '../../shared/jobs/create-form.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, tempDir, vanNinh } from '../support/builders.js';
import { snapshotOf } from '../support/campaign.js';
import { answerValues } from './form-builders.js';

/**
 * NĐ 152/2025 Điều 4 gives priority, on equal results, to collectives with at least 70 % women: the form asks a
 * collective for its share of women, so units can give it, and the answer reaches the tie-breaker.
 */

const questions = [...buildFormPlan(vanNinh()).questions.values()];

describe('the form asks a collective for its share of women', () => {
  test('in the collectives’ section only, optional, saying why', () => {
    const asked = questions.filter((q) => q.field === 'womenShare');
    expect(asked).toEqual([expect.objectContaining({ kind: 'collective', title: WOMEN_SHARE_TITLE })]);
    const item = buildFormPlan(vanNinh()).requests.map((r) => r.createItem?.item).find((i) => i?.questionItem?.question?.questionId === asked[0]!.questionId)!;
    expect(item.questionItem!.question!.required).toBe(false);
    expect(item.description).toMatch(/70%.*Nghị định số 152\/2025\/NĐ-CP, Điều 4/);
  });

  test.each([
    // [typed, read]
    ['75', 75],
    ['72,5%', 72.5],
    ['70 %', 70],
    ['0', 0],
    [undefined, undefined],
  ])('an answer "%s" becomes a share of %s', (typed, share) => {
    const answers = answerValues(questions, { kind: 'collective', ...(typed === undefined ? {} : { womenShare: typed }) });
    const raw = responseToNomination({ responseId: 'r', submittedAt: '2024-08-12T03:15:00Z', byQuestionId: Object.fromEntries(answers.map(({ q, value }) => [q.questionId, [value]])) }, questions, vanNinh());
    const parsed = parseNomination(raw);
    expect(parsed.ok && parsed.nomination.womenShare).toBe(share ?? undefined);
  });

  test.each(['nhiều', '120'])('an answer "%s" is refused, naming the question', (typed) => {
    const answers = answerValues(questions, { kind: 'collective', womenShare: typed });
    const parsed = parseNomination(responseToNomination({ responseId: 'r', submittedAt: '2024-08-12T03:15:00Z', byTitle: Object.fromEntries(answers.map(({ q, value }) => [q.title, [value]])) }, questions, vanNinh()));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.findings.map((f) => f.message).join(' ')).toContain('Tỷ lệ nữ (%)');
  });
});

describe('from the responses sheet to the ranking', () => {
  test('two collectives tied at the quota line: the one with 75 % women, given on the form, is proposed', async () => {
    // GIVEN the council's workbook with the form's mapping, and three collectives ahead of the line
    const workbook = join(tempDir(), 'w.xlsx');
    const tables = SqliteStore.forWorkbook(workbook);
    await run(['init', 'van-ninh-dan-van-kheo', '--store', workbook], { stdout: { write: () => true }, stderr: { write: () => true } });
    await recordForm(await CampaignRepository.open(tables, campaigns), { formId: '1FormFromTheCouncil0001', questions });
    const rows = [
      { name: 'Hội Nông dân xã Vạn Thắng', womenShare: '20', scores: 15 },
      { name: 'Đoàn Thanh niên xã Vạn Thắng', womenShare: '45', scores: 15 },
      { name: 'Chi hội Phụ nữ thôn Xuân Tự', womenShare: '75%', scores: 13.5 },
      { name: 'Hội Cựu chiến binh xã Vạn Hưng', womenShare: '10', scores: 13.5 },
    ];
    const titles = questions.map((q) => q.title);
    const lines = [['Dấu thời gian', ...titles]];
    rows.forEach((r, i) => {
      const byTitle = new Map(answerValues(questions, { kind: 'collective', name: r.name, unit: `Đơn vị ${i}`, womenShare: r.womenShare, selfScores: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((n) => [n, n === '7' ? 10 : r.scores])) }).map(({ q, value }) => [q.title, value]));
      lines.push([`1${i}/08/2024 09:30:00`, ...titles.map((t) => byTitle.get(t) ?? '')]);
    });
    const file = join(tempDir(), 'cau-tra-loi.csv');
    writeFileSync(file, '\uFEFF' + lines.map((l) => l.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n');

    // WHEN it is taken in through the CLI
    expect(await run(['intake', file, '--store', workbook], { stdout: { write: () => true }, stderr: { write: () => true } })).toBe(0);

    // THEN the shares are stored, and the tie-breaker gives the place to the collective of 75 % women
    const snap = await snapshotOf(await CampaignRepository.open(tables, campaigns));
    expect(snap.nominations.map((n) => [n.name, n.womenShare])).toEqual(rows.map((r) => [r.name, Number(r.womenShare.replace('%', ''))]));
    const decisions = decide(vanNinh(), snap.nominations);
    const status = (name: string) => decisions.find((d) => d.responseId === snap.nominations.find((n) => n.name === name)!.responseId)!.status;
    expect([status('Chi hội Phụ nữ thôn Xuân Tự'), status('Hội Cựu chiến binh xã Vạn Hưng')]).toEqual(['proposed', 'over-quota']);
  });
});

describe('the unit workbook asks for it too', () => {
  test('a "Tỷ lệ nữ (%)" column, checked between 0 and 100, read into the nomination', () => {
    const column = unitColumns(vanNinh()).find((c) => c.field === 'womenShare')!;
    expect(column).toMatchObject({ header: 'Tỷ lệ nữ (%)', max: 100, maxMessage: 'Phần trăm từ 0 đến 100.' });
    const payload = unitRowToPayload(vanNinh(), new Map<string, string | number>([['award', 'Giấy khen của Chủ tịch UBND huyện'], ['kind', 'Tập thể'], ['name', 'Chi hội Phụ nữ'], ['unit', 'UBND xã Vạn Thắng'], ['womenShare', 80]]), '2024-08-12T09:00:00+07:00');
    expect(payload.womenShare).toBe(80);
  });
});
