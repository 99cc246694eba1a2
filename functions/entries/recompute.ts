/** The `recompute` function alone, as deployed: bundled into dist/fn/recompute.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { recompute } from '../recompute.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

http('recompute', lazyHttp(recompute));
