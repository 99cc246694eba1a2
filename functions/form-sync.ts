import type { HttpFunction } from '@google-cloud/functions-framework';
import { runFormSync, syncFields } from './runtime/form-sync-job.js';
import { admit, answerProblem, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'formSync';

/**
 * `POST /formSync` (Cloud Scheduler, catch-up): takes in every form response submitted or edited since the stored
 * watermark — what a missed notification or a failed Apps Script post left behind — and answers the counts.
 * A transient Google fault answers 503, so Scheduler tries again; running twice stores nothing twice.
 */
export const formSync =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'POST') return wrongMethod(res, 'POST');
    if (!(await admit(rt, req, res, FN))) return;
    try {
      const synced = await runFormSync(rt);
      if (!synced.ok) return answerProblem(rt, res, FN, synced.problem);
      const report = synced.value;
      rt.log('INFO', `Đồng bộ biểu mẫu: ${report.listed} câu trả lời, ${report.accepted} tiếp nhận, ${report.updated} cập nhật`, { function: FN, ...syncFields(report) });
      res.status(200).json(report);
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
