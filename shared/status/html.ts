/**
 * A small, safe HTML template: every interpolated value is escaped unless it is itself a template's output, so a
 * name such as `<script>` or `=IMPORTXML(…)` appears as text. No framework, no dependency.
 */

const SAFE = Symbol('thidua.safe-html');

/** HTML made by `html\`…\`` (or `raw`): interpolated as is. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

/** What may go into a template: text and numbers (escaped), safe HTML, lists of these; null, undefined and false render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

const isSafe = (v: unknown): v is SafeHtml => typeof v === 'object' && v !== null && SAFE in v;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  // true renders nothing too: `${cond && html`…`}` must not print "true" … nor "false"
  if (value === true) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template: the literal parts are trusted markup, every `${value}` is escaped.
 *
 * @example html`<p>${'<script>'}</p>`.text === '<p>&lt;script&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return { [SAFE]: true, text: out };
}

/** Trusted markup written in this code base (a style sheet): never pass user data. */
export function raw(markup: string): SafeHtml {
  return { [SAFE]: true, text: markup };
}
