// The content version (content_state.version, bumped by database triggers on every content write) is what the edge
// cache keys its copies by. Reading it from D1 on every request would make each cache hit a database round trip,
// so each isolate remembers it for at most CONTENT_VERSION_MAX_AGE_MS: a change written elsewhere (another isolate,
// the seed, a migration) shows within that bound, and a write through this isolate calls contentChanged() so it
// shows on the very next request.
//
// Nobody waits for the read in steady state: the first request that finds the remembered version past REFRESH_AT
// of its bound still answers with it (it is within the bound) and reads the next one in the background. Only a
// version past its bound (an idle isolate, or contentChanged()) is read while the request waits.
import { sql } from 'drizzle-orm';
import type { Db } from '../../schema/db.ts';

/** How long an isolate trusts the version it last read: the documented bound on seeing a change made elsewhere. */
export const CONTENT_VERSION_MAX_AGE_MS = 1000;

let known: { version: number; readAt: number } | undefined;
// When a read is under way (its start): concurrent requests then keep to the remembered version while it is still
// within its bound, instead of all reading it at once the moment it expires.
let refreshingSince: number | undefined;
// A version past this share of its bound is refreshed by the first request that sees it, ahead of expiry. Half
// the bound leaves the background read as long again to finish before anyone would have to wait for a read (a
// loaded local D1 queues a read for hundreds of milliseconds); it costs at most two reads a second per isolate.
const REFRESH_AT = 0.5;
// Bumped by contentChanged(): a read that started before a write in this isolate must not be remembered after it.
let generation = 0;

/**
 * Call after a content write in this isolate (once its batch has committed): the next request reads the version
 * from D1 again instead of trusting the remembered one, so the write shows at once.
 */
export function contentChanged(): void {
  known = undefined;
  refreshingSince = undefined;
  generation += 1;
}

/** Where a request hands work that must outlive it (`executionCtx.waitUntil`); absent: the request waits for it. */
export type Background = (work: Promise<unknown>) => void;

/**
 * The content version, from memory when it was read less than `maxAgeMs` ago, else from D1 (one round trip).
 * `maxAgeMs` 0 reads it every time. Past {@link REFRESH_AT} of the bound, the next version is read through
 * `refreshDb` in `background` while this request goes on with the remembered one; without `background` it waits.
 */
export async function contentVersion(
  db: Db,
  maxAgeMs = CONTENT_VERSION_MAX_AGE_MS,
  background?: { refreshDb: () => Db; waitUntil: Background },
): Promise<number> {
  const now = Date.now();
  if (known && now - known.readAt < maxAgeMs) {
    const refreshing = refreshingSince !== undefined && now - refreshingSince < maxAgeMs;
    if (now - known.readAt < maxAgeMs * REFRESH_AT || refreshing) return known.version;
    if (background) {
      const remembered = known.version;
      // A background read that fails (D1 down) leaves the remembered version to expire at its bound; the request
      // that then reads it in the foreground gets the failure, and the edge cache its stale copy.
      background.waitUntil(readVersion(background.refreshDb(), now).catch(() => undefined));
      return remembered;
    }
  }
  return readVersion(db, now);
}

/** One read of the version from D1, remembered unless a newer read or a write in this isolate overtook it. */
async function readVersion(db: Db, now: number): Promise<number> {
  // The moment before the read: what is read is at least that recent, never older.
  const readAt = now;
  const startedIn = generation;
  refreshingSince = readAt;
  try {
    const state = await db.get<{ version: number } | undefined>(sql`select version from content_state where id = 1`);
    const version = state?.version ?? 0;
    // A slower, older read never replaces a newer one that finished first.
    if (startedIn === generation && (!known || readAt >= known.readAt)) known = { version, readAt };
    return version;
  } finally {
    if (refreshingSince === readAt) refreshingSince = undefined;
  }
}
