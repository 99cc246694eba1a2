/** The `statusPages` function alone, as deployed: bundled into dist/fn/statusPages.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { router } from '../runtime/router.js';
import { statusPage } from '../status-page.js';
import { unitPage } from '../unit-page.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

// <url>/status?t=… for a nomination, <url>/unit?t=… for a unit, at one public address (THIDUA_PUBLIC_URL)
http('statusPages', lazyHttp((rt) => router({ '/status': statusPage(rt), '/unit': unitPage(rt) })));
