import { cloudEvent, http } from '@google-cloud/functions-framework';
import { deadlineReport } from './deadline-report.js';
import { exportList } from './export-list.js';
import { formSyncEvent } from './form-sync-event.js';
import { formSync } from './form-sync.js';
import { intake } from './intake.js';
import { recompute } from './recompute.js';
import { router } from './runtime/router.js';
import { createRuntime } from './runtime/runtime.js';
import { statusPage } from './status-page.js';
import { unitPage } from './unit-page.js';
import { watchRenewal } from './watch-renewal.js';

/**
 * Every function of thi-dua, registered with the Functions Framework. Each deployed function names its entry point
 * (`--entry-point=intake` …); `app` serves them all by path for `npm start`. Nothing is read or loaded here: the
 * config, the workbook and the Google clients come on the first request (see createRuntime).
 */
const rt = createRuntime();

export const doors = {
  '/intake': intake(rt),
  '/formSync': formSync(rt),
  '/recompute': recompute(rt),
  '/deadlineReport': deadlineReport(rt),
  '/exportList': exportList(rt),
  '/watchRenewal': watchRenewal(rt),
  '/status': statusPage(rt),
  '/unit': unitPage(rt),
};

http('intake', doors['/intake']);
http('formSync', doors['/formSync']);
http('recompute', doors['/recompute']);
http('deadlineReport', doors['/deadlineReport']);
http('exportList', doors['/exportList']);
http('watchRenewal', doors['/watchRenewal']);
cloudEvent('formSyncEvent', formSyncEvent(rt));
// The pages submitters and units open, deployed as one function at one public address (THIDUA_PUBLIC_URL):
// <url>/status?t=… for a nomination, <url>/unit?t=… for a unit.
http('statusPages', router({ '/status': doors['/status'], '/unit': doors['/unit'] }));
http('app', router(doors));
