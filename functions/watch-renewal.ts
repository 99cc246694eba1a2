import type { HttpFunction } from '@google-cloud/functions-framework';
import { requireSettings } from '../shared/config.js';
import { planWatches } from '../shared/forms/watch-plan.js';
import { admit, fail, wrongMethod } from './runtime/http.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'watchRenewal';

/**
 * `POST /watchRenewal` (Cloud Scheduler, daily): keeps one Forms API watch of the form's responses publishing to the
 * topic — renews it when under three days of its seven are left (or it is suspended), deletes expired ones and
 * re-creates one when none is alive. Answers what it did; 503 on a transient fault, so Scheduler tries again.
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
      const forms = await rt.forms();
      const plan = planWatches(await forms.listWatches(formId), topic, rt.now());
      for (const id of plan.remove) await forms.deleteWatch(formId, id);
      const renewed = [];
      for (const id of plan.renew) renewed.push(await forms.renewWatch(formId, id));
      const created = plan.create ? await forms.createWatch(formId, topic) : undefined;
      const result = { formId, kept: plan.keep, renewed: plan.renew, removed: plan.remove, created: created?.id ?? null, expires: [...renewed, ...(created ? [created] : [])].map((w) => w.expireTime ?? null) };
      rt.log('INFO', 'Đã kiểm tra theo dõi biểu mẫu', { function: FN, formId, kept: plan.keep.length, renewed: plan.renew.length, removed: plan.remove.length, created: Boolean(created) });
      res.status(200).json(result);
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
