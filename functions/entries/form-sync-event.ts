/** The `formSyncEvent` function alone, as deployed: bundled into dist/fn/formSyncEvent.js (scripts/bundle-functions.mjs). */
import { cloudEvent } from '@google-cloud/functions-framework';
import { formSyncEvent } from '../form-sync-event.js';
import { lazyEvent } from './register.js';

export { configure, tokenAuth } from './register.js';

cloudEvent('formSyncEvent', lazyEvent(formSyncEvent));
