import type { HttpFunction } from '@google-cloud/functions-framework';
import { formatOfficialDate, vietnamDate } from '../shared/domain/dates.js';
import { signLink } from '../shared/status/status-link.js';
import { unitPageHtml } from '../shared/status/unit-page-html.js';
import { unitView } from '../shared/status/unit-view.js';
import type { Runtime } from './runtime/runtime.js';
import { admitLink, pageFailure, readDecisions, refuse, sendPage } from './status-door.js';
import { linkSecret } from './status-links.js';

const FN = 'unitPage';

/**
 * `GET /unit?t=<signed unit link>`: every nomination of one unit in the campaign with its stage and status, each
 * linking to its own status page (signed with the same expiry). The council sends these links from the units tab.
 * Other units' nominations are never listed.
 */
export const unitPage =
  (rt: Runtime): HttpFunction =>
  async (req, res) => {
    try {
      const claim = admitLink(rt, req, res, FN, 'unit');
      if (!claim) return;
      const workbook = await rt.workbook();
      const read = await readDecisions(workbook, claim.campaign);
      if (!read) return refuse(rt, res, FN, 'not-found', 'other-campaign');
      const secret = linkSecret(rt);
      // relative links: the page works under whatever address it was opened with
      const link = (responseId: string) => `status?t=${signLink(secret, { kind: 'status', campaign: claim.campaign, responseId, expiresAt: claim.expiresAt })}`;
      const expiresOn = formatOfficialDate(vietnamDate(new Date(claim.expiresAt.getTime() - 1)));
      const view = unitView(workbook.repo.campaign, claim.unit, read.nominations, read.decisions, link, rt.now(), expiresOn);
      rt.log('INFO', 'Mở trang hồ sơ của đơn vị', { function: FN, campaign: claim.campaign, nominations: view.rows.length });
      sendPage(res, 200, unitPageHtml(view));
    } catch (error) {
      pageFailure(rt, res, FN, error);
    }
  };
