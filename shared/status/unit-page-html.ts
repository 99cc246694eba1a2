import { html } from './html.js';
import { page, points } from './page.js';
import { deadline, STATUS_TONE } from './status-page-html.js';
import type { UnitView } from './unit-view.js';

/** The unit page: every nomination of one unit in the campaign, with its stage and its own status link. */
export function unitPageHtml(v: UnitView): string {
  const body = html`
<p class="sub">Danh sách hồ sơ đề nghị khen thưởng của đơn vị</p>
<h1>${v.unit}</h1>
<p class="sub">${v.rows.length === 0 ? 'Chưa có hồ sơ nào của đơn vị trong phong trào này.' : `${v.rows.length} hồ sơ` + (v.byStage.length ? `: ${v.byStage.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', ')}` : '')}</p>

${
  v.rows.length
    ? html`<section class="card" aria-labelledby="ho-so">
<h2 id="ho-so">Hồ sơ đã nộp</h2>
<p class="note" id="ho-so-ghi-chu">Chọn tên để xem chi tiết, kết quả kiểm tra và việc cần làm của từng hồ sơ.</p>
<table class="cards one" aria-describedby="ho-so-ghi-chu">
<thead><tr><th scope="col">Đối tượng</th><th scope="col">Hình thức khen thưởng</th><th scope="col" class="num">Năm</th><th scope="col" class="num">Điểm xét</th><th scope="col">Giai đoạn</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>
${v.rows.map(
  (r) => html`<tr>
<th scope="row"><a href="${r.href}">${r.name}</a><span class="crit">${r.kind} · nộp lúc ${r.submittedAt}</span></th>
<td data-label="Hình thức">${r.award}</td>
<td class="num" data-label="Năm">${r.year}</td>
<td class="num" data-label="Điểm xét">${points(r.total)}</td>
<td data-label="Giai đoạn">${r.stageLabel}</td>
<td data-label="Trạng thái"><span class="badge ${STATUS_TONE[r.status]}">${r.statusLabel}</span></td>
</tr>`,
)}
</tbody>
</table>
</section>`
    : ''
}

<section class="card" aria-labelledby="han">
<h2 id="han">Thời hạn</h2>
${deadline(v.nextDeadline)}
</section>`;
  const footer = html`<p>Trang này chỉ hiển thị hồ sơ của ${v.unit}; đường dẫn có hiệu lực đến hết ngày ${v.expiresOn}. Không chia sẻ công khai đường dẫn này.</p>
<p>Số liệu cập nhật lúc ${v.updatedAt}. ${v.campaign.issuer}.</p>`;
  return page({ title: `${v.unit} — hồ sơ đề nghị khen thưởng`, band: v.campaign.title, body, footer });
}
