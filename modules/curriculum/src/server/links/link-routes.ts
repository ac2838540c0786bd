import { Type } from 'typebox';
import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { curriculumPermissions, Link, LinkBody, LinkParams } from '../../contract/index.ts';
import { linkChild, unlinkChild } from './link-commands.ts';

const write = { access: { permission: curriculumPermissions.write } };

export async function linkRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.put(
    '/objects/:id/children/:childId',
    {
      config: write,
      schema: {
        summary:
          'Place an object under a parent at a position (last by default), or move it among its siblings; an object may have several parents. Refuses a cycle, naming it.',
        operationId: 'linkChild',
        params: LinkParams,
        body: Type.Optional(LinkBody),
        response: { 200: Link },
      },
    },
    async (request) =>
      context.transaction((tx) => linkChild(context, tx, request.params.id, request.params.childId, request.body?.position, originOf(request))),
  );

  app.delete(
    '/objects/:id/children/:childId',
    {
      config: write,
      schema: {
        summary: 'Take an object from under a parent (it stays under its other parents, or becomes a root).',
        operationId: 'unlinkChild',
        params: LinkParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await unlinkChild(context, request.params.id, request.params.childId, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
