/** The `intake` function alone, as deployed: bundled into dist/fn/intake.js (scripts/bundle-functions.mjs). */
import { http } from '@google-cloud/functions-framework';
import { intake } from '../intake.js';
import { lazyHttp } from './register.js';

export { configure, tokenAuth } from './register.js';

http('intake', lazyHttp(intake));
