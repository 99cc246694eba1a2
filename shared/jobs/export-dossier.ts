import { reportFormOn } from '../domain/achievement-report-form.js';
import { findAward, type Award } from '../domain/campaign.js';
import { vietnamDate } from '../domain/dates.js';
import type { Decision } from '../domain/decide.js';
import { completeMinutes, type MeetingMinutesInput } from '../domain/meeting-minutes-input.js';
import type { MeetingMinutes } from '../domain/meeting-minutes.js';
import type { Nomination } from '../domain/nomination.js';
import { awardListContent, yearsOf } from '../exports/award-list-content.js';
import { awardListDocument } from '../exports/award-list-document.js';
import { datedHeader, linesOf, type DatedHeader } from '../exports/dated-header.js';
import { parseDocumentSettings } from '../exports/document-settings.js';
import { levelChecklist, type LevelChecklist } from '../exports/dossier-content.js';
import { baoCaoThanhTichDocument, bienBanDocument, checklistDocument, quyetDinhDocument, toTrinhDocument, type AwardDossier } from '../exports/dossier-docx.js';
import { toBuffer } from '../exports/nd30-docx.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { done, problem, type JobResult } from './problem.js';
import { ENGINE_PARTS, evaluateSnapshot } from './read-decisions.js';

/** The documents of the dossier. */
export const DossierDocument = ['to-trinh', 'bien-ban', 'quyet-dinh', 'bao-cao-thanh-tich', 'danh-muc'] as const;
export type DossierDocument = (typeof DossierDocument)[number];

/** One .docx of the dossier: a path relative to the dossier's folder, and its bytes. */
export interface DossierFile {
  document: DossierDocument;
  /** "to-trinh-giay-khen-chu-tich-huyen-2024.docx", "bao-cao-thanh-tich/giay-khen-chu-tich-huyen-2024/01-le-van-an.docx". */
  name: string;
  award?: string;
  responseId?: string;
  buffer: Buffer;
}

export interface Dossier {
  year: number;
  files: DossierFile[];
  /** Awards left out, with the reason (no nominee proposed; the body had ceased on the document's date). */
  skipped: Array<{ award: string; message: string }>;
  checklist: LevelChecklist[];
}

export interface DossierOptions {
  /** Today: the documents' date when the council has not set "Ngày ký". */
  now: Date;
  year?: number;
  /** One award only; otherwise every award with nominees proposed in the year. */
  award?: string;
  /** The minutes of the council's meeting, as the secretary gave them (the file of `--bien-ban`). */
  minutes?: MeetingMinutesInput;
  /** Only these documents (the HTTP door asks for one); default all. */
  documents?: readonly DossierDocument[];
  /** Only this nominee's achievement report. */
  responseId?: string;
}

/** A file name without diacritics: "Lê Văn An" → "le-van-an". */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'ho-so';
}

/**
 * The council's dossier for a year as Word documents, from one read of the campaign (nothing written back): per award
 * with nominees proposed, the Tờ trình and the Quyết định (each with its list) and every nominee's Báo cáo thành tích;
 * the Biên bản họp xét when the minutes are given; and the checklist of the template's dossier documents. Numbers,
 * dates and signers are the award list's ("Cài đặt"); an award whose body had ceased on the document's date is refused
 * as its list is (BODY_CEASED when it was asked for alone, else left out and said why).
 */
