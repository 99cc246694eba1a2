/**
 * One import into the datasets' bucket, measured in a fresh process: N new quiz rows appended onto the object the
 * fake Cloud Storage holds (the whole stored log streamed through once, as an import does). Prints time and peak RSS.
 * Usage: node dist-bench/bench/dataset-import.js <apiRoot> <bucket> <prefix> <rows>
 */
import { OAuth2Client } from 'google-auth-library';
import { GcsDatasetStore } from '../shared/google/storage/gcs-datasets.js';
import { datasetRows } from '../shared/store/codecs/datasets.js';
import { layoutsFor } from '../shared/store/layouts.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';

const [rootUrl, bucket, prefix, n] = process.argv.slice(2) as [string, string, string, string];
const campaign = loadCampaigns().get('bac-son-quiz-2024')!;
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
const store = new GcsDatasetStore({ bucket, prefix, auth, rootUrl });
const rows = datasetRows({ id: 'quiz-log', rows: Array.from({ length: Number(n) }, (_, i) => ({ account: `NEW-${i}`, ownerName: `Người mới ${i}`, district: 'Bắc Sơn', week: 1 + (i % 5), result: 'Được công nhận' })) });
const started = performance.now();
const result = await store.append(layoutsFor(campaign).get('quizLog')!, rows);
const ms = performance.now() - started;
console.log(JSON.stringify({ bench: 'dataset-import', ...result, ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
