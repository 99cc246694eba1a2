/** Points as a number: accepts numbers and numeric text with a decimal point or the Vietnamese decimal comma ("13,5"). */
export function toPoints(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
