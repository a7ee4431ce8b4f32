import { eq } from 'drizzle-orm';
import { topics } from '../../schema/topics.ts';
import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { visibleStatuses } from '../lib/auth.ts';
import { redirectRenamed } from '../lib/slugs.ts';
import { topicQuery, toTopic } from './queries.ts';
import { getTopic, listTopics, topicEditorial } from './routes.ts';

export { routes } from './routes.ts';

export const topicsRouter = createRouter()
  .openapi(listTopics, async (c) => {
    const { db, lang } = c.var;
    const rows = await topicQuery(db, lang, undefined, await visibleStatuses(c));
    return c.json({ data: rows.map((row) => toTopic(row, lang, new URL(c.req.url).origin)) }, 200);
  })
  .openapi(getTopic, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const [row] = await topicQuery(db, lang, eq(topics.slug, slug), await visibleStatuses(c)).limit(1);
    if (!row) {
      const renamed = await redirectRenamed(c, 'topic', slug);
      if (renamed) return renamed;
      throw new ApiError('not-found', `No published topic has the slug "${slug}".`);
    }
    return c.json({ data: toTopic(row, lang, new URL(c.req.url).origin) }, 200);
  })
  .route('/', topicEditorial.router);
