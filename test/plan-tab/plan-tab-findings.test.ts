import { describe, expect, test } from 'vitest';
import { planTabRows, type PlanRow } from '../../shared/domain/plan-tab/plan-tab-rows.js';
import { readPlanTab } from '../../shared/domain/plan-tab/read-plan-tab.js';
import type { PlanTabCode } from '../../shared/domain/plan-tab/plan-tab-findings.js';
import { vanNinh } from '../support/builders.js';

type Row = PlanRow & { __row: number };
type Where = Partial<Pick<PlanRow, 'section' | 'item' | 'field' | 'choice'>>;

/** The Vạn Ninh plan as the tab holds it, each row numbered as in the sheet (row 1 is the header). */
const tab = (): Row[] => planTabRows(vanNinh()).map((r, i) => ({ ...r, __row: i + 2 }));
const matches = (r: Row, where: Where) => Object.entries(where).every(([k, v]) => r[k as keyof Where] === v);
const find = (rows: Row[], where: Where): Row => {
  const found = rows.filter((r) => matches(r, where));
  if (found.length !== 1) throw new Error(`${found.length} rows match ${JSON.stringify(where)}`);
  return found[0]!;
};
const edit = (where: Where, cells: Partial<PlanRow>) => (rows: Row[]) => rows.map((r) => (matches(r, where) ? { ...r, ...cells } : r));
const remove = (where: Where) => (rows: Row[]) => rows.filter((r) => !matches(r, where));

const DISTRICT = 'giay-khen-chu-tich-huyen';

