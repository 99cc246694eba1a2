/**
 * The command line's credentials, in the documented order (docs/google-sheets.md#credentials): impersonation first
 * (no key file needed, and gcloud's OAuth client is asked for the Cloud scope only), then GOOGLE_APPLICATION_CREDENTIALS,
 * then gcloud's ADC file, then the metadata server.
 */
import { describe, expect, test } from 'vitest';
import { chooseCredentials, describeCredentials, type CredentialEnvironment } from '../../shared/google/cli-credentials.js';
import { StoreError } from '../../shared/store/table-store.js';

const SA = 'thidua-functions@van-ninh-thi-dua.iam.gserviceaccount.com';
const KEY = JSON.stringify({ type: 'service_account', client_email: 'key-sa@van-ninh-thi-dua.iam.gserviceaccount.com', private_key: 'x' });
const IMPERSONATION_FILE = JSON.stringify({
  type: 'impersonated_service_account',
  service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${SA}:generateAccessToken`,
  source_credentials: { type: 'authorized_user' },
});
const OWN_CLIENT_LOGIN = JSON.stringify({ type: 'authorized_user', client_id: 'own-client', client_secret: 's', refresh_token: 'r' });
const ADC = '/home/thu-ky/.config/gcloud/application_default_credentials.json';

const world = (env: NodeJS.ProcessEnv, files: Record<string, string>): CredentialEnvironment => ({ env, home: '/home/thu-ky', read: async (path) => files[path] });

describe('the CLI picks its credentials in the documented order', () => {
  test.each([
    ['--impersonate wins over everything', { impersonate: SA }, { GOOGLE_APPLICATION_CREDENTIALS: '/k.json', THIDUA_IMPERSONATE_SERVICE_ACCOUNT: 'other@p.iam.gserviceaccount.com' }, { '/k.json': KEY, [ADC]: OWN_CLIENT_LOGIN }, { kind: 'impersonation', targetPrincipal: SA, from: '--impersonate' }, SA],
    ['THIDUA_IMPERSONATE_SERVICE_ACCOUNT comes before a key file', {}, { GOOGLE_APPLICATION_CREDENTIALS: '/k.json', THIDUA_IMPERSONATE_SERVICE_ACCOUNT: SA }, { '/k.json': KEY }, { kind: 'impersonation', from: 'THIDUA_IMPERSONATE_SERVICE_ACCOUNT' }, SA],
    ['then the file GOOGLE_APPLICATION_CREDENTIALS names (a key: its client_email)', {}, { GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, { '/k.json': KEY, [ADC]: OWN_CLIENT_LOGIN }, { kind: 'file', path: '/k.json', from: 'GOOGLE_APPLICATION_CREDENTIALS', type: 'service_account' }, 'key-sa@van-ninh-thi-dua.iam.gserviceaccount.com'],
    ["then gcloud's ADC file made with --impersonate-service-account (the target is the identity)", {}, {}, { [ADC]: IMPERSONATION_FILE }, { kind: 'file', path: ADC, from: 'gcloud', type: 'impersonated_service_account' }, SA],
    ["then gcloud's ADC file made with your own OAuth client (--client-id-file): a person, not known in advance", {}, {}, { [ADC]: OWN_CLIENT_LOGIN }, { kind: 'file', path: ADC, from: 'gcloud', type: 'authorized_user' }, undefined],
    ['CLOUDSDK_CONFIG moves the ADC file', {}, { CLOUDSDK_CONFIG: '/etc/gcloud' }, { '/etc/gcloud/application_default_credentials.json': IMPERSONATION_FILE }, { kind: 'file', from: 'gcloud' }, SA],
    ['last, the metadata server (the runtime in the cloud)', {}, {}, {}, { kind: 'metadata' }, undefined],
  ] as const)('%s', async (_name, options, env, files, choice, identity) => {
    const chosen = await chooseCredentials(options, world(env, files));
    expect(chosen.choice).toMatchObject(choice);
    expect(chosen.identity).toBe(identity);
    expect(describeCredentials(chosen)).toMatch(/^Xác thực: /);
  });

  test.each([
    ['a GOOGLE_APPLICATION_CREDENTIALS file that is not there', { GOOGLE_APPLICATION_CREDENTIALS: '/missing.json' }, {}, /Không tìm thấy tệp thông tin xác thực "\/missing.json"/],
    ['a file that is not JSON', { GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, { '/k.json': 'not json' }, /không phải JSON hợp lệ/],
    ['a file of an unknown kind', { GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, { '/k.json': '{"type":"api_key"}' }, /không đúng dạng/],
    ['an impersonation target that is no email', { THIDUA_IMPERSONATE_SERVICE_ACCOUNT: 'thidua-functions' }, {}, /không phải một địa chỉ email/],
  ] as const)('refuses %s with a Vietnamese message naming it', async (_name, env, files, message) => {
    const chosen = chooseCredentials({}, world(env, files));
    await expect(chosen).rejects.toBeInstanceOf(StoreError);
    await expect(chosen).rejects.toThrow(message);
  });
});
