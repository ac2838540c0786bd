import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { conflict, notFound, Problem, ruleProblem, type ModuleContext, type Origin, type Principal, type Transaction } from '@pegase/platform';
import { paymentEvents, type CreateRefund, type Payment, type ProviderCallback, type StartPayment } from '../../contract/index.ts';
import { dueDates, splitInstalments } from '../fees/fee-calculator.ts';
import { feesOf, getSettings } from '../fees/fee-queries.ts';
import type { PaymentProvider } from '../provider/provider.ts';
import { assertManagesEnrolment, ownEnrolment } from '../shared/scope.ts';
import { instalments, payments, providerTransactions, refunds } from '../shared/tables.ts';
import { paymentRow, toPayment, toPayments, type PaymentRow } from './payment-queries.ts';

/** The providers a payment may go through, by name. */
export type Providers = Record<string, PaymentProvider>;

async function publishPayment(
  context: ModuleContext,
  tx: Transaction,
  event: (typeof paymentEvents)['paymentStarted'],
  row: PaymentRow,
  origin: Origin,
  before: Payment | null,
): Promise<Payment> {
  const payment = await toPayment(tx, row);
  await context.publish(tx, event, payment, { subject: payment.id, origin, before });
  return payment;
}

async function update(tx: Transaction, id: string, changes: Partial<typeof payments.$inferInsert>): Promise<PaymentRow> {
  const [row] = await tx
    .update(payments)
    .set({ ...changes, version: sql`${payments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(payments.id, id))
    .returning();
  return row!;
}

/** What was paid and not refunded, over the payments of an enrolment. */
function kept(payment: Payment): number {
  return payment.paidCents - payment.refundedCents;
}

/**
 * A student starts paying the fees of their own enrolment, at once or in
 * three instalments: the fees are computed now (and kept with the payment),
 * the schedule is made (the first instalment takes the remaining cents), and
 * the provider opens its page for the first instalment. A pending payment of
 * the same enrolment is replaced (failed) so that only one is open.
 */
export async function startPayment(
  context: ModuleContext,
  providers: Providers,
  principal: Principal | null,
  enrolmentId: string,
  input: StartPayment,
  origin: Origin,
): Promise<{ paymentId: string; redirectUrl: string; payment: Payment }> {
  return context.transaction(async (tx) => {
    // Locked: two starts of the same enrolment run one after the other.
    const enrolment = await ownEnrolment(tx, principal, enrolmentId, true);
    if (enrolment.status === 'cancelled' || enrolment.status === 'validated') {
      throw conflict('enrolment-closed', `This enrolment is ${enrolment.status}: its fees cannot be paid online.`);
    }
    const earlier = await toPayments(
      tx,
      await tx.select().from(payments).where(eq(payments.enrolmentId, enrolment.id)).orderBy(asc(payments.createdAt)).for('update'),
    );
    if (enrolment.paymentStatus === 'paid' || enrolment.paymentStatus === 'exempt' || earlier.some((payment) => kept(payment) > 0)) {
      throw conflict('fees-settled', 'The fees of this enrolment are already paid or waived.');
    }
    const fees = await feesOf(tx, enrolment);
    if (fees.exempt)
      throw ruleProblem('nothing-to-pay', 'The fees of this enrolment come to zero: there is nothing to pay (they are waived when it is submitted).');
    const plan = fees.instalmentPlans.find((candidate) => candidate.count === input.instalments);
    if (plan === undefined) {
      throw ruleProblem(
        'instalments-not-offered',
        `Payment in ${input.instalments} instalments is not offered for these fees; choose one of ${fees.instalmentPlans.map((p) => p.count).join(', ')}.`,
        [{ in: 'body', field: '/instalments', message: 'is not offered' }],
      );
    }
    const { provider: providerName } = await getSettings(tx);
    const provider = providers[providerName];
    if (provider === undefined) {
      throw new Problem(
        503,
        'payment-unavailable',
        'Payment unavailable',
        'Online payment is not open: no payment provider is configured. Pay at the scolarité desk.',
      );
    }

    for (const pending of earlier.filter((payment) => payment.status === 'pending')) {
      const row = await update(tx, pending.id, { status: 'failed', failureReason: 'Replaced by a newer payment.' });
      await publishPayment(context, tx, paymentEvents.paymentFailed, row, origin, pending);
    }

    const id = randomUUID();
    const session = await provider.openSession(id);
    const [row] = await tx
      .insert(payments)
      .values({
        id,
        enrolmentId: enrolment.id,
        learnerId: enrolment.learnerId,
        provider: provider.name,
        providerSession: session.session,
        status: 'pending',
        totalCents: fees.totalCents,
        instalmentCount: plan.count,
        breakdown: fees.lines,
        returnPath: input.returnPath ?? '/',
        createdAt: new Date(),
      })
      .returning();
    const dates = dueDates(new Date(), plan.count);
    await tx.insert(instalments).values(
      splitInstalments(fees.totalCents, plan.count).map((amountCents, index) => ({
        paymentId: id,
        number: index + 1,
        amountCents,
        dueDate: dates[index]!,
        status: 'due' as const,
      })),
    );
    const payment = await publishPayment(context, tx, paymentEvents.paymentStarted, row!, origin, null);
    return { paymentId: id, redirectUrl: session.redirectUrl, payment };
  });
}

/**
 * Applies a provider's callback, whose signature was checked. Its
 * transaction id is recorded first (`on conflict do nothing`): the same
 * callback again finds it and changes nothing. A collected instalment makes
 * the payment paid (at the first one) and announces `payment.payment.received`;
 * a refused first instalment fails the payment.
 */
export async function applyCallback(
  context: ModuleContext,
  provider: string,
  callback: ProviderCallback,
  origin: Origin,
): Promise<{ result: 'applied' | 'duplicate'; paymentId: string; status: Payment['status'] }> {
  return context.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, callback.paymentId)).for('update');
    if (payment === undefined || payment.provider !== provider) {
      throw ruleProblem('unknown-payment', `No payment ${callback.paymentId} went through the provider ${provider}.`);
    }
    const fresh = await tx
      .insert(providerTransactions)
      .values({
        provider,
        transactionId: callback.transactionId,
        paymentId: callback.paymentId,
        instalment: callback.instalment,
        outcome: callback.outcome,
        amountCents: callback.amountCents,
        body: callback,
      })
      .onConflictDoNothing()
      .returning({ id: providerTransactions.transactionId });
    if (fresh.length === 0) return { result: 'duplicate' as const, paymentId: payment.id, status: payment.status };

    const [instalment] = await tx
      .select()
      .from(instalments)
      .where(and(eq(instalments.paymentId, payment.id), eq(instalments.number, callback.instalment)))
      .for('update');
    if (instalment === undefined) throw ruleProblem('unknown-instalment', `The payment ${payment.id} has no instalment ${callback.instalment}.`);
    if (instalment.amountCents !== callback.amountCents) {
      throw ruleProblem('amount-mismatch', `Instalment ${instalment.number} is ${instalment.amountCents} cents; the callback says ${callback.amountCents}.`);
    }
    if (instalment.status !== 'due') throw conflict('instalment-settled', `Instalment ${instalment.number} is already ${instalment.status}.`);
    if (instalment.number > 1 && payment.status !== 'paid') {
      throw conflict('first-instalment-unpaid', 'A later instalment cannot be settled before the first one is paid.');
    }
    const before = await toPayment(tx, payment);
    if (callback.outcome === 'paid') {
      await tx
        .update(instalments)
        .set({ status: 'paid', paidAt: new Date(), providerTransactionId: callback.transactionId })
        .where(and(eq(instalments.paymentId, payment.id), eq(instalments.number, instalment.number)));
      const row = await update(tx, payment.id, { status: 'paid', failureReason: null });
      await publishPayment(context, tx, paymentEvents.paymentReceived, row, origin, before);
      return { result: 'applied' as const, paymentId: payment.id, status: row.status };
    }
    await tx
      .update(instalments)
      .set({ status: 'failed', providerTransactionId: callback.transactionId })
      .where(and(eq(instalments.paymentId, payment.id), eq(instalments.number, instalment.number)));
    // A refused later instalment leaves the payment paid: what was collected stays collected; staff follow it up.
    const row =
      instalment.number === 1
        ? await update(tx, payment.id, { status: 'failed', failureReason: 'Refused by the bank.' })
        : await update(tx, payment.id, { failureReason: `Instalment ${instalment.number} refused by the bank.` });
    await publishPayment(context, tx, paymentEvents.paymentFailed, row, origin, before);
    return { result: 'applied' as const, paymentId: payment.id, status: row.status };
  });
}

/** Staff refund part or all of a payment, with a reason: recorded, never deleted; all refunds add up to at most what was paid. */
export async function refundPayment(context: ModuleContext, providers: Providers, paymentId: string, input: CreateRefund, origin: Origin): Promise<Payment> {
  return context.transaction(async (tx) => {
    const row = await paymentRow(tx, paymentId, true);
    await assertManagesEnrolment(tx, origin.scope, row.enrolmentId, 'refund this payment');
    const before = await toPayment(tx, row);
    const refundable = kept(before);
    if (input.amountCents > refundable) {
      throw ruleProblem(
        'refund-exceeds-paid',
        `At most ${refundable} cents can be refunded: ${before.paidCents} paid, ${before.refundedCents} already refunded.`,
        [{ in: 'body', field: '/amountCents', message: `must be at most ${refundable}` }],
      );
    }
    const provider = providers[row.provider];
    if (provider === undefined) throw notFound('Payment provider', row.provider);
    const reference = await provider.refund(row.id, input.amountCents);
    await tx.insert(refunds).values({
      id: randomUUID(),
      paymentId: row.id,
      amountCents: input.amountCents,
      reason: input.reason,
      providerReference: reference,
      createdBy: origin.actor.login ?? origin.actor.subject,
      createdAt: new Date(),
    });
    const updated = await update(tx, row.id, {});
    return publishPayment(context, tx, paymentEvents.paymentRefunded, updated, origin, before);
  });
}
