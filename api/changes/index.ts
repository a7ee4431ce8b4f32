import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/pagination.ts';
import { changeLogSpan, readChanges } from './queries.ts';
import { listChanges } from './routes.ts';

export { routes } from './routes.ts';

// Marks a change-feed cursor, so a list's cursor (whose key is also a number) is never read as a feed position.
const FEED = 'changes';
const positionCursor = (seq: number) => encodeCursor({ key: seq, id: FEED });

export const changesRouter = createRouter().openapi(listChanges, async (c) => {
  const query = c.req.valid('query');
  const { db, lang } = c.var;
  const notIssued = () =>
    ApiError.invalidParam('since', 'query', 'Not a change-feed position this API issued; pass `next` from a previous answer unchanged.');
  let cursor: ReturnType<typeof decodeCursor>;
  try {
    cursor = decodeCursor(query.since);
  } catch {
    throw notIssued();
  }
  if (cursor && (cursor.id !== FEED || typeof cursor.key !== 'number')) throw notIssued();
  const since = typeof cursor?.key === 'number' ? cursor.key : 0;
  const { first, last } = await changeLogSpan(db);
  // A position past the newest change was never issued: it would silently skip every change up to it.
  if (since > last) throw notIssued();
  // Pruning removes the oldest changes: when any after `since` are gone, reading on would miss them unnoticed.
  if (first !== null && since < first - 1) {
    throw new ApiError(
      'cursor-expired',
      'The changes after this position are no longer all kept: re-read the full lists, then poll from `next`.',
      undefined,
      { extensions: { next: positionCursor(last) } },
    );
  }
  const { records, lastSeq, hasMore } = await readChanges(db, since, query.limit, lang, new URL(c.req.url).origin);
  return c.json({ data: records.map((r) => r.entry), next: positionCursor(lastSeq), hasMore }, 200);
});
