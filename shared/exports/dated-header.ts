import { authorityExistsOn, awardOn } from '../domain/authority.js';
import type { Award, Campaign } from '../domain/campaign.js';
import { formatOfficialDate } from '../domain/dates.js';
import { canonicalKey } from '../domain/text.js';
import type { DocumentSettings } from './document-settings.js';
import { DOCUMENT_SETTING_KEYS } from './document-settings.js';

/** The bodies an award list names, as they stand on the document's date. */
export interface DatedHeader {
  /** Upright line above the issuing body; absent when the issuer has none above it. */
  governingBody?: string;
  /** Bold capitals, one entry per line. */
  issuingBody: string[];
  /** The place in a document's date line ("Vạn Ninh, ngày …"): the Word decision, submission and minutes. */
  place: string;
  signer: string[];
  /** The issuing body in running text: "(Kèm theo Tờ trình số … của Ủy ban nhân dân xã Bắc Sơn)". */
  issuerName: string;
  /** The granting authority in running text: "(Kèm theo Quyết định số … của Chủ tịch UBND huyện Vạn Ninh)". */
  authorityTitle: string;
}

export type DatedHeaderResult = { ok: true; header: DatedHeader } | { ok: false; message: string };

/**
 * The governing body, issuing body, signer and authority of an award's list on the document's date
 * (`isoDate`: the "Ngày ký" setting, else today). Refused — with a message naming the body and what the council must
 * set — when the award's authority does not exist on that date, or when the body the template names had ceased and
 * no successor is known: a list is never printed under a body that no longer exists. Pure.
 */
export function datedHeader(campaign: Campaign, award: Award, settings: DocumentSettings, isoDate: string): DatedHeaderResult {
  const date = formatOfficialDate(isoDate);
  const authority = award.authority;
  if (!authorityExistsOn(authority, isoDate)) {
    const successor = awardOn(campaign, award, isoDate);
    const next = successor ? ` Từ ngày đó, hình thức kế nhiệm là "${successor.name}" (mã ${successor.id}): xuất danh sách của hình thức này.` : authority.successor ? ` Thẩm quyền tương ứng: ${authority.successor}.` : '';
    const when = authority.validUntil && isoDate >= authority.validUntil ? `không còn từ ngày ${formatOfficialDate(authority.validUntil)}` : `chỉ có từ ngày ${formatOfficialDate(authority.validFrom ?? isoDate)}`;
    return refuse(`Danh sách "${award.name}" ghi ngày ${date}, nhưng thẩm quyền "${authority.title}" ${when}; không in danh sách dưới tên này.${next} Nếu văn bản đã ký trước đó, ghi ngày ký vào mục "${DOCUMENT_SETTING_KEYS.signedOn}" trong trang tính "Cài đặt".`);
  }
  const template = award.list.header;
  const ceased = template.validUntil !== undefined && isoDate >= template.validUntil;
  const dead = ceased ? deadBodies(template.governingBody, template.issuingBody) : [];
  const stale = [settings.governingBody, settings.issuingBody?.join(' ')].find((v) => v !== undefined && dead.includes(canonicalKey(v)));
  if (stale) return refuse(`Danh sách ghi ngày ${date}, nhưng trang tính "Cài đặt" ghi "${stale}", cơ quan không còn từ ngày ${formatOfficialDate(template.validUntil!)}; ghi cơ quan hiện nay.`);
  const successor = ceased ? (template.successor ?? { note: 'UBND xã, phường đã tiếp nhận nhiệm vụ' }) : undefined;
  const known = successor ? successor.issuerName : template.issuingBody ? campaign.issuer.name : undefined;
  // The council's successor applies where the template's body ceased or is not named: never to an earlier list.
  const successorSetting = ceased || !template.issuingBody ? settings.successorIssuer : undefined;
  const issuerName = successorSetting ?? known;
  if (!issuerName && !ceased) {
    // a campaign defined in its Kế hoạch tab may leave the list's issuing body blank: it is to fill, not a dead body
    return refuse(`Danh sách "${award.name}" ghi ngày ${date}: chưa biết cơ quan ban hành danh sách. Ghi tên cơ quan vào dòng "Cơ quan ban hành" của hình thức "${award.id}" trong trang tính "Kế hoạch" (mỗi dòng của phần đầu văn bản cách nhau bằng dấu |, ví dụ "ỦY BAN NHÂN DÂN | XÃ VẠN THẮNG"), rồi xuất lại.`);
  }
  if (!issuerName) {
    const gone = `"${template.issuingBody.replace(/\n/g, ' ')}"${template.governingBody ? ` (${template.governingBody})` : ''} không còn từ ngày ${formatOfficialDate(template.validUntil!)}`;
    return refuse(`Danh sách "${award.name}" ghi ngày ${date}: ${gone}; không in danh sách dưới tên cơ quan đã không còn. Cơ quan kế nhiệm: ${successor?.note ?? template.successor?.note ?? 'UBND xã, phường tiếp nhận địa bàn'}. Ghi tên cơ quan đó vào mục "${DOCUMENT_SETTING_KEYS.successorIssuer}" trong trang tính "Cài đặt" (ví dụ "Ủy ban nhân dân xã Bắc Sơn"), rồi xuất lại.`);
  }
  const printed = successorSetting ? undefined : successor ? successor.issuingBody : template.issuingBody;
  const place = settings.place ?? (successorSetting ? placeOf(issuerName) : successor ? (successor.place ?? placeOf(issuerName)) : template.place || placeOf(issuerName)) ?? '……';
  const governingBody = settings.governingBody ?? (successor ? successor.governingBody : template.governingBody);
  const issuingBody = settings.issuingBody ?? (printed ? printed.split('\n') : linesOf(issuerName));
  return {
    ok: true,
    header: {
      ...(governingBody ? { governingBody } : {}),
      issuingBody,
      place,
      signer: successor?.signer ?? template.signer,
      issuerName,
      authorityTitle: authority.ofIssuer ? `Chủ tịch ${issuerName}` : authority.title,
    },
  };
}

