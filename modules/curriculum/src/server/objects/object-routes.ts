import { Type } from 'typebox';
import {
  expectedVersion,
  historyRoute,
  holds,
  IfMatchHeaders,
  listQuery,
  originOf,
  pageOf,
  Problem,
  sendCreated,
  sendVersioned,
  type ModuleApp,
  type ModuleContext,
} from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import {
  CreateObjectType,
  CreateTrainingObject,
  curriculumPermissionDeclarations,
  curriculumPermissions,
  ObjectFilters,
  objectSortFields,
  ObjectType,
  TrainingObject,
  UpdateTrainingObject,
} from '../../contract/index.ts';
import { createObject, createObjectType, updateObject } from './object-commands.ts';
import { getObject, listObjects, listObjectTypes } from './object-queries.ts';

const read = { access: { permission: curriculumPermissions.read } };
const write = { access: { permission: curriculumPermissions.write } };
const unfreezeDeclaration = curriculumPermissionDeclarations.find((p) => p.name === curriculumPermissions.unfreeze)!;

export async function objectRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/types',
    { config: read, schema: { summary: 'List the kinds of training objects.', operationId: 'listObjectTypes', response: { 200: Type.Array(ObjectType) } } },
    async () => listObjectTypes(context.db),
  );

  app.post(
    '/types',
    {
      config: { access: { permission: curriculumPermissions.types } },
      schema: {
        summary: 'Add a kind of training object (grouping or not).',
        operationId: 'createObjectType',
        body: CreateObjectType,
        response: { 201: ObjectType },
      },
    },
    async (request, reply) => reply.status(201).send(await createObjectType(context, request.body)),
  );

  app.get(
    '/objects',
    {
      config: read,
      schema: {
        summary: 'List or search training objects (by period, kind, status, owner; q: code or label, accents and case ignored, close spellings too).',
        operationId: 'listObjects',
        querystring: listQuery(objectSortFields, ObjectFilters),
        response: { 200: pageOf(TrainingObject) },
      },
    },
    async (request) => listObjects(context.db, request.query),
  );

  app.post(
    '/objects',
    {
      config: write,
      schema: {
        summary: 'Create a training object in a period, at the top or under a parent (then last among its children).',
        operationId: 'createObject',
        body: CreateTrainingObject,
        response: { 201: TrainingObject },
      },
    },
    async (request, reply) => {
      const created = await createObject(context, request.body, originOf(request));
      return sendCreated(request, reply, created, created.id);
    },
  );

  app.get(
    '/objects/:id',
    { config: read, schema: { summary: 'Read one training object.', operationId: 'getObject', params: IdParams, response: { 200: TrainingObject } } },
    async (request, reply) => sendVersioned(reply, await getObject(context.db, request.params.id)),
  );

  app.patch(
    '/objects/:id',
    {
      config: write,
      schema: {
        summary: 'Change a training object. A validated object is frozen: only an administrator may change it, with ?unfreeze=true.',
        operationId: 'updateObject',
        params: IdParams,
        headers: IfMatchHeaders,
        querystring: Type.Object(
          { unfreeze: Type.Optional(Type.Boolean({ description: 'Change a validated object (curriculum.unfreeze): audited and announced.' })) },
          { additionalProperties: false },
        ),
        body: UpdateTrainingObject,
        response: { 200: TrainingObject },
      },
    },
    async (request, reply) => {
      const unfreeze = request.query.unfreeze === true;
      if (unfreeze && (request.principal === null || !holds(request.principal, unfreezeDeclaration))) {
        throw new Problem(403, 'forbidden', 'Forbidden', 'Only an administrator may change a validated object (permission curriculum.unfreeze).');
      }
      const updated = await updateObject(
        context,
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match']),
        { unfreeze },
        originOf(request),
      );
      return sendVersioned(reply, updated);
    },
  );

  historyRoute(app, context, {
    url: '/objects/:id/history',
    params: IdParams,
    targetType: 'object',
    targetIdOf: (params) => params.id,
    ensureExists: (params) => getObject(context.db, params.id),
    permission: curriculumPermissions.read,
    summary: 'The change history of a training object: creation, changes, links, validation.',
    operationId: 'getObjectHistory',
  });
}
