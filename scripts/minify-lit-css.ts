import { transform } from 'esbuild';

/**
 * esbuild minifies code but leaves template literals alone, so the elements' styles (Lit `css` literals) would
 * ship with their indentation and comments. This runs each literal without interpolations through esbuild's own
 * CSS minifier. A literal with a backslash is left as written: its raw text is not the CSS it stands for.
 * The CSS keeps its UTF-8 (`charset: 'utf8'`): by default esbuild writes non-ASCII as a CSS escape such as
 * `\25cf`, which inside a template literal is no valid escape, and Lit then gets no text at all, so the whole
 * style sheet of the element was silently lost. A result that still holds a backslash, a backtick or `${` is
 * not put back either, for the same reason.
 */
export async function minifyCssLiterals(source: string): Promise<string> {
  let out = source;
  const literals = [...source.matchAll(/\bcss`([^`$\\]*)`/g)].reverse();
  for (const literal of literals) {
    const minified = (await transform(literal[1] ?? '', { loader: 'css', minify: true, charset: 'utf8' })).code.trim();
    if (/[\\`]|\$\{/.test(minified)) continue;
    out = `${out.slice(0, literal.index)}css\`${minified}\`${out.slice(literal.index + literal[0].length)}`;
  }
  return out;
}
