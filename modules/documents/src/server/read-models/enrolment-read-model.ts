import { and, eq, isNull, sql } from 'drizzle-orm';
import { systemActor, type EventHandler, type ModuleContext, type PegaseEvent, type Transaction } from '@pegase/platform';
import { enrolmentEvents, enrolmentLifecycleEvents, type Enrolment, type Learner } from '@pegase/enrolment/contract';
import { documentsEvents } from '../../contract/index.ts';
import { toCertificate } from '../certificates/certificate-mapper.ts';
import { certificates, enrolments, learners } from '../shared/tables.ts';

async function keepLearner(tx: Transaction, learner: Learner): Promise<void> {
  const values = {
    code: learner.code,
    ine: learner.ine,
    familyName: learner.familyName,
    usageName: learner.usageName,
    givenNames: learner.givenNames,
    birthDate: learner.birthDate,
    sex: learner.sex,
    version: learner.version,
  };
  // At-least-once delivery may bring an older version late: it never overwrites a newer one.
  await tx
    .insert(learners)
    .values({ id: learner.id, ...values })
    .onConflictDoUpdate({ target: learners.id, set: values, setWhere: sql`${learners.version} <= excluded.version` });
}

async function keepEnrolment(tx: Transaction, enrolment: Enrolment): Promise<void> {
  const values = {
    learnerId: enrolment.learnerId,
    pointId: enrolment.pointId,
    periodId: enrolment.periodId,
    status: enrolment.status,
    paymentStatus: enrolment.paymentStatus,
    validatedAt: enrolment.validatedAt === null ? null : new Date(enrolment.validatedAt),
    cancelledAt: enrolment.cancelledAt === null ? null : new Date(enrolment.cancelledAt),
    version: enrolment.version,
  };
  await tx
    .insert(enrolments)
    .values({ id: enrolment.id, ...values })
    .onConflictDoUpdate({ target: enrolments.id, set: values, setWhere: sql`${enrolments.version} <= excluded.version` });
}

/**
 * A cancelled enrolment revokes every certificate of enrolment issued for it, at the time
 * of the cancellation; each revocation is announced and audited.
 */
async function revokeCertificates(context: ModuleContext, tx: Transaction, event: PegaseEvent, enrolment: Enrolment): Promise<void> {
  const revokedAt = new Date(enrolment.cancelledAt ?? event.time);
  const revoked = await tx
    .update(certificates)
    .set({ revokedAt })
    // Transcripts and pass certificates stand: a cancellation does not undo the results a jury published.
    .where(and(eq(certificates.enrolmentId, enrolment.id), eq(certificates.kind, 'enrolment'), isNull(certificates.revokedAt)))
    .returning();
  if (revoked.length === 0) return;
  await context.publishMany(
    tx,
    documentsEvents.certificateRevoked,
    revoked.map((row) => ({ data: toCertificate(row), subject: row.id, before: toCertificate({ ...row, revokedAt: null }) })),
    { requestId: event.requestId ?? `event:${event.id}`, actor: systemActor('documents'), scope: { global: true } },
  );
}

/**
 * Learners (the identity a certificate prints) and enrolments: a validated
 * one gets a certificate, a submitted one whose fees are settled a
 * provisional one, a cancelled one revokes them.
 */
export function enrolmentReadModel(context: ModuleContext): EventHandler[] {
  const lifecycle = [
    enrolmentLifecycleEvents.enrolmentCreated,
    enrolmentLifecycleEvents.enrolmentSubmitted,
    enrolmentLifecycleEvents.enrolmentValidated,
    enrolmentLifecycleEvents.enrolmentCancelled,
    enrolmentLifecycleEvents.enrolmentPaymentChanged,
  ];
  return [
    ...[enrolmentEvents.learnerCreated, enrolmentEvents.learnerUpdated].map((definition) => ({
      consumer: 'documents.learners',
      event: definition.type,
      handle: (event: PegaseEvent, tx: Transaction) => keepLearner(tx, event.data as Learner),
    })),
    ...lifecycle.map((definition) => ({
      consumer: 'documents.enrolments',
      event: definition.type,
      async handle(event: PegaseEvent, tx: Transaction) {
        const enrolment = event.data as Enrolment;
        await keepEnrolment(tx, enrolment);
        if (enrolment.status === 'cancelled') await revokeCertificates(context, tx, event, enrolment);
      },
    })),
  ];
}
