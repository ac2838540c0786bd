import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { checkVersion, conflict, notFound, ruleProblem, SQLSTATE, sqlState, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { enrolmentLifecycleEvents, type CreateEnrolment, type Enrolment, type PreviousSituation } from '../../contract/index.ts';
import { checkNomenclatureCodes } from '../learners/learner-rules.ts';
import { enrolmentPoints, enrolments, learners } from '../shared/tables.ts';
import { toEnrolment, type EnrolmentRow } from './enrolment-mapper.ts';
import { assertManagesPoint } from './enrolment-scope.ts';
import { pendingMandatory } from '../documents/document-queries.ts';

/** The code of a previous situation must be a value of PREVIOUS-SITUATION valid in its year. */
export function previousSituationChecks(situation: PreviousSituation | null | undefined, field = '/previousSituation') {
  if (!situation) return [];
  return [{ field: `${field}/situation`, nomenclature: 'PREVIOUS-SITUATION', code: situation.situation, on: `${situation.year}-10-15` }];
}

async function pointOf(tx: Transaction, pointId: string) {
  const [point] = await tx.select().from(enrolmentPoints).where(eq(enrolmentPoints.objectId, pointId));
  if (point === undefined) {
    throw ruleProblem('unknown-enrolment-point', `${pointId} is not an enrolment point of a validated formation.`, [
      { in: 'body', field: '/pointId', message: 'does not exist' },
    ]);
  }
  return point;
}

export async function createEnrolment(context: ModuleContext, input: CreateEnrolment, origin: Origin): Promise<Enrolment> {
  await checkNomenclatureCodes(context.db, [
    { field: '/origin', nomenclature: 'ENROLMENT-ORIGIN', code: input.origin },
    { field: '/regime', nomenclature: 'REGIME', code: input.regime },
    ...(input.profiles ?? []).map((code, index) => ({ field: `/profiles/${index}`, nomenclature: 'PROFILE', code })),
    ...previousSituationChecks(input.previousSituation),
  ]);
  try {
    return await context.transaction(async (tx) => {
      const point = await pointOf(tx, input.pointId);
      await assertManagesPoint(tx, origin.scope, point.ownerStructureId, `enrol a learner in ${point.path}`);
      const [learner] = await tx.select({ id: learners.id }).from(learners).where(eq(learners.id, input.learnerId));
      if (learner === undefined)
        throw ruleProblem('unknown-learner', `The learner ${input.learnerId} does not exist.`, [
          { in: 'body', field: '/learnerId', message: 'does not exist' },
        ]);
      const [row] = await tx
        .insert(enrolments)
        .values({
          id: randomUUID(),
          learnerId: input.learnerId,
          pointId: point.objectId,
          periodId: point.periodId,
          origin: input.origin,
          kind: input.kind ?? 'main',
          regime: input.regime,
          cvecNumber: input.cvecNumber ?? null,
          profiles: input.profiles ?? [],
          previousSituation: input.previousSituation ?? null,
          status: 'draft',
          paymentStatus: 'unpaid',
          // Millisecond precision, as the queue's cursor carries it.
          createdAt: new Date(),
        })
        .returning();
      const enrolment = toEnrolment(row!);
      await context.publish(tx, enrolmentLifecycleEvents.enrolmentCreated, enrolment, { subject: enrolment.id, origin });
      return enrolment;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw conflict(
        'already-enrolled',
        'This learner already has a live enrolment at this point, or a main enrolment this period: open it, or make this one secondary.',
      );
    }
    throw error;
  }
}

/** Loads an enrolment for a change, checks its version and the caller's scope over its point. */
export async function forChange(tx: Transaction, id: string, expectedVersion: number | undefined, origin: Origin, what: string): Promise<EnrolmentRow> {
  const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id)).for('update');
  if (row === undefined) throw notFound('Enrolment', id);
  checkVersion('The enrolment', row.version, expectedVersion);
  const point = await pointOf(tx, row.pointId);
  await assertManagesPoint(tx, origin.scope, point.ownerStructureId, what);
  return row;
}

