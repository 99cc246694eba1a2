/**
 * An in-memory fake of the Cloud Storage JSON API v1 (the part thi-dua uses), served through msw so the real
 * `@googleapis/storage` client is exercised end to end. As strict as Google where it matters to us:
 *
 * - every request needs `Authorization: Bearer …` (401 otherwise, with Google's error body);
 * - an unknown bucket or object is 404 (`notFound`), with the reason Google gives;
 * - `ifGenerationMatch` (0 = "must not exist") and `ifMetagenerationMatch` on reads and uploads: 412
 *   `conditionNotMet` when not met; `generation` pins a read to one version (404 once it is gone);
 * - uploads as the client sends them: `uploadType=multipart` (multipart/related: JSON metadata, then the media) and
 *   `uploadType=media`; `uploadType=resumable` sessions (POST, then PUT of chunks with Content-Range, 308 until done);
 *   anything else is 400; the name in the metadata must match the query's; an object over `maxObjectBytes` is 413;
 * - every new version gets a new generation; metadata carries `size`, `generation`, `metageneration` as strings
 *   and `md5Hash` in base64, as Google sends them.
 *
 * ```ts
 * const gcs = new FakeStorage();
 * gcs.createBucket('thidua-datasets');
 * const server = setupServer(...gcs.handlers);
 * ```
 */
import { createHash } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';

export interface FakeStorageOptions {
  /** API root (default `https://storage.googleapis.com`). */
  baseUrl?: string;
  /** Largest object accepted (default 5 TiB, Google's limit). */
  maxObjectBytes?: number;
}

export interface StoredObject {
  name: string;
  bucket: string;
  data: Buffer;
  generation: number;
  metageneration: number;
  contentType: string;
  updated: string;
}

interface ResumableSession {
  bucket: string;
  name: string;
  contentType: string;
  ifGenerationMatch: number | undefined;
  chunks: Buffer[];
  received: number;
}

export type StorageMethod = 'objects.get' | 'objects.media' | 'objects.insert' | 'objects.delete' | 'objects.resumable';

const REASONS: Record<number, string> = { 400: 'invalid', 401: 'required', 404: 'notFound', 412: 'conditionNotMet', 413: 'uploadTooLarge', 503: 'backendError' };

function gcsError(code: number, message: string): Response {
  return HttpResponse.json({ error: { code, message, errors: [{ message, domain: 'global', reason: REASONS[code] ?? 'unknown' }] } }, { status: code });
}

export class FakeStorage {
  readonly handlers: HttpHandler[];
  /** Calls received, by method (reset with `resetCounts`). */
  readonly counts: Record<StorageMethod, number> = { 'objects.get': 0, 'objects.media': 0, 'objects.insert': 0, 'objects.delete': 0, 'objects.resumable': 0 };
  /** Bytes sent in media downloads. */
  bytesServed = 0;
  private readonly buckets = new Map<string, Map<string, StoredObject>>();
  private readonly sessions = new Map<string, ResumableSession>();
  private nextGeneration = 1_700_000_000_000_000;
  private readonly maxObjectBytes: number;
  /** Statuses to answer the next requests with, instead of serving them (e.g. 503 once). */
  private readonly faults: Array<{ method: StorageMethod | '*'; status: number }> = [];
  /** Runs once before the next upload is applied: a test writes the object meanwhile (a concurrent import). */
  private beforeNextUpload: (() => void) | undefined;

