import type { Campaign } from '../domain/campaign.js';
import { isDatasetTab } from '../store/dataset-relevance.js';
import { layoutsFor } from '../store/layouts.js';

/**
 * `thidua doctor`: what a first deployment gets wrong, checked against the configured spreadsheet and form. The job
 * takes what the Google adapters read (ports below) and returns one finding per problem, each with the fix, in
 * Vietnamese; the CLI prints them.
 */

/** Google's cell limit per spreadsheet, and the share from which the doctor (and the store) warn. */
export const SPREADSHEET_CELLS = 10_000_000;
export const CELL_WARNING_SHARE = 0.8;

/** One tab as the Sheets API shows it: grid, protections (editors only when the caller may see them), header row. */
export interface InspectedTab {
  title: string;
  rows: number;
  columns: number;
  protections: Array<{ description?: string; warningOnly: boolean; editors?: readonly string[] }>;
  header?: readonly string[];
}

/** The Form as the Forms API shows it; `publishState` absent on a legacy form (published by its nature). */
export interface InspectedForm {
  publishState?: { isPublished: boolean; isAcceptingResponses: boolean };
  watches: Array<{ eventType?: string; state?: string; expireTime?: string; errorType?: string }>;
}

export interface DoctorFacts {
  /** The datasets live in a Cloud Storage bucket: their tabs are not expected in the sheet. */
  datasetsElsewhere?: boolean;
  campaign: Campaign;
  /** The functions' service account, if the user named it (--service-account / THIDUA_SERVICE_ACCOUNT). */
  functionsAccount?: string;
  spreadsheetUrl: string;
  tabs: readonly InspectedTab[];
  /** Emails with edit rights on the spreadsheet (Drive permissions: writer or owner); undefined when Drive could not be read. */
  sheetEditors?: readonly string[];
  formId?: string;
  /** Undefined when no form is configured; an Error when it could not be read. */
  form?: InspectedForm | Error;
  now: Date;
}

export const DoctorCode = [
  'FUNCTIONS_ACCOUNT_UNKNOWN',
  'SHEET_NOT_SHARED',
  'SHARING_NOT_CHECKED',
  'TAB_MISSING',
  'HEADER_CHANGED',
  'PROTECTION_WITHOUT_FUNCTIONS',
  'PROTECTION_NOT_VISIBLE',
  'CELL_BUDGET_LOW',
  'FORM_NOT_CONFIGURED',
  'FORM_UNREADABLE',
  'FORM_NOT_PUBLISHED',
  'FORM_NOT_ACCEPTING',
  'WATCH_MISSING',
  'WATCH_NOT_ACTIVE',
] as const;
export type DoctorCode = (typeof DoctorCode)[number];

export interface DoctorFinding {
  code: DoctorCode;
  /** One Vietnamese line: what is wrong and how to fix it. */
  message: string;
}

export interface DoctorReport {
  findings: DoctorFinding[];
  /** Cells of the spreadsheet in use (every tab's grid) and the share of Google's limit. */
  cells: { used: number; share: number };
}

