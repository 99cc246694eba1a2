import type { HttpFunction } from '@google-cloud/functions-framework';
import { doorOfBody, submissionFromBody } from '../shared/jobs/form-submission.js';
import { intake as intakeJob } from '../shared/jobs/intake.js';
import { admit, answerProblem, fail, wrongMethod } from './runtime/http.js';
import { intakeAnswer, requestBody } from './runtime/intake-answer.js';
import type { Runtime } from './runtime/runtime.js';
import { optionalStatusLinks } from './status-links.js';

const FN = 'intake';

/**
 * `POST /intake`: one nomination (the contract's JSON) or one form response from the Apps Script trigger. Parsed,
 * appraised and stored once by responseId: 201 with its findings; 200 "already stored" for a repeated delivery, with
 * the status link only when it is the stored submission itself; 200 "updated" for an edited form response — from the
 * Apps Script envelope only: the contract's JSON re-sending a stored responseId is a duplicate and changes nothing; 400 with findings naming each bad field, recorded in the rejections tab;
 * 413 for a body over 256 KB (read no further; recorded in the rejections tab for an admitted caller); 400 for a body
 * that is not JSON, echoing nothing; 500 for a form response before the form's questions
 * are recorded (the deployment is incomplete). A stored nomination's answer carries its signed `statusUrl` (and the nominee's name, for the receipt).
 */
export const intake =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'POST') return wrongMethod(res, 'POST');
    const caller = await admit(rt, req, res, FN);
    if (!caller) return;
    try {
      const { repo } = await rt.workbook();
      const body = requestBody(req);
      const submission = await submissionFromBody(repo, body);
      if (!submission.ok) return answerProblem(rt, res, FN, submission.problem);
      const { payload, edits } = submission.value;
      const door = doorOfBody(body);
      const [outcome] = await intakeJob(repo, [{ payload, source: `hàm intake (${caller.kind})` }], rt.now(), { edits, ...(door ? { door } : {}) });
      const answer = intakeAnswer(outcome!);
      // a duplicate's link only to the sender of that very submission (a retry), never to one merely naming its id
      const linked = answer.status !== 400 && answer.responseId && (outcome!.kind !== 'duplicate' || outcome!.resent);
      const links = linked ? optionalStatusLinks(rt, req, repo.campaign, FN) : undefined;
      const receipt = { ...(links ? { statusUrl: links.status(answer.responseId!) } : {}), ...(outcome!.kind === 'accepted' ? { nominee: outcome!.nomination.name } : {}) };
      rt.log(answer.status === 400 ? 'NOTICE' : 'INFO', String(answer.body.message), {
        function: FN,
        campaign: repo.campaign.id,
        responseId: answer.responseId,
        outcome: String(answer.body.outcome),
        // a field name can be a key the sender chose: clipped, so a hostile key cannot blow up the log line
        findingCodes: outcome!.kind === 'duplicate' ? undefined : outcome!.findings.map((f) => `${f.code}@${f.field}`.slice(0, 100)),
      });
      res.status(answer.status).json({ ...answer.body, ...receipt });
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
