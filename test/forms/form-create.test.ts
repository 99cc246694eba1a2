import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { formCreateCommand } from '../../shared/cli/form-commands.js';
import { parseNomination } from '../../shared/domain/nomination.js';
import { buildFormPlan, CONFIRMATION, pointChoices } from '../../shared/forms/form-plan.js';
import { FORM_SETTING } from '../../shared/store/codecs/settings.js';
import { googleFormsApi } from '../../shared/google/forms/forms-api.js';
import { answersFromApi, responseToNomination } from '../../shared/forms/response-to-nomination.js';
import { titleKey } from '../../shared/forms/form-question.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, vanNinh } from '../support/builders.js';
import { quiz } from '../support/campaign-builders.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { newWorkbook, tokenAuth } from '../functions/harness.js';
import { apiResponse } from './form-builders.js';
import { formQuestionsOf } from '../support/campaign.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const io = () => {
  const out: string[] = [];
  return { out, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } } };
};

async function created() {
  const fake = new FakeForms();
  server.use(...fake.handlers);
  const workbook = await newWorkbook();
  const { io: cliIo, out } = io();
  const code = await formCreateCommand({ io: cliIo, now: () => new Date('2024-07-01T00:00:00Z'), campaigns }, 'van-ninh-dan-van-kheo', { store: workbook }, await googleFormsApi({ auth: tokenAuth() }));
  const tables = SqliteStore.forWorkbook(workbook);
  const store = await CampaignRepository.open(tables, campaigns);
  const formId = fake.calls[0]!.method === 'forms.create' ? fake.calls.find((c) => c.method === 'forms.batchUpdate')!.formId! : '';
  return { fake, code, out: out.join(''), store, tables, formId, form: fake.form(formId) };
}

