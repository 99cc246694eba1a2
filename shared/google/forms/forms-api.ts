import type { forms_v1 } from '@googleapis/forms';
import { callGoogle, callSettings, isJsonObject, type RequestOptions } from '../call.js';
import { formsFailureMessage } from '../messages.js';
import { isTransient, type CallFault, type RetryPolicy } from '../retry.js';

/** A Forms API call that failed for good; `transient` when trying again later may work (429, 5xx, no answer). */
export class FormsError extends Error {
  override readonly name = 'FormsError';
  constructor(
    message: string,
    readonly context: { operation: string; formId?: string; status?: number; transient: boolean },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  get transient(): boolean {
    return this.context.transient;
  }
}

export interface ResponsePage {
  responses: unknown[];
  nextPageToken?: string;
}

/** The part of the Forms REST API this project uses; see `googleFormsApi`. */
export interface FormsApi {
  create(title: string): Promise<forms_v1.Schema$Form>;
  batchUpdate(formId: string, requests: forms_v1.Schema$Request[]): Promise<forms_v1.Schema$BatchUpdateFormResponse>;
  get(formId: string): Promise<forms_v1.Schema$Form>;
  /**
   * `forms.setPublishSettings` with updateMask `publishState`: a form made through the API after 2026-06-30 takes no
   * responses until it is published and accepting them.
   */
  setPublishState(formId: string, state: { isPublished: boolean; isAcceptingResponses: boolean }): Promise<forms_v1.Schema$PublishSettings>;
  /** One page of `forms.responses.list`; `filter` e.g. `timestamp >= 2024-08-01T00:00:00Z`. */
  listResponses(formId: string, options: { filter?: string; pageToken?: string; pageSize?: number }): Promise<ResponsePage>;
  listWatches(formId: string): Promise<forms_v1.Schema$Watch[]>;
  createWatch(formId: string, topicName: string): Promise<forms_v1.Schema$Watch>;
  renewWatch(formId: string, watchId: string): Promise<forms_v1.Schema$Watch>;
  deleteWatch(formId: string, watchId: string): Promise<void>;
}

export interface FormsApiOptions {
  /** Credentials: default Application Default Credentials with FORMS_SCOPES (`formsAuth`); in tests an OAuth2Client holding a token. */
  auth?: forms_v1.Options['auth'];
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  timeoutMs?: number;
  /** Where the API is served (default Google's): a local emulator or fake in benchmarks and tests. */
  rootUrl?: string;
}

/**
 * The Forms API through `@googleapis/forms`, loaded on first use. Reads, `setPublishSettings`, `watches.renew` and `watches.delete` are
 * retried on transient faults with backoff; `forms.create`, `forms.batchUpdate` and `watches.create` are not (a lost
 * answer would make a second form, or a second watch), and fail with a FormsError saying so.
 */
export async function googleFormsApi(options: FormsApiOptions = {}): Promise<FormsApi> {
  const { forms_v1 } = await import('@googleapis/forms');
  const auth = options.auth ?? (await import('../credentials.js')).formsAuth();
  const api = new forms_v1.Forms({ auth, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) });
  const settings = callSettings(options);
  /** One Forms call through the kit; `retry: false` for a request that must not be sent twice. */
  const call = <T>(operation: string, formId: string | undefined, retry: boolean, run: (request: RequestOptions) => Promise<{ data: T }>): Promise<T> =>
    callGoogle(settings, { retry, accept: isJsonObject, fail: (fault, attempts, cause) => formsError(operation, formId, fault, attempts, cause) }, run);
  return {
    create: (title) => call('tạo biểu mẫu', undefined, false, (request) => api.forms.create({ requestBody: { info: { title, documentTitle: title } } }, request)),
    batchUpdate: (formId, requests) => call('thêm câu hỏi vào biểu mẫu', formId, false, (request) => api.forms.batchUpdate({ formId, requestBody: { requests } }, request)),
    get: (formId) => call('đọc biểu mẫu', formId, true, (request) => api.forms.get({ formId }, request)),
    // Setting the same state twice is harmless: retried like a read.
    setPublishState: async (formId, publishState) =>
      (await call('xuất bản biểu mẫu', formId, true, (request) => api.forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState }, updateMask: 'publishState' } }, request)))
        .publishSettings ?? {},
    listResponses: async (formId, o) => {
      const data = await call('đọc câu trả lời của biểu mẫu', formId, true, (request) =>
        api.forms.responses.list({ formId, ...(o.filter ? { filter: o.filter } : {}), ...(o.pageToken ? { pageToken: o.pageToken } : {}), pageSize: o.pageSize ?? 5000 }, request),
      );
      return { responses: data.responses ?? [], ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}) };
    },
    listWatches: async (formId) => (await call('đọc các theo dõi của biểu mẫu', formId, true, (request) => api.forms.watches.list({ formId }, request))).watches ?? [],
    createWatch: (formId, topicName) =>
      call('tạo theo dõi biểu mẫu', formId, false, (request) => api.forms.watches.create({ formId, requestBody: { watch: { eventType: 'RESPONSES', target: { topic: { topicName } } } } }, request)),
    renewWatch: (formId, watchId) => call('gia hạn theo dõi biểu mẫu', formId, true, (request) => api.forms.watches.renew({ formId, watchId, requestBody: {} }, request)),
    deleteWatch: async (formId, watchId) => {
      await call('xóa theo dõi đã hết hạn', formId, true, (request) => api.forms.watches.delete({ formId, watchId }, request));
    },
  };
}

function formsError(operation: string, formId: string | undefined, fault: CallFault, attempts: number, cause: unknown): FormsError {
  const status = fault.kind === 'http' ? fault.status : undefined;
  const transient = isTransient(fault);
  return new FormsError(formsFailureMessage(operation, formId, fault, attempts), { operation, ...(formId ? { formId } : {}), ...(status ? { status } : {}), transient }, { cause });
}