  constructor(options: FakeStorageOptions = {}) {
    const base = (options.baseUrl ?? 'https://storage.googleapis.com').replace(/\/+$/, '');
    this.maxObjectBytes = options.maxObjectBytes ?? 5 * 2 ** 40;
    this.handlers = [
      http.get(`${base}/storage/v1/b/:bucket/o/:object`, ({ request, params }) => this.serve(request, () => this.get(request, String(params.bucket), String(params.object)))),
      http.delete(`${base}/storage/v1/b/:bucket/o/:object`, ({ request, params }) => this.serve(request, () => this.remove(request, String(params.bucket), String(params.object)))),
      http.post(`${base}/upload/storage/v1/b/:bucket/o`, ({ request, params }) => this.serve(request, () => this.upload(request, String(params.bucket)))),
      http.put(`${base}/upload/storage/v1/b/:bucket/o`, ({ request, params }) => this.serve(request, () => this.resumableChunk(request, String(params.bucket)))),
    ];
  }

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map());
  }

  /** The stored object, or undefined. */
  object(bucket: string, name: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.get(name);
  }

  /** Writes an object directly (a test's fixture, or a concurrent writer), as a new generation. */
  putObject(bucket: string, name: string, data: Buffer | string, contentType = 'application/octet-stream'): StoredObject {
    const objects = this.buckets.get(bucket);
    if (!objects) throw new Error(`no bucket ${bucket}`);
    const previous = objects.get(name);
    const stored: StoredObject = { name, bucket, data: Buffer.isBuffer(data) ? data : Buffer.from(data), generation: this.nextGeneration++, metageneration: 1, contentType, updated: new Date().toISOString() };
    void previous;
    objects.set(name, stored);
    return stored;
  }

  /** The next request of `method` (or any) is answered `status` without being served. */
  failNext(status: number, method: StorageMethod | '*' = '*'): void {
    this.faults.push({ method, status });
  }

  /** Runs `write` just before the next upload is applied, as another process writing the same object would. */
  interleaveBeforeNextUpload(write: () => void): void {
    this.beforeNextUpload = write;
  }

  resetCounts(): void {
    for (const k of Object.keys(this.counts) as StorageMethod[]) this.counts[k] = 0;
    this.bytesServed = 0;
  }

  private async serve(request: Request, handle: () => Promise<Response> | Response): Promise<Response> {
    if (!/^Bearer \S+/.test(request.headers.get('authorization') ?? '')) {
      return gcsError(401, 'Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object. Permission \'storage.objects.get\' denied on resource (or it may not exist).');
    }
    return handle();
  }

  private fault(method: StorageMethod): Response | undefined {
    this.counts[method] += 1;
    const i = this.faults.findIndex((f) => f.method === '*' || f.method === method);
    if (i < 0) return undefined;
    const [f] = this.faults.splice(i, 1);
    return gcsError(f!.status, f!.status === 503 ? 'We encountered an internal error. Please try again.' : 'Injected fault.');
  }

  private bucket(name: string): Map<string, StoredObject> | Response {
    return this.buckets.get(name) ?? gcsError(404, 'The specified bucket does not exist.');
  }

  private metadata(o: StoredObject): Record<string, unknown> {
    return {
      kind: 'storage#object',
      id: `${o.bucket}/${o.name}/${o.generation}`,
      name: o.name,
      bucket: o.bucket,
      generation: String(o.generation),
      metageneration: String(o.metageneration),
      contentType: o.contentType,
      size: String(o.data.length),
      md5Hash: createHash('md5').update(o.data).digest('base64'),
      updated: o.updated,
    };
  }

  /** A generation number from the query: absent, or a non-negative integer (400 otherwise). */
  private static number(url: URL, name: string): number | undefined | Response {
    const raw = url.searchParams.get(name);
    if (raw === null) return undefined;
    if (!/^\d+$/.test(raw)) return gcsError(400, `Invalid argument for ${name}: "${raw}"`);
    return Number(raw);
  }

  /** 412 unless the object's generation/metageneration match the preconditions (0: the object must not exist). */
  private static preconditions(url: URL, current: StoredObject | undefined): Response | undefined {
    for (const [name, value] of [['ifGenerationMatch', current?.generation ?? 0], ['ifMetagenerationMatch', current?.metageneration ?? 0]] as const) {
      const want = FakeStorage.number(url, name);
      if (want instanceof Response) return want;
      if (want !== undefined && want !== value) return gcsError(412, 'At least one of the pre-conditions you specified did not hold.');
    }
    return undefined;
  }

  private get(request: Request, bucketName: string, objectName: string): Response {
    const url = new URL(request.url);
    const media = url.searchParams.get('alt') === 'media';
    const faulted = this.fault(media ? 'objects.media' : 'objects.get');
    if (faulted) return faulted;
    const objects = this.bucket(bucketName);
    if (objects instanceof Response) return objects;
    const name = decodeURIComponent(objectName);
    const current = objects.get(name);
    const generation = FakeStorage.number(url, 'generation');
    if (generation instanceof Response) return generation;
    if (!current || (generation !== undefined && generation !== current.generation)) return gcsError(404, `No such object: ${bucketName}/${name}`);
    const refused = FakeStorage.preconditions(url, current);
    if (refused) return refused;
    if (!media) return HttpResponse.json(this.metadata(current));
    this.bytesServed += current.data.length;
    return new HttpResponse(current.data, {
      status: 200,
      headers: { 'content-type': current.contentType, 'content-length': String(current.data.length), 'x-goog-generation': String(current.generation), 'x-goog-stored-content-length': String(current.data.length) },
    });
  }

  private remove(request: Request, bucketName: string, objectName: string): Response {
    const faulted = this.fault('objects.delete');
    if (faulted) return faulted;
    const objects = this.bucket(bucketName);
    if (objects instanceof Response) return objects;
    const name = decodeURIComponent(objectName);
    const current = objects.get(name);
    if (!current) return gcsError(404, `No such object: ${bucketName}/${name}`);
    const refused = FakeStorage.preconditions(new URL(request.url), current);
    if (refused) return refused;
    objects.delete(name);
    return new HttpResponse(null, { status: 204 });
  }

  private async upload(request: Request, bucketName: string): Promise<Response> {
    const url = new URL(request.url);
    const uploadType = url.searchParams.get('uploadType');
    const faulted = this.fault(uploadType === 'resumable' ? 'objects.resumable' : 'objects.insert');
    if (faulted) return faulted;
    const objects = this.bucket(bucketName);
    if (objects instanceof Response) return objects;
    let body: Buffer;
    try {
      body = Buffer.from(await request.arrayBuffer());
    } catch {
      // the client gave up mid-body (aborted): an upload that did not finish stores nothing
      return gcsError(400, 'The upload was cut off before its end; nothing was stored.');
    }
    let name = url.searchParams.get('name') ?? undefined;
    let contentType = request.headers.get('content-type') ?? 'application/octet-stream';
    let data: Buffer;
    if (uploadType === 'multipart') {
      const parts = multipartParts(body, contentType);
      if (!parts || parts.length !== 2) return gcsError(400, 'Metadata part is too large or the multipart body is malformed.');
      let meta: { name?: unknown; contentType?: unknown };
      try {
        meta = JSON.parse(parts[0]!.body.toString('utf8')) as typeof meta;
      } catch {
        return gcsError(400, 'Invalid JSON in the metadata part.');
      }
      if (typeof meta.name === 'string') {
        if (name !== undefined && name !== meta.name) return gcsError(400, 'The object name in the metadata does not match the name in the query.');
        name = meta.name;
      }
      contentType = typeof meta.contentType === 'string' ? meta.contentType : (parts[1]!.contentType ?? 'application/octet-stream');
      data = parts[1]!.body;
    } else if (uploadType === 'media') {
      data = body;
    } else if (uploadType === 'resumable') {
      if (!name) {
        try {
          const meta = JSON.parse(body.toString('utf8') || '{}') as { name?: unknown };
          if (typeof meta.name === 'string') name = meta.name;
        } catch {
          return gcsError(400, 'Invalid JSON in the metadata.');
        }
      }
      if (!name) return gcsError(400, 'Required: object name.');
      const refused = FakeStorage.preconditions(url, objects.get(name));
      if (refused) return refused;
      const ifGenerationMatch = FakeStorage.number(url, 'ifGenerationMatch');
      const id = `s${this.sessions.size + 1}-${Date.now()}`;
      this.sessions.set(id, { bucket: bucketName, name, contentType: request.headers.get('x-upload-content-type') ?? 'application/octet-stream', ifGenerationMatch: typeof ifGenerationMatch === 'number' ? ifGenerationMatch : undefined, chunks: [], received: 0 });
      const location = new URL(url.href);
      location.search = `uploadType=resumable&upload_id=${id}`;
      return new HttpResponse(null, { status: 200, headers: { location: location.href } });
    } else {
      return gcsError(400, `Invalid upload type: ${uploadType ?? '(none)'}`);
    }
    if (!name) return gcsError(400, 'Required: object name.');
    return this.commit(objects, url, bucketName, name, contentType, data);
  }

  private commit(objects: Map<string, StoredObject>, url: URL, bucket: string, name: string, contentType: string, data: Buffer): Response {
    if (data.length > this.maxObjectBytes) return gcsError(413, `The object is ${data.length} bytes, over the limit of ${this.maxObjectBytes}.`);
    const interleave = this.beforeNextUpload;
    this.beforeNextUpload = undefined;
    interleave?.();
    const refused = FakeStorage.preconditions(url, objects.get(name));
    if (refused) return refused;
    const stored: StoredObject = { name, bucket, data, generation: this.nextGeneration++, metageneration: 1, contentType, updated: new Date().toISOString() };
    objects.set(name, stored);
    return HttpResponse.json(this.metadata(stored));
  }

  private async resumableChunk(request: Request, bucketName: string): Promise<Response> {
    const url = new URL(request.url);
    const id = url.searchParams.get('upload_id') ?? '';
    const session = this.sessions.get(id);
    if (!session || session.bucket !== bucketName) return gcsError(404, 'No such upload session.');
    const chunk = Buffer.from(await request.arrayBuffer());
    // Content-Range: bytes <first>-<last>/<total|*>, or bytes */<total> to ask where the upload stands
    const range = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(request.headers.get('content-range') ?? '');
    if (!range) return gcsError(400, 'Content-Range is missing or malformed.');
    if (range[1] !== undefined) {
      if (Number(range[1]) !== session.received || Number(range[2]) - Number(range[1]) + 1 !== chunk.length) return gcsError(400, 'Content-Range does not follow the bytes already received.');
      session.chunks.push(chunk);
      session.received += chunk.length;
    }
    if (range[3] === '*' || Number(range[3]) > session.received) {
      return new HttpResponse(null, { status: 308, headers: session.received ? { range: `bytes=0-${session.received - 1}` } : {} });
    }
    this.sessions.delete(id);
    const objects = this.bucket(bucketName);
    if (objects instanceof Response) return objects;
    const conditions = new URL(url.href);
    if (session.ifGenerationMatch !== undefined) conditions.searchParams.set('ifGenerationMatch', String(session.ifGenerationMatch));
    return this.commit(objects, conditions, bucketName, session.name, session.contentType, Buffer.concat(session.chunks));
  }
}

/** The parts of a multipart/related body: each part's content type and bytes; undefined when malformed. */
function multipartParts(body: Buffer, contentType: string): Array<{ contentType: string | undefined; body: Buffer }> | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\/related/i.test(contentType) || !boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ contentType: string | undefined; body: Buffer }> = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return undefined;
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return undefined;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    let content = part.subarray(headerEnd + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    parts.push({ contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(), body: content });
    at = next;
  }
}
