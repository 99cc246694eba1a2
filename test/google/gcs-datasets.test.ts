import { storage_v1 } from '@googleapis/storage';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { indexDatasets, type QuizLogRow } from '../../shared/domain/datasets.js';
import { decide } from '../../shared/domain/decide.js';
import type { Nomination } from '../../shared/domain/nomination.js';
import { GcsDatasetStore } from '../../shared/google/storage/gcs-datasets.js';
import { diagnose } from '../../shared/jobs/doctor.js';
import { importDataset } from '../../shared/jobs/import-dataset.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { recompute } from '../../shared/jobs/recompute.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { datasetRows } from '../../shared/store/codecs/datasets.js';
import { readDatasetRows } from '../../shared/store/codecs/datasets.js';
import { relevantRows } from '../../shared/store/dataset-relevance.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { StoreError } from '../../shared/store/table-store.js';
import { QuizLogRow as QuizLogSchema } from '../../shared/domain/datasets.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { FakeStorage } from '../fakes/gcs-fake.js';
import { googleStore, tokenAuth } from '../store/google-sheets-contract-harness.js';
import { nominationFor, quiz } from '../support/campaign-builders.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BUCKET = 'thidua-datasets-test';
const campaign = quiz();
const quizTab = layoutsFor(campaign).get('quizLog')!;

function setUp() {
  const gcs = new FakeStorage();
  gcs.createBucket(BUCKET);
  const sheets = new FakeSheets({ seed: 3 });
  server.use(...gcs.handlers, ...sheets.handlers);
  const datasets = new GcsDatasetStore({ bucket: BUCKET, prefix: 'datasets/test/', auth: tokenAuth(), sleep: async () => undefined, random: () => 0.5 });
  return { gcs, sheets, datasets };
}

/** A quiz log: nominees A…, their recruits (whose later rows do not repeat the referrer), and unrelated accounts. */
function quizLog(nominees: number, noise: number): QuizLogRow[] {
  const log: QuizLogRow[] = [];
  for (let i = 0; i < nominees; i++) {
    for (let week = 1; week <= 6; week++) log.push({ account: `A${i}`, ownerName: `Người ${i}`, birthDate: `19${70 + (i % 30)}-05-12`, district: i % 7 === 3 ? 'Bình Gia' : 'Bắc Sơn', week, result: i % 5 === 4 ? 'Chưa công nhận' : 'Được công nhận' });
    for (let r = 0; r < 3; r++) {
      for (let week = 1; week <= 5; week++) {
        if (i % 4 === 1 && r === 0 && week === 3) continue; // a recruit who missed a week
        log.push({ account: `A${i}-r${r}`, ownerName: `Người thân ${i}.${r}`, birthDate: r === 2 && i % 3 === 0 ? '2012-01-01' : '1980-02-02', district: 'Bắc Sơn', week, result: 'Được công nhận', ...(week === 1 ? { referredBy: `A${i}` } : {}) });
      }
    }
  }
  for (let k = 0; k < noise; k++) log.push({ account: `X${k}`, ownerName: `Khác ${k}`, district: 'Bắc Sơn', week: 1 + (k % 6), result: 'Được công nhận', ...(k % 3 === 0 ? { referredBy: `X${k + 1}` } : {}) });
  return log;
}

const nominees = (n: number): Nomination[] =>
  Array.from({ length: n }, (_, i) => nominationFor(campaign, { quizAccount: i === n - 1 ? 'KHONG-CO' : `A${i}`, submittedAt: '2024-05-06T09:00:00+07:00', name: `Người ${i}`, unit: 'UBND xã Bắc Sơn' }));

