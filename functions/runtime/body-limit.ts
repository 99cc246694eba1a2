import type { Request, Response } from '@google-cloud/functions-framework';
import type { Runtime } from './runtime.js';

/**
 * The largest body intake takes. The contract's longest valid nomination — 5,000 characters of evidence for each
 * criterion of a seven-criterion rubric, up to 3 bytes a character, and its other fields — stays near 110 KB.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Answers 413 with a Vietnamese message when the request body is over `limit`, and logs its size (never its
 * content); true when it did. Nothing is stored or recorded for it: the sender is told at once.
 */
export function refuseTooLarge(rt: Runtime, req: Request, res: Response, fn: string, limit = MAX_BODY_BYTES): boolean {
  const bytes = req.rawBody?.length ?? Number(req.get('content-length') ?? 0);
  if (!(bytes > limit)) return false;
  rt.log('NOTICE', 'Từ chối hồ sơ quá lớn', { function: fn, bytes, limit });
  res.status(413).json({
    error: `Hồ sơ quá lớn (${Math.ceil(bytes / 1024)} KB, tối đa ${limit / 1024} KB). Hãy rút gọn phần minh chứng, hoặc gửi đường liên kết tới tài liệu thay cho nội dung.`,
  });
  return true;
}
