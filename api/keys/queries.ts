import { asc, eq } from 'drizzle-orm';
import { type ApiKey, apiKeys, type Scope } from '../../schema/editorial.ts';
import type { Db } from '../env.ts';
import { mintApiKey } from '../lib/auth.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import type { KeyBody } from './schemas.ts';

/**
 * A new key and the row to store for it. The CLI (scripts/keys.ts) and `POST /v1/keys` both create keys
 * through this, so a key made either way looks and verifies the same.
 */
export async function newKey(input: { name: string; scopes: Scope[]; organiser?: string | null; expiresAt?: Date | null }) {
  const { id, key, hash } = await mintApiKey();
  const row: ApiKey = {
    id,
    name: input.name,
    hash,
    scopes: input.scopes,
    organiser: input.organiser ?? null,
    createdAt: new Date(),
    expiresAt: input.expiresAt ?? null,
    lastUsedAt: null,
    revokedAt: null,
  };
  return { key, row };
}

const iso = (d: Date | null) => (d ? toBrusselsIso(d) : null);

/** What the API and the CLI show of a key: everything but its hash (the key itself is never stored). */
export function toKey(row: ApiKey): KeyBody {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    organiser: row.organiser,
    createdAt: toBrusselsIso(row.createdAt),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export const listKeys = (db: Db) => db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
export const keyById = async (db: Db, id: string) => (await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1))[0];
