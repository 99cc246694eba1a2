/**
 * The Sheets, Forms and Cloud Storage fakes behind a real HTTP server on loopback, so benchmark child processes talk to them through
 * the real googleapis clients (rootUrl) with no network and no msw in the measured process. Also serves the public key
 * of a locally generated RSA pair where identity tokens are verified, and signs tokens with it.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { getResponse } from 'msw';
import { FakeForms } from '../test/fakes/forms-fake.js';
import { FakeStorage } from '../test/fakes/gcs-fake.js';
import { FakeSheets } from '../test/fakes/sheets-fake.js';

export interface GoogleFakeServer {
  url: string;
  certsUrl: string;
  sheets: FakeSheets;
  forms: FakeForms;
  storage: FakeStorage;
  idToken(claims: { email: string; aud: string }): string;
  close(): Promise<void>;
}

export async function startGoogleFakeServer(options: { writesPerMinute?: number; now?: () => number } = {}): Promise<GoogleFakeServer> {
  const sheets = new FakeSheets({ seed: 5, ...options });
  const forms = new FakeForms();
  const storage = new FakeStorage();
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'bench-key';
  const handlers = [...sheets.handlers, ...forms.handlers, ...storage.handlers];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '/';
      if (path.startsWith('/certs')) {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
        res.end(JSON.stringify({ [kid]: keys.publicKey.export({ type: 'spki', format: 'pem' }) }));
        return;
      }
      const host = path.startsWith('/v1/forms') ? 'https://forms.googleapis.com' : /^\/(upload\/)?storage\/v1\//.test(path) ? 'https://storage.googleapis.com' : 'https://sheets.googleapis.com';
      const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length')) as Record<string, string>;
      const response = await getResponse(handlers, new Request(host + path, { method: req.method, headers, body }));
      if (!response || response.type === 'error') {
        res.destroy();
        return;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return {
    url,
    certsUrl: `${url}certs`,
    sheets,
    forms,
    storage,
    idToken({ email, aud }) {
      const now = Math.floor(Date.now() / 1000);
      const head = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ iss: 'https://accounts.google.com', aud, sub: '1', email, email_verified: true, iat: now, exp: now + 3600 })}`;
      return `${head}.${createSign('RSA-SHA256').update(head).sign(keys.privateKey).toString('base64url')}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
