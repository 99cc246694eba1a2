import type { Severity } from '../domain/findings.js';
import type { NominationStatus } from '../domain/vocabulary.js';
import { SEVERITY_LABEL } from './advice.js';
import { html, type SafeHtml } from './html.js';
import type { NextDeadline } from './next-deadline.js';
import { page, points } from './page.js';
import type { CriterionLine, StatusView } from './status-view.js';

/** How a status looks: good news green, waiting amber, not qualifying red, outside the quota blue-grey. */
export const STATUS_TONE: Record<NominationStatus, 'ok' | 'warn' | 'bad' | 'info'> = {
  eligible: 'ok',
  proposed: 'ok',
  awarded: 'ok',
  ineligible: 'bad',
  duplicate: 'bad',
  'awaiting-council': 'warn',
  'needs-documents': 'warn',
  'council-decides': 'warn',
  'over-quota': 'info',
  'awaiting-vote': 'warn',
  'vote-failed': 'bad',
};

/** What a status means for the unit, in one sentence under the badge. */
export const STATUS_MEANING: Record<NominationStatus, string> = {
  eligible: 'Hồ sơ đủ điều kiện; đang chờ Hội đồng xét và xếp hạng.',
  ineligible: 'Hồ sơ chưa đủ điều kiện. Xem các việc cần làm bên dưới.',
  duplicate: 'Hồ sơ trùng với một đề nghị nộp trước; hồ sơ nộp trước được xét.',
  'awaiting-council': 'Hồ sơ đang chờ Hội đồng đánh giá.',
  'needs-documents': 'Hội đồng đề nghị bổ sung hồ sơ. Xem việc cần làm bên dưới.',
  proposed: 'Hồ sơ nằm trong danh sách đề nghị khen thưởng.',
  'over-quota': 'Hồ sơ đủ điều kiện nhưng xếp ngoài chỉ tiêu năm nay.',
  'council-decides': 'Hồ sơ bằng điểm tại ranh giới chỉ tiêu; Hội đồng sẽ quyết định.',
  awarded: 'Đã có quyết định khen thưởng.',
  'awaiting-vote': 'Hồ sơ trong chỉ tiêu; chờ Hội đồng biểu quyết.',
  'vote-failed': 'Hội đồng đã biểu quyết; hồ sơ không được thông qua đợt này.',
};

const SEVERITY_TONE: Record<Severity, 'bad' | 'warn' | 'info'> = { rejected: 'bad', ineligible: 'bad', pending: 'warn', info: 'info' };

/** The status page of one nomination. */
export function statusPageHtml(v: StatusView): string {
  const body = html`
<p class="sub">${v.nominee.kind} · ${v.award} · năm ${v.year}</p>
<h1>${v.nominee.name}</h1>
<p class="sub">${[v.nominee.position, v.nominee.unit, v.nominee.block ? `Khối thi đua: ${v.nominee.block}` : undefined].filter(Boolean).join(' — ')}</p>

<section class="card" aria-labelledby="tinh-trang">
<h2 id="tinh-trang">Tình trạng hồ sơ</h2>
<dl class="facts">
<dt>Trạng thái</dt><dd><span class="badge ${STATUS_TONE[v.status]}">${v.statusLabel}</span><span class="meaning">${STATUS_MEANING[v.status]}</span></dd>
<dt>Điểm xét</dt><dd>${points(v.total)}${v.threshold !== undefined ? html` / ngưỡng ${points(v.threshold)} điểm` : ' điểm'}</dd>
${v.rank !== undefined ? html`<dt>Xếp hạng</dt><dd>${v.rank}</dd>` : ''}
<dt>Nộp lúc</dt><dd>${v.submittedAt}</dd>
<dt>Mã hồ sơ</dt><dd>${v.responseId}</dd>
</dl>
<ol class="steps" aria-label="Các bước xét">
${v.stages.map((s) => html`<li class="${s.state}"${s.state === 'current' ? html` aria-current="step"` : ''}>${s.label}${s.state === 'current' ? html` <span class="visually-hidden">(hiện tại)</span>` : ''}</li>`)}
</ol>
</section>

<section class="card" aria-labelledby="can-lam">
<h2 id="can-lam">Kết quả kiểm tra và việc cần làm</h2>
${v.findings.length === 0 ? html`<p class="none">Không có vấn đề nào: hồ sơ không cần bổ sung.</p>` : html`<ul class="findings">${v.findings.map(findingItem)}</ul>`}
</section>

${v.criteria.length ? criteriaTable(v) : ''}

<section class="card" aria-labelledby="han">
<h2 id="han">Thời hạn</h2>
${deadline(v.nextDeadline)}
</section>`;
  const footer = html`<p>Trang này chỉ hiển thị hồ sơ ${v.responseId} của đơn vị; đường dẫn có hiệu lực đến hết ngày ${v.expiresOn}. Không chia sẻ công khai đường dẫn này.</p>
<p>Số liệu cập nhật lúc ${v.updatedAt}. ${v.campaign.issuer}.</p>`;
  return page({ title: `${v.nominee.name} — ${v.statusLabel}`, band: v.campaign.title, body, footer });
}

