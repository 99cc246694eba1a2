/**
 * `scripts/deploy.sh --dry-run` prints every command it would run; this checks the plan for a sample configuration:
 * everything a working installation needs, idempotent, and never erasing a variable set earlier on a function.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const SAMPLE = {
  PROJECT: 'van-ninh-thi-dua',
  REGION: 'asia-southeast1',
  SPREADSHEET_ID: '1AbCdefghijklmnop',
  FORM_ID: '1FAIpQLSabcdefgh',
  COUNCIL_EMAILS: 'chu-tich@vanninh.gov.vn,thu-ky@vanninh.gov.vn',
  APPS_SCRIPT_AUDIENCE: '1234-abc.apps.googleusercontent.com',
  APPS_SCRIPT_EMAIL: 'thu-ky@vanninh.gov.vn',
  PROJECT_NUMBER: '123456789012',
};
const SA = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';

/** The dry-run's commands, each split into its words (the script prints them shell-quoted). */
function plan(extra: Record<string, string> = {}): { commands: string[][]; checks: string[]; output: string } {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...SAMPLE, ...extra };
  const output = execFileSync('bash', ['scripts/deploy.sh', '--dry-run'], { env, encoding: 'utf8' });
  const lines = output.split('\n');
  const commandLines = lines.filter((l) => /^(gcloud|npm) /.test(l));
  const words = execFileSync('bash', ['-c', 'while IFS= read -r line; do eval "a=($line)"; printf "%s\\x1f" "${a[@]}"; printf "\\n"; done'], { input: commandLines.join('\n') + '\n', encoding: 'utf8' });
  const commands = words.trim().split('\n').map((l) => l.split('\x1f').filter((w) => w !== ''));
  return { commands, checks: lines.filter((l) => l.startsWith('# check: ')), output };
}

const flag = (command: string[], name: string) => command.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1);
/** `--update-env-vars=^;^A=1;B=x,y` as a map. */
const envVars = (command: string[]) => new Map((flag(command, '--update-env-vars') ?? '').replace(/^\^;\^/, '').split(';').map((kv) => kv.split('=', 2) as [string, string]));

