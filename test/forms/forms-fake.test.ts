import { forms_v1 } from '@googleapis/forms';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FormsError, googleFormsApi } from '../../shared/google/forms/forms-api.js';
import { answersFromApi, responseToNomination } from '../../shared/forms/response-to-nomination.js';
import { buildFormPlan } from '../../shared/forms/form-plan.js';
import { vanNinh } from '../support/builders.js';
import { tongTuyenCu } from '../support/campaign-builders.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { tokenAuth } from '../functions/harness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function fake() {
  const f = new FakeForms({ maxPageSize: 2 });
  server.use(...f.handlers);
  return f;
}
const raw = () => new forms_v1.Forms({ auth: tokenAuth() });

describe('the Forms fake behaves as Google does', () => {
  test('forms.create takes a title only', async () => {
    fake();
    await expect(raw().forms.create({ requestBody: { info: { title: 'x', description: 'y' } } })).rejects.toMatchObject({ status: 400 });
  });

  test('a form made by forms.create is unpublished and refuses responses until setPublishSettings publishes it', async () => {
    const f = fake();
    const made = await raw().forms.create({ requestBody: { info: { title: 'x' } } });
    const formId = made.data.formId!;
    expect(made.data.publishSettings).toEqual({ publishState: { isPublished: false, isAcceptingResponses: false } });
    expect(() => f.addResponse(formId, { responseId: 'a', lastSubmittedTime: '2024-08-12T01:00:00Z' })).toThrow(/not published/);
    // "If is_published is set to false, [isAcceptingResponses] is forced to false."
    const closed = await raw().forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: { isPublished: false, isAcceptingResponses: true } } } });
    expect(closed.data.publishSettings).toEqual({ publishState: { isPublished: false, isAcceptingResponses: false } });
    await raw().forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: false } }, updateMask: 'publishState' } });
    expect(() => f.addResponse(formId, { responseId: 'a', lastSubmittedTime: '2024-08-12T01:00:00Z' })).toThrow(/not accepting/);
    await raw().forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } } } });
    f.addResponse(formId, { responseId: 'a', lastSubmittedTime: '2024-08-12T01:00:00Z' });
    expect((await raw().forms.responses.list({ formId })).data.responses).toHaveLength(1);
  });

  test('setPublishSettings needs isPublished, and takes only the publishState mask', async () => {
    const f = fake();
    const formId = f.addForm({ title: 'x' }, [], { published: false });
    await expect(raw().forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: {} } } })).rejects.toMatchObject({ status: 400 });
    await expect(raw().forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } }, updateMask: 'info' } })).rejects.toMatchObject({ status: 400 });
  });

  test('one watch per event type per form: a second RESPONSES watch is refused, a SCHEMA one is not', async () => {
    const f = fake();
    const formId = f.addForm({ title: 'x' });
    const create = (eventType: string) => raw().forms.watches.create({ formId, requestBody: { watch: { eventType, target: { topic: { topicName: 'projects/p/topics/t' } } } } });
    await create('RESPONSES');
    await expect(create('RESPONSES')).rejects.toMatchObject({ status: 409 });
    await create('SCHEMA');
    expect(f.watches(formId)).toHaveLength(2);
  });

  test('a suspended watch is renewed only once its cause is gone', async () => {
    const f = fake();
    const formId = f.addForm({ title: 'x' });
    f.addWatch(formId, { id: 'w', eventType: 'RESPONSES', state: 'SUSPENDED', errorType: 'PROJECT_NOT_AUTHORIZED', expireTime: new Date(Date.now() + 86_400_000).toISOString() });
    await expect(raw().forms.watches.renew({ formId, watchId: 'w' })).rejects.toMatchObject({ status: 400 });
    f.fixCause('w');
    expect((await raw().forms.watches.renew({ formId, watchId: 'w' })).data).toMatchObject({ state: 'ACTIVE' });
  });

  test('a batch with a jump to a section that does not exist changes nothing', async () => {
    const f = fake();
    const formId = f.addForm({ title: 'x' });
    const requests = [
      { createItem: { item: { title: 'a', questionItem: { question: { textQuestion: {} } } }, location: { index: 0 } } },
      { createItem: { item: { title: 'b', questionItem: { question: { choiceQuestion: { type: 'RADIO', options: [{ value: 'v', goToSectionId: 'nope' }] } } } }, location: { index: 1 } } },
    ];
    await expect(raw().forms.batchUpdate({ formId, requestBody: { requests } })).rejects.toMatchObject({ status: 400 });
    expect(f.form(formId).items).toEqual([]);
  });

  test('responses.list refuses a filter that is not "timestamp >= RFC 3339 UTC", and a page token of another filter', async () => {
    const f = fake();
    const formId = f.addForm({ title: 'x' });
    for (const id of ['a', 'b', 'c']) f.addResponse(formId, { responseId: id, lastSubmittedTime: '2024-08-12T01:00:00Z' });
    await expect(raw().forms.responses.list({ formId, filter: 'timestamp >= 2024-08-12 08:00' })).rejects.toMatchObject({ status: 400 });
    const first = await raw().forms.responses.list({ formId, filter: 'timestamp >= 2024-08-01T00:00:00Z' });
    expect(first.data.responses).toHaveLength(2);
    await expect(raw().forms.responses.list({ formId, pageToken: first.data.nextPageToken! })).rejects.toMatchObject({ status: 400 });
  });

  test('the adapter does not retry forms.create (a lost answer would make a second form)', async () => {
    const f = fake();
    f.fail('forms.create', { status: 503 });
    const api = await googleFormsApi({ auth: tokenAuth(), sleep: async () => {} });
    await expect(api.create('x')).rejects.toBeInstanceOf(FormsError);
    expect(f.counts['forms.create']).toBe(1);
  });

  test('the adapter retries a read through 429 and 503', async () => {
    const f = fake();
    const formId = f.addForm({ title: 'x' });
    f.fail('responses.list', { status: 429 });
    f.fail('responses.list', { status: 503 });
    const api = await googleFormsApi({ auth: tokenAuth(), sleep: async () => {} });
    expect(await api.listResponses(formId, {})).toEqual({ responses: [] });
    expect(f.counts['responses.list']).toBe(3);
  });
});

