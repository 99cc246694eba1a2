import type { Request, Response } from '@google-cloud/functions-framework';
import { finding } from '../../shared/domain/findings.js';
import { recordRefusal } from '../../shared/jobs/intake.js';
import type { Runtime } from './runtime.js';

/**
 * The largest body intake takes. The contract's longest valid nomination — 5,000 characters of evidence for each
 * criterion of a seven-criterion rubric, up to 3 bytes a character, and its other fields — stays near 110 KB.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Answers 413 with a Vietnamese message when the request body is over `limit`, and logs its size (never its
 * content); true when it did. Nothing is stored; the refusal is recorded in the rejections tab (best effort: if the
 * sheet cannot be reached the sender is still told at once, and the log line remains).
 */
export async function refuseTooLarge(rt: Runtime, req: Request, res: Response, fn: string, source: string, limit = MAX_BODY_BYTES): Promise<boolean> {
  const bytes = req.rawBody?.length ?? Number(req.get('content-length') ?? 0);
  if (!(bytes > limit)) return false;
  rt.log('NOTICE', 'Từ chối hồ sơ quá lớn', { function: fn, bytes, limit });
  const refusal = finding('PAYLOAD_TOO_LARGE', '', { size: Math.ceil(bytes / 1024), limit: limit / 1024 });
  try {
    const { repo } = await rt.workbook();
    await recordRefusal(repo, req.rawBody?.subarray(0, 2000).toString('utf8') ?? '', source, refusal, rt.now());
  } catch (error) {
    rt.log('WARNING', 'Không ghi được hồ sơ quá lớn vào trang hồ sơ bị từ chối', { function: fn, error: error instanceof Error ? error.name : typeof error });
  }
  res.status(413).json({
    error: `${refusal.message} Hãy rút gọn phần tài liệu kiểm chứng, hoặc gửi đường liên kết tới tài liệu thay cho nội dung.`,
    findings: [refusal],
  });
  return true;
}
