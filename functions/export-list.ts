import type { HttpFunction } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { requireSettings } from '../shared/config.js';
import { ListVariant } from '../shared/exports/award-list-document.js';
import { exportAwardList } from '../shared/jobs/export-award-list.js';
import { DossierDocument, exportDossier } from '../shared/jobs/export-dossier.js';
import { contentDisposition } from './runtime/content-disposition.js';
import { admit, answerProblem, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'exportList';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The Vietnamese name of each dossier document, for the downloaded file. */
const DOCUMENT_NAME: Record<DossierDocument, string> = { 'to-trinh': 'Tờ trình', 'bien-ban': 'Biên bản họp xét', 'quyet-dinh': 'Quyết định', 'bao-cao-thanh-tich': 'Báo cáo thành tích', 'danh-muc': 'Danh mục hồ sơ' };

const Query = z.object({
  campaign: z.string().regex(/^[a-z0-9-]{1,100}$/, 'mã phong trào'),
  award: z.string().regex(/^[a-z0-9-]{1,100}$/, 'mã hình thức khen thưởng'),
  year: z.string().regex(/^\d{4}$/, 'năm có 4 chữ số').transform(Number).optional(),
  variant: z.enum(ListVariant, { message: `${ListVariant.join(' hoặc ')}` }).optional(),
  /** A document of the council's dossier (.docx) instead of the list. */
  document: z.enum(DossierDocument, { message: DossierDocument.join(', ') }).optional(),
  /** The nominee whose achievement report is asked for (document=bao-cao-thanh-tich). */
  responseId: z.string().min(1).max(200).optional(),
}).refine((q) => q.document !== 'bao-cao-thanh-tich' || q.responseId !== undefined, { path: ['responseId'], message: 'cần mã hồ sơ (responseId) của tập thể, cá nhân' });

/**
 * `GET /exportList?campaign=&award=&year=&variant=`: the award list as an .xlsx download, streamed as it is written,
 * for the council's listed emails only. With `document=to-trinh|quyet-dinh|bao-cao-thanh-tich|danh-muc` (and
 * `responseId` for a report), that document of the council's dossier as a .docx instead (`bien-ban` needs the
 * secretary's minutes file: 422 here, use the CLI). 400 for a bad query, 404 for another campaign, an unknown award or
 * nominee, 422 when the document cannot be made (no nomination yet, settings typed wrong, a body that had ceased).
 */
export const exportList =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'GET') return wrongMethod(res, 'GET');
    if (!(await admit(rt, req, res, FN, 'council'))) return;
    const query = Query.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'Tham số không hợp lệ.', fields: query.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) });
    const { campaign, award: awardId, year, variant, document, responseId } = query.data;
    try {
      requireSettings(rt.config(), ['councilEmails'], FN);
      const { repo } = await rt.workbook();
      if (campaign !== repo.campaign.id) return void res.status(404).json({ error: `Sổ này không thuộc phong trào "${campaign}".` });
      if (document) {
        const dossier = await exportDossier(repo, { now: rt.now(), award: awardId, documents: [document], ...(year ? { year } : {}), ...(responseId ? { responseId } : {}) });
        if (!dossier.ok) return answerProblem(rt, res, FN, dossier.problem);
        const file = dossier.value.files[0]!;
        rt.log('INFO', 'Đã xuất văn bản hồ sơ', { function: FN, campaign, award: awardId, year: dossier.value.year, document });
        res.status(200).set({ 'Content-Type': DOCX, 'Content-Disposition': contentDisposition(`${DOCUMENT_NAME[document]} ${awardId} năm ${dossier.value.year}${responseId ? ` ${responseId}` : ''}.docx`), 'Cache-Control': 'no-store' });
        return void res.send(file.buffer);
      }
      const list = await exportAwardList(repo, awardId, { now: rt.now(), ...(year ? { year } : {}), ...(variant ? { variant } : {}) });
      if (!list.ok) return answerProblem(rt, res, FN, list.problem);
      const { award } = list.value;
      rt.log('INFO', 'Đã xuất danh sách khen thưởng', { function: FN, campaign, award: award.id, year: list.value.year, variant });
      res.status(200).set({ 'Content-Type': XLSX, 'Content-Disposition': contentDisposition(`Danh sách ${award.name}${year ? ` năm ${year}` : ''}.xlsx`), 'Cache-Control': 'no-store' });
      await list.value.write(res);
    } catch (error) {
      fail(rt, res, FN, error, { campaign, award: awardId });
    }
  };