function findingItem(f: StatusView['findings'][number]): SafeHtml {
  const tone = SEVERITY_TONE[f.severity];
  return html`<li class="${tone}"><span class="tag">${SEVERITY_LABEL[f.severity]}</span><p>${f.message}</p><p class="todo"><strong>Cần làm:</strong> ${f.todo}</p></li>`;
}

function criteriaTable(v: StatusView): SafeHtml {
  const anyCouncil = v.criteria.some((c) => c.council !== undefined);
  const anyRated = v.criteria.some((c) => c.rated);
  const selfSum = v.criteria.reduce((s, c) => s + (c.self ?? 0), 0);
  return html`<section class="card" aria-labelledby="diem">
<h2 id="diem">Điểm từng tiêu chí</h2>
<p class="note" id="diem-ghi-chu">Mỗi tiêu chí phải đạt mức tối thiểu${v.threshold !== undefined ? html`; tổng điểm phải đạt ${points(v.threshold)}` : ''}.${anyCouncil ? ' Khi Hội đồng đã chấm, điểm bình quân của Hội đồng được tính.' : ''}</p>
<table class="cards" aria-describedby="diem-ghi-chu">
<thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Điểm chuẩn</th><th scope="col" class="num">Tối thiểu</th><th scope="col" class="num">Tự chấm</th>${anyCouncil || anyRated ? html`<th scope="col" class="num">Hội đồng</th>` : ''}<th scope="col">Đạt?</th></tr></thead>
<tbody>
${v.criteria.map((c) => criterionRow(c, anyCouncil || anyRated))}
</tbody>
<tfoot><tr><th scope="row">Tổng điểm xét</th><td class="num" data-label="Điểm xét">${points(v.total)}</td><td class="num" data-label="Ngưỡng">${v.threshold !== undefined ? points(v.threshold) : '—'}</td><td class="num" data-label="Tự chấm">${points(selfSum)}</td>${anyCouncil || anyRated ? html`<td class="num" aria-hidden="true"></td>` : ''}<td data-label="Đạt?">${v.threshold === undefined ? '—' : verdict(v.total >= v.threshold)}</td></tr></tfoot>
</table>
</section>`;
}

function criterionRow(c: CriterionLine, councilColumn: boolean): SafeHtml {
  return html`<tr>
<th scope="row">Tiêu chí ${c.number}<span class="crit">${c.text}</span>${c.evidenceMissing ? html`<span class="flag">Thiếu tài liệu kiểm chứng</span>` : ''}</th>
<td class="num" data-label="Điểm chuẩn">${points(c.max)}</td>
<td class="num" data-label="Tối thiểu">${c.min !== undefined ? points(c.min) : '—'}</td>
<td class="num" data-label="Tự chấm">${c.rated ? 'Hội đồng chấm' : c.self !== undefined ? points(c.self) : '—'}</td>
${councilColumn ? html`<td class="num" data-label="Hội đồng">${c.council !== undefined ? points(c.council) : c.rated ? 'Đang chờ' : '—'}</td>` : ''}
<td data-label="Đạt?">${c.meets === false || c.evidenceMissing ? verdict(false) : c.meets === undefined ? html`<span class="wait">Đang chờ</span>` : verdict(true)}</td>
</tr>`;
}

const verdict = (ok: boolean): SafeHtml => (ok ? html`<span class="yes">✓ Đạt</span>` : html`<span class="no">✗ Chưa đạt</span>`);

/** The next deadline, or that none is left. */
export function deadline(next: NextDeadline | undefined): SafeHtml {
  if (!next) return html`<p class="deadline">Phong trào không còn hạn nào sắp tới.</p>`;
  return html`<p class="deadline">Hạn tiếp theo: <strong>còn ${next.daysLeft} ngày</strong></p>
<p>${next.label} — trước ngày ${next.before}${next.submitTo ? ` (gửi ${next.submitTo})` : ''}.</p>`;
}
