import { describe, expect, test } from 'vitest';
import { deadlineReport } from '../../functions/deadline-report.js';
import { intake } from '../../functions/intake.js';
import { router } from '../../functions/runtime/router.js';
import { statusPage } from '../../functions/status-page.js';
import { unitPage } from '../../functions/unit-page.js';
import { signLink } from '../../shared/status/status-link.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, fullMarks, rawIndividual } from '../support/builders.js';
import { bearer, certsHandler, env, json, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';

useMsw();

const LINK_SECRET = 'the-status-link-secret-of-32-characters+';
const PUBLIC = 'https://trang-thai.vanninh.example';
const NOW = () => new Date('2024-08-20T03:00:00Z');

/** A workbook, the intake and both pages served like the deployed `statusPages` function, with links configured. */
async function setup(extra: Record<string, string> = {}, now = NOW) {
  server.use(certsHandler());
  const workbook = await newWorkbook();
  const rt = testRuntime(env(workbook, { THIDUA_LINK_SECRET: LINK_SECRET, THIDUA_PUBLIC_URL: PUBLIC, ...extra }), now);
  const intakeUrl = await serveHttp(intake(rt));
  const pages = await serveHttp(router({ '/status': statusPage(rt), '/unit': unitPage(rt), '/deadlineReport': deadlineReport(rt) }));
  /** The link as it would be opened: the public address served here. */
  const local = (url: string) => url.replace(PUBLIC, pages);
  const submit = async (raw: Record<string, unknown>) => json(await postJson(intakeUrl, raw, bearer()));
  return { workbook, rt, pages, local, submit };
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe('the intake answers with a status link', () => {
  test('a stored nomination gets a signed link under the public address; a repeated delivery gets the same link', async () => {
    const { submit } = await setup();
    const nomination = rawIndividual({ responseId: 'form-1' });
    const first = await submit(nomination);
    expect(first).toMatchObject({ outcome: 'accepted', statusUrl: expect.stringMatching(/^https:\/\/trang-thai\.vanninh\.example\/status\?t=[\w-]+\.[\w-]{43}$/) });
    expect((await submit(nomination)).statusUrl).toBe(first.statusUrl);
  });

  test('a rejected submission gets no link (nothing is stored to show)', async () => {
    const { submit } = await setup();
    const answer = await submit(rawIndividual({ responseId: 'form-2', kind: 'robot' }));
    expect(answer.outcome).toBe('rejected');
    expect(answer.statusUrl).toBeUndefined();
  });

  test('in the cloud without THIDUA_LINK_SECRET the nomination is still taken in, without a link, and the log says what is missing', async () => {
    server.use(certsHandler());
    const rt = testRuntime(env(await newWorkbook()), NOW);
    const res = await postJson(await serveHttp(intake(rt)), rawIndividual({ responseId: 'form-3' }), bearer());
    expect(res.status).toBe(201);
    expect((await json(res)).statusUrl).toBeUndefined();
    expect(rt.lines.find((l) => l.severity === 'WARNING')).toMatchObject({ function: 'intake', missing: [expect.stringContaining('THIDUA_LINK_SECRET')] });
  });
});

describe('the status page', () => {
  test('shows the nominee, the status, each finding with what to do, the points and the deadline — as HTML in Vietnamese', async () => {
    // GIVEN a nomination whose criterion 3 is under the minimum
    const { submit, local, rt } = await setup();
    const { statusUrl } = await submit(rawIndividual({ responseId: 'form-4', name: 'Trần Văn Phúc', selfScores: { ...fullMarks('individual'), 3: 17 } }));
    // WHEN its unit opens the link
    const page = await get(local(statusUrl));
    // THEN
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const text of ['lang="vi"', 'Trần Văn Phúc', 'Không đủ điều kiện', 'Tiêu chí 3 đạt 17/20 điểm', 'Cần làm:', 'còn 12 ngày']) expect(page.text).toContain(text);
    expect(rt.lines.at(-1)).toMatchObject({ function: 'statusPage', responseId: 'form-4', status: 'ineligible' });
    expect(JSON.stringify(rt.lines)).not.toContain('Trần Văn Phúc');
  });

  test.each([
    ['a tampered link', (url: string) => url.replace(/t=(.)/, (_, c: string) => `t=${c === 'A' ? 'B' : 'A'}`)],
    ['a link with its signature cut', (url: string) => url.slice(0, -5)],
    ['no link at all', (url: string) => url.replace(/\?t=.*$/, '')],
    ['a link signed with another secret', () => `${PUBLIC}/status?t=${signLink('another-secret-of-at-least-32-characters', { kind: 'status', campaign: 'van-ninh-dan-van-kheo', responseId: 'form-5', expiresAt: new Date('2030-01-01') })}`],
  ])('refuses %s with a 403 page in Vietnamese that reveals nothing', async (_, tamper) => {
    const { submit, local } = await setup();
    const { statusUrl } = await submit(rawIndividual({ responseId: 'form-5', name: 'Lê Thị Bí Mật' }));
    const page = await get(local(tamper(statusUrl)));
    expect(page.status).toBe(403);
    expect(page.text).toContain('Đường dẫn không hợp lệ hoặc đã hết hạn');
    expect(page.text).not.toContain('Lê Thị Bí Mật');
    expect(page.text).not.toContain('form-5');
  });

  test('refuses an expired link with the same 403 page', async () => {
    const { submit, workbook } = await setup();
    const { statusUrl } = await submit(rawIndividual({ responseId: 'form-6' }));
    const later = testRuntime(env(workbook, { THIDUA_LINK_SECRET: LINK_SECRET, THIDUA_PUBLIC_URL: PUBLIC }), () => new Date('2027-10-01T00:00:00Z'));
    const page = await get(statusUrl.replace(PUBLIC, await serveHttp(router({ '/status': statusPage(later) }))));
    expect(page.status).toBe(403);
    expect(page.text).toContain('đã hết hạn');
  });

  test('answers 404 for a good link to a nomination that is not in the workbook, or to another campaign', async () => {
    const { pages } = await setup();
    const expiresAt = new Date('2030-01-01');
    for (const claim of [
      { kind: 'status' as const, campaign: 'van-ninh-dan-van-kheo', responseId: 'never-submitted', expiresAt },
      { kind: 'status' as const, campaign: 'bac-son-quiz-2024', responseId: 'form-1', expiresAt },
    ]) {
      const page = await get(`${pages}/status?t=${signLink(LINK_SECRET, claim)}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Không tìm thấy hồ sơ');
    }
  });

  test('refuses a unit link on the status page, and anything but GET', async () => {
    const { pages } = await setup();
    const unitToken = signLink(LINK_SECRET, { kind: 'unit', campaign: 'van-ninh-dan-van-kheo', unit: 'UBND xã Vạn Thắng', expiresAt: new Date('2030-01-01') });
    expect((await get(`${pages}/status?t=${unitToken}`)).status).toBe(403);
    const post = await fetch(`${pages}/status?t=${unitToken}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  test('in the cloud without THIDUA_LINK_SECRET the page is a 500 in Vietnamese, details only in the log', async () => {
    server.use(certsHandler());
    const rt = testRuntime(env(await newWorkbook()), NOW);
    const page = await get(`${await serveHttp(statusPage(rt))}/?t=x.y`);
    expect(page.status).toBe(500);
    expect(page.text).toContain('Chưa hiển thị được trang');
    expect(page.text).not.toContain('THIDUA_');
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'ERROR', error: 'ConfigError' });
  });
});

describe('the unit page and the units tab', () => {
  test('the deadline report writes each unit\'s link; it lists that unit\'s nominations only, each opening its status page', async () => {
    // GIVEN a roster of two units and a nomination from each
    const { workbook, submit, local, pages } = await setup();
    const tables = SqliteStore.forWorkbook(workbook);
    const store = await CampaignRepository.open(tables, campaigns);
    await tables.write([{ tab: store.tab('units'), append: [{ unit: 'UBND xã Vạn Thắng' }, { unit: 'UBND xã Vạn Hưng' }] }]);
    await submit(rawIndividual({ responseId: 'u-1', name: 'Đặng Thị Mai', unit: 'UBND xã Vạn Thắng' }));
    await submit(rawIndividual({ responseId: 'u-2', name: 'Võ Văn Khánh', unit: 'UBND xã Vạn Hưng' }));

    // WHEN the daily deadline report runs
    expect((await postJson(`${pages}/deadlineReport`, {}, bearer())).status).toBe(200);

    // THEN "Đường dẫn trạng thái" holds a unit link per unit
    const rows = (await tables.readTabs([store.tab('units')])).get('units') ?? [];
    const link = String(rows.find((r) => r.unit === 'UBND xã Vạn Thắng')!.statusLink);
    expect(link).toMatch(/^https:\/\/trang-thai\.vanninh\.example\/unit\?t=/);
    const page = await get(local(link));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đặng Thị Mai');
    expect(page.text).not.toContain('Võ Văn Khánh');
    const href = /href="(status\?t=[^"]+)"/.exec(page.text)![1]!;
    const detail = await get(`${pages}/${href}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Đặng Thị Mai');
  });

  test('a unit link does not open the status page of one of its nominations by itself', async () => {
    const { pages } = await setup();
    const token = signLink(LINK_SECRET, { kind: 'unit', campaign: 'van-ninh-dan-van-kheo', unit: 'u-1', expiresAt: new Date('2030-01-01') });
    expect((await get(`${pages}/status?t=${token}`)).status).toBe(403);
  });
});

describe('npm start (THIDUA_AUTH=off-local-only) without a link secret', () => {
  test('signs with a secret made for the process and links to this very server on 127.0.0.1', async () => {
    const workbook = await newWorkbook();
    const rt = testRuntime({ THIDUA_STORE: 'file', THIDUA_WORKBOOK: workbook, THIDUA_AUTH: 'off-local-only' }, NOW);
    const base = await serveHttp(router({ '/intake': intake(rt), '/status': statusPage(rt) }));
    const answer = await json(await postJson(`${base}/intake`, rawIndividual({ responseId: 'local-1', name: 'Phạm Thị Lan' })));
    expect(answer.statusUrl.startsWith(`${base}/status?t=`)).toBe(true);
    expect((await get(answer.statusUrl)).text).toContain('Phạm Thị Lan');
  });
});
