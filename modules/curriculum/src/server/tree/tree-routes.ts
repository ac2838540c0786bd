import { type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import { curriculumPermissions, FormationTree, ObjectPaths } from '../../contract/index.ts';
import { getObject } from '../objects/object-queries.ts';
import { pathsOf, readTree } from './tree-queries.ts';

const read = { access: { permission: curriculumPermissions.read } };

export async function treeRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/objects/:id/tree',
    {
      config: read,
      schema: {
        summary: 'Read an object (usually a formation) and everything below it in one call: every object once, every path in reading order.',
        operationId: 'getTree',
        params: IdParams,
        response: { 200: FormationTree },
      },
    },
    async (request) => readTree(context.db, request.params.id),
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
