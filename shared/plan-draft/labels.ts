/** Draft fields in the words a secretary knows: "/awards/0/quotaPerYear/individual" → "Khen thưởng 1 — chỉ tiêu cá nhân/năm". Pure. */

const KIND: Record<string, string> = { collective: 'tập thể', individual: 'cá nhân' };
const LEVEL: Record<string, string> = { commune: 'cấp xã', district: 'cấp huyện', 'district-agency': 'cơ quan cấp huyện', province: 'cấp tỉnh', central: 'trung ương' };
const MODE: Record<string, string> = { periodic: 'định kỳ (hằng năm)', thematic: 'theo đợt, chuyên đề', adhoc: 'đột xuất' };
const DEADLINE_KIND: Record<string, string> = { registration: 'đăng ký', dossier: 'nộp hồ sơ', review: 'xét khen thưởng', report: 'báo cáo' };

const RULES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^\/title$/, () => 'Tên phong trào'],
  [/^\/issuer\/name$/, () => 'Cơ quan ban hành'],
  [/^\/issuer\/level$/, () => 'Cấp cơ quan ban hành'],
  [/^\/issuer\/place$/, () => 'Địa danh'],
  [/^\/legalBasis$/, () => 'Căn cứ'],
  [/^\/legalBasis\/(\d+)$/, (m) => `Căn cứ ${Number(m[1]) + 1}`],
  [/^\/plan\/reference$/, () => 'Số, ngày của kế hoạch'],
  [/^\/term\/from$/, () => 'Thời gian thi đua — từ ngày'],
  [/^\/term\/to$/, () => 'Thời gian thi đua — đến ngày'],
  [/^\/nomineeKinds$/, () => 'Đối tượng khen thưởng'],
  [/^\/rubrics$/, () => 'Tiêu chí'],
  [/^\/rubrics\/(\w+)\/criteria$/, (m) => `Tiêu chí ${KIND[m[1]!]}`],
  [/^\/rubrics\/(\w+)\/criteria\/(\d+)\/(\w+)$/, (m) => `Tiêu chí ${KIND[m[1]!]} ${Number(m[2]) + 1} — ${({ number: 'số', text: 'nội dung', maxPoints: 'điểm chuẩn', minShare: 'tỷ lệ điểm tối thiểu', evidenceHint: 'tài liệu kiểm chứng' } as Record<string, string>)[m[3]!] ?? m[3]}`],
  [/^\/rubrics\/(\w+)\/totalThreshold$/, (m) => `Ngưỡng tổng điểm (${KIND[m[1]!]})`],
  [/^\/rubrics\/(\w+)\/evidence$/, (m) => `Tài liệu kiểm chứng (${KIND[m[1]!]})`],
  [/^\/awards$/, () => 'Hình thức khen thưởng'],
  [/^\/awards\/(\d+)\/prerequisites\/(\d+)\/(\w+)$/, (m) => `Khen thưởng ${Number(m[1]) + 1} — điều kiện ${Number(m[2]) + 1}: ${({ type: 'loại', years: 'tuổi tối thiểu', kinds: 'áp dụng cho', description: 'nội dung' } as Record<string, string>)[m[3]!] ?? m[3]}`],
  [/^\/awards\/(\d+)\/quotaPerYear\/(\w+)$/, (m) => `Khen thưởng ${Number(m[1]) + 1} — chỉ tiêu ${KIND[m[2]!]}/năm`],
  [/^\/awards\/(\d+)\/(.+)$/, (m) => `Khen thưởng ${Number(m[1]) + 1} — ${({ id: 'mã', name: 'tên', 'authority/title': 'thẩm quyền', 'authority/level': 'cấp thẩm quyền', mode: 'loại khen thưởng', kinds: 'đối tượng' } as Record<string, string>)[m[2]!] ?? m[2]}`],
  [/^\/deadlines$/, () => 'Các mốc thời hạn'],
  [/^\/deadlines\/(\d+)\/(\w+)$/, (m) => `Hạn ${Number(m[1]) + 1} — ${({ due: 'ngày', kind: 'loại', submitTo: 'gửi về' } as Record<string, string>)[m[2]!] ?? m[2]}`],
  [/^\/dossier\/documents$/, () => 'Hồ sơ đề nghị khen thưởng — thành phần'],
  [/^\/dossier\/documents\/(\d+)\/name$/, (m) => `Hồ sơ — tài liệu ${Number(m[1]) + 1}`],
  [/^\/dossier\/copies$/, () => 'Hồ sơ — số bộ'],
  [/^\/dossier\/copies\/(\d+)\/(\w+)$/, (m) => `Hồ sơ — số bộ ${Number(m[1]) + 1}: ${m[2] === 'sets' ? 'số bộ' : 'hình thức'}`],
];

/** The Vietnamese name of a draft field's JSON Pointer. */
export function fieldLabel(path: string): string {
  for (const [r, label] of RULES) {
    const m = r.exec(path);
    if (m) return label(m);
  }
  return path;
}

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A draft value as the secretary reads it: kinds and levels in words, dates as dd/mm/yyyy, shares in per cent. */
export function fieldValue(path: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => KIND[String(v)] ?? String(v)).join(', ');
  if (value && typeof value === 'object') {
    const due = value as { before?: string; everyYearBefore?: string };
    if (due.before) return `trước ${viDate(due.before)}`;
    if (due.everyYearBefore) return `trước ${due.everyYearBefore.slice(3)}/${due.everyYearBefore.slice(0, 2)} hằng năm`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number' && path.endsWith('/minShare')) return `${Math.round(value * 100)}%`;
  if (typeof value === 'string') {
    if (/\/level$/.test(path)) return LEVEL[value] ?? value;
    if (/\/mode$/.test(path)) return MODE[value] ?? value;
    if (/^\/deadlines\/\d+\/kind$/.test(path)) return DEADLINE_KIND[value] ?? value;
    if (/^\/term\//.test(path) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return viDate(value);
  }
  return String(value);
}
