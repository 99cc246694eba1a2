/**
 * The status pages as a person sees them: a real Chromium (Debian's `chromium`, driven by playwright-core) against
 * `npm start`'s own server on 127.0.0.1. Submit a nomination, open its status link, read the findings; open a
 * tampered link, read the refusal; open a unit's link from the units tab. Screenshots go to test-artifacts/.
 * Skipped, with a note, where Chromium is not installed (CI installs it: see .ci/run).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, fullMarks, rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { ROOT, startLocalServer } from '../support/local-server.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';

/** Debian's Chromium; THIDUA_CHROMIUM names another build. */
const CHROMIUM = process.env.THIDUA_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it).`);

describe.skipIf(!hasChromium)('status pages in a real browser, against npm start on 127.0.0.1', () => {
  let stop: () => Promise<void> = async () => undefined;
  let context: BrowserContext | undefined;
  let base = '';
  let profile = '';
  let workbook = '';

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** Opens a URL in a fresh tab of the given size; returns the page and the HTTP status. */
  const open = async (url: string, viewport = PHONE): Promise<{ page: Page; status: number }> => {
    const page = await context!.newPage();
    await page.setViewportSize(viewport);
    const response = await page.goto(url, { timeout: 10_000, waitUntil: 'load' });
    return { page, status: response?.status() ?? 0 };
  };

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true, timeout: 10_000 });

  /** True when nothing sticks out sideways: the page reads on a phone without scrolling left and right. */
  const fitsWidth = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'thidua-chromium-'));
    workbook = join(tempDir('thidua-browser-'), 'van-ninh.xlsx');
    // the council's workbook with its roster of units, as the secretary typed it
    const tables = SqliteStore.forWorkbook(workbook);
    const store = await initCampaign(tables, vanNinh());
    await tables.write([{ tab: store.tab('units'), append: [{ unit: 'UBND xã Vạn Thắng', email: 'vanthang@example.vn' }, { unit: 'UBND xã Vạn Hưng' }] }]);

    ({ base, stop } = await startLocalServer(workbook));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 30_000,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
  }, 150_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  }, 20_000);

  let statusUrl = '';

  test('a unit submits a nomination, opens its status link and reads what to fix, on a phone and on a desktop', async () => {
    // GIVEN a nomination under the minimum on criterion 3, without evidence for criterion 5, and a name that looks like code
    const { status, body } = await post('/intake', rawIndividual({
      responseId: 'browser-1',
      name: 'Trần Văn Phúc',
      unit: 'UBND xã Vạn Thắng',
      position: 'Trưởng thôn Xuân Tự 1',
      submittedAt: '2024-08-12T10:15:00+07:00',
      selfScores: { ...fullMarks('individual'), 3: 17, 6: 14 },
      evidence: { 1: 'Giấy chứng nhận bồi dưỡng', 2: 'Biên bản họp thôn', 3: 'Báo cáo', 4: 'Ảnh', 6: 'Danh sách', 7: 'Quyết định' },
    }));
    expect(status).toBe(201);
    statusUrl = String(body.statusUrl);
    expect(statusUrl.startsWith(`${base}/status?t=`)).toBe(true);

    // WHEN the clerk opens the link on a phone
    const { page, status: code } = await open(statusUrl, PHONE);

    // THEN the page names the nominee, the status, each finding with what to do, and fits the screen
    expect(code).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Trần Văn Phúc');
    const findings = page.locator('.findings li');
    expect(await findings.count()).toBeGreaterThanOrEqual(2);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Không đủ điều kiện');
    expect(text).toContain('Thiếu tài liệu kiểm chứng cho tiêu chí 5');
    expect(text).toContain('Tiêu chí 3 đạt 17/20 điểm');
    expect(text).toContain('Cần làm:');
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Đã nộp');
    expect(await fitsWidth(page)).toBe(true);
    await shoot(page, 'status-page-phone.png');

    await page.setViewportSize(DESKTOP);
    expect(await fitsWidth(page)).toBe(true);
    await shoot(page, 'status-page-desktop.png');
    // the first screen on a laptop, as in the README
    await page.setViewportSize({ width: 960, height: 1100 });
    await page.screenshot({ path: join(ARTIFACTS, 'status-page-laptop-first-screen.png'), timeout: 10_000 });
    await page.emulateMedia({ media: 'print' });
    await shoot(page, 'status-page-print.png');
    await page.close();
  }, 60_000);

  test('a name written like code shows as text, never runs', async () => {
    const name = '<script>document.title="pwned"</script>=IMPORTXML("http://x","//a")';
    const { body } = await post('/intake', rawIndividual({ responseId: 'browser-2', name, unit: 'UBND xã Vạn Hưng', submittedAt: '2024-08-13T08:00:00+07:00' }));
    const { page, status } = await open(String(body.statusUrl), PHONE);
    expect(status).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(name);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('script').count()).toBe(0);
    await page.close();
  }, 60_000);

  test('a tampered link gets the refusal page in Vietnamese, and nothing about the nomination', async () => {
    expect(statusUrl).not.toBe('');
    const tampered = statusUrl.replace(/t=(.)/, (_, c: string) => `t=${c === 'A' ? 'B' : 'A'}`);
    const { page, status } = await open(tampered, PHONE);
    expect(status).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Đường dẫn không hợp lệ hoặc đã hết hạn');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Trần Văn Phúc');
    expect(text).not.toContain('browser-1');
    await shoot(page, 'refused-page-phone.png');
    await page.close();
  }, 60_000);

  test('the council sends a unit its link from the units tab: the unit page lists that unit\'s nominations and opens each', async () => {
    // GIVEN the daily deadline report has filled "Đường dẫn trạng thái"
    expect((await post('/deadlineReport', {})).status).toBe(200);
    const store = await CampaignRepository.open(SqliteStore.forWorkbook(workbook), campaigns);
    const rows = (await SqliteStore.forWorkbook(workbook).readTabs([store.tab('units')])).get('units') ?? [];
    const link = String(rows.find((r) => r.unit === 'UBND xã Vạn Thắng')?.statusLink ?? '');
    expect(link.startsWith(`${base}/unit?t=`)).toBe(true);

    // WHEN the unit opens it
    const { page, status } = await open(link, DESKTOP);

    // THEN it lists its own nomination and not the other unit's, and a click opens the nomination
    expect(status).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('UBND xã Vạn Thắng');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Trần Văn Phúc');
    expect(text).not.toContain('IMPORTXML');
    await shoot(page, 'unit-page-desktop.png');
    await page.setViewportSize(PHONE);
    expect(await fitsWidth(page)).toBe(true);
    await shoot(page, 'unit-page-phone.png');
    await Promise.all([page.waitForURL(/\/status\?t=/, { timeout: 10_000 }), page.getByRole('link', { name: 'Trần Văn Phúc' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Trần Văn Phúc');
    await page.close();
  }, 60_000);
});
