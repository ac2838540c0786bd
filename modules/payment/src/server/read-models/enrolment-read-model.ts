import { systemOrigin, type EventHandler, type ModuleContext, type PegaseEvent, type Transaction } from '@pegase/platform';
import { enrolmentEvents, enrolmentLifecycleEvents, type Enrolment, type Learner } from '@pegase/enrolment/contract';
import { waiveIfExempt } from '../fees/fee-commands.ts';
import { enrolments, learners } from '../shared/tables.ts';

async function keepEnrolment(tx: Transaction, enrolment: Enrolment) {
  const values = {
    learnerId: enrolment.learnerId,
    pointId: enrolment.pointId,
    periodId: enrolment.periodId,
    regime: enrolment.regime,
    profiles: enrolment.profiles,
    status: enrolment.status,
    paymentStatus: enrolment.paymentStatus,
  };
  const [row] = await tx
    .insert(enrolments)
    .values({ id: enrolment.id, ...values })
    .onConflictDoUpdate({ target: enrolments.id, set: values })
    .returning();
  return row!;
}

async function keepLearner(tx: Transaction, learner: Learner): Promise<void> {
  await tx
    .insert(learners)
    .values({ id: learner.id, code: learner.code })
    .onConflictDoUpdate({ target: learners.id, set: { code: learner.code } });
}

/**
 * Enrolment's learners (their codes: a student's token names theirs) and
 * enrolments (point, period, profiles, statuses), from every event that
 * may change them. A submitted enrolment whose fees come to zero has
 * them waived here (see waiveIfExempt).
 */
export function enrolmentReadModel(context: ModuleContext): EventHandler[] {
  const keep = (event: PegaseEvent, tx: Transaction) => keepEnrolment(tx, event.data as Enrolment).then(() => undefined);
  return [
    ...[enrolmentEvents.learnerCreated, enrolmentEvents.learnerUpdated].map((definition) => ({
      consumer: 'payment.learners',
      event: definition.type,
      handle: (event: PegaseEvent, tx: Transaction) => keepLearner(tx, event.data as Learner),
    })),
    ...[
      enrolmentLifecycleEvents.enrolmentCreated,
      enrolmentLifecycleEvents.enrolmentUpdated,
      enrolmentLifecycleEvents.enrolmentValidated,
      enrolmentLifecycleEvents.enrolmentCancelled,
      enrolmentLifecycleEvents.enrolmentPaymentChanged,
      // Not documents-changed: a document changes none of what is kept here (one statement fewer per upload and review at the peak).
    ].map((definition) => ({ consumer: 'payment.enrolments', event: definition.type, handle: keep })),
    {
      consumer: 'payment.enrolments',
      event: enrolmentLifecycleEvents.enrolmentSubmitted.type,
      async handle(event, tx) {
        const row = await keepEnrolment(tx, event.data as Enrolment);
        // The waiver is traced to the request that submitted the enrolment.
        await waiveIfExempt(context, tx, row, { ...systemOrigin('payment'), requestId: event.requestId ?? 'system:payment' });
      },
    },
  ];
}
