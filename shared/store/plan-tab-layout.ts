import { FIELD_LABELS, FIELDS, SECTION_LABELS } from '../domain/plan-tab/plan-fields.js';
import { ALL_CHOICE_LABELS, CHOICE_SETS } from '../domain/plan-tab/plan-labels.js';
import { PLAN_COLUMN, PLAN_TAB_TITLE } from '../domain/plan-tab/plan-tab-findings.js';
import type { TabLayout } from './layouts.js';

/**
 * The layout of the campaign tab ("Kế hoạch"). Built here rather than in sheet-layouts.json: its columns and
 * dropdowns come from the domain's field table (shared/domain/plan-tab/), and it is not one of the tabs every
 * campaign's workbook gets — only a campaign defined in its workbook has it (`thidua campaign new`).
 */
export function planTabLayout(): TabLayout {
  return {
    id: 'plan',
    title: PLAN_TAB_TITLE,
    readOnly: false,
    columns: [
      { key: 'section', header: PLAN_COLUMN.section, width: 24, computed: false, choices: [...SECTION_LABELS] },
      { key: 'item', header: PLAN_COLUMN.item, width: 26, computed: false },
      { key: 'field', header: PLAN_COLUMN.field, width: 34, computed: false, choices: [...FIELD_LABELS] },
      { key: 'value', header: PLAN_COLUMN.value, width: 70, computed: false },
      { key: 'choice', header: PLAN_COLUMN.choice, width: 30, computed: false, choices: [...ALL_CHOICE_LABELS], choicesByRow: { column: 'field', lists: FIELD_CHOICES } },
      { key: 'source', header: PLAN_COLUMN.source, width: 70, computed: false },
    ],
  };
}

/** Each field label with a closed set → that set's labels (one set per label: checked by a test). */
const FIELD_CHOICES: Record<string, readonly string[]> = Object.fromEntries(FIELDS.flatMap((f) => (f.choices ? [[f.label, Object.values(CHOICE_SETS[f.choices])]] : [])));
