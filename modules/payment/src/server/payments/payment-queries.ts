import { asc, eq, sql } from 'drizzle-orm';
import { notFound, rowsOf, type Executor } from '@pegase/platform';
import type { Payment } from '../../contract/index.ts';
import { payments } from '../shared/tables.ts';

export type PaymentRow = typeof payments.$inferSelect;

interface InstalmentJson {
  number: number;
  amount_cents: number;
  due_date: string;
  status: 'due' | 'paid' | 'failed';
  paid_at: string | null;
}

interface RefundJson {
  id: string;
  amount_cents: number;
  reason: string;
  provider_reference: string;
  created_by: string;
  created_at: string;
}

/** A timestamp as JSON gives it (2026-09-01T10:00:00.123456+02:00) in the API's form (2026-09-01T08:00:00.123Z). */
const isoInstant = (value: string) => new Date(value).toISOString();

/**
 * The instalments and refunds of payments, in one statement (every payment
 * page and callback reads them: one round trip instead of two).
 */
async function schedulesOf(db: Executor, ids: string[]): Promise<Map<string, { instalments: InstalmentJson[]; refunds: RefundJson[] }>> {
  const rows = await rowsOf<{ id: string; instalments: InstalmentJson[]; refunds: RefundJson[] }>(
    db,
    sql`select p.id,
               (select coalesce(json_agg(json_build_object('number', i.number, 'amount_cents', i.amount_cents, 'due_date', i.due_date,
                                                          'status', i.status, 'paid_at', i.paid_at) order by i.number), '[]')
                  from payment.instalments i where i.payment_id = p.id) as instalments,
               (select coalesce(json_agg(json_build_object('id', r.id, 'amount_cents', r.amount_cents, 'reason', r.reason,
                                                          'provider_reference', r.provider_reference, 'created_by', r.created_by,
                                                          'created_at', r.created_at) order by r.created_at, r.id), '[]')
                  from payment.refunds r where r.payment_id = p.id) as refunds
          from unnest(${sql.param(ids)}::uuid[]) as p (id)`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Payments as the API shows them, with their instalments and refunds, in the order of `rows`. */
export async function toPayments(db: Executor, rows: PaymentRow[]): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const schedules = await schedulesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const own = schedules.get(row.id)?.instalments ?? [];
    const ownRefunds = schedules.get(row.id)?.refunds ?? [];
    return {
      id: row.id,
      enrolmentId: row.enrolmentId,
      learnerId: row.learnerId,
      provider: row.provider,
      status: row.status,
      currency: 'EUR',
      totalCents: row.totalCents,
      paidCents: own.filter((instalment) => instalment.status === 'paid').reduce((sum, instalment) => sum + instalment.amount_cents, 0),
      refundedCents: ownRefunds.reduce((sum, refund) => sum + refund.amount_cents, 0),
      lines: row.breakdown,
      instalments: own.map((instalment) => ({
        number: instalment.number,
        amountCents: instalment.amount_cents,
        dueDate: instalment.due_date,
        status: instalment.status,
        paidAt: instalment.paid_at === null ? null : isoInstant(instalment.paid_at),
      })),
      refunds: ownRefunds.map((refund) => ({
        id: refund.id,
        amountCents: refund.amount_cents,
        reason: refund.reason,
        providerReference: refund.provider_reference,
        createdBy: refund.created_by,
        createdAt: isoInstant(refund.created_at),
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
