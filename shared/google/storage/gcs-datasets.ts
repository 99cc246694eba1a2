import { Readable } from 'node:stream';
import { storage_v1 } from '@googleapis/storage';
import { callGoogle, callSettings, type CallOptions, type CallSettings, type RequestOptions } from '../call.js';
import { faultOf, fromTokenEndpoint, googleMessage } from '../fault.js';
import { isMissingCredentials, MISSING_CREDENTIALS_MESSAGE } from '../messages.js';
import { decideRetry, isTransient, type CallFault } from '../retry.js';
import type { DatasetStore, DatasetVersion } from '../../store/dataset-store.js';
import type { TabLayout } from '../../store/layouts.js';
import { StoreError, type Cell, type Row } from '../../store/table-store.js';
import { rowKey } from '../../store/codecs/rows.js';

/** Anything `@googleapis/storage` accepts as credentials (ADC, an OAuth2Client holding a token…). */
export type StorageAuth = NonNullable<storage_v1.Options['auth']>;

export interface GcsDatasetStoreOptions extends CallOptions {
  /** The bucket holding the datasets (THIDUA_DATASET_BUCKET). */
  bucket: string;
  /** Where in the bucket this council's datasets are: `datasets/<spreadsheet id>/` by default. */
  prefix: string;
  auth: StorageAuth;
  /** Where the API is served (default Google's): a fake in tests and benchmarks. */
  rootUrl?: string;
  /** Timeout of one download or upload of a whole dataset (default 10 minutes). */
  transferTimeoutMs?: number;
}

/** First line of every dataset object: what it holds, and the order of the cells on each following line. */
interface Header {
  thidua: 'dataset';
  tab: string;
  columns: string[];
}

const CONTENT_TYPE = 'application/x-ndjson';
const NEWLINE = 0x0a;

/**
 * The datasets in Cloud Storage, one JSON Lines object per dataset (`<prefix><tab id>.jsonl`): a header line naming
 * the columns, then one JSON array of cells per record, in the tab's codec. Reads stream the object (pinned to one
 * generation, so a job's two passes see the same rows) and parse it line by line: memory does not grow with the
 * log. An import rewrites the object in one streaming pass — the stored lines copied through, the new rows after
 * them — as one upload conditional on the generation it read (`ifGenerationMatch`): a concurrent import makes Google
 * refuse it with 412, and the pass is run again on top of the other (decision 010).
 */
export class GcsDatasetStore implements DatasetStore {
  private readonly api: storage_v1.Storage;
  private readonly settings: CallSettings;
  private readonly transferTimeoutMs: number;
  private readonly apiHost: string;