export async function transition(
  context: ModuleContext,
  tx: Transaction,
  current: EnrolmentRow,
  changes: Partial<typeof enrolments.$inferInsert>,
  event: (typeof enrolmentLifecycleEvents)[keyof typeof enrolmentLifecycleEvents],
  origin: Origin,
): Promise<Enrolment> {
  const [row] = await tx
    .update(enrolments)
    .set({ ...changes, version: sql`${enrolments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(enrolments.id, current.id))
    .returning();
  const enrolment = toEnrolment(row!);
  await context.publish(tx, event, enrolment, { subject: enrolment.id, origin, before: toEnrolment(current) });
  return enrolment;
}

/**
 * Submits an enrolment. The idempotency key makes a retry harmless: the same
 * key answers the submission already made; another key on a submitted
 * enrolment is a second submission, refused.
 */
export async function submitEnrolment(context: ModuleContext, id: string, key: string, origin: Origin): Promise<Enrolment> {
  return context.transaction(async (tx) => submitLoaded(context, tx, await forChange(tx, id, undefined, origin, 'submit this enrolment'), key, origin));
}

/** The submission itself, for an enrolment already loaded for update (by staff in scope, or by its student). */
export async function submitLoaded(context: ModuleContext, tx: Transaction, current: EnrolmentRow, key: string, origin: Origin): Promise<Enrolment> {
  if (current.status !== 'draft') {
    if (current.submitKey === key) return toEnrolment(current);
    throw conflict('already-submitted', `This enrolment is already ${current.status}; a retry must send the same Idempotency-Key as the first submission.`);
  }
  return transition(
    context,
    tx,
    current,
    { status: 'submitted', submitKey: key, submittedAt: new Date() },
    enrolmentLifecycleEvents.enrolmentSubmitted,
    origin,
  );
}

/** Validates a submitted enrolment whose mandatory documents are accepted and whose fees are paid or waived. */
export async function validateEnrolment(context: ModuleContext, id: string, expectedVersion: number | undefined, origin: Origin): Promise<Enrolment> {
  return context.transaction(async (tx) => {
    const current = await forChange(tx, id, expectedVersion, origin, 'validate this enrolment');
    if (current.status !== 'submitted') throw conflict('not-submitted', `Only a submitted enrolment can be validated; this one is ${current.status}.`);
    const pending = await pendingMandatory(tx, current);
    if (pending.length > 0) {
      throw ruleProblem('documents-pending', `Mandatory documents are not accepted yet: ${pending.join(', ')}. Review them before validating.`);
    }
    if (current.paymentStatus !== 'paid' && current.paymentStatus !== 'exempt') {
      throw ruleProblem('fees-not-settled', `The fees are ${current.paymentStatus}: an enrolment is validated once they are paid or waived.`);
    }
    return transition(context, tx, current, { status: 'validated', validatedAt: new Date() }, enrolmentLifecycleEvents.enrolmentValidated, origin);
  });
}

export async function cancelEnrolment(
  context: ModuleContext,
  id: string,
  reason: string,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Enrolment> {
  return context.transaction(async (tx) => {
    const current = await forChange(tx, id, expectedVersion, origin, 'cancel this enrolment');
    if (current.status === 'cancelled') return toEnrolment(current);
    return transition(
      context,
      tx,
      current,
      { status: 'cancelled', cancelReason: reason, cancelledAt: new Date() },
      enrolmentLifecycleEvents.enrolmentCancelled,
      origin,
    );
  });
}

export async function setPaymentStatus(context: ModuleContext, id: string, paymentStatus: Enrolment['paymentStatus'], origin: Origin): Promise<Enrolment> {
  return context.transaction(async (tx) => {
    const current = await forChange(tx, id, undefined, origin, 'change the fees of this enrolment');
    if (current.status === 'cancelled') throw conflict('cancelled', 'This enrolment is cancelled.');
    if (current.paymentStatus === paymentStatus) return toEnrolment(current);
    return transition(context, tx, current, { paymentStatus }, enrolmentLifecycleEvents.enrolmentPaymentChanged, origin);
  });
}
