import type { Request } from '@google-cloud/functions-framework';
import type { Finding } from '../../shared/domain/findings.js';
import { STATUS_LABEL } from '../../shared/domain/vocabulary.js';
import type { IntakeResult } from '../../shared/jobs/intake.js';

/**
 * The body as sent: JSON already parsed by the framework, or text/raw bytes parsed here. What is not JSON stays as
 * it came, so the intake records it as a rejected submission ("not a nomination") like any other bad input.
 */
export function requestBody(req: Request): unknown {
  const body: unknown = req.body;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
  if (text === undefined) return body;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return text.slice(0, 2000);
  }
}

const shown = (findings: readonly Finding[]) => findings.map(({ code, field, severity, message }) => ({ code, field, severity, message }));

/** The HTTP answer to one intake: 201 taken in, 200 updated or already stored, 400 rejected with its findings. */
export function intakeAnswer(o: IntakeResult): { status: number; body: Record<string, unknown>; responseId?: string } {
  switch (o.kind) {
    case 'accepted': {
      const responseId = o.nomination.responseId;
      const body = { outcome: o.edited ? 'updated' : 'accepted', responseId, status: o.status, statusLabel: STATUS_LABEL[o.status], total: o.total, findings: shown(o.findings) };
      return { status: o.edited ? 200 : 201, body: { ...body, message: o.edited ? 'Đã cập nhật hồ sơ theo bản sửa.' : 'Đã tiếp nhận hồ sơ.' }, responseId };
    }
    case 'duplicate':
      return { status: 200, body: { outcome: 'duplicate', responseId: o.responseId, message: 'Hồ sơ đã được tiếp nhận trước đó (already stored); không thay đổi gì.' }, responseId: o.responseId };
    case 'rejected':
      return {
        status: 400,
        body: { outcome: 'rejected', ...(o.responseId ? { responseId: o.responseId } : {}), message: 'Hồ sơ bị từ chối.', findings: shown(o.findings) },
        ...(o.responseId ? { responseId: o.responseId } : {}),
      };
  }
}
