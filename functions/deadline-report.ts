import type { HttpFunction } from '@google-cloud/functions-framework';
import { reportDeadlines } from '../shared/jobs/report-deadlines.js';
import { admit, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';
import { optionalStatusLinks } from './status-links.js';

const FN = 'deadlineReport';

/**
 * `POST /deadlineReport` (Cloud Scheduler, daily): which units of the roster have not submitted or registered as each
 * deadline approaches or passes, written into the "Đơn vị và hạn nộp" tab with each unit's status link; answers the
 * counts per deadline.
 */
export const deadlineReport =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'POST') return wrongMethod(res, 'POST');
    if (!(await admit(rt, req, res, FN))) return;
    try {
      const { repo } = await rt.workbook();
      const links = optionalStatusLinks(rt, req, repo.campaign, FN);
      const report = await reportDeadlines(repo, rt.now(), links?.unit);
      const overdue = Object.values(report.deadlines).reduce((n, d) => n + d.overdue, 0);
      rt.log(report.problems.length ? 'WARNING' : 'INFO', `Báo cáo hạn nộp: ${report.units} đơn vị, ${overdue} lượt quá hạn`, { function: FN, campaign: report.campaign, units: report.units, overdue, unreadableRows: report.problems.length });
      res.status(200).json(report);
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
