import { Type } from 'typebox';
import { type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import { curriculumPermissions, FormationTree, ObjectPaths } from '../../contract/index.ts';
import { getObject } from '../objects/object-queries.ts';
import { treeJson } from './tree-cache.ts';
import { pathsOf } from './tree-queries.ts';

const read = { access: { permission: curriculumPermissions.read } };

export async function treeRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/objects/:id/tree',
    {
      config: read,
      schema: {
        summary:
          'Read an object (usually a formation) and everything below it in one call: every object once, every path in reading order. The ETag changes with the offer: send If-None-Match to get 304 when nothing changed.',
        operationId: 'getTree',
        params: IdParams,
        response: { 200: FormationTree, 304: Type.Null({ description: 'Not modified since the ETag sent in If-None-Match.' }) },
      },
    },
    async (request, reply) => {
      const { version, json } = await treeJson(context.db, request.params.id);
      const etag = `"${version}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      // Already serialised (and cached): sent as it is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/objects/:id/paths',
    {
      config: read,
      schema: {
        summary: 'Every path of an object: one per chain of parents up to a formation (a shared object has several).',
        operationId: 'getObjectPaths',
        params: IdParams,
        response: { 200: ObjectPaths },
      },
    },
    async (request) => {
      await getObject(context.db, request.params.id);
      return { objectId: request.params.id, paths: await pathsOf(context.db, request.params.id) };
    },
  );
}
