import type { HttpFunction } from '@google-cloud/functions-framework';
import { NominationStatus } from '../shared/domain/vocabulary.js';
import { recompute as recomputeJob } from '../shared/jobs/recompute.js';
import { admit, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'recompute';

/**
 * `POST /recompute` (Cloud Scheduler, or on demand): statuses, ranks and quotas of every nomination into the workbook
 * and the results tab, in one read and one write; answers the count per status and the rows that could not be read.
 */
export const recompute =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'POST') return wrongMethod(res, 'POST');
    if (!(await admit(rt, req, res, FN))) return;
    try {
      const { repo } = await rt.workbook();
      const { decisions, problems } = await recomputeJob(repo, rt.now(), 'hàm recompute');
      const byStatus = Object.fromEntries(NominationStatus.map((s) => [s, decisions.filter((d) => d.status === s).length]).filter(([, n]) => n));
      rt.log(problems.length ? 'WARNING' : 'INFO', `Đã tính lại ${decisions.length} hồ sơ`, { function: FN, campaign: repo.campaign.id, nominations: decisions.length, unreadableRows: problems.length });
      res.status(200).json({ campaign: repo.campaign.id, nominations: decisions.length, byStatus, problems });
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
