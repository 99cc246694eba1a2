import type { Campaign } from './campaign.js';
import type { AwardMode, NomineeKind } from './vocabulary.js';

/** The form (mẫu) a Báo cáo thành tích follows: the decree that issues it, and its number in the decree's appendix. */
export interface ReportForm {
  /** "Nghị định số 98/2023/NĐ-CP". */
  decree: string;
  /** "Mẫu số 08"; absent when the number was not verified (the report then names the decree and the form's title). */
  form?: string;
  /** What the form is for, as the appendix titles it. */
  title: string;
  /** Where the form came from: the campaign template, or the law as recorded in decision 011. */
  source: 'template' | 'law';
}

/**
 * The decrees detailing the Law on emulation and commendation, by the day they took effect, with the appendix forms
 * of the achievement report this project uses (decision 011 records what was verified and what was not):
 * - NĐ 91/2017 (until 30/12/2023): Mẫu số 01 (collective) and 02 (individual) for achievements in the regular tasks,
 *   06 for an ad-hoc (đột xuất) achievement, 07 for a campaign held in rounds or on a theme (theo đợt, chuyên đề).
 * - NĐ 98/2023 (from 31/12/2023): Mẫu số 08 for a round or a theme, as the Bắc Sơn plan (seed 000) cites it; the others
 *   are named by title only.
 * - NĐ 152/2025 (from 01/7/2025): named by title only; a template that knows the number sets it (`dossier.reportForms`).
 */
const LAW: ReadonlyArray<{ from: string; decree: string; forms: Partial<Record<AwardMode | `periodic-${NomineeKind}`, string>> }> = [
  { from: '0000-01-01', decree: 'Nghị định số 91/2017/NĐ-CP', forms: { 'periodic-collective': 'Mẫu số 01', 'periodic-individual': 'Mẫu số 02', adhoc: 'Mẫu số 06', thematic: 'Mẫu số 07' } },
  { from: '2023-12-31', decree: 'Nghị định số 98/2023/NĐ-CP', forms: { thematic: 'Mẫu số 08' } },
  { from: '2025-07-01', decree: 'Nghị định số 152/2025/NĐ-CP', forms: {} },
];

const TITLE: Record<AwardMode, (kind: NomineeKind) => string> = {
  periodic: (kind) => `Báo cáo thành tích đề nghị khen thưởng ${kind === 'collective' ? 'tập thể' : 'cá nhân'} có thành tích xuất sắc trong thực hiện nhiệm vụ`,
  thematic: () => 'Báo cáo thành tích đề nghị khen thưởng theo đợt thi đua hoặc theo chuyên đề',
  adhoc: () => 'Báo cáo thành tích đề nghị khen thưởng thành tích xuất sắc đột xuất',
};

/**
 * The form of the achievement report for a nomination submitted on `isoDate`: the campaign template's own choice for
 * that date when it names one (`dossier.reportForms`), else the decree in force that day. Pure.
 *
 * @example reportFormOn(campaign, 'thematic', 'individual', '2024-04-10') // { decree: 'Nghị định số 98/2023/NĐ-CP', form: 'Mẫu số 08', … }
 */
export function reportFormOn(campaign: Campaign, mode: AwardMode, kind: NomineeKind, isoDate: string): ReportForm {
  const named = campaign.dossier.reportForms.find((f) => (!f.from || f.from <= isoDate) && (!f.until || isoDate < f.until));
  if (named) return { decree: named.decree, form: named.form, title: named.title ?? TITLE[mode](kind), source: 'template' };
  const law = [...LAW].reverse().find((l) => l.from <= isoDate)!;
  const form = mode === 'periodic' ? law.forms[`periodic-${kind}`] : law.forms[mode];
  return { decree: law.decree, ...(form ? { form } : {}), title: TITLE[mode](kind), source: 'law' };
}

/** "Mẫu số 08 ban hành kèm theo Nghị định số 98/2023/NĐ-CP", or "Theo mẫu ban hành kèm theo …" when the number is not known. */
export function reportFormLabel(form: ReportForm): string {
  return form.form ? `${form.form} ban hành kèm theo ${form.decree}` : `Theo mẫu ban hành kèm theo ${form.decree}`;
}
