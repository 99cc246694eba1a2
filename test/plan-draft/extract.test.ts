import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CampaignDraft } from '../../shared/domain/campaign-draft.js';
import { draftCampaign, movementName } from '../../shared/plan-draft/extract.js';
import { preparePlanText } from '../../shared/plan-draft/plan-text.js';

/**
 * The rules on plans written unlike the four seeds: other places, other orders, other phrasings of the same things
 * (NĐ 30/2020's layout, the usual wording of emulation plans). None of these paragraphs comes from a seed.
 */

const value = (draft: CampaignDraft, path: string) => draft.fields.find((f) => f.path === path)?.value;
const source = (draft: CampaignDraft, path: string) => draft.fields.find((f) => f.path === path)?.source;

/** A plan around some body paragraphs: the heading block, a preamble naming the issuer, the sections given. */
const plan = (issuer: string, body: string, { summary = 'Tổ chức phong trào thi đua “Chung sức vì cộng đồng” năm 2025', place = '' } = {}) =>
  `${issuer.toUpperCase()}\nSố: 12/KH-UBND\n${place}\nKẾ HOẠCH\n${summary}\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n${issuer} ban hành Kế hoạch như sau:\n${body}\nNơi nhận:\n- Lưu: VT.`;

describe('reading the general information of a plan', () => {
  test('takes the name, issuer, place and term of a district plan worded its own way', () => {
    const draft = draftCampaign(
      plan('UBND huyện Hòa Vang', 'I. THỜI GIAN THI ĐUA\nĐợt thi đua được triển khai từ ngày 01/3/2025 đến hết ngày 10/6/2025.', {
        summary: 'Phát động đợt thi đua cao điểm “100 ngày đêm” năm 2025',
        place: 'Hòa Vang, ngày 20 tháng 02 năm 2025',
      }),
    );
    expect(value(draft, '/title')).toBe('Đợt thi đua cao điểm “100 ngày đêm” năm 2025');
    expect(value(draft, '/issuer/name')).toBe('Ủy ban nhân dân huyện Hòa Vang');
    expect(value(draft, '/issuer/level')).toBe('district');
    expect(value(draft, '/issuer/place')).toBe('Hòa Vang');
    expect(value(draft, '/term/from')).toBe('2025-03-01');
    expect(value(draft, '/term/to')).toBe('2025-06-10');
    expect(source(draft, '/term/to')).toBe('Đợt thi đua được triển khai từ ngày 01/3/2025 đến hết ngày 10/6/2025.');
    expect(value(draft, '/legalBasis/0')).toBe('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
  });

  test.each([
    ['Phát động phong trào thi đua “Dân vận khéo” giai đoạn 2025 - 2030', 'Phong trào thi đua “Dân vận khéo” giai đoạn 2025 - 2030'],
    ['Triển khai cuộc thi tìm hiểu pháp luật về thi đua, khen thưởng năm 2025', 'Cuộc thi tìm hiểu pháp luật về thi đua, khen thưởng năm 2025'],
    ['Tổ chức thực hiện đợt thi đua đặc biệt chào mừng Đại hội Đảng bộ', 'Đợt thi đua đặc biệt chào mừng Đại hội Đảng bộ'],
    ['Phát động thi đua thực hiện nhiệm vụ chính trị năm 2025', undefined],
    ['Về việc tổng kết công tác năm 2024', undefined],
  ])('names the movement from the summary "%s" only when it names one', (summary, expected) => {
    expect(movementName(summary)).toBe(expected);
  });

  test('leaves the start blank when the plan runs "from its launch", and lists it as missing', () => {
    const draft = draftCampaign(plan('UBND xã Đông Hòa', 'I. THỜI GIAN\nThời gian thi đua: từ ngày phát động đến ngày 30/9/2025.'));
    expect(value(draft, '/term/to')).toBe('2025-09-30');
    expect(value(draft, '/term/from')).toBeUndefined();
    expect(draft.missing).toContain('/term/from');
  });

  test.each([
    ['Tân Phú, ngày 12 tháng 3 năm 2025', '2025-03-12'],
    ['Tân Phú, ngày   tháng 3 năm 2025', undefined],
  ])('starts a term "from the plan\'s issue" on the date line "%s" only when it has a day', (place, from) => {
    const draft = draftCampaign(plan('UBND xã Tân Phú', 'I. THỜI GIAN\nTừ ngày ban hành Kế hoạch đến hết ngày 31/12/2025.', { place }));
    expect(value(draft, '/term/from')).toBe(from);
    expect(value(draft, '/term/to')).toBe('2025-12-31');
  });

  test('takes a commune as issuer and its name, without the unit, as the place (NĐ 30)', () => {
    const draft = draftCampaign(plan('Ủy ban nhân dân phường Ninh Kiều', 'I. MỤC ĐÍCH\nĐộng viên Nhân dân.', { place: 'Phường Ninh Kiều, ngày 05 tháng 8 năm 2025' }));
    expect(value(draft, '/issuer/name')).toBe('Ủy ban nhân dân phường Ninh Kiều');
    expect(value(draft, '/issuer/level')).toBe('commune');
    expect(value(draft, '/issuer/place')).toBe('Ninh Kiều');
  });

  test('does not take the body whose plan is cited ("Kế hoạch … của UBND tỉnh … triển khai") for the issuer', () => {
    const text = `KẾ HOẠCH\nTổ chức phong trào thi đua “Vì biển đảo” năm 2025\nThực hiện Kế hoạch số 5/KH-UBND của UBND tỉnh Quảng Ngãi triển khai phong trào, UBND huyện Lý Sơn ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nĐộng viên.`;
    expect(value(draftCampaign(text), '/issuer/name')).toBe('Ủy ban nhân dân huyện Lý Sơn');
  });
});

describe('reading the awards of a plan', () => {
  const awards = (body: string, issuer = 'UBND huyện Hòa Vang') => draftCampaign(plan(issuer, `I. NỘI DUNG\nThi đua lao động sản xuất.\nII. HÌNH THỨC KHEN THƯỞNG\n${body}`));

  test.each([
    ['Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hòa Vang cho 02 tập thể, 06 cá nhân.', 'Giấy khen của Chủ tịch UBND huyện Hòa Vang', 'Chủ tịch UBND huyện Hòa Vang', 'district', { collective: 2, individual: 6 }],
    ['Chủ tịch UBND huyện tặng Giấy khen cho 05 cá nhân tiêu biểu.', 'Giấy khen của Chủ tịch UBND huyện', 'Chủ tịch UBND huyện Hòa Vang', 'district', { individual: 5 }],
    ['Đề nghị Chủ tịch UBND tỉnh Quảng Nam tặng Bằng khen cho 01 tập thể.', 'Bằng khen của Chủ tịch UBND tỉnh Quảng Nam', 'Chủ tịch UBND tỉnh Quảng Nam', 'province', { collective: 1 }],
    ['Giấy khen của Chủ tịch UBND cấp xã cho các tập thể, cá nhân.', 'Giấy khen của Chủ tịch UBND cấp xã', 'Chủ tịch UBND cấp xã', 'commune', undefined],
  ])('reads "%s"', (sentence, name, title, level, quota) => {
    const draft = awards(sentence);
    expect(value(draft, '/awards/0/name')).toBe(name);
    expect(value(draft, '/awards/0/authority/title')).toBe(title);
    expect(value(draft, '/awards/0/authority/level')).toBe(level);
    expect(source(draft, '/awards/0/name')).toBe(sentence);
    for (const kind of ['collective', 'individual'] as const) expect(value(draft, `/awards/0/quotaPerYear/${kind}`)).toBe((quota as Partial<Record<string, number>> | undefined)?.[kind]);
    expect(value(draft, '/awards/1/name')).toBeUndefined();
  });

  test('reads the Giấy khen heads of district agencies grant, naming the district', () => {
    const draft = awards('b) Thủ trưởng các phòng, ban, đơn vị thuộc huyện tặng Giấy khen cho tập thể, cá nhân thuộc quyền quản lý.', 'UBND huyện Đắk Mil');
    expect(value(draft, '/awards/0/name')).toBe('Giấy khen của Thủ trưởng các phòng, ban, đơn vị thuộc huyện');
    expect(value(draft, '/awards/0/authority/title')).toBe('Thủ trưởng các phòng, ban, đơn vị thuộc huyện Đắk Mil');
    expect(value(draft, '/awards/0/authority/level')).toBe('district-agency');
    expect(value(draft, '/awards/0/kinds')).toEqual(['collective', 'individual']);
  });

  test.each([
    ['Phòng Văn hóa tổng hợp, đề nghị cấp trên khen thưởng các tập thể, cá nhân tiêu biểu.'],
    ['Văn phòng tham mưu Hội đồng Thi đua - Khen thưởng huyện khen thưởng các tập thể xuất sắc.'],
    ['Trình Chủ tịch UBND thành phố Huế khen thưởng 02 tập thể.'],
    ['Đề nghị Giám đốc Sở Nội vụ tặng thưởng cho 03 cá nhân.'],
  ])('names no award where neither the plan nor the Law names its form: "%s"', (sentence) => {
    const draft = awards(sentence);
    expect(draft.fields.filter((f) => f.path.startsWith('/awards'))).toEqual([]);
    expect(draft.missing).toContain('/awards');
  });

  test.each([
    // sentence, issuer, name, authority, level, kinds, quota
    ['Cuối đợt, Phòng Nội vụ tham mưu Chủ tịch UBND tỉnh khen thưởng cho 02 tập thể, 04 cá nhân có thành tích xuất sắc.', 'UBND huyện Hòa Vang', 'Bằng khen của Chủ tịch UBND tỉnh', undefined, 'province', ['collective', 'individual'], { collective: 2, individual: 4 }],
    ['UBND xã lựa chọn và trình Chủ tịch Ủy ban nhân dân huyện Đức Trọng tặng thưởng 05 cá nhân.', 'UBND xã Hiệp An', 'Giấy khen của Chủ tịch UBND huyện Đức Trọng', 'Chủ tịch UBND huyện Đức Trọng', 'district', ['individual'], { individual: 5 }],
    ['Đề nghị Chủ tịch UBND xã khen thưởng các tập thể có thành tích tiêu biểu.', 'UBND xã Hòa Phong', 'Giấy khen của Chủ tịch UBND xã', 'Chủ tịch UBND xã Hòa Phong', 'commune', ['collective'], {}],
    ['Ban Thi đua tổng hợp, đề nghị Chủ tịch UBND cấp tỉnh khen thưởng theo quy định.', 'UBND huyện Hòa Vang', 'Bằng khen của Chủ tịch UBND cấp tỉnh', 'Chủ tịch UBND cấp tỉnh', 'province', ['collective', 'individual'], {}],
  ])('reads the award "%s" implies, in the form the Law gives its grantor', (sentence, issuer, name, title, level, kinds, quota) => {
    const draft = awards(`Khen thưởng các tập thể, cá nhân có thành tích. ${sentence}`, issuer as string);
    expect(value(draft, '/awards/0/name')).toBe(name);
    expect(value(draft, '/awards/0/authority/title')).toBe(title);
    expect(value(draft, '/awards/0/authority/level')).toBe(level);
    expect(value(draft, '/awards/0/kinds')).toEqual(kinds);
    for (const kind of ['collective', 'individual'] as const) expect(value(draft, `/awards/0/quotaPerYear/${kind}`)).toBe((quota as Partial<Record<string, number>>)[kind]);
    expect(source(draft, '/awards/0/name')).toBe(sentence);
    expect(source(draft, '/awards/0/authority/level')).toBe(sentence);
    expect(value(draft, '/awards/1/name')).toBeUndefined();
    expect(draft.warnings).toEqual([]);
  });

  test('does not add an implied award for a grantor whose award the plan names', () => {
    const draft = awards('a) Giấy khen của Chủ tịch UBND huyện cho 03 tập thể.\nb) Các phòng, ban đề nghị Chủ tịch UBND huyện khen thưởng 10 cá nhân; UBND huyện trình Chủ tịch UBND tỉnh khen thưởng 01 tập thể.', 'UBND huyện Hòa Vang');
    expect(draft.fields.filter((f) => f.path.endsWith('/name') && f.path.startsWith('/awards')).map((f) => f.value)).toEqual(['Giấy khen của Chủ tịch UBND huyện', 'Bằng khen của Chủ tịch UBND tỉnh']);
    expect(value(draft, '/awards/0/quotaPerYear/individual')).toBeUndefined();
    expect(value(draft, '/awards/1/quotaPerYear/collective')).toBe(1);
  });

  test('reads one implied award from two sentences naming the same grantor, and none where a form follows', () => {
    const draft = awards('Đề nghị Chủ tịch UBND tỉnh Quảng Nam tặng Bằng khen cho 01 tập thể. Sau đó, tham mưu Chủ tịch UBND tỉnh Quảng Nam khen thưởng 02 cá nhân.', 'UBND huyện Hòa Vang');
    expect(value(draft, '/awards/0/name')).toBe('Bằng khen của Chủ tịch UBND tỉnh Quảng Nam');
    expect(value(draft, '/awards/1/name')).toBeUndefined();
    const twice = awards('Tham mưu Chủ tịch UBND tỉnh khen thưởng 01 tập thể. Trình Chủ tịch UBND tỉnh khen thưởng đột xuất các cá nhân.');
    expect(value(twice, '/awards/0/name')).toBe('Bằng khen của Chủ tịch UBND tỉnh');
    expect(value(twice, '/awards/1/name')).toBeUndefined();
  });

  test('leaves the authority unnamed when the text names two provinces', () => {
    const draft = awards('Bằng khen của Chủ tịch UBND tỉnh cho tập thể xuất sắc. Phối hợp với tỉnh Lào Cai và tỉnh Yên Bái.');
    expect(value(draft, '/awards/0/authority/level')).toBe('province');
    expect(value(draft, '/awards/0/authority/title')).toBeUndefined();
    expect(draft.missing).toContain('/awards/0/authority/title');
  });

  test.each([
    ['Chủ tịch UBND xã tặng Giấy khen hằng năm cho 03 cá nhân.', 'periodic'],
    ['Giấy khen của Chủ tịch UBND xã cho cá nhân có thành tích trong đợt thi đua.\nThời gian thi đua: từ ngày 01/5/2025 đến ngày 30/6/2025.', 'thematic'],
    ['Giấy khen đột xuất của Chủ tịch UBND xã cho cá nhân có hành động dũng cảm.', 'adhoc'],
  ])('tells periodic, thematic and ad-hoc awards apart: "%s" → %s', (body, mode) => {
    expect(value(awards(body, 'UBND xã Hòa Phong'), '/awards/0/mode')).toBe(mode);
  });

  test('takes the minimum age of participants as a prerequisite of the award', () => {
    const draft = draftCampaign(plan('UBND huyện Bảo Lâm', 'I. ĐỐI TƯỢNG\nCông dân từ 18 tuổi trở lên cư trú trên địa bàn huyện.\nII. KHEN THƯỞNG\nGiấy khen của Chủ tịch UBND huyện cho cá nhân đạt giải.'));
    expect(value(draft, '/awards/0/prerequisites/0/type')).toBe('minimum-age');
    expect(value(draft, '/awards/0/prerequisites/0/years')).toBe(18);
  });
});

describe('the law of the date', () => {
  const district = (term: string) => draftCampaign(plan('UBND huyện Krông Bông', `I. THỜI GIAN\nPhong trào thi đua được thực hiện ${term}.\nII. KHEN THƯỞNG\nGiấy khen của Chủ tịch UBND huyện cho 02 tập thể.`));

  test('flags a district chairman\'s award in a plan that runs past 1 July 2025', () => {
    const draft = district('từ ngày 01/01/2025 đến ngày 31/12/2025');
    expect(draft.warnings.join('\n')).toMatch(/Giấy khen của Chủ tịch UBND huyện.*chấm dứt từ 01\/7\/2025.*31\/12\/2025/u);
  });

  test('says nothing of a district chairman\'s award in a plan that ends before 1 July 2025', () => {
    expect(district('từ ngày 01/01/2025 đến ngày 30/6/2025').warnings).toEqual([]);
  });

  test('says nothing of a commune chairman\'s award after 1 July 2025', () => {
    const draft = draftCampaign(plan('UBND xã Tân Lập', 'I. THỜI GIAN\nPhong trào được tổ chức từ ngày 01/9/2025 đến ngày 31/12/2026.\nII. KHEN THƯỞNG\nChủ tịch UBND xã tặng Giấy khen cho 02 tập thể.'));
    expect(draft.warnings).toEqual([]);
  });
});

describe('reading deadlines', () => {
  test.each([
    ['Các đơn vị gửi báo cáo kết quả về Phòng Nội vụ trước ngày 05/12/2024.', { before: '2024-12-05' }, 'report', 'Phòng Nội vụ'],
    ['Hồ sơ đề nghị khen thưởng gửi về Thường trực Hội đồng Thi đua - Khen thưởng trước ngày 10 tháng 11 hằng năm.', { everyYearBefore: '11-10' }, 'dossier', 'Thường trực Hội đồng Thi đua - Khen thưởng'],
    ['Các chi hội đăng ký thi đua, gửi về Văn phòng Đảng ủy trước ngày 28/02 hàng năm.', { everyYearBefore: '02-28' }, 'registration', 'Văn phòng Đảng ủy'],
    ['Sơ kết, tổng kết phong trào vào tháng 12 năm 2026.', { before: '2027-01-01' }, 'report', undefined],
    ['Tổ chức xét khen thưởng vào Quý IV hằng năm.', { everyYearBefore: '01-01' }, 'review', undefined],
  ])('reads "%s"', (sentence, due, kind, submitTo) => {
    const draft = draftCampaign(plan('UBND huyện Đức Trọng', `I. TỔ CHỨC THỰC HIỆN\n${sentence}`));
    expect(value(draft, '/deadlines/0/due')).toEqual(due);
    expect(value(draft, '/deadlines/0/kind')).toBe(kind);
    expect(value(draft, '/deadlines/0/submitTo')).toBe(submitTo);
    expect(source(draft, '/deadlines/0/due')).toBe(sentence);
  });

  test.each([
    ['a day the calendar does not have', 'Các đơn vị gửi báo cáo về Phòng Nội vụ trước ngày 31/02/2025.'],
    ['a date without a year in a plan that spans years, said not to repeat', 'Các đơn vị gửi báo cáo về Phòng Nội vụ trước ngày 15/10.'],
    ['a date that is no deadline', 'Kỷ niệm ngày truyền thống trước ngày 15/10/2025 là dịp ôn lại truyền thống.'],
  ])('takes no deadline from %s', (_, sentence) => {
    const draft = draftCampaign(plan('UBND huyện Đức Trọng', `I. TỔ CHỨC THỰC HIỆN\n${sentence}`));
    expect(draft.fields.filter((f) => f.path.startsWith('/deadlines'))).toEqual([]);
    expect(draft.missing).toContain('/deadlines');
  });
});

describe('reading criteria, thresholds and the dossier', () => {
  const table = (header: string, rows: string[], total: string) =>
    draftCampaign(
      plan(
        'UBND huyện Tam Nông',
        `I. TIÊU CHUẨN\nĐơn vị đạt 80% số điểm của mỗi tiêu chí và tổng số điểm đạt từ 85 điểm trở lên.\nII. HÌNH THỨC KHEN THƯỞNG\nChủ tịch UBND huyện tặng Giấy khen cho 02 tập thể.\nIII. HỒ SƠ\n1. Hồ sơ đề nghị khen thưởng gồm: Tờ trình của đơn vị; Danh sách trích ngang; Báo cáo thành tích của tập thể. Số lượng: cấp huyện 02 bộ.\nNơi nhận:\n- Lưu.\nPHỤ LỤC\nBảng chấm điểm đối với tập thể\n${header}\n${rows.join('\n')}\n${total}`,
      ),
    );

  test('reads a rubric table headed its own way, with thresholds and evidence', () => {
    const draft = table('TT\tNội dung tiêu chí\tĐiểm tối đa\tMinh chứng', ['1.\tVận động hiến đất làm đường\t60\tBiên bản', '2.\tGiữ gìn vệ sinh môi trường\t40\tHình ảnh'], '\tTổng cộng\t100\t');
    expect(value(draft, '/rubrics/collective/criteria/0/text')).toBe('Vận động hiến đất làm đường');
    expect(value(draft, '/rubrics/collective/criteria/0/number')).toBe('1');
    expect(value(draft, '/rubrics/collective/criteria/1/maxPoints')).toBe(40);
    expect(value(draft, '/rubrics/collective/criteria/1/evidenceHint')).toBe('Hình ảnh');
    expect(value(draft, '/rubrics/collective/criteria/1/minShare')).toBe(0.8);
    expect(value(draft, '/rubrics/collective/totalThreshold')).toBe(85);
    expect(value(draft, '/rubrics/collective/evidence')).toBe('each-criterion');
    expect(draft.warnings).toEqual([]);
  });

  test('warns when the table\'s total is not the sum of its rows', () => {
    const draft = table('STT\tTiêu chí\tĐiểm chuẩn', ['01\tVận động hiến đất làm đường\t60', '02\tGiữ gìn vệ sinh môi trường\t30'], '\tTổng điểm\t100');
    expect(draft.warnings.join('\n')).toContain('dòng Tổng điểm ghi 100 nhưng cộng các tiêu chí được 90');
  });

  test('warns of a rubric table it cannot tell the kind of, and reads nothing from it', () => {
    const draft = draftCampaign(plan('UBND huyện Tam Nông', 'I. HÌNH THỨC\nGiấy khen của Chủ tịch UBND huyện.\nPHỤ LỤC\nBảng chấm điểm\nSTT\tTiêu chí\tĐiểm chuẩn\n1\tVận động\t100'));
    expect(draft.fields.filter((f) => f.path.startsWith('/rubrics'))).toEqual([]);
    expect(draft.warnings.join('\n')).toContain('không có tiêu đề cho biết của tập thể hay cá nhân');
  });

  test('lists the dossier documents and the sets per level', () => {
    const draft = table('STT\tTiêu chí\tĐiểm chuẩn', ['1\tVận động\t100'], '\tTổng điểm\t100');
    expect([0, 1, 2].map((i) => value(draft, `/dossier/documents/${i}/name`))).toEqual(['Tờ trình của đơn vị', 'Danh sách trích ngang', 'Báo cáo thành tích của tập thể']);
    expect(value(draft, '/dossier/copies/0/sets')).toBe(2);
    expect(value(draft, '/dossier/copies/0/award')).toBe(value(draft, '/awards/0/id'));
  });

  test('reads listed criteria per kind and leaves out conditions with a count (rules, not criteria)', () => {
    const draft = draftCampaign(
      plan(
        'UBND xã Phú Mỹ',
        'I. TIÊU CHUẨN KHEN THƯỞNG\n1. Đối với tập thể\n+ Hoàn thành xuất sắc nhiệm vụ được giao\n+ Có mô hình hay được nhân rộng\n2. Đối với cá nhân\n+ Gương mẫu chấp hành chủ trương, chính sách\n+ Vận động được ít nhất 05 hộ gia đình tham gia\nII. HÌNH THỨC\nGiấy khen của Chủ tịch UBND xã.',
      ),
    );
    expect(value(draft, '/rubrics/collective/criteria/1/text')).toBe('Có mô hình hay được nhân rộng');
    expect(value(draft, '/rubrics/individual/criteria/0/text')).toBe('Gương mẫu chấp hành chủ trương, chính sách');
    expect(value(draft, '/rubrics/individual/criteria/1/text')).toBeUndefined();
    expect(value(draft, '/nomineeKinds')).toEqual(['collective', 'individual']);
  });
});

describe('reading the contents of a plan with no rubric as qualitative criteria', () => {
  const contents = (issuer: string, body: string, place = '') => draftCampaign(plan(issuer, body, { place }));

  test('quotes each lettered item of a "CÁC NỘI DUNG CHỦ YẾU" section for every kind the plan commends, sub-items left out', () => {
    const draft = contents(
      'UBND phường Hải Châu',
      [
        'I. MỤC ĐÍCH',
        'Khơi dậy tinh thần đoàn kết.',
        'II. CÁC NỘI DUNG CHỦ YẾU',
        'Phong trào tập trung vào những nội dung sau:',
        'a) Giữ gìn cảnh quan đường phố xanh, sạch, đẹp; vận động hộ gia đình phân loại rác tại nguồn.',
        '- Ra quân dọn vệ sinh vào sáng Chủ nhật cuối tháng.',
        'b) Xây dựng tổ dân phố văn hóa, gia đình văn hóa gắn với bảo đảm an ninh trật tự trên địa bàn',
        'dân cư và phòng, chống tệ nạn xã hội.',
        'III. KHEN THƯỞNG',
        'Chủ tịch UBND phường tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc.',
      ].join('\n'),
    );
    for (const kind of ['collective', 'individual']) {
      expect(value(draft, `/rubrics/${kind}/criteria/0/number`)).toBe('a');
      expect(value(draft, `/rubrics/${kind}/criteria/0/text`)).toBe('Giữ gìn cảnh quan đường phố xanh, sạch, đẹp; vận động hộ gia đình phân loại rác tại nguồn.');
      expect(value(draft, `/rubrics/${kind}/criteria/1/text`)).toBe(
        'Xây dựng tổ dân phố văn hóa, gia đình văn hóa gắn với bảo đảm an ninh trật tự trên địa bàn dân cư và phòng, chống tệ nạn xã hội.',
      );
      expect(value(draft, `/rubrics/${kind}/criteria/2/text`)).toBeUndefined();
      expect(value(draft, `/rubrics/${kind}/criteria/0/maxPoints`)).toBeUndefined();
    }
    expect(source(draft, '/rubrics/collective/criteria/1/text')).toBe(
      'b) Xây dựng tổ dân phố văn hóa, gia đình văn hóa gắn với bảo đảm an ninh trật tự trên địa bàn … dân cư và phòng, chống tệ nạn xã hội.',
    );
    expect(draft.missing.filter((m) => m.startsWith('/rubrics'))).toEqual([]);
  });

  test('gives criteria only to the kind the plan commends', () => {
    const draft = contents(
      'Ủy ban nhân dân huyện Cần Giờ',
      'I. NỘI DUNG THI ĐUA\n1. Hoàn thành chỉ tiêu trồng rừng ngập mặn năm 2025.\n2. Không để xảy ra cháy rừng.\nII. HÌNH THỨC KHEN THƯỞNG\nGiấy khen của Chủ tịch UBND huyện cho 04 tập thể tiêu biểu.',
    );
    expect(value(draft, '/rubrics/collective/criteria/1/text')).toBe('Không để xảy ra cháy rừng.');
    expect(value(draft, '/rubrics/collective/criteria/1/number')).toBe('2');
    expect(draft.fields.some((f) => f.path.startsWith('/rubrics/individual'))).toBe(false);
  });

  test('takes no contents when the plan scores a rubric or lists its criteria', () => {
    const listed = contents(
      'UBND xã Phú Mỹ',
      'I. NỘI DUNG THI ĐUA\n1. Làm đường giao thông nông thôn.\nII. TIÊU CHUẨN KHEN THƯỞNG\n1. Đối với tập thể\n+ Hoàn thành xuất sắc nhiệm vụ được giao\nIII. HÌNH THỨC\nGiấy khen của Chủ tịch UBND xã cho các tập thể.',
    );
    expect(value(listed, '/rubrics/collective/criteria/0/text')).toBe('Hoàn thành xuất sắc nhiệm vụ được giao');
    expect(value(listed, '/rubrics/collective/criteria/1/text')).toBeUndefined();
  });

  test('leaves the criteria blank when the plan names no one it commends', () => {
    const draft = contents('UBND xã Phú Mỹ', 'I. NỘI DUNG THI ĐUA\n1. Làm đường giao thông nông thôn.\nII. TỔ CHỨC THỰC HIỆN\nCác thôn triển khai.');
    expect(draft.fields.some((f) => f.path.startsWith('/rubrics'))).toBe(false);
    expect(draft.missing).toContain('/rubrics');
  });

  test('joins a listed criterion cut by a page break, and leaves out the rest of a condition with a count', () => {
    const draft = contents(
      'UBND xã Phú Mỹ',
      'I. TIÊU CHUẨN KHEN THƯỞNG\n1. Đối với cá nhân\n- Gương mẫu chấp hành chủ trương của Đảng, chính sách\npháp luật của Nhà nước\n- Vận động được ít nhất 05 hộ gia đình\ntham gia hiến đất\nII. HÌNH THỨC\nGiấy khen của Chủ tịch UBND xã cho các cá nhân.',
    );
    expect(value(draft, '/rubrics/individual/criteria/0/text')).toBe('Gương mẫu chấp hành chủ trương của Đảng, chính sách pháp luật của Nhà nước');
    expect(value(draft, '/rubrics/individual/criteria/1/text')).toBeUndefined();
  });
});

describe('the start of a term from the plan\'s own date', () => {
  test.each([
    ['Phong trào được triển khai từ nay đến hết ngày 31/12/2025.', 'Long Hải, ngày 14 tháng 4 năm 2025', '2025-04-14'],
    ['Thời gian: từ ngày ký đến ngày 30/11/2025.', 'Long Hải, ngày 02/5/2025', '2025-05-02'],
    ['Phong trào được triển khai từ nay đến hết ngày 31/12/2025.', 'Long Hải, ngày    tháng 4 năm 2025', undefined],
    ['Thời gian: từ ngày phát động đến hết ngày 31/12/2025.', 'Long Hải, ngày 14 tháng 4 năm 2025', undefined],
  ])('"%s" dated "%s" starts on %s', (sentence, place, from) => {
    const draft = draftCampaign(plan('UBND xã Long Hải', `I. THỜI GIAN THI ĐUA\n${sentence}`, { place }));
    expect(value(draft, '/term/from')).toBe(from);
    expect(value(draft, '/term/to')).toMatch(/^2025-1[12]-3[01]$/u);
  });
});

describe('every field carries the sentence it came from', () => {
  const plans = readdirSync(join(import.meta.dirname, '../fixtures/plans')).filter((f) => f.endsWith('.txt'));
  test.each(plans)('in %s, each source is a sentence of the plan', (file) => {
    const raw = readFileSync(join(import.meta.dirname, '../fixtures/plans', file), 'utf8');
    const text = preparePlanText(raw).text;
    const asRows = text.replace(/\t+/g, ' | ');
    const draft = draftCampaign(raw);
    expect(draft.fields.length).toBeGreaterThan(5);
    for (const f of draft.fields) {
      const parts = f.source.split(/ — | … /u);
      for (const part of parts) expect(text.includes(part) || asRows.includes(part), `${f.path}: ${part}`).toBe(true);
    }
  });
});

describe('any text', () => {
  const lines = readFileSync(join(import.meta.dirname, '../fixtures/plans/002_36533bd3008d7c4c.txt'), 'utf8').split('\n');

  test('gives a draft, never an exception: arbitrary text, and a plan\'s lines shuffled and cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const draft = draftCampaign(text);
        expect(Array.isArray(draft.fields) && Array.isArray(draft.missing)).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(lines, { minLength: 1 }), (subset) => {
        for (const f of draftCampaign(subset.join('\n')).fields) expect(f.source.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
