import type { HttpFunction } from '@google-cloud/functions-framework';
import { statusPageHtml } from '../shared/status/status-page-html.js';
import { statusView } from '../shared/status/status-view.js';
import type { Runtime } from './runtime/runtime.js';
import { admitLink, pageFailure, readDecisions, refuse, sendPage } from './status-door.js';

const FN = 'statusPage';

/**
 * `GET /status?t=<signed link>`: one nomination's status page for its unit — nominee, award, status and stage,
 * findings with what to do, points per criterion, next deadline. No login: the signed link is the key, and it opens
 * that nomination only. 403 for a tampered, expired or foreign link, 404 when the nomination is not in the workbook.
 */
export const statusPage =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    try {
      const claim = admitLink(rt, req, res, FN, 'status');
      if (!claim) return;
      const workbook = await rt.workbook();
      const read = await readDecisions(workbook, claim.campaign);
      const nomination = read?.nominations.find((n) => n.responseId === claim.responseId);
      const decision = read?.decisions.find((d) => d.responseId === claim.responseId);
      if (!read || !nomination || !decision) return refuse(rt, res, FN, 'not-found', 'unknown-nomination');
      const council = read.councilScores.filter((e) => e.responseId === claim.responseId);
      const view = statusView(workbook.repo.campaign, nomination, decision, council, rt.now(), claim.expiresAt);
      rt.log('INFO', 'Mở trang trạng thái hồ sơ', { function: FN, campaign: claim.campaign, responseId: claim.responseId, status: decision.status });
      sendPage(res, 200, statusPageHtml(view));
    } catch (error) {
      pageFailure(rt, res, FN, error);
    }
  };