describe('the Kế hoạch tab read back row by row', () => {
  test('the untouched Vạn Ninh tab reads as its template', () => {
    const read = readPlanTab(tab());
    expect(read.ok).toBe(true);
  });

  test.each<[string, (rows: Row[]) => Row[], PlanTabCode, Where, string, RegExp]>([
    ['a criterion with no maximum', remove({ section: 'Tiêu chí – Cá nhân', item: '3', field: 'Điểm tối đa' }), 'CRITERION_NO_MAX', { section: 'Tiêu chí – Cá nhân', item: '3', field: 'Nội dung tiêu chí' }, 'Mục', /tiêu chí số 3 chưa có "Điểm tối đa"/],
    ['a quota for a kind the award does not take', remove({ item: DISTRICT, field: 'Đối tượng', choice: 'Tập thể' }), 'QUOTA_KIND', { item: DISTRICT, field: 'Chỉ tiêu mỗi năm', choice: 'Tập thể' }, 'Lựa chọn', /chỉ tiêu cho Tập thể nhưng hình thức "giay-khen-chu-tich-huyen" không xét Tập thể/],
    ['a deadline outside the term', edit({ item: 'tong-ket-giai-doan', field: 'Trước ngày' }, { value: '01/10/2027' }), 'DEADLINE_OUTSIDE_TERM', { item: 'tong-ket-giai-doan', field: 'Trước ngày' }, 'Giá trị', /\(trước ngày 01\/10\/2027\) nằm ngoài thời gian phong trào 01\/12\/2023 – 30\/9\/2026/],
    ['an authority that no longer exists on the term’s dates', edit({ section: 'Khen thưởng', item: DISTRICT, field: 'Thẩm quyền hết từ ngày' }, { value: '01/11/2023' }), 'SCHEMA', { section: 'Khen thưởng', item: DISTRICT, field: 'Thẩm quyền hết từ ngày' }, 'Giá trị', /thẩm quyền "Chủ tịch UBND huyện Vạn Ninh" không tồn tại trong thời gian phong trào/],
    ['a date that does not exist', edit({ field: 'Thời gian từ ngày' }, { value: '31/02/2024' }), 'NOT_DATE', { field: 'Thời gian từ ngày' }, 'Giá trị', /"31\/02\/2024" không phải là một ngày có thật/],
    ['a maximum in words', edit({ section: 'Tiêu chí – Tập thể', item: '2', field: 'Điểm tối đa' }, { value: 'mười lăm' }), 'NOT_NUMBER', { section: 'Tiêu chí – Tập thể', item: '2', field: 'Điểm tối đa' }, 'Giá trị', /"mười lăm" không phải là một số/],
    ['a number of sets that is not whole', edit({ item: 'bang-khen-chu-tich-tinh', field: 'Số bộ hồ sơ' }, { value: '1,5' }), 'NOT_INTEGER', { item: 'bang-khen-chu-tich-tinh', field: 'Số bộ hồ sơ' }, 'Giá trị', /"1,5" không phải là một số nguyên/],
    ['a level outside the list', edit({ section: 'Khen thưởng', item: DISTRICT, field: 'Cấp thẩm quyền' }, { choice: 'Cấp thôn' }), 'CHOICE_INVALID', { section: 'Khen thưởng', item: DISTRICT, field: 'Cấp thẩm quyền' }, 'Lựa chọn', /"Cấp thôn" không phải là một cấp; chọn một trong: Cấp xã, Cấp huyện/],
    ['a field the section does not have', edit({ section: 'Khen thưởng', item: DISTRICT, field: 'Loại khen thưởng' }, { field: 'Điểm thưởng' }), 'FIELD_UNKNOWN', { section: 'Khen thưởng', item: DISTRICT, field: 'Điểm thưởng' }, 'Mục', /phần "Khen thưởng" không có mục "Điểm thưởng"/],
    ['a prerequisite naming a deadline the plan does not have', edit({ item: 'giay-khen-chu-tich-xa/1', field: 'Hạn đăng ký' }, { value: 'khong-co' }), 'SCHEMA', { item: 'giay-khen-chu-tich-xa/1', field: 'Hạn đăng ký' }, 'Giá trị', /không có hạn "khong-co" trong deadlines/],
    ['an award row without its id', edit({ section: 'Khen thưởng', item: DISTRICT, field: 'Loại khen thưởng' }, { item: '' }), 'ITEM_MISSING', { section: 'Khen thưởng', item: '', field: 'Loại khen thưởng' }, 'Mã', /mục "Loại khen thưởng" cần ghi mã ở cột "Mã"/],
  ])('%s is reported on its row and column', (_label, change, code, where, column, message) => {
    // GIVEN the Vạn Ninh tab with one row changed
    const rows = change(tab());
    // WHEN it is read back
    const read = readPlanTab(rows);
    // THEN it is refused with a finding naming the tab, that row and that column
    expect(read.ok).toBe(false);
    const findings = read.ok ? [] : read.findings;
    const row = find(rows, where).__row;
    const finding = findings.find((f) => f.code === code);
    expect(finding, JSON.stringify(findings, null, 1)).toMatchObject({ row, column });
    expect(finding!.message).toMatch(new RegExp(`^Trang "Kế hoạch", hàng ${row}, cột "${column}": `));
    expect(finding!.message).toMatch(message);
  });

  test('a field written twice for the same item is reported on the second row, naming the first', () => {
    const rows = tab();
    const title = find(rows, { field: 'Tên phong trào' });
    const read = readPlanTab([...rows, { ...title, value: 'Tên khác', __row: rows.length + 2 }]);
    expect(read.ok ? [] : read.findings).toContainEqual({ code: 'FIELD_REPEATED', row: rows.length + 2, column: 'Mục', message: `Trang "Kế hoạch", hàng ${rows.length + 2}, cột "Mục": mục "Tên phong trào" của phần "Thông tin chung" đã ghi ở hàng ${title.__row}.` });
  });

  test('a required field left out is named with its section and item', () => {
    const rows = remove({ item: 'bang-khen-chu-tich-tinh', field: 'Tiêu đề danh sách' })(tab());
    const read = readPlanTab(rows);
    const finding = read.ok ? undefined : read.findings.find((f) => f.code === 'FIELD_MISSING');
    expect(finding?.message).toMatch(/thiếu mục "Tiêu đề danh sách" ở phần "Danh sách khen thưởng" \(mã "bang-khen-chu-tich-tinh"\)/);
    expect(finding?.row).toBe(find(rows, { section: 'Khen thưởng', item: 'bang-khen-chu-tich-tinh', field: 'Tên hình thức khen thưởng' }).__row);
  });

  test('every problem of the tab is reported at once', () => {
    const rows = [edit({ field: 'Thời gian từ ngày' }, { value: 'hôm qua' }), edit({ section: 'Tiêu chí – Tập thể', item: '2', field: 'Điểm tối đa' }, { value: 'x' }), remove({ item: DISTRICT, field: 'Đối tượng', choice: 'Tập thể' })].reduce((r, f) => f(r), tab());
    const read = readPlanTab(rows);
    expect(read.ok ? [] : read.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['NOT_DATE', 'NOT_NUMBER', 'QUOTA_KIND']));
  });
});
