import type { forms_v1 } from '@googleapis/forms';
import { awardLabels } from '../../shared/forms/form-plan.js';
import type { FormQuestion } from '../../shared/forms/form-question.js';
import { NOMINEE_KIND_LABEL, type NomineeKind } from '../../shared/domain/vocabulary.js';
import { allEvidence, fullMarks, vanNinh } from '../support/builders.js';

export interface Answering {
  award?: string;
  kind?: NomineeKind;
  unit?: string;
  name?: string;
  position?: string;
  birthDate?: string;
  gender?: string;
  /** A collective's share of women, as typed: "75", "72,5%". */
  womenShare?: string;
  email?: string;
  selfScores?: Record<string, string | number>;
  evidence?: Record<string, string>;
}

/** What a respondent types, field by field, as answers keyed by each question's title (CSV, Apps Script) or id (API). */
export function answerValues(questions: readonly FormQuestion[], a: Answering = {}): Array<{ q: FormQuestion; value: string }> {
  const kind = a.kind ?? 'individual';
  const campaign = vanNinh();
  const award = campaign.awards.findIndex((x) => x.id === (a.award ?? 'giay-khen-chu-tich-huyen'));
  const fields: Record<string, string | undefined> = {
    award: award >= 0 ? awardLabels(campaign)[award] : a.award,
    kind: NOMINEE_KIND_LABEL[kind],
    unit: a.unit ?? 'UBND xã Vạn Thắng',
    email: a.email,
    name: a.name ?? (kind === 'individual' ? 'Nguyễn Văn Bình' : 'Hội Phụ nữ xã Vạn Thắng'),
    position: a.position ?? 'Trưởng thôn',
    birthDate: a.birthDate ?? '1980-03-04',
    gender: a.gender ?? 'Nam',
    womenShare: a.womenShare,
    confirm: 'Tôi cam kết thông tin trong hồ sơ là đúng sự thật',
  };
  const scores = a.selfScores ?? fullMarks(kind);
  const evidence = a.evidence ?? allEvidence(kind);
  return questions.flatMap((q) => {
    if (q.kind && q.kind !== kind) return [];
    const [field, n] = q.field.split('.');
    const value = n === undefined ? fields[field!] : field === 'selfScores' ? scores[n] : evidence[n];
    return value === undefined ? [] : [{ q, value: String(value) }];
  });
}

/** A Forms API response (as `responses.list` returns it) answering the form's questions. */
export function apiResponse(questions: readonly FormQuestion[], responseId: string, lastSubmittedTime: string, a: Answering = {}): forms_v1.Schema$FormResponse {
  const answers = Object.fromEntries(answerValues(questions, a).map(({ q, value }) => [q.questionId, { questionId: q.questionId, textAnswers: { answers: [{ value }] } }]));
  return { responseId, createTime: lastSubmittedTime, lastSubmittedTime, answers };
}
