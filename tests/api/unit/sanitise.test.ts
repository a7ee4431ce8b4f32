// The sanitiser is the one guard between stored analysis HTML and the pages that insert it (partner sites
// through the widgets, /embed). Its output is read back with a real HTML tokenizer, not with patterns.
import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from '../../../api/lib/sanitise.ts';
import { scanHtml, unsafeConstructs, urlScheme } from '../html-scan.ts';

// Payloads from the usual XSS filter-evasion lists, grouped by the trick they use.
const PAYLOADS: Record<string, string[]> = {
  'script elements': [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<script/xss src="//evil.example/x.js"></script>',
    '<ScRiPt>alert(1)</sCrIpT>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<<script>alert(1);//<</script>',
    '<script>alert(1)',
    '"><script>alert(1)</script>',
    '<p title="&quot;><script>alert(1)</script>">x</p>',
    '<template><script>alert(1)</script></template>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<textarea><script>alert(1)</script></textarea>',
  ],
  'event handlers': [
    '<img src=x onerror=alert(1)>',
    '<p onclick="alert(1)">x</p>',
    '<p OnMouseOver=alert(1)>x</p>',
    '<p/onclick=alert(1)>x</p>',
    '<p\nonclick=alert(1)>x</p>',
    '<h3 id="doel" onfocus="alert(1)" tabindex="0">Doel</h3>',
    '<a href="https://socius.be" onmouseover="alert(1)">x</a>',
    '<details open ontoggle=alert(1)>x</details>',
    '<input autofocus onfocus=alert(1)>',
    '<video><source onerror=alert(1)></video>',
    '<body onload=alert(1)>',
    '<marquee onstart=alert(1)>x</marquee>',
  ],
  'script URLs': [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=javascript:alert(1)>x</a>',
    "<a href='javascript:alert(1)'>x</a>",
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="\u0001javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&Tab;script:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="javas&#99;ript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="javascript:alert(1)" href="https://socius.be">x</a>',
    '<a href="https://socius.be" href="javascript:alert(1)">x</a>',
    '<IMG SRC="javascript:alert(1)">',
  ],
  'SVG and MathML': [
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
    '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<math href="javascript:alert(1)">x</math>',
  ],
  styles: [
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<p style="width:expression(alert(1))">x</p>',
    "<style>@import 'javascript:alert(1)';</style>",
    '<style>p{background:url("javascript:alert(1)")}</style><p>x</p>',
    '<link rel="stylesheet" href="javascript:alert(1)">',
  ],
  'frames, objects and forms': [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<IFRAME SRC=https://evil.example></IFRAME>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
  ],
};

const CASES = Object.entries(PAYLOADS).flatMap(([group, payloads]) => payloads.map((payload) => [group, payload] as const));

describe('sanitiseHtml', () => {
  it.each(CASES)('leaves nothing that runs from %s: %s', async (_group, payload) => {
    const output = sanitiseHtml(payload);
    expect(await unsafeConstructs(output), output).toEqual([]);
    // Also when the payload hides inside a paragraph of ordinary text.
    const embedded = sanitiseHtml(`<p>Voor ${payload} na</p>`);
    expect(await unsafeConstructs(embedded), embedded).toEqual([]);
  });

  it('keeps the formatting an analysis is written with', async () => {
    const html =
      '<h3 id="doel">Doel</h3><p>Een <strong>sterk</strong> en <em>open</em> middenveld.<br>Lees <a href="https://socius.be/analyses" title="Analyses" hreflang="nl">meer</a>, ' +
      '<a href="mailto:info@socius.be">mail ons</a> of ga naar <a href="#stromen">de stromen</a>.</p>' +
      '<h4 id="stromen">Stromen</h4><ul><li>een</li></ul><ol><li>twee</li></ol><blockquote>citaat</blockquote>';
    const output = sanitiseHtml(html);
    // External links leave the partner's page without a handle on it and without telling where the reader came from.
    const expected = html.replace('hreflang="nl">', 'hreflang="nl" rel="noopener noreferrer">');
    expect(await scanHtml(output)).toEqual(await scanHtml(expected));
    expect(output).toBe(expected);
  });

  it('keeps the words of the text, so a reader loses only the markup that was dropped', () => {
    expect(sanitiseHtml('<p onclick="alert(1)">Vrijwilligers <img src=x onerror=alert(1)>maken het verschil</p>')).toBe(
      '<p>Vrijwilligers maken het verschil</p>',
    );
    expect(sanitiseHtml('<p>a &lt; b &amp;&amp; c &gt; d</p>')).toBe('<p>a &lt; b &amp;&amp; c &gt; d</p>');
  });

  it('changes nothing on a second pass, so sanitising again when serving never double-escapes', () => {
    for (const [, payload] of CASES) {
      const once = sanitiseHtml(payload);
      expect(sanitiseHtml(once), payload).toBe(once);
    }
  });
});

describe('the test’s own HTML reader', () => {
  // The corpus above is only as strong as this: it must see what a browser would run.
  it.each(CASES)('finds what runs in unsanitised %s: %s', async (_group, payload) => {
    expect(await unsafeConstructs(payload)).not.toEqual([]);
  });

  it.each([
    ['javascript:alert(1)', 'javascript'],
    [' \u0001JaVa\tScRiPt:alert(1)', 'javascript'],
    ['&#106;avascript&colon;alert(1)', 'javascript'],
    ['&#x6A;avascript:alert(1)', 'javascript'],
    ['https://socius.be/a:b', 'https'],
    ['/v1/analyses?x=a:b', null],
    ['#stromen', null],
  ])('reads %j as scheme %j', (value, scheme) => {
    expect(urlScheme(value)).toBe(scheme);
  });
});
