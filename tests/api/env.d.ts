declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    ASSETS: Fetcher;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    READ_LIMITER: RateLimit;
    WRITE_LIMITER: RateLimit;
    TEST_READ_LIMITER: RateLimit;
    TEST_WRITE_LIMITER: RateLimit;
  }
}
