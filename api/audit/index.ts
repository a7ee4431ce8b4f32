import { and, desc, eq, lt } from 'drizzle-orm';
import { auditLog } from '../../schema/editorial.ts';
import { createRouter } from '../app.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { listAuditRoute } from './routes.ts';

export { routes } from './routes.ts';

export const auditRouter = createRouter().openapi(listAuditRoute, async (c) => {
  const query = c.req.valid('query');
  const limit = Number(query.limit ?? 100);
  const rows = await c.var.db
    .select()
    .from(auditLog)
    .where(
      and(
        query.before ? lt(auditLog.id, Number(query.before)) : undefined,
        query.resource ? eq(auditLog.resource, query.resource) : undefined,
        query.item ? eq(auditLog.itemId, query.item) : undefined,
        query.keyId ? eq(auditLog.keyId, query.keyId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    {
      data: page.map((row) => ({ ...row, at: toBrusselsIso(row.at) })),
      nextBefore: rows.length > limit && last ? String(last.id) : null,
    },
    200,
  );
});
