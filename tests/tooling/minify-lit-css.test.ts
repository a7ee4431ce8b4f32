// The build's minifier of the elements' `css` literals (scripts/minify-lit-css.ts): what it writes back must
// still be a template literal Lit can read, or the element silently loses its whole style sheet.
import { describe, expect, it } from 'vitest';
import { minifyCssLiterals } from '../../scripts/minify-lit-css.ts';

/** What Lit's `css` tag receives: the cooked strings of the literal (undefined for an invalid escape). */
const cooked = (source: string): (string | undefined)[] =>
  new Function('css', `return ${source.replace(/^.*?(css`)/s, '$1')};`)((s: TemplateStringsArray) => [...s]);

describe('minifying the elements’ css literals', () => {
  it('keeps a non-ASCII character such as ● as UTF-8, so the style sheet survives', async () => {
    const out = await minifyCssLiterals("const s = css`\n  .dot::before {\n    content: '●';\n  }\n`;");
    expect(out).toContain('content:"●"');
    expect(cooked(out)).toEqual(['.dot:before{content:"●"}']);
  });

  it('minifies plain CSS and leaves literals with interpolations or backslashes as written', async () => {
    expect(await minifyCssLiterals('css`\n  a {\n    color: red;\n  }\n`')).toBe('css`a{color:red}`');
    const escaped = "css`.x::before { content: '\\\\2022'; }`";
    expect(await minifyCssLiterals(escaped)).toBe(escaped);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a literal with an interpolation
    const withValue = 'css`a { color: ${colour}; }`';
    expect(await minifyCssLiterals(withValue)).toBe(withValue);
  });
});
