import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { Lang } from '../schema/columns.ts';

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
}

/** drizzle over D1; `$client` is the binding itself, for the few statements drizzle cannot express (FTS5). */
export type Db = DrizzleD1Database & { $client: D1Database };

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    db: Db;
    /** The language this response is served in, negotiated from `?lang=` and `Accept-Language`. */
    lang: Lang;
    /** When the response being built stops being true without any content change; set through `freshUntil()`. */
    freshUntil?: Date;
  };
}
