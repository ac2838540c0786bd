import { eq } from 'drizzle-orm';
import { notFound, type Principal, type Transaction } from '@pegase/platform';
import { enrolments, learners } from '../shared/tables.ts';
import type { EnrolmentRow } from './enrolment-mapper.ts';

/**
 * The signed-in student's enrolment, locked for a change, or 404: never
 * another learner's, whose existence is not told.
 */
export async function ownEnrolment(tx: Transaction, principal: Principal | null, id: string): Promise<EnrolmentRow> {
  const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id)).for('update');
  if (row === undefined || !principal?.learnerCode) throw notFound('Enrolment', id);
  const [owner] = await tx.select({ code: learners.code }).from(learners).where(eq(learners.id, row.learnerId));
  if (owner?.code !== principal.learnerCode) throw notFound('Enrolment', id);
  return row;
}
