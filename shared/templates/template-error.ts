import type { z } from 'zod';

/** A template or layout file that does not match its schema: names the file and the path of every bad field. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly file: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`Mẫu "${file}" không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
  }

  static fromZod(file: string, error: z.ZodError): TemplateError {
    return new TemplateError(
      file,
      error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(gốc)'}: ${i.message}`),
      { cause: error },
    );
  }
}
