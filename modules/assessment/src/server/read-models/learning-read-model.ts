import { eq, sql } from 'drizzle-orm';
import type { EventHandler, PegaseEvent, Transaction } from '@pegase/platform';
import { enrolmentEvents, type Learner } from '@pegase/enrolment/contract';
import { registrationEvents, type CursusChanged } from '@pegase/registration/contract';
import type { Static } from 'typebox';
import { cursus, entries, learners } from '../shared/tables.ts';

async function keepLearner(tx: Transaction, learner: Learner): Promise<void> {
  const values = { code: learner.code, familyName: learner.familyName, usageName: learner.usageName, givenNames: learner.givenNames, version: learner.version };
  // At-least-once delivery may bring an older version late: it never overwrites a newer one.
  await tx
    .insert(learners)
    .values({ id: learner.id, ...values })
    .onConflictDoUpdate({ target: learners.id, set: values, setWhere: sql`${learners.version} <= excluded.version` });
}

/** The whole cursus replaces the enrolment's entries when it is newer; an empty one (cancelled enrolment) leaves none. */
async function keepCursus(tx: Transaction, changed: Static<typeof CursusChanged>): Promise<void> {
  const values = { learnerId: changed.learnerId, periodId: changed.periodId, pointId: changed.pointId, version: changed.version };
  const [kept] = await tx
    .insert(cursus)
    .values({ enrolmentId: changed.enrolmentId, ...values })
    .onConflictDoUpdate({ target: cursus.enrolmentId, set: values, setWhere: sql`${cursus.version} < excluded.version` })
    .returning({ enrolmentId: cursus.enrolmentId });
  // undefined: an older (or the same) version arrived late; the newer one already decided.
  if (kept === undefined) return;
  await tx.delete(entries).where(eq(entries.enrolmentId, changed.enrolmentId));
  if (changed.entries.length === 0) return;
  await tx.insert(entries).values(
    changed.entries.map((entry) => ({
      enrolmentId: changed.enrolmentId,
      path: entry.path,
      parentPath: entry.parentPath,
      objectId: entry.objectId,
      kind: entry.kind,
      status: entry.status,
      exempted: entry.exemption !== null,
      carriedMark: entry.carriedOver?.mark ?? null,
      carriedFrom: entry.carriedOver?.fromPeriod ?? null,
    })),
  );
}

/**
 * Enrolment's learners (names on the mark sheets) and registration's cursus
 * (who sits which assessments). One consumer for both: they are handled in
 * the order they were published, so a cursus never comes before its learner.
 */
export function learningReadModel(): EventHandler[] {
  return [
    ...[enrolmentEvents.learnerCreated, enrolmentEvents.learnerUpdated].map((definition) => ({
      consumer: 'assessment.learning',
      event: definition.type,
      handle: (event: PegaseEvent, tx: Transaction) => keepLearner(tx, event.data as Learner),
    })),
    {
      consumer: 'assessment.learning',
      event: registrationEvents.cursusChanged.type,
      handle: (event: PegaseEvent, tx: Transaction) => keepCursus(tx, event.data as Static<typeof CursusChanged>),
    },
  ];
}
