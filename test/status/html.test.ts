import { describe, expect, test } from 'vitest';
import { escapeHtml, html, raw } from '../../shared/status/html.js';

describe('the HTML template escapes everything it is given', () => {
  test.each([
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a spreadsheet formula', '=IMPORTXML("http://x", "//a")', '=IMPORTXML(&quot;http://x&quot;, &quot;//a&quot;)'],
    ['quotes that would leave an attribute', `" onmouseover='x'`, '&quot; onmouseover=&#39;x&#39;'],
    ['an ampersand entity', '&lt;', '&amp;lt;'],
    ['Vietnamese text', 'Nguyễn Thị Thuý – Đặng', 'Nguyễn Thị Thuý – Đặng'],
  ])('%s appears as text', (_, value, escaped) => {
    expect(html`<p title="${value}">${value}</p>`.text).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  test('nested templates and lists are kept as markup; their values are escaped once', () => {
    const items = ['<b>', 'a & b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.text).toBe('<ul><li>&lt;b&gt;</li><li>a &amp; b</li></ul>');
  });

  test('null, undefined, true and false render nothing; numbers render as text', () => {
    expect(html`[${null}${undefined}${false}${true}${0}${13.5}]`.text).toBe('[013.5]');
  });

  test('an object that merely looks like safe HTML (as JSON could carry) is not trusted', () => {
    const forged = JSON.parse('{"text":"<script>x</script>"}') as never;
    expect(html`${forged}`.text).toBe('[object Object]');
  });

  test('raw marks trusted markup of the code base, and escapeHtml escapes backticks too', () => {
    expect(html`${raw('<br>')}`.text).toBe('<br>');
    expect(escapeHtml('`x`')).toBe('&#96;x&#96;');
  });
});
