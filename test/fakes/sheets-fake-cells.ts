/**
 * Cell values of the Sheets fake: how written JSON values are stored (RAW vs USER_ENTERED)
 * and how stored cells are rendered back (FORMATTED_VALUE / UNFORMATTED_VALUE / FORMULA).
 *
 * USER_ENTERED parsing follows an en_US spreadsheet: `=…` formulas, `'…` forced text,
 * plain / thousands-separated / percent numbers, TRUE/FALSE and ISO `yyyy-mm-dd` dates.
 */
import { invalid } from './sheets-fake-http.js';

/** How a number is displayed when rendered FORMATTED_VALUE (set when USER_ENTERED text had a format). */
export interface NumberFormat {
  type: 'NUMBER' | 'PERCENT' | 'DATE';
  /** The text shown for the value, e.g. `12%`, `1,234` or `2024-01-15`. */
  display: string;
}

/** A stored (non-empty) cell. */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; format?: NumberFormat }
  | { kind: 'bool'; value: boolean }
  | { kind: 'formula'; formula: string };

export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

/** A value as it travels in `ValueRange.values`. */
export type WireValue = string | number | boolean;

/** Computes what a formula shows; the fake does not evaluate formulas itself. */
export type FormulaEvaluator = (formula: string) => WireValue;

/** What to do with one written value: leave the cell alone, empty it, or store a cell. */
export type WriteAction = 'skip' | 'clear' | Cell;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Days since 1899-12-30, the spreadsheet date serial; undefined for impossible dates. */
function dateSerial(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((t - SERIAL_EPOCH) / 86_400_000);
}

/** Parses a typed-in string the way the Sheets UI would (en_US locale). */
function parseUserEntered(input: string): Cell {
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  if (input.startsWith("'")) return { kind: 'text', text: input.slice(1) };
  const t = input.trim();
  if (PLAIN_NUMBER.test(t)) return { kind: 'number', value: Number(t) };
  if (GROUPED_NUMBER.test(t)) return { kind: 'number', value: Number(t.replace(/,/g, '')), format: { type: 'NUMBER', display: t } };
  if (PERCENT.test(t)) {
    return { kind: 'number', value: Number(t.slice(0, -1)) / 100, format: { type: 'PERCENT', display: t } };
  }
  if (/^(true|false)$/i.test(t)) return { kind: 'bool', value: t.toLowerCase() === 'true' };
  const date = ISO_DATE.exec(t);
  if (date) {
    const serial = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== undefined) return { kind: 'number', value: serial, format: { type: 'DATE', display: t } };
  }
  return { kind: 'text', text: input };
}

/**
 * Turns one element of `values[i][j]` into a write action. `null` skips the cell and `""`
 * empties it, as documented for ValueRange; objects and arrays are rejected like Google does.
 */
export function toWriteAction(value: unknown, option: ValueInputOption, where: string): WriteAction {
  if (value === null || value === undefined) return 'skip';
  if (value === '') return 'clear';
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'string') return option === 'RAW' ? { kind: 'text', text: value } : parseUserEntered(value);
  throw invalid(`Invalid values${where}: ${Array.isArray(value) ? 'list_value' : 'struct_value'} {}`);
}

/** Sheets' "Automatic" number format, approximately: up to 15 significant digits, `E` notation for huge/tiny. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(15)));
  return s.replace(/e\+?/, (m) => (m === 'e+' ? 'E+' : 'E'));
}

/** Renders a stored cell for a values.get-style response. */
export function renderCell(
  cell: Cell,
  render: ValueRenderOption,
  dateRender: DateTimeRenderOption,
  evaluate: FormulaEvaluator,
): WireValue {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'bool':
      return render === 'FORMATTED_VALUE' ? (cell.value ? 'TRUE' : 'FALSE') : cell.value;
    case 'number':
      if (render === 'FORMATTED_VALUE') return cell.format?.display ?? formatNumber(cell.value);
      if (cell.format?.type === 'DATE' && dateRender === 'FORMATTED_STRING') return cell.format.display;
      return cell.value;
    case 'formula': {
      if (render === 'FORMULA') return cell.formula;
      const result = evaluate(cell.formula);
      if (render === 'FORMATTED_VALUE' && typeof result !== 'string') {
        return typeof result === 'number' ? formatNumber(result) : result ? 'TRUE' : 'FALSE';
      }
      return result;
    }
  }
}

/** The `userEnteredValue` / `effectiveValue` objects used in grid data (`spreadsheets.get?includeGridData`). */
export function extendedValue(cell: Cell, evaluate: FormulaEvaluator): {
  userEnteredValue: Record<string, WireValue>;
  effectiveValue: Record<string, WireValue>;
} {
  const wrap = (v: WireValue): Record<string, WireValue> =>
    typeof v === 'number' ? { numberValue: v } : typeof v === 'boolean' ? { boolValue: v } : { stringValue: v };
  if (cell.kind === 'formula') return { userEnteredValue: { formulaValue: cell.formula }, effectiveValue: wrap(evaluate(cell.formula)) };
  const raw = cell.kind === 'text' ? cell.text : cell.value;
  return { userEnteredValue: wrap(raw), effectiveValue: wrap(raw) };
}
