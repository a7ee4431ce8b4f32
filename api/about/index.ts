import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { visibleStatuses } from '../lib/auth.ts';
import { aboutQuery, toAbout } from './queries.ts';
import { aboutEditorial, getAbout } from './routes.ts';

export { routes } from './routes.ts';

export const aboutRouter = createRouter()
  .openapi(getAbout, async (c) => {
    const { db, lang } = c.var;
    const [row] = await aboutQuery(db, lang, await visibleStatuses(c));
    if (!row) throw new ApiError('not-found', 'No organisation profile has been published yet.');
    return c.json({ data: toAbout(row, lang, new URL(c.req.url).origin) }, 200);
  })
  .route('/', aboutEditorial.router);
