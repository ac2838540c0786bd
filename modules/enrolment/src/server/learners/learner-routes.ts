import {
  expectedVersion,
  historyRoute,
  IfMatchHeaders,
  listQuery,
  originOf,
  pageOf,
  sendCreated,
  sendVersioned,
  type ModuleApp,
  type ModuleContext,
} from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import { CreateLearner, CreateLearnerQuery, enrolmentPermissions, Learner, LearnerFilters, learnerSortFields, UpdateLearner } from '../../contract/index.ts';
import { createLearner, updateLearner } from './learner-commands.ts';
import { getLearner, listLearners } from './learner-queries.ts';

const read = { access: { permission: enrolmentPermissions.learnersRead } };
const write = { access: { permission: enrolmentPermissions.learnersWrite } };

export async function learnerRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/learners',
    {
      config: read,
      schema: {
        summary: 'Find learners by name (accents and case ignored, close spellings too), INE or learner code; or list them all by name or code.',
        operationId: 'listLearners',
        querystring: listQuery(learnerSortFields, LearnerFilters),
        response: { 200: pageOf(Learner) },
      },
    },
    async (request) => listLearners(context.db, request.query),
  );

  app.post(
    '/learners',
    {
      config: write,
      schema: {
        summary:
          'Create a learner. The same INE twice is refused; the same name and birth date as another learner is reported as a probable duplicate (409) until confirmed.',
        operationId: 'createLearner',
        querystring: CreateLearnerQuery,
        body: CreateLearner,
        response: { 201: Learner },
      },
    },
    async (request, reply) => {
      const learner = await createLearner(context, request.body, { confirmNew: request.query.confirmNew === true }, originOf(request));
      return sendCreated(request, reply, learner, learner.id);
    },
  );

  app.get(
    '/learners/:id',
    { config: read, schema: { summary: 'Read one learner.', operationId: 'getLearner', params: IdParams, response: { 200: Learner } } },
    async (request, reply) => sendVersioned(reply, await getLearner(context.db, request.params.id)),
  );

  app.patch(
    '/learners/:id',
    {
      config: write,
      schema: {
        summary: 'Correct a learner’s identity, contacts or bac (the whole record is checked again).',
        operationId: 'updateLearner',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateLearner,
        response: { 200: Learner },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await updateLearner(context, request.params.id, request.body, expectedVersion(request.headers['if-match']), originOf(request))),
  );

  historyRoute(app, context, {
    url: '/learners/:id/history',
    params: IdParams,
    targetType: 'learner',
    targetIdOf: (params) => params.id,
    ensureExists: (params) => getLearner(context.db, params.id),
    permission: enrolmentPermissions.learnersRead,
    summary: 'The change history of a learner’s record: who changed what, when.',
    operationId: 'getLearnerHistory',
  });
}
