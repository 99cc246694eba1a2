/**
 * The one Drive API v3 call the doctor makes, faked: `permissions.list` of a file
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/list) — who the file is shared
 * with and in which role (`owner`, `writer`, `commenter`, `reader`). A file it was not told about is 404, as Drive
 * answers for a file the caller cannot see; a call without a token is 401.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export interface DrivePermission {
  emailAddress: string;
  role: 'owner' | 'writer' | 'commenter' | 'reader';
  type?: 'user' | 'group';
}

export class FakeDrive {
  readonly handlers: HttpHandler[];
  private readonly files = new Map<string, DrivePermission[]>();

  constructor() {
    this.handlers = [
      http.get('https://www.googleapis.com/drive/v3/files/:fileId/permissions', ({ request, params }) => {
        if (!request.headers.get('authorization')) return HttpResponse.json({ error: { code: 401, message: 'Request is missing required authentication credential.' } }, { status: 401 });
        const permissions = this.files.get(String(params.fileId));
        if (!permissions) return HttpResponse.json({ error: { code: 404, message: `File not found: ${String(params.fileId)}.` } }, { status: 404 });
        return HttpResponse.json({ permissions: permissions.map((p) => ({ kind: 'drive#permission', type: p.type ?? 'user', ...p })) });
      }),
    ];
  }

  /** Shares a file: `share(id, { emailAddress, role })`. */
  share(fileId: string, ...permissions: DrivePermission[]): void {
    this.files.set(fileId, [...(this.files.get(fileId) ?? []), ...permissions]);
  }
}
