// Slugs: made from the Dutch title when an editor gives none, unique per resource, and remembered after a rename
// (schema/slug-redirects.ts) so a public GET by an old slug answers 301 to the current one.
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { SqlStatement } from '../../schema/db.ts';
import { analyses, events, type SluggedKind, services, slugRedirects, topics } from '../../schema/index.ts';
import type { AppEnv, Db } from '../env.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest slug, made or given. */
export const SLUG_MAX_LENGTH = 80;
const MAX_LENGTH = SLUG_MAX_LENGTH;

const TABLES = { topic: topics, service: services, analysis: analyses, event: events } as const;
const TABLE_NAMES = { topic: 'topics', service: 'services', analysis: 'analyses', event: 'events' } as const;

/**
 * A URL slug from a title: accents dropped, lowercase ASCII letters and digits joined by single hyphens, at most
 * 80 characters cut at a word boundary.
 *
 * @example slugify('Vrijwilligers­beleid: één dag in Liège!') // 'vrijwilligersbeleid-een-dag-in-liege'
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Apostrophes and soft hyphens join what they stand in ("l'Europe" reads as "leurope", not "l-europe").
    .replace(/['’\u00ad]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_LENGTH) || 'item';
}

/** Whether `slug` is in use by another item of `kind`: as its current slug, or as one it had before a rename. */
async function takenSlugs(db: Db, kind: SluggedKind, base: string, selfId: string | undefined): Promise<Set<string>> {
  const table = TABLE_NAMES[kind];
  const self = selfId ?? '';
  // `base-…` as a range ('-' sorts just before '.'), not LIKE: D1 refuses LIKE patterns over 50 bytes, so a long
  // slug made LIKE fail with "pattern too complex" (a 500 the fuzzer found).
  const { results } = await db.$client
    .prepare(
      `select slug from ${table} where (slug = ?1 or (slug > ?2 and slug < ?5)) and id <> ?3
       union select old_slug from slug_redirects where kind = ?4 and (old_slug = ?1 or (old_slug > ?2 and old_slug < ?5)) and item_id <> ?3`,
    )
    .bind(base, `${base}-`, self, kind, `${base}.`)
    .all<{ slug: string }>();
  return new Set(results.map((row) => row.slug));
}

/**
 * `wanted` (or the slug of `title`) if no other item of `kind` uses it, else the first free `wanted-2`, `-3`, ….
 * Slugs other items had before a rename count as used, so their old links keep leading to them.
 */
export async function uniqueSlug(db: Db, kind: SluggedKind, base: string, selfId?: string): Promise<string> {
  const taken = await takenSlugs(db, kind, base, selfId);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** True when another item of `kind` has `slug` as its current slug (an explicit slug must not take it). */
export async function slugInUse(db: Db, kind: SluggedKind, slug: string, selfId?: string): Promise<boolean> {
  const table = TABLES[kind];
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.slug, slug), sql`${table.id} <> ${selfId ?? ''}`))
    .limit(1);
  return row !== undefined;
}

/**
 * The statements that keep old links working when an item's slug changes from `oldSlug` to `newSlug`: the old slug
 * redirects to the item, and a redirect the new slug may have had (the item takes back an earlier slug, or takes a
 * slug another item left) is dropped, since the slug now names an item itself.
 */
export function slugChangeStatements(kind: SluggedKind, itemId: string, oldSlug: string | undefined, newSlug: string): SqlStatement[] {
  const drop: SqlStatement = { sql: 'delete from slug_redirects where kind = ? and old_slug = ?', params: [kind, newSlug] };
  if (oldSlug === undefined || oldSlug === newSlug) return [drop];
  return [
    drop,
    {
      sql: `insert into slug_redirects (kind, old_slug, item_id, created_at) values (?, ?, ?, ?)
            on conflict (kind, old_slug) do update set item_id = excluded.item_id, created_at = excluded.created_at`,
      params: [kind, oldSlug, itemId, Date.now()],
    },
  ];
}

/** Redirects that lead to an item, for when the item itself is purged. */
export function purgeRedirectsStatement(kind: SluggedKind, itemId: string): SqlStatement {
  return { sql: 'delete from slug_redirects where kind = ? and item_id = ?', params: [kind, itemId] };
}

/** The current slug of the published item that `slug` used to name, if any. */
export async function renamedTo(db: Db, kind: SluggedKind, slug: string): Promise<string | undefined> {
  const table = TABLES[kind];
  const [row] = await db
    .select({ slug: table.slug })
    .from(slugRedirects)
    .innerJoin(table, eq(table.id, slugRedirects.itemId))
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.oldSlug, slug), eq(table.status, 'published')))
    .limit(1);
  return row?.slug;
}

/**
 * For a public GET by slug that found nothing: a 301 to the same URL with the item's current slug (query kept) when
 * `slug` is one the item had before a rename, else `undefined` (the caller answers 404).
 */
export async function redirectRenamed(c: Context<AppEnv>, kind: SluggedKind, slug: string): Promise<Response | undefined> {
  const current = await renamedTo(c.var.db, kind, slug);
  if (current === undefined) return undefined;
  const url = new URL(c.req.url);
  const segments = url.pathname.split('/');
  const at = segments.lastIndexOf(encodeURIComponent(slug));
  if (at < 0) return undefined;
  segments[at] = current;
  url.pathname = segments.join('/');
  return c.redirect(url.toString(), 301);
}

/** The documented answer of a GET by a slug the item had before a rename. */
export const renamedResponse = {
  description: 'The item was renamed: `Location` is the same URL with its current slug. Follow it and update your link.',
  headers: {
    Location: { description: 'The URL with the current slug.', schema: { type: 'string' as const, format: 'uri' } },
  },
};
