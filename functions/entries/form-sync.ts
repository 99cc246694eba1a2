/** The `formSync` function alone, as deployed: bundled into dist/fn/formSync.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { formSync } from '../form-sync.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

http('formSync', lazyHttp(formSync));