describe('thidua form create', () => {
  test('makes the form with one forms.create (title only) and one forms.batchUpdate', async () => {
    const { fake, code, out, formId } = await created();
    expect(code).toBe(0);
    expect(fake.calls.map((c) => c.method)).toEqual(['forms.create', 'forms.batchUpdate', 'forms.setPublishSettings']);
    expect(fake.calls[0]!.body).toEqual({ info: { title: expect.stringContaining('Dân vận khéo'), documentTitle: expect.any(String) } });
    expect(out).toContain(formId);
    expect(out).toContain('viewform');
  });

  test('publishes the form and opens it to responses (a form made by the API after 2026-06-30 takes none until then)', async () => {
    const { fake, out, formId } = await created();
    expect(fake.calls.at(-1)).toMatchObject({ method: 'forms.setPublishSettings', body: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } }, updateMask: 'publishState' } });
    expect(fake.form(formId).publishSettings).toEqual({ publishState: { isPublished: true, isAcceptingResponses: true } });
    expect(() => fake.addResponse(formId, { responseId: 'ACYDBN1', lastSubmittedTime: '2024-08-12T03:00:00Z' })).not.toThrow();
    expect(out).toContain('đã được xuất bản và đang nhận câu trả lời');
    expect(out).toContain('Bất kỳ ai có đường liên kết');
  });

  test('a form Google would not publish is still recorded, and the user is told to publish it by hand', async () => {
    const fake = new FakeForms();
    server.use(...fake.handlers);
    fake.fail('forms.setPublishSettings', { status: 403 });
    const workbook = await newWorkbook();
    const { io: cliIo, out } = io();
    const code = await formCreateCommand({ io: cliIo, now: () => new Date('2024-07-01T00:00:00Z'), campaigns }, 'van-ninh-dan-van-kheo', { store: workbook }, await googleFormsApi({ auth: tokenAuth() }));
    expect(code).toBe(0);
    const formId = fake.calls[1]!.formId!;
    expect((await (await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns)).settings()).get(FORM_SETTING.formId)).toBe(formId);
    expect(out.join('')).toContain('CHƯA xuất bản được biểu mẫu');
    expect(() => fake.addResponse(formId, { responseId: 'ACYDBN1', lastSubmittedTime: '2024-08-12T03:00:00Z' })).toThrow(/not published/);
  });

  test('has a section per nominee kind, reached from the kind question, each ending with a pledge that submits', async () => {
    const { form } = await created();
    const sections = form.items.filter((i) => i.pageBreakItem).map((i) => [i.title, i.itemId]);
    expect(sections.map(([t]) => t)).toEqual(['Hồ sơ tập thể', 'Hồ sơ cá nhân']);
    const kind = form.items.find((i) => i.title === 'Đối tượng đề nghị')!;
    expect(form.items.indexOf(kind)).toBeLessThan(form.items.findIndex((i) => i.pageBreakItem));
    expect(kind.questionItem!.question!.choiceQuestion!.options).toEqual([
      { value: 'Tập thể', goToSectionId: sections[0]![1] },
      { value: 'Cá nhân', goToSectionId: sections[1]![1] },
    ]);
    const pledges = form.items.filter((i) => i.title?.startsWith('Cam kết'));
    expect(pledges.map((p) => p.questionItem!.question!.choiceQuestion!.options)).toEqual([[{ value: CONFIRMATION, goToAction: 'SUBMIT_FORM' }], [{ value: CONFIRMATION, goToAction: 'SUBMIT_FORM' }]]);
  });

  test('asks one points question per criterion with the maximum as its limit, and one evidence question', async () => {
    const { form } = await created();
    const c3 = vanNinh().rubrics.individual!.criteria[2]!;
    const score = form.items.find((i) => i.title === 'Tiêu chí 3 (cá nhân): điểm tự chấm, tối đa 20 điểm')!;
    const options = score.questionItem!.question!.choiceQuestion!.options!.map((o) => o.value);
    expect(options[0]).toBe('0');
    expect(options.at(-1)).toBe('20');
    expect(options).toContain('13,5');
    expect(options).not.toContain('20,5');
    expect(score.description).toBe(c3.text);
    expect(form.items.find((i) => i.title === 'Tiêu chí 3 (cá nhân): tài liệu kiểm chứng')!.questionItem!.question).toMatchObject({ required: true, textQuestion: { paragraph: true } });
  });

  test('records every question id with its contract field in the workbook, and the form id in the settings', async () => {
    const { store, tables, formId, form } = await created();
    const { questions, problems } = await formQuestionsOf(store);
    expect(problems).toEqual([]);
    const asked = form.items.flatMap((i) => (i.questionItem?.question?.questionId ? [i.questionItem.question.questionId] : []));
    expect(questions.map((q) => q.questionId).sort()).toEqual([...asked].sort());
    expect(questions.filter((q) => q.kind === 'individual').map((q) => q.field)).toEqual(expect.arrayContaining(['name', 'birthDate', 'gender', 'position', 'selfScores.7', 'evidence.7', 'confirm']));
    expect(new Set(questions.map((q) => titleKey(q.title))).size).toBe(questions.length);
    expect((await store.settings()).get(FORM_SETTING.formId)).toBe(formId);
  });

  test('a response to the form made this way turns back into a nomination the contract accepts', async () => {
    const { store, tables } = await created();
    const { questions } = await formQuestionsOf(store);
    const raw = responseToNomination(answersFromApi(apiResponse(questions, 'ACYDBN1', '2024-08-12T03:15:00Z', { gender: 'Nữ', selfScores: { 1: '13,5', 2: 15, 3: 20, 4: 10, 5: 10, 6: 15, 7: 15 } })), questions, vanNinh());
    const parsed = parseNomination(raw);
    expect(parsed.ok && parsed.nomination).toMatchObject({
      responseId: 'ACYDBN1',
      campaign: 'van-ninh-dan-van-kheo',
      award: 'giay-khen-chu-tich-huyen',
      kind: 'individual',
      name: 'Nguyễn Văn Bình',
      gender: 'nữ',
      birthDate: '1980-03-04',
      selfScores: { 1: 13.5, 3: 20 },
    });
  });
});

describe('the form plan (pure)', () => {
  test('points go from 0 to the maximum in half points with the decimal comma', () => {
    expect(pointChoices(2)).toEqual(['0', '0,5', '1', '1,5', '2']);
  });

  test('a campaign with rated criteria asks only for evidence on them, and a quiz campaign asks for the quiz account', () => {
    const plan = buildFormPlan(quiz());
    const fields = [...plan.questions.values()].map((q) => `${q.kind ?? '-'}:${q.field}`);
    expect(fields.some((f) => f.includes('selfScores'))).toBe(false);
    expect(fields).toEqual(expect.arrayContaining(['individual:quizAccount', 'individual:evidence.1']));
  });

  test('every request that creates a question is recorded, and the ids are unique', () => {
    const plan = buildFormPlan(vanNinh());
    const created = plan.requests.flatMap((r, i) => (r.createItem?.item?.questionItem ? [i] : []));
    expect([...plan.questions.keys()].sort((a, b) => a - b)).toEqual(created);
    const ids = plan.requests.flatMap((r) => [r.createItem?.item?.itemId, r.createItem?.item?.questionItem?.question?.questionId]).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
