import type { HttpFunction } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { requireSettings } from '../shared/config.js';
import { ListVariant } from '../shared/exports/award-list-document.js';
import { exportAwardList } from '../shared/jobs/export-award-list.js';
import { contentDisposition } from './runtime/content-disposition.js';
import { admit, answerProblem, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'exportList';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Query = z.object({
  campaign: z.string().regex(/^[a-z0-9-]{1,100}$/, 'mã phong trào'),
  award: z.string().regex(/^[a-z0-9-]{1,100}$/, 'mã hình thức khen thưởng'),
  year: z.string().regex(/^\d{4}$/, 'năm có 4 chữ số').transform(Number).optional(),
  variant: z.enum(ListVariant, { message: `${ListVariant.join(' hoặc ')}` }).optional(),
});

/**
 * `GET /exportList?campaign=&award=&year=&variant=`: the award list as an .xlsx download, streamed as it is written,
 * for the council's listed emails only. 400 for a bad query, 404 for another campaign or an unknown award, 422 when
 * the list cannot be made (no nomination yet, settings typed wrong).
 */
export const exportList =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'GET') return wrongMethod(res, 'GET');
    if (!(await admit(rt, req, res, FN, 'council'))) return;
    const query = Query.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'Tham số không hợp lệ.', fields: query.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) });
    const { campaign, award: awardId, year, variant } = query.data;
    try {
      requireSettings(rt.config(), ['councilEmails'], FN);
      const { repo } = await rt.workbook();
      if (campaign !== repo.campaign.id) return void res.status(404).json({ error: `Sổ này không thuộc phong trào "${campaign}".` });
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
