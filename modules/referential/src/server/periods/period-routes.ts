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
import { CreatePeriod, IdParams, Period, PeriodFilters, periodSortFields, referentialPermissions, UpdatePeriod } from '../../contract/index.ts';
import { createPeriod, updatePeriod } from './period-commands.ts';
import { getPeriod, listPeriods } from './period-queries.ts';

const read = { access: { permission: referentialPermissions.read } };
const write = { access: { permission: referentialPermissions.writePeriods } };

export async function periodRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/periods',
    {
      config: read,
      schema: {
        summary: 'List academic years and their sub-periods, with filters (type, parent, a date they contain) and cursor pagination.',
        operationId: 'listPeriods',
        querystring: listQuery(periodSortFields, PeriodFilters),
        response: { 200: pageOf(Period) },
      },
    },
    async (request) => listPeriods(context.db, request.query),
  );

  app.post(
    '/periods',
    {
      config: write,
      schema: {
        summary: 'Create an academic year (code YYYY-YYYY, no parent) or a sub-period (semester, trimester, other) inside an academic year.',
        operationId: 'createPeriod',
        body: CreatePeriod,
        response: { 201: Period },
      },
    },
    async (request, reply) => {
      const period = await createPeriod(context, request.body, originOf(request));
      return sendCreated(request, reply, period, period.id);
    },
  );

  app.get(
    '/periods/:id',
    { config: read, schema: { summary: 'Read one period.', operationId: 'getPeriod', params: IdParams, response: { 200: Period } } },
    async (request, reply) => {
      const period = await getPeriod(context.db, request.params.id);
      return sendVersioned(reply, period);
    },
  );

  app.patch(
    '/periods/:id',
    {
      config: write,
      schema: {
        summary: 'Change a period: labels or dates. The rules of creation are checked again on the resulting dates.',
        operationId: 'updatePeriod',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdatePeriod,
        response: { 200: Period },
      },
    },
    async (request, reply) => {
      const period = await updatePeriod(context, request.params.id, request.body, expectedVersion(request.headers['if-match']), originOf(request));
      return sendVersioned(reply, period);
    },
  );

  historyRoute(app, context, {
    url: '/periods/:id/history',
    params: IdParams,
    targetType: 'period',
    targetIdOf: (params) => params.id,
    ensureExists: (params) => getPeriod(context.db, params.id),
    permission: referentialPermissions.readHistory,
    summary: 'The change history of an academic period, newest first: who changed which fields, when, from which value to which.',
    operationId: 'getPeriodHistory',
  });
}
