import type { Document, FileChild } from 'docx';
import type { Campaign } from '../domain/campaign.js';
import type { AwardHistoryRow } from '../domain/datasets.js';
import { reportFormLabel, type ReportForm } from '../domain/achievement-report-form.js';
import type { MeetingMinutes } from '../domain/meeting-minutes.js';
import type { Nomination } from '../domain/nomination.js';
import { NOMINEE_KIND_LABEL } from '../domain/vocabulary.js';
import type { AwardListContent, AwardListEntry } from './award-list-content.js';
import { DOTS, titleFor, type AwardListDocument } from './award-list-document.js';
import { linesOf, placeOf, type DatedHeader } from './dated-header.js';
import type { DocumentSettings } from './document-settings.js';
import { countsOf, countsPhrase, earlierAwards, ITEM_STATUS_LABEL, legalBases, selfAssessment, type LevelChecklist } from './dossier-content.js';
import { body, centred, gridTable, headerBlock, officialDocument, para, run, signatureBlock, titleBlock, two, twoSignatures, type OfficialHeader, type SignerBlock } from './nd30-docx.js';
import { officialDate } from './official-date.js';

/**
 * The council's dossier as Word documents (NĐ 30/2020 layout, see nd30-docx.ts): the submission (Tờ trình), the
 * minutes of the council's meeting (Biên bản họp xét), the decision (Quyết định) with its list, each nominee's
 * achievement report (Báo cáo thành tích) and the dossier checklist. Each function builds a `docx` Document from
 * plain inputs; numbers, dates and signers are those of the award list (award-list-document.ts).
 */

/** One award's list with the texts both variants print, on the document's date. */
export interface AwardDossier {
  content: AwardListContent;
  proposal: AwardListDocument;
  decision: AwardListDocument;
  header: DatedHeader;
  settings: DocumentSettings;
  /** The document's date (YYYY-MM-DD): the "Ngày ký" setting, else today. */
  isoDate: string;
}

const COUNCIL = 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG';

/** "Chủ tịch UBND huyện Vạn Ninh" → "Chủ tịch Ủy ban nhân dân huyện Vạn Ninh" (running text spells the body out). */
const spelled = (title: string) => title.replace(/\bUBND\b/gu, 'Ủy ban nhân dân');
const upper = (text: string) => text.toLocaleUpperCase('vi');
const blankDate = (place: string, year: number) => `${place}, ngày ${DOTS} tháng ${DOTS} năm ${year}`;

/** The council's own header (the submission of a level that grants, the minutes): the council under its body. */
export function councilHeader(header: DatedHeader, numberLine: string | undefined, placeAndDate: string): OfficialHeader {
  return { governingBody: header.issuingBody.join(' '), issuingBody: [COUNCIL], ...(numberLine ? { numberLine } : {}), placeAndDate };
}

const recipientsOf = (settings: DocumentSettings, fallback: string[]) => ['Nơi nhận:', ...(settings.recipients ?? fallback).map((line, i, all) => `- ${line}${i === all.length - 1 ? '.' : ';'}`)];

