import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { aboutQuery, toAbout } from './queries.ts';
import { getAbout } from './routes.ts';

export { routes } from './routes.ts';

export const aboutRouter = createRouter().openapi(getAbout, async (c) => {
  const { db, lang } = c.var;
  const [row] = await aboutQuery(db, lang);
  if (!row) throw new ApiError('not-found', 'No organisation profile has been published yet.');
  return c.json({ data: toAbout(row, lang, new URL(c.req.url).origin) }, 200);
});