describe('a response turned into a nomination (pure)', () => {
  const questions = [...buildFormPlan(vanNinh()).questions.values()];
  const byTitle = (pairs: Record<string, string>) => Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, [v]]));

  test('keeps an award answer it does not know, so the contract reports AWARD_UNKNOWN with it', () => {
    const payload = responseToNomination({ responseId: 'r', submittedAt: '2024-08-12T01:00:00Z', byTitle: byTitle({ 'Hình thức khen thưởng đề nghị': 'Huân chương Lao động' }) }, questions, vanNinh());
    expect(payload.award).toBe('Huân chương Lao động');
  });

  test('without a kind answer, takes nothing from the kind sections', () => {
    const payload = responseToNomination({ responseId: 'r', byTitle: byTitle({ 'Họ và tên': 'A', 'Tên tập thể': 'B' }) }, questions, vanNinh());
    expect(payload.name).toBeUndefined();
    expect(payload.kind).toBeUndefined();
  });

  test('the respondent email collected by Google is used when the form asks none', () => {
    const payload = responseToNomination({ responseId: 'r', respondentEmail: 'thu-ky@vanninh.gov.vn' }, questions, vanNinh());
    expect(payload.email).toBe('thu-ky@vanninh.gov.vn');
  });

  test('an API response that is not one gives an empty submission, which the contract rejects naming responseId', () => {
    expect(answersFromApi('garbage')).toEqual({});
    const plan = buildFormPlan(tongTuyenCu());
    expect(responseToNomination({}, [...plan.questions.values()], tongTuyenCu()).responseId).toBeUndefined();
  });
});
