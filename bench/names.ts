/** Deterministic, realistic Vietnamese names and units for benchmark data (seeded, no randomness from the clock). */
import { seededRandom } from '../test/fakes/sheets-fake-faults.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Lục', 'Nông', 'Vi', 'Hà'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Kim', 'Ngọc', 'Thị Hồng', 'Thị Thanh'];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Hữu', 'Đức', 'Công'];
const GIVEN_F = ['Hạnh', 'Lan', 'Mai', 'Hoa', 'Nga', 'Thủy', 'Yến', 'Ánh', 'Oanh', 'Nhung', 'Hà', 'Liên'];
const GIVEN_M = ['Minh', 'Phúc', 'Tuấn', 'Khánh', 'Tài', 'Đức', 'Hải', 'Sơn', 'Dũng', 'Hùng', 'Quyết', 'Vinh'];
const UNITS = ['UBND xã Vạn Thắng', 'UBND xã Vạn Phú', 'Hội Nông dân xã Vũ Lăng', 'Trường THCS Hữu Vĩnh', 'Đoàn Thanh niên xã Vạn Long', 'Phòng Nội vụ huyện', 'Công an xã Vạn Khánh', 'Hội LHPN xã Chiến Thắng'];

/** A small seeded PRNG (mulberry32, shared with the fakes), so every run generates the same data. */
export const prng = seededRandom;

export function person(random: () => number, i: number): { name: string; gender: 'nam' | 'nữ'; unit: string } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const female = random() < 0.5;
  const name = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)} ${i}`;
  return { name, gender: female ? 'nữ' : 'nam', unit: pick(UNITS) };
}