  constructor(private readonly options: GcsDatasetStoreOptions) {
    this.api = new storage_v1.Storage({ auth: options.auth, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) });
    this.settings = callSettings(options);
    this.transferTimeoutMs = options.transferTimeoutMs ?? 600_000;
    this.apiHost = options.rootUrl ? new URL(options.rootUrl).host : 'storage.googleapis.com';
  }

  /** The object holding a dataset tab. */
  objectName(tab: TabLayout): string {
    return `${this.options.prefix}${tab.id}.jsonl`;
  }

  /** The object's address, as a user reads it in a message. */
  private where(tab: TabLayout): string {
    return `gs://${this.options.bucket}/${this.objectName(tab)}`;
  }

  async current(tab: TabLayout): Promise<DatasetVersion | undefined> {
    const generation = await this.generation(tab);
    if (generation === undefined) return undefined;
    return { batches: () => this.batches(tab, generation) };
  }

  async append(tab: TabLayout, rows: readonly Row[]): Promise<{ added: number; skipped: number }> {
    for (let attempt = 1; ; attempt++) {
      const generation = await this.generation(tab);
      try {
        return await this.rewrite(tab, generation, rows);
      } catch (error) {
        if (error instanceof NothingNew) return { added: 0, skipped: rows.length };
        const fault = faultOf(error);
        // 412: another import wrote the object since it was read; run the pass again on top of it
        const conflict = fault?.kind === 'http' && fault.status === 412;
        const decision = conflict ? { retry: attempt < 10, delayMs: 100 * attempt } : fault ? decideRetry(fault, attempt, this.settings.policy, this.settings.random) : { retry: false as const };
        if (!decision.retry) throw fault ? this.failure('ghi dữ liệu nhập', tab, fault, attempt, error) : (credentials(error) ?? error);
        await this.settings.sleep(decision.delayMs);
      }
    }
  }

  /** The object's generation, or undefined when it does not exist. */
  private async generation(tab: TabLayout): Promise<string | undefined> {
    try {
      const meta = await this.call('đọc thông tin dữ liệu', tab, (o) => this.api.objects.get({ bucket: this.options.bucket, object: this.objectName(tab), fields: 'generation,size' }, o));
      if (typeof meta.generation !== 'string' || !/^\d+$/.test(meta.generation)) throw new StoreError(`Cloud Storage trả lời thiếu số phiên bản của ${this.where(tab)}.`, { location: this.where(tab) });
      return meta.generation;
    } catch (error) {
      if (error instanceof StoreError && error.cause && faultOf(error.cause)?.kind === 'http' && (faultOf(error.cause) as { status: number }).status === 404 && !/bucket/i.test(googleMessage(error.cause))) return undefined;
      throw error;
    }
  }

  /** Streams one generation of the object as rows of the tab, the rows of each chunk received in one batch. */
  private async *batches(tab: TabLayout, generation: string): AsyncGenerator<Row[]> {
    let columns: string[] | undefined;
    let line = 0;
    for await (const texts of this.lines(tab, generation)) {
      const rows: Row[] = [];
      for (const text of texts) {
        line += 1;
        if (columns === undefined) {
          columns = this.header(tab, text);
          continue;
        }
        if (text === '') continue;
        let cells: unknown;
        try {
          cells = JSON.parse(text);
        } catch {
          cells = undefined;
        }
        if (!Array.isArray(cells)) throw new StoreError(`Dòng ${line} của ${this.where(tab)} không đọc được (không phải một mảng JSON). Hãy nhập lại tập dữ liệu này.`, { location: this.where(tab) });
        const row: Row = {};
        columns.forEach((key, i) => (row[key] = cellOf(cells[i])));
        for (const c of tab.columns) if (!(c.key in row)) row[c.key] = null;
        row.__row = line - 1;
        rows.push(row);
      }
      if (rows.length) yield rows;
    }
  }

  private header(tab: TabLayout, text: string): string[] {
    let header: Partial<Header> | undefined;
    try {
      header = JSON.parse(text) as Partial<Header>;
    } catch {
      header = undefined;
    }
    if (header?.thidua !== 'dataset' || header.tab !== tab.id || !Array.isArray(header.columns) || !header.columns.every((c) => typeof c === 'string')) {
      throw new StoreError(`${this.where(tab)} không phải tệp dữ liệu "${tab.title}" của thi-dua (dòng đầu sai). Hãy xóa đối tượng này rồi nhập lại tập dữ liệu.`, { location: this.where(tab) });
    }
    return header.columns;
  }

  /** The object's lines, decoded as UTF-8, split on `\n` across chunks, the lines of each chunk together; the download is retried only before its first byte. */
  private async *lines(tab: TabLayout, generation: string): AsyncGenerator<string[]> {
    const stream = await this.call(
      'đọc dữ liệu',
      tab,
      (o) => this.api.objects.get({ bucket: this.options.bucket, object: this.objectName(tab), alt: 'media', generation }, { ...o, timeout: this.transferTimeoutMs, responseType: 'stream' }) as Promise<{ data: Readable }>,
      false,
    );
    let rest: Buffer | undefined;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
        let start = 0;
        const lines: string[] = [];
        for (let end = buffer.indexOf(NEWLINE, start); end >= 0; end = buffer.indexOf(NEWLINE, start)) {
          lines.push(buffer.toString('utf8', start, end));
          start = end + 1;
        }
        if (lines.length) yield lines;
        buffer = buffer.subarray(start);
        rest = buffer.length ? Buffer.from(buffer) : undefined;
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Mất kết nối khi đọc ${this.where(tab)} từ Cloud Storage; hãy chạy lại sau ít phút (chưa ghi gì).`, { location: this.where(tab) }, { cause: error, transient: true });
    } finally {
      stream.destroy();
    }
    if (rest?.length) yield [rest.toString('utf8')];
  }

  /**
   * One pass: the stored lines (of `generation`) are copied into the upload as they arrive, then the given rows not
   * among them. The upload is conditional on `generation` (or on the object not existing). When every given row is
   * already stored, the upload is abandoned before it ends (NothingNew): a multipart upload that does not finish
   * creates nothing, so the object keeps its generation.
   */
  private async rewrite(tab: TabLayout, generation: string | undefined, rows: readonly Row[]): Promise<{ added: number; skipped: number }> {
    const keys = tab.columns.map((c) => c.key);
    const pending = new Map<string, Row>();
    let skipped = 0;
    for (const row of rows) {
      const key = rowKey(tab, row);
      if (pending.has(key)) skipped += 1;
      else pending.set(key, row);
    }
    const counts = { added: 0, skipped };
    const self = this;
    async function* body(): AsyncGenerator<string> {
      yield `${JSON.stringify({ thidua: 'dataset', tab: tab.id, columns: keys } satisfies Header)}\n`;
      if (generation !== undefined) {
        let batch = '';
        for await (const rows of self.batches(tab, generation)) {
          for (const row of rows) {
            const key = rowKey(tab, row);
            if (pending.delete(key)) counts.skipped += 1;
            batch += `${JSON.stringify(keys.map((k) => row[k] ?? null))}\n`;
          }
          if (batch.length > 64_000) {
            yield batch;
            batch = '';
          }
        }
        if (batch) yield batch;
      }
      if (pending.size === 0) throw new NothingNew();
      let batch = '';
      for (const row of pending.values()) {
        counts.added += 1;
        batch += `${JSON.stringify(keys.map((k) => row[k] ?? null))}\n`;
        if (batch.length > 64_000) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    }
    const source = Readable.from(body(), { objectMode: false });
    // the client pipes the source into its multipart body without passing errors on: a source that fails (or has
    // nothing new) aborts the request itself, and an upload that does not finish creates nothing
    const abort = new AbortController();
    let abandoned: unknown;
    source.on('error', (error) => {
      abandoned = error;
      abort.abort(error);
    });
    try {
      await this.api.objects.insert(
        {
          bucket: this.options.bucket,
          name: this.objectName(tab),
          ifGenerationMatch: generation ?? '0',
          requestBody: { name: this.objectName(tab), contentType: CONTENT_TYPE },
          media: { mimeType: CONTENT_TYPE, body: source },
        },
        // the upload address comes from the call's own rootUrl: the client's global one is not applied to it
        { retry: false, timeout: this.transferTimeoutMs, signal: abort.signal, ...(this.options.rootUrl ? { rootUrl: this.options.rootUrl } : {}) },
      );
    } catch (error) {
      throw abandoned ?? error;
    }
    if (abandoned) throw abandoned;
    return counts;
  }

  private call<T>(what: string, tab: TabLayout, run: (o: RequestOptions) => Promise<{ data: T }>, json = true): Promise<T> {
    return callGoogle(
      this.settings,
      { fail: (fault, attempts, cause) => this.failure(what, tab, fault, attempts, cause), unclassified: credentials, ...(json ? { accept: (d: unknown) => typeof d === 'object' && d !== null } : {}) },
      run,
    );
  }

  /** The StoreError of a Cloud Storage call that failed for good, in Vietnamese, saying what to do. */
  private failure(what: string, tab: TabLayout, fault: CallFault, attempts: number, cause: unknown): StoreError {
    const where = this.where(tab);
    const bucket = this.options.bucket;
    let message: string;
    if (fault.kind === 'http' && fault.status < 500 && fault.status !== 429 && fromTokenEndpoint(cause, this.apiHost)) {
      message = `Google không cấp quyền truy cập Cloud Storage (${googleMessage(cause)}): thông tin xác thực sai hoặc đã bị thu hồi.`;
    } else if (fault.kind === 'http' && fault.status === 404) {
      message = `Không tìm thấy bucket "${bucket}" trên Cloud Storage (THIDUA_DATASET_BUCKET). Hãy tạo bucket, hoặc sửa tên trong cấu hình.`;
    } else if (fault.kind === 'http' && (fault.status === 401 || fault.status === 403)) {
      message = `Không có quyền ${what} ở ${where}: hãy cấp vai trò Storage Object User (roles/storage.objectUser) trên bucket "${bucket}" cho tài khoản dịch vụ của hàm.`;
    } else if (fault.kind === 'http' && fault.status === 412) {
      message = `Không ${what} được ở ${where}: tập dữ liệu liên tục bị một lần nhập khác ghi đè (${attempts} lần). Hãy chạy lại khi lần nhập kia đã xong; không có hàng nào bị mất hay ghi trùng.`;
    } else if (fault.kind === 'http' && fault.status === 413) {
      message = `Tập dữ liệu ở ${where} vượt giới hạn kích thước một đối tượng của Cloud Storage.`;
    } else if (fault.kind === 'http' && fault.status === 400) {
      message = `Cloud Storage từ chối yêu cầu ${what} ở ${where}: ${googleMessage(cause)}`;
    } else {
      const reason = fault.kind === 'network' ? 'mất kết nối hoặc quá thời gian chờ' : fault.kind === 'malformed' ? 'câu trả lời không đúng dạng' : `mã lỗi HTTP ${fault.status}`;
      message = `Không ${what} được ở ${where} sau ${attempts} lần thử (${reason}). Hãy chạy lại sau ít phút: chạy lại không ghi trùng hàng nào.`;
    }
    return new StoreError(message, { location: where }, { cause, transient: isTransient(fault) });
  }
}

/** Thrown inside an import's upload when every given row is already stored: the upload is abandoned, nothing written. */
class NothingNew extends Error {
  override readonly name = 'NothingNew';
}

const credentials = (error: unknown): StoreError | undefined => (isMissingCredentials(error) ? new StoreError(MISSING_CREDENTIALS_MESSAGE, {}, { cause: error }) : undefined);

const cellOf = (value: unknown): Cell => (typeof value === 'string' || typeof value === 'number' ? value : null);
