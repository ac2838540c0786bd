import {
  listQuery,
  pageOf,
  type ModuleApp,
  type ModuleContext,
  IfMatchHeaders,
  sendCreated,
  sendVersioned,
  expectedVersion,
  originOf,
  historyRoute,
} from '@pegase/platform';
import { CreateStructure, IdParams, referentialPermissions, Structure, StructureFilters, structureSortFields, UpdateStructure } from '../../contract/index.ts';
import { createStructure, updateStructure } from './structure-commands.ts';
import { getStructure, listStructures } from './structure-queries.ts';

const read = { access: { permission: referentialPermissions.read } };
const write = { access: { permission: referentialPermissions.writeStructures } };

export async function structureRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/structures',
    {
      config: read,
      schema: {
        summary: 'List structures (composantes, departments, services…), with filters and cursor pagination.',
        operationId: 'listStructures',
        querystring: listQuery(structureSortFields, StructureFilters),
        response: { 200: pageOf(Structure) },
      },
    },
    async (request) => listStructures(context.db, request.query),
  );

  app.post(
    '/structures',
    {
      config: write,
      schema: {
        summary: 'Create a structure, at the top or under a parent.',
        operationId: 'createStructure',
        body: CreateStructure,
        response: { 201: Structure },
      },
    },
    async (request, reply) => {
      const structure = await createStructure(context, request.body, originOf(request));
      return sendCreated(request, reply, structure, structure.id);
    },
  );

  app.get(
    '/structures/:id',
    { config: read, schema: { summary: 'Read one structure.', operationId: 'getStructure', params: IdParams, response: { 200: Structure } } },
    async (request, reply) => {
      const structure = await getStructure(context.db, request.params.id);
      return sendVersioned(reply, structure);
    },
  );

  app.patch(
    '/structures/:id',
    {
      config: write,
      schema: {
        summary: 'Change a structure: labels, type, closing date, or move it (and its subtree) under another parent.',
        operationId: 'updateStructure',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateStructure,
        response: { 200: Structure },
      },
    },
    async (request, reply) => {
      const structure = await updateStructure(context, request.params.id, request.body, expectedVersion(request.headers['if-match']), originOf(request));
      return sendVersioned(reply, structure);
    },
  );

  historyRoute(app, context, {
    url: '/structures/:id/history',
    params: IdParams,
    targetType: 'structure',
    targetIdOf: (params) => params.id,
    ensureExists: (params) => getStructure(context.db, params.id),
    permission: referentialPermissions.readHistory,
    summary: 'The change history of a structure, newest first: who changed which fields, when, from which value to which.',
    operationId: 'getStructureHistory',
  });
}
