import { html } from './html.js';
import { page } from './page.js';

/**
 * Why a page cannot be shown, in words that reveal nothing: a tampered, expired or foreign link reads the same
 * (`forbidden`), a good link to a nomination no longer in the workbook reads `not-found`.
 */
export const Refusal = ['forbidden', 'not-found', 'unavailable', 'error'] as const;
export type Refusal = (typeof Refusal)[number];

export const REFUSAL_STATUS: Record<Refusal, number> = { forbidden: 403, 'not-found': 404, unavailable: 503, error: 500 };

const TEXT: Record<Refusal, { title: string; lines: string[] }> = {
  forbidden: {
    title: 'Đường dẫn không hợp lệ hoặc đã hết hạn',
    lines: [
      'Không mở được trang với đường dẫn này. Có thể đường dẫn bị thiếu hoặc sai một vài ký tự khi sao chép, hoặc đã hết hạn.',
      'Hãy mở lại đường dẫn trong thư biên nhận (chép đủ cả dòng), hoặc xin thư ký Hội đồng Thi đua - Khen thưởng một đường dẫn mới.',
    ],
  },
  'not-found': {
    title: 'Không tìm thấy hồ sơ',
    lines: ['Không có hồ sơ nào ứng với đường dẫn này. Nếu đơn vị đã nộp hồ sơ, hãy liên hệ thư ký Hội đồng Thi đua - Khen thưởng.'],
  },
  unavailable: {
    title: 'Hệ thống đang bận',
    lines: ['Chưa đọc được dữ liệu lúc này. Hãy thử lại sau ít phút.'],
  },
  error: {
    title: 'Chưa hiển thị được trang',
    lines: ['Hệ thống gặp lỗi khi hiển thị trang này. Hãy thử lại sau; nếu vẫn lỗi, báo thư ký Hội đồng Thi đua - Khen thưởng.'],
  },
};

/** The page for a link that cannot be honoured. */
export function refusalPageHtml(why: Refusal): string {
  const t = TEXT[why];
  return page({
    title: t.title,
    body: html`<section class="card refusal"><h1>${t.title}</h1>${t.lines.map((l) => html`<p>${l}</p>`)}<p class="note">Mã lỗi: ${REFUSAL_STATUS[why]}</p></section>`,
  });
}