describe('the datasets in Cloud Storage, through the real @googleapis/storage client against a strict fake', () => {
  test('an import is one object of JSON lines; importing it again adds nothing and leaves the object untouched', async () => {
    const { gcs, datasets } = setUp();
    const rows = datasetRows({ id: 'quiz-log', rows: quizLog(3, 10) });
    expect(await datasets.append(quizTab, rows)).toEqual({ added: rows.length, skipped: 0 });
    const stored = gcs.object(BUCKET, 'datasets/test/quizLog.jsonl')!;
    expect(stored.data.toString('utf8').split('\n')[0]).toContain('"thidua":"dataset"');
    expect(await datasets.append(quizTab, rows)).toEqual({ added: 0, skipped: rows.length });
    expect(gcs.object(BUCKET, 'datasets/test/quizLog.jsonl')!.generation).toBe(stored.generation);
    const more = datasetRows({ id: 'quiz-log', rows: [...quizLog(4, 10)] });
    expect(await datasets.append(quizTab, more)).toEqual({ added: more.length - rows.length, skipped: rows.length });
    const read = [];
    for await (const batch of (await datasets.current(quizTab))!.batches()) read.push(...batch);
    expect(read).toHaveLength(more.length);
    expect(readDatasetRows(QuizLogSchema, read, quizTab).problems).toEqual([]);
  });

  test('an import that another import overtakes is refused by Google (412) and run again on top of it: both kept, none twice', async () => {
    const { gcs, datasets } = setUp();
    const first = datasetRows({ id: 'quiz-log', rows: quizLog(2, 0) });
    await datasets.append(quizTab, first);
    const other = new GcsDatasetStore({ bucket: BUCKET, prefix: 'datasets/test/', auth: tokenAuth() });
    const theirs = datasetRows({ id: 'quiz-log', rows: [{ account: 'Z1', ownerName: 'Z', district: 'Bắc Sơn', week: 1, result: 'Được công nhận' }] });
    const ours = datasetRows({ id: 'quiz-log', rows: [{ account: 'Y1', ownerName: 'Y', district: 'Bắc Sơn', week: 2, result: 'Được công nhận' }] });
    const stale = gcs.object(BUCKET, 'datasets/test/quizLog.jsonl')!;
    gcs.interleaveBeforeNextUpload(() => gcs.putObject(BUCKET, 'datasets/test/quizLog.jsonl', Buffer.concat([stale.data, Buffer.from(`${JSON.stringify(quizTab.columns.map((c) => theirs[0]![c.key] ?? null))}\n`)])));
    expect(await datasets.append(quizTab, ours)).toEqual({ added: 1, skipped: 0 });
    const accounts = [];
    for await (const batch of (await other.current(quizTab))!.batches()) accounts.push(...batch.map((row) => row.account));
    expect(accounts.filter((a) => a === 'Z1' || a === 'Y1').sort()).toEqual(['Y1', 'Z1']);
    expect(accounts).toHaveLength(first.length + 2);
  });

  test('a 503 on the upload is retried, and the object holds every row once', async () => {
    const { gcs, datasets } = setUp();
    gcs.failNext(503, 'objects.insert');
    const rows = datasetRows({ id: 'quiz-log', rows: quizLog(2, 3) });
    expect(await datasets.append(quizTab, rows)).toEqual({ added: rows.length, skipped: 0 });
    expect(gcs.counts['objects.insert']).toBe(2);
    expect(gcs.object(BUCKET, 'datasets/test/quizLog.jsonl')!.data.toString().trim().split('\n')).toHaveLength(rows.length + 1);
  });

  test('a bucket that does not exist is a Vietnamese error naming it; a dataset never imported reads as none', async () => {
    const { datasets } = setUp();
    expect(await datasets.current(quizTab)).toBeUndefined();
    const missing = new GcsDatasetStore({ bucket: 'khong-co-bucket', prefix: 'x/', auth: tokenAuth(), sleep: async () => undefined });
    const error = await missing.current(quizTab).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain('Không tìm thấy bucket "khong-co-bucket"');
  });

  test('an object that is not a thi-dua dataset is refused with a message saying to import again, not parsed as rows', async () => {
    const { gcs, datasets } = setUp();
    gcs.putObject(BUCKET, 'datasets/test/quizLog.jsonl', 'account,week\nA,1\n');
    const version = await datasets.current(quizTab);
    await expect((async () => {
      for await (const _ of version!.batches()) void _;
    })()).rejects.toThrow(/không phải tệp dữ liệu .*nhập lại/);
  });

  test('the rows streamed for the nominations decide exactly as the whole quiz log does', async () => {
    const { datasets } = setUp();
    const log = quizLog(40, 2_000);
    await datasets.append(quizTab, datasetRows({ id: 'quiz-log', rows: log }));
    const nominations = nominees(41);
    const kept = await relevantRows('quizLog', (await datasets.current(quizTab))!, nominations);
    expect(kept.length).toBeLessThan(log.length / 2);
    const filtered = readDatasetRows(QuizLogSchema, kept, quizTab).rows;
    const whole = readDatasetRows(QuizLogSchema, datasetRows({ id: 'quiz-log', rows: log }), quizTab).rows;
    const all = decide(campaign, nominations, { datasets: indexDatasets({ quizLog: whole }) });
    const some = decide(campaign, nominations, { datasets: indexDatasets({ quizLog: filtered }) });
    expect(some).toEqual(all);
    const codes = all.flatMap((d) => d.findings.map((f) => f.code));
    // every kind of outcome is among them, the council's per-nominee result of a check that holds included
    for (const code of ['QUIZ_ACCOUNT_UNKNOWN', 'QUIZ_DISTRICT_MISMATCH', 'QUIZ_RESULT_NOT_RECOGNISED', 'QUIZ_REFERRALS_INSUFFICIENT', 'QUIZ_CHECKED']) expect(codes).toContain(code);
  });

  test('a log none of whose rows concern the nominees still counts as loaded: its rules are checked, not skipped', async () => {
    const { datasets } = setUp();
    await datasets.append(quizTab, datasetRows({ id: 'quiz-log', rows: quizLog(0, 50) }));
    const nominations = [nominationFor(campaign, { quizAccount: 'KHONG-CO', submittedAt: '2024-05-06T09:00:00+07:00' })];
    const kept = readDatasetRows(QuizLogSchema, await relevantRows('quizLog', (await datasets.current(quizTab))!, nominations), quizTab).rows;
    const [decision] = decide(campaign, nominations, { datasets: indexDatasets({ quizLog: kept }) });
    expect(decision!.findings.map((f) => f.code)).toContain('QUIZ_ACCOUNT_UNKNOWN');
  });
});