function councilSigner(settings: DocumentSettings): SignerBlock {
  return { title: settings.deputy ? ['TM. HỘI ĐỒNG', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['TM. HỘI ĐỒNG', 'CHỦ TỊCH'], name: DOTS.repeat(4) };
}

/**
 * Tờ trình đề nghị khen thưởng. A list that proposes to a higher authority is submitted by the issuing body under the
 * list's own number, date and signer; a list the level grants itself is submitted to its chairman by the council
 * (Hội đồng Thi đua - Khen thưởng), whose number and date the council fills in by hand.
 */
export function toTrinhDocument(d: AwardDossier): Document {
  const { content, header, settings } = d;
  const { campaign, award, year } = content;
  const upward = award.list.kind === 'proposal';
  const recipient = spelled(upward ? award.authority.title : header.authorityTitle);
  const sender = upward ? header.issuerName : `Hội đồng Thi đua - Khen thưởng ${header.issuerName.replace(/^Ủy ban nhân dân /u, '')}`;
  const top: OfficialHeader = upward
    ? { ...(d.proposal.governingBody ? { governingBody: d.proposal.governingBody } : {}), issuingBody: d.proposal.issuingBody, numberLine: d.proposal.numberLine, placeAndDate: d.proposal.placeAndDate }
    : councilHeader(header, `Số: ${DOTS}/TTr-HĐTĐKT`, blankDate(header.place, year));
  const signer: SignerBlock = upward ? { title: d.proposal.signer, name: d.proposal.signerName } : councilSigner(settings);
  const counts = countsOf(content);
  const listTitle = titleFor(award.list.title, 'proposal');
  const children: FileChild[] = [
    ...headerBlock(top),
    ...titleBlock('TỜ TRÌNH', [`Về việc đề nghị tặng ${award.name}`]),
    centred([run('Kính gửi: ', {}), run(`${recipient}.`, {})], { after: 12 }),
    ...legalBases(campaign, settings.signedOn).map((line) => body(line, { italics: true, after: 3 })),
    body(`Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng và tiêu chuẩn của ${award.name} trong ${campaign.title},`, { italics: true }),
    body(`${sender} kính trình ${recipient} xem xét, tặng ${award.name} cho ${countsPhrase(counts)} đã có thành tích tiêu biểu, xuất sắc trong ${campaign.title} năm ${year}, cụ thể như sau:`),
    gridTable(
      [
        { header: 'STT', share: 0.08, align: 'center' },
        { header: 'Hình thức khen thưởng', share: 0.47 },
        { header: 'Tập thể', share: 0.15, align: 'center' },
        { header: 'Cá nhân', share: 0.15, align: 'center' },
        { header: 'Cộng', share: 0.15, align: 'center' },
      ],
      [
        ['1', award.name, two(counts.collective), two(counts.individual), two(counts.collective + counts.individual)],
        ['', { text: 'Tổng cộng', bold: true }, { text: two(counts.collective), bold: true }, { text: two(counts.individual), bold: true }, { text: two(counts.collective + counts.individual), bold: true }],
      ],
    ),
    body(`(Có danh sách ${listTitle.charAt(0).toLocaleLowerCase('vi')}${listTitle.slice(1)} kèm theo.)`, { italics: true, before: 6 }),
    body(`Kính trình ${recipient} xem xét, quyết định./.`),
    signatureBlock(['Nơi nhận:', '- Như trên;', '- Lưu: VT.'], signer),
    ...attachedList(content, d.proposal, 'proposal'),
  ];
  return officialDocument(`Tờ trình đề nghị tặng ${award.name}`, children);
}

/**
 * Quyết định khen thưởng with the list attached (Điều 1). For a list the level grants itself, under the list's number,
 * date and signer; for a list proposed upward, a draft (DỰ THẢO) for the higher authority to issue.
 */
export function quyetDinhDocument(d: AwardDossier): Document {
  const { content, header, settings } = d;
  const { campaign, award, year } = content;
  const granted = award.list.kind === 'decision';
  const authority = spelled(granted ? header.authorityTitle : award.authority.title);
  const body_ = authority.replace(/^Chủ tịch\s+/u, '');
  const top: OfficialHeader = granted
    ? { ...(d.decision.governingBody ? { governingBody: d.decision.governingBody } : {}), issuingBody: d.decision.issuingBody, numberLine: d.decision.numberLine, placeAndDate: d.decision.placeAndDate }
    : { issuingBody: linesOf(body_), numberLine: `Số: ${DOTS}/QĐ-UBND`, placeAndDate: blankDate(placeOf(body_) ?? DOTS, year), draft: true };
  const signer: SignerBlock = granted ? { title: d.decision.signer, name: d.decision.signerName } : { title: ['CHỦ TỊCH'], name: DOTS.repeat(4) };
  const counts = countsOf(content);
  const proposer = granted ? `Hội đồng Thi đua - Khen thưởng ${header.issuerName.replace(/^Ủy ban nhân dân /u, '')}` : header.issuerName;
  const children: FileChild[] = [
    ...headerBlock(top),
    ...titleBlock('QUYẾT ĐỊNH', [`Về việc tặng ${award.name}`]),
    centred(upper(authority), { bold: true, after: 12 }),
    ...legalBases(campaign, settings.signedOn).map((line) => body(line, { italics: true, after: 3 })),
    body(`Theo đề nghị của ${proposer}.`, { italics: true }),
    centred('QUYẾT ĐỊNH:', { bold: true, before: 6, after: 6 }),
    body([run('Điều 1. ', { bold: true }), run(`Tặng ${award.name} cho ${countsPhrase(counts)} đã có thành tích tiêu biểu, xuất sắc trong ${campaign.title} năm ${year} (có danh sách kèm theo).`)]),
    body([run('Điều 2. ', { bold: true }), run('Quyết định này có hiệu lực kể từ ngày ký.')]),
    body([run('Điều 3. ', { bold: true }), run(`Chánh Văn phòng ${body_}, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`)]),
    signatureBlock(recipientsOf(settings, ['Như Điều 3', 'Lưu: VT']), signer),
    ...attachedList(content, d.decision, 'decision'),
  ];
  return officialDocument(`Quyết định tặng ${award.name}`, children);
}

/** The list attached to the submission or the decision, on a new page, as the Excel list prints it. */
function attachedList(content: AwardListContent, doc: AwardListDocument, variant: 'proposal' | 'decision'): FileChild[] {
  const blocks: FileChild[] = [
    centred('DANH SÁCH', { bold: true, pageBreakBefore: true }),
    centred(doc.title[1]!, { bold: true }),
    centred(doc.attachedTo, { italics: true, after: 12 }),
  ];
  if (!content.sections.length) blocks.push(para('(Chưa có tập thể, cá nhân nào trong danh sách.)', { italics: true }));
  const roman = ['I', 'II'];
  content.sections.forEach((section, i) => {
    blocks.push(para(`${roman[i]}. ${upper(NOMINEE_KIND_LABEL[section.kind])} (${two(section.entries.length)} ${NOMINEE_KIND_LABEL[section.kind].toLocaleLowerCase('vi')})`, { bold: true, align: 'left', before: 6 }));
    const nameHeader = section.kind === 'collective' ? 'Tên tập thể' : 'Họ và tên';
    const unitHeader = section.kind === 'collective' ? 'Đơn vị' : 'Chức vụ, đơn vị công tác';
    const mark = (e: AwardListEntry) => (content.rated ? (e.rating ?? '') : String(e.total).replace('.', ','));
    blocks.push(
      variant === 'decision'
        ? gridTable([{ header: 'STT', share: 0.08, align: 'center' }, { header: nameHeader, share: 0.37 }, { header: unitHeader, share: 0.55 }], section.entries.map((e, j) => [String(j + 1), e.name, e.positionAndUnit]))
        : gridTable(
            [{ header: 'STT', share: 0.07, align: 'center' }, { header: nameHeader, share: 0.25 }, { header: unitHeader, share: 0.28 }, { header: content.rated ? 'Đánh giá' : 'Điểm', share: 0.1, align: 'center' }, { header: 'Khen thưởng trước đó', share: 0.3 }],
            section.entries.map((e, j) => [String(j + 1), e.name, e.positionAndUnit, mark(e), e.earlierAward ?? DOTS]),
          ),
    );
  });
  blocks.push(para('', { after: 6 }), signatureBlock(undefined, { title: doc.signer, name: doc.signerName }));
  return blocks;
}

/** "Nguyễn Văn A – Chủ tịch UBND …" → "Nguyễn Văn A". */
const nameOf = (person: string) => person.split(/\s+[–-]\s+|,\s*/u)[0]!.trim();
const clock = (at: Date) => {
  const vn = new Date(at.getTime() + 7 * 3600_000);
  return `${String(vn.getUTCHours()).padStart(2, '0')} giờ ${String(vn.getUTCMinutes()).padStart(2, '0')}`;
};
const vnIsoDate = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** Biên bản họp xét of the council: who met, the agenda, the vote per nominee and its result, two signatures. */
export function bienBanDocument(campaign: Campaign, header: DatedHeader, minutes: MeetingMinutes): Document {
  const date = vnIsoDate(minutes.meetingAt);
  const present = minutes.members.filter((m) => m.present);
  const absent = minutes.members.filter((m) => !m.present);
  const council = `Hội đồng Thi đua - Khen thưởng ${header.issuerName.replace(/^Ủy ban nhân dân /u, '')}`;
  const member = (m: MeetingMinutes['members'][number]) => `- Ông (bà) ${m.name} – ${m.role}${!m.present && m.writtenVote ? ' (có phiếu biểu quyết bằng văn bản)' : ''};`;
  const passed = minutes.rows.filter((r) => r.passed).length;
  const children: FileChild[] = [
    ...headerBlock(councilHeader(header, `Số: ${DOTS}/BB-HĐTĐKT`, `${header.place}, ${officialDate(date, 'words')}`)),
    ...titleBlock('BIÊN BẢN', ['Họp xét thi đua, khen thưởng', campaign.title]),
    body(`Vào lúc ${clock(minutes.meetingAt)}, ${officialDate(date, 'words')}, tại ${minutes.place}, ${council} họp xét thi đua, khen thưởng trong ${campaign.title}.`),
    para('I. THÀNH PHẦN', { bold: true, align: 'left' }),
    body(`- Chủ trì: ${minutes.chair}.`, { after: 0 }),
    body(`- Thư ký: ${minutes.secretary}.`, { after: 0 }),
    body(`- Thành viên có mặt: ${two(present.length)}/${two(minutes.members.length)} thành viên Hội đồng:`, { after: 0 }),
    ...present.map((m) => body(member(m), { after: 0 })),
    body(`- Thành viên vắng mặt: ${two(absent.length)}${absent.length ? ':' : '.'}`, { after: 0 }),
    ...absent.map((m) => body(member(m), { after: 0 })),
    body(`Số thành viên dự họp ${two(minutes.quorum.present)}/${two(minutes.quorum.members)}: ${minutes.quorum.reached ? 'đủ' : 'không đủ'} số lượng để cuộc họp được tiến hành theo quy định.`, { italics: true, before: 6 }),
    para('II. NỘI DUNG', { bold: true, align: 'left' }),
    ...minutes.agenda.map((item, i) => body(`${i + 1}. ${item}`, { after: 0 })),
    para('III. KẾT QUẢ BIỂU QUYẾT', { bold: true, align: 'left', before: 6 }),
    gridTable(
      [
        { header: 'STT', share: 0.06, align: 'center' },
        { header: 'Tập thể, cá nhân', share: 0.2 },
        { header: 'Đơn vị', share: 0.17 },
        { header: 'Hình thức khen thưởng', share: 0.16 },
        { header: 'Đồng ý', share: 0.08, align: 'center' },
        { header: 'Không đồng ý', share: 0.08, align: 'center' },
        { header: 'Không biểu quyết', share: 0.1, align: 'center' },
        { header: 'Tổng số', share: 0.07, align: 'center' },
        { header: 'Kết quả', share: 0.08, align: 'center' },
      ],
      minutes.rows.map((r, i) => [String(i + 1), r.nominee, r.unit, r.award, String(r.votesFor), String(r.votesAgainst), String(r.abstain), String(r.total), r.passed ? 'Đạt' : 'Không đạt']),
      11,
    ),
    ...minutes.rows.filter((r) => r.note).map((r) => body(`Ghi chú (${r.nominee}): ${r.note}.`, { italics: true, after: 0 })),
    body(`Hội đồng thống nhất đề nghị khen thưởng ${two(passed)}/${two(minutes.rows.length)} tập thể, cá nhân đạt kết quả biểu quyết.`, { before: 6 }),
    body(`Cuộc họp kết thúc lúc ${DOTS} giờ ${DOTS} cùng ngày. Biên bản đã được thông qua tại cuộc họp./.`),
    twoSignatures({ title: ['THƯ KÝ'], name: nameOf(minutes.secretary) }, { title: ['CHỦ TRÌ'], name: nameOf(minutes.chair) }),
  ];
  return officialDocument('Biên bản họp xét thi đua, khen thưởng', children);
}

/** Báo cáo thành tích of one nominee, pre-filled from the nomination, in the form in force on its submission day. */
export function baoCaoThanhTichDocument(content: AwardListContent, header: DatedHeader, nomination: Nomination, form: ReportForm, history: ReadonlyMap<string, readonly AwardHistoryRow[]> | undefined): Document {
  const { campaign, award, year } = content;
  const collective = nomination.kind === 'collective';
  const assessment = selfAssessment(campaign, nomination);
  const earlier = earlierAwards(nomination, year, history);
  const line = (label: string, value: string | undefined) => body([run(`- ${label}: `), run(value ?? DOTS.repeat(3))], { after: 0 });
  const children: FileChild[] = [
    ...headerBlock({ issuingBody: [upper(nomination.unit)], placeAndDate: blankDate(header.place, year), formLabel: reportFormLabel(form) }),
    ...titleBlock('BÁO CÁO THÀNH TÍCH', [`ĐỀ NGHỊ TẶNG ${upper(award.name)}`]),
    centred(`(${form.title}; ${campaign.title})`, { italics: true, after: 6 }),
    centred(`${collective ? 'Tên tập thể' : 'Họ và tên'}: ${nomination.name}`, { bold: true, after: 12 }),
    para(collective ? 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH' : 'I. SƠ LƯỢC LÝ LỊCH', { bold: true, align: 'left' }),
    ...(collective
      ? [line('Tên tập thể', nomination.name), line('Đơn vị', nomination.unit), line('Tỷ lệ nữ', nomination.womenShare !== undefined ? `${String(nomination.womenShare).replace('.', ',')}%` : undefined), line('Đặc điểm, tình hình, chức năng, nhiệm vụ', undefined)]
      : [
          line('Họ và tên', nomination.name),
          line('Ngày, tháng, năm sinh', nomination.birthDate ? officialDate(nomination.birthDate, 'slashes') : undefined),
          line('Giới tính', nomination.gender === 'nữ' ? 'Nữ' : nomination.gender === 'nam' ? 'Nam' : undefined),
          line('Chức vụ', nomination.position),
          line('Đơn vị công tác', nomination.unit),
        ]),
    para('II. THÀNH TÍCH ĐẠT ĐƯỢC', { bold: true, align: 'left', before: 6 }),
    body('Bản tự đánh giá, chấm điểm theo tiêu chí của kế hoạch, kèm tài liệu kiểm chứng:'),
    gridTable(
      [
        { header: 'TC', share: 0.06, align: 'center' },
        { header: 'Tiêu chí', share: 0.44 },
        { header: 'Điểm chuẩn', share: 0.1, align: 'center' },
        { header: 'Tự chấm', share: 0.1, align: 'center' },
        { header: 'Tài liệu kiểm chứng', share: 0.3 },
      ],
      [
        ...assessment.rows.map((r) => [r.number.padStart(2, '0'), r.text, r.max, r.self || DOTS, r.evidence || '(chưa có)']),
        ...(assessment.total ? [['', { text: 'Tổng cộng', bold: true }, '', { text: assessment.total, bold: true }, '']] : []),
      ],
    ),
    para('III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN', { bold: true, align: 'left', before: 6 }),
    ...(earlier.length ? earlier.map((e) => body(`- ${e};`, { after: 0 })) : [body(`- ${DOTS.repeat(3)}`)]),
    para('', { after: 6 }),
    twoSignatures(
      { title: [collective ? 'XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG' : 'XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ'], note: '(Ký, đóng dấu)', name: DOTS.repeat(4) },
      collective ? { title: ['THỦ TRƯỞNG ĐƠN VỊ'], note: '(Ký, đóng dấu)', name: DOTS.repeat(4) } : { title: ['NGƯỜI BÁO CÁO THÀNH TÍCH'], note: '(Ký, ghi rõ họ và tên)', name: nomination.name },
    ),
  ];
  return officialDocument(`Báo cáo thành tích: ${nomination.name}`, children);
}

/** A document's name without its bracketed notes: "Báo cáo thành tích (Mẫu số 08, …)" → "Báo cáo thành tích". */
const short = (name: string) => name.replace(/\s*\(.*$/su, '');

/** The dossier checklist: per level (award) the sets to submit and the level's documents, then per nominee. */
export function checklistDocument(campaign: Campaign, header: DatedHeader, year: number, levels: readonly LevelChecklist[], isoDate: string): Document {
  const children: FileChild[] = [
    ...headerBlock(councilHeader(header, undefined, `${header.place}, ${officialDate(isoDate, 'words')}`)),
    ...titleBlock('DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', [`${campaign.title} năm ${year}`]),
  ];
  const documents = campaign.dossier.documents;
  children.push(body('Thành phần hồ sơ theo kế hoạch:', { after: 0 }), ...documents.map((d, i) => body(`${i + 1}. ${d.name}.`, { after: 0, size: 13 })));
  levels.forEach((level, i) => {
    const missing = [...level.level, ...level.nominees.flatMap((n) => n.items)].filter((it) => it.status === 'missing').length;
    children.push(
      para(`${i + 1}. ${level.award.name} (thẩm quyền: ${spelled(level.award.authority.title)})`, { bold: true, align: 'left', before: 6 }),
      body(`Số bộ hồ sơ: ${level.sets ? `${two(level.sets)} bộ` : 'kế hoạch không quy định'}. Số tập thể, cá nhân: ${two(level.nominees.length)}. Còn thiếu: ${missing ? `${two(missing)} thành phần` : 'không'}.`),
      gridTable(
        [{ header: 'Hồ sơ chung của cấp trình', share: 0.45 }, { header: 'Tình trạng', share: 0.2, align: 'center' }, { header: 'Ghi chú', share: 0.35 }],
        level.level.map((it) => [short(it.document), { text: ITEM_STATUS_LABEL[it.status], bold: it.status === 'missing' }, it.detail]),
      ),
      para('', { after: 3 }),
      gridTable(
        [{ header: 'STT', share: 0.07, align: 'center' }, { header: 'Tập thể, cá nhân', share: 0.23 }, { header: 'Thành phần hồ sơ', share: 0.3 }, { header: 'Tình trạng', share: 0.15, align: 'center' }, { header: 'Ghi chú', share: 0.25 }],
        level.nominees.flatMap((n, j) => n.items.map((it, k) => [k === 0 ? String(j + 1) : '', k === 0 ? `${n.name}\n(${n.unit})` : '', short(it.document), { text: ITEM_STATUS_LABEL[it.status], bold: it.status === 'missing' }, it.detail])),
      ),
    );
  });
  if (!levels.length) children.push(body('(Chưa có hình thức khen thưởng nào có tập thể, cá nhân được đề nghị.)', { italics: true }));
  return officialDocument('Danh mục hồ sơ đề nghị khen thưởng', children);
}