describe('the deploy plan (scripts/deploy.sh --dry-run)', () => {
  const { commands, checks, output } = plan();
  const deploys = commands.filter((c) => c[1] === 'functions' && c[2] === 'deploy');

  test('prints every command: each line between the section titles is a gcloud or npm command, or a check', () => {
    const body = output.split('\n== done')[0]!.split('\n').filter((l) => l !== '' && !l.startsWith('== '));
    expect(body.every((l) => /^(gcloud|npm) /.test(l) || l.startsWith('# check: '))).toBe(true);
    expect(commands.length).toBeGreaterThan(20);
  });

  test('deploys every function on nodejs24, the status pages included, as the functions\' service account', () => {
    expect(deploys.map((c) => [c[3], flag(c, '--entry-point')])).toEqual([
      ['status-pages', 'statusPages'],
      ['intake', 'intake'],
      ['form-sync', 'formSync'],
      ['recompute', 'recompute'],
      ['deadline-report', 'deadlineReport'],
      ['export-list', 'exportList'],
      ['watch-renewal', 'watchRenewal'],
      ['form-sync-event', 'formSyncEvent'],
    ]);
    for (const c of deploys) {
      expect(c).toEqual(expect.arrayContaining(['--gen2', '--runtime=nodejs24', `--service-account=${SA}`]));
    }
  });

  test('never replaces a function\'s variables: merges them, and keeps secrets in Secret Manager', () => {
    expect(output).not.toMatch(/--env-vars-file|--set-env-vars|--clear-env-vars|--remove-env-vars|--set-secrets|--clear-secrets/);
    for (const c of deploys) {
      expect(flag(c, '--update-secrets')).toBe('THIDUA_LINK_SECRET=thidua-link-secret:latest');
      const vars = envVars(c);
      expect(vars.get('THIDUA_STORE')).toBe('google');
      expect(vars.get('THIDUA_SERVICE_ACCOUNT')).toBe(SA);
      expect(vars.get('THIDUA_OIDC_AUDIENCES')).toBe('thidua-scheduler-van-ninh-thi-dua,1234-abc.apps.googleusercontent.com');
      expect([...vars.keys()].some((k) => /SECRET/.test(k))).toBe(false);
    }
    expect(envVars(deploys[1]!).get('THIDUA_PUBLIC_URL')).toBe('https://status-pages-van-ninh-thi-dua.asia-southeast1.run.app');
    expect(commands).toContainEqual(['gcloud', 'run', 'services', 'update', 'status-pages', '--region=asia-southeast1', '--project=van-ninh-thi-dua', '--update-env-vars=THIDUA_PUBLIC_URL=https://status-pages-van-ninh-thi-dua.asia-southeast1.run.app']);
    expect(commands.filter((c) => c[1] === 'secrets' && c[2] === 'create')).toEqual([['gcloud', 'secrets', 'create', 'thidua-link-secret', '--project=van-ninh-thi-dua', '--replication-policy=automatic']]);
    expect(commands).toContainEqual(expect.arrayContaining(['secrets', 'add-iam-policy-binding', 'thidua-link-secret', `--member=serviceAccount:${SA}`, '--role=roles/secretmanager.secretAccessor']));
  });

  test('creates what it needs only when missing: service accounts, topic, secret, Scheduler jobs are checked first', () => {
    expect(checks.map((l) => l.slice('# check: '.length, l.indexOf(' describe') + ' describe'.length))).toEqual([
      'gcloud iam service-accounts describe',
      'gcloud iam service-accounts describe',
      'gcloud pubsub topics describe',
      'gcloud storage buckets describe',
      'gcloud secrets describe',
      'gcloud scheduler jobs describe',
      'gcloud scheduler jobs describe',
      'gcloud scheduler jobs describe',
      'gcloud scheduler jobs describe',
    ]);
  });

  test('the topic, its grant to Forms, the Cloud Build account, the Scheduler jobs', () => {
    expect(commands).toContainEqual(['gcloud', 'pubsub', 'topics', 'create', 'thidua-forms', '--project=van-ninh-thi-dua']);
    expect(commands).toContainEqual(expect.arrayContaining(['topics', 'add-iam-policy-binding', 'thidua-forms', '--member=serviceAccount:forms-notifications@system.gserviceaccount.com', '--role=roles/pubsub.publisher']));
    expect(commands).toContainEqual(expect.arrayContaining(['projects', 'add-iam-policy-binding', '--member=serviceAccount:123456789012-compute@developer.gserviceaccount.com', '--role=roles/cloudbuild.builds.builder']));
    const jobs = commands.filter((c) => c[1] === 'scheduler');
    expect(jobs.map((c) => [c[5], flag(c, '--uri'), flag(c, '--oidc-token-audience')])).toEqual([
      ['thidua-form-sync', 'https://form-sync-van-ninh-thi-dua.asia-southeast1.run.app', 'thidua-scheduler-van-ninh-thi-dua'],
      ['thidua-recompute', 'https://recompute-van-ninh-thi-dua.asia-southeast1.run.app', 'thidua-scheduler-van-ninh-thi-dua'],
      ['thidua-deadline-report', 'https://deadline-report-van-ninh-thi-dua.asia-southeast1.run.app', 'thidua-scheduler-van-ninh-thi-dua'],
      ['thidua-watch-renewal', 'https://watch-renewal-van-ninh-thi-dua.asia-southeast1.run.app', 'thidua-scheduler-van-ninh-thi-dua'],
    ]);
  });

  test('an HMAC secret is read from Secret Manager too', () => {
    const withHmac = plan({ HMAC_SECRET_NAME: 'thidua-hmac' }).commands.filter((c) => c[2] === 'deploy');
    expect(withHmac.every((c) => flag(c, '--update-secrets') === 'THIDUA_LINK_SECRET=thidua-link-secret:latest,THIDUA_HMAC_SECRET=thidua-hmac:latest')).toBe(true);
  });

  test('a missing setting stops it before any command, naming the variable', () => {
    const { PROJECT: _, ...rest } = SAMPLE;
    const result = spawnSync('bash', ['scripts/deploy.sh', '--dry-run'], { env: { PATH: process.env.PATH ?? '', ...rest }, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('PROJECT: mã dự án Google Cloud');
  });
});
