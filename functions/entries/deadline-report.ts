/** The `deadlineReport` function alone, as deployed: bundled into dist/fn/deadlineReport.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { deadlineReport } from '../deadline-report.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

http('deadlineReport', lazyHttp(deadlineReport));