describe('Google mode with a datasets bucket: the council sheet holds no dataset, the decisions are the same', () => {
  test('init makes no dataset tab in the sheet; import goes to the bucket; recompute decides from the streamed rows', async () => {
    const { sheets, gcs, datasets } = setUp();
    const id = sheets.createSpreadsheet({ title: 'Bắc Sơn' });
    const { store } = googleStore(id);
    const repo = await initCampaign(store, campaign, datasets);
    const titles = sheets.spreadsheet(id).sheets.map((s) => s.properties.title);
    for (const tab of ['quizLog', 'awardHistory', 'registrations', 'clearance'] as const) expect(titles).not.toContain(layoutsFor(campaign).get(tab)!.title);
    const log = quizLog(6, 200);
    expect(await importDataset(repo, { id: 'quiz-log', rows: log })).toEqual({ added: log.length, skipped: 0 });
    expect(await importDataset(repo, { id: 'quiz-log', rows: log })).toEqual({ added: 0, skipped: log.length });
    expect(gcs.object(BUCKET, 'datasets/test/quizLog.jsonl')).toBeDefined();
    const payloads = nominees(7).map((n) => ({ payload: { responseId: n.responseId, submittedAt: '2024-05-06T09:00:00+07:00', campaign: campaign.id, award: n.award, kind: n.kind, name: n.name, unit: n.unit, birthDate: '1980-01-01', ...(n.quizAccount ? { quizAccount: n.quizAccount } : {}), selfScores: {}, evidence: {} }, source: 'test' }));
    await intake(repo, payloads, new Date('2024-05-07T00:00:00Z'));
    const reopened = await CampaignRepository.open(store, new Map([[campaign.id, campaign]]), datasets);
    const { decisions, nominations } = await recompute(reopened, new Date('2024-05-07T01:00:00Z'));
    const whole = readDatasetRows(QuizLogSchema, datasetRows({ id: 'quiz-log', rows: log }), quizTab).rows;
    expect(decisions).toEqual(decide(campaign, nominations, { datasets: indexDatasets({ quizLog: whole }) }));
    expect(decisions.flatMap((d) => d.findings.map((f) => f.code))).not.toContain('PREREQUISITE_NOT_CHECKED');
  });
});