/** The template's header with the council's settings, undated (for a document whose date is checked elsewhere). */
export function templateHeader(content: { campaign: Campaign; award: Award }, settings: DocumentSettings): DatedHeader {
  const { campaign, award } = content;
  const header = award.list.header;
  const issuerName = (header.issuingBody ? undefined : settings.successorIssuer) ?? campaign.issuer.name;
  const governingBody = settings.governingBody ?? header.governingBody;
  return {
    ...(governingBody ? { governingBody } : {}),
    issuingBody: settings.issuingBody ?? (header.issuingBody ? header.issuingBody.split('\n') : linesOf(issuerName)),
    place: settings.place ?? (header.place || placeOf(issuerName) || '……'),
    signer: header.signer,
    issuerName,
    authorityTitle: award.authority.ofIssuer ? `Chủ tịch ${issuerName}` : award.authority.title,
  };
}

const refuse = (message: string): DatedHeaderResult => ({ ok: false, message });

function deadBodies(governingBody: string | undefined, issuingBody: string | undefined): string[] {
  return [governingBody, issuingBody?.replace(/\n/g, ' ')].filter((v): v is string => Boolean(v)).map(canonicalKey);
}

/** A body's name as its header prints it: "Ủy ban nhân dân xã Bắc Sơn" → ["ỦY BAN NHÂN DÂN", "XÃ BẮC SƠN"]. */
export function linesOf(name: string): string[] {
  const committee = /^(ủy ban nhân dân|uỷ ban nhân dân)\s+(.+)$/iu.exec(name);
  return committee ? ['ỦY BAN NHÂN DÂN', committee[2]!.toLocaleUpperCase('vi')] : [name.toLocaleUpperCase('vi')];
}

/** The place of the date line (NĐ 30/2020: the administrative unit's name): "Ủy ban nhân dân xã Bắc Sơn" → "Bắc Sơn". */
export function placeOf(name: string): string | undefined {
  return /(?:^|\s)(?:xã|phường|đặc khu|thị trấn|huyện|tỉnh|thành phố)\s+(.+)$/iu.exec(name)?.[1];
}
