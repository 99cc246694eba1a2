import { calendarDateOf, isRealDate } from '../dates.js';
import type { FieldSpec } from './plan-fields.js';
import { CHOICE_SET_NAME, CHOICE_SETS, DUE_LABEL, choiceValue, type ChoiceSet, type ChoiceSetId } from './plan-labels.js';
import type { PlanColumn, PlanTabCode } from './plan-tab-findings.js';

/** A row's cells as its field's value (`key`: the last key of a quota's path, its kind), or why they are not one. */
export type Converted = { value: unknown; column: PlanColumn; key?: string } | { code: PlanTabCode; column: PlanColumn; params: Record<string, string | number> };

/** One row's cells as the field's value, or why not. */
export function convert(spec: FieldSpec, value: string | number, choice: string): Converted {
  const shown = String(value);
  const number = (): number | undefined => {
    if (typeof value === 'number') return value;
    const n = Number(value.replace(/\s/g, '').replace(',', '.'));
    return value !== '' && Number.isFinite(n) ? n : undefined;
  };
  const numberOf = (text: string): number | undefined => {
    const n = Number(text.replace(/\s/g, '').replace(',', '.'));
    return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
  };
  const pick = (set: ChoiceSetId, label: string): Converted => {
    const allowed = Object.values(CHOICE_SETS[set] as ChoiceSet).join(', ');
    if (!label) return { code: 'CHOICE_MISSING', column: 'choice', params: { set: CHOICE_SET_NAME[set], allowed } };
    const v = choiceValue(set, label);
    return v === undefined ? { code: 'CHOICE_INVALID', column: 'choice', params: { value: label, set: CHOICE_SET_NAME[set], allowed } } : { value: v, column: 'choice' };
  };
  switch (spec.type) {
    case 'text':
    case 'lines':
      return { value: shown, column: 'value' };
    case 'number':
    case 'percent': {
      const fraction = spec.type === 'percent' && typeof value === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value) : null;
      if (fraction && Number(fraction[2]) > 0) return { value: Number(fraction[1]) / Number(fraction[2]), column: 'value' };
      const n = typeof value === 'string' && spec.type === 'percent' ? numberOf(value.replace(/%\s*$/, '')) : number();
      if (n === undefined) return { code: 'NOT_NUMBER', column: 'value', params: { value: shown } };
      return { value: spec.type === 'percent' ? n / 100 : n, column: 'value' };
    }
    case 'integer': {
      const n = number();
      return n !== undefined && Number.isInteger(n) ? { value: n, column: 'value' } : { code: 'NOT_INTEGER', column: 'value', params: { value: shown } };
    }
    case 'date': {
      const iso = calendarDateOf(value);
      return iso ? { value: iso, column: 'value' } : { code: 'NOT_DATE', column: 'value', params: { value: shown } };
    }
    case 'choice':
      return pick(spec.choices!, choice || (typeof value === 'string' ? value : ''));
    case 'bool':
    case 'marker': {
      const r = pick('yesNo', choice || (typeof value === 'string' ? value : ''));
      return 'code' in r ? r : { value: r.value === 'yes', column: 'choice' };
    }
    case 'quota': {
      const kind = pick('kind', choice);
      if ('code' in kind) return kind;
      const n = number();
      if (n === undefined || !Number.isInteger(n)) return { code: 'NOT_INTEGER', column: 'value', params: { value: shown } };
      return { value: n, column: 'value', key: String(kind.value) };
    }
    case 'due':
      return due(value, choice);
  }
}

/** "Hằng năm" + "15/02" → every year before 15 February; "Một lần" + "01/10/2026" → once, before that day. */
function due(value: string | number, choice: string): Converted {
  const every = choice ? choiceValue('due', choice) : undefined;
  if (choice && !every) return { code: 'CHOICE_INVALID', column: 'choice', params: { value: choice, set: CHOICE_SET_NAME.due, allowed: Object.values(DUE_LABEL).join(', ') } };
  const full = calendarDateOf(value);
  const dayMonth = typeof value === 'string' ? /^(\d{1,2})[/.-](\d{1,2})$/.exec(value) : null;
  if (every === 'everyYearBefore' || (!every && dayMonth)) {
    const [d, m] = full ? [Number(full.slice(8)), Number(full.slice(5, 7))] : dayMonth ? [Number(dayMonth[1]), Number(dayMonth[2])] : [0, 0];
    if (!isRealDate(2024, m, d)) return { code: 'NOT_DAY_OF_YEAR', column: 'value', params: { value: String(value) } };
    return { value: { everyYearBefore: `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }, column: 'value' };
  }
  return full ? { value: { before: full }, column: 'value' } : { code: 'NOT_DATE', column: 'value', params: { value: String(value) } };
}

