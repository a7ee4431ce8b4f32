// The editorial operations of a resource, declared once: create, editable read, merge-patch update, delete,
// revisions and restore, each with its key requirement, request schema and every error response. A resource
// calls `editorialRoutes({...})` and mounts the router it returns beside its public reads.
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { problemResponses } from '../errors.ts';
import { bearerSecurity, requireKey, type Scope, scopeNote } from './auth.ts';
import { noQuery } from './list-params.ts';
import {
  createItem,
  createMiddlewares,
  deleteItem,
  type EditableBase,
  type EditableResource,
  type EditorialInput,
  listRevisions,
  RevisionListSchema,
  readEditable,
  restoreRevision,
  updateItem,
  WRITE_SCOPES,
  writeMiddleware,
} from './writes.ts';

/** An item's id or current slug, in the path of an editorial operation. */
export const itemParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'An item id or slug: lowercase letters, digits and single hyphens')
  .openapi({
    param: { name: 'slug', in: 'path' },
    description: 'The item’s current slug or its id (ids never change; slugs may).',
    example: 'vrijwilligerswerk',
  });

const versionParam = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'A revision version: a positive whole number')
  .openapi({ param: { name: 'version', in: 'path' }, example: '2' });

const ifMatch = {
  name: 'If-Match',
  in: 'header' as const,
  required: true,
  description: 'The `ETag` of the item as last read (from any editorial read or write). Missing: 428; stale: 412.',
  schema: { type: 'string' as const, example: '"3"' },
};
/** The `Idempotency-Key` header of a creating `POST`, as documented on each. */
export const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  description:
    'Any unique string (a UUID is ideal). A retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); ' +
    'the same key with another body is a 422. Kept 24 hours.',
  schema: { type: 'string' as const, maxLength: 255 },
};
const etagHeader = { ETag: { description: 'The new version, for the next `If-Match`.', schema: { type: 'string' as const } } };
const purgeQuery = z.strictObject({
  purge: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      param: { name: 'purge', in: 'query' },
      description: '`true` (needs `keys:admin`): remove the item, its texts and its revisions for good instead of archiving it.',
      example: 'false',
    }),
});

export interface EditorialSpec<E extends EditableBase, I extends EditorialInput> {
  /** The collection path (`/topics`); items are at `<base>/{slug}` unless `singleton`. */
  base: string;
  tag: string;
  /** `Topic`: operation ids are `createTopic`, `updateTopic`, … */
  noun: string;
  resource: EditableResource<E, I>;
  input: z.ZodType<I>;
  patch: z.ZodType;
  /** `{ data: Editable… }` */
  detail: z.ZodType;
  example: E;
  /** Scopes that may create and edit (default `content:write` or `content:publish`). */
  scopes?: Scope[];
  /** One item at `base` itself (the about profile): `locate` finds its id. */
  singleton?: { locate: (c: Context<AppEnv>) => Promise<string> };
}

