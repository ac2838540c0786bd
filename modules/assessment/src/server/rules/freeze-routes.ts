import type { FastifyRequest } from 'fastify';
import { originOf, type ModuleApp, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { assessmentEvents, assessmentPermissions, FormationRulesQuery, RulesFreeze, UnfreezeRules } from '../../contract/index.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { formationOf, freezeFormation, freezeOf, freezeRow, unfreezeFormation } from './rule-freeze.ts';

/**
 * Runs a freeze route's work in one transaction on the formation its query
 * names (`?periodId=&formationId=`, 404 when it is not a formation of the
 * period's offer), with who asks.
 */
async function onFormation<T>(
  context: ModuleContext,
  request: FastifyRequest<{ Querystring: FormationRulesQuery }>,
  work: (tx: Transaction, formation: { id: string; code: string }, origin: Origin) => Promise<T>,
): Promise<T> {
  const origin = originOf(request);
  return context.transaction(async (tx) => work(tx, await formationOf(tx, request.query.periodId, request.query.formationId), origin));
}

/** The freeze of a formation's MCC for a period: read, set by staff once adopted, lifted by an administrator. */
export async function freezeRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/rules/freeze',
    {
      config: { access: { permission: assessmentPermissions.rulesRead } },
      schema: {
        summary: 'Whether the MCC of a formation are frozen for a period: since when, by whom, why (frozen: null while they may change).',
        operationId: 'getRulesFreeze',
        querystring: FormationRulesQuery,
        response: { 200: RulesFreeze },
      },
    },
    async (request) =>
      onFormation(context, request, async (tx, formation, origin) => {
        const { periodId, formationId } = request.query;
        await assertOwnsObject(tx, origin.scope, formationId, 'read the MCC of this formation');
        return freezeOf(periodId, formation, await freezeRow(tx, periodId, formation.code));
      }),
  );

  app.post(
    '/rules/freeze',
    {
      config: { access: { permission: assessmentPermissions.rulesFreeze } },
      schema: {
        summary:
          'Freeze the adopted MCC of a formation for a period: from then on its paths’ rules (PUT /rules, import) and assessments no longer change (409 rules-frozen). Announced (assessment.rules.frozen) and audited; freezing again changes nothing.',
        operationId: 'freezeRules',
        querystring: FormationRulesQuery,
        response: { 200: RulesFreeze },
      },
    },
    async (request) =>
      onFormation(context, request, async (tx, formation, origin) => {
        const { periodId, formationId } = request.query;
        await assertOwnsObject(tx, origin.scope, formationId, 'freeze the MCC of this formation');
        const { freeze, before, changed } = await freezeFormation(tx, periodId, formation, 'adopted', origin.actor.login ?? origin.actor.subject);
        if (changed) await context.publish(tx, assessmentEvents.rulesFrozen, freeze, { subject: `${periodId}:${formationId}`, origin, before });
        return freeze;
      }),
  );

  app.post(
    '/rules/unfreeze',
    {
      config: { access: { permission: assessmentPermissions.rulesUnfreeze } },
      schema: {
        summary:
          'Unfreeze the adopted MCC of a formation for a period, giving the reason (audited, assessment.rules.unfrozen); those of a period the curriculum archived stay frozen (409 rules-frozen).',
        operationId: 'unfreezeRules',
        querystring: FormationRulesQuery,
        body: UnfreezeRules,
        response: { 200: RulesFreeze },
      },
    },
    async (request) =>
      onFormation(context, request, async (tx, formation, origin) => {
        const { periodId, formationId } = request.query;
        const { before, changed } = await unfreezeFormation(tx, periodId, formation);
        const after = freezeOf(periodId, formation, undefined);
        if (changed)
          await context.publish(
            tx,
            assessmentEvents.rulesUnfrozen,
            { ...after, reason: request.body.reason },
            { subject: `${periodId}:${formationId}`, origin, before },
          );
        return after;
      }),
  );
}
