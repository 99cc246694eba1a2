import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { AwardListContent } from '../../shared/exports/award-list-content.js';
import { awardListDocument, type ListVariant } from '../../shared/exports/award-list-document.js';
import { SHORT_LIST } from '../../shared/exports/award-list-xlsx.js';
import { writeAwardListFile } from '../support/files.js';
import { DISTRICT, tempDir, vanNinh } from '../support/builders.js';

/**
 * A list of one to five names never splits across two printed pages. Printed as a person would: LibreOffice renders
 * the .xlsx to PDF, and pdfinfo counts the pages. The names and units are long on purpose: five such rows in the
 * landscape proposal are taller than the page left under the header and the title.
 */

const TOOLS = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdfinfo', ['-v']).status === 0;
const LONG_UNIT = 'Chi hội trưởng Chi hội Cựu chiến binh thôn Xuân Tự 1, Hội Cựu chiến binh xã Vạn Hưng, kiêm Trưởng Ban công tác Mặt trận thôn Xuân Tự 1, Ủy ban Mặt trận Tổ quốc Việt Nam xã Vạn Hưng, huyện Vạn Ninh, tỉnh Khánh Hòa';

function list(count: number): AwardListContent {
  const campaign = vanNinh();
  const entries = Array.from({ length: count }, (_, i) => ({ name: `Nguyễn Thị Hoàng Phương Thảo Số ${i + 1}`, positionAndUnit: LONG_UNIT, total: 95, rank: i + 1, note: '' }));
  return { campaign, award: campaign.awards.find((a) => a.id === DISTRICT)!, year: 2024, sections: [{ kind: 'individual', entries }] };
}

const CASES: Array<[ListVariant, number]> = [...(['proposal', 'decision'] as const).flatMap((variant) => [1, 2, 3, 4, 5, 30].map((count): [ListVariant, number] => [variant, count])), ['proposal', 6]];

describe.skipIf(!TOOLS)('a short award list, printed', () => {
  const pages = new Map<string, number>();
  const firstPage = new Map<string, string>();

  beforeAll(async () => {
    const dir = tempDir();
    const files = await Promise.all(CASES.map(([variant, count]) => writeAwardListFile(list(count), awardListDocument(list(count), {}, variant), join(dir, `${variant}-${count}.xlsx`))));
    // one LibreOffice run for every file: it starts once
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], { stdio: 'ignore', timeout: 180_000 });
    for (const [variant, count] of CASES) {
      const info = execFileSync('pdfinfo', [join(dir, 'pdf', `${variant}-${count}.pdf`)], { encoding: 'utf8' });
      pages.set(`${variant}-${count}`, Number(/^Pages:\s+(\d+)/m.exec(info)![1]));
      firstPage.set(`${variant}-${count}`, execFileSync('pdftotext', ['-layout', '-l', '1', join(dir, 'pdf', `${variant}-${count}.pdf`), '-'], { encoding: 'utf8' }));
    }
  }, 200_000);

  test.each(CASES.filter(([, count]) => count <= SHORT_LIST))('the %s list of %i long name(s) is on one page', (variant, count) => {
    expect(pages.get(`${variant}-${count}`)).toBe(1);
  });

  // without the fit, four or five of these rows already take the landscape proposal onto a second page
  test.each([
    ['proposal', 6, 2],
    ['proposal', 30, 8],
    ['decision', 30, 4],
  ] as const)('the %s list of %i names flows onto more pages at its full size (%i pages)', (variant, count, expected) => {
    expect(pages.get(`${variant}-${count}`)).toBe(expected);
  });

  test.each(['proposal', 'decision'] as const)('the %s list prints the issuing body on its own two lines, and no signature', (variant) => {
    const lines = firstPage.get(`${variant}-1`)!.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN VẠN NINH']);
    expect(lines.some((l) => /CHỦ TỊCH$|Nơi nhận|CỘNG HÒA/.test(l))).toBe(false);
  });
});
