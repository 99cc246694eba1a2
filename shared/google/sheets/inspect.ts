import { sheets_v4 } from '@googleapis/sheets';
import { callSettings, type CallOptions } from '../call.js';
import type { SheetsAuth } from '../credentials.js';
import { spreadsheetUrl } from '../messages.js';
import { quoteTitle } from './a1.js';
import { SheetsCaller } from './caller.js';

/** One tab as inspected (the doctor job's InspectedTab, by shape: the kit imports no job). */
export interface TabInspection {
  title: string;
  rows: number;
  columns: number;
  protections: Array<{ description?: string; warningOnly: boolean; editors?: string[] }>;
  header?: string[];
}

export interface SpreadsheetInspector {
  readonly url: string;
  tabs(headersOf: readonly string[]): Promise<TabInspection[]>;
  editors(): Promise<string[] | undefined>;
}

export interface InspectorOptions extends CallOptions {
  spreadsheetId: string;
  auth: SheetsAuth;
  rootUrl?: string;
  /** Where Drive is served (default Google's), for the file's permissions. */
  driveRootUrl?: string;
}

/**
 * The spreadsheet as `thidua doctor` inspects it: one `spreadsheets.get` (grids and protections), one
 * `values.batchGet` of the expected tabs' header rows, and the file's Drive permissions
 * (`GET drive/v3/files/{id}/permissions`, scope drive.metadata.readonly) — undefined when Drive refuses.
 */
export function googleSheetInspector(o: InspectorOptions): SpreadsheetInspector {
  const api = new sheets_v4.Sheets({ auth: o.auth, ...(o.rootUrl ? { rootUrl: o.rootUrl } : {}) });
  const caller = new SheetsCaller({ ...callSettings(o), spreadsheetId: o.spreadsheetId, editorEmail: undefined, ...(o.rootUrl ? { apiHost: new URL(o.rootUrl).host } : {}) });
  return {
    url: spreadsheetUrl(o.spreadsheetId),
    tabs: async (headersOf) => {
      const answer = await caller.call('đọc danh sách trang tính', (r) =>
        api.spreadsheets.get({ spreadsheetId: o.spreadsheetId, fields: 'sheets(properties(title,gridProperties(rowCount,columnCount)),protectedRanges(description,warningOnly,editors))' }, r),
      );
      const tabs: TabInspection[] = (answer.sheets ?? []).map((s) => ({
        title: s.properties?.title ?? '',
        rows: s.properties?.gridProperties?.rowCount ?? 0,
        columns: s.properties?.gridProperties?.columnCount ?? 0,
        protections: (s.protectedRanges ?? []).map((p) => ({ ...(p.description ? { description: p.description } : {}), warningOnly: p.warningOnly === true, ...(p.editors ? { editors: p.editors.users ?? [] } : {}) })),
      }));
      const present = headersOf.filter((t) => tabs.some((x) => x.title === t));
      if (present.length > 0) {
        const values = await caller.call('đọc hàng tiêu đề', (r) => api.spreadsheets.values.batchGet({ spreadsheetId: o.spreadsheetId, ranges: present.map((t) => `${quoteTitle(t)}!1:1`) }, r));
        present.forEach((title, i) => {
          const tab = tabs.find((x) => x.title === title)!;
          tab.header = (values.valueRanges?.[i]?.values?.[0] ?? []).map(String);
        });
      }
      return tabs;
    },
    editors: async () => {
      const root = (o.driveRootUrl ?? 'https://www.googleapis.com/').replace(/\/?$/, '/');
      try {
        const client = typeof (o.auth as { request?: unknown }).request === 'function' ? (o.auth as { request: (opts: { url: string }) => Promise<{ data: unknown }> }) : undefined;
        if (!client) return undefined;
        const { data } = await client.request({ url: `${root}drive/v3/files/${encodeURIComponent(o.spreadsheetId)}/permissions?fields=permissions(emailAddress,role,type)&supportsAllDrives=true` });
        const permissions = (data as { permissions?: Array<{ emailAddress?: string; role?: string }> }).permissions ?? [];
        return permissions.filter((p) => p.emailAddress && (p.role === 'writer' || p.role === 'owner' || p.role === 'organizer' || p.role === 'fileOrganizer')).map((p) => p.emailAddress!);
      } catch {
        return undefined;
      }
    },
  };
}