describe('thidua doctor with a datasets bucket', () => {
  test('does not ask for the dataset tabs, and still asks for every other tab', () => {
    const layouts = [...layoutsFor(campaign).values()];
    const tabs = layouts.filter((l) => !['quizLog', 'awardHistory', 'registrations', 'clearance', 'audit'].includes(l.id)).map((l) => ({ title: l.title, rows: 1000, columns: l.columns.length, protections: [], header: l.columns.map((c) => c.header) }));
    const missing = (datasetsElsewhere: boolean) => diagnose({ campaign, spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x', tabs, datasetsElsewhere, now: new Date('2024-05-07T00:00:00Z') }).findings.filter((f) => f.code === 'TAB_MISSING').map((f) => f.message);
    expect(missing(true)).toEqual([expect.stringContaining(layoutsFor(campaign).get('audit')!.title)]);
    expect(missing(false)).toHaveLength(5);
  });
});

describe('the fake is as strict as Cloud Storage', () => {
  const raw = (auth = true) => new storage_v1.Storage(auth ? { auth: tokenAuth() } : {});
  const status = (p: Promise<unknown>) => p.then(() => 200, (e: { response?: { status: number } }) => e.response?.status);

  test('no credentials is 401; an unknown object 404; a generation precondition not met 412; a pinned old generation 404', async () => {
    const { gcs } = setUp();
    const put = gcs.putObject(BUCKET, 'a.txt', 'một');
    expect(await status(raw(false).objects.get({ bucket: BUCKET, object: 'a.txt' }, { retry: false }))).toBe(401);
    expect(await status(raw().objects.get({ bucket: BUCKET, object: 'b.txt' }, { retry: false }))).toBe(404);
    expect(await status(raw().objects.insert({ bucket: BUCKET, name: 'a.txt', ifGenerationMatch: '0', media: { mimeType: 'text/plain', body: 'hai' } }, { retry: false }))).toBe(412);
    expect(await status(raw().objects.insert({ bucket: BUCKET, name: 'a.txt', ifGenerationMatch: String(put.generation), media: { mimeType: 'text/plain', body: 'hai' } }, { retry: false }))).toBe(200);
    expect(await status(raw().objects.get({ bucket: BUCKET, object: 'a.txt', alt: 'media', generation: String(put.generation) }, { retry: false }))).toBe(404);
    expect(gcs.object(BUCKET, 'a.txt')!.data.toString()).toBe('hai');
  });

  test('a multipart upload carries its metadata; size and generation come back as Google sends them; an object over the limit is 413', async () => {
    const gcs = new FakeStorage({ maxObjectBytes: 10 });
    gcs.createBucket(BUCKET);
    server.use(...gcs.handlers);
    const { data } = await raw().objects.insert({ bucket: BUCKET, name: 'x.json', requestBody: { name: 'x.json', contentType: 'application/json' }, media: { mimeType: 'application/json', body: '{"a":1}' } }, { retry: false });
    expect(data).toMatchObject({ name: 'x.json', size: '7', contentType: 'application/json' });
    expect(typeof data.generation).toBe('string');
    expect(await status(raw().objects.insert({ bucket: BUCKET, name: 'y.json', media: { mimeType: 'application/json', body: '{"a":"quá mười byte"}' } }, { retry: false }))).toBe(413);
  });

  test('a resumable upload takes its chunks in order and answers 308 until the last', async () => {
    const { gcs } = setUp();
    const start = await fetch(`https://storage.googleapis.com/upload/storage/v1/b/${BUCKET}/o?uploadType=resumable&name=r.txt`, { method: 'POST', headers: { authorization: 'Bearer t' } });
    const session = start.headers.get('location')!;
    const first = await fetch(session, { method: 'PUT', headers: { authorization: 'Bearer t', 'content-range': 'bytes 0-2/6' }, body: 'abc' });
    expect(first.status).toBe(308);
    const wrong = await fetch(session, { method: 'PUT', headers: { authorization: 'Bearer t', 'content-range': 'bytes 5-5/6' }, body: 'f' });
    expect(wrong.status).toBe(400);
    const last = await fetch(session, { method: 'PUT', headers: { authorization: 'Bearer t', 'content-range': 'bytes 3-5/6' }, body: 'def' });
    expect(last.status).toBe(200);
    expect(gcs.object(BUCKET, 'r.txt')!.data.toString()).toBe('abcdef');
  });
});
