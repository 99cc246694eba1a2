import { NOMINEE_KIND_LABEL } from '../../domain/vocabulary.js';
import { FormQuestion } from '../../forms/form-question.js';
import type { TabLayout } from '../layouts.js';
import type { Row } from '../table-store.js';

/** The form questions tab ("Câu hỏi biểu mẫu"): which question of the form fills which field of a nomination. */

export const formQuestionRow = (q: FormQuestion, formId: string): Row => ({ questionId: q.questionId, field: q.field, kind: q.kind ? NOMINEE_KIND_LABEL[q.kind] : null, title: q.title, formId });

/** The mapping read back; unreadable rows are reported. */
export function readFormQuestions(rows: readonly Row[], tab: TabLayout): { questions: FormQuestion[]; problems: string[] } {
  const questions: FormQuestion[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = FormQuestion.safeParse({ questionId: row.questionId, field: row.field, kind: row.kind, title: row.title });
    if (parsed.success) questions.push(parsed.data);
    else problems.push(`Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: ${parsed.error.issues.map((i) => `cột "${tab.columns.find((c) => c.key === String(i.path[0]))?.header ?? String(i.path[0])}": ${i.message}`).join('; ')}`);
  }
  return { questions, problems };
}
