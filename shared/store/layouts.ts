import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Campaign } from '../domain/campaign.js';
import { unitDeadlines } from '../domain/deadline-report.js';
import { APPRAISAL_LABEL, ATTENDANCE_LABEL, BALLOT_LABEL, CHOICE_LABEL, MEETING_DUTY_LABEL, STATUS_LABEL } from '../domain/vocabulary.js';
import { templatesDir } from '../templates/paths.js';
import { TemplateError } from '../templates/template-error.js';

export const TabId = ['settings', 'nominations', 'results', 'rejections', 'councilScores', 'councilMeeting', 'councilVotes', 'awardHistory', 'registrations', 'quizLog', 'clearance', 'audit', 'units', 'formQuestions', 'plan'] as const;
export type TabId = (typeof TabId)[number];

const ColumnSpec = z.object({
  field: z.string().min(1),
  header: z.string().min(1),
  width: z.number().positive(),
  perCriterion: z.boolean().optional(),
  /** Repeats once per deadline a unit must meet (`unitDeadlines`), `{label}` standing for the deadline's label. */
  perDeadline: z.boolean().optional(),
  computed: z.boolean().optional(),
  choices: z.enum(['status', 'appraisal', 'choice', 'duty', 'attendance', 'ballot']).optional(),
});

/** The Vietnamese labels of each closed set a column can offer as a dropdown. */
const CHOICES = {
  status: Object.values(STATUS_LABEL),
  appraisal: Object.values(APPRAISAL_LABEL),
  choice: Object.values(CHOICE_LABEL),
  duty: Object.values(MEETING_DUTY_LABEL),
  attendance: Object.values(ATTENDANCE_LABEL),
  ballot: Object.values(BALLOT_LABEL),
};

const LayoutFile = z.object({
  tabs: z.array(
    z.object({
      id: z.enum(TabId),
      title: z.string().min(1).max(100),
      key: z.string().optional(),
      readOnly: z.boolean().optional(),
      columns: z.array(ColumnSpec).min(1),
    }),
  ),
});

/** A column of a concrete tab: `key` is the row field ("name", "score.3"). */
export interface Column {
  key: string;
  header: string;
  width: number;
  /** Written by the engine, never by hand: protected in the sheet. */
  computed: boolean;
  /** Labels offered as a dropdown, when the column takes one of a closed set. */
  choices?: string[];
  /**
   * A narrower dropdown on a filled row, chosen by the text of another of its cells (the "Kế hoạch" tab: the field
   * decides which closed set its "Lựa chọn" offers). Where a store cannot set a row's own dropdown (Google Sheets
   * sets them per column when the tab is made), `choices` stands.
   */
  choicesByRow?: { column: string; lists: Readonly<Record<string, readonly string[]>> };
}

export interface TabLayout {
  id: TabId;
  title: string;
  /** The column whose value identifies a row (the idempotency key), if any. */
  key?: string;
  readOnly: boolean;
  columns: Column[];
}

let cached: z.infer<typeof LayoutFile> | undefined;

function layoutFile(): z.infer<typeof LayoutFile> {
  if (cached) return cached;
  const file = join(templatesDir(), 'sheet-layouts.json');
  const result = LayoutFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) throw TemplateError.fromZod('sheet-layouts.json', result.error);
  cached = result.data;
  return cached;
}

/** Criterion numbers used by any rubric of the campaign, in numeric order. */
export function criterionNumbers(campaign: Campaign): string[] {
  const numbers = new Set<string>();
  for (const rubric of Object.values(campaign.rubrics)) for (const c of rubric?.criteria ?? []) numbers.add(c.number);
  return [...numbers].sort((a, b) => Number(a) - Number(b));
}

/** The concrete tabs of a campaign's workbook: per-criterion columns expanded for its rubrics. */
export function layoutsFor(campaign: Campaign): Map<TabId, TabLayout> {
  const numbers = criterionNumbers(campaign);
  const tabs = new Map<TabId, TabLayout>();
  for (const tab of layoutFile().tabs) {
    const columns = tab.columns.flatMap((c): Column[] =>
      c.perCriterion
        ? numbers.map((n) => ({ key: `${c.field}.${n}`, header: c.header.replace('{n}', n), width: c.width, computed: c.computed ?? false }))
        : c.perDeadline
          ? unitDeadlines(campaign).map((d) => ({ key: `${c.field}.${d.id}`, header: c.header.replace('{label}', d.label), width: c.width, computed: c.computed ?? false }))
          : [{ key: c.field, header: c.header, width: c.width, computed: c.computed ?? false, choices: c.choices ? CHOICES[c.choices] : undefined }],
    );
    tabs.set(tab.id, { id: tab.id, title: tab.title, key: tab.key, readOnly: tab.readOnly ?? false, columns });
  }
  return tabs;
}

/**
 * A tab's layout before a campaign is known (reading the settings to find which campaign, counting rows): only its
 * plain columns, or only `keys` of them. Columns are found by header, so a narrower layout reads the same tab.
 */
export function campaignFreeLayout(id: TabId, keys?: readonly string[]): TabLayout {
  const tab = layoutFile().tabs.find((t) => t.id === id);
  if (!tab) throw new Error(`no layout for tab ${id}`);
  const columns = tab.columns
    .filter((c) => !c.perCriterion && !c.perDeadline && (!keys || keys.includes(c.field)))
    .map((c): Column => ({ key: c.field, header: c.header, width: c.width, computed: c.computed ?? false, choices: c.choices ? CHOICES[c.choices] : undefined }));
  return { id: tab.id, title: tab.title, key: tab.key, readOnly: tab.readOnly ?? false, columns };
}
