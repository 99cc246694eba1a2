import type { AwardListContent } from './award-list-content.js';
import { templateHeader, type DatedHeader } from './dated-header.js';
import type { DocumentSettings } from './document-settings.js';
import { officialDate } from './official-date.js';

/** The proposal list (points, award proposed, earlier award) or the decision list (names and units only). */
export const ListVariant = ['proposal', 'decision'] as const;
export type ListVariant = (typeof ListVariant)[number];

/** A blank the issuer fills by hand. */
export const DOTS = '……';

/** The texts around an award list's table, as NĐ 30/2020 lays them out. */
export interface AwardListDocument {
  variant: ListVariant;
  /** Upright line above the issuing body; absent when the issuer has none above it. */
  governingBody?: string;
  /** Bold capitals, one entry per line. */
  issuingBody: string[];
  numberLine: string;
  placeAndDate: string;
  title: string[];
  attachedTo: string;
  /** Signer's title block, bold capitals, one entry per line. */
  signer: string[];
  /** The signer's full name, or a dotted blank. */
  signerName: string;
  recipients: string[];
}

/**
 * Fills the document texts of an award list from the bodies as they stand on the document's date (`header`, from
 * `datedHeader`: what the export job passes; without it, the template's header as written) and the council's settings. Pure. An award in the chairman's own name is signed "CHỦ TỊCH" (or
 * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), never "TM.".
 */
export function awardListDocument(content: AwardListContent, settings: DocumentSettings, variant: ListVariant, header: DatedHeader = templateHeader(content, settings)): AwardListDocument {
  const { award, year } = content;
  const suffix = variant === 'decision' ? 'QĐ-UBND' : 'TTr-UBND';
  const number = !settings.number ? `${DOTS}/${suffix}` : padNumber(settings.number.includes('/') ? settings.number : `${settings.number}/${suffix}`);
  const date = settings.signedOn ? ` ngày ${officialDate(settings.signedOn, 'slashes')}` : ` ngày ${DOTS}/${DOTS}/${year}`;
  const attachedTo =
    variant === 'decision'
      ? `(Kèm theo Quyết định số ${number}${date} của ${header.authorityTitle})`
      : `(Kèm theo Tờ trình số ${number}${date} của ${header.issuerName})`;
  return {
    variant,
    ...(header.governingBody ? { governingBody: header.governingBody } : {}),
    issuingBody: header.issuingBody,
    numberLine: `Số: ${number}`,
    placeAndDate: `${header.place}, ${settings.signedOn ? officialDate(settings.signedOn, 'words') : `ngày ${DOTS} tháng ${DOTS} năm ${year}`}`,
    title: ['DANH SÁCH', withYear(titleFor(award.list.title, variant), year)],
    attachedTo,
    signer: signerBlock(header.signer, variant === 'decision' && /^chủ tịch/i.test(header.authorityTitle), settings.deputy),
    signerName: settings.signerName ?? DOTS.repeat(4),
    recipients: ['Nơi nhận:', ...(settings.recipients ?? ['Như trên', 'Lưu: VT']).map((line, i, all) => `- ${line}${i === all.length - 1 ? '.' : ';'}`)],
  };
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

function signerBlock(template: readonly string[], chairmansOwnName: boolean, deputy: boolean): string[] {
  const lines = chairmansOwnName ? template.filter((l) => !/^TM\./i.test(l)) : [...template];
  const title = lines.pop() ?? 'CHỦ TỊCH';
  return deputy ? [...lines, `KT. ${title}`, `PHÓ ${title}`] : [...lines, title];
}
