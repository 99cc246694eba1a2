import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportAwardListFile } from '../../shared/cli/document-commands.js';
import { padNumber, titleFor } from '../../shared/exports/award-list-document.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { PROVINCE, rawIndividual, tempDir, vanNinh } from '../support/builders.js';
import { readBack, texts } from './read-back.js';

describe('NĐ 30/2020: the document number', () => {
  test.each([
    ['5/QĐ-UBND', '05/QĐ-UBND'],
    ['05/QĐ-UBND', '05/QĐ-UBND'],
    ['12/QĐ-UBND', '12/QĐ-UBND'],
    ['125/TTr-UBND', '125/TTr-UBND'],
    ['7', '07'],
  ])('"%s" is printed "%s"', (typed, printed) => {
    expect(padNumber(typed)).toBe(printed);
  });
});

describe('a proposal says "đề nghị … tặng", a decision list "được tặng"', () => {
  test.each([
    ['Tập thể, cá nhân điển hình “Dân vận khéo” đề nghị Chủ tịch UBND tỉnh Khánh Hòa tặng Bằng khen', 'decision', 'Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Bằng khen của Chủ tịch UBND tỉnh Khánh Hòa'],
    ['Tập thể, cá nhân đề nghị Chủ tịch UBND huyện Bắc Sơn tặng Giấy khen trong phong trào thi đua chào mừng Kỷ niệm 80 năm', 'decision', 'Tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND huyện Bắc Sơn trong phong trào thi đua chào mừng Kỷ niệm 80 năm'],
    ['Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh', 'proposal', 'Tập thể, cá nhân điển hình “Dân vận khéo” đề nghị Chủ tịch UBND huyện Vạn Ninh tặng Giấy khen'],
    ['Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Bằng khen của Chủ tịch UBND tỉnh trong phong trào thi đua thực hiện “Năm Dân vận khéo” 2020', 'proposal', 'Tập thể, cá nhân điển hình “Dân vận khéo” đề nghị Chủ tịch UBND tỉnh tặng Bằng khen trong phong trào thi đua thực hiện “Năm Dân vận khéo” 2020'],
    ['Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh', 'decision', 'Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh'],
  ] as const)('"%s" as a %s list', (title, variant, expected) => {
    expect(titleFor(title, variant)).toBe(expected);
  });

  describe('printed and read back', () => {
    let repo: CampaignRepository;
    beforeAll(async () => {
      repo = await initCampaign(SqliteStore.forWorkbook(join(tempDir(), 'w.xlsx')), vanNinh());
      await intake(repo, [{ payload: rawIndividual({ responseId: 'p-1', award: PROVINCE }), source: 'p-1' }], new Date('2024-08-20T02:00:00Z'));
      await repo.write([{ kind: 'settings', mode: 'add', entries: [['Số văn bản', '5'], ['Ngày ký', '25/09/2024']] }]);
    });
    test.each([
      ['proposal', '(Kèm theo Tờ trình số 05/TTr-UBND ngày 25 tháng 9 năm 2024 của Ủy ban nhân dân huyện Vạn Ninh)', 'Tập thể, cá nhân điển hình “Dân vận khéo” đề nghị Chủ tịch UBND tỉnh Khánh Hòa tặng Bằng khen năm 2024'],
      ['decision', '(Kèm theo Quyết định số 05/QĐ-UBND ngày 25 tháng 9 năm 2024 của Chủ tịch UBND tỉnh Khánh Hòa)', 'Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Bằng khen của Chủ tịch UBND tỉnh Khánh Hòa năm 2024'],
    ] as const)('the %s list', async (variant, reference, title) => {
      const file = await exportAwardListFile(repo, PROVINCE, { now: new Date('2024-09-25T02:00:00Z'), variant, out: join(tempDir(), `${variant}.xlsx`) });
      const lines = texts((await readBack(file)).getWorksheet('Danh sách')!).flat();
      expect(lines).toEqual(expect.arrayContaining([reference, title]));
    });
  });
});
