import type { forms_v1 } from '@googleapis/forms';
import { isRated, type Campaign, type Criterion } from '../domain/campaign.js';
import { formatOfficialDate, formatOfficialMonthDay } from '../domain/dates.js';
import { unitDeadlines } from '../domain/deadline-report.js';
import { cutAtWord } from '../exports/sheet-names.js';
import { NOMINEE_KIND_LABEL, type NomineeKind } from '../domain/vocabulary.js';
import type { FormQuestion } from './form-question.js';

/** The nomination form of a campaign, as Forms API requests: one `forms.create` (title) then one `forms.batchUpdate`. */
export interface FormPlan {
  title: string;
  requests: forms_v1.Schema$Request[];
  /** The question behind each request that creates a question, by request index, with the id we asked for. */
  questions: Map<number, FormQuestion>;
}

/**
 * The women's share of a collective (NĐ 152/2025 Điều 4: on equal results, priority to a collective with at least 70 %
 * women). Optional: without it the priority is not applied to a tie the collective is in.
 */
export const WOMEN_SHARE_TITLE = 'Tỷ lệ nữ trong tập thể (%)';
export const WOMEN_SHARE_NOTE = 'Số phần trăm thành viên là nữ, từ 0 đến 100, ví dụ 75. Khi thành tích như nhau, tập thể có từ 70% nữ trở lên được ưu tiên (Nghị định số 152/2025/NĐ-CP, Điều 4).';

/** The one option of the closing question of each section: choosing it submits the form. */
export const CONFIRMATION = 'Tôi cam kết thông tin trong hồ sơ là đúng sự thật';

/** Points a unit may give itself on a criterion: 0 to the maximum in half points, with the decimal comma. */
export function pointChoices(max: number): string[] {
  const choices: string[] = [];
  for (let p = 0; p <= max + 1e-9; p += 0.5) choices.push(String(p).replace('.', ','));
  return choices;
}

const kindWord = (kind: NomineeKind) => NOMINEE_KIND_LABEL[kind].toLocaleLowerCase('vi');

/**
 * Builds the form: a first section with the award, the unit (its block, where the campaign has blocks), a contact
 * email and the nominee kind, whose answer jumps to that kind's section; then one section per kind with the nominee's
 * details, per criterion a points dropdown (0 – maximum, the Forms API has no numeric validation) and an evidence
 * box, and a closing pledge that submits the form. Item and question ids are fixed here so the kind question can
 * point at sections created in the same batch and the mapping is known before Google answers. Pure.
 */
