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
 * Answers 413 with a Vietnamese message for a body over the limit (the framework read none of it past 256 KB, see
 * framework-body.ts), and logs its size (never its content). With `source` — an authenticated caller — the refusal is
 * also recorded in the rejections tab, with no content (best effort: if the sheet cannot be reached the sender is
 * still told at once, and the log line remains); an unauthenticated caller writes nothing to the council's sheet.
 */
export async function refuseTooLarge(rt: Runtime, res: Response, fn: string, bytes: number, source?: string, limit = MAX_BODY_BYTES): Promise<void> {
  rt.log('NOTICE', 'Từ chối hồ sơ quá lớn', { function: fn, bytes, limit });
  const refusal = finding('PAYLOAD_TOO_LARGE', '', { size: Math.ceil(bytes / 1024), limit: limit / 1024 });
  if (source !== undefined) {
    try {
      const { repo } = await rt.workbook();
      await recordRefusal(repo, '', source, refusal, rt.now());
    } catch (error) {
      rt.log('WARNING', 'Không ghi được hồ sơ quá lớn vào trang hồ sơ bị từ chối', { function: fn, error: error instanceof Error ? error.name : typeof error });
    }
  }
  res.status(413).json({
    error: `${refusal.message} Hãy rút gọn phần tài liệu kiểm chứng, hoặc gửi đường liên kết tới tài liệu thay cho nội dung.`,
    findings: [refusal],
  });
}

/** 400 for a body the framework could not read as what it claims to be: the same for every door, echoing nothing. */
export function refuseMalformed(rt: Runtime, res: Response, fn: string, req: Request): void {
  rt.log('NOTICE', 'Từ chối yêu cầu có nội dung không đọc được', { function: fn, bytes: req.rawBody?.length ?? 0, contentType: String(req.get('content-type') ?? '').slice(0, 100) });
  res.status(400).json({ error: 'Nội dung yêu cầu không đọc được: cần một đối tượng JSON hợp lệ (UTF-8).', code: 'BODY_MALFORMED' });
}
