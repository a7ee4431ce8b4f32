// Where a webhook may point. Deliveries leave the Worker for any URL a `webhooks:admin` key names, so the rule is
// narrow: https only, to a name or public address; loopback over plain http only while the Worker itself runs
// locally (a subscriber's test receiver on the developer's machine), never in production.
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Address literals that name this machine or a private network: refused even over https. */
function isPrivateAddress(hostname: string): boolean {
  if (LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost')) return true;
  if (hostname.startsWith('[')) return true; // IPv6 literals: none is a public webhook endpoint worth the risk
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname)?.slice(1).map(Number);
  if (!octets) return false;
  const [a = 0, b = 0] = octets;
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** Whether this Worker runs locally: served on a loopback host (`wrangler dev`), or told so by the test bindings. */
export function runsLocally(c: Context<AppEnv>): boolean {
  return c.env.WEBHOOKS_ALLOW_LOCAL_URLS === 'true' || LOOPBACK_HOSTS.has(new URL(c.req.url).hostname);
}

/** Why `url` may not receive webhooks, or undefined when it may. */
export function webhookUrlProblem(url: string, local: boolean): string | undefined {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return 'May not carry a user name or password';
  if (local && parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return undefined;
  if (parsed.protocol !== 'https:') return 'Must be an https: URL (http://localhost only while the API runs locally)';
  if (isPrivateAddress(parsed.hostname) && !local) return 'Must be a public address, not a loopback or private one';
  return undefined;
}
