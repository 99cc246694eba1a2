/**
 * A date as official documents write it (NĐ 30/2020): days below 10 and the months 1 and 2 take a leading zero.
 * Pure.
 *
 * @example officialDate('2026-02-05', 'words') === 'ngày 05 tháng 02 năm 2026'
 * @example officialDate('2024-09-20', 'slashes') === '20/9/2024'
 */
export function officialDate(isoDate: string, style: 'words' | 'slashes'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return style === 'words' ? `ngày ${day} tháng ${month} năm ${y}` : `${day}/${month}/${y}`;
}
