/** The `exportList` function alone, as deployed: bundled into dist/fn/exportList.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { exportList } from '../export-list.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

http('exportList', lazyHttp(exportList));
