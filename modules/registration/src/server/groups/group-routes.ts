import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { notFound, originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import {
  ClassList,
  ClassListQuery,
  CreateGroup,
  Group,
  GroupParams,
  ObjectParams,
  Placement,
  registrationPermissions,
  SplitGroups,
  SplitReport,
  UpdateGroup,
} from '../../contract/index.ts';
import { createGroup, deleteGroup, objectInScope, placeMember, removeMember, splitIntoGroups, updateGroup } from './group-commands.ts';
import { classList, groupsOf } from './group-queries.ts';

const read = { access: { permission: registrationPermissions.classesRead } };
const write = { access: { permission: registrationPermissions.groupsWrite } };

/** A class list as a spreadsheet opens it: semicolons, UTF-8 with a BOM, French headers. */
function classListCsv(list: ClassList): string {
  const rows = list.members.map((member) => [
    member.learnerCode,
    member.familyName,
    member.usageName ?? '',
    member.givenNames,
    member.path,
    member.groups.join(' '),
    member.exempted ? 'oui' : member.carriedOver ? 'acquis' : '',
  ]);
  return `\uFEFF${stringify([['Numéro', 'Nom', 'Nom d’usage', 'Prénoms', 'Chemin', 'Groupes', 'Dispensé'], ...rows], { delimiter: ';', record_delimiter: 'windows' })}`;
}

/** Teaching groups of an object and its class lists. */
export async function groupRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/objects/:objectId/groups',
    {
      config: read,
      schema: {
        summary: 'The teaching groups of an object, with their members counted.',
        operationId: 'listGroups',
        params: ObjectParams,
        response: { 200: Type.Array(Group) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        await objectInScope(tx, originOf(request).scope, request.params.objectId, 'read the groups of this object');
        return groupsOf(tx, { objectId: request.params.objectId });
      }),
  );

  app.post(
    '/objects/:objectId/groups',
    {
      config: write,
      schema: {
        summary: 'Create a teaching group (TD, TP…) of an object, with a capacity or none.',
        operationId: 'createGroup',
        params: ObjectParams,
        body: CreateGroup,
        response: { 201: Group },
      },
    },
    async (request, reply) => reply.code(201).send(await createGroup(context, request.params.objectId, request.body, originOf(request))),
  );

  app.patch(
    '/groups/:groupId',
    {
      config: write,
      schema: {
        summary: 'Rename a group or change its capacity (never below its members: 409 group-too-small).',
        operationId: 'updateGroup',
        params: GroupParams,
        body: UpdateGroup,
        response: { 200: Group },
      },
    },
    async (request) => updateGroup(context, request.params.groupId, request.body, originOf(request)),
  );

  app.delete(
    '/groups/:groupId',
    {
      config: write,
      schema: {
        summary: 'Delete a group: its members are left without a group of its kind (the even split places them again).',
        operationId: 'deleteGroup',
        params: GroupParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteGroup(context, request.params.groupId, originOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/objects/:objectId/groups/split',
    {
      config: write,
      schema: {
        summary: 'Place every learner of the object without a group of this kind into its groups, evenly and within their capacities (alphabetical order).',
        operationId: 'splitIntoGroups',
        params: ObjectParams,
        body: SplitGroups,
        response: { 200: SplitReport },
      },
    },
    async (request) => splitIntoGroups(context, request.params.objectId, request.body.kind, originOf(request)),
  );

  app.post(
    '/groups/:groupId/members',
    {
      config: write,
      schema: {
        summary: 'Place a learner following the object in this group (409 group-full); from another group of the same kind, they move.',
        operationId: 'placeInGroup',
        params: GroupParams,
        body: Placement,
        response: { 200: Group },
      },
    },
    async (request) => placeMember(context, request.params.groupId, request.body, originOf(request)),
  );

  app.post(
    '/groups/:groupId/members/remove',
    {
      config: write,
      schema: { summary: 'Take a learner out of this group.', operationId: 'removeFromGroup', params: GroupParams, body: Placement, response: { 200: Group } },
    },
    async (request) => removeMember(context, request.params.groupId, request.body, originOf(request)),
  );

  app.get(
    '/objects/:objectId/class-list',
    {
      config: read,
      schema: {
        summary: 'Who follows an object — all, one group’s (groupId) or one path’s — with their groups; format=csv for a spreadsheet.',
        operationId: 'getClassList',
        params: ObjectParams,
        querystring: ClassListQuery,
        produces: ['application/json', 'text/csv'],
        response: {
          200: {
            description: 'The class list; as CSV with format=csv.',
            content: { 'application/json': { schema: ClassList }, 'text/csv': { schema: Type.String() } },
          },
        },
      },
    },
    async (request, reply) => {
      const list = await context.transaction(async (tx) => {
        await objectInScope(tx, originOf(request).scope, request.params.objectId, 'read the class list of this object');
        return classList(tx, request.params.objectId, request.query);
      });
      if (list === undefined) throw notFound('Object of the validated offer', request.params.objectId);
      if (request.query.format !== 'csv') return list;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="liste-${list.code}.csv"`)
        .send(classListCsv(list) as never);
    },
  );
}