export async function exportDossier(repo: CampaignRepository, options: DossierOptions): Promise<JobResult<Dossier>> {
  const campaign = repo.campaign;
  const wanted = (d: DossierDocument) => !options.documents || options.documents.includes(d);
  let awards: Award[] = campaign.awards;
  if (options.award) {
    const award = findAward(campaign, options.award);
    if (!award) return problem('UNKNOWN_AWARD', `Phong trào không có hình thức khen thưởng "${options.award}". Các mã có: ${campaign.awards.map((a) => a.id).join(', ')}.`);
    awards = [award];
  }
  const snap = await repo.read([...ENGINE_PARTS, 'settings']);
  const { decisions, nominations, indexed } = evaluateSnapshot(repo, snap);
  const byId = new Map(nominations.map((n) => [n.responseId, n]));
  const proposed = (d: Decision) => d.status === 'proposed' || d.status === 'awarded';
  const year = options.year ?? awards.flatMap((a) => yearsOf(a, decisions.filter(proposed))).sort((a, b) => b - a)[0];
  if (year === undefined) return problem('EMPTY_LIST', `Chưa có tập thể, cá nhân nào được đề nghị ${awards.length === 1 ? `"${awards[0]!.name}"` : 'khen thưởng'}: chưa lập được hồ sơ.`);

  let minutes: MeetingMinutes | undefined;
  if (options.minutes) {
    const awardName = (n: Nomination) => findAward(campaign, n.award)?.name ?? n.award;
    const completed = completeMinutes(options.minutes, (id) => {
      const n = byId.get(id);
      return n ? { nominee: n.name, unit: n.unit, award: awardName(n) } : undefined;
    });
    if (!completed.ok) return problem('BAD_FILE', completed.problems.join('\n'));
    minutes = completed.minutes;
  } else if (options.documents?.length === 1 && options.documents[0] === 'bien-ban') {
    return problem('NO_MINUTES', 'Biên bản họp xét được lập từ biên bản Hội đồng ghi: thư ký ghi tệp biên bản (JSON) rồi chạy "thidua dossier <phong trào> --bien-ban <tệp>".');
  }

  const files: DossierFile[] = [];
  const skipped: Dossier['skipped'] = [];
  const checklist: LevelChecklist[] = [];
  const headers: Array<{ award: Award; header: DatedHeader; settings: AwardDossier['settings'] }> = [];
  const minutesFile = `bien-ban-hop-xet-${year}.docx`;
  let found = false;
  for (const award of awards) {
    const settings = parseDocumentSettings(snap.settings, award.id);
    if (!settings.ok) return problem('BAD_SETTINGS', `Trang tính "Cài đặt" có giá trị không hợp lệ:\n${settings.problems.join('\n')}`);
    const content = awardListContent(campaign, award, year, decisions, byId, indexed.awardHistory);
    if (!content.sections.length) {
      skipped.push({ award: award.id, message: `Chưa có tập thể, cá nhân nào được đề nghị "${award.name}" năm ${year}.` });
      continue;
    }
    const isoDate = settings.settings.signedOn ?? vietnamDate(options.now);
    const dated = datedHeader(campaign, award, settings.settings, isoDate);
    if (!dated.ok) {
      if (options.award) return problem('BODY_CEASED', dated.message);
      skipped.push({ award: award.id, message: dated.message });
      continue;
    }
    found = true;
    headers.push({ award, header: dated.header, settings: settings.settings });
    const dossier: AwardDossier = {
      content,
      proposal: awardListDocument(content, settings.settings, 'proposal', dated.header),
      decision: awardListDocument(content, settings.settings, 'decision', dated.header),
      header: dated.header,
      settings: settings.settings,
      isoDate,
    };
    const folder = `bao-cao-thanh-tich/${award.id}-${year}`;
    const listed = content.sections.flatMap((s) => s.entries.map((e) => e.name));
    const nominees = decisions
      .filter((d) => d.award === award.id && d.year === year && proposed(d))
      .map((d) => byId.get(d.responseId)!)
      .sort((a, b) => listed.indexOf(a.name) - listed.indexOf(b.name));
    const reportName = (id: string) => `${folder}/${String(nominees.findIndex((n) => n.responseId === id) + 1).padStart(2, '0')}-${slug(byId.get(id)?.name ?? id)}.docx`;
    const toTrinhName = `to-trinh-${award.id}-${year}.docx`;
    if (wanted('to-trinh')) files.push({ document: 'to-trinh', name: toTrinhName, award: award.id, buffer: await toBuffer(toTrinhDocument(dossier)) });
    if (wanted('quyet-dinh')) files.push({ document: 'quyet-dinh', name: `quyet-dinh-${award.id}-${year}.docx`, award: award.id, buffer: await toBuffer(quyetDinhDocument(dossier)) });
    if (wanted('bao-cao-thanh-tich')) {
      for (const n of nominees) {
        if (options.responseId && n.responseId !== options.responseId) continue;
        const form = reportFormOn(campaign, award.mode, n.kind, vietnamDate(n.submittedAt));
        files.push({ document: 'bao-cao-thanh-tich', name: reportName(n.responseId), award: award.id, responseId: n.responseId, buffer: await toBuffer(baoCaoThanhTichDocument(content, dated.header, n, form, indexed.awardHistory)) });
      }
    }
    checklist.push(levelChecklist(content, byId, decisions, minutes, indexed.awardHistory, { toTrinh: toTrinhName, ...(minutes ? { minutes: minutesFile } : {}), report: reportName }));
  }
  if (!found) return problem(skipped.some((s) => !s.message.startsWith('Chưa có')) ? 'BODY_CEASED' : 'EMPTY_LIST', skipped.map((s) => s.message).join('\n'));
  if (options.responseId && wanted('bao-cao-thanh-tich') && !files.some((f) => f.responseId === options.responseId))
    return problem('UNKNOWN_NOMINATION', `Không có hồ sơ "${options.responseId}" trong danh sách đề nghị năm ${year}.`);

  if (minutes && wanted('bien-ban')) {
    // the council's body on the day of the meeting: the first award whose body existed then
    const meetingDay = vietnamDate(minutes.meetingAt);
    const onMeetingDay = councilFirst(campaign.issuer.name, headers).map((h) => datedHeader(campaign, h.award, h.settings, meetingDay)).find((r) => r.ok);
    if (!onMeetingDay?.ok) return problem('BODY_CEASED', `Biên bản họp xét ghi ngày ${meetingDay}: không cơ quan nào của các hình thức khen thưởng còn tồn tại vào ngày đó.`);
    files.push({ document: 'bien-ban', name: minutesFile, buffer: await toBuffer(bienBanDocument(campaign, onMeetingDay.header, minutes)) });
  }
  if (wanted('danh-muc')) {
    const first = councilFirst(campaign.issuer.name, headers)[0]!;
    files.push({ document: 'danh-muc', name: `danh-muc-ho-so-${year}.docx`, buffer: await toBuffer(checklistDocument(campaign, first.header, year, checklist, first.settings.signedOn ?? vietnamDate(options.now))) });
  }
  return done({ year, files, skipped, checklist });
}

/**
 * The awards' headers, the council's own body first: the one that prints the campaign issuer's name as its issuing
 * body, then any body named in full, then those with a blank to fill in (a commune the template cannot name).
 */
function councilFirst<T extends { header: DatedHeader }>(issuer: string, headers: readonly T[]): T[] {
  const own = linesOf(issuer).join(' ');
  const rank = (h: T) => (h.header.issuingBody.join(' ') === own ? 0 : h.header.issuingBody.some((l) => l.includes('…')) ? 2 : 1);
  return [...headers].sort((a, b) => rank(a) - rank(b));
}
