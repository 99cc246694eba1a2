/**
 * Drafts each seed plan (test/fixtures/plans/, the plans the templates name in `plan.seed`) and compares the draft
 * field by field with its hand-made template (sheets-templates/campaigns/): per seed, precision (fields filled
 * correctly ÷ fields filled) and recall (fields filled correctly ÷ fields in the template). `npm run draft:accuracy`;
 * `-- --details` lists every compared field. Figures are deterministic: the same text gives the same draft.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftCampaign } from '../shared/plan-draft/extract.js';
import { scoreDraft, type DraftScore } from '../shared/plan-draft/accuracy.js';
import { readPlanText } from '../shared/plan-files/read-plan.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';

/** The repository root: the nearest folder above this file that holds package.json (source or compiled). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above scripts/draft-accuracy');
    dir = up;
  }
  return dir;
}

export interface SeedAccuracy extends DraftScore {
  campaign: string;
  seed: string;
  warnings: string[];
}

/** Drafts every seed plan a template names and scores it against that template. */
export async function measureSeeds(root = repositoryRoot()): Promise<SeedAccuracy[]> {
  const campaigns = loadCampaigns(join(root, 'sheets-templates', 'campaigns'));
  const results: SeedAccuracy[] = [];
  for (const campaign of [...campaigns.values()].sort((a, b) => (a.plan.seed ?? '').localeCompare(b.plan.seed ?? ''))) {
    if (!campaign.plan.seed) continue;
    const draft = draftCampaign(await readPlanText(resolve(root, 'test', 'fixtures', 'plans', campaign.plan.seed)));
    results.push({ campaign: campaign.id, seed: campaign.plan.seed, warnings: draft.warnings, ...scoreDraft(draft, campaign) });
  }
  return results;
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The table printed and copied into docs/campaigns.md. */
export function accuracyTable(results: SeedAccuracy[]): string {
  const rows = results.map((r) => `| ${r.campaign} | ${r.seed} | ${r.filled} | ${r.correct} | ${r.inTemplate} | ${percent(r.precision)} | ${percent(r.recall)} |`);
  const sum = (k: 'filled' | 'correct' | 'inTemplate') => results.reduce((s, r) => s + r[k], 0);
  const [filled, correct, inTemplate] = [sum('filled'), sum('correct'), sum('inTemplate')];
  return [
    '| Phong trào | Kế hoạch | Trường điền | Điền đúng | Trường trong mẫu | Precision | Recall |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    `| **Cả bốn** | | ${filled} | ${correct} | ${inTemplate} | ${percent(filled ? correct / filled : 1)} | ${percent(inTemplate ? correct / inTemplate : 1)} |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const details = process.argv.includes('--details');
  const results = await measureSeeds();
  process.stdout.write(`${accuracyTable(results)}\n\nMục tiêu: precision ≥ 95 %, recall ≥ 70 %.\n`);
  for (const r of results) {
    const wrong = r.verdicts.filter((v) => v.verdict === 'wrong');
    if (wrong.length > 0 || details) process.stdout.write(`\n${r.campaign}: ${wrong.length} trường điền sai\n`);
    for (const v of details ? r.verdicts : wrong) {
      process.stdout.write(`  [${v.verdict === 'correct' ? 'đúng' : v.verdict === 'wrong' ? 'SAI' : 'thiếu'}] ${v.field}: bản nháp ${JSON.stringify(v.draft) ?? '—'} / mẫu ${JSON.stringify(v.template) ?? '—'}\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}
