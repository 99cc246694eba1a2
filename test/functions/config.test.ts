import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig, requireSettings } from '../../shared/config.js';

const google = { THIDUA_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOp', THIDUA_OIDC_AUDIENCES: 'https://x.run.app, 123.apps.googleusercontent.com', THIDUA_ALLOWED_CALLERS: 'Scheduler@p.iam.gserviceaccount.com' };

describe('configuration from the environment', () => {
  test('a deployed function on Google Sheets with identity tokens', () => {
    const parsed = parseConfig(google);
    expect(parsed.ok && parsed.config).toEqual({
      store: { kind: 'google', spreadsheetId: '1AbCdEfGhIjKlMnOp' },
      auth: { mode: 'required', audiences: ['https://x.run.app', '123.apps.googleusercontent.com'], allowedCallers: ['scheduler@p.iam.gserviceaccount.com'], councilEmails: [] },
      eventMaxAgeMs: 60 * 60_000,
    });
  });

  test('npm start on the embedded workbook with auth off on loopback', () => {
    const parsed = parseConfig({ THIDUA_STORE: 'file', THIDUA_WORKBOOK: 'data/x.xlsx', THIDUA_AUTH: 'off-local-only' });
    expect(parsed.ok && parsed.config.store).toEqual({ kind: 'file', workbook: 'data/x.xlsx' });
  });

  test.each([
    ['nothing at all (no silent default for the spreadsheet id)', {}, ['THIDUA_SPREADSHEET_ID', 'THIDUA_OIDC_AUDIENCES']],
    ['a file store without its workbook', { THIDUA_STORE: 'file', THIDUA_HMAC_SECRET: 'x'.repeat(32) }, ['THIDUA_WORKBOOK']],
    ['a blank spreadsheet id', { ...google, THIDUA_SPREADSHEET_ID: '   ' }, ['THIDUA_SPREADSHEET_ID']],
    ['audiences without allowed callers', { THIDUA_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOp', THIDUA_OIDC_AUDIENCES: 'a' }, ['THIDUA_ALLOWED_CALLERS']],
    ['auth off on Cloud Run', { THIDUA_STORE: 'file', THIDUA_WORKBOOK: 'x.xlsx', THIDUA_AUTH: 'off-local-only', K_SERVICE: 'intake' }, ['THIDUA_AUTH']],
    ['auth off against Google Sheets', { ...google, THIDUA_AUTH: 'off-local-only' }, ['THIDUA_AUTH']],
    [
      'several bad values at once',
      { ...google, THIDUA_STORE: 'sheets', THIDUA_HMAC_SECRET: 'short', THIDUA_COUNCIL_EMAILS: 'a@b.vn, not-an-email', THIDUA_PUBSUB_TOPIC: 'topic', THIDUA_EVENT_MAX_AGE_MINUTES: 'soon' },
      ['THIDUA_STORE', 'THIDUA_HMAC_SECRET', 'THIDUA_COUNCIL_EMAILS', 'THIDUA_PUBSUB_TOPIC', 'THIDUA_EVENT_MAX_AGE_MINUTES'],
    ],
  ])('names every bad variable in one message: %s', (_, env, names) => {
    const parsed = parseConfig(env as Record<string, string>);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBeInstanceOf(ConfigError);
    for (const name of names) expect(parsed.error.message).toContain(name);
  });

  test('never echoes a secret in its message', () => {
    const parsed = parseConfig({ ...google, THIDUA_HMAC_SECRET: 'tiny-secret' });
    expect(!parsed.ok && parsed.error.message).not.toContain('tiny-secret');
  });

  test('a function that needs the form id, the topic and the council list says which are missing', () => {
    const parsed = parseConfig(google);
    if (!parsed.ok) throw parsed.error;
    expect(() => requireSettings(parsed.config, ['formId', 'pubsubTopic', 'councilEmails'], 'watchRenewal')).toThrow(/THIDUA_FORM_ID[\s\S]*THIDUA_PUBSUB_TOPIC[\s\S]*THIDUA_COUNCIL_EMAILS/);
  });
});
