// The change feed as webhooks see it: the same entries as `GET /v1/changes` (api/changes/queries.ts), each with
// the event type a subscriber filters on. The feed itself says only "public now" (an item) or "no longer public"
// (a tombstone); which of created, updated, published, unpublished or deleted it was comes from the item's
// revisions, when the latest of them belongs to this change.
import { and, desc, eq } from 'drizzle-orm';
import { revisions } from '../../schema/editorial.ts';
import type { WebhookEventType } from '../../schema/webhooks.ts';
import { type ChangeRecord, changeLogSpan, readChanges } from '../changes/queries.ts';
import type { Db } from '../env.ts';

export type { ChangeRecord };
export { changeLogSpan, readChanges };

// A revision and the change rows of one write come from one batch: their times differ by milliseconds. A change
// with no revision this close (a topic renamed changes every event showing it; an import writes no revisions)
// is an update of what the public sees.
const SAME_WRITE_MS = 5_000;

/** The event type of a feed entry. */
export async function eventTypeOf(db: Db, { entry }: ChangeRecord): Promise<WebhookEventType> {
  const [latest, before] = await db
    .select({ action: revisions.action, at: revisions.at, snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.resource, entry.resource), eq(revisions.itemId, entry.id)))
    .orderBy(desc(revisions.version))
    .limit(2);
  const ofThisChange = latest !== undefined && Math.abs(latest.at.getTime() - Date.parse(entry.at)) <= SAME_WRITE_MS;
  if (entry.kind === 'tombstone') {
    // A purge removes the item's revisions with it.
    return latest === undefined || (ofThisChange && latest.action === 'delete') ? 'content.deleted' : 'content.unpublished';
  }
  if (!ofThisChange) return 'content.updated';
  // Public now, yet not by its latest revision: published outside the write pipeline.
  if (latest.snapshot.status !== 'published') return 'content.published';
  if (latest.action === 'create') return 'content.created';
  return before?.snapshot.status === 'published' ? 'content.updated' : 'content.published';
}
