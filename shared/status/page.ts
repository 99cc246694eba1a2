import { createHash } from 'node:crypto';
import { html, raw, type SafeHtml } from './html.js';

/**
 * The frame of every status page: one HTML document in Vietnamese, its own small style sheet (phone first, readable
 * when printed, contrast ≥ 4.5:1), no script, nothing fetched from elsewhere.
 */

const CSS = `
:root{--ink:#1b1f24;--muted:#4b5563;--line:#d4d9df;--bg:#f3f5f7;--accent:#0b4a82;--ok-bg:#e2f3e7;--ok:#0b5a25;--warn-bg:#fff3d1;--warn:#6a4600;--bad-bg:#fce6e6;--bad:#8d1515;--info-bg:#e6eefa;--info:#0b4a82}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
.top{background:var(--accent);color:#fff;padding:.6rem 1rem}
.top p{margin:0 auto;max-width:48rem;font-size:.9rem}
main{display:block;max-width:50rem;margin:0 auto;padding:1rem 1rem 2rem}
h1{font-size:1.55rem;line-height:1.25;margin:.4rem 0 .2rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;line-height:1.3;margin:0 0 .7rem}
.sub{color:var(--muted);margin:0 0 1rem;overflow-wrap:anywhere}
.card{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.badge{display:inline-block;padding:.15rem .65rem;border-radius:999px;font-weight:700;border:1px solid currentColor;font-size:.95rem}
.ok{background:var(--ok-bg);color:var(--ok)}.warn{background:var(--warn-bg);color:var(--warn)}.bad{background:var(--bad-bg);color:var(--bad)}.info{background:var(--info-bg);color:var(--info)}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.35rem 1rem;margin:0}
.facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.meaning{display:block;font-weight:400;margin-top:.3rem}
td .badge{white-space:nowrap}
.steps{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:1rem 0 0;counter-reset:step}
.steps li{flex:1 1 7.5rem;padding:.45rem .6rem;border-radius:.4rem;border:1px solid var(--line);font-size:.95rem;counter-increment:step}
.steps li::before{content:counter(step) ". "}
.steps .done{background:var(--ok-bg);color:var(--ok);border-color:#9fcfae}
.steps .current{border:2px solid var(--accent);color:var(--accent);font-weight:700;background:var(--info-bg)}
.steps .todo{color:var(--muted);background:#fff}
.findings{list-style:none;padding:0;margin:0}
.findings li{border:1px solid var(--line);border-left-width:.35rem;border-radius:.4rem;padding:.6rem .8rem;margin:0 0 .6rem;background:#fff}
.findings li.bad{border-left-color:var(--bad)}.findings li.warn{border-left-color:#b07a00}.findings li.info{border-left-color:var(--info)}
.findings .tag{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.findings li.bad .tag{color:var(--bad)}.findings li.warn .tag{color:var(--warn)}.findings li.info .tag{color:var(--info)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.findings p{margin:.2rem 0 0;color:var(--ink)}
.findings .todo{margin-top:.4rem}
.none{margin:0;color:var(--ok);font-weight:600}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{text-align:left;padding:.5rem .45rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:.85rem;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
thead th.num{white-space:normal}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tfoot td,tfoot th{font-weight:700;border-bottom:0}
.crit{display:block;color:var(--muted);font-size:.85rem;font-weight:400;margin-top:.15rem}
.yes,.no,.wait{white-space:nowrap}.yes{color:var(--ok);font-weight:700}.no{color:var(--bad);font-weight:700}.wait{color:var(--muted)}
.flag{display:block;color:var(--bad);font-size:.85rem;font-weight:700;margin-top:.2rem}
a{color:var(--accent)}
.deadline{font-size:1.05rem;margin:0}.deadline strong{font-size:1.25rem}
.note{color:var(--muted);font-size:.9rem;margin:0 0 .5rem}
footer{max-width:50rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.875rem}
footer p{margin:.25rem 0}
.refusal{max-width:34rem;margin:1.5rem auto}.refusal h1{margin-top:0}
.refusal h1{color:var(--bad)}
@media (max-width:40rem){
 body{font-size:1rem}
 h1{font-size:1.35rem}
 .cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 .cards,.cards tbody,.cards tfoot,.cards tr,.cards td,.cards th{display:block;width:100%}
 .cards tr{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:1.25rem;border:1px solid var(--line);border-radius:.4rem;margin:0 0 .6rem;padding:.4rem .65rem;background:#fff}
 .cards td,.cards th{border:0;padding:.15rem 0;width:auto}
 .cards tr>th{grid-column:1/-1;padding-bottom:.3rem}
 .cards td[data-label]{display:flex;justify-content:space-between;gap:.5rem;text-align:right}
 .cards .yes,.cards .no,.cards .wait{white-space:normal}
 .cards.one tr{grid-template-columns:minmax(0,1fr)}
 .cards td[data-label]::before{content:attr(data-label);color:var(--muted);font-weight:400;text-align:left;white-space:nowrap}
}
@media print{
 @page{margin:15mm}
 body{background:#fff;font-size:10.5pt;color:#000}
 .top{background:none;color:#000;border-bottom:1px solid #000;padding:0 0 4pt}
 main{max-width:none;padding:0}
 .card{border:0;border-top:1px solid #999;border-radius:0;padding:8pt 0;margin:0;break-inside:auto}
 .badge,.steps li,.findings li{background:none!important;color:#000!important;border-color:#000}
 .steps .current{border-width:2px}
 .findings li,tr{break-inside:avoid}
 a{color:#000;text-decoration:none}
 footer{padding:8pt 0 0;color:#000}
 .noprint{display:none}
}
`;

/** The style sheet's hash, for a Content-Security-Policy that allows it and nothing else. */
export const STYLE_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

/** Headers of every page: HTML, never cached or indexed, no script, no referrer (the link is the key), no framing. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
  'Content-Security-Policy': `default-src 'none'; style-src '${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
};

/** A whole document: title, the issuer's band on top, the content, a footer. */
export function page(options: { title: string; band?: string; body: SafeHtml; footer?: SafeHtml }): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top"><p>${options.band ?? 'Thi đua - Khen thưởng'}</p></header>
<main>
${options.body}
</main>
${options.footer ? html`<footer>${options.footer}</footer>` : ''}
</body>
</html>
`.text;
}

const VI_POINTS = new Intl.NumberFormat('vi-VN', { useGrouping: false, maximumFractionDigits: 2 });

/** Points as Vietnamese readers write them: "13,5". */
export const points = (n: number): string => VI_POINTS.format(n);
