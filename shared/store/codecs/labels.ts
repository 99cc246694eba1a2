import { normalizeText } from '../../domain/text.js';

/**
 * The value of a closed set that a cell shows: its Vietnamese label (as written by the codecs, any case) or its code.
 * Undefined when the cell holds something else (edited by hand into a word the set does not know).
 *
 * @example enumOfLabel(STATUS_LABEL, 'Đã khen thưởng') // 'awarded'
 */
export function enumOfLabel<T extends string>(labels: Readonly<Record<T, string>>, cell: unknown): T | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = normalizeText(cell);
  if (!text) return undefined;
  const lower = text.toLocaleLowerCase('vi');
  for (const code of Object.keys(labels) as T[]) if (code === text || labels[code].toLocaleLowerCase('vi') === lower) return code;
  return undefined;
}
