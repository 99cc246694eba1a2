import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth } from 'google-auth-library';
import { z } from 'zod';
import { StoreError } from '../store/table-store.js';

/** Read and write the spreadsheets the service account was given; nothing else of the user's Drive. */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** Read and write the objects of the datasets' bucket (Cloud Storage). */
export const STORAGE_SCOPE = 'https://www.googleapis.com/auth/devstorage.read_write';

/** Create and edit forms, read their responses, and keep watches on them. */
export const FORMS_SCOPES = ['https://www.googleapis.com/auth/forms.body', 'https://www.googleapis.com/auth/forms.responses.readonly'];

/** Anything `@googleapis/sheets` accepts as credentials: GoogleAuth (ADC or key file), an OAuth2Client with a token… */
export type SheetsAuth = NonNullable<sheets_v4.Options['auth']>;

/**
 * The credentials of the Google adapters (Sheets here, Forms through `formsAuth`): a service-account key file given
 * by path, else Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`, or the runtime's service
 * account in the cloud). Nothing is read until the first request.
 *
 * @example new GoogleSheetsStore({ spreadsheetId, auth: sheetsAuth({ keyFile: 'secrets/thidua-sa.json' }) })
 */
export function sheetsAuth(options: { keyFile?: string } = {}): GoogleAuth {
  return new GoogleAuth({ scopes: [SHEETS_SCOPE], ...(options.keyFile ? { keyFile: options.keyFile } : {}) });
}

/** Application Default Credentials for Cloud Storage (the datasets' bucket). */
export function storageAuth(): GoogleAuth {
  return new GoogleAuth({ scopes: [STORAGE_SCOPE] });
}

/** Application Default Credentials for the Forms API (the Forms adapter's default when given none). */
export function formsAuth(): GoogleAuth {
  return new GoogleAuth({ scopes: FORMS_SCOPES });
}

/** A credentials file: a service-account key has `client_email`; a user's ADC file (`authorized_user`) has none. */
const CredentialsFile = z.object({ type: z.string().optional(), client_email: z.email().optional() });

/**
 * The service account's email from its JSON key file (`client_email`), to keep it an editor of protected ranges and
 * to tell the user whom to share the sheet with; undefined for a user's credentials file. A file that cannot be read
 * is a StoreError naming it.
 */
export async function serviceAccountEmail(keyFile: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (cause) {
    throw new StoreError(`Không đọc được tệp khóa tài khoản dịch vụ "${keyFile}" (GOOGLE_APPLICATION_CREDENTIALS).`, { location: keyFile }, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new StoreError(`Tệp khóa "${keyFile}" không phải JSON hợp lệ.`, { location: keyFile }, { cause });
  }
  const parsed = CredentialsFile.safeParse(json);
  if (!parsed.success) {
    throw new StoreError(`Tệp khóa "${keyFile}" không đúng dạng (trường client_email sai): hãy tải lại khóa JSON của tài khoản dịch vụ.`, { location: keyFile });
  }
  return parsed.data.client_email;
}
