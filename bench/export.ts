/**
 * Award-list export at scale: a styled proposal list of N individuals written with the streaming writer. Prints one
 * JSON line: time and peak RSS of this process (a fresh process per size, so sizes do not share a heap).
 * Usage: node dist-bench/bench/export.js <N> <file>
 */
import { parseDocumentSettings } from '../shared/exports/document-settings.js';
import { awardListDocument } from '../shared/exports/award-list-document.js';
import type { AwardListEntry } from '../shared/exports/award-list-content.js';
import { writeAwardListXlsx } from '../shared/exports/award-list-xlsx.js';
import { saveFile } from '../shared/cli/files.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import { person, prng } from './names.js';

const n = Number(process.argv[2] ?? 10_000);
const file = process.argv[3] ?? `/tmp/thidua-bench-${n}.xlsx`;
const campaign = loadCampaigns().get('van-ninh-dan-van-kheo')!;
const award = campaign.awards.find((a) => a.id === 'bang-khen-chu-tich-tinh')!;
const random = prng(7);
const entries: AwardListEntry[] = Array.from({ length: n }, (_, i) => {
  const p = person(random, i);
  return { name: p.name, positionAndUnit: `Chuyên viên, ${p.unit}`, total: 90 + Math.round(random() * 100) / 10, rank: i + 1, note: '' };
});
const content = { campaign, award, year: 2024, sections: [{ kind: 'individual' as const, entries }] };
const settings = parseDocumentSettings(new Map(), award.id);
if (!settings.ok) throw new Error(settings.problems.join('; '));
const start = performance.now();
const doc = awardListDocument(content, settings.settings, 'proposal');
await saveFile({ name: file, write: (out) => writeAwardListXlsx(content, doc, out) }, file);
const ms = performance.now() - start;
console.log(JSON.stringify({ bench: 'export', n, ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