const vn = (n: number) => n.toLocaleString('vi-VN');
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Checks the facts; an empty `findings` means the deployment looks right. */
export function diagnose(f: DoctorFacts): DoctorReport {
  const findings: DoctorFinding[] = [];
  const add = (code: DoctorCode, message: string) => findings.push({ code, message });
  const sa = f.functionsAccount;

  if (!sa) add('FUNCTIONS_ACCOUNT_UNKNOWN', 'Chưa biết tài khoản dịch vụ của các hàm: chạy lại với --service-account <email> (hoặc đặt THIDUA_SERVICE_ACCOUNT) để kiểm tra quyền của nó.');
  if (sa && f.sheetEditors && !f.sheetEditors.some((e) => same(e, sa))) {
    add('SHEET_NOT_SHARED', `Bảng tính chưa chia sẻ quyền Người chỉnh sửa cho ${sa}: mở ${f.spreadsheetUrl}, bấm "Chia sẻ", thêm ${sa} với quyền Người chỉnh sửa.`);
  }
  if (sa && !f.sheetEditors) add('SHARING_NOT_CHECKED', `Không đọc được danh sách chia sẻ của bảng tính (cần Google Drive API và quyền đọc siêu dữ liệu Drive): hãy tự kiểm tra ${sa} có quyền Người chỉnh sửa.`);

  const byTitle = new Map(f.tabs.map((t) => [t.title, t]));
  for (const layout of expectedTabs(f)) {
    const tab = byTitle.get(layout.title);
    if (!tab) {
      add('TAB_MISSING', `Thiếu trang tính "${layout.title}": chạy "thidua init ${f.campaign.id} --spreadsheet …" để tạo lại (các trang đã có không bị đụng tới).`);
      continue;
    }
    const expected = layout.columns.map((c) => c.header);
    const changed = expected.findIndex((h, i) => (tab.header?.[i] ?? '').trim() !== h);
    if (changed !== -1) {
      add('HEADER_CHANGED', `Trang "${layout.title}": cột ${changed + 1} phải có tiêu đề "${expected[changed]}" nhưng đang là "${tab.header?.[changed] ?? ''}": đặt lại đúng tiêu đề (công cụ dừng ghi trang này cho tới khi sửa).`);
    }
    if (!sa) continue;
    const hard = tab.protections.filter((x) => !x.warningOnly);
    const hidden = hard.filter((p) => !p.editors).length;
    const without = hard.filter((p) => p.editors && !p.editors.some((e) => same(e, sa))).length;
    if (without > 0) {
      add('PROTECTION_WITHOUT_FUNCTIONS', `Trang "${layout.title}": ${sa} không được sửa ${without} vùng được bảo vệ, nên các hàm sẽ gặp lỗi "protected cell". Chạy lại "thidua init ${f.campaign.id} --spreadsheet … --service-account ${sa}" để sửa.`);
    }
    if (hidden > 0) {
      add('PROTECTION_NOT_VISIBLE', `Trang "${layout.title}": tài khoản đang chạy lệnh không xem được ai được sửa ${hidden} vùng được bảo vệ; hãy để người tạo bảng tính chạy lại "thidua init ${f.campaign.id} --spreadsheet … --service-account ${sa}".`);
    }
  }

  const used = f.tabs.reduce((n, t) => n + t.rows * t.columns, 0);
  const share = used / SPREADSHEET_CELLS;
  if (share >= CELL_WARNING_SHARE) {
    add('CELL_BUDGET_LOW', `Bảng tính đã dùng ${vn(used)} trong ${vn(SPREADSHEET_CELLS)} ô cho phép (${Math.floor(share * 100)} %): chuyển phong trào đã kết thúc sang bảng tính khác hoặc xóa trang, hàng, cột không dùng.`);
  }

  if (!f.formId) {
    add('FORM_NOT_CONFIGURED', 'Chưa có mã biểu mẫu: chạy "thidua form create …", hoặc chỉ rõ --form <mã> (hoặc THIDUA_FORM_ID) để kiểm tra biểu mẫu.');
  } else if (f.form instanceof Error) {
    add('FORM_UNREADABLE', `Không đọc được biểu mẫu ${f.formId}: ${f.form.message} Chia sẻ biểu mẫu (quyền chỉnh sửa) cho ${sa ?? 'tài khoản dịch vụ của các hàm'}.`);
  } else if (f.form) {
    const state = f.form.publishState;
    const edit = `https://docs.google.com/forms/d/${f.formId}/edit`;
    if (state && !state.isPublished) add('FORM_NOT_PUBLISHED', `Biểu mẫu chưa được xuất bản nên không ai gửi được: mở ${edit}, bấm "Xuất bản".`);
    else if (state && !state.isAcceptingResponses) add('FORM_NOT_ACCEPTING', `Biểu mẫu đang không nhận câu trả lời: mở ${edit}, thẻ "Câu trả lời", bật "Đang nhận câu trả lời".`);
    const watches = f.form.watches.filter((w) => w.eventType === 'RESPONSES');
    const live = watches.filter((w) => w.state === 'ACTIVE' && (!w.expireTime || Date.parse(w.expireTime) > f.now.getTime()));
    if (watches.length === 0) {
      add('WATCH_MISSING', 'Chưa có theo dõi (watch) câu trả lời của biểu mẫu: chạy "gcloud scheduler jobs run thidua-watch-renewal --location=<vùng>" để hàm watchRenewal tạo nó.');
    } else if (live.length === 0) {
      const w = watches[0]!;
      add('WATCH_NOT_ACTIVE', `Theo dõi câu trả lời đang ở trạng thái ${w.state ?? '?'}${w.errorType ? ` (${w.errorType})` : ''}: kiểm tra quyền đăng của forms-notifications@system.gserviceaccount.com vào chủ đề Pub/Sub, rồi chạy lại thidua-watch-renewal (nó xóa và tạo lại theo dõi).`);
    }
  }
  return { findings, cells: { used, share } };
}

