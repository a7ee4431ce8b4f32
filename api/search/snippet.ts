// Search snippets, made in the Worker from the text of the page's hits only. FTS5's snippet() needs its cursor on
// the row with the MATCH, so it runs for every candidate the query reads (a thousand at 100,000 events, most of a
// search's time); asking FTS5 again for just the page's rows would repeat the MATCH, and for a prefix word most
// documents contain that costs as much as the search. This follows snippet()'s rules (fts5_aux.c) on the
// tokens the index sees (unicode61, remove_diacritics 2: letters, digits and marks; case and accents ignored),
// so the extract is the one FTS5 would pick.
import { escapeToBuffer } from 'hono/utils/html';
import { searchWords } from '../lib/full-text.ts';

/** Tokens in a snippet, as snippet(…, 16) gave before. */
const SNIPPET_TOKENS = 16;
const ELLIPSIS = '…';

interface Token {
  start: number;
  end: number;
  hit: number;
}

/** What the index compares: no case, no accents (remove_diacritics 2 strips combining marks after decomposing). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query as ftsQuery sends them, folded: each matches a token it starts. */
export const queryWords = (q: string): string[] => searchWords(q).map(fold);

function escapeHtml(text: string): string {
  const buffer = [''];
  escapeToBuffer(text, buffer);
  return buffer[0] ?? '';
}

/** Which query word a token matches (its index), or -1. */
function hitOf(token: string, words: string[]): number {
  const folded = fold(token);
  return words.findIndex((word) => folded.startsWith(word));
}

/**
 * An HTML extract of about {@link SNIPPET_TOKENS} tokens of `text` around the best cluster of query words, the
 * words in `<mark>`, everything else escaped, `…` where text was left out: FTS5's window choice (a first hit of a
 * word scores 1000, a repeat 1, a window that starts a sentence 100 more), then the window centred on its hits.
 */
export function snippet(text: string, words: string[]): string {
  const tokens: Token[] = [];
  const sentenceStarts: number[] = [0];
  let previousEnd = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}\p{Co}]+/gu)) {
    const start = match.index;
    // As fts5_aux.c's sentence finder: a token after '.' or ':' and white space starts a sentence.
    if (tokens.length > 0 && /[.:][ \t\n\r]+$/.test(text.slice(previousEnd, start))) sentenceStarts.push(tokens.length);
    tokens.push({ start, end: start + match[0].length, hit: hitOf(match[0], words) });
    previousEnd = start + match[0].length;
  }
  const size = tokens.length;
  const score = (from: number) => {
    const seen = new Set<number>();
    let total = 0;
    let first = -1;
    let last = -1;
    for (let i = from; i < Math.min(size, from + SNIPPET_TOKENS); i++) {
      const hit = tokens[i]?.hit ?? -1;
      if (hit < 0) continue;
      total += seen.has(hit) ? 1 : 1000;
      seen.add(hit);
      if (first < 0) first = i;
      // As fts5_aux.c: the position after the phrase (one token long here).
      last = i + 1;
    }
    let adjusted = first - Math.trunc((SNIPPET_TOKENS - (last - first)) / 2);
    if (adjusted + SNIPPET_TOKENS > size) adjusted = size - SNIPPET_TOKENS;
    return { total, adjusted: Math.max(0, adjusted) };
  };

  let best = 0;
  let bestStart = 0;
  for (let i = 0; i < size; i++) {
    if ((tokens[i]?.hit ?? -1) < 0) continue;
    const here = score(i);
    if (here.total > best) {
      best = here.total;
      bestStart = here.adjusted;
    }
    const sentence = sentenceStarts.findLast((start) => start <= i) ?? 0;
    if (size > SNIPPET_TOKENS && sentence < i) {
      const bonus = score(sentence).total + (sentence === 0 ? 120 : 100);
      if (bonus > best) {
        best = bonus;
        bestStart = sentence;
      }
    }
  }

  const end = Math.min(size, bestStart + SNIPPET_TOKENS) - 1;
  let out = bestStart > 0 ? ELLIPSIS : '';
  let offset = tokens[bestStart]?.start ?? 0;
  for (let i = bestStart; i <= end; i++) {
    const token = tokens[i];
    if (!token) break;
    out += escapeHtml(text.slice(offset, token.start));
    const word = escapeHtml(text.slice(token.start, token.end));
    out += token.hit >= 0 ? `<mark>${word}</mark>` : word;
    offset = token.end;
  }
  // As FTS5: a window that reaches the last token keeps the text after it; one that does not says it stops short.
  out += end >= size - 1 ? escapeHtml(text.slice(offset)) : ELLIPSIS;
  return out;
}
