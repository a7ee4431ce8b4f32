// Security headers for everything the Worker answers. Partner pages frame /embed and load the widgets, so a page of
// ours must never become a way into theirs: every HTML page runs only script files of this origin (or an inline
// script whose hash the page names), nothing sniffs a JSON body into HTML, and only /embed may be framed.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.ts';

type Directives = Record<string, string[]>;

/** The policy of every HTML page; `frameAncestors` is the only thing /embed changes. */
export const PAGE_CSP: Directives = {
  defaultSrc: ["'self'"],
  // No 'unsafe-inline' and no 'unsafe-eval': an injected <script> or handler attribute never runs.
  scriptSrc: ["'self'"],
  // Inline <style> is the pages' own constant CSS and the widgets' custom properties; CSS cannot run script.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Writes a policy as a header value, e.g. for a page that adds the hash of its own inline script. */
export const cspHeader = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');

const COMMON = {
  referrerPolicy: 'strict-origin-when-cross-origin',
  xContentTypeOptions: true,
  // Cross-origin readers (widgets, feed readers, calendars) are the point of this API: keep them allowed.
  crossOriginResourcePolicy: false,
  crossOriginEmbedderPolicy: false,
  // A header a handler set itself (the docs page's policy with its script hash) is kept.
  overwrite: false,
} as const;

const pageHeaders = secureHeaders({ ...COMMON, contentSecurityPolicy: PAGE_CSP, xFrameOptions: 'DENY' });

// /embed is for iframes on any partner's page; X-Frame-Options cannot say "anyone", so it is left out there.
const embedHeaders = secureHeaders({
  ...COMMON,
  contentSecurityPolicy: { ...PAGE_CSP, frameAncestors: ['*'] },
  xFrameOptions: false,
  crossOriginOpenerPolicy: false,
});

/** Picks the policy by path; registered once, before every route. */
export const securityHeaders: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.path === '/embed' || c.req.path.startsWith('/embed/') ? embedHeaders(c, next) : pageHeaders(c, next);
