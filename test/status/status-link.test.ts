import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { linkExpiry, signLink, verifyLink, type LinkClaim } from '../../shared/status/status-link.js';

const SECRET = 'a-link-secret-of-at-least-32-characters!!';
const now = new Date('2024-08-20T03:00:00Z');
const expiresAt = new Date('2027-09-30T17:00:00Z');
const status: LinkClaim = { kind: 'status', campaign: 'van-ninh-dan-van-kheo', responseId: '2_ABaOnudAbc', expiresAt };
const unit: LinkClaim = { kind: 'unit', campaign: 'van-ninh-dan-van-kheo', unit: 'UBND xã Vạn Thắng', expiresAt };

/** Flips one character of a base64url string to another valid one. */
const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

describe('status links: signed, unguessable, for one thing only', () => {
  test('a signed status link verifies back to the same nomination and campaign, and signing twice gives the same link', () => {
    const token = signLink(SECRET, status);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(signLink(SECRET, status)).toBe(token);
    expect(verifyLink(SECRET, token, 'status', now)).toEqual({ ok: true, claim: status });
  });

  test('a unit link carries the unit name in Vietnamese and verifies as a unit link', () => {
    expect(verifyLink(SECRET, signLink(SECRET, unit), 'unit', now)).toEqual({ ok: true, claim: unit });
  });

  test.each([
    ['one character of the payload changed', (t: string) => flip(t, 5), 'mismatch'],
    ['one character of the signature changed', (t: string) => flip(t, t.length - 3), 'mismatch'],
    ['the payload of another nomination with this signature', (t: string) => `${signLink(SECRET, { ...status, responseId: 'other' }).split('.')[0]}.${t.split('.')[1]}`, 'mismatch'],
    ['the signature cut short', (t: string) => t.slice(0, -2), 'malformed'],
    ['no signature', (t: string) => t.split('.')[0]!, 'malformed'],
    ['a third part', (t: string) => `${t}.x`, 'malformed'],
    ['characters outside base64url', (t: string) => t.replace(/.$/, '='), 'malformed'],
    ['empty', () => '', 'malformed'],
    ['absurdly long', (t: string) => t + 'A'.repeat(5000), 'malformed'],
  ])('refuses a link with %s (%s)', (_, tamper, reason) => {
    expect(verifyLink(SECRET, tamper(signLink(SECRET, status)), 'status', now)).toEqual({ ok: false, reason });
  });

  test('refuses a link signed with another secret', () => {
    expect(verifyLink(SECRET, signLink(`${SECRET}-old`, status), 'status', now)).toEqual({ ok: false, reason: 'mismatch' });
  });

  test('refuses a unit link on the status page and a status link on the unit page', () => {
    expect(verifyLink(SECRET, signLink(SECRET, unit), 'status', now)).toEqual({ ok: false, reason: 'wrong-kind' });
    expect(verifyLink(SECRET, signLink(SECRET, status), 'unit', now)).toEqual({ ok: false, reason: 'wrong-kind' });
  });

  test('refuses a link from the second it expires', () => {
    const token = signLink(SECRET, status);
    expect(verifyLink(SECRET, token, 'status', new Date(expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(verifyLink(SECRET, token, 'status', expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  test.each([[undefined], [['a', 'b']], [42], [{ t: 'x' }]])('refuses a query value that is not one string (%j)', (value) => {
    expect(verifyLink(SECRET, value, 'status', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('a validly signed payload of the wrong shape is still refused', () => {
    // what an old or foreign signer might have produced with the same secret
    const payload = Buffer.from(JSON.stringify([1, 'status', 'van-ninh-dan-van-kheo'])).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`thidua-link.${payload}`).digest('base64url');
    expect(verifyLink(SECRET, `${payload}.${sig}`, 'status', now)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('when links expire', () => {
  test.each([
    ['a running campaign: a year after its term ends (00:00 Vietnam time)', '2026-09-30', '2024-08-20T03:00:00Z', '2027-09-30T17:00:00.000Z'],
    ['a campaign over for more than a year: 30 days from now', '2020-12-31', '2024-08-20T03:00:00Z', '2024-09-19T03:00:00.000Z'],
  ])('%s', (_, termTo, at, expected) => {
    expect(linkExpiry(termTo, new Date(at)).toISOString()).toBe(expected);
  });

  test('the same nomination gets the same link on another day of a running campaign', () => {
    const a = signLink(SECRET, { ...status, expiresAt: linkExpiry('2026-09-30', new Date('2024-08-20T03:00:00Z')) });
    const b = signLink(SECRET, { ...status, expiresAt: linkExpiry('2026-09-30', new Date('2025-03-01T03:00:00Z')) });
    expect(a).toBe(b);
  });
});
