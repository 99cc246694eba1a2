import { parseCalendarDate } from './dates.js';
import { normalizeText } from './text.js';

/**
 * A plan whose award step waits for a later document: TT Bắc Sơn's plan says "Kết thúc đợt thi đua, UBND huyện sẽ ban
 * hành hướng dẫn khen thưởng", and units select their nominees "trên cơ sở văn bản hướng dẫn". Until the council
 * records that guidance, nominations are kept and wait for it; once it is recorded, the nomination period opens on its
 * date. Pure.
 */

/** The settings key where the council records the guidance once issued: "Hướng dẫn số 05/HD-UBND ngày 12/01/2026 …". */
export const AWARD_GUIDANCE_KEY = 'Hướng dẫn khen thưởng';

/** The guidance as recorded: its reference as written, and its date (YYYY-MM-DD). */
export interface AwardGuidance {
  reference: string;
  date: string;
}

export type AwardGuidanceResult = { ok: true; guidance?: AwardGuidance } | { ok: false; problem: string };

const DATED = /ngày\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/iu;

/**
 * Reads the guidance from the settings tab (key → value). Absent or blank: not issued yet. A value without a real
 * date ("ngày dd/mm/yyyy") is a problem naming the key, never a silent "not issued".
 *
 * @example parseAwardGuidance(new Map([['Hướng dẫn khen thưởng', 'Hướng dẫn số 05/HD-UBND ngày 12/01/2026 của UBND xã Bắc Sơn']]))
 *   // { ok: true, guidance: { reference: 'Hướng dẫn số 05/HD-UBND ngày 12/01/2026 của UBND xã Bắc Sơn', date: '2026-01-12' } }
 */
export function parseAwardGuidance(settings: ReadonlyMap<string, string>): AwardGuidanceResult {
  const entry = [...settings].find(([key]) => normalizeText(key).toLocaleLowerCase('vi') === AWARD_GUIDANCE_KEY.toLocaleLowerCase('vi'));
  const reference = entry ? normalizeText(entry[1]) : '';
  if (!reference) return { ok: true };
  const found = DATED.exec(reference);
  const date = found ? parseCalendarDate(found[1]!) : undefined;
  if (!date) return { ok: false, problem: `Cài đặt "${AWARD_GUIDANCE_KEY}": không thấy ngày ban hành hợp lệ trong "${reference}"; ghi số và ngày của văn bản, ví dụ "Hướng dẫn số 05/HD-UBND ngày 12/01/2026 của UBND xã Bắc Sơn".` };
  return { ok: true, guidance: { reference, date } };
}
