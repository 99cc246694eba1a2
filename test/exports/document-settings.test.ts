import { describe, expect, test } from 'vitest';
import { awardListContent } from '../../shared/exports/award-list-content.js';
import { awardListDocument } from '../../shared/exports/award-list-document.js';
import { parseDocumentSettings } from '../../shared/exports/document-settings.js';
import { DISTRICT, PROVINCE, vanNinh } from '../support/builders.js';

const settings = (entries: Record<string, string>, award = DISTRICT) => parseDocumentSettings(new Map(Object.entries(entries)), award);

describe('document settings from the "Cài đặt" tab', () => {
  test('an empty tab configures nothing: the template and dotted blanks stand', () => {
    expect(settings({ 'Mã phong trào': 'van-ninh-dan-van-kheo', 'Cơ quan ban hành': 'Ủy ban nhân dân huyện Vạn Ninh' })).toEqual({ ok: true, settings: {} });
  });

  test.each([
    ['Số văn bản', '125/QĐ-UBND', { number: '125/QĐ-UBND' }],
    ['Ngày ký', '05/02/2026', { signedOn: '2026-02-05' }],
    ['Ngày ký', '5/2/2026', { signedOn: '2026-02-05' }],
    ['Số phụ lục', 'II', { appendix: 'II' }],
    ['Số phụ lục', '2', { appendix: 'II' }],
    ['Số phụ lục', 'Phụ lục iii', { appendix: 'III' }],
    ['Cơ quan chủ quản', 'UBND TỈNH KHÁNH HÒA', { governingBody: 'UBND TỈNH KHÁNH HÒA' }],
    ['Cơ quan ban hành văn bản', 'ỦY BAN NHÂN DÂN | XÃ VẠN THẮNG', { issuingBody: ['ỦY BAN NHÂN DÂN', 'XÃ VẠN THẮNG'] }],
  ])('reads "%s" = %j', (key, value, expected) => {
    const result = settings({ [key]: value });
    expect(result).toEqual({ ok: true, settings: expected });
  });

  test('a key given for one award wins over the plain key, for that award only', () => {
    const tab = { 'Số văn bản': '125/QĐ-UBND', [`Số văn bản (${PROVINCE})`]: '88/TTr-UBND' };
    expect(settings(tab, PROVINCE)).toMatchObject({ ok: true, settings: { number: '88/TTr-UBND' } });
    expect(settings(tab, DISTRICT)).toMatchObject({ ok: true, settings: { number: '125/QĐ-UBND' } });
  });

  test('lists every bad value, naming its key', () => {
    const result = settings({ 'Ngày ký': '31/02/2026', 'Số phụ lục': 'hai' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^Cài đặt "Ngày ký": .*31\/02\/2026/);
    expect(result.problems[1]).toMatch(/^Cài đặt "Số phụ lục": .*"hai"/);
  });
});

describe('the award list document texts', () => {
  const campaign = vanNinh();
  const award = (id: string) => campaign.awards.find((a) => a.id === id)!;
  const content = (id: string) => awardListContent(campaign, award(id), 2024, [], new Map());

  test.each([
    ['decision', { number: '7', signedOn: '2024-02-05' }, '(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 02 năm 2024 của Chủ tịch UBND huyện Vạn Ninh)'],
    ['decision', { number: '125/QĐ-UBND', signedOn: '2024-09-01' }, '(Kèm theo Quyết định số 125/QĐ-UBND ngày 01 tháng 9 năm 2024 của Chủ tịch UBND huyện Vạn Ninh)'],
    ['decision', {}, '(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm 2024 của Chủ tịch UBND huyện Vạn Ninh)'],
    ['proposal', { number: '5', signedOn: '2024-12-15' }, '(Kèm theo Tờ trình số 05/TTr-UBND ngày 15 tháng 12 năm 2024 của Ủy ban nhân dân huyện Vạn Ninh)'],
  ] as const)('a %s list with %j refers to its document as "%s" (NĐ 30/2020, Mẫu 2.1)', (variant, given, line) => {
    expect(awardListDocument(content(DISTRICT), given, variant).attachedTo).toBe(line);
  });

  test('is an attachment: the issuing body, "Phụ lục II" only when numbered, the title and the reference line; no signature, number or "Nơi nhận" of its own', () => {
    const doc = awardListDocument(content(DISTRICT), { appendix: 'II', number: '7', signedOn: '2024-02-05', issuingBody: ['ỦY BAN NHÂN DÂN', 'HUYỆN VẠN NINH'] }, 'decision');
    // `parent` is what the decision itself prints (its Word document); the list shows none of it
    const { parent, ...printed } = doc;
    expect(parent).toEqual({ numberLine: 'Số: 07/QĐ-UBND', placeAndDate: 'Vạn Ninh, ngày 05 tháng 02 năm 2024', signer: ['CHỦ TỊCH'], signerName: '……'.repeat(4) });
    expect(printed).toEqual({
      variant: 'decision',
      issuingBody: ['ỦY BAN NHÂN DÂN', 'HUYỆN VẠN NINH'],
      appendix: 'Phụ lục II',
      title: ['DANH SÁCH', 'Tập thể, cá nhân điển hình “Dân vận khéo” được tặng Giấy khen của Chủ tịch UBND huyện Vạn Ninh năm 2024'],
      attachedTo: '(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 02 năm 2024 của Chủ tịch UBND huyện Vạn Ninh)',
    });
    expect(awardListDocument(content(DISTRICT), {}, 'decision').appendix).toBeUndefined();
  });
});
