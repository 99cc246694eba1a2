/**
 * Bodies before authentication: the Functions Framework reads a body before any door runs. It reads at most 256 KB of
 * it, hands a body it cannot read to the door instead of Express's error handler (which wrote it to stderr), and the
 * door answers in JSON after checking the credentials, echoing nothing (functions/runtime/framework-body.ts).
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { recompute } from '../../functions/recompute.js';
import { MAX_BODY_BYTES } from '../../functions/runtime/body-limit.js';
import { bearer, certsHandler, env, newWorkbook, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { rawIndividual } from '../support/builders.js';

useMsw();

const PERSON = { name: 'Hoàng Thị Riêng Tư', email: 'rieng.tu.1975@example.vn' };

async function doors() {
  server.use(certsHandler());
  const rt = testRuntime(env(await newWorkbook()));
  return { rt, intake: await serveHttp(intake(rt)), recompute: await serveHttp(recompute(rt)) };
}

const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** Writes to stderr while `run` runs (the framework's error handler logs there). */
async function stderrDuring<T>(run: () => Promise<T>): Promise<{ value: T; stderr: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: await run(), stderr };
  } finally {
    process.stderr.write = original;
  }
}

describe('a body the framework cannot parse', () => {
  test.each([
    ['not JSON at all', `${PERSON.name} ${PERSON.email}`],
    ['JSON cut short', JSON.stringify(rawIndividual(PERSON)).slice(0, -40)],
    ['JSON with a stray quote', `{"name":"${PERSON.name}","email":"${PERSON.email}",'x'}`],
  ])('(%s) without credentials: 401 in JSON, nothing on stderr, nothing echoed', async (_, body) => {
    const { intake: url } = await doors();
    const { value: res, stderr } = await stderrDuring(() => post(url, body));
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(JSON.parse(text)).toEqual({ error: 'Chưa xác thực.' });
    for (const part of [PERSON.name.slice(0, 9), 'example.vn', 'rieng']) {
      expect(stderr, part).not.toContain(part);
      expect(text, part).not.toContain(part);
    }
  });

  test('with credentials: 400 in JSON naming the problem, echoing nothing, logged without content', async () => {
    const { rt, intake: url, recompute: other } = await doors();
    for (const door of [url, other]) {
      const res = await post(door, `{"name":"${PERSON.name}",`, bearer());
      const text = await res.text();
      expect(res.status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ code: 'BODY_MALFORMED', error: expect.stringContaining('JSON') });
      expect(text).not.toContain(PERSON.name.slice(0, 9));
    }
    expect(JSON.stringify(rt.lines)).not.toContain(PERSON.name.slice(0, 9));
    expect(rt.lines.filter((l) => l.message === 'Từ chối yêu cầu có nội dung không đọc được')).toHaveLength(2);
  });
});

describe('a body over 256 KB', () => {
  test('is read no further and answered 413 in JSON before any credential is checked, when it cannot be a bearer request', async () => {
    const { rt, intake: url } = await doors();
    const body = JSON.stringify(rawIndividual({ ...PERSON, evidence: { 1: 'Minh chứng '.repeat(30_000) } }));
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);
    const res = await post(url, body);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ findings: [{ code: 'PAYLOAD_TOO_LARGE' }] });
    expect(rt.lines.find((l) => l.message === 'Từ chối hồ sơ quá lớn')).toMatchObject({ bytes: Buffer.byteLength(body), limit: MAX_BODY_BYTES });
  });

  test('the framework\'s body parsers are bounded at 256 KB, whatever limit the framework asks for', () => {
    const fromFramework = createRequire(createRequire(import.meta.url).resolve('@google-cloud/functions-framework'));
    const bodyParser = fromFramework('body-parser') as Record<symbol, unknown>;
    expect(bodyParser[Symbol.for('thidua.bounded-body-parser')]).toBe(true);
  });

  test('a body of 8 MB announced by its length is refused from its header: 413, not read into memory', async () => {
    const { intake: url } = await doors();
    const res = await post(url, new Uint8Array(8 * 1024 * 1024).fill(0x20), bearer());
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ findings: [{ code: 'PAYLOAD_TOO_LARGE' }] });
  });
});
