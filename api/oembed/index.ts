// oEmbed provider (https://oembed.com): pasting the URL of a Socius page into WordPress, Drupal or any oEmbed
// consumer embeds it as an iframe of the matching no-JavaScript /embed page. Found through the discovery links
// on the pages for people (api/feeds/discovery.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { html } from 'hono/html';
import { LANGS, type Lang } from '../../schema/columns.ts';
import { createRouter } from '../app.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { PUBLIC_CACHE_CONTROL } from '../middleware/edge-cache.ts';
import type { ApiFetch } from '../pages/embed/index.ts';

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 480;
const CACHE_AGE = 3600;

const LIST_TITLES: Record<'events' | 'analyses' | 'services', Record<Lang, string>> = {
  events: { nl: 'Activiteiten van Socius', en: 'Socius events', fr: 'Activités de Socius' },
  analyses: { nl: 'Analyses van Socius', en: 'Socius analyses', fr: 'Analyses de Socius' },
  services: { nl: 'Aanbod van Socius', en: 'Socius services', fr: 'Offre de Socius' },
};

const dimension = (name: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'A whole number of pixels from 1 to 99999')
    .optional()
    .openapi({
      param: { name, in: 'query' },
      description: `The most ${name === 'maxwidth' ? 'width' : 'height'} the consumer can give the embed, in pixels.`,
      example: '500',
    });

export const OembedSchema = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('rich'),
    title: z.string(),
    provider_name: z.literal('Socius'),
    provider_url: z.url(),
    html: z.string().openapi({ description: 'An iframe of the matching `/embed/…` page (plain HTML, no script), to insert as is.' }),
    width: z.number().int(),
    height: z.number().int(),
    cache_age: z.number().int(),
  })
  .openapi('OEmbed', {
    description: 'An oEmbed 1.0 `rich` response.',
    example: {
      version: '1.0',
      type: 'rich',
      title: 'Tailor-made volunteer policy (Ghent)',
      provider_name: 'Socius',
      provider_url: 'https://api.socius.example/',
      html: '<iframe src="https://api.socius.example/embed/event?slug=vrijwilligersbeleid-op-maat-gent&amp;lang=en" width="640" height="480" title="Tailor-made volunteer policy (Ghent)" loading="lazy" style="border:0;max-width:100%"></iframe>',
      width: 640,
      height: 480,
      cache_age: CACHE_AGE,
    },
  });

const oembedRoute = createRoute({
  method: 'get',
  path: '/oembed',
  tags: ['Embeds'],
  operationId: 'getOembed',
  summary: 'oEmbed for a Socius page',
  description:
    'The oEmbed (`rich`) answer for the URL of a page of this server: an event, analysis or about page (`/{lang}/events/{slug}`, ' +
    '`/{lang}/analyses/{slug}`, `/{lang}/about`) or an `/embed/…` page. The HTML is an iframe of the matching `/embed/…` page, ' +
    'at most `maxwidth` by `maxheight`. A URL of another host, another path or an unpublished item is a 404; `format=xml` is a 501.',
  request: {
    query: z.strictObject({
      url: z.string().openapi({
        param: { name: 'url', in: 'query' },
        description: 'The page to embed, as people see it in the address bar.',
        example: 'https://api.socius.example/en/events/vrijwilligersbeleid-op-maat-gent',
      }),
      format: z
        .enum(['json', 'xml'])
        .optional()
        .openapi({
          param: { name: 'format', in: 'query' },
          description: '`json` (the default); `xml` is answered with 501.',
          example: 'json',
        }),
      maxwidth: dimension('maxwidth'),
      maxheight: dimension('maxheight'),
    }),
  },
  responses: {
    200: { description: 'The oEmbed answer.', content: { 'application/json': { schema: OembedSchema } } },
    ...problemResponses(400, 404, 501, 500),
  },
});

export const routes = [oembedRoute];

interface Target {
  embedPath: string;
  /** The API resource whose title names the embed (and whose 404 makes the URL unknown). */
  apiPath?: string;
  title?: string;
}

/** Which /embed page shows a page of this server, or null when the URL is not one it knows. */
function targetOf(url: URL): Target | null {
  const [first, second, third, ...rest] = url.pathname.split('/').filter(Boolean);
  if (first === 'embed' && second && !third) {
    const known = ['events', 'event', 'analyses', 'analysis', 'services', 'about'];
    if (!known.includes(second)) return null;
    const lang = (LANGS as readonly string[]).includes(url.searchParams.get('lang') ?? '') ? (url.searchParams.get('lang') as Lang) : 'nl';
    const slug = url.searchParams.get('slug');
    const single = second === 'event' ? 'events' : second === 'analysis' ? 'analyses' : null;
    return {
      embedPath: `${url.pathname}${url.search}`,
      ...(single && slug ? { apiPath: `/v1/${single}/${encodeURIComponent(slug)}?lang=${lang}` } : {}),
      ...(second === 'about' ? { apiPath: `/v1/about?lang=${lang}` } : {}),
      ...(second === 'events' || second === 'analyses' || second === 'services' ? { title: LIST_TITLES[second][lang] } : {}),
    };
  }
  if (!first || !(LANGS as readonly string[]).includes(first) || rest.length > 0) return null;
  const lang = first as Lang;
  if (second === 'about' && !third) return { embedPath: `/embed/about?lang=${lang}`, apiPath: `/v1/about?lang=${lang}` };
  if ((second === 'events' || second === 'analyses') && third) {
    const slug = decodeURIComponent(third);
    const params = new URLSearchParams({ slug, lang });
    return {
      embedPath: `/embed/${second === 'events' ? 'event' : 'analysis'}?${params}`,
      apiPath: `/v1/${second}/${encodeURIComponent(slug)}?lang=${lang}`,
    };
  }
  return null;
}

export function createOembedRouter(fetchApi: ApiFetch) {
  return createRouter().openapi(oembedRoute, async (c) => {
    const query = c.req.valid('query');
    if (query.format === 'xml') throw new ApiError('format-not-implemented', 'oEmbed is served as JSON only: use format=json.');
    const origin = new URL(c.req.url).origin;
    const unknown = () => new ApiError('not-found', `${query.url} is not a page this server can embed.`);
    const url = URL.parse(query.url);
    if (!url || url.origin !== origin) throw unknown();
    const target = targetOf(url);
    if (!target) throw unknown();
    let title = target.title ?? 'Socius';
    if (target.apiPath) {
      const response = await fetchApi(c, target.apiPath);
      if (!response.ok) {
        await response.body?.cancel();
        throw unknown();
      }
      const { data } = (await response.json()) as { data: { title?: string; name?: string } };
      title = data.title ?? data.name ?? title;
    }
    const width = Math.min(DEFAULT_WIDTH, Number(query.maxwidth ?? DEFAULT_WIDTH));
    const height = Math.min(DEFAULT_HEIGHT, Number(query.maxheight ?? DEFAULT_HEIGHT));
    const src = `${origin}${target.embedPath}`;
    const iframe = html`<iframe src="${src}" width="${width}" height="${height}" title="${title}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
    return c.json(
      {
        version: '1.0' as const,
        type: 'rich' as const,
        title,
        provider_name: 'Socius' as const,
        provider_url: `${origin}/`,
        html: String(await iframe),
        width,
        height,
        cache_age: CACHE_AGE,
      },
      200,
      { 'Cache-Control': PUBLIC_CACHE_CONTROL },
    );
  });
}
