import type { Lang } from '../schema/columns.ts';
import type { Db } from '../schema/db.ts';
import type { ApiKey } from '../schema/editorial.ts';

// Route modules take the database type from here, beside the bindings it is built from.
export type { Db };

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Milliseconds an isolate trusts the content version it read (default 1000, see api/lib/content-version.ts); tests set 0. */
  CONTENT_VERSION_MAX_AGE_MS?: string;
  /** Reads per client and period (`[[ratelimits]]` in wrangler.toml); absent: not limited (api/lib/rate-limit.ts). */
  READ_LIMITER?: RateLimit;
  /** Writes per API key and period; absent: not limited. */
  WRITE_LIMITER?: RateLimit;
  /** Milliseconds a D1 call may take before the request answers 503 (default in api/middleware/database.ts). */
  D1_TIMEOUT_MS?: string;
  /** Webhook deliveries (api/webhooks/, `[[queues.producers]]` in wrangler.toml); absent where no queue is bound. */
  WEBHOOKS_QUEUE?: Queue<{ deliveryId: string }>;
  /** `true` lets webhooks point at http://localhost (tests; `wrangler dev` allows it by its loopback host anyway). */
  WEBHOOKS_ALLOW_LOCAL_URLS?: string;
  /** Seconds before the first retry of a failed delivery (default 30; doubles per attempt); tests set 1. */
  WEBHOOKS_RETRY_BASE_SECONDS?: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    db: Db;
    /** The language this response is served in, negotiated from `?lang=` and `Accept-Language`. */
    lang: Lang;
    /** When the response being built stops being true without any content change; set through `freshUntil()`. */
    freshUntil?: Date;
    /** The API key of this request, once `authenticate()` (api/lib/auth.ts) accepted it. */
    apiKey?: ApiKey;
    /** What the audit entry of this write names; see api/lib/writes.ts. */
    audit?: { resource?: string; itemId?: string; written?: boolean };
    /** A `POST`'s `Idempotency-Key` and request hash, stored with its first response (api/lib/writes.ts). */
    idempotency?: { key: string; hash: string; stored?: boolean };
  };
}
