import { sql } from 'drizzle-orm';
import { systemActor, type EventHandler, type ModuleContext, type Origin, type PegaseEvent, type Transaction } from '@pegase/platform';
import { enrolmentEvents, enrolmentLifecycleEvents, type Enrolment, type Learner } from '@pegase/enrolment/contract';
import { buildCursus, removeCursus } from '../cursus/cursus-commands.ts';
import { enrolments, learners } from '../shared/tables.ts';

async function keepLearner(tx: Transaction, learner: Learner): Promise<void> {
  const values = { code: learner.code, familyName: learner.familyName, usageName: learner.usageName, givenNames: learner.givenNames, version: learner.version };
  // At-least-once delivery may bring an older version late: it never overwrites a newer one.
  await tx
    .insert(learners)
    .values({ id: learner.id, ...values })
    .onConflictDoUpdate({ target: learners.id, set: values, setWhere: sql`${learners.version} <= excluded.version` });
}

async function keepEnrolment(tx: Transaction, enrolment: Enrolment) {
  const values = {
    learnerId: enrolment.learnerId,
    pointId: enrolment.pointId,
    periodId: enrolment.periodId,
    status: enrolment.status,
    version: enrolment.version,
  };
  const [row] = await tx
    .insert(enrolments)
    .values({ id: enrolment.id, ...values })
    .onConflictDoUpdate({ target: enrolments.id, set: values, setWhere: sql`${enrolments.version} <= excluded.version` })
    .returning();
  return row;
}

/** Changes made on an event are traced to the request that caused it. */
const originOf = (event: PegaseEvent): Origin => ({
  requestId: event.requestId ?? `event:${event.id}`,
  actor: systemActor('registration'),
  scope: { global: true },
});

/**
 * Enrolment's learners (class lists, the student's token names their code)
 * and enrolments: a validated one gets its cursus, a cancelled one loses it
 * and frees its seats.
 */
export function enrolmentReadModel(context: ModuleContext): EventHandler[] {
  return [
    // One consumer for learners and enrolments: it takes them in the order they were published, so a
    // validated enrolment never comes before its learner (consumers of their own run side by side).
    ...[enrolmentEvents.learnerCreated, enrolmentEvents.learnerUpdated].map((definition) => ({
      consumer: 'registration.enrolments',
      event: definition.type,
      handle: (event: PegaseEvent, tx: Transaction) => keepLearner(tx, event.data as Learner),
    })),
    ...[enrolmentLifecycleEvents.enrolmentValidated, enrolmentLifecycleEvents.enrolmentCancelled].map((definition) => ({
      consumer: 'registration.enrolments',
      event: definition.type,
      async handle(event: PegaseEvent, tx: Transaction) {
        const row = await keepEnrolment(tx, event.data as Enrolment);
        // undefined: an older version arrived late, the newer one already decided.
        if (row === undefined) return;
        if (row.status === 'validated') await buildCursus(context, tx, row, originOf(event));
        if (row.status === 'cancelled') await removeCursus(context, tx, row, originOf(event));
      },
    })),
  ];
}
