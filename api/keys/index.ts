import { eq } from 'drizzle-orm';
import { apiKeys } from '../../schema/editorial.ts';
import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { keyById, listKeys, newKey, toKey } from './queries.ts';
import { createKeyRoute, listKeysRoute, revokeKeyRoute } from './routes.ts';

export { routes } from './routes.ts';

export const keysRouter = createRouter()
  .openapi(listKeysRoute, async (c) => c.json({ data: (await listKeys(c.var.db)).map(toKey) }, 200))
  .openapi(createKeyRoute, async (c) => {
    const input = c.req.valid('json');
    const { key, row } = await newKey({ ...input, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null });
    await c.var.db.insert(apiKeys).values(row);
    c.set('audit', { resource: 'keys', itemId: row.id });
    return c.json({ data: { ...toKey(row), key } }, 201);
  })
  .openapi(revokeKeyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await keyById(c.var.db, id);
    c.set('audit', { resource: 'keys', itemId: id });
    if (!row) throw new ApiError('not-found', `No API key has the id "${id}".`);
    if (!row.revokedAt) await c.var.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id));
    return c.body(null, 204);
  });
