import { asc, eq, inArray } from 'drizzle-orm';
import { notFound, type Executor } from '@pegase/platform';
import type { Payment } from '../../contract/index.ts';
import { instalments, payments, refunds } from '../shared/tables.ts';

export type PaymentRow = typeof payments.$inferSelect;

/** Payments as the API shows them, with their instalments and refunds, in the order of `rows`. */
export async function toPayments(db: Executor, rows: PaymentRow[]): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  // One after the other: db may be a transaction, whose one connection takes one query at a time.
  const schedule = await db.select().from(instalments).where(inArray(instalments.paymentId, ids)).orderBy(asc(instalments.paymentId), asc(instalments.number));
  const given = await db.select().from(refunds).where(inArray(refunds.paymentId, ids)).orderBy(asc(refunds.createdAt), asc(refunds.id));
  return rows.map((row) => {
    const own = schedule.filter((instalment) => instalment.paymentId === row.id);
    const ownRefunds = given.filter((refund) => refund.paymentId === row.id);
    return {
      id: row.id,
      enrolmentId: row.enrolmentId,
      learnerId: row.learnerId,
      provider: row.provider,
      status: row.status,
      currency: 'EUR',
      totalCents: row.totalCents,
      paidCents: own.filter((instalment) => instalment.status === 'paid').reduce((sum, instalment) => sum + instalment.amountCents, 0),
      refundedCents: ownRefunds.reduce((sum, refund) => sum + refund.amountCents, 0),
      lines: row.breakdown,
      instalments: own.map((instalment) => ({
        number: instalment.number,
        amountCents: instalment.amountCents,
        dueDate: instalment.dueDate,
        status: instalment.status,
        paidAt: instalment.paidAt?.toISOString() ?? null,
      })),
      refunds: ownRefunds.map((refund) => ({
        id: refund.id,
        amountCents: refund.amountCents,
        reason: refund.reason,
        providerReference: refund.providerReference,
        createdBy: refund.createdBy,
        createdAt: refund.createdAt.toISOString(),
      })),
      failureReason: row.failureReason,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function toPayment(db: Executor, row: PaymentRow): Promise<Payment> {
  return (await toPayments(db, [row]))[0]!;
}

export async function paymentRow(db: Executor, id: string, lock = false): Promise<PaymentRow> {
  const query = db.select().from(payments).where(eq(payments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Payment', id);
  return row;
}

/** The payments of an enrolment, oldest first. */
export async function paymentsOfEnrolment(db: Executor, enrolmentId: string): Promise<Payment[]> {
  const rows = await db.select().from(payments).where(eq(payments.enrolmentId, enrolmentId)).orderBy(asc(payments.createdAt), asc(payments.id));
  return toPayments(db, rows);
}
