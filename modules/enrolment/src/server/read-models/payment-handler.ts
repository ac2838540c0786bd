import { Problem, systemOrigin, type EventHandler, type ModuleContext, type PegaseEvent, type Transaction } from '@pegase/platform';
import { paymentEvents, type Fees, type Payment } from '@pegase/payment/contract';
import { setPaymentStatus } from '../enrolments/enrolment-commands.ts';

/**
 * The payment status reaches enrolment through the payment module's events:
 * `payment.payment.received` (the first instalment is enough) makes the
 * fees `paid`, `payment.fees.waived` (nothing to pay) makes them `exempt`.
 * The command runs in the delivery's transaction, so that the change, its
 * event and audit entry, and the inbox mark commit together (and PGlite's
 * single connection is not asked for a second transaction). A payment for an
 * enrolment cancelled meanwhile changes nothing here: staff refund it.
 */
export function paymentHandler(context: ModuleContext): EventHandler[] {
  const settle = async (event: PegaseEvent, tx: Transaction, enrolmentId: string, status: 'paid' | 'exempt') => {
    const inDelivery: ModuleContext = { ...context, transaction: (work) => work(tx) };
    try {
      await setPaymentStatus(inDelivery, enrolmentId, status, { ...systemOrigin('payment'), requestId: event.requestId ?? 'system:payment' });
    } catch (error) {
      if (error instanceof Problem && error.slug === 'cancelled') {
        context.logger.warn({ enrolmentId, eventId: event.id }, `fees ${status} for a cancelled enrolment: left as it is`);
        return;
      }
      throw error;
    }
  };
  return [
    {
      consumer: 'enrolment.payments',
      event: paymentEvents.paymentReceived.type,
      handle: (event, tx) => settle(event, tx, (event.data as Payment).enrolmentId, 'paid'),
    },
    {
      consumer: 'enrolment.payments',
      event: paymentEvents.feesWaived.type,
      handle: (event, tx) => settle(event, tx, (event.data as Fees).enrolmentId, 'exempt'),
    },
  ];
}
