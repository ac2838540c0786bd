import { Type } from 'typebox';
import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentPermissions, CreateJury, Jury, JuryParams, JuryResult, JuryResultsQuery, MyResult, PutJuryPoints } from '../../contract/index.ts';
import { createJury, deliberate, juryInScope, publish, putJuryPoints, toJury } from './jury-commands.ts';
import { storedResults } from './stored-results.ts';
import { juries } from '../shared/tables.ts';
import { inArray } from 'drizzle-orm';

const manage = { access: { permission: assessmentPermissions.juriesManage } };

/** The juries of formations: points, deliberation, publication; and a student's published results. */
export async function juryRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.post(
    '/juries',
    {
      config: manage,
      schema: {
        summary: 'Open the jury of a validated formation for a period and a session.',
        operationId: 'createJury',
        body: CreateJury,
        response: { 201: Jury },
      },
    },
    async (request, reply) => reply.code(201).send(await createJury(context, request.body, originOf(request))),
  );

  app.get(
    '/juries/:id',
    {
      config: manage,
      schema: { summary: 'A jury: its status and how many results it stored.', operationId: 'getJury', params: JuryParams, response: { 200: Jury } },
    },
    async (request) => context.transaction(async (tx) => toJury(tx, await juryInScope(tx, request.params.id, originOf(request), 'read this jury', false))),
  );

  app.put(
    '/juries/:id/points',
    {
      config: manage,
      schema: {
        summary: 'Give points to a node of a learner’s results before deliberating (0 takes them back; 409 jury-deliberated once deliberated).',
        operationId: 'putJuryPoints',
        params: JuryParams,
        body: PutJuryPoints,
        response: { 200: Jury },
      },
    },
    async (request) => putJuryPoints(context, request.params.id, request.body, originOf(request)),
  );

  app.post(
    '/juries/:id/deliberate',
    {
      config: manage,
      schema: {
        summary: 'Deliberate: compute every result of the formation’s learners with the jury’s points, store them with their ranks and freeze them.',
        operationId: 'deliberate',
        params: JuryParams,
        response: { 200: Jury },
      },
    },
    async (request) => deliberate(context, request.params.id, originOf(request)),
  );

  app.post(
    '/juries/:id/publish',
    {
      config: manage,
      schema: {
        summary: 'Publish the deliberated results: the learners see them (409 jury-not-deliberated before).',
        operationId: 'publishResults',
        params: JuryParams,
        response: { 200: Jury },
      },
    },
    async (request) => publish(context, request.params.id, originOf(request)),
  );

  app.get(
    '/juries/:id/results',
    {
      config: manage,
      schema: {
        summary: 'The stored results of a jury, by rank then name, a page at a time (500 unless `limit` says otherwise); each with its frozen, explained tree.',
        operationId: 'listJuryResults',
        params: JuryParams,
        querystring: JuryResultsQuery,
        response: { 200: Type.Array(JuryResult) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        await juryInScope(tx, request.params.id, originOf(request), 'read the results of this jury', false);
        return (await storedResults(tx, { juryId: request.params.id, page: { limit: request.query.limit ?? 500, offset: request.query.offset ?? 0 } })).map(
          ({ juryId: _jury, ...result }) => result,
        );
      }),
  );

  app.get(
    '/me/results',
    {
      config: { access: { permission: assessmentPermissions.self } },
      schema: {
        summary: 'The signed-in student’s published results (nothing before a jury publishes them).',
        operationId: 'listMyResults',
        response: { 200: Type.Array(MyResult) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const code = request.principal?.learnerCode;
        if (!code) return [];
        const mine = await storedResults(tx, { learnerCode: code, published: true });
        if (mine.length === 0) return [];
        const rows = await tx
          .select()
          .from(juries)
          .where(
            inArray(
              juries.id,
              mine.map((result) => result.juryId),
            ),
          );
        // One after the other: a transaction's connection takes one query at a time.
        const jury = new Map<string, Awaited<ReturnType<typeof toJury>>>();
        for (const row of rows) jury.set(row.id, await toJury(tx, row));
        return mine.map(({ juryId, ...result }) => ({ jury: jury.get(juryId)!, result }));
      }),
  );
}