/** What the doctor reads of the spreadsheet (the Google adapter `googleSheetInspector` implements it). */
export interface SheetInspector {
  readonly url: string;
  /** Every tab, with the header row of those titled in `headersOf`. */
  tabs(headersOf: readonly string[]): Promise<InspectedTab[]>;
  /** Emails that may edit the file (Drive permissions), or undefined when they cannot be read. */
  editors(): Promise<string[] | undefined>;
}

/** What the doctor reads of the form (the Forms adapter implements it). */
export interface FormInspector {
  get(formId: string): Promise<{ publishSettings?: { publishState?: { isPublished?: boolean | null; isAcceptingResponses?: boolean | null } | null } | null }>;
  listWatches(formId: string): Promise<Array<{ eventType?: string | null; state?: string | null; expireTime?: string | null; errorType?: string | null }>>;
}

export interface DoctorPorts {
  campaign: Campaign;
  sheet: SheetInspector;
  forms?: FormInspector;
  formId?: string;
  functionsAccount?: string;
  /** The datasets live in a Cloud Storage bucket (THIDUA_DATASET_BUCKET, decision 010): their tabs are not expected. */
  datasetsElsewhere?: boolean;
  now: Date;
}

/** The campaign's tabs the sheet must hold: all, or all but the datasets' when they live in a bucket. */
const expectedTabs = (p: { campaign: Campaign; datasetsElsewhere?: boolean }) => [...layoutsFor(p.campaign).values()].filter((l) => !p.datasetsElsewhere || !isDatasetTab(l.id));

/** Reads the spreadsheet (and the form, if one is configured) and diagnoses them. Infrastructure faults are thrown. */
export async function doctor(p: DoctorPorts): Promise<DoctorReport> {
  const titles = expectedTabs(p).map((l) => l.title);
  const [tabs, sheetEditors] = await Promise.all([p.sheet.tabs(titles), p.sheet.editors()]);
  let form: InspectedForm | Error | undefined;
  if (p.formId && p.forms) {
    try {
      const [got, watches] = await Promise.all([p.forms.get(p.formId), p.forms.listWatches(p.formId)]);
      const state = got.publishSettings?.publishState;
      form = {
        ...(state ? { publishState: { isPublished: state.isPublished === true, isAcceptingResponses: state.isAcceptingResponses === true } } : {}),
        watches: watches.map((w) => ({ ...(w.eventType ? { eventType: w.eventType } : {}), ...(w.state ? { state: w.state } : {}), ...(w.expireTime ? { expireTime: w.expireTime } : {}), ...(w.errorType ? { errorType: w.errorType } : {}) })),
      };
    } catch (error) {
      form = error instanceof Error ? error : new Error(String(error));
    }
  }
  return diagnose({
    campaign: p.campaign,
    spreadsheetUrl: p.sheet.url,
    tabs,
    ...(sheetEditors ? { sheetEditors } : {}),
    ...(p.functionsAccount ? { functionsAccount: p.functionsAccount } : {}),
    ...(p.datasetsElsewhere ? { datasetsElsewhere: true } : {}),
    ...(p.formId ? { formId: p.formId } : {}),
    ...(form ? { form } : {}),
    now: p.now,
  });
}
