import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentPermissions, Results, ResultsParams, ResultsQuery } from '../../contract/index.ts';
import { learnerTrees, resultsFor, shown } from './learner-tree.ts';

/** An enrolment's results, computed on the fly (not stored, not deliberated, not published). */
export async function resultsRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/enrolments/:enrolmentId/results',
    {
      config: { access: { permission: assessmentPermissions.resultsRead } },
      schema: {
        summary:
          'The results of an enrolment for a session (1 by default): its cursus’s tree with each node’s mark, decision, credits, honours and why — computed from the rules and marks as they are now, not stored.',
        operationId: 'getResults',
        params: ResultsParams,
        querystring: ResultsQuery,
        response: { 200: Results },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const session = request.query.session === '2' ? 2 : 1;
        const trees = await learnerTrees(tx, originOf(request).scope, request.params.enrolmentId);
        const root = shown(resultsFor(trees.first, trees.second, session), trees.described);
        return { enrolmentId: request.params.enrolmentId, session, computedAt: new Date().toISOString(), stored: false as const, root };
      }),
  );
}
