import { eq } from 'drizzle-orm';
import { notFound, originOf, ruleProblem, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { ChoiceWindow, FormationParams, PutChoiceWindow, registrationPermissions } from '../../contract/index.ts';
import { windowOf } from '../cursus/cursus-queries.ts';
import { assertManagesPoint } from '../cursus/cursus-access.ts';
import { choiceWindows, objects } from '../shared/tables.ts';

/** When the students of a formation choose in their groupings: one window per formation. */
export async function choiceWindowRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/formations/:formationId/choice-window',
    {
      config: { access: { permission: registrationPermissions.cursusRead } },
      schema: {
        summary: 'The choice window of a formation (404 when none is set: students cannot choose); staff for the formations their structures own.',
        operationId: 'getChoiceWindow',
        params: FormationParams,
        response: { 200: ChoiceWindow },
      },
    },
    async (request) => {
      const { formationId } = request.params;
      const [formation] = await context.db.select({ id: objects.id, formationId: objects.formationId }).from(objects).where(eq(objects.id, formationId));
      if (formation === undefined || formation.formationId !== formation.id) throw notFound('Validated formation', formationId);
      await assertManagesPoint(context.db, originOf(request).scope, formationId, 'read the choice window of this formation');
      const [row] = await context.db.select().from(choiceWindows).where(eq(choiceWindows.formationId, formationId));
      if (row === undefined) throw notFound('Choice window of the formation', formationId);
      return windowOf(row)!;
    },
  );

  app.put(
    '/formations/:formationId/choice-window',
    {
      config: { access: { permission: registrationPermissions.windowsWrite } },
      schema: {
        summary: 'Set when the students of a validated formation choose (closesAt after opensAt); staff for the formations their structures own.',
        operationId: 'setChoiceWindow',
        params: FormationParams,
        body: PutChoiceWindow,
        response: { 200: ChoiceWindow },
      },
    },
    async (request) => {
      const { formationId } = request.params;
      const opensAt = new Date(request.body.opensAt);
      const closesAt = new Date(request.body.closesAt);
      if (!(closesAt > opensAt)) {
        throw ruleProblem('invalid-window', 'A choice window closes after it opens.', [{ in: 'body', field: '/closesAt', message: 'must be after opensAt' }]);
      }
      const origin = originOf(request);
      return context.transaction(async (tx) => {
        const [formation] = await tx.select().from(objects).where(eq(objects.id, formationId));
        if (formation === undefined || formation.formationId !== formation.id) throw notFound('Validated formation', formationId);
        await assertManagesPoint(tx, origin.scope, formationId, 'set the choice window of this formation');
        const values = { opensAt, closesAt, updatedBy: origin.actor.login ?? origin.actor.subject, updatedAt: new Date() };
        const [row] = await tx
          .insert(choiceWindows)
          .values({ formationId, ...values })
          .onConflictDoUpdate({ target: choiceWindows.formationId, set: values })
          .returning();
        return windowOf(row)!;
      });
    },
  );
}