/** The routes and the router of a resource's editorial operations. */
export function editorialRoutes<E extends EditableBase, I extends EditorialInput>(spec: EditorialSpec<E, I>) {
  const { base, tag, noun, resource, example } = spec;
  const scopes = spec.scopes ?? WRITE_SCOPES;
  const itemPath = spec.singleton ? base : `${base}/{slug}`;
  const params = spec.singleton ? { query: noQuery } : { params: z.object({ slug: itemParam }), query: noQuery };
  const locate = async (c: Context<AppEnv>) => (spec.singleton ? spec.singleton.locate(c) : (c.req.param('slug') ?? ''));
  const editable = (description: string, headers = etagHeader) => ({
    description,
    headers,
    content: { 'application/json': { schema: spec.detail, example: { data: example } } },
  });
  const security = bearerSecurity(...scopes);
  const note = scopeNote(scopes);
  const label = resource.label;

  const create = createRoute({
    method: 'post',
    path: base,
    tags: [tag],
    operationId: `create${noun}`,
    summary: `Create a ${label}`,
    description:
      `A new ${label}, as \`draft\` unless \`status\` says otherwise (\`published\` needs \`content:publish\`). Every language in one body; ` +
      'Dutch is required. All violations come back at once in one 422.' +
      note,
    security,
    middleware: createMiddlewares(...scopes),
    parameters: [idempotencyKey],
    request: { query: noQuery, body: { required: true, content: { 'application/json': { schema: spec.input } } } },
    responses: {
      201: editable(`The ${label} as stored.`, {
        ...etagHeader,
        Location: { description: 'Where the editable item is read.', schema: { type: 'string' as const } },
      } as typeof etagHeader),
      ...problemResponses(400, 401, 403, 409, 422, 500),
    },
  });
  const read = createRoute({
    method: 'get',
    path: `${itemPath}/edit`,
    tags: [tag],
    operationId: `getEditable${noun}`,
    summary: `A ${label} as editors see it`,
    description:
      `Every language, the workflow state and schedule, and the \`ETag\` to send in \`If-Match\`. Any status except deleted.` + note,
    security,
    middleware: [requireKey(...scopes)],
    request: params,
    responses: { 200: editable(`The editable ${label}.`), ...problemResponses(400, 401, 403, 404, 500) },
  });
  const update = createRoute({
    method: 'patch',
    path: itemPath,
    tags: [tag],
    operationId: `update${noun}`,
    summary: `Change a ${label}`,
    description:
      'A JSON merge patch (RFC 7396, `application/merge-patch+json` or `application/json`): only the fields that change; `null` removes. ' +
      'Needs `If-Match`. Publishing, archiving and scheduling need `content:publish`. Stored as a new revision.' +
      note,
    security,
    middleware: writeMiddleware(...scopes),
    parameters: [ifMatch],
    request: {
      ...params,
      body: {
        required: true,
        content: { 'application/merge-patch+json': { schema: spec.patch }, 'application/json': { schema: spec.patch } },
      },
    },
    responses: { 200: editable(`The ${label} after the change.`), ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428, 500) },
  });
  const remove = createRoute({
    method: 'delete',
    path: itemPath,
    tags: [tag],
    operationId: `delete${noun}`,
    summary: `Delete a ${label}`,
    description:
      'Soft: the item is archived and kept as a tombstone (and a revision); it leaves the public API at once. ' +
      '`?purge=true` (needs `keys:admin`) removes it for good. Needs `If-Match`.' +
      note,
    security,
    middleware: writeMiddleware(...scopes),
    parameters: [ifMatch],
    request: { ...params, query: purgeQuery },
    responses: { 204: { description: 'Deleted.' }, ...problemResponses(400, 401, 403, 404, 412, 428, 500) },
  });
  const history = createRoute({
    method: 'get',
    path: `${itemPath}/revisions`,
    tags: [tag],
    operationId: `list${noun}Revisions`,
    summary: `Revisions of a ${label}`,
    description: 'Every accepted change, newest first: version, action, key, time, changed fields and the whole item as it left it.' + note,
    security,
    middleware: [requireKey(...scopes)],
    request: params,
    responses: {
      200: {
        description: 'The revisions.',
        content: {
          'application/json': {
            schema: RevisionListSchema,
            example: {
              data: [
                {
                  version: 2,
                  action: 'update',
                  keyId: '9f2c4e1a7b3d5f60',
                  at: '2026-11-30T14:05:12+01:00',
                  changed: ['status'],
                  snapshot: { ...snapshotExample(example), status: 'published' },
                },
              ],
            },
          },
        },
      },
      ...problemResponses(400, 401, 403, 404, 500),
    },
  });
  const restore = createRoute({
    method: 'post',
    path: `${itemPath}/revisions/{version}/restore`,
    tags: [tag],
    operationId: `restore${noun}Revision`,
    summary: `Restore a revision of a ${label}`,
    description:
      'Writes the content of that revision again, as a new revision; the workflow state and schedule stay as they are now. Needs `If-Match`.' +
      note,
    security,
    middleware: writeMiddleware(...scopes),
    parameters: [ifMatch],
    request: {
      params: spec.singleton ? z.object({ version: versionParam }) : z.object({ slug: itemParam, version: versionParam }),
      query: noQuery,
    },
    responses: { 200: editable(`The ${label} after the restore.`), ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428, 500) },
  });

  // Handlers are typed loosely here because one factory serves every resource's schemas; the contracts above
  // are what validates requests and documents responses.
  type Json = Parameters<Context<AppEnv>['json']>[0];
  const router = createRouter();
  const open = router.openapi.bind(router) as (route: RouteConfig, handler: (c: Context<AppEnv>) => Promise<Response>) => unknown;
  const location = (item: E) => new URL(`/v1${base}${spec.singleton ? '' : `/${item.slug}`}/edit`, 'http://x').pathname;
  open(create, async (c) => {
    const { body, status } = await createItem(c, resource, validJson<I>(c), location);
    return c.json(body as Json, status);
  });
  open(read, async (c) => {
    const { body, status } = await readEditable(c, resource, await locate(c));
    return c.json(body as Json, status);
  });
  open(update, async (c) => {
    const { body, status } = await updateItem(c, resource, await locate(c), validJson<Record<string, unknown>>(c), spec.input);
    return c.json(body as Json, status);
  });
  open(remove, async (c) => {
    await deleteItem(c, resource, await locate(c), c.req.query('purge') === 'true');
    return c.body(null, 204);
  });
  open(history, async (c) => c.json((await listRevisions(c, resource, await locate(c))) as Json, 200));
  open(restore, async (c) => {
    const { body, status } = await restoreRevision(c, resource, await locate(c), Number(c.req.param('version')), spec.input);
    return c.json(body as Json, status);
  });
  return { routes: [create, read, update, remove, history, restore] as RouteConfig[], router };
}

function snapshotExample(item: EditableBase): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = item;
  return rest;
}

/** The body the route's validator accepted. */
function validJson<T>(c: Context<AppEnv>): T {
  return (c.req as unknown as { valid: (target: 'json') => T }).valid('json');
}
