import type { HttpFunction } from '@google-cloud/functions-framework';
import { requireSettings } from '../shared/config.js';
import { renewWatches } from '../shared/jobs/renew-watches.js';
import { admit, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'watchRenewal';

/**
 * `POST /watchRenewal` (Cloud Scheduler, daily): keeps one Forms API watch of the form's responses publishing to the
 * topic (the renewWatches job) — renews it when under three days of its seven are left (or it is suspended), deletes
 * expired ones, replaces a suspended one Google will not renew, and creates one when none is alive. Answers what it
 * did; 503 on a transient fault, so Scheduler tries again.
 */
export const watchRenewal =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'POST') return wrongMethod(res, 'POST');
    if (!(await admit(rt, req, res, FN))) return;
    try {
      const config = rt.config();
      requireSettings(config, ['formId', 'pubsubTopic'], FN);
      const [formId, topic] = [config.formId!, config.pubsubTopic!];
      const result = await renewWatches(await rt.forms(), formId, topic, rt.now());
      rt.log(result.replaced.length ? 'WARNING' : 'INFO', result.replaced.length ? 'Đã xóa và tạo lại theo dõi biểu mẫu bị tạm ngưng' : 'Đã kiểm tra theo dõi biểu mẫu', {
        function: FN,
        formId,
        kept: result.kept.length,
        renewed: result.renewed.length,
        removed: result.removed.length,
        replaced: result.replaced.length,
        created: result.created !== null,
      });
      res.status(200).json(result);
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
