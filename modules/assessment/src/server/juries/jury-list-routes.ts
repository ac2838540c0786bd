import { Type } from 'typebox';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentPermissions, Jury, JuryListQuery, JuryParams, JuryResult } from '../../contract/index.ts';
import { formatThousandths } from '../engine/index.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { juries, learners } from '../shared/tables.ts';
import { computeJury } from './deliberation.ts';
import { juryInScope, toJury } from './jury-commands.ts';
import { ranks } from './ranks.ts';

const manage = { access: { permission: assessmentPermissions.juriesManage } };

/**
 * What the jury pages read besides the commands: the juries of a formation
 * (to find or open one), and the results a jury would store if it
 * deliberated now (so that its points are given on a learner's node
 * knowing the marks, before anything is frozen).
 */
export async function juryListRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/juries',
    {
      config: manage,
      schema: {
        summary: 'The juries of a formation in a period, session 1 then 2.',
        operationId: 'listJuries',
        querystring: JuryListQuery,
        response: { 200: Type.Array(Jury) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const { formationId, periodId } = request.query;
        await assertOwnsObject(tx, originOf(request).scope, formationId, 'read the juries of this formation');
        const rows = await tx
          .select()
          .from(juries)
          .where(and(eq(juries.formationId, formationId), eq(juries.periodId, periodId)))
          .orderBy(asc(juries.session));
        // One after the other: a transaction's connection takes one query at a time.
        const shown: Jury[] = [];
        for (const row of rows) shown.push(await toJury(tx, row));
        return shown;
      }),
  );

  app.get(
    '/juries/:id/preview',
    {
      config: manage,
      schema: {
        summary:
          'The results the jury would store if it deliberated now: every learner of the formation, computed from the marks and the jury’s points, by rank (nothing stored).',
        operationId: 'previewJuryResults',
        params: JuryParams,
        response: { 200: Type.Array(JuryResult) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const origin = originOf(request);
        const jury = await juryInScope(tx, request.params.id, origin, 'read the results of this jury', false);
        const computed = await computeJury(tx, jury);
        const rankOf = ranks(computed);
        const ids = computed.map((line) => line.learnerId);
        const people = new Map((ids.length === 0 ? [] : await tx.select().from(learners).where(inArray(learners.id, ids))).map((row) => [row.id, row]));
        const lines = computed.map((line) => {
          const learner = people.get(line.learnerId);
          return {
            enrolmentId: line.enrolmentId,
            learnerId: line.learnerId,
            learnerCode: learner?.code ?? '',
            familyName: learner?.familyName ?? '',
            givenNames: learner?.givenNames ?? '',
            mark: line.mark === null ? null : formatThousandths(line.mark),
            decision: line.root.decision,
            rank: rankOf.get(line.enrolmentId) ?? null,
            root: line.root as JuryResult['root'],
          };
        });
        // As the stored results: by rank (none last), then by name.
        return lines.sort(
          (a, b) =>
            (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
            a.familyName.localeCompare(b.familyName, 'fr') ||
            a.givenNames.localeCompare(b.givenNames, 'fr'),
        );
      }),
  );
}
