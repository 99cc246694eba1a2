import type { AwardListContent } from './award-list-content.js';
import { templateHeader, type DatedHeader } from './dated-header.js';
import type { DocumentSettings } from './document-settings.js';
import { formatOfficialDateWords } from '../domain/dates.js';

/** The proposal list (points, award proposed, earlier award) or the decision list (names and units only). */
export const ListVariant = ['proposal', 'decision'] as const;
export type ListVariant = (typeof ListVariant)[number];

/** A blank the issuer fills by hand. */
export const DOTS = '……';

/**
 * The texts around an award list's table. The list goes with a decision (Quyết định) or a submission (Tờ trình): it is
 * that document's attachment (phụ lục), laid out as NĐ 30/2020 lays out an attachment (Phụ lục I, Phần I, Mục III;
 * Mẫu 2.1 of Phụ lục III; decision record 015): the issuing body top left, where the seal is stamped over it, the
 * title, and the reference line to the document it goes with; no national motto, number, place and date, signature
 * or "Nơi nhận" of its own: those are the decision's or the submission's. Pages are numbered per attachment.
 */
export interface AwardListDocument {
  variant: ListVariant;
  /** Upright line above the issuing body; absent when the issuer has none above it. */
  governingBody?: string;
  /** Bold capitals, one entry per line. */
  issuingBody: string[];
  /** "Phụ lục II": only when the document it goes with has several attachments (Roman numerals, NĐ 30/2020). */
  appendix?: string;
  title: string[];
  /** "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 02 năm 2024 của Chủ tịch UBND huyện Vạn Ninh)". */
  attachedTo: string;
  /**
   * What the decision or submission the list goes with carries and the list does not print: its number, place and
   * date, signer. The council's Word documents (the dossier) print them; the same settings feed both.
   */
  parent: ParentDocument;
}

/** The number line, date line and signature of the decision or submission a list is attached to. */
export interface ParentDocument {
  numberLine: string;
  placeAndDate: string;
  /** Signer's title block, bold capitals, one entry per line. */
  signer: string[];
  /** The signer's full name, or a dotted blank. */
  signerName: string;
}

/**
 * Fills the texts of an award list from the bodies as they stand on the document's date (`header`, from
 * `datedHeader`: what the export job passes; without it, the template's header as written) and the council's
 * settings (number, signing date, appendix number). Pure.
 *
 * @example awardListDocument(content, { number: '5', signedOn: '2024-09-25' }, 'decision').attachedTo
 *   // '(Kèm theo Quyết định số 05/QĐ-UBND ngày 25 tháng 9 năm 2024 của Chủ tịch UBND huyện Vạn Ninh)'
 */
export function awardListDocument(content: AwardListContent, settings: DocumentSettings, variant: ListVariant, header: DatedHeader = templateHeader(content, settings)): AwardListDocument {
  const { award, year } = content;
  const suffix = variant === 'decision' ? 'QĐ-UBND' : 'TTr-UBND';
  const number = !settings.number ? `${DOTS}/${suffix}` : padNumber(settings.number.includes('/') ? settings.number : `${settings.number}/${suffix}`);
  const date = settings.signedOn ? formatOfficialDateWords(settings.signedOn) : `ngày ${DOTS} tháng ${DOTS} năm ${year}`;
  const attachedTo =
    variant === 'decision'
      ? `(Kèm theo Quyết định số ${number} ${date} của ${header.authorityTitle})`
      : `(Kèm theo Tờ trình số ${number} ${date} của ${header.issuerName})`;
  return {
    variant,
    ...(header.governingBody ? { governingBody: header.governingBody } : {}),
    issuingBody: header.issuingBody,
    ...(settings.appendix ? { appendix: `Phụ lục ${settings.appendix}` } : {}),
    title: ['DANH SÁCH', withYear(titleFor(award.list.title, variant), year)],
    attachedTo,
    parent: {
      numberLine: `Số: ${number}`,
      placeAndDate: `${header.place}, ${date}`,
      signer: signerBlock(header.signer, variant === 'decision' && /^chủ tịch/i.test(header.authorityTitle), settings.deputy === true),
      signerName: settings.signerName ?? DOTS.repeat(4),
    },
  };
}

/** An award in the chairman's own name is signed "CHỦ TỊCH" (or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), never "TM.". */
function signerBlock(template: readonly string[], chairmansOwnName: boolean, deputy: boolean): string[] {
  const lines = chairmansOwnName ? template.filter((l) => !/^TM\./i.test(l)) : [...template];
  const title = lines.pop() ?? 'CHỦ TỊCH';
  return deputy ? [...lines, `KT. ${title}`, `PHÓ ${title}`] : [...lines, title];
}

/** NĐ 30/2020: a document number below 10 takes a leading zero ("Số: 05/QĐ-UBND"). */
export function padNumber(number: string): string {
  return number.replace(/^(\d)(?=\/|$)/, '0$1');
}

const withYear = (title: string, year: number) => (title.includes(String(year)) ? title : `${title} năm ${year}`);

/**
 * The list's title in the wording of its variant: a proposal says "đề nghị <authority> tặng <form>", the list
 * attached to the decision says "được tặng <form> của <authority>". A title in neither wording is kept as written.
 */
export function titleFor(title: string, variant: ListVariant): string {
  if (variant === 'decision') return title.replace(/^(.*?)đề nghị (.+?) tặng (Giấy khen|Bằng khen)(.*)$/u, '$1được tặng $3 của $2$4');
  return title.replace(/^(.*?)được tặng (Giấy khen|Bằng khen) của (.+?)((?: trong | năm ).*)?$/u, (_, head: string, form: string, authority: string, rest = '') => `${head}đề nghị ${authority} tặng ${form}${rest}`);
}
