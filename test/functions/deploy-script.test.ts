import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VARS = { PROJECT: 'van-ninh-thi-dua', REGION: 'asia-southeast1', SPREADSHEET_ID: '1AbCdEfGhIjKlMnOp', FORM_ID: '1FormIdXyz123', COUNCIL_EMAILS: 'chu-tich@vanninh.gov.vn' };

/** scripts/deploy.sh with DRY_RUN=1: the gcloud commands it would run, one per line. */
function dryRun(extra: Record<string, string> = {}, without: string[] = []) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DRY_RUN: '1', ...VARS, ...extra };
  for (const name of without) delete env[name];
  const result = spawnSync('bash', ['scripts/deploy.sh'], { cwd: ROOT, env, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, lines: result.stdout.split('\n'), stderr: result.stderr };
}

describe('scripts/deploy.sh (dry run)', () => {
  test('deploys every function to Cloud Run functions gen 2 on nodejs24, in the region and project given, by entry point', () => {
    const { status, lines } = dryRun();
    expect(status).toBe(0);
    const deploys = lines.filter((l) => l.startsWith('gcloud functions deploy'));
    expect(deploys.map((l) => /--entry-point=(\w+)/.exec(l)?.[1])).toEqual(['statusPages', 'intake', 'formSync', 'recompute', 'deadlineReport', 'exportList', 'watchRenewal', 'formSyncEvent']);
    for (const l of deploys) for (const flag of ['--gen2', '--runtime=nodejs24', '--region=asia-southeast1', '--project=van-ninh-thi-dua', '--source=.']) expect(l).toContain(flag);
    expect(deploys.at(-1)).toContain('--trigger-topic=thidua-forms --retry');
  });

  test('creates the topic, lets Forms publish to it, and schedules the jobs with OIDC tokens', () => {
    const { lines } = dryRun();
    expect(lines).toContain('gcloud pubsub topics create thidua-forms --project=van-ninh-thi-dua ');
    expect(lines.some((l) => l.includes('add-iam-policy-binding thidua-forms') && l.includes('forms-notifications@system.gserviceaccount.com') && l.includes('roles/pubsub.publisher'))).toBe(true);
    const jobs = lines.filter((l) => l.startsWith('gcloud scheduler jobs create http'));
    expect(jobs.map((l) => l.split(' ')[5])).toEqual(['thidua-form-sync', 'thidua-recompute', 'thidua-deadline-report', 'thidua-watch-renewal']);
    for (const l of jobs) expect(l).toContain('--oidc-service-account-email=thidua-invoker@van-ninh-thi-dua.iam.gserviceaccount.com');
  });

  test.each(['PROJECT', 'REGION', 'SPREADSHEET_ID', 'FORM_ID', 'COUNCIL_EMAILS'])('stops before doing anything when %s is missing, naming it', (name) => {
    const { status, lines, stderr } = dryRun({}, [name]);
    expect(status).not.toBe(0);
    expect(stderr).toContain(name);
    expect(lines.filter((l) => l.startsWith('gcloud'))).toEqual([]);
  });
});
