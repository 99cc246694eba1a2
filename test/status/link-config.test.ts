import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../shared/config.js';

const base = { THIDUA_STORE: 'file', THIDUA_WORKBOOK: 'data/x.xlsx', THIDUA_HMAC_SECRET: 'h'.repeat(40) };

describe('status link configuration', () => {
  test('reads the link secret and the public address, without its trailing slash', () => {
    const parsed = parseConfig({ ...base, THIDUA_LINK_SECRET: 's'.repeat(40), THIDUA_PUBLIC_URL: 'https://status-pages-abc-as.a.run.app/' });
    expect(parsed.ok && parsed.config.links).toEqual({ secret: 's'.repeat(40), publicUrl: 'https://status-pages-abc-as.a.run.app' });
  });

  test('leaves links out when neither is set (npm start makes its own; the cloud doors say what is missing)', () => {
    const parsed = parseConfig(base);
    expect(parsed.ok && parsed.config.links).toBeUndefined();
  });

  test.each([
    ['a short secret', { THIDUA_LINK_SECRET: 'short' }, 'THIDUA_LINK_SECRET'],
    ['the request-signing secret reused for links', { THIDUA_LINK_SECRET: 'h'.repeat(40) }, 'THIDUA_LINK_SECRET: phải khác THIDUA_HMAC_SECRET'],
    ['plain http to another machine', { THIDUA_PUBLIC_URL: 'http://status.example.gov.vn' }, 'THIDUA_PUBLIC_URL'],
    ['an address with a query', { THIDUA_PUBLIC_URL: 'https://status.example.gov.vn/?x=1' }, 'THIDUA_PUBLIC_URL'],
    ['not an address', { THIDUA_PUBLIC_URL: 'trang trạng thái' }, 'THIDUA_PUBLIC_URL'],
  ])('names %s in the configuration error', (_, env, name) => {
    const parsed = parseConfig({ ...base, ...env });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(name);
  });

  test('plain http is fine on this machine', () => {
    expect(parseConfig({ ...base, THIDUA_PUBLIC_URL: 'http://127.0.0.1:8080' }).ok).toBe(true);
  });
});