export function buildFormPlan(campaign: Campaign): FormPlan {
  const requests: forms_v1.Schema$Request[] = [];
  const questions = new Map<number, FormQuestion>();
  let items = 0;
  let ids = 0;
  const nextId = () => (0x3a000000 + ++ids * 0x1f1).toString(16);
  const add = (item: forms_v1.Schema$Item, at = items) => {
    requests.push({ createItem: { item, location: { index: at } } });
    items += 1;
  };
  const question = (field: string, title: string, q: forms_v1.Schema$Question, options: { kind?: NomineeKind; description?: string; at?: number } = {}) => {
    const questionId = nextId();
    questions.set(requests.length, { questionId, field, title, ...(options.kind ? { kind: options.kind } : {}) });
    add({ itemId: nextId(), title, ...(options.description ? { description: options.description } : {}), questionItem: { question: { questionId, ...q } } }, options.at);
  };
  const text = (required: boolean, paragraph = false): forms_v1.Schema$Question => ({ required, textQuestion: { paragraph } });
  const choice = (type: 'RADIO' | 'DROP_DOWN', values: string[], required = true): forms_v1.Schema$Question => ({ required, choiceQuestion: { type, options: values.map((value) => ({ value })) } });

  requests.push({ updateFormInfo: { info: { description: formDescription(campaign) }, updateMask: 'description' } });
  question('award', 'Hình thức khen thưởng đề nghị', choice('RADIO', awardLabels(campaign)));
  question('unit', 'Đơn vị đề nghị', text(true), { description: 'Tên cơ quan, đơn vị, địa phương gửi hồ sơ' });
  if (campaign.blocks) question('block', 'Khối thi đua', campaign.blocks.names ? choice('DROP_DOWN', campaign.blocks.names) : text(true));
  question('email', 'Thư điện tử liên hệ', text(false), { description: 'Để Hội đồng liên hệ khi cần bổ sung hồ sơ' });
  const kindAt = items;

  const kinds = campaign.nomineeKinds.filter((k) => campaign.rubrics[k]);
  const sections = new Map<NomineeKind, string>();
  for (const kind of kinds) {
    const sectionId = nextId();
    sections.set(kind, sectionId);
    add({ itemId: sectionId, title: `Hồ sơ ${kindWord(kind)}`, description: `Thông tin và điểm tự chấm của ${kindWord(kind)} được đề nghị`, pageBreakItem: {} });
    question('name', kind === 'collective' ? 'Tên tập thể' : 'Họ và tên', text(true), { kind });
    if (kind === 'individual') {
      question('position', 'Chức vụ', text(false), { kind });
      question('birthDate', 'Ngày sinh', { required: true, dateQuestion: { includeYear: true, includeTime: false } }, { kind });
      question('gender', 'Giới tính', choice('RADIO', ['Nam', 'Nữ']), { kind });
    }
    if (kind === 'collective') question('womenShare', WOMEN_SHARE_TITLE, text(false), { kind, description: WOMEN_SHARE_NOTE });
    if (campaign.awards.some((a) => a.kinds.includes(kind) && a.prerequisites.some((p) => p.type === 'quiz-participation' && (!p.kinds || p.kinds.includes(kind))))) {
      question('quizAccount', `Tài khoản dự thi (${kindWord(kind)})`, text(false), { kind });
    }
    const rubric = campaign.rubrics[kind]!;
    for (const c of rubric.criteria) {
      if (!isRated(c)) {
        question(`selfScores.${c.number}`, `Tiêu chí ${c.number} (${kindWord(kind)}): điểm tự chấm, tối đa ${String(c.maxPoints).replace('.', ',')} điểm`, choice('DROP_DOWN', pointChoices(c.maxPoints)), { kind, description: c.text });
      }
      question(`evidence.${c.number}`, `Tiêu chí ${c.number} (${kindWord(kind)}): tài liệu kiểm chứng`, text(rubric.evidence === 'each-criterion', true), { kind, description: evidenceNote(c) });
    }
    question('confirm', `Cam kết (${kindWord(kind)})`, { required: true, choiceQuestion: { type: 'RADIO', options: [{ value: CONFIRMATION, goToAction: 'SUBMIT_FORM' }] } }, { kind });
  }
  if (kinds.length > 1) {
    // Created last, once the sections exist, and inserted back before them.
    const kindOptions = kinds.map((k) => ({ value: NOMINEE_KIND_LABEL[k], goToSectionId: sections.get(k)! }));
    question('kind', 'Đối tượng đề nghị', { required: true, choiceQuestion: { type: 'RADIO', options: kindOptions } }, { at: kindAt });
  }
  return { title: formTitle(campaign), requests, questions };
}

/** Under an evidence box: what the plan asks for; a rated criterion's text, since it has no points question. */
function evidenceNote(c: Criterion): string {
  const hint = c.evidenceHint ? ` ${c.evidenceHint}` : '';
  return isRated(c) ? `${c.text} (Hội đồng đánh giá).${hint}` : `Đường dẫn hoặc mô tả.${hint}`;
}

/** What respondents see: each award by its name (its id too, should two share a name). */
export function awardLabels(campaign: Campaign): string[] {
  return campaign.awards.map((a) => (campaign.awards.filter((b) => b.name === a.name).length > 1 ? `${a.name} (${a.id})` : a.name));
}

/** The form's title, cut at a word boundary if the campaign's title is very long. */
export const formTitle = (campaign: Campaign): string => cutAtWord(`Hồ sơ đề nghị khen thưởng – ${campaign.title}`, 300, ' ');

function formDescription(campaign: Campaign): string {
  const due = unitDeadlines(campaign)
    .filter((d) => d.kind === 'dossier')
    .map((d) => `${d.label}: trước ${'before' in d.due ? formatOfficialDate(d.due.before) : `ngày ${formatOfficialMonthDay(d.due.everyYearBefore)} hằng năm`}`);
  return [`${campaign.issuer.name}. ${campaign.plan.reference}.`, ...due, 'Mỗi thành tích chỉ đề nghị một lần; điểm tự chấm được thẩm định lại trước khi Hội đồng xét.'].join('\n');
}
