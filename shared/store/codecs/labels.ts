import { normalizeText } from '../../domain/text.js';

/**
 * The value of a closed set that a cell shows: its Vietnamese label (as written by the codecs, any case), a label it
 * had before a rewording (`former`: still read, never written — decision 003), or its code. Undefined when the cell
 * holds something else (edited by hand into a word the set does not know).
 *
 * @example enumOfLabel(STATUS_LABEL, 'Đã khen thưởng') // 'awarded'
 */
export function enumOfLabel<T extends string>(labels: Readonly<Record<T, string>>, cell: unknown, former?: Readonly<Partial<Record<T, readonly string[]>>>): T | undefined {
  if (typeof cell !== 'string') return undefined;
  // a column holds a handful of distinct labels over thousands of rows: each is worked out once
  let byFormer = memo.get(labels);
  if (!byFormer) memo.set(labels, (byFormer = new Map()));
  let known = byFormer.get(former ?? NONE);
  if (!known) byFormer.set(former ?? NONE, (known = new Map()));
  if (known.has(cell)) return known.get(cell) as T | undefined;
  if (known.size > 1000) known.clear();
  const found = lookUp(labels, cell, former);
  known.set(cell, found);
  return found;
}

const NONE = {};
const memo = new WeakMap<object, Map<object, Map<string, string | undefined>>>();

function lookUp<T extends string>(labels: Readonly<Record<T, string>>, cell: string, former?: Readonly<Partial<Record<T, readonly string[]>>>): T | undefined {
  const text = normalizeText(cell);
  if (!text) return undefined;
  const lower = text.toLocaleLowerCase('vi');
  for (const [code, label] of Object.entries<string>(labels)) {
    const known = [label, ...((former as Record<string, readonly string[] | undefined> | undefined)?.[code] ?? [])];
    if (code === text || known.some((l) => l.toLocaleLowerCase('vi') === lower)) return code as T;
  }
  return undefined;
}
