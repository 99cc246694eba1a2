/**
 * No secret in the repository or the logs, and no personal data in the logs beyond what the council sees in its
 * sheet anyway (ids, codes, counts): a run through every door with a known secret and a nominee's birth date and
 * email, its structured log lines captured; and the files git would commit, searched for private keys.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { deadlineReport } from '../../functions/deadline-report.js';
import { exportList } from '../../functions/export-list.js';
import { formSync } from '../../functions/form-sync.js';
import { intake } from '../../functions/intake.js';
import { recompute } from '../../functions/recompute.js';
import { signBody } from '../../shared/auth/hmac-signature.js';
import { rawIndividual } from '../support/builders.js';
import { bearer, certsHandler, COUNCIL, env, idToken, newWorkbook, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { ROOT } from '../reliability/bundle.js';
import { startLocalServer } from '../support/local-server.js';

useMsw();
beforeEach(() => server.use(certsHandler()));

const NOW = new Date('2024-08-20T03:00:00Z');
const SECRET = 'khoa-bi-mat-cua-hoi-dong-KHONG-DUOC-LO-ra-4f7a9c';
const PERSON = { name: 'Hoàng Thị Riêng Tư', birthDate: '1975-03-14', email: 'rieng.tu.1975@example.vn', position: 'Bí thư chi bộ thôn Đông' };

describe('the logs', () => {
  test('carry no secret, token, name, birth date or email, whatever the doors did', async () => {
    const workbook = await newWorkbook();
    const rt = testRuntime(env(workbook, { THIDUA_HMAC_SECRET: SECRET }), () => NOW);
    const broken = testRuntime({ THIDUA_STORE: 'file', THIDUA_WORKBOOK: workbook, THIDUA_HMAC_SECRET: 'ngan-qua-nhung-van-la-bi-mat' }, () => NOW);
    const [urlIntake, urlRecompute, urlDeadlines, urlExport, urlSync, urlBroken] = await Promise.all([
      serveHttp(intake(rt)),
      serveHttp(recompute(rt)),
      serveHttp(deadlineReport(rt)),
      serveHttp(exportList(rt)),
      serveHttp(formSync(rt)),
      serveHttp(intake(broken)),
    ]);
    const signed = (body: string, secret = SECRET) => ({ 'content-type': 'application/json', 'x-thidua-signature': signBody(secret, body, NOW) });
    const post = (url: string, body: string, headers: Record<string, string>) => fetch(url, { method: 'POST', body, headers });
    const token = idToken();

    const good = JSON.stringify(rawIndividual({ responseId: 'log-1', ...PERSON }));
    const bad = JSON.stringify(rawIndividual({ responseId: 'log-2', ...PERSON, birthDate: `${PERSON.birthDate}T99`, email: `${PERSON.email}@@` }));
    const statuses = [
      (await post(urlIntake, good, signed(good))).status, // accepted
      (await post(urlIntake, good, { 'content-type': 'application/json', ...bearer(token) })).status, // repeated
      (await post(urlIntake, bad, signed(bad))).status, // rejected: bad date and email
      (await post(urlIntake, good, signed(good, `${SECRET}-sai`))).status, // bad signature
      (await post(urlIntake, good, { 'content-type': 'application/json', authorization: `Bearer ${token}x` })).status, // bad token
      (await post(urlRecompute, '{}', signed('{}'))).status,
      (await post(urlDeadlines, '{}', signed('{}'))).status,
      (await fetch(`${urlExport}/?campaign=van-ninh-dan-van-kheo&award=giay-khen-chu-tich-huyen&year=2024`, { headers: bearer(idToken({ email: COUNCIL })) })).status,
      (await post(urlSync, '{}', signed('{}'))).status, // no form recorded: a 500 with its reason in the log
      (await post(urlBroken, good, signed(good))).status, // bad configuration
    ];
    expect(statuses).toEqual([201, 200, 400, 401, 401, 200, 200, 200, 500, 500]);

    const logged = JSON.stringify([...rt.lines, ...broken.lines]);
    expect(rt.lines.length + broken.lines.length).toBeGreaterThanOrEqual(10);
    for (const forbidden of [SECRET, 'ngan-qua-nhung-van-la-bi-mat', token.slice(0, 40), 'eyJ', PERSON.name, PERSON.birthDate, '14/03/1975', PERSON.email, 'rieng.tu', PERSON.position, 'Nguyễn Văn']) {
      expect(logged, forbidden).not.toContain(forbidden);
    }
    // what they do carry: ids, outcomes, codes
    expect(logged).toContain('log-1');
    expect(logged).toContain('DATE_INVALID@birthDate');
    expect(logged).toContain('bad-signature');
  });
});

describe('the server process\'s own output', () => {
  test('npm start\'s stdout and stderr carry no name, birth date or email, whatever the bodies sent, malformed ones included', async () => {
    // GIVEN `npm start`'s real process (credentials relaxed for loopback, as on a developer's machine)
    const local = await startLocalServer(await newWorkbook());
    try {
      const url = `${local.base}/intake`;
      const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const good = JSON.stringify(rawIndividual({ responseId: 'out-1', ...PERSON }));
      const bodies = [
        good, // accepted
        JSON.stringify(rawIndividual({ responseId: 'out-2', ...PERSON, email: `${PERSON.email}@@` })), // rejected
        `${PERSON.name}, ${PERSON.email}, ${PERSON.birthDate}`, // not JSON
        good.slice(0, -30), // JSON cut short
        good.replace(`"${PERSON.email}"`, `'${PERSON.email}'`), // a stray quote next to the email
        JSON.stringify(rawIndividual({ responseId: 'out-3', ...PERSON, evidence: { 1: `${PERSON.name} `.repeat(20_000) } })), // over 256 KB
      ];
      // WHEN each is posted
      const answers = [];
      for (const body of bodies) {
        const res = await post(body);
        answers.push({ status: res.status, text: await res.text() });
      }
      // THEN each is answered in JSON, the malformed ones without echoing them
      expect(answers.map((a) => a.status)).toEqual([201, 400, 400, 400, 400, 413]);
      for (const { text } of answers.slice(2)) {
        expect(() => JSON.parse(text)).not.toThrow();
        for (const part of [PERSON.name.slice(0, 9), PERSON.email.slice(-10), PERSON.birthDate]) expect(text).not.toContain(part);
      }
    } finally {
      await local.stop();
    }
    // AND nothing the process wrote names the person: not the structured log, not the framework, not a stack trace
    const output = local.output();
    expect(output).toContain('thi-dua: các hàm đang chạy');
    for (const forbidden of [PERSON.name, PERSON.name.slice(0, 9), PERSON.birthDate, '14/03/1975', PERSON.email, 'rieng.tu', PERSON.email.slice(-10), PERSON.position]) {
      expect(output, forbidden).not.toContain(forbidden);
    }
    expect(output).not.toMatch(/SyntaxError|at JSON\.parse/);
  }, 120_000);
});

describe('the repository', () => {
  /** Files git tracks, and new files it would add (not ignored). */
  const files = (): string[] =>
    execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
      .toString('utf8')
      .split('\0')
      .filter(Boolean);

  const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
  const KEY_FILE_FIELD = /"private_key(_id)?"\s*:\s*"/;
  const SERVICE_ACCOUNT = /"type"\s*:\s*"service_account"/;
  const KEY_FILE_NAME = /\.(pem|p12|pfx|key|jks|keystore)$|(^|\/)(credentials|service-account|sa-key|client_secret)[^/]*\.json$|(^|\/)\.env(\.|$)/i;
  /** Test code generates its keys at run time (generateKeyPairSync) and names these patterns only to look for them. */
  const THIS_FILE = 'test/security/secrets.test.ts';

  test('holds no private key, service-account key file or .env file', () => {
    const listed = files();
    expect(listed.length).toBeGreaterThan(50);
    const offending: string[] = [];
    for (const file of listed) {
      if (file === THIS_FILE) continue;
      if (KEY_FILE_NAME.test(file)) offending.push(`${file}: a key or secrets file`);
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue; // listed but deleted in the working tree
      }
      if (PRIVATE_KEY.test(text)) offending.push(`${file}: a PEM private key`);
      if (KEY_FILE_FIELD.test(text)) offending.push(`${file}: a "private_key" field`);
      if (SERVICE_ACCOUNT.test(text)) offending.push(`${file}: a service-account key file`);
    }
    expect(offending).toEqual([]);
  });

  test('the search would find one (it is not blind)', () => {
    const pem = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');
    expect(PRIVATE_KEY.test(`x\n${pem}\nMIIE…`)).toBe(true);
    expect(KEY_FILE_FIELD.test(JSON.stringify({ private_key: 'x' }))).toBe(true);
    expect(KEY_FILE_NAME.test('secrets/thidua-sa-key.pem')).toBe(true);
    expect(KEY_FILE_NAME.test('.env')).toBe(true);
  });
});
