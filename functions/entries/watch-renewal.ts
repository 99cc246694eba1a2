/** The `watchRenewal` function alone, as deployed: bundled into dist/fn/watchRenewal.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { watchRenewal } from '../watch-renewal.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

http('watchRenewal', lazyHttp(watchRenewal));
