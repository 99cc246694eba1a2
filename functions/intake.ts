import type { HttpFunction } from '@google-cloud/functions-framework';
import { admit, fail, wrongMethod } from './runtime/http.js';
import { intakeAnswer, requestBody, submissionPayload } from './runtime/intake-answer.js';
import type { Runtime } from './runtime/runtime.js';

const FN = 'intake';

/**
 * `POST /intake`: one nomination (the contract's JSON) or one form response from the Apps Script trigger. Parsed,
 * appraised and stored once by responseId: 201 with its findings; 200 "already stored" for a repeated delivery (or
 * "updated" for an edited form response); 400 with findings naming each bad field, recorded in the rejections tab.
 */
export const intake =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    if (req.method !== 'POST') return wrongMethod(res, 'POST');
    const caller = await admit(rt, req, res, FN);
    if (!caller) return;
    try {
      const workbook = await rt.workbook();
      const payload = await submissionPayload(requestBody(req), workbook);
      const [outcome] = await workbook.store.intake([{ payload, source: `hàm intake (${caller.kind})` }], rt.now(), { edits: 'update' });
      const answer = intakeAnswer(outcome!);
      rt.log(answer.status === 400 ? 'NOTICE' : 'INFO', String(answer.body.message), {
        function: FN,
        campaign: workbook.store.campaign.id,
        responseId: answer.responseId,
        outcome: String(answer.body.outcome),
        findingCodes: outcome!.kind === 'duplicate' ? undefined : outcome!.findings.map((f) => `${f.code}@${f.field}`),
      });
      res.status(answer.status).json(answer.body);
    } catch (error) {
      fail(rt, res, FN, error);
    }
  };
